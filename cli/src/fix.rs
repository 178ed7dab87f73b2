//! What `aib check --fix` and `aib upgrade --write` need besides the core: writing a file in
//! one step, a unified diff of what would change, and the one-line summary of the fixes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use validator_core::diagnostic::Static;

/// Replaces the file at `path` with `text` in one step: the text goes to a temporary file in
/// the same folder, which takes the file's permissions and is then renamed over it, so a reader
/// (or a crash) never sees half a file. A symbolic link is followed: its target is replaced.
pub fn write_atomically(path: &str, text: &str) -> Result<(), String> {
    let target: PathBuf = fs::canonicalize(path).map_err(|e| format!("cannot write: {e}"))?;
    let permissions = fs::metadata(&target)
        .map_err(|e| format!("cannot write: {e}"))?
        .permissions();
    let folder = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map_or_else(|| "template".into(), |n| n.to_string_lossy().into_owned());
    let temporary = folder.join(format!(".{name}.aib-{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = fs::File::create(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::set_permissions(&temporary, permissions)?;
        fs::rename(&temporary, &target)
    })();
    written.map_err(|e| {
        let _ = fs::remove_file(&temporary);
        format!("cannot write: {e}")
    })
}

/// A unified diff of `old` to `new` with three lines of context, both sides headed by the
/// path as `ruff --diff` heads them (`patch -p0` applies it); empty when they are the same.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(path, path)
        .missing_newline_hint(true)
        .to_string()
}

/// `Fixed 3 problems (AIB003 ×2, AIB030 ×1)`, or with `verb` "Would fix" for `--diff`.
pub fn summary(verb: &str, counts: &[(Static, usize)]) -> String {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let noun = if total == 1 { "problem" } else { "problems" };
    let each: Vec<String> = counts
        .iter()
        .map(|(code, n)| format!("{code} ×{n}"))
        .collect();
    if each.is_empty() {
        format!("{verb} {total} {noun}")
    } else {
        format!("{verb} {total} {noun} ({})", each.join(", "))
    }
}

/// Sums the counts of several files by code.
pub fn add_counts(total: &mut Vec<(Static, usize)>, counts: &[(Static, usize)]) {
    for (code, n) in counts {
        match total.iter_mut().find(|(c, _)| c == code) {
            Some((_, m)) => *m += n,
            None => total.push((code, *n)),
        }
    }
    total.sort();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_count_by_code() {
        assert_eq!(
            summary("Fixed", &[("AIB003", 2), ("AIB030", 1)]),
            "Fixed 3 problems (AIB003 ×2, AIB030 ×1)"
        );
        assert_eq!(summary("Would fix", &[]), "Would fix 0 problems");
        let mut total = vec![("AIB030", 1)];
        add_counts(&mut total, &[("AIB003", 1), ("AIB030", 2)]);
        assert_eq!(total, [("AIB003", 1), ("AIB030", 3)]);
    }

    #[test]
    fn diffs_are_unified_and_headed_by_the_path() {
        let diff = unified_diff("t.json", "{\n  \"a\": 1,\n}\n", "{\n  \"a\": 1\n}\n");
        assert_eq!(
            diff,
            "--- t.json\n+++ t.json\n@@ -1,3 +1,3 @@\n {\n-  \"a\": 1,\n+  \"a\": 1\n }\n"
        );
        assert_eq!(unified_diff("t.json", "x", "x"), "");
    }
}
