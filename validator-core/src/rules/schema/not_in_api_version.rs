crate::declare_rule! {
    /// ## What it checks
    /// A property or a value that exists only in a newer API version than the one the template
    /// declares: `autoRun` (2024-02-01) in a 2022-07-01 template, `validate` (2022-02-14) in a
    /// 2020-02-14 template, a `WindowsUpdate` customizer (2020-02-14) in a 2019-05-01-preview
    /// template. The message names the version that introduced it.
    ///
    /// ## Why it matters
    /// The service reads the body with the declared version's model. From 2024-02-01 it
    /// rejects unknown fields (error): `Unmarshalling entity encountered error: ... unknown
    /// field "vmboot". There is an issue with the syntax with the JSON template you are
    /// submitting.` Older versions drop them without a word (warning): the setting you wrote
    /// never takes effect. Tools pinned to an old version lose them the same way
    /// (`az image builder create` always sends 2023-07-01). Raise `apiVersion` or remove it.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": { "additionalDataDisks": [ { "sizeGB": 64 } ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2025-10-01",
    ///   "location": "westeurope",
    ///   "properties": { "additionalDataDisks": [ { "sizeGB": 64 } ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - shared/reference/aib-schema.md, section 6 (what changed between versions)
    /// - validation-rules.md, rules 4 and 6; Image Builder API release notes
    pub static NOT_IN_API_VERSION = {
        code: "AIB031",
        name: "not-in-api-version",
        group: Schema,
        severity: Error,
        check: None,
    }
}
