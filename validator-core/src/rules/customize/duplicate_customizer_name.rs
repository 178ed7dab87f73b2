use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::{Step, Template};

crate::declare_rule! {
    /// ## What it checks
    /// Two customizers (or two validators) with the same `name`.
    ///
    /// ## Why it matters
    /// The reference says customizers "must have a unique `name`"; the specification does not
    /// enforce it and no service error is known, hence a warning. The name is how you find a
    /// step in the customization log: with duplicates, a failure cannot be traced to its step.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "setup", "inline": ["echo one"] },
    ///     { "type": "Shell", "name": "setup", "inline": ["echo two"] }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "setup-packages", "inline": ["echo one"] },
    ///     { "type": "Shell", "name": "setup-users", "inline": ["echo two"] }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 34; seed: "Properties: customize"
    pub static DUPLICATE_CUSTOMIZER_NAME = {
        code: "AIB084",
        name: "duplicate-customizer-name",
        group: Customize,
        severity: Warning,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for (steps, noun) in [
        (template.customizers(), "customizer"),
        (template.validators(), "validator"),
    ] {
        // The first step of each name, by reference: its pointer is made only for a duplicate.
        // Sized up front, because growing rehashes every name read so far, and on a large
        // template each is a cache miss.
        let mut first: HashMap<&str, &Step> = HashMap::with_capacity(steps.len());
        for step in steps {
            let Some(name) = step
                .str("name")
                .filter(|n| !n.is_empty() && crate::model::placeholders(n).is_empty())
            else {
                continue;
            };
            match first.get(name) {
                Some(earlier) => out.push(
                    Diagnostic::new(
                        &DUPLICATE_CUSTOMIZER_NAME,
                        step.ptr("name"),
                        format!("another {noun} is already named `{name}`"),
                    )
                    .help("give each step its own name: the customization log names steps by it")
                    .related(earlier.ptr("name"), "first named here"),
                ),
                None => {
                    first.insert(name, step);
                }
            }
        }
    }
}
