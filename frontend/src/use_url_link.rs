//! `#url=<address>`: a link that loads a template from an address, for documentation that
//! keeps its examples as files. The template opens as a new draft; the draft that was open
//! stays under Recent drafts.
//!
//! Only some origins may be read: the page's own, and those its host lists when deploying
//! (`AIB_LINK_ORIGINS`, read by `scripts/csp.py`, which writes them both into the page's
//! `<meta name="aib-link-origins">` and into the Content-Security-Policy's `connect-src`, so
//! the two never disagree). The default list is `https://raw.githubusercontent.com`.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::components::Editor;
use crate::state::EditorAction;
use crate::{browser, draft_storage};

const PREFIX: &str = "url=";

/// The address a fragment (without `#`) names, still URL-encoded as written.
pub fn address_of(fragment: &str) -> Option<&str> {
    fragment.strip_prefix(PREFIX).filter(|a| !a.is_empty())
}

/// `scheme://host[:port]` of an absolute address.
pub fn origin_of(address: &str) -> Option<&str> {
    let (scheme, rest) = address.split_once("://")?;
    if scheme.is_empty() || !scheme.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    // `user@host` would let `https://raw.githubusercontent.com@evil.example` pass a prefix check.
    let host = &rest[..host_end];
    if host.is_empty() || host.contains('@') {
        return None;
    }
    Some(&address[..scheme.len() + 3 + host_end])
}

/// Whether the page may read `address` (absolute): its origin is the page's or listed.
pub fn is_allowed(address: &str, page_origin: &str, listed: &[String]) -> Result<(), String> {
    let origin = origin_of(address).ok_or_else(|| format!("{address} is not a web address"))?;
    if origin.eq_ignore_ascii_case(page_origin)
        || listed.iter().any(|o| o.eq_ignore_ascii_case(origin))
    {
        Ok(())
    } else {
        let mut allowed = vec![page_origin.to_owned()];
        allowed.extend(listed.iter().cloned());
        Err(format!(
            "this page may only load templates from {} (the site's host can allow more origins)",
            allowed.join(", ")
        ))
    }
}

/// Loads the template of a `#url=` link when the tab opens with one and whenever one is
/// opened in this tab.
#[hook]
pub fn use_url_link(editor: Editor) {
    use_effect_with((), move |_| {
        open_link_in_address(editor.clone());
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| {
                open_link_in_address(editor.clone())
            })
        });
        move || drop(listener)
    });
}

fn open_link_in_address(editor: Editor) {
    let fragment = browser::fragment();
    let Some(address) = address_of(&fragment) else {
        return;
    };
    let address = percent_encoding::percent_decode_str(address)
        .decode_utf8_lossy()
        .into_owned();
    // Read once: a reload opens this tab's draft, not the link again.
    browser::clear_fragment();
    wasm_bindgen_futures::spawn_local(async move {
        let action = match load(&address).await {
            Ok(text) => EditorAction::OpenDraft {
                id: draft_storage::new_id(),
                text,
                undo: Vec::new(),
                notice: Some(format!(
                    "Opened the template from {address} as a new draft: your previous draft is under Recent drafts."
                )),
            },
            Err(e) => EditorAction::Notify(format!("The template at {address} could not be loaded: {e}.")),
        };
        editor.dispatch(action);
    });
}

/// The text at `address` (relative to the page, or absolute), if the page may read it.
async fn load(address: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let base = window.location().href().map_err(|_| "no page address")?;
    let url = web_sys::Url::new_with_base(address, &base).map_err(|_| "not a web address")?;
    let page_origin = window.location().origin().map_err(|_| "no page origin")?;
    is_allowed(&url.href(), &page_origin, &listed_origins())?;
    let text = browser::fetch_text(&url.href()).await?;
    if text.len() > validator_core::MAX_INPUT_BYTES {
        return Err(format!(
            "it is {} MiB, more than the {} MiB the designer reads",
            text.len() >> 20,
            validator_core::MAX_INPUT_BYTES >> 20
        ));
    }
    Ok(text)
}

/// The origins the host allowed besides the page's own (`<meta name="aib-link-origins">`).
fn listed_origins() -> Vec<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=aib-link-origins]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .map(|content| content.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_pages_origin_and_listed_ones_are_read() {
        let listed = vec!["https://raw.githubusercontent.com".to_owned()];
        let page = "https://aib.example.org";
        assert!(is_allowed("https://aib.example.org/examples/a.json", page, &listed).is_ok());
        assert!(is_allowed(
            "https://raw.githubusercontent.com/o/r/main/t.json",
            page,
            &listed
        )
        .is_ok());
        for refused in [
            "https://evil.example/t.json",
            "https://raw.githubusercontent.com.evil.example/t.json",
            "https://raw.githubusercontent.com@evil.example/t.json",
            "http://raw.githubusercontent.com/o/r/t.json",
            "javascript:alert(1)",
            "data:application/json,{}",
        ] {
            assert!(is_allowed(refused, page, &listed).is_err(), "{refused}");
        }
    }

    #[test]
    fn origins_and_addresses() {
        assert_eq!(
            origin_of("https://a.example:8443/x?y#z"),
            Some("https://a.example:8443")
        );
        assert_eq!(origin_of("https://a.example"), Some("https://a.example"));
        assert_eq!(origin_of("/relative"), None);
        assert_eq!(
            address_of("url=https%3A%2F%2Fa.example%2Ft.json"),
            Some("https%3A%2F%2Fa.example%2Ft.json")
        );
        assert_eq!(address_of("url="), None);
        assert_eq!(address_of("t=abc"), None);
    }
}
