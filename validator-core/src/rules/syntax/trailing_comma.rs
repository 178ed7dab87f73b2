crate::declare_rule! {
    /// ## What it checks
    /// A comma after the last member of an object or the last item of an array.
    ///
    /// ## Why it matters
    /// It depends on the program that reads the file (see `model/reader.rs`):
    /// - a bare resource or request body is read by `az resource create --properties @file`
    ///   or `az image builder create --image-template` with strict JSON: an **error**;
    /// - an ARM template is read by `az deployment group create`, whose strict parser fails and
    ///   whose fallback parser (Python's `ast.literal_eval`) cannot read `true`, `false` or
    ///   `null`. With any of them in the file the deployment stops with "Failed to parse
    ///   't.json', please check whether it is a valid JSON format": an **error**; without them
    ///   the file is read, but only by the fallback: a **warning**.
    ///
    /// The official "build VM MSI" quickstart shipped with one. The fix removes the comma.
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
    /// ## Fix
    /// **Safe**: removes the comma; the value is the same. `aib check --fix` applies it.
    ///
    /// ## References
    /// - RFC 8259, section 4 (objects) and 5 (arrays)
    pub static TRAILING_COMMA = {
        code: "AIB003",
        name: "trailing-comma",
        group: Syntax,
        severity: Error,
        check: None,
    }
}
