crate::declare_rule! {
    /// ## What it checks
    /// `//` and `/* */` comments in the JSON text.
    ///
    /// ## Why it matters
    /// ARM template deployments (`az deployment group create`) accept comments, but the REST
    /// API, `az resource create --properties @file` and `az image builder create
    /// --image-template` parse strict JSON and fail on them. Remove comments from a file that
    /// is sent as a request body.
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
    /// ## References
    /// - Azure Resource Manager: template syntax, comments
    pub static JSON_COMMENT = {
        code: "AIB002",
        name: "json-comment",
        group: Syntax,
        severity: Info,
        check: None,
    }
}
