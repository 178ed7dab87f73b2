//! Maps of names to values, such as tags: one row per entry, with add and remove.

use serde_json::{Map, Value};
use validator_core::Severity;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::diagnostics::FieldMessages;
use super::field::{field_hint, FieldProps};
use super::id_builder::IdBuilder;
use super::text_box::TextBox;
use super::{field_id, use_field, FieldContext};
use crate::pickers::IdKind;
use crate::state::EditorAction;

#[function_component(MapField)]
pub fn map_field(props: &FieldProps) -> Html {
    let FieldContext {
        editor,
        abs,
        diagnostics,
        value,
    } = use_field(&props.pointer);
    let entries: Vec<(String, Value)> = value
        .as_ref()
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    let disabled = editor.is_read_only();
    let base_id = field_id(&abs);
    // Maps of objects (user-assigned identities: `{"<resource ID>": {}}`) edit only the names.
    let root = validator_core::schema::schema(editor.api_version());
    let object_values = crate::form::map_value_schema(root, &props.field.schema)
        .is_some_and(|s| matches!(crate::form::kind(root, s), crate::form::Kind::Object));
    let pointer_ends_with_identities = props.pointer.as_str().ends_with("/userAssignedIdentities");
    // Where a new identity's ID starts from (a walk of the template: only for identities).
    let scope = pointer_ends_with_identities
        .then(|| editor.template().and_then(crate::pickers::known_scope))
        .flatten();
    let new_value = if object_values {
        Value::Object(Map::new())
    } else {
        Value::String(String::new())
    };

    // Writes the whole map so that a renamed key keeps its place.
    let write = {
        let editor = editor.clone();
        let pointer = props.pointer.clone();
        move |entries: Vec<(String, Value)>| {
            let map: Map<String, Value> = entries.into_iter().collect();
            editor.dispatch(EditorAction::SetValue {
                pointer: pointer.clone(),
                value: Value::Object(map),
            });
        }
    };
    let rows = entries.iter().enumerate().map(|(i, (key, val))| {
        // A name typed in its box, or an identity's ID from the builder.
        let rename_to = {
            let entries = entries.clone();
            let write = write.clone();
            Callback::from(move |new_key: String| {
                let mut next = entries.clone();
                if !next.iter().any(|(k, _)| *k == new_key) {
                    next[i].0 = new_key;
                    write(next);
                }
            })
        };
        let rename =
            rename_to.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().value());
        let set = {
            let entries = entries.clone();
            let write = write.clone();
            Callback::from(move |e: Event| {
                let mut next = entries.clone();
                next[i].1 = Value::String(e.target_unchecked_into::<HtmlInputElement>().value());
                write(next);
            })
        };
        let remove = {
            let entries = entries.clone();
            let write = write.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = entries.clone();
                next.remove(i);
                write(next);
            })
        };
        let key_pointer = abs.join(key);
        let shown = val.as_str().map_or_else(|| val.to_string(), str::to_owned);
        let key_id = format!("{base_id}-key-{i}");
        let value_id = format!("{base_id}-value-{i}");
        html! {
            <div class={classes!("map-row", object_values.then_some("keys-only"))} key={key.clone()}>
                <label for={key_id.clone()} class="visually-hidden">{ format!("Name {}", i + 1) }</label>
                <TextBox id={key_id} value={key.clone()} pointer={Some(AttrValue::from(key_pointer.clone()))} onchange={rename} {disabled} />
                if !object_values {
                    <label for={value_id.clone()} class="visually-hidden">{ format!("Value of {key}") }</label>
                    <TextBox id={value_id} value={shown} onchange={set} {disabled} />
                }
                <button type="button" class="danger" onclick={remove} {disabled} aria-label={format!("Remove {key}")}>{ "Remove" }</button>
                if pointer_ends_with_identities {
                    <IdBuilder id={format!("{base_id}-id-{i}")} kind={IdKind::Identity} value={key.clone()} scope={scope.clone()} onbuild={rename_to.clone()} {disabled} />
                }
            </div>
        }
    }).collect::<Html>();
    let add = {
        let entries = entries.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = entries.clone();
            let mut n = next.len() + 1;
            while next.iter().any(|(k, _)| *k == format!("name{n}")) {
                n += 1;
            }
            let key = if object_values && pointer_ends_with_identities {
                "/subscriptions/<subscriptionId>/resourceGroups/<resourceGroup>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<identityName>".to_owned()
            } else {
                format!("name{n}")
            };
            if !next.iter().any(|(k, _)| *k == key) {
                next.push((key, new_value.clone()));
            }
            write(next);
        })
    };
    let invalid = diagnostics.iter().any(|d| d.severity == Severity::Error);
    html! {
        <fieldset class={classes!("group", "map", invalid.then_some("has-error"))} data-pointer={abs.clone()} tabindex="-1">
            <legend>{ &props.field.label }{ format!(" ({})", entries.len()) }</legend>
            { field_hint(&props.field) }
            <FieldMessages id={format!("{base_id}-messages")} diagnostics={diagnostics} />
            { rows }
            <button type="button" onclick={add} {disabled}>{ format!("Add to {}", props.field.label.to_lowercase()) }</button>
        </fieldset>
    }
}
