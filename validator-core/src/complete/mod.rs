//! Completion for an editor: what may be written at the caret, from the derived schema of the
//! template's API version. Property names valid there (with the spec's help), enum values, and
//! for a customizer, source, validator or distributor one snippet per kind with its required
//! fields.
//!
//! ```
//! use validator_core::{complete, ApiVersion};
//! let context = complete::context::at(r#"{"properties": {"bu"#).unwrap();
//! let options = complete::options(ApiVersion::NEWEST, None, &context);
//! assert!(options.iter().any(|o| o.label == "\"buildTimeoutInMinutes\""));
//! ```

pub mod catalog;
pub mod context;

use serde_json::Value;

use crate::schema::{self, locate};
use crate::ApiVersion;
use context::{Context, Place};

/// One thing that may be written at the caret.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Completion {
    /// What the list shows and the typed text is matched against (JSON, with its quotes).
    pub label: String,
    /// What is inserted, as a CodeMirror snippet template: `${}` marks where the caret goes
    /// next (Tab moves on), `${text}` a placeholder to type over.
    pub apply: String,
    /// For a property name: just the quoted name, for when the member already has its colon
    /// and value (renaming a key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_only: Option<String>,
    /// The kind of value, or "required".
    pub detail: String,
    /// The spec's help.
    pub info: String,
    /// `property`, `enum` or `type` (a snippet for one kind of step).
    pub kind: &'static str,
}

/// What may be written in `context`, for a template of `version` whose last parsed value is
/// `template` (it picks the kinds of the steps along the path; the text being typed may no
/// longer parse). The path is relative to the template.
pub fn options(
    version: ApiVersion,
    template: Option<&Value>,
    context: &Context,
) -> Vec<Completion> {
    let root = schema::schema(version);
    let empty = Value::Null;
    let instance = template.unwrap_or(&empty);
    match context.place {
        Place::Key => {
            let own_type = context.own_type.as_deref();
            let Some(node) = node_at(root, instance, &context.path, own_type) else {
                return Vec::new();
            };
            property_names(root, node, &context.siblings)
        }
        Place::Value => {
            let Some((last, parent_path)) = context.path.split_last() else {
                return Vec::new();
            };
            let Some(parent) = node_at(root, instance, parent_path, None) else {
                return Vec::new();
            };
            let child = if parent.get("items").is_some() && last.parse::<usize>().is_ok() {
                parent.get("items")
            } else {
                locate::property(parent, last)
            };
            let Some(child) = child else {
                return Vec::new();
            };
            match catalog::values_at(&context.path, template) {
                Some(choices) => choices
                    .into_iter()
                    .map(|c| {
                        let quoted = quote(&c.value);
                        Completion {
                            apply: quoted.clone(),
                            label: quoted,
                            name_only: None,
                            detail: c.label,
                            info: help(root, child),
                            kind: "enum",
                        }
                    })
                    .collect(),
                None => values(root, child),
            }
        }
    }
}

/// The resolved schema of the value at `path`, its kind picked by `own_type` when given (the
/// `type` typed in it), else by the template's last parsed value.
fn node_at<'s>(
    root: &'s Value,
    instance: &Value,
    path: &[String],
    own_type: Option<&str>,
) -> Option<&'s Value> {
    let Some(own_type) = own_type else {
        return locate::locate(root, instance, path);
    };
    let (last, parent_path) = path
        .split_last()
        .map_or((None, path), |(l, p)| (Some(l), p));
    let mut node = locate::locate(root, instance, parent_path)?;
    if let Some(last) = last {
        node = if node.get("items").is_some() && last.parse::<usize>().is_ok() {
            node.get("items")?
        } else {
            locate::property(node, last)?
        };
    }
    let typed = serde_json::json!({ "type": own_type });
    Some(locate::resolve(root, node, Some(&typed)))
}

/// The properties of `node` not yet written (`siblings`), required ones first.
fn property_names(root: &Value, node: &Value, siblings: &[String]) -> Vec<Completion> {
    let required = locate::required(node);
    let mut names: Vec<Completion> = locate::property_names(node)
        .into_iter()
        .filter(|name| !siblings.iter().any(|s| s == name))
        .filter_map(|name| {
            let schema = locate::property(node, name)?;
            let quoted = quote(name);
            let is_required = required.contains(&name);
            Some(Completion {
                apply: format!("{quoted}: {}", value_snippet(root, schema)),
                name_only: Some(quoted.clone()),
                label: quoted,
                detail: if is_required {
                    format!("{} · required", type_name(root, schema))
                } else {
                    type_name(root, schema)
                },
                info: help(root, schema),
                kind: "property",
            })
        })
        .collect();
    names.sort_by_key(|c| !c.detail.ends_with("required"));
    names
}

/// The values that may be written where `schema` applies: its enum values, `true`/`false`, or
/// for a kind of step (a discriminated union) one snippet per kind.
fn values(root: &Value, schema: &Value) -> Vec<Completion> {
    let node = locate::resolve(root, schema, None);
    if let Some(discriminator) = node.get("x-aib-discriminator").and_then(Value::as_str) {
        return kinds(root, node, discriminator);
    }
    let info = help(root, schema);
    let literal = |value: &Value, kind| Completion {
        label: value.to_string(),
        apply: value.to_string(),
        name_only: None,
        detail: type_name(root, schema),
        info: info.clone(),
        kind,
    };
    if let Some(values) = node.get("enum").and_then(Value::as_array) {
        return values.iter().map(|v| literal(v, "enum")).collect();
    }
    if let Some(constant) = node.get("const") {
        return vec![literal(constant, "enum")];
    }
    if node.get("type").and_then(Value::as_str) == Some("boolean") {
        return [true, false]
            .map(|b| literal(&Value::Bool(b), "enum"))
            .to_vec();
    }
    Vec::new()
}

/// One snippet per kind of a discriminated union (`Shell`, `PowerShell`, … customizers):
/// an object with its `type` and its required fields, plus its `name` or `runOutputName`.
fn kinds(root: &Value, union: &Value, discriminator: &str) -> Vec<Completion> {
    let branches = union.get("allOf").and_then(Value::as_array);
    branches
        .into_iter()
        .flatten()
        .filter_map(|branch| {
            let kind = branch
                .pointer(&format!("/if/properties/{discriminator}/const"))?
                .as_str()?;
            let node = locate::resolve(root, branch.get("then")?, None);
            let mut names = locate::required(node);
            names.extend(needed_beyond_schema(kind));
            let fields: Vec<String> = locate::property_names(node)
                .into_iter()
                .filter(|name| *name != discriminator)
                .filter(|name| names.contains(name) || matches!(*name, "name" | "runOutputName"))
                .filter_map(|name| {
                    let schema = locate::property(node, name)?;
                    Some(format!(
                        "\n\t{}: {}",
                        quote(name),
                        value_snippet(root, schema)
                    ))
                })
                .collect();
            let head = format!("{{\n\t{}: {}", quote(discriminator), quote(kind));
            let apply = if fields.is_empty() {
                format!("{head}\n}}")
            } else {
                format!("{head},{}\n}}", fields.join(","))
            };
            Some(Completion {
                label: format!("{{ \"{discriminator}\": {} }}", quote(kind)),
                apply,
                name_only: None,
                detail: kind.to_owned(),
                info: help(root, node),
                kind: "type",
            })
        })
        .collect()
}

/// Fields Image Builder needs that the schema does not require (each rule says which).
fn needed_beyond_schema(kind: &str) -> &'static [&'static str] {
    match kind {
        "PlatformImage" => &crate::rules::source::platform_image_incomplete::NEEDED,
        _ => &[],
    }
}

/// A value to start from, as a snippet: `"${}"` for a string, `{…}` for an object, the only
/// value of a one-value enum.
fn value_snippet(root: &Value, schema: &Value) -> String {
    let node = locate::resolve(root, schema, None);
    if let Some(constant) = node.get("const") {
        return constant.to_string();
    }
    match node
        .get("enum")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
    {
        Some([only]) => return only.to_string(),
        Some([first, ..]) if first.is_string() => return "\"${}\"".into(),
        _ => {}
    }
    match node.get("type").and_then(Value::as_str) {
        Some("string") => "\"${}\"".into(),
        Some("object") => "{\n\t${}\n}".into(),
        Some("array") => "[${}]".into(),
        Some("boolean") => "${false}".into(),
        _ => "${}".into(),
    }
}

/// The kind of value in words: `string`, `integer`, `object`, `one of Shell, File, …`.
fn type_name(root: &Value, schema: &Value) -> String {
    let node = locate::resolve(root, schema, None);
    if let Some(values) = node.get("enum").and_then(Value::as_array) {
        let words: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
        if !words.is_empty() && words.len() <= 4 {
            return format!("one of {}", words.join(", "));
        }
    }
    node.get("type")
        .and_then(Value::as_str)
        .unwrap_or("any")
        .to_owned()
}

/// The spec's description of `schema` (the member's own, else its type's), made readable.
fn help(root: &Value, schema: &Value) -> String {
    crate::schema::help::of(root, schema).unwrap_or_default()
}

fn quote(name: &str) -> String {
    Value::String(name.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn labels(before: &str, template: Option<&Value>) -> Vec<String> {
        let context = context::at(before).expect("a place to complete");
        options(ApiVersion::NEWEST, template, &context)
            .into_iter()
            .map(|c| c.label)
            .collect()
    }

    #[test]
    fn property_names_of_the_object_at_the_caret_leave_out_those_written() {
        let names = labels(r#"{"properties": {"buildTimeoutInMinutes": 60, ""#, None);
        assert!(names.contains(&"\"customize\"".to_owned()), "{names:?}");
        assert!(!names.contains(&"\"buildTimeoutInMinutes\"".to_owned()));
        let top = labels("{\n  ", None);
        // Required ones first.
        let mut first = top[..3].to_vec();
        first.sort();
        assert_eq!(first, ["\"identity\"", "\"location\"", "\"properties\""]);
    }

    #[test]
    fn a_steps_typed_kind_picks_its_properties() {
        let shell = labels(r#"{"properties": {"customize": [{"type": "Shell", ""#, None);
        assert!(shell.contains(&"\"inline\"".to_owned()), "{shell:?}");
        assert!(!shell.contains(&"\"restartTimeout\"".to_owned()));
        // Without a typed kind, the template's parsed value tells it.
        let template = json!({"properties": {"customize": [{"type": "WindowsRestart"}]}});
        let restart = labels(r#"{"properties": {"customize": [{""#, Some(&template));
        assert!(
            restart.contains(&"\"restartTimeout\"".to_owned()),
            "{restart:?}"
        );
    }

    #[test]
    fn enum_values_and_one_snippet_per_kind_of_step() {
        let kinds = labels(r#"{"properties": {"customize": [{"type": ""#, None);
        assert!(kinds.contains(&"\"PowerShell\"".to_owned()), "{kinds:?}");
        let context = context::at(r#"{"properties": {"distribute": ["#).unwrap();
        let snippets = options(ApiVersion::NEWEST, None, &context);
        let gallery = snippets
            .iter()
            .find(|c| c.detail == "SharedImage")
            .expect("a gallery distributor");
        assert!(
            gallery.apply.contains("\"galleryImageId\": \"${}\""),
            "{}",
            gallery.apply
        );
        assert!(gallery.apply.contains("\"runOutputName\""));
        let context = context::at(r#"{"properties": {"source": "#).unwrap();
        let sources = options(ApiVersion::NEWEST, None, &context);
        let platform = sources
            .iter()
            .find(|c| c.detail == "PlatformImage")
            .unwrap();
        for field in ["publisher", "offer", "sku", "version"] {
            assert!(platform.apply.contains(field), "{}", platform.apply);
        }
        let regions = labels(r#"{"location": "west"#, None);
        assert!(
            regions.contains(&"\"westeurope\"".to_owned()),
            "{regions:?}"
        );
        let booleans = labels(
            r#"{"properties": {"validate": {"sourceValidationOnly": "#,
            None,
        );
        assert_eq!(booleans, ["true", "false"]);
    }

    #[test]
    fn a_property_gets_a_value_to_start_from_by_its_type() {
        let context = context::at(r#"{"properties": {""#).unwrap();
        let options = options(ApiVersion::NEWEST, None, &context);
        let apply = |name: &str| {
            options
                .iter()
                .find(|c| c.label == format!("\"{name}\""))
                .map(|c| c.apply.clone())
        };
        assert_eq!(
            apply("buildTimeoutInMinutes").as_deref(),
            Some("\"buildTimeoutInMinutes\": ${}")
        );
        assert_eq!(apply("customize").as_deref(), Some("\"customize\": [${}]"));
        assert_eq!(
            apply("stagingResourceGroup").as_deref(),
            Some("\"stagingResourceGroup\": \"${}\"")
        );
        let timeout = options
            .iter()
            .find(|c| c.label == "\"buildTimeoutInMinutes\"")
            .unwrap();
        assert!(timeout.info.contains("4 hours"), "{}", timeout.info);
    }

    #[test]
    fn outside_the_schema_nothing_is_offered() {
        assert!(labels(r#"{"tags": {"a": {""#, None).is_empty());
        assert!(labels(r#"{"nonsense": {""#, None).is_empty());
    }
}
