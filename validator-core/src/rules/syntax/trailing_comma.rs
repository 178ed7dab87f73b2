crate::declare_rule! {
    /// ## What it checks
    /// A comma after the last member of an object or the last item of an array.
    ///
    /// ## Why it matters
    /// ARM template deployments tolerate it, but strict JSON parsers (the az CLI reading
    /// `@file`, the REST API) reject the file. The official "build VM MSI" quickstart shipped
    /// with one. The fix removes the comma.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "location": "westeurope",
    ///   "tags": { "team": "platform", },
    ///   "properties": {}
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "location": "westeurope",
    ///   "tags": { "team": "platform" },
    ///   "properties": {}
    /// }
    /// ```
    ///
    /// ## References
    /// - RFC 8259, section 4 (objects) and 5 (arrays)
    pub static TRAILING_COMMA = {
        code: "AIB003",
        name: "trailing-comma",
        group: Syntax,
        severity: Warning,
        check: None,
    }
}
