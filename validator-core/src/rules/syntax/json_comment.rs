crate::declare_rule! {
    /// ## What it checks
    /// `//` and `/* */` comments in the JSON text.
    ///
    /// ## Why it matters
    /// It depends on the program that reads the file (see `model/reader.rs`):
    /// - a bare resource or request body is read by `az resource create --properties @file`
    ///   or `az image builder create --image-template` with strict JSON, which stops with
    ///   "Error parsing JSON": an **error**;
    /// - an ARM template may hold comments: `az deployment group create` removes them before
    ///   parsing, so this is only an **info**.
    ///
    /// The fix removes the comment.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   // the build region
    ///   "location": "westeurope"
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "location": "westeurope"
    /// }
    /// ```
    ///
    /// ## Fix
    /// **Unsafe**: removing a comment loses what it says, and ARM deployments accept comments.
    /// Applied by `aib check --fix --unsafe-fixes` only.
    ///
    /// ## References
    /// - Azure Resource Manager: template syntax, comments
    pub static JSON_COMMENT = {
        code: "AIB002",
        name: "json-comment",
        group: Syntax,
        severity: Error,
        check: None,
    }
}
