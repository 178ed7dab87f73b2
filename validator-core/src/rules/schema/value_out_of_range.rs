crate::declare_rule! {
    /// ## What it checks
    /// A number outside the range the schema allows: `buildTimeoutInMinutes` 0-960,
    /// `osDiskSizeGB` 0 or more, `updateLimit` 0 or more, `replicaCount` 1 or more,
    /// `versioning.major` -1 or more, data disk `sizeGB` 0 or more.
    ///
    /// ## Why it matters
    /// The service rejects the template before any build starts.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "osDiskSizeGB": -1 } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "osDiskSizeGB": 0 } }
    /// }
    /// ```
    ///
    /// ## References
    /// - REST API specification: `minimum`/`maximum` of each API version
    pub static VALUE_OUT_OF_RANGE = {
        code: "AIB035",
        name: "value-out-of-range",
        group: Schema,
        severity: Error,
        check: None,
    }
}
