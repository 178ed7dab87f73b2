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
        // The same bound from the letters each has that the other lacks, which costs far less
        // than the distance itself: a policy's allowed list or a schema's keys are mostly
        // strangers to the value.
        let most = 0.3 * given_len.max(candidate_len) as f64;
        if letters_apart(&lower, &candidate_lower).is_some_and(|d| d.div_ceil(2) as f64 > most) {
            continue;
        }
        let score = similarity(&lower, &candidate_lower);
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
            similarity(&lower, &candidate_lower)
        }
    };
    let best = score(chosen);
    candidates
        .into_iter()
        .filter(|c| *c != chosen && *c != given)
        .all(|c| score(c) < best)
}

/// 1 for the same text, down to 0: one less the edit distance per character of the longer.
/// The distance is optimal string alignment: Damerau-Levenshtein without edits inside a
/// transposed pair, which typos never need, and without the unrestricted distance's table of
/// every letter seen (seven times faster on names this short).
fn similarity(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count()).max(1);
    1.0 - strsim::osa_distance(a, b) as f64 / longest as f64
}

/// How many letters of ASCII `a` and `b` are not matched by one of the other's (the size of
/// the difference of their multisets); `None` for other text. An edit (insertion, deletion,
/// substitution or transposition) changes it by at most 2, so half of it is a lower bound of
/// the edit distance.
fn letters_apart(a: &str, b: &str) -> Option<usize> {
    if !a.is_ascii() || !b.is_ascii() {
        return None;
    }
    let mut counts = [0i32; 128];
    for byte in a.bytes() {
        counts[usize::from(byte)] += 1;
    }
    for byte in b.bytes() {
        counts[usize::from(byte)] -= 1;
    }
    Some(counts.iter().map(|c| c.unsigned_abs() as usize).sum())
}

#[cfg(test)]
mod tests {
    use super::{letters_apart, nearest, unambiguous};

    proptest::proptest! {
        /// The cheap bound never rules out a candidate that the distance would accept.
        #[test]
        fn letters_apart_halved_is_at_most_the_edit_distance(a in "[a-e]{0,12}", b in "[a-e]{0,12}") {
            let distance = strsim::osa_distance(&a, &b);
            proptest::prop_assert!(letters_apart(&a, &b).unwrap().div_ceil(2) <= distance);
        }
    }

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
