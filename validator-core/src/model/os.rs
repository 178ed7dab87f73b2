//! The operating system of the image being built, which decides the customizers it can run.

/// The image's OS family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Os {
    Linux,
    Windows,
}

impl Os {
    pub fn as_str(self) -> &'static str {
        match self {
            Os::Linux => "linux",
            Os::Windows => "windows",
        }
    }

    pub fn parse(text: &str) -> Option<Os> {
        match text.to_ascii_lowercase().as_str() {
            "linux" => Some(Os::Linux),
            "windows" => Some(Os::Windows),
            _ => None,
        }
    }
}

/// How the OS was decided, so messages can say why a customizer is out of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OsEvidence {
    /// Given by the user (`--os`).
    Given,
    /// From the marketplace image's publisher, offer or SKU.
    SourceImage,
    /// From the customizer types (Shell means Linux; WindowsRestart/WindowsUpdate mean Windows).
    Customizers,
}
