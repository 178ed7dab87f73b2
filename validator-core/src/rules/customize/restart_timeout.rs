use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// A WindowsRestart customizer's `restartTimeout` is a magnitude and a unit: `5m`, `2h`,
    /// `90s`, `1h30m` (default `5m`).
    ///
    /// ## Why it matters
    /// "Restart timeout specified as a string of magnitude and unit. For example, `5m` (5
    /// minutes) or `2h` (2 hours)." Anything else (`5`, `5 minutes`, `PT5M`) fails the step.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [ { "type": "WindowsRestart", "restartTimeout": "10 minutes" } ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [ { "type": "WindowsRestart", "restartTimeout": "10m" } ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 31; seed: "Windows restart customizer"
    pub static RESTART_TIMEOUT = {
        code: "AIB081",
        name: "restart-timeout",
        group: Customize,
        severity: Error,
        check: Some(check),
    }
}

/// `5m`, `2h`, `1h30m`, `90s`: numbers each followed by h, m or s (Go's duration format,
/// which Packer parses; `ms`, `us`, `ns` are too short to matter).
pub(crate) fn is_duration(text: &str) -> bool {
    let mut rest = text;
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let digits = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .count();
        if digits == 0 {
            return false;
        }
        rest = &rest[digits..];
        match rest.chars().next() {
            Some('h' | 'm' | 's') => rest = &rest[1..],
            _ => return false,
        }
    }
    true
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for step in template
        .customizers()
        .iter()
        .filter(|s| s.kind == Some("WindowsRestart"))
    {
        let Some(timeout) = step.str("restartTimeout") else {
            continue;
        };
        if !is_duration(timeout) && crate::model::placeholders(timeout).is_empty() {
            out.push(
                Diagnostic::new(
                    &RESTART_TIMEOUT,
                    step.ptr("restartTimeout"),
                    format!("`{timeout}` is not a duration such as `5m` or `2h`"),
                )
                .help("write a number and a unit: `s`, `m` or `h` (e.g. `10m`, `1h30m`)"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_duration;

    #[test]
    fn durations_are_numbers_with_units() {
        for ok in ["5m", "2h", "90s", "1h30m", "1.5h"] {
            assert!(is_duration(ok), "{ok}");
        }
        for bad in ["", "5", "5 m", "10 minutes", "PT5M", "m5", "5d"] {
            assert!(!is_duration(bad), "{bad}");
        }
    }
}
