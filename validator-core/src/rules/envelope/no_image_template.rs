crate::declare_rule! {
    /// ## What it checks
    /// A file in which no image template can be found: an ARM template without a
    /// `Microsoft.VirtualMachineImages/imageTemplates` resource (nested deployments are
    /// searched too), or JSON that is not an object.
    ///
    /// ## Why it matters
    /// Nothing in the file would create an image template, so nothing else can be checked.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    ///   "contentVersion": "1.0.0.0",
    ///   "resources": [
    ///     { "type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2023-01-31", "name": "aib", "location": "westeurope" }
    ///   ]
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "type": "Microsoft.VirtualMachineImages/imageTemplates",
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": {}
    /// }
    /// ```
    ///
    /// ## References
    /// - shared/seed/image-builder-json.md, "Type and API version"
    pub static NO_IMAGE_TEMPLATE = {
        code: "AIB010",
        name: "no-image-template",
        group: Envelope,
        severity: Error,
        check: None,
    }
}
