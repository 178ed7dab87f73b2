//! An ARM template can hold several image templates: choose the one the form edits.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::use_form_editor;
use crate::state::EditorAction;

#[function_component(TemplatePicker)]
pub fn template_picker() -> Html {
    let editor = use_form_editor();
    let templates = editor.template_pointers();
    if templates.len() < 2 {
        return html! {};
    }
    let document = editor.document();
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
                { for templates.iter().enumerate().map(|(i, pointer)| {
                    let name = document.and_then(|d| d.pointer(pointer.as_str())).and_then(|r| r.get("name")).and_then(|n| n.as_str()).unwrap_or("(no name)").to_owned();
                    html! { <option value={i.to_string()} selected={i == editor.template_index}>{ format!("{} — {name} ({pointer})", i + 1) }</option> }
                }) }
            </select>
        </div>
    }
}
