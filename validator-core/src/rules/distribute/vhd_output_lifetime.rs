use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// A VHD target without `uri` (the `uri` exists from API 2022-07-01).
    ///
    /// ## Why it matters
    /// The VHD is then written to a storage account in the staging resource group and "If you
    /// delete the image template, then you will lose the VHD": copy it as soon as the build
    /// ends, or give a `uri` in your own storage account.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "distribute": [ { "type": "VHD", "runOutputName": "vhd" } ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "distribute": [ { "type": "VHD", "runOutputName": "vhd", "uri": "https://contoso.blob.core.windows.net/vhds/ubuntu.vhd" } ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 48; seed: "Distribute: VHD"
    pub static VHD_OUTPUT_LIFETIME = {
        code: "AIB117",
        name: "vhd-output-lifetime",
        group: Distribute,
        severity: Info,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for target in template
        .distributors()
        .iter()
        .filter(|t| t.kind == Some("VHD") && t.get("uri").is_none())
    {
        out.push(
            Diagnostic::new(&VHD_OUTPUT_LIFETIME, target.pointer.clone(), "the VHD is kept in the staging resource group and deleted with the template")
                .help("copy it right after the build (query `runOutputs` for its URI), or set `uri` to a blob in your own storage account (API 2022-07-01 and later)"),
        );
    }
}
