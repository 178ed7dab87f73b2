crate::declare_rule! {
    /// ## What it checks
    /// A text longer than the checker reads: 16 MiB (`validator_core::MAX_INPUT_BYTES`), in
    /// the command line and in the designer alike.
    ///
    /// ## Why it matters
    /// ARM refuses deployment templates over 4 MB, so a real image template is far below the
    /// limit; a larger file is almost always the wrong file (a log, a VHD listing, a bundle).
    /// Reading costs memory in proportion to the text (up to about 80 times its size for the
    /// most hostile shapes), so the limit keeps a browser tab and a pipeline from running out
    /// of memory. Nothing is checked past it.
    ///
    /// ## Example
    /// The example sets the limit to 64 bytes so that it fits on this page.
    /// ```json,invalid,limit=64
    /// {
    ///   "location": "westeurope",
    ///   "tags": { "purpose": "an example longer than the limit" }
    /// }
    /// ```
    /// ```json,valid,limit=64
    /// { "location": "westeurope" }
    /// ```
    ///
    /// ## References
    /// - Azure Resource Manager limits: a template may be at most 4 MB
    pub static INPUT_TOO_LARGE = {
        code: "AIB006",
        name: "input-too-large",
        group: Syntax,
        severity: Error,
        check: None,
    }
}
