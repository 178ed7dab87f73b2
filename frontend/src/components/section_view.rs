//! One section of the form: the fields its properties need, for the template's API version.

use std::rc::Rc;

use serde_json::Value;
use validator_core::{pointer, schema, ApiVersion};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::field::{FieldView, JsonField};
use super::placeholder_form::PlaceholderForm;
use super::policy_verdict::PolicyVerdict;
use super::problems_panel::ProblemList;
use super::required_tags::RequiredTags;
use super::{field_id, use_diagnostics_at, use_form_editor};
use crate::form::{self, Field, Kind};
use crate::pointers::TemplatePointer;
use crate::sections::{is_covered, Section};
use crate::state::EditorAction;

#[derive(Properties, PartialEq)]
pub struct SectionViewProps {
    pub section: Section,
}

#[function_component(SectionView)]
pub fn section_view(props: &SectionViewProps) -> Html {
    let editor = use_form_editor();
    let root = schema::schema(editor.api_version());
    // Borrowed: the template can be a megabyte, and this renders on every change.
    let template = editor.template().unwrap_or(&Value::Null);
    let readonly_banner = editor.is_read_only().then(|| html! {
        <p class="banner is-error" role="alert">{ "The JSON text has syntax errors: the form is read-only until they are fixed (see Problems)." }</p>
    });
    let body = if props.section.id == "review" {
        html! { <Review /> }
    } else {
        html! {
            { for props.section.pointers.iter().map(|p| {
                if *p == "/apiVersion" {
                    return html! { <ApiVersionField key={*p} /> };
                }
                if *p == "/tags" {
                    // The tags a policy requires come first, each a field of its own.
                    let tags = field_at(root, template, p).map(|field| html! {
                        <FieldView pointer={TemplatePointer::from(*p)} field={Rc::new(field)} />
                    });
                    return html! { <div key={*p}><RequiredTags />{ tags.unwrap_or_default() }</div> };
                }
                match field_at(root, template, p) {
                    Some(field) => html! { <FieldView key={*p} pointer={TemplatePointer::from(*p)} field={Rc::new(field)} /> },
                    // Not in this API version: offered only if the document has it (then kept).
                    None => match template.pointer(p) {
                        Some(_) => html! { <JsonField key={*p} pointer={TemplatePointer::from(*p)} field={Rc::new(unknown(p))} /> },
                        None => html! {},
                    },
                }
            }) }
        }
    };
    html! {
        <section class="section" aria-labelledby={format!("section-{}", props.section.id)}>
            <div class="section-heading">
                <h2 id={format!("section-{}", props.section.id)}>{ props.section.title }</h2>
                <a class="section-docs" href={props.section.docs} target="_blank" rel="noopener noreferrer">{ format!("{} in the Image Builder docs", props.section.title) }</a>
            </div>
            { readonly_banner.unwrap_or_default() }
            { body }
        </section>
    }
}

/// The field for a pointer relative to the template, from its parent's schema.
fn field_at(root: &Value, template: &Value, rel: &str) -> Option<Field> {
    let parent = pointer::parent(rel)?;
    let key = pointer::last_token(rel)?;
    let node = schema::locate::locate(root, template, &pointer::tokens(parent))?;
    form::fields(root, node, template.pointer(parent))
        .into_iter()
        .find(|f| f.key == key)
}

fn unknown(rel: &str) -> Field {
    Field {
        key: rel.to_owned(),
        label: pointer::last_token(rel).unwrap_or_default(),
        help: Some("Not part of this API version: kept as it is; see Problems.".into()),
        default: None,
        required: false,
        kind: Kind::Json,
        schema: Value::Null,
    }
}

/// The API version decides which fields exist; changing it keeps every value.
#[function_component(ApiVersionField)]
fn api_version_field() -> Html {
    let editor = use_form_editor();
    let abs = editor.template_base().join("apiVersion");
    let diagnostics = use_diagnostics_at(&abs);
    let current = editor
        .template()
        .and_then(|t| t.get("apiVersion"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let id = field_id(&abs);
    let onchange = {
        let editor = editor.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            editor.dispatch(EditorAction::SetValue {
                pointer: "/apiVersion".into(),
                value: Value::String(value),
            });
        })
    };
    let mut versions: Vec<String> = ApiVersion::ALL
        .iter()
        .rev()
        .map(|v| v.as_str().to_owned())
        .collect();
    if !current.is_empty() && !versions.contains(&current) {
        versions.insert(0, current.clone());
    }
    html! {
        <div class="field">
            <label for={id.clone()}>{ "API version" }</label>
            <select id={id.clone()} data-pointer={abs} {onchange} disabled={editor.is_read_only()} aria-describedby={format!("{id}-messages")}>
                if current.is_empty() { <option value="" selected=true>{ format!("(not set: checked as {})", editor.api_version()) }</option> }
                { for versions.iter().map(|v| html! { <option value={v.clone()} selected={*v == current}>{ v }</option> }) }
            </select>
            <super::upgrade_api_version::UpgradeApiVersion />
            <p class="hint">{ "Decides which properties exist. 2024-02-01 and later reject unknown fields; older versions drop them silently." }</p>
            <super::diagnostics::FieldMessages id={format!("{id}-messages")} diagnostics={diagnostics} />
        </div>
    }
}

/// The last section: what is left to fill in, properties no section shows, all problems, and
/// the way to the exports.
#[function_component(Review)]
fn review() -> Html {
    let editor = use_form_editor();
    let open_exports = use_context::<super::OpenPanel>()
        .map(|open| {
            Callback::from(move |_: MouseEvent| {
                open.0.emit(super::toolbar::Panel::Export);
                // The panel is under the toolbar, out of view from here: take the focus there
                // once it is rendered.
                gloo::timers::callback::Timeout::new(0, || crate::browser::focus_id("export-kind"))
                    .forget();
            })
        })
        .unwrap_or_default();
    let template = editor.template().unwrap_or(&Value::Null);
    let mut others: Vec<TemplatePointer> = Vec::new();
    if let Some(object) = template.as_object() {
        for (key, value) in object {
            let rel = TemplatePointer::default().join(key);
            if key == "properties" {
                for inner in value.as_object().into_iter().flat_map(|m| m.keys()) {
                    let inner_rel = rel.join(inner);
                    if !is_covered(inner_rel.as_str()) {
                        others.push(inner_rel);
                    }
                }
            } else if !is_covered(rel.as_str()) && key != "type" {
                others.push(rel);
            }
        }
    }
    html! {
        <>
            <PolicyVerdict />
            <PlaceholderForm />
            if !others.is_empty() {
                <h3>{ "Other properties" }</h3>
                <p class="hint">{ "Properties that no section edits (ARM keys such as dependsOn, or properties unknown to this API version) are kept as they are." }</p>
                { for others.iter().map(|p| html! { <JsonField key={p.to_string()} pointer={p.clone()} field={Rc::new(unknown(p.as_str()))} /> }) }
            }
            <h3>{ "All problems" }</h3>
            <ProblemList />
            <h3>{ "Export" }</h3>
            <p>
                { "The JSON, the az commands, the ARM template, Bicep and Azure PowerShell are under Export in the toolbar. " }
                <button type="button" onclick={open_exports}>{ "Open the exports" }</button>
            </p>
        </>
    }
}
