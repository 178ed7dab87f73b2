crate::declare_rule! {
    /// ## What it checks
    /// Read-only properties that the service sets and ignores on input: `id`,
    /// `provisioningState`, `provisioningError`, `lastRunStatus`, `exactStagingResourceGroup`,
    /// `source.exactVersion`, identity `principalId`/`clientId`, `systemData`. They appear when
    /// the output of `az image builder show` is used as a template.
    ///
    /// ## Why it matters
    /// Editing them does nothing, which misleads: a user who set `exactStagingResourceGroup`
    /// found it ignored (MicrosoftDocs/azure-docs#112190). The fix removes the property.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "provisioningState": "Succeeded" }
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
    /// ## Fix
    /// **Safe**: removes a value the service ignores. `aib check --fix` applies it.
    ///
    /// ## References
    /// - REST API specification: `readOnly` properties
    /// - Image Builder API release notes: avoid read-only fields in request bodies
    pub static READ_ONLY_PROPERTY = {
        code: "AIB037",
        name: "read-only-property",
        group: Schema,
        severity: Warning,
        check: None,
    }
}
