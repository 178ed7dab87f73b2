//! Templates from the quickstarts are full of `<placeholders>`: list each once and fill every
//! occurrence at once.

use std::collections::BTreeMap;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::use_editor;
use crate::state::EditorAction;

/// Each placeholder in the text and how often it occurs, in first-seen order.
pub fn placeholders(text: &str) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut order = Vec::new();
    for line in text.lines() {
        for token in validator_core::model::placeholders(line) {
            let count = counts.entry(token).or_insert(0);
            if *count == 0 {
                order.push(token);
            }
            *count += 1;
        }
    }
    order
        .into_iter()
        .map(|t| (t.to_owned(), counts[t]))
        .collect()
}

#[function_component(PlaceholderForm)]
pub fn placeholder_form() -> Html {
    let editor = use_editor();
    let found = placeholders(&editor.text);
    if found.is_empty() {
        return html! {};
    }
    html! {
        <section class="placeholders" aria-labelledby="placeholders-heading">
            <h3 id="placeholders-heading">{ format!("Placeholders to fill ({})", found.len()) }</h3>
            <p class="hint">{ "Each value replaces every occurrence of its placeholder in the template." }</p>
            { for found.iter().enumerate().map(|(i, (token, count))| {
                let id = format!("placeholder-{i}");
                let onchange = {
                    let editor = editor.clone();
                    let token = token.clone();
                    Callback::from(move |e: Event| {
                        let value = e.target_unchecked_into::<HtmlInputElement>().value();
                        if !value.is_empty() {
                            editor.dispatch(EditorAction::FillPlaceholder { token: token.clone(), value });
                        }
                    })
                };
                html! {
                    <div class="field" key={token.clone()}>
                        <label for={id.clone()}>{ token }<span class="unit">{ format!(" ({count}×)") }</span></label>
                        <input {id} type="text" {onchange} />
                    </div>
                }
            }) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn lists_each_placeholder_once_with_its_count() {
        let text = "{\"a\": \"<region>\", \"b\": \"/subscriptions/<sub>/x/<region>\"}\n<minutes>";
        assert_eq!(
            placeholders(text),
            vec![
                ("<region>".to_owned(), 2),
                ("<sub>".to_owned(), 1),
                ("<minutes>".to_owned(), 1)
            ]
        );
    }
}
