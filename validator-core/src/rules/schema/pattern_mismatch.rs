crate::declare_rule! {
    /// ## What it checks
    /// A value that does not match the schema's pattern: `runOutputName` must be 1 to 64
    /// letters, digits, `-`, `_` or `.` (no `.` before 2019-05-01-preview).
    ///
    /// ## Why it matters
    /// `runOutputName` becomes the name of the `runOutputs/<name>` child resource you query
    /// for the image ID or VHD URI after the build; the service rejects other characters.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "distribute": [ { "type": "VHD", "runOutputName": "my vhd" } ]
    ///   }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "distribute": [ { "type": "VHD", "runOutputName": "my-vhd" } ]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - REST API specification, `ImageTemplateDistributor.runOutputName`
    pub static PATTERN_MISMATCH = {
        code: "AIB036",
        name: "pattern-mismatch",
        group: Schema,
        severity: Error,
        check: None,
    }
}
