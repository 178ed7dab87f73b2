//! Hover: over a property name, the spec's help for it and the API versions that have it;
//! over a finding, its rule's documentation (what `aib explain` prints).

use std::sync::Arc;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};
use serde_json::Value;
use validator_core::complete::context::{self, Place};
use validator_core::policy::Policy;
use validator_core::schema::{self, help, locate};
use validator_core::{pointer, ApiVersion};

use super::diagnostics::Checked;
use super::position;

/// The hover at `at` in `text`. `checked` is the document's last check: its findings count
/// only if it is of this very text, its template (API version and value) in any case, as the
/// text being typed may not parse.
pub fn at(
    text: &Arc<str>,
    at: Position,
    checked: Option<&Checked>,
    policy: Option<&Policy>,
) -> Option<Hover> {
    let offset = position::offset(text, at);
    let mut sections = Vec::new();
    if let Some(checked) = checked.filter(|c| c.is_of(text)) {
        sections.extend(findings_at(checked, offset, policy));
    }
    if let Some(property) = property_at(text, offset, checked) {
        sections.push(property);
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: None,
    })
}

/// The documentation of every rule with a finding at `offset`, once each: a built-in rule's, or
/// a policy's (`aib explain POL-<id> --policy ...`).
fn findings_at(checked: &Checked, offset: usize, policy: Option<&Policy>) -> Vec<String> {
    let mut codes: Vec<&str> = Vec::new();
    let here = checked
        .findings()
        .iter()
        .filter(|d| d.span.is_some_and(|s| s.start <= offset && offset <= s.end));
    for d in here {
        if !codes.contains(&d.code) {
            codes.push(d.code);
        }
    }
    codes
        .into_iter()
        .filter_map(|code| validator_core::policy::find_rule(code, policy))
        .map(crate::output::explain_named)
        .collect()
}

/// The help of the property whose name is at `offset`, and the API versions that have it.
fn property_at(text: &str, offset: usize, checked: Option<&Checked>) -> Option<String> {
    let (key_start, name) = key_at(text, offset)?;
    let context = context::at(&text[..key_start + 1])?;
    if context.place != Place::Key {
        return None;
    }
    let (base, version, template) =
        checked
            .and_then(Checked::template)
            .unwrap_or(("", ApiVersion::NEWEST, &Value::Null));
    let base = pointer::tokens(base);
    let path = context.path.strip_prefix(base.as_slice())?;
    let in_version = |version: ApiVersion| {
        let root = schema::schema(version);
        let node = locate::locate(root, template, path)?;
        Some((root, locate::property(node, &name)?))
    };
    let (root, property) = in_version(version)?;
    let mut out = format!("**{name}**");
    if let Some(help) = help::of(root, property) {
        out.push_str("\n\n");
        out.push_str(&help);
    }
    let versions: Vec<&str> = ApiVersion::ALL
        .into_iter()
        .filter(|v| in_version(*v).is_some())
        .map(ApiVersion::as_str)
        .collect();
    if versions.len() == ApiVersion::ALL.len() {
        out.push_str("\n\nIn every API version.");
    } else {
        out.push_str(&format!("\n\nIn API versions {}.", versions.join(", ")));
    }
    out.push_str(&format!(
        " This template is checked against {}.",
        version.as_str()
    ));
    Some(out)
}

/// The property name whose string (quotes included) holds `offset`: where its opening quote
/// is, and the name. A string is a name when a colon follows it. JSON strings never span
/// lines, so the line around the offset is all there is to read.
fn key_at(text: &str, offset: usize) -> Option<(usize, String)> {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = &text.as_bytes()[line_start..line_end];
    let mut i = 0;
    while i < line.len() {
        match line[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < line.len() && line[i] != b'"' {
                    i += if line[i] == b'\\' { 2 } else { 1 };
                }
                let end = (i + 1).min(line.len());
                if line_start + start <= offset && offset < line_start + end {
                    let after = text[line_start + end..line_end].trim_start();
                    if !after.starts_with(':') {
                        return None;
                    }
                    let name =
                        serde_json::from_str(&text[line_start + start..line_start + end]).ok()?;
                    return Some((line_start + start, name));
                }
                i = end;
            }
            b'/' if line.get(i + 1) == Some(&b'/') => return None,
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_a_string_followed_by_a_colon() {
        let text = "{\"a\\\"é\": \"v\", // \"x\": 1\n \"b\":1}";
        assert_eq!(key_at(text, 2), Some((1, "a\"é".to_owned())));
        assert_eq!(key_at(text, 1), Some((1, "a\"é".to_owned())));
        // The value, the comment, the colon.
        assert_eq!(key_at(text, text.find("\"v").unwrap() + 1), None);
        assert_eq!(key_at(text, text.find("x").unwrap()), None);
        assert_eq!(key_at(text, text.find(':').unwrap()), None);
        let b = text.find("\"b").unwrap();
        assert_eq!(key_at(text, b + 1), Some((b, "b".to_owned())));
    }
}
