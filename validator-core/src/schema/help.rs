//! The specification's help, made readable for people building a template: the one reviewed
//! table of rewrites of phrases that read badly out of the REST reference's context ("Refer to
//! above link", "the scriptUri field above", "[Default: 0]", an old `docs.microsoft.com` REST
//! link where the user needs the image docs). The form's fields and the editor's completion
//! both show help through [`readable`].
//!
//! Each entry replaces a phrase wherever it occurs, in every API version's schema; a test
//! checks that every phrase still occurs in some schema, so an entry never outlives its text.

use std::borrow::Cow;

/// `(the specification's phrase, what people read instead)`, applied in order.
pub const REWRITES: &[(&str, &str)] = &[
    (
        "Refer to above link for examples and detailed description of this field.",
        "See [Windows Update customizer](https://learn.microsoft.com/azure/virtual-machines/linux/image-builder-json#windows-update-customizer) for examples.",
    ),
    (
        "It can be a github link, SAS URI for Azure Storage, etc",
        "An HTTPS address the build VM can download from: a public file (a GitHub raw link, say) or an Azure Storage blob with a SAS token or access for the template's identity.",
    ),
    (
        "It can be a github link, Azure Storage URI (authorized or SAS), etc",
        "An HTTPS address the build VM can download from: a public file (a GitHub raw link, say) or an Azure Storage blob with a SAS token or access for the template's identity.",
    ),
    (
        "It can be a github link, Azure Storage URI, etc",
        "An HTTPS address the build VM can download from: a public file (a GitHub raw link, say) or an Azure Storage blob with a SAS token or access for the template's identity.",
    ),
    (
        "provided in the sourceUri field above",
        "at Source URI (64 hexadecimal digits; the build fails if the file differs)",
    ),
    (
        "SHA256 checksum of the power shell script provided in the scriptUri field above",
        "SHA256 checksum of the PowerShell script at Script URI (64 hexadecimal digits; the build fails if the script differs)",
    ),
    (
        "provided in the scriptUri field above",
        "at Script URI (64 hexadecimal digits; the build fails if the script differs)",
    ),
    (
        "Can only be true when the runElevated field above is set to true.",
        "Needs Run elevated to be on as well.",
    ),
    (
        "[Azure Gallery Images](https://docs.microsoft.com/en-us/rest/api/compute/virtualmachineimages)",
        "[Azure Marketplace](https://learn.microsoft.com/azure/virtual-machines/linux/cli-ps-findimage)",
    ),
    (" [Default: '']", " Default: none."),
    (" [Default: '5m']", " Default: 5 minutes."),
    (" [Default: 0]", " Default: 0 (success)."),
    (
        " [Default: 'shutdown /r /f /t 0 /c \"packer restart\"']",
        " Default: `shutdown /r /f /t 0 /c \"packer restart\"`.",
    ),
    (
        "describe the customization steps of the image, like Image source etc",
        "describe the customization steps of the image, run in order on the build VM",
    ),
];

/// The help of a property whose (unresolved) schema is `schema`: its own description, else its
/// type's, made [`readable`].
pub fn of(root: &serde_json::Value, schema: &serde_json::Value) -> Option<String> {
    schema
        .get("description")
        .or_else(|| super::locate::resolve(root, schema, None).get("description"))
        .and_then(serde_json::Value::as_str)
        .map(|d| readable(d).into_owned())
}

/// `description` with every phrase of [`REWRITES`] replaced; borrowed when none occurs.
pub fn readable(description: &str) -> Cow<'_, str> {
    let mut text = Cow::Borrowed(description);
    for (phrase, rewrite) in REWRITES {
        if text.contains(phrase) {
            text = Cow::Owned(text.replace(phrase, rewrite));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ApiVersion;

    fn descriptions() -> Vec<String> {
        fn walk(node: &serde_json::Value, out: &mut Vec<String>) {
            match node {
                serde_json::Value::Object(map) => {
                    if let Some(d) = map.get("description").and_then(|d| d.as_str()) {
                        out.push(d.to_owned());
                    }
                    map.values().for_each(|v| walk(v, out));
                }
                serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        for version in ApiVersion::ALL {
            walk(crate::schema::schema(version), &mut out);
        }
        out
    }

    #[test]
    fn every_phrase_still_occurs_in_a_schema() {
        let all = descriptions();
        for (phrase, _) in REWRITES {
            assert!(
                all.iter().any(|d| d.contains(phrase)),
                "no schema says {phrase:?}"
            );
        }
    }

    #[test]
    fn no_help_points_at_text_that_is_not_on_screen() {
        for description in descriptions() {
            let text = readable(&description);
            for stale in [
                "above link",
                "field above",
                "[Default:",
                "docs.microsoft.com/en-us/rest",
            ] {
                assert!(!text.contains(stale), "{text}");
            }
        }
    }

    #[test]
    fn help_without_those_phrases_is_left_as_it_is() {
        let help = "Maximum duration to wait while building the image template.";
        assert!(matches!(readable(help), Cow::Borrowed(h) if h == help));
    }
}
