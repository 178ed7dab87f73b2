//! "Did you mean …?": the nearest known name to what the user wrote.

/// The candidate closest to `given`: an exact match ignoring case first, otherwise the most
/// similar one when it is similar enough to be a typo (`aritfactTags` → `artifactTags`).
pub fn nearest<'c>(given: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let lower = given.to_lowercase();
    let given_len = lower.chars().count();
    let mut best: Option<(&str, f64)> = None;
    for candidate in candidates {
        if candidate == given {
            continue;
        }
        // The edit distance is at least the difference in length, so a candidate much shorter
        // or longer cannot reach the threshold; skipping it also keeps a 10 MB value from
        // costing a 10 MB × n distance matrix.
        let candidate_len = candidate.chars().count();
        if (given_len.min(candidate_len) as f64) < 0.7 * given_len.max(candidate_len) as f64 {
            continue;
        }
        let candidate_lower = candidate.to_lowercase();
        if candidate_lower == lower {
            return Some(candidate);
        }
        let score = strsim::normalized_damerau_levenshtein(&lower, &candidate_lower);
        if score >= 0.7 && best.is_none_or(|(_, s)| score > s) {
            best = Some((candidate, score));
        }
    }
    best.map(|(c, _)| c)
}

/// True when no candidate but `chosen` is as near to `given` as `chosen` is (by the measure of
/// [`nearest`]): a rename to it is then the one reading of a typo, safe to apply unattended.
pub fn unambiguous<'c>(
    given: &str,
    candidates: impl IntoIterator<Item = &'c str>,
    chosen: &str,
) -> bool {
    let lower = given.to_lowercase();
    let score = |candidate: &str| {
        let candidate_lower = candidate.to_lowercase();
        if candidate_lower == lower {
            2.0
        } else {
            strsim::normalized_damerau_levenshtein(&lower, &candidate_lower)
        }
    };
    let best = score(chosen);
    candidates
        .into_iter()
        .filter(|c| *c != chosen && *c != given)
        .all(|c| score(c) < best)
}

#[cfg(test)]
mod tests {
    use super::{nearest, unambiguous};

    #[test]
    fn a_suggestion_is_unambiguous_when_no_other_name_is_as_near() {
        let keys = ["type", "name", "scriptUri", "sha256Checksum", "inline"];
        assert!(unambiguous("scriptURI", keys, "scriptUri"));
        // `vmSize1` is one edit from both.
        assert!(!unambiguous("vmSize1", ["vmSize", "vmSize2"], "vmSize"));
    }

    #[test]
    fn suggests_case_fixes_and_typos_but_not_strangers() {
        let keys = ["type", "name", "scriptUri", "sha256Checksum", "inline"];
        assert_eq!(nearest("scriptURI", keys), Some("scriptUri"));
        assert_eq!(nearest("sriptUri", keys), Some("scriptUri"));
        assert_eq!(
            nearest("aritfactTags", ["artifactTags", "runOutputName"]),
            Some("artifactTags")
        );
        assert_eq!(
            nearest("osDiskType", ["vmSize", "osDiskSizeGB", "vnetConfig"]),
            None
        );
    }
}
