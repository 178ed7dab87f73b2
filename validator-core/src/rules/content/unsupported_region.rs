use crate::catalog::regions::{self, Support};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{placeholders, Template};

crate::declare_rule! {
    /// ## What it checks
    /// The template's `location` is a region where Image Builder runs (the list in
    /// `catalog/regions.rs`, November 2026). Preview regions (USGov Arizona and Virginia,
    /// China North 3) are a warning: they need a feature registration. A typo gets a
    /// suggestion. Distribution targets may go to any region (see `unknown-region`).
    ///
    /// ## Why it matters
    /// The template cannot be created in a region without the service; the image is built in
    /// the template's region.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "francesouth",
    ///   "properties": {}
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "France Central",
    ///   "properties": {}
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 7; seed: "Location"
    pub static UNSUPPORTED_REGION = {
        code: "AIB162",
        name: "unsupported-region",
        group: Content,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(location) = template
        .str("/location")
        .filter(|l| placeholders(l).is_empty())
    else {
        return;
    };
    let pointer = template.ptr("/location");
    match regions::image_builder_support(location) {
        Support::Available => {}
        Support::Preview => out.push(
            Diagnostic::new(&UNSUPPORTED_REGION, pointer, format!("Image Builder is in preview in `{location}`"))
                .severity(Severity::Warning)
                .help("register the preview feature for Microsoft.VirtualMachineImages in the subscription first"),
        ),
        Support::Unavailable => {
            let mut message = format!("Image Builder is not available in `{location}`");
            let normalized = regions::normalize(location);
            // An abbreviation (`westeu`) is not a typo, but its region starts with it.
            let abbreviated = || regions::IMAGE_BUILDER.iter().copied().find(|r| normalized.len() >= 4 && r.starts_with(normalized.as_str()));
            if let Some(near) = crate::suggest::nearest(&normalized, regions::IMAGE_BUILDER.iter().copied()).or_else(abbreviated) {
                message.push_str(&format!("; did you mean `{near}`?"));
            }
            out.push(Diagnostic::new(&UNSUPPORTED_REGION, pointer, message).help(
                "build in a supported region near you (e.g. westeurope, eastus, southeastasia) and distribute the image to any region",
            ));
        }
    }
}
