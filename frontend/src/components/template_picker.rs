//! An ARM template can hold several image templates: choose the one the form edits.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::use_editor;
use crate::state::EditorAction;

#[function_component(TemplatePicker)]
pub fn template_picker() -> Html {
    let editor = use_editor();
    let templates = &editor.analysis.report.templates;
    if templates.len() < 2 {
        return html! {};
    }
    let document = editor.analysis.value.clone();
    let onchange = {
        let editor = editor.clone();
        Callback::from(move |e: Event| {
            if let Ok(index) = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse::<usize>()
            {
                editor.dispatch(EditorAction::SelectTemplate(index));
            }
        })
    };
    html! {
        <div class="field template-picker">
            <label for="template-picker">{ "Image template to edit" }</label>
            <select id="template-picker" {onchange}>
                { for templates.iter().enumerate().map(|(i, t)| {
                    let name = document.as_ref().and_then(|d| d.pointer(&t.pointer)).and_then(|r| r.get("name")).and_then(|n| n.as_str()).unwrap_or("(no name)").to_owned();
                    html! { <option value={i.to_string()} selected={i == editor.template_index}>{ format!("{} — {name} ({})", i + 1, t.pointer) }</option> }
                }) }
            </select>
        </div>
    }
}
