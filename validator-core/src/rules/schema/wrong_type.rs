crate::declare_rule! {
    /// ## What it checks
    /// A value of the wrong JSON type: text where a number is expected (`"60"` for
    /// `buildTimeoutInMinutes`), a string where an array is expected (`inline`), an object
    /// where a list is expected. Numbers and booleans in quotes get a fix that unquotes them.
    /// ARM expressions (`"[parameters('x')]"`) are accepted wherever any type may stand.
    ///
    /// ## Why it matters
    /// The service cannot read the body (`Unmarshalling entity encountered error`), or in older
    /// API versions a field is dropped.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "buildTimeoutInMinutes": "60" }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "buildTimeoutInMinutes": 60 }
    /// }
    /// ```
    ///
    /// ## Fix
    /// **Safe** when a number or boolean is written in quotes: writes it without them, the same
    /// value. `aib check --fix` applies it.
    ///
    /// ## References
    /// - REST API specification, `imagebuilder.json` of each API version
    pub static WRONG_TYPE = {
        code: "AIB034",
        name: "wrong-type",
        group: Schema,
        severity: Error,
        check: None,
    }
}
