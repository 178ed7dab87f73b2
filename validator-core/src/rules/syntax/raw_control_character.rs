crate::declare_rule! {
    /// ## What it checks
    /// A raw control character (U+0000 to U+001F: a tab, NUL, escape, a lone carriage return)
    /// inside a string, where JSON requires an escape such as `\t` or `\u001b`. Usually a
    /// script pasted into an `inline` command. One finding per string.
    ///
    /// ## Why it matters
    /// RFC 8259 forbids them. It depends on the program that reads the file (see
    /// `model/reader.rs`):
    /// - a bare resource or request body is read by `az resource create --properties @file`
    ///   or `az image builder create --image-template` with Python's strict `json.loads`,
    ///   which stops with "Invalid control character": an **error**;
    /// - an ARM template is read by `az deployment group create` in Python's non-strict mode,
    ///   which accepts them, so this is a **warning** for the readers that do not.
    ///
    /// The fix writes each control character as its escape and touches nothing else; the
    /// value stays the same.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "tabs", "inline": ["echo	done"] }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "tabs", "inline": ["echo\tdone"] }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## Fix
    /// **Safe**: writes the control characters as escapes; the string is the same. `aib check
    /// --fix` applies it.
    ///
    /// ## References
    /// - RFC 8259, section 7 (strings)
    pub static RAW_CONTROL_CHARACTER = {
        code: "AIB007",
        name: "raw-control-character",
        group: Syntax,
        severity: Error,
        check: None,
    }
}
