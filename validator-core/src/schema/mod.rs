//! Checks a template against the official schema of its API version and speaks the user's
//! language about what is wrong.
//!
//! The schemas are derived from the REST API specification by `scripts/derive_schemas.py`
//! (see `schemas/SOURCES.md`): discriminated unions become `if`/`then` on `type`, so the
//! validator reports errors inside the branch the user chose and never "not valid under any of
//! the given schemas". The validator is [`validate`], which checks just the part of JSON Schema
//! the derived schemas use (its docs say why it is not the `jsonschema` crate); this module
//! turns its errors into diagnostics with suggestions and fixes.

pub mod help;
pub mod locate;
mod read_only;
pub mod validate;

use std::sync::OnceLock;

use serde_json::Value;

use self::validate::{ErrorKind, Validator};

use crate::diagnostic::{Diagnostic, Edit};
use crate::model::{is_expression_value, ApiVersion, Template};
use crate::pointer;
use crate::rules::schema as rules;

/// The derived schema texts, in [`ApiVersion::ALL`] order: `schemas/*.json` minified by
/// `build.rs`.
static SCHEMA_TEXTS: [&str; 10] = [
    include_str!(concat!(env!("OUT_DIR"), "/2018-02-01-preview.json")),
    include_str!(concat!(env!("OUT_DIR"), "/2019-02-01-preview.json")),
    include_str!(concat!(env!("OUT_DIR"), "/2019-05-01-preview.json")),
    include_str!(concat!(env!("OUT_DIR"), "/2020-02-14.json")),
    include_str!(concat!(env!("OUT_DIR"), "/2021-10-01.json")),
    include_str!(concat!(env!("OUT_DIR"), "/2022-02-14.json")),
    include_str!(concat!(env!("OUT_DIR"), "/2022-07-01.json")),
    include_str!(concat!(env!("OUT_DIR"), "/2023-07-01.json")),
    include_str!(concat!(env!("OUT_DIR"), "/2024-02-01.json")),
    include_str!(concat!(env!("OUT_DIR"), "/2025-10-01.json")),
];

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY_VALUE: OnceLock<Value> = OnceLock::new();
static SCHEMAS: [OnceLock<Value>; 10] = [EMPTY_VALUE; 10];

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY_VALIDATOR: OnceLock<Validator<'static>> = OnceLock::new();
static VALIDATORS: [OnceLock<Validator<'static>>; 10] = [EMPTY_VALIDATOR; 10];

/// The derived JSON Schema of an API version.
pub fn schema(version: ApiVersion) -> &'static Value {
    SCHEMAS[version.index()].get_or_init(|| {
        serde_json::from_str(SCHEMA_TEXTS[version.index()])
            .expect("vendored schemas are valid JSON (tested)")
    })
}

/// The raw text of a derived schema (for exports and for the `ajv` benchmark).
pub fn schema_text(version: ApiVersion) -> &'static str {
    SCHEMA_TEXTS[version.index()]
}

/// The compiled schema of an API version.
pub fn validator(version: ApiVersion) -> &'static Validator<'static> {
    VALIDATORS[version.index()]
        .get_or_init(|| Validator::new(schema(version)).expect("vendored schemas compile (tested)"))
}

/// Schema check of one template: every schema error, translated, plus read-only properties
/// that the service would ignore.
pub fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let root = schema(template.api_version);
    for error in validator(template.api_version).errors(template.value) {
        let rel = error.instance_path.as_str();
        let at = template.value.pointer(rel);
        // ARM expressions stand for a value of any type, known only at deployment.
        if at.is_some_and(is_expression_value) {
            continue;
        }
        // A `<placeholder>` is not the user's value yet: `placeholder-left` reports it.
        let placeholder = at
            .and_then(Value::as_str)
            .is_some_and(|s| !crate::model::placeholders(s).is_empty());
        let about_the_value = matches!(
            error.kind,
            ErrorKind::Type { .. }
                | ErrorKind::Pattern { .. }
                | ErrorKind::Enum { .. }
                | ErrorKind::Constant { .. }
        );
        if placeholder && about_the_value {
            continue;
        }
        translate(template, root, rel, at, &error.kind, out);
    }
    report_read_only(template, out);
}

fn translate(
    template: &Template,
    root: &Value,
    rel: &str,
    at: Option<&Value>,
    kind: &ErrorKind,
    out: &mut Vec<Diagnostic>,
) {
    let tokens = pointer::tokens(rel);
    let node = locate::locate(root, template.value, &tokens);
    let abs = template.ptr(rel);
    let place = describe(template, &tokens);
    match kind {
        ErrorKind::AdditionalProperties { unexpected } => {
            for key in unexpected {
                out.push(unknown_property(
                    template, root, rel, &tokens, key, node, &place,
                ));
            }
        }
        ErrorKind::Required { property } => {
            let name = *property;
            // `imageVersionID` written for `imageVersionId`: the unknown-property finding
            // already says so and offers the rename; one finding is enough.
            let misspelt = at.and_then(Value::as_object).is_some_and(|o| {
                o.keys()
                    .any(|k| crate::suggest::nearest(k, [name]) == Some(name))
            });
            if !misspelt {
                // At the missing property's own pointer, so an editor shows the error at the
                // field it names; the text has no place for it, so its span is the object's
                // (the nearest place that exists).
                out.push(
                    Diagnostic::new(
                        &rules::MISSING_REQUIRED_PROPERTY,
                        pointer::join(&abs, name),
                        format!("{place} is missing the required property `{name}`"),
                    )
                    .help(required_help(name)),
                );
            }
        }
        ErrorKind::Enum { options } => {
            let value = at.cloned().unwrap_or(Value::Null);
            let allows = |n: &Value| {
                n.get("enum")
                    .and_then(Value::as_array)
                    .is_some_and(|e| e.contains(&value))
                    || n.get("const") == Some(&value)
            };
            match newer_version_where(template, &tokens, allows) {
                Some(since) => out.push(
                    Diagnostic::new(
                        &rules::NOT_IN_API_VERSION,
                        abs,
                        format!("{} is not available for {place} in API version {}; it exists from {since}", show(at), template.api_version),
                    )
                    .severity(lenient_severity(template))
                    .help(format!("set `apiVersion` to {since} or later")),
                ),
                None => out.push(bad_enum(&abs, &place, at, options)),
            }
        }
        ErrorKind::Type { .. } => out.push(wrong_type(&abs, &place, at, node)),
        ErrorKind::Minimum { limit } => out.push(Diagnostic::new(
            &rules::VALUE_OUT_OF_RANGE,
            abs,
            format!("{place} is {}, below the minimum {limit}", show(at)),
        )),
        ErrorKind::Maximum { limit } => out.push(Diagnostic::new(
            &rules::VALUE_OUT_OF_RANGE,
            abs,
            format!("{place} is {}, above the maximum {limit}", show(at)),
        )),
        ErrorKind::Pattern { pattern } => out.push(
            Diagnostic::new(
                &rules::PATTERN_MISMATCH,
                abs,
                format!(
                    "{} is not a valid {place}: it must match `{pattern}`",
                    show(at)
                ),
            )
            .help(pattern_help(pattern)),
        ),
        ErrorKind::Constant { expected_value } => out.push(bad_enum(
            &abs,
            &place,
            at,
            &Value::Array(vec![(*expected_value).clone()]),
        )),
        // A `false` schema, or `additionalProperties: false` beside no `properties`: nothing
        // may be here (no vendored schema has either where a value can reach it today).
        ErrorKind::FalseSchema => out.push(Diagnostic::new(
            &rules::WRONG_TYPE,
            abs,
            format!("{place} is not valid here ({})", kind.keyword()),
        )),
    }
}

/// `scriptURI` on a Shell customizer: suggest the nearest known name, or say in which API
/// version the property exists.
fn unknown_property(
    template: &Template,
    root: &Value,
    rel: &str,
    tokens: &[String],
    key: &str,
    node: Option<&Value>,
    place: &str,
) -> Diagnostic {
    let key_pointer = template.ptr(&pointer::join(rel, key));
    let known: Vec<&str> = node.map(locate::property_names).unwrap_or_default();
    let present = template.value.pointer(rel).and_then(Value::as_object);
    if let Some(since) = newer_version_where(template, tokens, |node| {
        node.get("properties").is_some_and(|p| p.get(key).is_some())
    }) {
        let message = format!(
            "`{key}` is not available in API version {}; it exists from {since}",
            template.api_version
        );
        return Diagnostic::new(&rules::NOT_IN_API_VERSION, key_pointer, message)
            .severity(lenient_severity(template))
            .help(format!(
                "set `apiVersion` to {since} or later, or remove `{key}`; {}",
                unknown_field_consequence(template)
            ))
            .at_key();
    }
    let suggestion = crate::suggest::nearest(key, known.iter().copied())
        .filter(|s| present.is_none_or(|p| !p.contains_key(*s)));
    let mut message = format!("`{key}` is not a property of {place}");
    let mut diagnostic;
    let home = node.and_then(|n| nested_home(root, n, key));
    let severity = lenient_severity(template);
    if let (Some(home), None) = (home, suggestion) {
        message.push_str(&format!("; it belongs inside `{home}`"));
        diagnostic = Diagnostic::new(&rules::UNKNOWN_PROPERTY, key_pointer, message);
    } else if let Some(better) = suggestion {
        message.push_str(&format!("; did you mean `{better}`?"));
        // A rename is safe to apply unattended when no other name is as near.
        let applicability = if crate::suggest::unambiguous(key, known.iter().copied(), better) {
            crate::Applicability::Safe
        } else {
            crate::Applicability::Unsafe
        };
        diagnostic = Diagnostic::new(&rules::UNKNOWN_PROPERTY, key_pointer.clone(), message)
            .fix_with(
                applicability,
                format!("rename `{key}` to `{better}`"),
                vec![Edit::RenameKey {
                    pointer: key_pointer,
                    new_key: better.to_owned(),
                }],
            );
    } else {
        diagnostic = Diagnostic::new(&rules::UNKNOWN_PROPERTY, key_pointer, message);
    }
    if !known.is_empty() {
        let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
        diagnostic = diagnostic.help(format!(
            "{}; known properties here: {}",
            unknown_field_consequence(template),
            list.join(", ")
        ));
    }
    diagnostic.severity(severity).at_key()
}

/// The child object of `node` whose schema declares `key` (`proxyVmSize` written in
/// `vmProfile` belongs in `vmProfile.vnetConfig`).
fn nested_home<'s>(root: &'s Value, node: &'s Value, key: &str) -> Option<&'s str> {
    node.get("properties")?
        .as_object()?
        .iter()
        .find_map(|(name, child)| {
            let child = locate::resolve(root, child, None);
            child.get("properties")?.get(key).map(|_| name.as_str())
        })
}

/// The first API version newer than the template's whose schema node at this place passes
/// `knows` (has a property, allows a value).
fn newer_version_where(
    template: &Template,
    tokens: &[String],
    knows: impl Fn(&Value) -> bool,
) -> Option<ApiVersion> {
    ApiVersion::ALL
        .into_iter()
        .filter(|v| *v > template.api_version)
        .find(|v| locate::locate(schema(*v), template.value, tokens).is_some_and(&knows))
}

/// From 2024-02-01 the service rejects fields and values its version does not know; older
/// versions drop them silently, which loses the setting but does not fail the deployment.
fn lenient_severity(template: &Template) -> crate::Severity {
    if template.api_version >= ApiVersion::V2024_02_01 {
        crate::Severity::Error
    } else {
        crate::Severity::Warning
    }
}

fn unknown_field_consequence(template: &Template) -> &'static str {
    if template.api_version >= ApiVersion::V2024_02_01 {
        "the service rejects unknown fields from API 2024-02-01"
    } else {
        "before API 2024-02-01 the service silently ignores it"
    }
}

fn bad_enum(abs: &str, place: &str, at: Option<&Value>, options: &Value) -> Diagnostic {
    let allowed: Vec<&str> = options
        .as_array()
        .map(|o| o.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let list = allowed
        .iter()
        .map(|o| format!("`{o}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let given = at.and_then(Value::as_str);
    let same_but_case = given.and_then(|g| {
        allowed
            .iter()
            .find(|o| o.eq_ignore_ascii_case(g) && **o != g)
    });
    let mut diagnostic = match (given, same_but_case) {
        (Some(g), Some(right)) => Diagnostic::new(
            &rules::INVALID_ENUM_VALUE,
            abs,
            format!("`{g}` is not valid for {place}: values are case-sensitive, write `{right}`"),
        )
        .safe_fix(
            format!("change to `{right}`"),
            vec![Edit::Replace {
                pointer: abs.to_owned(),
                value: Value::String((*right).to_owned()),
            }],
        ),
        (Some(g), None) => {
            let mut message = format!("`{g}` is not a valid value for {place}");
            if let Some(near) = crate::suggest::nearest(g, allowed.iter().copied()) {
                message.push_str(&format!("; did you mean `{near}`?"));
            }
            Diagnostic::new(&rules::INVALID_ENUM_VALUE, abs, message)
        }
        _ => Diagnostic::new(
            &rules::INVALID_ENUM_VALUE,
            abs,
            format!("{} is not a valid value for {place}", show(at)),
        ),
    };
    diagnostic = diagnostic.help(format!("allowed values: {list}"));
    diagnostic
}

fn wrong_type(abs: &str, place: &str, at: Option<&Value>, node: Option<&Value>) -> Diagnostic {
    let expected = node
        .and_then(|n| n.get("type"))
        .map(type_words)
        .unwrap_or_else(|| "another type".to_owned());
    let found = at.map(json_type).unwrap_or("nothing");
    let mut diagnostic = Diagnostic::new(
        &rules::WRONG_TYPE,
        abs,
        format!("{place} must be {expected}, not {found}"),
    );
    // A number or boolean written in quotes ("60", "true") is the usual cause: offer to unquote.
    if let (Some(text), Some(kind)) = (
        at.and_then(Value::as_str),
        node.and_then(|n| n.get("type")).and_then(Value::as_str),
    ) {
        let unquoted = match kind {
            "integer" => text.trim().parse::<i64>().ok().map(Value::from),
            "number" => text
                .trim()
                .parse::<f64>()
                .ok()
                .and_then(|f| serde_json::Number::from_f64(f).map(Value::Number)),
            "boolean" => match text.trim() {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                _ => None,
            },
            _ => None,
        };
        if let Some(value) = unquoted {
            diagnostic = diagnostic.safe_fix(
                format!("write {value} without quotes"),
                vec![Edit::Replace {
                    pointer: abs.to_owned(),
                    value,
                }],
            );
        }
    }
    diagnostic
}

fn type_words(kind: &Value) -> String {
    let word = |k: &str| match k {
        "object" => "an object",
        "array" => "an array",
        "string" => "a string",
        "integer" => "an integer",
        "number" => "a number",
        "boolean" => "`true` or `false`",
        "null" => "null",
        _ => "a value",
    };
    match kind {
        Value::String(k) => word(k).to_owned(),
        Value::Array(kinds) => kinds
            .iter()
            .filter_map(Value::as_str)
            .map(word)
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "another type".to_owned(),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A short rendering of a value for messages (long text is cut).
fn show(value: Option<&Value>) -> String {
    match value {
        None => "missing".to_owned(),
        Some(Value::String(s)) => {
            let cut: String = s.chars().take(60).collect();
            if cut.len() < s.len() {
                format!("`{cut}…`")
            } else {
                format!("`{cut}`")
            }
        }
        Some(other) => {
            let text = other.to_string();
            if text.len() > 60 {
                format!("`{}…`", text.chars().take(60).collect::<String>())
            } else {
                format!("`{text}`")
            }
        }
    }
}

fn required_help(name: &str) -> String {
    match name {
        "identity" => "Image Builder needs a user-assigned managed identity: add `\"identity\": {\"type\": \"UserAssigned\", \"userAssignedIdentities\": {\"<identity resource ID>\": {}}}`".to_owned(),
        "location" => "add the region the image is built in, e.g. `\"location\": \"westeurope\"`".to_owned(),
        "runOutputName" => "every distribution target needs a unique `runOutputName` (1-64 letters, digits, `-`, `_`, `.`); it names the run output you query after the build".to_owned(),
        _ => format!("add `{name}`"),
    }
}

fn pattern_help(pattern: &str) -> String {
    if pattern.contains("{1,64}") {
        "use 1 to 64 characters: letters, digits, `-`, `_`".to_owned()
            + if pattern.contains('.') {
                " and `.`"
            } else {
                ""
            }
    } else {
        format!("the value must match `{pattern}`")
    }
}

/// Says in words where a value is: "customizer 2 (`Shell`)", "the `PlatformImage` source",
/// "`properties.vmProfile`".
pub fn describe(template: &Template, tokens: &[String]) -> String {
    let value_at = |n: usize| {
        template.value.pointer(
            &tokens[..n]
                .iter()
                .map(|t| format!("/{}", pointer::escape(t)))
                .collect::<String>(),
        )
    };
    let kind = |n: usize| {
        value_at(n)
            .and_then(|v| v.get("type"))
            .and_then(Value::as_str)
    };
    let n = tokens.len();
    let ends_with = |suffix: &[&str]| {
        n >= suffix.len()
            && tokens[n - suffix.len()..]
                .iter()
                .zip(suffix)
                .all(|(a, b)| a == b)
    };
    let is_index = n > 0 && tokens[n - 1].parse::<usize>().is_ok();
    if is_index && n >= 2 {
        let list = tokens[n - 2].as_str();
        let noun = match list {
            "customize" => Some("customizer"),
            "distribute" => Some("distribution target"),
            "inVMValidations" => Some("validator"),
            "targetRegions" => Some("target region"),
            _ => None,
        };
        // As people count them: "customizer 2 (`Shell`)", not `properties.customize[1]`.
        if let (Some(noun), Ok(index)) = (noun, tokens[n - 1].parse::<usize>()) {
            let kind = kind(n).map(|t| format!(" (`{t}`)")).unwrap_or_default();
            return format!("{noun} {}{kind}", index + 1);
        }
    }
    if ends_with(&["properties", "source"]) {
        return match kind(n) {
            Some(t) => format!("the `{t}` source"),
            None => "the source".to_owned(),
        };
    }
    if n == 0 {
        return "the image template".to_owned();
    }
    format!("`{}`", dotted(tokens))
}

/// `properties.customize[0].scriptUri`
pub fn dotted(tokens: &[String]) -> String {
    let mut out = String::new();
    for token in tokens {
        if token.parse::<usize>().is_ok() && !out.is_empty() {
            out.push_str(&format!("[{token}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(token);
        }
    }
    out
}

/// The read-only properties of `resource` under `version`'s schema: (pointer relative to the
/// resource, key). The checker reports them; the exports leave them out.
pub fn read_only_properties(resource: &Value, version: ApiVersion) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for path in read_only::paths(version) {
        read_only::find(resource, path, &mut String::new(), &mut found);
    }
    found
}

/// Reports read-only properties (pasted from `az image builder show`): the service ignores them.
fn report_read_only(template: &Template, out: &mut Vec<Diagnostic>) {
    for (rel, key) in read_only_properties(template.value, template.api_version) {
        let abs = template.ptr(&rel);
        out.push(
            Diagnostic::new(&rules::READ_ONLY_PROPERTY, abs.clone(), format!("`{key}` is read-only: the service ignores it"))
                .help("this looks copied from `az image builder show`; read-only values are set by the service and editing them does nothing")
                .safe_fix(format!("remove `{key}`"), vec![Edit::Remove { pointer: abs }])
                .at_key(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vendored_schema_parses_and_compiles() {
        for version in ApiVersion::ALL {
            assert!(schema(version).get("definitions").is_some(), "{version}");
            let _ = validator(version);
        }
    }

    /// The validator refuses any keyword or pattern it does not check, and compiles every
    /// definition: a schema that compiles is checked in full.
    #[test]
    fn every_keyword_and_pattern_of_the_vendored_schemas_is_supported() {
        for version in ApiVersion::ALL {
            if let Err(unsupported) = Validator::new(schema(version)) {
                panic!("schemas/{version}.json: {unsupported}");
            }
        }
    }

    #[test]
    fn dotted_paths_read_naturally() {
        let tokens: Vec<String> = ["properties", "customize", "0", "scriptUri"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(dotted(&tokens), "properties.customize[0].scriptUri");
    }
}
