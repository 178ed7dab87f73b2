use std::fmt::Write;

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::model::{placeholders, PointerSet, Template};
use crate::pointer;

crate::declare_rule! {
    /// ## What it checks
    /// `<placeholder>` tokens left in values or keys of the image template, as in the
    /// quickstarts (`<region>`, `<subscriptionID>`, `<imgBuilderId>`). One finding per value,
    /// listing its placeholders. HTML tags in inline commands (`<h1>`) are not placeholders.
    ///
    /// ## Why it matters
    /// The service cannot resolve `/subscriptions/<subscriptionID>/…` or a region named
    /// `<region>`: the deployment fails, or worse, a script runs with the literal text. Only
    /// the image template resource is read: an ARM parameter's default value is not a
    /// template value until it is used, and expressions are resolved at deployment.
    /// An unquoted placeholder is also invalid JSON (`unquoted-placeholder`); once quoted it
    /// still needs a value.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "<region>",
    ///   "properties": {}
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {}
    /// }
    /// ```
    ///
    /// ## References
    /// - shared/seed/image-builder-json.md: the template skeleton's `<…>` values
    pub static PLACEHOLDER_LEFT = {
        code: "AIB160",
        name: "placeholder-left",
        group: Content,
        severity: Error,
        check: Some(check),
    }
}

/// Tags that appear in scripts writing HTML or XML, which look like placeholders.
const MARKUP: &[&str] = &[
    "html",
    "head",
    "body",
    "title",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "div",
    "span",
    "b",
    "i",
    "a",
    "ul",
    "li",
    "pre",
    "code",
    "table",
    "tr",
    "td",
    "script",
    "style",
    "meta",
    "xml",
    "configuration",
];

fn is_markup(token: &str) -> bool {
    let inner = token
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_start_matches('/');
    MARKUP.contains(&inner.to_ascii_lowercase().as_str())
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let mut found = Vec::new();
    let mut at = template.base.clone();
    let parser_reported = template.unquoted_placeholders;
    walk(
        template.value,
        &mut at,
        false,
        parser_reported,
        &mut found,
        0,
    );
    for (at, tokens, on_key) in found {
        let list = tokens
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let what = if on_key { "key" } else { "value" };
        let mut diagnostic = Diagnostic::new(&PLACEHOLDER_LEFT, at, format!("placeholder {list} left in this {what}"))
            .help("replace every `<…>` with the real value (the designer's placeholder form fills all occurrences at once)");
        if on_key {
            diagnostic = diagnostic.at_key();
        }
        out.push(diagnostic);
    }
}

/// Collects (pointer, placeholders, on a key?) under `value` at pointer `at`, except at the
/// pointers where the parser reported an unquoted placeholder: saying again that a
/// placeholder is left adds nothing until it is quoted.
fn walk(
    value: &Value,
    at: &mut String,
    in_script: bool,
    parser_reported: &PointerSet,
    found: &mut Vec<(String, Vec<String>, bool)>,
    depth: usize,
) {
    if depth > crate::parse::MAX_DEPTH {
        return;
    }
    let tokens_of = |text: &str| -> Vec<String> {
        if !text.contains('<') {
            return Vec::new();
        }
        placeholders(text)
            .into_iter()
            .filter(|t| !(in_script && is_markup(t)))
            .map(str::to_owned)
            .collect()
    };
    match value {
        Value::String(text) if !crate::model::is_expression(text) => {
            let tokens = tokens_of(text);
            if !tokens.is_empty() && !parser_reported.contains(at.as_str()) {
                found.push((at.clone(), tokens, false));
            }
        }
        Value::Object(map) => {
            for (key, child) in map {
                let saved = at.len();
                pointer::push_token(at, key);
                let tokens = tokens_of(key);
                if !tokens.is_empty()
                    && !crate::model::is_expression(key)
                    && !parser_reported.contains(at.as_str())
                {
                    found.push((at.clone(), tokens, true));
                }
                let in_script = in_script || key == "inline";
                walk(child, at, in_script, parser_reported, found, depth + 1);
                at.truncate(saved);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let saved = at.len();
                let _ = write!(at, "/{i}");
                walk(child, at, in_script, parser_reported, found, depth + 1);
                at.truncate(saved);
            }
        }
        _ => {}
    }
}
