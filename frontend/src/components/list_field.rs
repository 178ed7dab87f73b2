//! Ordered lists: customizers, distribution targets, validators, target regions (entries with
//! add, remove, duplicate, move up/down, drag to reorder, collapse), and lists of text such
//! as inline commands (one per line).

use std::rc::Rc;

use serde_json::Value;
use validator_core::catalog::customizers::{self, Fit};
use validator_core::{schema, Os, Severity};
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::diagnostics::FieldMessages;
use super::field::{field_hint, FieldView, JsonField};
use super::{field_id, use_editor, use_field, FieldContext};
use crate::form::{self, Field, Kind};
use crate::state::EditorAction;

use super::field::FieldProps;

/// A list: entries for objects, lines for text.
#[function_component(ListField)]
pub fn list_field(props: &FieldProps) -> Html {
    let editor = use_editor();
    let root = schema::schema(editor.api_version());
    let value = editor
        .template()
        .and_then(|t| t.pointer(&props.pointer))
        .cloned();
    let Some(items) = form::item_schema(root, &props.field.schema) else {
        return html! { <JsonField ..props.clone() /> };
    };
    let item_kind = form::kind(root, items);
    let multi_line_item = value.as_ref().and_then(Value::as_array).is_some_and(|a| {
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
        let pointer = props.pointer.to_string();
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
    html! {
        <div class={classes!("field", invalid.then_some("has-error"))}>
            <label for={id.clone()}>{ &props.field.label }<span class="unit">{ " (one per line)" }</span></label>
            <textarea id={id.clone()} data-pointer={abs} {rows} value={shown} {onchange} spellcheck="false"
                      aria-invalid={invalid.to_string()} aria-describedby={format!("{id}-messages")}
                      disabled={editor.has_syntax_errors()} />
            { field_hint(&props.field) }
            <FieldMessages id={format!("{id}-messages")} diagnostics={diagnostics} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EntryListProps {
    pointer: AttrValue,
    field: Rc<Field>,
    item_kind: Rc<Kind>,
}

/// Which types a new entry may have: customizers and validators are offered by the image's OS.
fn offered_types(list_pointer: &str, variants: &[String], os: Option<Os>) -> Vec<String> {
    let fit = if list_pointer.ends_with("/customize") {
        Some(customizers::fit as fn(&str, Os) -> Fit)
    } else if list_pointer.ends_with("/inVMValidations") {
        Some(customizers::validator_fit as fn(&str, Os) -> Fit)
    } else {
        None
    };
    // Only what runs well there: PowerShell on Linux is doubtful, so not offered.
    let allowed = |t: &str| match (fit, os) {
        (Some(fit), Some(os)) => fit(t, os) == Fit::Runs,
        _ => true,
    };
    variants.iter().filter(|v| allowed(v)).cloned().collect()
}

#[function_component(EntryList)]
fn entry_list(props: &EntryListProps) -> Html {
    let FieldContext {
        editor,
        abs,
        diagnostics,
        value,
    } = use_field(&props.pointer);
    let items: Vec<Value> = value
        .as_ref()
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let os = editor
        .analysis
        .report
        .templates
        .get(editor.template_index)
        .and_then(|t| Os::parse(t.os));
    let variants = match &*props.item_kind {
        Kind::Union { variants, .. } => offered_types(&props.pointer, variants, os),
        _ => Vec::new(),
    };
    let new_type = use_state(|| None::<String>);
    let dragged = use_state(|| None::<usize>);
    let disabled = editor.has_syntax_errors();
    let chosen = (*new_type)
        .clone()
        .filter(|t| variants.contains(t))
        .or_else(|| variants.first().cloned());

    let add = {
        let editor = editor.clone();
        let pointer = props.pointer.to_string();
        let chosen = chosen.clone();
        let count = items.len();
        Callback::from(move |_| {
            let value = match &chosen {
                Some(t) => serde_json::json!({ "type": t }),
                None => serde_json::json!({}),
            };
            editor.dispatch(EditorAction::Insert {
                pointer: pointer.clone(),
                index: count,
                value,
            });
        })
    };
    let choose = {
        let new_type = new_type.clone();
        Callback::from(move |e: Event| {
            new_type.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value()))
        })
    };
    let add_label = format!("Add {}", singular(&props.field.label));
    let select_id = format!("{}-new-type", field_id(&abs));
    let item_schema = form::item_schema(schema::schema(editor.api_version()), &props.field.schema)
        .cloned()
        .unwrap_or(Value::Null);

    html! {
        <fieldset class="group list" data-pointer={abs.clone()} tabindex="-1">
            <legend>{ &props.field.label }{ format!(" ({})", items.len()) }</legend>
            { field_hint(&props.field) }
            <FieldMessages id={format!("{}-messages", field_id(&abs))} diagnostics={diagnostics} />
            <ol class="entries">
                { for items.iter().enumerate().map(|(index, item)| {
                    let entry = Entry {
                        list: props.pointer.to_string(),
                        index,
                        count: items.len(),
                        item: item.clone(),
                        label: props.field.label.clone(),
                        schema: item_schema.clone(),
                    };
                    html! { <EntryView key={index} entry={Rc::new(entry)} dragged={dragged.clone()} /> }
                }) }
            </ol>
            <div class="add-entry">
                if !variants.is_empty() {
                    <label for={select_id.clone()}>{ "Type of the new entry" }</label>
                    <select id={select_id} onchange={choose} {disabled}>
                        { for variants.iter().map(|v| html! { <option value={v.clone()} selected={Some(v) == chosen.as_ref()}>{ v }</option> }) }
                    </select>
                }
                <button type="button" onclick={add} {disabled}>{ add_label }</button>
            </div>
        </fieldset>
    }
}

/// "Customize" → "customizer", "Distribute" → "distribution target".
fn singular(label: &str) -> String {
    match label {
        "Customize" => "customizer".into(),
        "Distribute" => "distribution target".into(),
        "In VM validations" => "validator".into(),
        "Target regions" => "target region".into(),
        other => format!("{} entry", other.to_lowercase()),
    }
}

#[derive(Clone, PartialEq)]
struct Entry {
    list: String,
    index: usize,
    count: usize,
    item: Value,
    label: String,
    schema: Value,
}

#[derive(Properties, PartialEq)]
struct EntryViewProps {
    entry: Rc<Entry>,
    dragged: UseStateHandle<Option<usize>>,
}

#[function_component(EntryView)]
fn entry_view(props: &EntryViewProps) -> Html {
    let editor = use_editor();
    let e = &props.entry;
    let pointer = validator_core::pointer::join_index(&e.list, e.index);
    let abs = format!("{}{}", editor.template_base(), pointer);
    let errors = editor
        .analysis
        .report
        .diagnostics
        .iter()
        .filter(|d| {
            d.severity == Severity::Error
                && (d.pointer == abs || d.pointer.starts_with(&format!("{abs}/")))
        })
        .count();
    let kind = e.item.get("type").and_then(Value::as_str).unwrap_or("");
    let name = e
        .item
        .get("name")
        .or_else(|| e.item.get("runOutputName"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let title = format!("{}. {} {}", e.index + 1, kind, name);
    let disabled = editor.has_syntax_errors();
    let action = |make: fn(&str, usize) -> EditorAction| {
        let editor = editor.clone();
        let list = e.list.clone();
        let index = e.index;
        Callback::from(move |_: MouseEvent| editor.dispatch(make(&list, index)))
    };
    let up = action(|list, i| EditorAction::Move {
        pointer: list.into(),
        from: i,
        to: i.saturating_sub(1),
    });
    let down = action(|list, i| EditorAction::Move {
        pointer: list.into(),
        from: i,
        to: i + 1,
    });
    let duplicate = action(|list, i| EditorAction::Duplicate {
        pointer: list.into(),
        index: i,
    });
    let remove = action(|list, i| EditorAction::Remove {
        pointer: validator_core::pointer::join_index(list, i),
    });
    let ondragstart = {
        let dragged = props.dragged.clone();
        let index = e.index;
        Callback::from(move |_: DragEvent| dragged.set(Some(index)))
    };
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let dragged = props.dragged.clone();
        let editor = editor.clone();
        let list = e.list.clone();
        let index = e.index;
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if let Some(from) = *dragged {
                if from != index {
                    editor.dispatch(EditorAction::Move {
                        pointer: list.clone(),
                        from,
                        to: index,
                    });
                }
            }
            dragged.set(None);
        })
    };
    let field = Rc::new(Field {
        key: e.index.to_string(),
        label: {
            let noun = singular(&e.label);
            let mut chars = noun.chars();
            let capital: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            format!("{capital} {}", e.index + 1)
        },
        help: None,
        default: None,
        required: false,
        kind: form::kind(schema::schema(editor.api_version()), &e.schema),
        schema: e.schema.clone(),
    });
    html! {
        <li class="entry" draggable={(!disabled).to_string()} {ondragstart} {ondragover} {ondrop}>
            <details open=true>
                <summary>
                    <span class="drag-handle" aria-hidden="true">{ "⠿" }</span>
                    <span class="entry-title">{ title.clone() }</span>
                    if errors > 0 { <span class="badge is-error">{ format!("{errors} error{}", if errors == 1 { "" } else { "s" }) }</span> }
                </summary>
                <div class="entry-actions" role="group" aria-label={format!("Actions for {title}")}>
                    <button type="button" onclick={up} disabled={disabled || e.index == 0} aria-label={format!("Move {title} up")}>{ "Move up" }</button>
                    <button type="button" onclick={down} disabled={disabled || e.index + 1 == e.count} aria-label={format!("Move {title} down")}>{ "Move down" }</button>
                    <button type="button" onclick={duplicate} {disabled} aria-label={format!("Duplicate {title}")}>{ "Duplicate" }</button>
                    <button type="button" class="danger" onclick={remove} {disabled} aria-label={format!("Remove {title}")}>{ "Remove" }</button>
                </div>
                <FieldView pointer={pointer} field={field} />
            </details>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customizers_are_offered_by_os() {
        let all: Vec<String> = [
            "Shell",
            "PowerShell",
            "WindowsRestart",
            "WindowsUpdate",
            "File",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            offered_types("/properties/customize", &all, Some(Os::Linux)),
            ["Shell", "File"]
        );
        assert_eq!(
            offered_types("/properties/customize", &all, Some(Os::Windows)),
            ["PowerShell", "WindowsRestart", "WindowsUpdate", "File"]
        );
        assert_eq!(offered_types("/properties/customize", &all, None).len(), 5);
        assert_eq!(
            offered_types("/properties/distribute", &all, Some(Os::Linux)).len(),
            5
        );
    }
}
