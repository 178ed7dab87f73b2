crate::declare_rule! {
    /// ## What it checks
    /// A `\u` escape of half a UTF-16 surrogate pair (`\ud800` to `\udfff`) without its other
    /// half, such as `"\ud83d"` cut from `"\ud83d\ude00"` (😀).
    ///
    /// ## Why it matters
    /// It encodes no character. The az CLI cannot send it (Python refuses to encode a lone
    /// surrogate), and other readers silently turn it into U+FFFD (�). The checker reads it as
    /// U+FFFD too, so the designer keeps the form read-only and refuses to export while it is
    /// there: writing the value back would replace your escape without telling you.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "location": "westeurope",
    ///   "tags": { "mood": "\ud83d" }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "location": "westeurope",
    ///   "tags": { "mood": "\ud83d\ude00" }
    /// }
    /// ```
    ///
    /// ## References
    /// - RFC 8259, section 8.2 (unpaired surrogates)
    pub static LONE_SURROGATE = {
        code: "AIB008",
        name: "lone-surrogate",
        group: Syntax,
        severity: Error,
        check: None,
    }
}
