use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// Inline commands that wait for an answer: `apt-get install`, `apt install`, `yum
    /// install`, `dnf install`, `zypper install` and `apt-get upgrade` without `-y` (or
    /// `--yes`, `--assume-yes`, `-n`, `--non-interactive`).
    ///
    /// ## Why it matters
    /// No one answers the prompt: the build waits until it times out, `Failed while waiting for
    /// packerizer: Timeout waiting for microservice to complete: 'context deadline exceeded'`.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "nginx", "inline": ["sudo apt-get update", "sudo apt-get install nginx"] }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "nginx", "inline": ["sudo apt-get update", "sudo DEBIAN_FRONTEND=noninteractive apt-get install -y nginx"] }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 28
    pub static INTERACTIVE_COMMAND = {
        code: "AIB078",
        name: "interactive-command",
        group: Customize,
        severity: Warning,
        check: Some(check),
    }
}

/// The package manager command in a line that will prompt, if any.
pub(crate) fn prompting_command(line: &str) -> Option<&'static str> {
    for command in line.split(['&', ';', '|']) {
        let words: Vec<&str> = command.split_whitespace().collect();
        let yes = words.iter().any(|w| {
            matches!(
                *w,
                "-y" | "--yes"
                    | "--assume-yes"
                    | "-n"
                    | "--non-interactive"
                    | "-qq"
                    | "-yq"
                    | "-qy"
            ) || (w.starts_with('-') && !w.starts_with("--") && w.contains('y') && w.len() <= 5)
        });
        if yes {
            continue;
        }
        for (tool, verbs, label) in [
            (
                "apt-get",
                &["install", "upgrade", "dist-upgrade", "remove"][..],
                "apt-get",
            ),
            (
                "apt",
                &["install", "upgrade", "full-upgrade", "remove"][..],
                "apt",
            ),
            (
                "yum",
                &["install", "update", "upgrade", "remove"][..],
                "yum",
            ),
            (
                "dnf",
                &["install", "update", "upgrade", "remove"][..],
                "dnf",
            ),
            ("zypper", &["install", "in", "update", "up"][..], "zypper"),
        ] {
            // The tool must be the command itself, after `sudo`, `env`, flags and `VAR=value`s.
            let at = words.iter().position(|w| {
                !matches!(*w, "sudo" | "env") && !w.starts_with('-') && !w.contains('=')
            });
            let Some(at) =
                at.filter(|&i| words[i] == tool || words[i].ends_with(&format!("/{tool}")))
            else {
                continue;
            };
            if words[at + 1..].iter().any(|w| verbs.contains(w)) {
                return Some(label);
            }
        }
    }
    None
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for step in super::script_steps(template).filter(|s| s.kind == Some("Shell")) {
        for (i, line) in step.inline() {
            if let Some(tool) = prompting_command(line) {
                out.push(
                    Diagnostic::new(
                        &INTERACTIVE_COMMAND,
                        crate::pointer::join_index(&step.ptr("inline"), i),
                        format!("`{tool}` will wait for a yes that never comes"),
                    )
                    .help("add `-y` (and `DEBIAN_FRONTEND=noninteractive` for apt)"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::prompting_command;

    #[test]
    fn finds_prompts_but_not_answered_ones() {
        assert_eq!(
            prompting_command("sudo apt-get install nginx"),
            Some("apt-get")
        );
        assert_eq!(prompting_command("sudo yum update"), Some("yum"));
        assert_eq!(
            prompting_command("sudo apt-get update && sudo apt-get upgrade"),
            Some("apt-get")
        );
        assert_eq!(prompting_command("sudo apt-get -y install nginx"), None);
        assert_eq!(prompting_command("sudo apt-get install -qq -y nginx"), None);
        assert_eq!(prompting_command("sudo dnf install -y git"), None);
        assert_eq!(
            prompting_command("sudo zypper --non-interactive install git"),
            None
        );
        assert_eq!(prompting_command("sudo apt-get update"), None);
        assert_eq!(prompting_command("echo apt-get install is done"), None);
        assert_eq!(
            prompting_command("sudo DEBIAN_FRONTEND=noninteractive apt-get install nginx"),
            Some("apt-get")
        );
    }
}
