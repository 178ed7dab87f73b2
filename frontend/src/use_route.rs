//! Which page the address asks for: the designer, or a rule's page (`#/rules/AIB030`), which
//! problems and squiggles link to. Following the fragment keeps the browser's Back button and
//! links from documentation working; the designer stays mounted underneath, so nothing about
//! the work in progress changes.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::browser;

/// The fragment of a rule's page.
const RULE_PREFIX: &str = "/rules/";

/// The page's address for the rule `code`.
pub fn rule_href(code: &str) -> String {
    format!("#{RULE_PREFIX}{code}")
}

/// The rule a fragment (without `#`) names, if it is a rule page's: a built-in rule's code or
/// name, or a policy's `POL-<id>` (ids also use `_` and `.`).
pub fn rule_of(fragment: &str) -> Option<String> {
    let code = fragment.strip_prefix(RULE_PREFIX)?;
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    (!code.is_empty() && code.chars().all(allowed)).then(|| code.to_owned())
}

/// The rule whose page is open, following the address.
#[hook]
pub fn use_rule_route() -> UseStateHandle<Option<String>> {
    let rule = use_state(|| rule_of(&browser::fragment()));
    {
        let rule = rule.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    rule.set(rule_of(&browser::fragment()))
                })
            });
            move || drop(listener)
        });
    }
    rule
}

/// Leaves a rule's page for the designer.
pub fn to_designer() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash("");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_pages_are_named_by_code_or_name_and_nothing_else() {
        assert_eq!(rule_of("/rules/AIB030").as_deref(), Some("AIB030"));
        assert_eq!(
            rule_of("/rules/POL-build_time.v2").as_deref(),
            Some("POL-build_time.v2")
        );
        assert_eq!(
            rule_of("/rules/script-source").as_deref(),
            Some("script-source")
        );
        assert_eq!(
            rule_of(&rule_href("AIB071")[1..]).as_deref(),
            Some("AIB071")
        );
        assert_eq!(rule_of("/rules/"), None);
        assert_eq!(rule_of("/rules/<img>"), None);
        assert_eq!(rule_of("t=abc"), None);
    }
}
