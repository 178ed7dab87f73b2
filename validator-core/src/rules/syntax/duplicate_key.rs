crate::declare_rule! {
    /// ## What it checks
    /// The same property name twice in one object.
    ///
    /// ## Why it matters
    /// JSON parsers keep only the last value and drop the others without a word, so a setting
    /// you can see in the file is silently ignored. The related location shows the first one.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "location": "westeurope",
    ///   "properties": { "buildTimeoutInMinutes": 60, "buildTimeoutInMinutes": 120 }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "location": "westeurope",
    ///   "properties": { "buildTimeoutInMinutes": 120 }
    /// }
    /// ```
    ///
    /// ## References
    /// - RFC 8259, section 4: "The names within an object SHOULD be unique."
    pub static DUPLICATE_KEY = {
        code: "AIB004",
        name: "duplicate-key",
        group: Syntax,
        severity: Warning,
        check: None,
    }
}
