//! The few things the app asks of the browser: clipboard, downloads, the URL fragment, focus.
//! Kept here so components stay declarative.

use wasm_bindgen::JsCast;

/// Copies text; falls back to a hidden text area where the Clipboard API is not allowed.
pub async fn copy(text: String) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let clipboard = window.navigator().clipboard();
    match wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await {
        Ok(_) => Ok(()),
        Err(_) => copy_with_selection(&text),
    }
}

fn copy_with_selection(text: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let area: web_sys::HtmlTextAreaElement = document
        .create_element("textarea")
        .map_err(|_| "cannot copy")?
        .unchecked_into();
    area.set_value(text);
    // A class, not a style attribute: the Content-Security-Policy allows no inline styles.
    let _ = area.set_attribute("class", "offscreen");
    let body = document.body().ok_or("no body")?;
    let _ = body.append_child(&area);
    area.select();
    let copied = document
        .unchecked_ref::<web_sys::HtmlDocument>()
        .exec_command("copy")
        .unwrap_or(false);
    let _ = body.remove_child(&area);
    if copied {
        Ok(())
    } else {
        Err("the browser refused to copy".into())
    }
}

/// Offers `text` as a file download.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "cannot create the file")?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "cannot create the file")?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "cannot download")?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The URL fragment without `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_owned()
}

/// The page's address with `fragment`, for a share link.
pub fn link_with_fragment(fragment: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
        .unwrap_or_default();
    format!("{base}#{fragment}")
}

/// The text at `url` (absolute, or relative to the page), fetched by the browser.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the address could not be reached (offline, or it does not allow other sites to read it)")?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "the answer is not text")?)
        .await
        .map_err(|_| "the answer could not be read")?;
    text.as_string()
        .ok_or_else(|| "the answer is not text".into())
}

/// Whether the page is the compact view for an `<iframe>` (`?embed` in its address).
pub fn is_embed() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|search| {
            search
                .trim_start_matches('?')
                .split('&')
                .any(|p| p == "embed" || p.starts_with("embed="))
        })
}

/// Opens `url` in a new tab that cannot reach back into this page; false if the browser
/// refused. (With `noopener` it returns no window even when it opened one.)
pub fn open_in_new_tab(url: &str) -> bool {
    web_sys::window().is_some_and(|window| {
        window
            .open_with_url_and_target_and_features(url, "_blank", "noopener")
            .is_ok()
    })
}

/// Removes the fragment from the address bar without reloading or scrolling.
pub fn clear_fragment() {
    if let Some(window) = web_sys::window() {
        if let (Ok(history), Ok(path)) = (window.history(), window.location().pathname()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

/// Focuses the field that shows `pointer` (or the nearest enclosing one) and scrolls to it.
pub fn focus_pointer(pointer: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let mut current = pointer.to_owned();
    loop {
        let selector = format!(
            "[data-pointer=\"{}\"]",
            current.replace('\\', "\\\\").replace('"', "\\\"")
        );
        if let Ok(Some(element)) = document.query_selector(&selector) {
            let element: web_sys::HtmlElement = element.unchecked_into();
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            element.scroll_into_view_with_scroll_into_view_options(&options);
            let _ = element.focus();
            return true;
        }
        match current.rfind('/') {
            Some(i) if !current.is_empty() => current.truncate(i),
            _ => return false,
        }
    }
}

/// Focuses the element with `id`, if it is on the page.
pub fn focus_id(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element {
        let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// Distance from the top of the window to the element with `id`, if it is on the page.
pub fn element_top(id: &str) -> Option<f64> {
    let element = web_sys::window()?.document()?.get_element_by_id(id)?;
    Some(element.get_bounding_client_rect().top())
}

/// Scrolls the page down by `dy` pixels (up if negative).
pub fn scroll_by(dy: f64) {
    if let Some(window) = web_sys::window() {
        if dy != 0.0 {
            window.scroll_by_with_x_and_y(0.0, dy);
        }
    }
}
