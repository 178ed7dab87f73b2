//! Ordered lists: customizers, distribution targets, validators, target regions (entries with
//! add, remove, duplicate, move up/down, drag to reorder, collapse), and lists of text such
//! as inline commands (one per line).

use std::rc::Rc;

use serde_json::Value;
use validator_core::{schema, Severity};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::diagnostics::FieldMessages;
use super::entry_list::EntryList;
use super::field::{field_hint, JsonField};
use super::{field_id, use_field, use_form_editor, FieldContext};
use crate::form::{self, Kind};
use crate::state::EditorAction;
use crate::use_dom_value::use_dom_value;

use super::field::FieldProps;

/// A list: entries for objects, lines for text.
#[function_component(ListField)]
pub fn list_field(props: &FieldProps) -> Html {
    let editor = use_form_editor();
    let root = schema::schema(editor.api_version());
    // Borrowed, not cloned: the list can be a megabyte of customizers.
    let value = editor
        .template()
        .and_then(|t| t.pointer(props.pointer.as_str()));
    let Some(items) = form::item_schema(root, &props.field.schema) else {
        return html! { <JsonField ..props.clone() /> };
    };
    let item_kind = form::kind(root, items);
    let multi_line_item = value.and_then(Value::as_array).is_some_and(|a| {
        a.iter()
            .any(|i| i.as_str().is_some_and(|s| s.contains('\n')))
    });
    match item_kind {
        Kind::Union { .. } | Kind::Object => {
            html! { <EntryList pointer={props.pointer.clone()} field={props.field.clone()} item_kind={Rc::new(item_kind)} /> }
        }
        Kind::Text { .. } | Kind::Integer { .. } if !multi_line_item => {
            html! { <LineList ..props.clone() /> }
        }
        _ => html! { <JsonField ..props.clone() /> },
    }
}

/// A list of text edited one item per line.
#[function_component(LineList)]
fn line_list(props: &FieldProps) -> Html {
    let FieldContext {
        editor,
        abs,
        diagnostics,
        value,
    } = use_field(&props.pointer);
    let numbers = value
        .as_ref()
        .and_then(Value::as_array)
        .is_some_and(|a| a.iter().all(Value::is_number))
        && value
            .as_ref()
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty());
    let shown = value
        .as_ref()
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default();
    let id = field_id(&abs);
    let onchange = {
        let editor = editor.clone();
        let pointer = props.pointer.clone();
        let present = value.is_some();
        Callback::from(move |e: Event| {
            let raw = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            let lines: Vec<Value> = raw
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    if numbers {
                        l.trim()
                            .parse::<i64>()
                            .map(Value::from)
                            .unwrap_or_else(|_| Value::from(l))
                    } else {
                        Value::from(l)
                    }
                })
                .collect();
            if lines.is_empty() && present {
                editor.dispatch(EditorAction::Remove {
                    pointer: pointer.clone(),
                });
            } else if !lines.is_empty() {
                editor.dispatch(EditorAction::SetValue {
                    pointer: pointer.clone(),
                    value: Value::Array(lines),
                });
            }
        })
    };
    let invalid = diagnostics.iter().any(|d| d.severity == Severity::Error);
    let rows = (shown.lines().count() + 1).clamp(2, 16).to_string();
    let text_box = use_dom_value(&shown);
    html! {
        <div class={classes!("field", invalid.then_some("has-error"))}>
            <label for={id.clone()}>{ &props.field.label }<span class="unit">{ " (one per line)" }</span></label>
            <textarea id={id.clone()} data-pointer={abs} {rows} ref={text_box} {onchange} spellcheck="false"
                      aria-invalid={invalid.to_string()} aria-describedby={format!("{id}-messages")}
                      disabled={editor.is_read_only()} />
            { field_hint(&props.field) }
            <FieldMessages id={format!("{id}-messages")} diagnostics={diagnostics} />
        </div>
    }
}
