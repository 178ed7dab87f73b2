crate::declare_rule! {
    /// ## What it checks
    /// A placeholder such as `<region>` or `<minutes>` written without quotes, as in the
    /// documentation's skeleton templates.
    ///
    /// ## Why it matters
    /// The file is not JSON until the placeholder is replaced, so nothing can be deployed.
    /// The checker reads the placeholder as text and goes on checking the rest; the fix quotes
    /// it (you still have to replace it with a real value, see `placeholder-left`).
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "location": "westeurope",
    ///   "properties": { "buildTimeoutInMinutes": <minutes> }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "location": "westeurope",
    ///   "properties": { "buildTimeoutInMinutes": 60 }
    /// }
    /// ```
    ///
    /// ## Fix
    /// **Unsafe**: quoting the placeholder makes the file JSON, but it is still a placeholder
    /// to replace, and a number should go without quotes. Applied by `aib check --fix
    /// --unsafe-fixes` only.
    ///
    /// ## References
    /// - shared/seed/image-builder-json.md, "This is the basic template format"
    pub static UNQUOTED_PLACEHOLDER = {
        code: "AIB005",
        name: "unquoted-placeholder",
        group: Syntax,
        severity: Error,
        check: None,
    }
}
