use std::fmt::Write;

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::model::{placeholders, Template, UnquotedPlaceholders};
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
    let mut walk = Walk {
        at: template.base.clone(),
        parser_reported: template.unquoted_placeholders,
        next_reported: 0,
        found: Vec::new(),
    };
    walk.value(template.value, false, 0);
    for (at, tokens, on_key) in walk.found {
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

/// Collects (pointer, placeholders, on a key?) under a value, except at the pointers where the
/// parser reported an unquoted placeholder: saying again that a placeholder is left adds
/// nothing until it is quoted.
struct Walk<'t> {
    /// The pointer of the value being walked.
    at: String,
    parser_reported: &'t UnquotedPlaceholders<'t>,
    /// Where the walk is in the parser's order of reported placeholders.
    next_reported: usize,
    found: Vec<(String, Vec<String>, bool)>,
}

impl Walk<'_> {
    fn value(&mut self, value: &Value, in_script: bool, depth: usize) {
        if depth > crate::parse::MAX_DEPTH {
            return;
        }
        match value {
            Value::String(text) if !crate::model::is_expression(text) => {
                self.text(text, in_script, false);
            }
            Value::Object(map) => {
                for (key, child) in map {
                    let saved = self.at.len();
                    pointer::push_token(&mut self.at, key);
                    if !crate::model::is_expression(key) {
                        self.text(key, in_script, true);
                    }
                    let in_script = in_script || key == "inline";
                    self.value(child, in_script, depth + 1);
                    self.at.truncate(saved);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    let saved = self.at.len();
                    let _ = write!(self.at, "/{i}");
                    self.value(child, in_script, depth + 1);
                    self.at.truncate(saved);
                }
            }
            _ => {}
        }
    }

    /// Records the placeholders of a string value or key at the current pointer.
    fn text(&mut self, text: &str, in_script: bool, on_key: bool) {
        if !text.contains('<') {
            return;
        }
        let tokens: Vec<String> = placeholders(text)
            .into_iter()
            .filter(|t| !(in_script && is_markup(t)))
            .map(str::to_owned)
            .collect();
        if !tokens.is_empty()
            && !self
                .parser_reported
                .contains(&self.at, &mut self.next_reported)
        {
            self.found.push((self.at.clone(), tokens, on_key));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::syntax::UNQUOTED_PLACEHOLDER;

    /// The parser's unquoted placeholders are matched to the walk in order; a second template,
    /// a replaced duplicate key and quoted placeholders in between all leave that order.
    #[test]
    fn parser_reported_placeholders_are_not_reported_again_in_any_order() {
        let resource = |name: &str| {
            format!(
                r#"{{ "type": "Microsoft.VirtualMachineImages/imageTemplates", "apiVersion": "2022-07-01",
                  "name": "{name}", "location": <region>, "tags": {{ "owner": <owner>, "team": "<team>", "owner": <owner> }},
                  "properties": {{ "customize": [ {{ "type": "Shell", "name": <step>, "inline": ["echo <b>hi</b> <who>"] }} ] }} }}"#
            )
        };
        let text = format!(
            r#"{{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0", "resources": [ {}, {} ] }}"#,
            resource("a"),
            resource("b")
        );
        let report = crate::check(&text, &Default::default());
        let at = |code: &str| -> Vec<&str> {
            report
                .diagnostics
                .iter()
                .filter(|d| d.code == code)
                .map(|d| d.pointer.as_str())
                .collect()
        };
        let mut unquoted = at(UNQUOTED_PLACEHOLDER.code);
        unquoted.sort_unstable();
        unquoted.dedup();
        for template in ["/resources/0", "/resources/1"] {
            for field in ["/location", "/tags/owner", "/properties/customize/0/name"] {
                assert!(
                    unquoted.contains(&format!("{template}{field}").as_str()),
                    "{template}{field} in {unquoted:?}"
                );
            }
        }
        assert_eq!(
            at(super::PLACEHOLDER_LEFT.code),
            [
                "/resources/0/tags/team",
                "/resources/0/properties/customize/0/inline/0",
                "/resources/1/tags/team",
                "/resources/1/properties/customize/0/inline/0",
            ]
        );
    }
}
