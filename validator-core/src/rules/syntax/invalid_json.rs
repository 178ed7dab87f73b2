crate::declare_rule! {
    /// ## What it checks
    /// Text that is not JSON: a missing comma or colon, an unterminated string, a bad escape
    /// such as `"C:\temp"`, a stray character, or a file that ends before its brackets close.
    ///
    /// ## Why it matters
    /// Neither ARM, nor `az`, nor the Image Builder service can read the file, so nothing is
    /// submitted. The checker keeps reading after the error, so the rest of the template is
    /// still checked.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "location": "westeurope"
    ///   "properties": {}
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "location": "westeurope",
    ///   "properties": {}
    /// }
    /// ```
    ///
    /// ## Fix
    /// **Safe** where there is one: quotes an unquoted property name, or writes a single-quoted
    /// string in double quotes; the value is what was meant. `aib check --fix` applies it.
    /// Other syntax errors have no fix.
    ///
    /// ## References
    /// - RFC 8259, The JavaScript Object Notation (JSON) Data Interchange Format
    pub static INVALID_JSON = {
        code: "AIB001",
        name: "invalid-json",
        group: Syntax,
        severity: Error,
        check: None,
    }
}
