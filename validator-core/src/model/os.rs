//! The operating system of the image being built, which decides the customizers it can run.

use serde_json::Value;

/// The image's OS family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// Publishers whose marketplace images are Windows.
const WINDOWS_PUBLISHERS: &[&str] = &[
    "microsoftwindowsserver",
    "microsoftwindowsdesktop",
    "microsoftvisualstudio",
    "microsoftsqlserver",
    "microsoft-dsvm",
    "microsoftwindowsserverhpcpack",
    "microsoftdynamicsnav",
    "microsoftsharepoint",
    "microsoftbiztalkserver",
];

/// Publishers whose marketplace images are Linux.
const LINUX_PUBLISHERS: &[&str] = &[
    "canonical",
    "redhat",
    "openlogic",
    "suse",
    "debian",
    "oracle",
    "almalinux",
    "resf",
    "erockyenterprisesoftwarefoundationinc1653071250513",
    "kinvolk",
    "microsoftcblmariner",
    "center-for-internet-security-inc",
    "credativ",
    "coreos",
];

/// The OS of a PlatformImage source, judged from publisher, offer and SKU.
pub fn os_of_platform_image(source: &serde_json::Map<String, Value>) -> Option<Os> {
    let field = |k: &str| {
        source
            .get(k)
            .and_then(Value::as_str)
            .filter(|s| !crate::model::is_expression(s))
            .map(str::to_ascii_lowercase)
    };
    let publisher = field("publisher");
    let offer = field("offer").unwrap_or_default();
    let sku = field("sku").unwrap_or_default();
    if let Some(p) = publisher.as_deref() {
        if WINDOWS_PUBLISHERS.contains(&p) {
            return Some(Os::Windows);
        }
        if LINUX_PUBLISHERS.contains(&p) {
            return Some(Os::Linux);
        }
    }
    if offer.contains("windows")
        || sku.contains("windows")
        || sku.contains("win10")
        || sku.contains("win11")
    {
        return Some(Os::Windows);
    }
    let linux_words = [
        "ubuntu", "rhel", "centos", "debian", "sles", "suse", "linux", "alma", "rocky", "mariner",
    ];
    if linux_words
        .iter()
        .any(|w| offer.contains(w) || sku.contains(w))
    {
        return Some(Os::Linux);
    }
    None
}
