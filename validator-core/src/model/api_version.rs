//! The API versions of `Microsoft.VirtualMachineImages/imageTemplates`.

use std::fmt;

/// Every published API version, oldest first (the order gives `<` and `>`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum ApiVersion {
    V2018_02_01Preview,
    V2019_02_01Preview,
    V2019_05_01Preview,
    V2020_02_14,
    V2021_10_01,
    V2022_02_14,
    V2022_07_01,
    V2023_07_01,
    V2024_02_01,
    V2025_10_01,
}

impl ApiVersion {
    pub const ALL: [ApiVersion; 10] = [
        ApiVersion::V2018_02_01Preview,
        ApiVersion::V2019_02_01Preview,
        ApiVersion::V2019_05_01Preview,
        ApiVersion::V2020_02_14,
        ApiVersion::V2021_10_01,
        ApiVersion::V2022_02_14,
        ApiVersion::V2022_07_01,
        ApiVersion::V2023_07_01,
        ApiVersion::V2024_02_01,
        ApiVersion::V2025_10_01,
    ];

    pub const NEWEST: ApiVersion = ApiVersion::V2025_10_01;

    pub fn as_str(self) -> &'static str {
        match self {
            ApiVersion::V2018_02_01Preview => "2018-02-01-preview",
            ApiVersion::V2019_02_01Preview => "2019-02-01-preview",
            ApiVersion::V2019_05_01Preview => "2019-05-01-preview",
            ApiVersion::V2020_02_14 => "2020-02-14",
            ApiVersion::V2021_10_01 => "2021-10-01",
            ApiVersion::V2022_02_14 => "2022-02-14",
            ApiVersion::V2022_07_01 => "2022-07-01",
            ApiVersion::V2023_07_01 => "2023-07-01",
            ApiVersion::V2024_02_01 => "2024-02-01",
            ApiVersion::V2025_10_01 => "2025-10-01",
        }
    }

    /// Parses an exact version string (`2022-07-01`); surrounding spaces are tolerated.
    pub fn parse(text: &str) -> Option<ApiVersion> {
        let text = text.trim();
        ApiVersion::ALL.into_iter().find(|v| v.as_str() == text)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_version_and_orders_them() {
        for (i, v) in ApiVersion::ALL.iter().enumerate() {
            assert_eq!(ApiVersion::parse(v.as_str()), Some(*v));
            assert_eq!(v.index(), i);
        }
        assert!(ApiVersion::V2020_02_14 < ApiVersion::V2024_02_01);
        assert_eq!(ApiVersion::parse("2021-01-01"), None);
    }
}
