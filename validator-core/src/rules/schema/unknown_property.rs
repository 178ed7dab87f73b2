crate::declare_rule! {
    /// ## What it checks
    /// A property that the template's API version does not know at that place, such as
    /// `scriptURI` on a Shell customizer or the typo `aritfactTags`. The message suggests the
    /// nearest known name and the fix renames the key.
    ///
    /// ## Why it matters
    /// Property names are case-sensitive. From API 2024-02-01 the service rejects unknown
    /// fields (error): `Unmarshalling entity encountered error: ... unknown field "vmboot".
    /// There is an issue with the syntax with the JSON template you are submitting.` Older
    /// versions drop them without a word (warning), so the setting you wrote never takes
    /// effect.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "customize": [
    ///       { "type": "Shell", "name": "setup", "scriptURI": "https://example.com/setup.sh" }
    ///     ]
    ///   }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "customize": [
    ///       { "type": "Shell", "name": "setup", "scriptUri": "https://example.com/setup.sh" }
    ///     ]
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    /// **Safe** when one known name is nearer than every other: the rename is the one reading
    /// of the typo, and `aib check --fix` applies it. **Unsafe** when another name is as near:
    /// applied by `aib check --fix --unsafe-fixes` only.
    ///
    /// ## References
    /// - REST API specification, `imagebuilder.json` of each API version
    /// - Image Builder API release notes (unknown fields rejected from 2024-02-01)
    pub static UNKNOWN_PROPERTY = {
        code: "AIB030",
        name: "unknown-property",
        group: Schema,
        severity: Error,
        check: None,
    }
}
