use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// Azure's tag limits on `tags`, each target's `artifactTags` and `managedResourceTags`:
    /// at most 50 tags, names up to 512 characters, values up to 256.
    ///
    /// ## Why it matters
    /// Resource Manager rejects the tags, so the template (or the image at the end of the
    /// build) is not created. Packer, which Image Builder runs, says: `a max of 50 tags are
    /// supported, but %d were provided`.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "tags": { "description": "This value is far too long for an Azure tag. This value is far too long for an Azure tag. This value is far too long for an Azure tag. This value is far too long for an Azure tag. This value is far too long for an Azure tag. This value is far too long for an Azure tag." },
    ///   "properties": {}
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "tags": { "description": "Ubuntu base image for the platform team" },
    ///   "properties": {}
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 8; Azure Resource Manager tag limits
    pub static TAG_LIMITS = {
        code: "AIB163",
        name: "tag-limits",
        group: Content,
        severity: Error,
        check: Some(check),
    }
}

const MAX_TAGS: usize = 50;
const MAX_NAME: usize = 512;
const MAX_VALUE: usize = 256;

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let mut maps: Vec<(String, &Value)> = Vec::new();
    for rel in ["/tags", "/properties/managedResourceTags"] {
        if let Some(map) = template.get(rel) {
            maps.push((template.ptr(rel), map));
        }
    }
    for target in template.distributors() {
        if let Some(map) = target.get("artifactTags") {
            maps.push((target.ptr("artifactTags"), map));
        }
    }
    for (pointer, map) in maps {
        let Some(map) = map.as_object() else { continue };
        if map.len() > MAX_TAGS {
            out.push(Diagnostic::new(
                &TAG_LIMITS,
                pointer.clone(),
                format!("{} tags: Azure allows at most {MAX_TAGS}", map.len()),
            ));
        }
        for (name, value) in map {
            let tag = crate::pointer::join(&pointer, name);
            if name.chars().count() > MAX_NAME {
                out.push(
                    Diagnostic::new(
                        &TAG_LIMITS,
                        tag.clone(),
                        format!(
                            "a tag name of {} characters: Azure allows at most {MAX_NAME}",
                            name.chars().count()
                        ),
                    )
                    .at_key(),
                );
            }
            if let Some(text) = value.as_str().filter(|t| !crate::model::is_expression(t)) {
                if text.chars().count() > MAX_VALUE {
                    out.push(Diagnostic::new(&TAG_LIMITS, tag, format!("the value of tag `{name}` has {} characters: Azure allows at most {MAX_VALUE}", text.chars().count())));
                }
            }
        }
    }
}
