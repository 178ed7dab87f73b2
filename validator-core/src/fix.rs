//! Applying every wanted fix of a check at once, as `ruff --fix` does: what `aib check --fix`
//! and an editor's "fix all" call.
//!
//! Each round checks the text, takes the wanted fixes, applies a batch of them that cannot
//! disturb one another and checks again, until no wanted fix is left. Fixes are applied only
//! where they change the text ([`edit::apply_fix_in_place`]): comments and formatting outside
//! the changed spans stay byte for byte, and a fix that could only be made by writing the whole
//! document anew (a duplicate key) is declined, not applied. A round that leaves the text worse
//! (more errors, a new syntax error, or a comment gone that no fix was meant to remove: a
//! rewritten value takes the comments inside it along) is undone and its fixes are tried one by
//! one; a fix that still makes it worse is declined. So the result is never worse than the input, the
//! loop ends (each round applies a fix or declines one, and at most [`MAX_ROUNDS`] run), and
//! running it again on its own output changes nothing.
//!
//! ```
//! use validator_core::{fix, Options};
//! let text = "{\n  // kept\n  \"a\": [1, 2,],\n}\n";
//! let fixed = fix::apply_all(text, &Options::default(), fix::safe);
//! assert_eq!(fixed.text, "{\n  // kept\n  \"a\": [1, 2]\n}\n");
//! assert_eq!(fixed.applied.len(), 2); // two trailing commas; the comment is an unsafe fix
//! ```

use std::collections::HashSet;

use crate::diagnostic::{Diagnostic, Edit, Fix, Report, Severity, Static, Text};
use crate::edit;
use crate::{check, pointer, Options};

/// Rounds of check-and-fix at most. A round applies at least one fix or declines one; real
/// templates need two or three (syntax repairs, then the fixes the repaired value shows).
pub const MAX_ROUNDS: usize = 200;

/// One fix applied or declined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub code: Static,
    pub rule: Static,
    /// Where the diagnostic was, in the text of the round that applied it.
    pub pointer: String,
    pub description: Text,
}

/// What [`apply_all`] did.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The text with the fixes applied (the input itself when none applied).
    pub text: String,
    /// The fixes applied, in the order they were.
    pub applied: Vec<Applied>,
    /// Wanted fixes not applied: they cannot be made in place (a duplicate key), or made the
    /// template worse.
    pub declined: Vec<Applied>,
    /// The check of the returned text.
    pub remaining: Report,
}

impl Fixed {
    pub fn changed(&self, original: &str) -> bool {
        self.text != original
    }

    /// How many fixes of each code were applied, sorted by code: `[("AIB003", 2), ...]`.
    pub fn counts(&self) -> Vec<(Static, usize)> {
        let mut counts: Vec<(Static, usize)> = Vec::new();
        for a in &self.applied {
            match counts.iter_mut().find(|(code, _)| *code == a.code) {
                Some((_, n)) => *n += 1,
                None => counts.push((a.code, 1)),
            }
        }
        counts.sort();
        counts
    }
}

/// Selects the fixes `aib check --fix` applies without `--unsafe-fixes`.
pub fn safe(d: &Diagnostic) -> bool {
    d.fix.as_deref().is_some_and(Fix::is_safe)
}

/// Selects every fix (`--unsafe-fixes`).
pub fn any(d: &Diagnostic) -> bool {
    d.fix.is_some()
}

/// Applies every fix that `wanted` selects, round after round, and returns the text and what
/// remains. Never panics; the result is never worse than `text` (see the module's docs).
pub fn apply_all(text: &str, options: &Options, wanted: impl Fn(&Diagnostic) -> bool) -> Fixed {
    let mut current = text.to_owned();
    let mut report = check(&current, options);
    let mut applied = Vec::new();
    let mut declined: Vec<Applied> = Vec::new();
    let mut declined_keys: HashSet<(Static, String, String)> = HashSet::new();
    // Texts seen, so that two fixes undoing each other cannot loop.
    let mut seen: HashSet<String> = HashSet::from([current.clone()]);
    let mut one_at_a_time = false;
    for _ in 0..MAX_ROUNDS {
        let candidates: Vec<&Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| d.fix.is_some() && wanted(d))
            .filter(|d| !declined_keys.contains(&key(d)))
            .collect();
        if candidates.is_empty() {
            break;
        }
        let batch = batch(&candidates, one_at_a_time);
        let mut next = current.clone();
        let mut in_batch = Vec::new();
        let mut refused = Vec::new();
        // Text fixes go from the end of the text to its start, so earlier spans stay valid.
        for d in batch {
            let fix = d.fix.as_deref().expect("candidates have fixes");
            match edit::apply_fix_in_place(&next, fix) {
                Ok(new) => {
                    next = new;
                    in_batch.push(d);
                }
                Err(_) => refused.push(d),
            }
        }
        for d in refused {
            declined_keys.insert(key(d));
            declined.push(applied_of(d));
        }
        if in_batch.is_empty() {
            continue;
        }
        let next_report = check(&next, options);
        let removing_comments = in_batch.iter().any(|d| is_comment(d));
        let lost_comment = !removing_comments && comments(&next) < comments(&current);
        if worse(&report, &next_report) || lost_comment || seen.contains(&next) {
            if in_batch.len() > 1 {
                one_at_a_time = true;
            } else {
                declined_keys.insert(key(in_batch[0]));
                declined.push(applied_of(in_batch[0]));
            }
            continue;
        }
        applied.extend(in_batch.into_iter().map(applied_of));
        seen.insert(next.clone());
        current = next;
        report = next_report;
    }
    Fixed {
        text: current,
        applied,
        declined,
        remaining: report,
    }
}

fn key(d: &Diagnostic) -> (Static, String, String) {
    let description = d
        .fix
        .as_ref()
        .map_or(String::new(), |f| f.description.to_string());
    (d.code, d.pointer.clone(), description)
}

fn applied_of(d: &Diagnostic) -> Applied {
    Applied {
        code: d.code,
        rule: d.rule,
        pointer: d.pointer.clone(),
        description: d
            .fix
            .as_ref()
            .map_or(Text::Borrowed(""), |f| f.description.clone()),
    }
}

/// True when `after` has more errors than `before`, or a syntax error `before` did not have.
fn worse(before: &Report, after: &Report) -> bool {
    let errors = |r: &Report| {
        r.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    };
    errors(after) > errors(before) || after.syntax_errors().count() > before.syntax_errors().count()
}

/// A comment's finding (whose fix removes it).
fn is_comment(d: &Diagnostic) -> bool {
    d.code == crate::rules::syntax::JSON_COMMENT.code
}

/// How many comments `text` has.
fn comments(text: &str) -> usize {
    use crate::lex::Token;
    crate::lex::tokens(text)
        .iter()
        .filter(|(_, t)| matches!(t, Token::LineComment(_) | Token::BlockComment(_)))
        .count()
}

/// What a fix touches: the source ranges of text fixes, the pointers of value fixes.
enum Reach {
    Spans(Vec<(usize, usize)>),
    Pointers(Vec<String>),
}

fn reach(fix: &Fix) -> Reach {
    if fix.edits.iter().all(|e| matches!(e, Edit::Text { .. })) {
        return Reach::Spans(
            fix.edits
                .iter()
                .filter_map(|e| match e {
                    Edit::Text { span, .. } => Some((span.start, span.end)),
                    _ => None,
                })
                .collect(),
        );
    }
    Reach::Pointers(
        fix.edits
            .iter()
            .filter_map(|e| match e {
                Edit::Replace { pointer, .. } | Edit::RenameKey { pointer, .. } => {
                    Some(pointer.clone())
                }
                // Removing an array item moves the items after it: it reaches the whole array.
                Edit::Remove { pointer } => {
                    let last = pointer::last_token(pointer).unwrap_or_default();
                    match pointer::parent(pointer) {
                        Some(parent) if last.parse::<usize>().is_ok() => Some(parent.to_owned()),
                        _ => Some(pointer.clone()),
                    }
                }
                Edit::Text { .. } => None,
            })
            .collect(),
    )
}

/// True when one pointer is the other or inside it.
fn nested(a: &str, b: &str) -> bool {
    pointer::relative_to(a, b).is_some() || pointer::relative_to(b, a).is_some()
}

/// The fixes of one round: the text fixes whose spans do not meet (from the last to the first),
/// or when there are none, the value fixes whose pointers are not nested in one another. Text
/// fixes come first: they repair the syntax that value fixes need.
fn batch<'d>(candidates: &[&'d Diagnostic], one: bool) -> Vec<&'d Diagnostic> {
    let mut text: Vec<(&Diagnostic, Vec<(usize, usize)>)> = Vec::new();
    let mut value: Vec<(&Diagnostic, Vec<String>)> = Vec::new();
    for d in candidates {
        match reach(d.fix.as_deref().expect("candidates have fixes")) {
            Reach::Spans(spans) => text.push((d, spans)),
            Reach::Pointers(pointers) => value.push((d, pointers)),
        }
    }
    let limit = if one { 1 } else { usize::MAX };
    if !text.is_empty() {
        let mut taken: Vec<(&Diagnostic, Vec<(usize, usize)>)> = Vec::new();
        for (d, spans) in text {
            if taken.len() >= limit {
                break;
            }
            let meets = taken.iter().any(|(_, other)| {
                spans
                    .iter()
                    .any(|a| other.iter().any(|b| a.0 <= b.1 && b.0 <= a.1))
            });
            if !meets {
                taken.push((d, spans));
            }
        }
        taken.sort_by_key(|(_, spans)| {
            std::cmp::Reverse(spans.iter().map(|s| s.0).min().unwrap_or(0))
        });
        return taken.into_iter().map(|(d, _)| d).collect();
    }
    let mut taken: Vec<(&Diagnostic, Vec<String>)> = Vec::new();
    for (d, pointers) in value {
        if taken.len() >= limit {
            break;
        }
        let meets = taken
            .iter()
            .any(|(_, other)| pointers.iter().any(|a| other.iter().any(|b| nested(a, b))));
        if !meets {
            taken.push((d, pointers));
        }
    }
    taken.into_iter().map(|(d, _)| d).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_fixes_are_applied_and_the_rest_of_the_text_is_kept() {
        let text = "{\n  // keep me\n  \"type\": \"microsoft.virtualmachineimages/imagetemplates\",\n  \"apiVersion\": \"2022-07-01\",\n  \"location\": \"westeurope\",\n  \"properties\": {\n    \"vmProfile\": { \"vmSzie\": \"Standard_D2s_v3\" },\n  },\n}\n";
        let fixed = apply_all(text, &Options::default(), safe);
        assert!(fixed.text.contains("// keep me"), "{}", fixed.text);
        assert!(
            fixed.text.contains("\"vmSize\": \"Standard_D2s_v3\""),
            "{}",
            fixed.text
        );
        assert!(!fixed.text.contains("},\n}"), "{}", fixed.text);
        let again = apply_all(&fixed.text, &Options::default(), safe);
        assert_eq!(again.text, fixed.text);
        assert!(again.applied.is_empty());
    }

    #[test]
    fn unsafe_fixes_wait_for_their_flag() {
        let text = "{\n  // a comment\n  \"a\": 1\n}";
        assert_eq!(apply_all(text, &Options::default(), safe).text, text);
        assert_eq!(
            apply_all(text, &Options::default(), any).text,
            "{\n  \n  \"a\": 1\n}"
        );
    }

    #[test]
    fn a_fix_that_needs_a_whole_rewrite_is_declined() {
        let text = "{\"a\": 1, \"a\": 2, \"properties\": {\"vmProfile\": {\"vmSzie\": \"x\"}}}";
        let fixed = apply_all(text, &Options::default(), any);
        assert_eq!(fixed.text, text);
        assert!(!fixed.declined.is_empty());
    }

    #[test]
    fn nested_pointers_meet_and_siblings_do_not() {
        assert!(nested("/a/b", "/a"));
        assert!(nested("/a", "/a"));
        assert!(!nested("/ab", "/a"));
        assert!(!nested("/a/b", "/a/c"));
    }
}
