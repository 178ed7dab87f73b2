//! `uriPrefixes`: scripts and files come from the team's own places, and optionally carry a
//! checksum.
//!
//! ```json
//! { "id": "script-sources", "severity": "error", "message": "Scripts come from our storage",
//!   "uriPrefixes": { "prefixes": ["https://contoso.blob.core.windows.net/scripts/"],
//!                    "requireChecksum": true } }
//! ```
//!
//! It reads `scriptUri` and `sourceUri` of every entry of `customize` and of
//! `validate.inVMValidations`. Prefixes compare exactly: a storage path is case-sensitive.

use serde::Deserialize;
use serde_json::Value;

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::model::Template;

/// The allowed prefixes, and whether an entry with a URI needs `sha256Checksum`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct UriPrefixes {
    pub prefixes: Vec<String>,
    #[serde(default)]
    pub require_checksum: bool,
}

/// The fields holding a URI that Image Builder downloads.
pub const URI_FIELDS: [&str; 2] = ["scriptUri", "sourceUri"];

impl UriPrefixes {
    pub(crate) fn read(value: &Value) -> Result<UriPrefixes, String> {
        let prefixes: UriPrefixes = super::from_value(value)?;
        if prefixes.prefixes.iter().any(String::is_empty) || prefixes.prefixes.is_empty() {
            return Err("`prefixes` lists at least one non-empty prefix".to_owned());
        }
        Ok(prefixes)
    }

    pub(crate) fn check(&self, template: &Template, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let steps = template.customizers().iter().chain(template.validators());
        for step in steps {
            for field in URI_FIELDS {
                let Some(uri) = step.get(field).and_then(Value::as_str) else {
                    continue;
                };
                if super::not_yet_known(uri) {
                    continue;
                }
                if !self.prefixes.iter().any(|p| uri.starts_with(p.as_str())) {
                    let detail = format!(
                        "`{uri}` starts with none of {}",
                        super::pattern::quoted_list(&self.prefixes)
                    );
                    out.push(rule.finding(format!("{}/{field}", step.pointer), detail));
                }
                let checksum = step.get("sha256Checksum").and_then(Value::as_str);
                if self.require_checksum && checksum.is_none_or(|c| c.trim().is_empty()) {
                    let detail = format!("`{field}` has no `sha256Checksum`");
                    out.push(rule.finding(step.pointer.clone(), detail).at_key());
                }
            }
        }
    }
}
