crate::declare_rule! {
    /// ## What it checks
    /// A property that exists in a newer API version than the one the template declares, such
    /// as `autoRun` (2024-02-01) in a 2022-07-01 template, or `validate` (2022-02-14) in a
    /// 2020-02-14 template.
    ///
    /// ## Why it matters
    /// The service reads the body with the declared version's model: newer fields are rejected
    /// (2024-02-01 and later) or silently dropped. Tools pinned to an old version lose them the
    /// same way (`az image builder create` always sends 2023-07-01). Raise `apiVersion` or
    /// remove the property.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "autoRun": { "state": "Enabled" } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": { "autoRun": { "state": "Enabled" } }
    /// }
    /// ```
    ///
    /// ## References
    /// - shared/reference/aib-schema.md, section 6 (what changed between versions)
    pub static PROPERTY_NOT_IN_API_VERSION = {
        code: "AIB031",
        name: "property-not-in-api-version",
        group: Schema,
        severity: Error,
        check: None,
    }
}
