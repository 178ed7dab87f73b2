//! A field of the form, for any place in the template: chosen by what the schema says the
//! value is (text, number, yes/no, object, union, list, map), labelled, with the
//! specification's help, the default shown, and the diagnostics at its pointer.

use std::rc::Rc;

use serde_json::Value;
use validator_core::catalog::images::{MarketplaceImage, IMAGES};
use validator_core::model::is_expression_value;
use validator_core::{schema, Severity};

use super::help_text::help_html;
use super::id_builder::IdBuilder;
use crate::pickers::{self, Picker};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::diagnostics::FieldMessages;
use super::list_field::ListField;
use super::map_field::MapField;
use super::{field_id, use_diagnostics_at, use_field, use_form_editor, FieldContext};
use crate::form::{self, Field, Kind};
use crate::pointers::TemplatePointer;
use crate::state::EditorAction;
use crate::use_dom_value::use_dom_value;
use crate::use_policy::use_policy_context;

#[derive(Properties, PartialEq, Clone)]
pub struct FieldProps {
    pub pointer: TemplatePointer,
    pub field: Rc<Field>,
}

/// Any field: picks the editor for its kind.
#[function_component(FieldView)]
pub fn field_view(props: &FieldProps) -> Html {
    let editor = use_form_editor();
    // Borrowed: a list field's value can be a megabyte of customizers.
    let value = editor
        .template()
        .and_then(|t| t.pointer(props.pointer.as_str()));
    // An ARM expression stands for a value of any type: edit it as text.
    let kind = if value.is_some_and(is_expression_value) {
        Kind::Text {
            choices: Vec::new(),
        }
    } else {
        props.field.kind.clone()
    };
    match kind {
        Kind::Text { .. } | Kind::Integer { .. } | Kind::Boolean => {
            html! { <ScalarField ..props.clone() /> }
        }
        Kind::Object => html! { <ObjectField ..props.clone() /> },
        Kind::Union { .. } => html! { <UnionField ..props.clone() /> },
        Kind::List => html! { <ListField ..props.clone() /> },
        Kind::Map => html! { <MapField ..props.clone() /> },
        Kind::Json => html! { <JsonField ..props.clone() /> },
    }
}

/// Label, help and default line shared by every field. The schema's default is shown only
/// when the help does not already say what happens by default (`buildTimeoutInMinutes`'
/// default is 0, which means 4 hours: its help says so, "Default: 0" would mislead).
pub fn field_hint(field: &Field) -> Html {
    let help_says_default = field
        .help
        .as_deref()
        .is_some_and(|h| h.to_lowercase().contains("default"));
    let default = field
        .default
        .as_ref()
        .filter(|d| !matches!(d, Value::String(s) if s.is_empty()))
        .filter(|_| !help_says_default)
        .map(|d| format!("Default: {d}"));
    html! {
        <p class="hint">
            if let Some(help) = &field.help { <span>{ help_html(help) }</span> }
            if let Some(default) = default { <span class="default">{ default }</span> }
        </p>
    }
}

/// Text, number or yes/no.
#[function_component(ScalarField)]
fn scalar_field(props: &FieldProps) -> Html {
    let FieldContext {
        editor,
        abs,
        diagnostics,
        value,
    } = use_field(&props.pointer);
    let id = field_id(&abs);
    let messages_id = format!("{id}-messages");
    let invalid = diagnostics.iter().any(|d| d.severity == Severity::Error);
    let disabled = editor.is_read_only();
    let field = &props.field;
    let pointer = props.pointer.clone();
    let policy = use_policy_context();

    // Empty means "not set": the key is removed rather than set to "".
    let commit = {
        let editor = editor.clone();
        let pointer = pointer.clone();
        let kind = field.kind.clone();
        let present = value.is_some();
        Callback::from(move |raw: String| {
            let action = match to_value(&kind, &raw) {
                Some(value) => EditorAction::SetValue {
                    pointer: pointer.clone(),
                    value,
                },
                None if present => EditorAction::Remove {
                    pointer: pointer.clone(),
                },
                None => return,
            };
            editor.dispatch(action);
        })
    };
    let shown = match &value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    let text_box = use_dom_value(&shown);
    let template = editor.template().unwrap_or(&Value::Null);
    let picker = pickers::picker_for(&props.pointer, template);
    let scope = matches!(picker, Some(Picker::ResourceId(_)))
        .then(|| pickers::known_scope(template))
        .flatten();
    // An organisation's allowed values make a pick-list of any field, in place of the schema's.
    let policy_list = policy
        .state
        .shape()
        .and_then(|p| Some((p.title(), p.allowed_at(props.pointer.as_str())?)))
        .map(|(title, values)| (title, values.iter().map(as_text).collect::<Vec<_>>()));
    let choices = match (&policy_list, &field.kind) {
        (Some((_, allowed)), _) => Some(allowed.clone()),
        (None, Kind::Text { choices }) if !choices.is_empty() => Some(choices.clone()),
        (None, Kind::Boolean) => Some(vec!["true".to_owned(), "false".to_owned()]),
        _ => None,
    };
    let control = match choices {
        Some(choices) if value.as_ref().is_none_or(|v| !is_expression_value(v)) => {
            // Keep a value that is not allowed visible, so the error makes sense.
            let stray = (!shown.is_empty() && !choices.contains(&shown)).then(|| {
                let label = match policy_list {
                    Some(_) => format!("{shown} (not allowed by the policy)"),
                    None => shown.clone(),
                };
                html! { <option value={shown.clone()} selected=true>{ label }</option> }
            });
            let onchange =
                commit.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
            html! {
                <select id={id.clone()} data-pointer={abs.clone()} aria-invalid={invalid.to_string()}
                        aria-describedby={messages_id.clone()} {onchange} {disabled}>
                    <option value="" selected={shown.is_empty()}>{ "(not set)" }</option>
                    { stray.unwrap_or_default() }
                    { for choices.iter().map(|c| html! { <option value={c.clone()} selected={*c == shown}>{ c }</option> }) }
                </select>
            }
        }
        _ => {
            let onchange =
                commit.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().value());
            let placeholder = field
                .default
                .as_ref()
                .map(|d| d.as_str().map_or_else(|| d.to_string(), str::to_owned))
                .unwrap_or_default();
            let inputmode = matches!(field.kind, Kind::Integer { .. }).then_some("numeric");
            let suggestions = match &picker {
                Some(Picker::List(choices)) => Some(choices.clone()),
                _ => None,
            };
            let list = suggestions.as_ref().map(|_| format!("{id}-choices"));
            html! {
                <>
                    <input id={id.clone()} type="text" ref={text_box} data-pointer={abs.clone()} {placeholder} {inputmode} list={list.clone()}
                           aria-invalid={invalid.to_string()} aria-describedby={messages_id.clone()} {onchange} {disabled} />
                    if let (Some(list), Some(choices)) = (list, suggestions) {
                        <datalist id={list}>
                            { for choices.iter().map(|c| html! { <option value={c.value.clone()} label={c.label.clone()} /> }) }
                        </datalist>
                    }
                </>
            }
        }
    };
    let builder = match picker {
        Some(Picker::ResourceId(kind)) => {
            let onbuild = commit.clone();
            html! { <IdBuilder id={format!("{id}-id")} {kind} value={shown.clone()} scope={scope} {onbuild} {disabled} /> }
        }
        _ => html! {},
    };
    let policy_hint = policy_list.map(|(title, _)| {
        html! { <p class="hint policy-hint">{ format!("The values the {title} policy allows.") }</p> }
    });
    html! {
        <div class={classes!("field", invalid.then_some("has-error"))}>
            <label for={id}>{ &field.label }{ if field.required { " *" } else { "" } }</label>
            { control }
            { policy_hint.unwrap_or_default() }
            { builder }
            { field_hint(field) }
            <FieldMessages id={messages_id} diagnostics={diagnostics} />
        </div>
    }
}

/// A value as a text box or a pick-list shows it.
fn as_text(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

/// The JSON value for what was typed; `None` for an empty input.
fn to_value(kind: &Kind, raw: &str) -> Option<Value> {
    let raw = raw.trim_end_matches(['\r', '\n']);
    if raw.is_empty() {
        return None;
    }
    Some(match kind {
        // A number that does not parse is kept as text, so the checker explains the problem.
        Kind::Integer { .. } => raw
            .trim()
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(raw.to_owned())),
        Kind::Boolean => match raw {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            other => Value::String(other.to_owned()),
        },
        _ => Value::String(raw.to_owned()),
    })
}

/// An object: a group of fields, plus any member the form does not know, kept and shown.
#[function_component(ObjectField)]
fn object_field(props: &FieldProps) -> Html {
    let editor = use_form_editor();
    let root = schema::schema(editor.api_version());
    let value = editor
        .template()
        .and_then(|t| t.pointer(props.pointer.as_str()))
        .cloned();
    let abs = props.pointer.in_template(&editor.template_base());
    let diagnostics = use_diagnostics_at(&abs);
    let fields = form::fields(root, &props.field.schema, value.as_ref());
    html! {
        <fieldset class="group" data-pointer={abs.clone()} tabindex="-1">
            <legend>{ &props.field.label }{ if props.field.required { " *" } else { "" } }</legend>
            { field_hint(&props.field) }
            <FieldMessages id={format!("{}-messages", field_id(&abs))} diagnostics={diagnostics} />
            { children(&props.pointer, &fields, value.as_ref(), None) }
        </fieldset>
    }
}

/// The fields of an object, then the members no field covers.
pub fn children(
    pointer: &TemplatePointer,
    fields: &[Field],
    value: Option<&Value>,
    skip: Option<&str>,
) -> Html {
    let known: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
    let unknown: Vec<String> = value
        .and_then(Value::as_object)
        .map(|m| {
            m.keys()
                .filter(|k| !known.contains(&k.as_str()))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    html! {
        <>
            { for fields.iter().filter(|f| Some(f.key.as_str()) != skip).map(|f| {
                let child = pointer.join(&f.key);
                html! { <FieldView key={f.key.clone()} pointer={child} field={Rc::new(f.clone())} /> }
            }) }
            { for unknown.iter().map(|key| {
                let child = pointer.join(key);
                let field = Field {
                    key: key.clone(),
                    label: key.clone(),
                    help: Some("Not a property of this API version's schema: kept as it is; see Problems.".into()),
                    default: None,
                    required: false,
                    kind: Kind::Json,
                    schema: Value::Null,
                };
                html! { <JsonField key={key.clone()} pointer={child} field={Rc::new(field)} /> }
            }) }
        </>
    }
}

/// A discriminated union: the type first, then the chosen type's fields. Switching the type
/// keeps what was typed for the other type (see `EditorAction::SwitchType`).
#[function_component(UnionField)]
fn union_field(props: &FieldProps) -> Html {
    let editor = use_form_editor();
    let root = schema::schema(editor.api_version());
    let value = editor
        .template()
        .and_then(|t| t.pointer(props.pointer.as_str()))
        .cloned();
    let abs = props.pointer.in_template(&editor.template_base());
    let Kind::Union {
        discriminator,
        variants,
    } = &props.field.kind
    else {
        return html! {};
    };
    let current = value
        .as_ref()
        .and_then(|v| v.get(discriminator))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let type_pointer = abs.join(discriminator);
    let type_diagnostics = use_diagnostics_at(&type_pointer);
    let diagnostics = use_diagnostics_at(&abs);
    let id = field_id(&type_pointer);
    let onchange = {
        let editor = editor.clone();
        let pointer = props.pointer.clone();
        Callback::from(move |e: Event| {
            let new_type = e.target_unchecked_into::<HtmlSelectElement>().value();
            editor.dispatch(EditorAction::SwitchType {
                pointer: pointer.clone(),
                new_type,
            });
        })
    };
    let mut options = variants.clone();
    if !current.is_empty() && !options.contains(&current) {
        options.insert(0, current.clone());
    }
    let fields = form::fields(root, &props.field.schema, value.as_ref());
    let invalid = type_diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    html! {
        <fieldset class="group union" data-pointer={abs.clone()} tabindex="-1">
            <legend>{ &props.field.label }</legend>
            { field_hint(&props.field) }
            <FieldMessages id={format!("{}-messages", field_id(&abs))} diagnostics={diagnostics} />
            <div class={classes!("field", invalid.then_some("has-error"))}>
                <label for={id.clone()}>{ "Type" }</label>
                <select id={id.clone()} data-pointer={type_pointer} aria-invalid={invalid.to_string()}
                        aria-describedby={format!("{id}-messages")} {onchange} disabled={editor.is_read_only()}>
                    if current.is_empty() { <option value="" selected=true>{ "(choose)" }</option> }
                    { for options.iter().map(|o| html! { <option value={o.clone()} selected={*o == current}>{ o }</option> }) }
                </select>
                <FieldMessages id={format!("{id}-messages")} diagnostics={type_diagnostics} />
            </div>
            if props.pointer.as_str() == "/properties/source" && current == "PlatformImage" { <ImagePresets /> }
            { children(&props.pointer, &fields, value.as_ref(), Some(discriminator)) }
        </fieldset>
    }
}

/// The marketplace images of the core's catalogue, by family: one choice fills publisher,
/// offer, SKU and version.
#[function_component(ImagePresets)]
fn image_presets() -> Html {
    let editor = use_form_editor();
    let source = editor
        .template()
        .and_then(|t| t.pointer("/properties/source"))
        .cloned()
        .unwrap_or(Value::Null);
    let matches = |image: &MarketplaceImage| {
        source.get("publisher").and_then(Value::as_str) == Some(image.publisher)
            && source.get("offer").and_then(Value::as_str) == Some(image.offer)
            && source.get("sku").and_then(Value::as_str) == Some(image.sku)
    };
    let onchange = {
        let editor = editor.clone();
        let source = source.clone();
        Callback::from(move |e: Event| {
            let Ok(index) = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse::<usize>()
            else {
                return;
            };
            let Some(image) = IMAGES.get(index) else {
                return;
            };
            let mut next = source.clone();
            if let Some(object) = next.as_object_mut() {
                object.insert("publisher".into(), Value::from(image.publisher));
                object.insert("offer".into(), Value::from(image.offer));
                object.insert("sku".into(), Value::from(image.sku));
                object
                    .entry("version")
                    .or_insert_with(|| Value::from("latest"));
            }
            editor.dispatch(EditorAction::SetValue {
                pointer: "/properties/source".into(),
                value: next,
            });
        })
    };
    html! {
        <div class="field">
            <label for="image-preset">{ "Marketplace image" }</label>
            <select id="image-preset" {onchange} disabled={editor.is_read_only()}>
                <option value="" selected={!IMAGES.iter().any(matches)}>{ "(choose an image, or fill in the fields below)" }</option>
                { for pickers::image_groups().into_iter().map(|(group, images)| html! {
                    <optgroup label={group}>
                        { for images.into_iter().map(|(i, image)| html! {
                            <option value={i.to_string()} selected={matches(image)}>{ image.label }</option>
                        }) }
                    </optgroup>
                }) }
            </select>
        </div>
    }
}

/// Anything the form has no better editor for, edited as JSON; invalid JSON is kept in the
/// box with a message and not applied.
#[function_component(JsonField)]
pub fn json_field(props: &FieldProps) -> Html {
    let FieldContext {
        editor,
        abs,
        diagnostics,
        value,
    } = use_field(&props.pointer);
    let shown = value
        .as_ref()
        .map(|v| serde_json::to_string_pretty(v).unwrap_or_default())
        .unwrap_or_default();
    let text_box = use_dom_value(&shown);
    let error = use_state(|| None::<String>);
    let id = field_id(&abs);
    let onchange = {
        let editor = editor.clone();
        let error = error.clone();
        let pointer = props.pointer.clone();
        Callback::from(move |e: Event| {
            let raw = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            if raw.trim().is_empty() {
                error.set(None);
                editor.dispatch(EditorAction::Remove {
                    pointer: pointer.clone(),
                });
                return;
            }
            match serde_json::from_str::<Value>(&raw) {
                Ok(value) => {
                    error.set(None);
                    editor.dispatch(EditorAction::SetValue {
                        pointer: pointer.clone(),
                        value,
                    });
                }
                Err(e) => error.set(Some(format!("not applied: {e}"))),
            }
        })
    };
    let invalid = error.is_some() || diagnostics.iter().any(|d| d.severity == Severity::Error);
    html! {
        <div class={classes!("field", "json-field", invalid.then_some("has-error"))}>
            <label for={id.clone()}>{ &props.field.label }</label>
            <textarea id={id.clone()} data-pointer={abs} rows="3" ref={text_box} {onchange} spellcheck="false"
                      aria-invalid={invalid.to_string()} aria-describedby={format!("{id}-messages")}
                      disabled={editor.is_read_only()} />
            { field_hint(&props.field) }
            if let Some(message) = &*error { <p class="message is-error" role="alert">{ message }</p> }
            <FieldMessages id={format!("{id}-messages")} diagnostics={diagnostics} />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_the_right_json() {
        assert_eq!(
            to_value(
                &Kind::Integer {
                    min: None,
                    max: None
                },
                "60"
            ),
            Some(Value::from(60))
        );
        assert_eq!(
            to_value(
                &Kind::Integer {
                    min: None,
                    max: None
                },
                "6o"
            ),
            Some(Value::from("6o"))
        );
        assert_eq!(to_value(&Kind::Boolean, "true"), Some(Value::Bool(true)));
        assert_eq!(to_value(&Kind::Text { choices: vec![] }, ""), None);
        assert_eq!(
            to_value(&Kind::Text { choices: vec![] }, " a b "),
            Some(Value::from(" a b "))
        );
    }
}
