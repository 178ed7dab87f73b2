use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::{placeholders, Template};

crate::declare_rule! {
    /// ## What it checks
    /// Two distribution targets with the same `runOutputName`. The related location shows the
    /// first one.
    ///
    /// ## Why it matters
    /// "The `runOutputName` must be unique to each distribution target": it names the
    /// `runOutputs/<name>` child resource you query for the image ID or VHD URI after the
    /// build, and a second target with the same name cannot be told apart.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "distribute": [
    ///       { "type": "VHD", "runOutputName": "ubuntu" },
    ///       { "type": "ManagedImage", "runOutputName": "ubuntu", "location": "westeurope",
    ///         "imageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/ubuntu" }
    ///     ]
    ///   }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "distribute": [
    ///       { "type": "VHD", "runOutputName": "ubuntu-vhd" },
    ///       { "type": "ManagedImage", "runOutputName": "ubuntu-image", "location": "westeurope",
    ///         "imageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/ubuntu" }
    ///     ]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 41; seed: "Properties: distribute"
    pub static DUPLICATE_RUN_OUTPUT_NAME = {
        code: "AIB111",
        name: "duplicate-run-output-name",
        group: Distribute,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<&str, String> = HashMap::new();
    for target in template.distributors() {
        // Two equal placeholders are one unfinished value, not a real clash.
        let Some(name) = target
            .str("runOutputName")
            .filter(|n| placeholders(n).is_empty())
        else {
            continue;
        };
        let pointer = target.ptr("runOutputName");
        match first.get(name) {
            Some(earlier) => out.push(
                Diagnostic::new(&DUPLICATE_RUN_OUTPUT_NAME, pointer, format!("runOutputName `{name}` is used by an earlier target too"))
                    .help("give every distribution target its own runOutputName: it names the run output you query after the build")
                    .related(earlier.clone(), "first used here"),
            ),
            None => {
                first.insert(name, pointer);
            }
        }
    }
}
