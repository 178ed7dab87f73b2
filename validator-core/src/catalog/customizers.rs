//! Which customizer and in-VM validator types run on which OS: the checker's rules (AIB070 and
//! the validator rule), the OS guessed from the customizers, and the types the app offers all
//! read these tables.

use crate::Os;

/// How a customizer type fares on an OS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    Runs,
    /// The 2020-02-14 reference lists it, but the service has been seen to refuse it.
    Doubtful,
    /// The service refuses it (`CustomizerNotSupportedForImage`).
    Refused,
}

/// (type, on Linux, on Windows). `File` runs on both.
const TABLE: &[(&str, Fit, Fit)] = &[
    ("Shell", Fit::Runs, Fit::Refused),
    ("PowerShell", Fit::Doubtful, Fit::Runs),
    ("WindowsRestart", Fit::Refused, Fit::Runs),
    ("WindowsUpdate", Fit::Refused, Fit::Runs),
    ("File", Fit::Runs, Fit::Runs),
];

/// In-VM validators: the service refuses a validator of the other OS outright
/// (`BadValidatorType`, `UnsupportedValidatorType`).
const VALIDATORS: &[(&str, Fit, Fit)] = &[
    ("Shell", Fit::Runs, Fit::Refused),
    ("PowerShell", Fit::Refused, Fit::Runs),
    ("File", Fit::Runs, Fit::Runs),
];

fn look_up(table: &[(&str, Fit, Fit)], kind: &str, os: Os) -> Fit {
    table
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map_or(Fit::Runs, |(_, linux, windows)| match os {
            Os::Linux => *linux,
            Os::Windows => *windows,
        })
}

/// How the customizer type `kind` fares on `os`; an unknown type is not judged here.
pub fn fit(kind: &str, os: Os) -> Fit {
    look_up(TABLE, kind, os)
}

/// How the in-VM validator type `kind` fares on `os`; an unknown type is not judged here.
pub fn validator_fit(kind: &str, os: Os) -> Fit {
    look_up(VALIDATORS, kind, os)
}

/// The one OS whose fit for `kind` passes `good`, when the other's does not.
fn one_os(kind: &str, good: impl Fn(Fit) -> bool) -> Option<Os> {
    match (good(fit(kind, Os::Linux)), good(fit(kind, Os::Windows))) {
        (true, false) => Some(Os::Linux),
        (false, true) => Some(Os::Windows),
        _ => None,
    }
}

/// The OS a customizer type is made for, when it runs well on one only (`Shell`: Linux;
/// `PowerShell`, `WindowsRestart`, `WindowsUpdate`: Windows).
pub fn made_for(kind: &str) -> Option<Os> {
    one_os(kind, |f| f == Fit::Runs)
}

/// The OS only a customizer type runs on at all (`Shell`: Linux; `WindowsRestart`,
/// `WindowsUpdate`: Windows). Two types with different answers cannot share an image.
pub fn only_runs_on(kind: &str) -> Option<Os> {
    one_os(kind, |f| f != Fit::Refused)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_is_linux_and_the_windows_steps_are_windows() {
        assert_eq!(made_for("Shell"), Some(Os::Linux));
        assert_eq!(made_for("PowerShell"), Some(Os::Windows));
        assert_eq!(made_for("File"), None);
        assert_eq!(only_runs_on("PowerShell"), None);
        assert_eq!(only_runs_on("WindowsUpdate"), Some(Os::Windows));
        assert_eq!(fit("PowerShell", Os::Linux), Fit::Doubtful);
        assert_eq!(fit("Shell", Os::Windows), Fit::Refused);
        // A validator of the other OS is refused, PowerShell on Linux too.
        assert_eq!(validator_fit("PowerShell", Os::Linux), Fit::Refused);
        assert_eq!(validator_fit("Shell", Os::Windows), Fit::Refused);
        assert_eq!(validator_fit("File", Os::Windows), Fit::Runs);
    }
}
