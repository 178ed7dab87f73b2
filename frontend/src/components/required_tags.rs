//! The tags an organisation's policy requires (`requiredTags`), each a field of its own in
//! Basics, so a missing one is an empty box with its error beside it rather than a line in
//! Problems about a map.

use std::rc::Rc;

use serde_json::Value;
use yew::prelude::*;

use super::field::FieldView;
use super::use_form_editor;
use crate::form::{Field, Kind};
use crate::pointers::TemplatePointer;
use crate::use_policy::use_policy_context;

#[function_component(RequiredTags)]
pub fn required_tags() -> Html {
    let policy = use_policy_context();
    let editor = use_form_editor();
    let Some(shape) = policy.state.shape() else {
        return html! {};
    };
    if shape.required_tags().next().is_none() {
        return html! {};
    }
    let tags = editor
        .template()
        .and_then(|t| t.get("tags"))
        .and_then(Value::as_object);
    html! {
        <fieldset class="group required-tags">
            <legend>{ format!("Tags the {} policy requires", shape.title()) }</legend>
            { for shape.required_tags().map(|tag| {
                // Azure compares tag names without regard to case, and so does the policy:
                // a tag written `CostCenter` is the required `costCenter`.
                let key = tags
                    .and_then(|t| t.keys().find(|k| k.eq_ignore_ascii_case(tag)))
                    .map_or(tag, String::as_str);
                let field = Field {
                    key: key.to_owned(),
                    label: format!("Tag {tag}"),
                    help: None,
                    default: None,
                    required: true,
                    kind: Kind::Text { choices: Vec::new() },
                    schema: Value::Null,
                };
                let pointer = TemplatePointer::from("/tags").join(key);
                html! { <FieldView key={tag} {pointer} field={Rc::new(field)} /> }
            }) }
        </fieldset>
    }
}
