//! Form edits made to the text (`edit::text::apply`) on every corpus template and on generated
//! values: for many changes at nodes all over each document, as written (on one line, as
//! `to_pretty` writes it, with four spaces and Windows line breaks), with comments added, the
//! new text parses to the value the value-level edit gives, differs from the old one only
//! inside the changed container, and keeps every comment outside the changed node.

use proptest::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};
use validator_core::edit::{self, text, Change};
use validator_core::parse::{self, NodeSpans};
use validator_core::pointer;

mod support;

/// At most this many nodes of each template are changed, spread over the whole template.
const NODES_PER_TEMPLATE: usize = 12;

/// Fewer in templates larger than this (two of the corpus' are 0.6 and 1 MB): every change
/// parses the whole text a few times, which in a debug build took minutes.
const LARGE_TEMPLATE_BYTES: usize = 64 * 1024;

fn nodes_to_change(text: &str) -> usize {
    if text.len() > LARGE_TEMPLATE_BYTES {
        3
    } else {
        NODES_PER_TEMPLATE
    }
}

/// Every node's pointer and value, in document order.
fn nodes(value: &Value) -> Vec<(String, &Value)> {
    fn walk<'v>(pointer: String, value: &'v Value, out: &mut Vec<(String, &'v Value)>) {
        out.push((pointer.clone(), value));
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    walk(pointer::join(&pointer, key), child, out);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(pointer::join_index(&pointer, i), child, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(String::new(), value, &mut out);
    out
}

/// The changes tried on a document: at `count` nodes spread over it, replace and remove the
/// node; add members to objects (one with a key that needs escaping, one under missing parents)
/// and rename their first; insert, append and move items of arrays. New values hold escapes and
/// empty containers.
fn changes(value: &Value, count: usize) -> Vec<Change> {
    let new_values = [
        json!("a \"quoted\" \\ line\nbreak é 😀"),
        json!(42),
        json!({"k": [1, {"x": null}], "empty": {}, "none": []}),
        json!([]),
        json!({}),
    ];
    let all = nodes(value);
    let stride = all.len().div_ceil(count).max(1);
    let mut out = Vec::new();
    for (i, (at, node)) in all.into_iter().step_by(stride).enumerate() {
        let new = new_values[i % new_values.len()].clone();
        let set = |pointer: String| Change::Set {
            pointer,
            value: new.clone(),
        };
        out.push(set(at.clone()));
        if !at.is_empty() {
            out.push(Change::Remove {
                pointer: at.clone(),
            });
        }
        match node {
            Value::Object(members) => {
                out.push(set(pointer::join(&at, "new/\"key~")));
                out.push(set(format!("{at}/missing/deeper")));
                for key in members.keys().take(1) {
                    out.push(Change::Rename {
                        pointer: pointer::join(&at, key),
                        key: "renamed \"key\"/~".into(),
                    });
                }
            }
            Value::Array(items) => {
                let len = items.len();
                out.push(set(pointer::join_index(&at, len)));
                for index in [0, len / 2, len] {
                    out.push(Change::Insert {
                        pointer: at.clone(),
                        index,
                        value: new.clone(),
                    });
                }
                if len >= 2 {
                    for (from, to) in [(0, len - 1), (len - 1, 0)] {
                        out.push(Change::Move {
                            pointer: at.clone(),
                            from,
                            to,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The text with a numbered `//` comment on a line of its own before every third line and a
/// `/* */` comment at the end of every fifth, and where those comments are. (Every line break
/// of JSON is between tokens, so the text still holds the same value.)
fn with_comments(text: &str) -> (String, Vec<Comment>) {
    let mut out = String::new();
    let mut comments = Vec::new();
    let mut add = |out: &mut String, text: String| {
        comments.push(Comment {
            at: out.len(),
            text: text.clone(),
        });
        out.push_str(&text);
    };
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let body = line.trim_end_matches(['\r', '\n']);
        let indent = &body[..body.len() - body.trim_start().len()];
        if i % 3 == 1 {
            out.push_str(indent);
            add(&mut out, format!("// note {i}."));
            out.push('\n');
        }
        out.push_str(body);
        if i % 5 == 2 {
            out.push(' ');
            add(&mut out, format!("/* block {i} */"));
        }
        out.push_str(&line[body.len()..]);
    }
    (out, comments)
}

/// A comment added to a text, and its offset.
struct Comment {
    at: usize,
    text: String,
}

/// Where a member starts: its key, or the value of an item.
fn start_of(node: &NodeSpans) -> usize {
    node.key.map_or(node.value.start, |key| key.start)
}

/// The part of `old` that the change may rewrite: the container it changes (for a value set
/// under missing parents, the nearest one that exists).
fn scope(old: &str, value: &Value, index: &parse::SpanIndex, change: &Change) -> (usize, usize) {
    let container = match change {
        Change::Set { pointer, .. }
        | Change::Remove { pointer }
        | Change::Rename { pointer, .. } => pointer::parent(pointer),
        Change::Insert { pointer, .. } | Change::Move { pointer, .. } => Some(pointer.as_str()),
    };
    match container.and_then(|p| index.nearest(value, p)) {
        Some((_, spans)) => (spans.value.start, spans.value.end),
        None => (0, old.len()),
    }
}

/// The part of `old` whose comments the change may remove: the replaced or removed node.
fn lost(value: &Value, index: &parse::SpanIndex, change: &Change) -> Option<(usize, usize)> {
    match change {
        Change::Set { pointer, .. } => index
            .get(value, pointer)
            .map(|n| (n.value.start, n.value.end)),
        Change::Remove { pointer } => index
            .get(value, pointer)
            .map(|n| (start_of(&n), n.value.end)),
        Change::Insert { .. } | Change::Move { .. } | Change::Rename { .. } => None,
    }
}

/// The range of `old` that differs from `new`: what is left between their common prefix and
/// suffix.
fn changed_range(old: &str, new: &str) -> (usize, usize) {
    let prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let max_suffix = old.len().min(new.len()) - prefix;
    let suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    (prefix, old.len() - suffix)
}

/// Checks one change of `old`; returns the new text.
fn check_change(file: &str, old: &str, comments: &[Comment], change: &Change) -> Option<String> {
    let parsed = parse::parse(old);
    let value = parsed.value.clone().unwrap();
    let mut expected = value.clone();
    let by_value = change.apply(&mut expected);
    let by_text = text::apply(old, change);
    let new = match (by_value, by_text) {
        (Ok(()), Ok(new)) => new,
        (Err(_), Err(_)) => return None,
        (by_value, by_text) => panic!(
            "{file}: {change:?}: the value edit gives {by_value:?}, the text edit {:?}",
            by_text.map(|_| "a text")
        ),
    };
    let reparsed = parse::parse(&new);
    assert!(
        !reparsed.diagnostics.iter().any(|d| d.code == "AIB001"),
        "{file}: {change:?}: the new text is not JSON:\n{new}"
    );
    assert_eq!(
        reparsed.value.as_ref(),
        Some(&expected),
        "{file}: {change:?}: the new text holds another value:\n{new}"
    );
    let (start, end) = changed_range(old, &new);
    let (scope_start, scope_end) = scope(old, &value, &parsed.index, change);
    assert!(
        old == new || (scope_start <= start && end <= scope_end),
        "{file}: {change:?}: the text changed at {start}..{end}, outside the container at \
         {scope_start}..{scope_end}:\n{new}"
    );
    // A comment outside the changed range is in the common prefix or suffix, so kept.
    let lost = lost(&value, &parsed.index, change);
    for Comment { at, text } in comments {
        let touched = *at < end && start < at + text.len();
        let inside = lost.is_some_and(|(s, e)| s <= *at && at + text.len() <= e);
        if touched && !inside {
            assert_eq!(
                new.matches(text.as_str()).count(),
                1,
                "{file}: {change:?}: `{text}` was not kept:\n{new}"
            );
        }
    }
    Some(new)
}

/// The corpus templates whose text the edits can work on (syntax errors and duplicate keys
/// make `text::apply` refuse, as its unit tests show).
fn editable_templates() -> Vec<(String, String)> {
    let all = support::corpus_templates();
    let total = all.len();
    let editable: Vec<_> = all
        .into_iter()
        .filter(|(_, text)| {
            let parsed = parse::parse(text);
            parsed.value.is_some()
                && !parsed
                    .diagnostics
                    .iter()
                    .any(|d| ["AIB001", "AIB002", "AIB004"].contains(&d.code))
        })
        .collect();
    assert!(
        editable.len() * 10 >= total * 9,
        "only {} of {total} corpus templates are checked",
        editable.len()
    );
    editable
}

#[test]
fn text_edits_of_corpus_templates_give_the_value_edits_result_and_keep_the_rest() {
    let mut checked = 0;
    for (file, text) in editable_templates() {
        let value = parse::parse(&text).value.unwrap();
        let (commented, comments) = with_comments(&text);
        assert_eq!(parse::parse(&commented).value.as_ref(), Some(&value));
        for change in changes(&value, nodes_to_change(&text)) {
            for (old, comments) in [(&text, &[][..]), (&commented, &comments[..])] {
                checked += usize::from(check_change(&file, old, comments, &change).is_some());
            }
        }
    }
    assert!(checked > 4_000, "only {checked} changes made");
}

#[test]
fn text_edits_of_text_written_by_to_pretty_write_what_to_pretty_writes() {
    for (file, text) in editable_templates() {
        let value = parse::parse(&text).value.unwrap();
        let pretty = edit::to_pretty(&value);
        for change in changes(&value, nodes_to_change(&text)) {
            let Some(new) = check_change(&file, &pretty, &[], &change) else {
                continue;
            };
            let mut expected = value.clone();
            change.apply(&mut expected).unwrap();
            assert_eq!(new, edit::to_pretty(&expected), "{file}: {change:?}");
        }
    }
}

/// A JSON value with keys and strings that need escaping, and empty containers.
fn json_value() -> impl Strategy<Value = Value> {
    let text = r#"[a-z"\\/~é😀 \n-]{0,6}"#;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i32>().prop_map(Value::from),
        text.prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 40, 5, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::from),
            prop::collection::vec((text, inner), 0..5)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// `value` as people write it: on one line, as `to_pretty` does, or with four spaces and
/// Windows line breaks.
fn written(value: &Value, style: usize) -> String {
    match style % 3 {
        0 => value.to_string(),
        1 => edit::to_pretty(value),
        _ => {
            let mut out = Vec::new();
            let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
            value
                .serialize(&mut serde_json::Serializer::with_formatter(
                    &mut out, formatter,
                ))
                .unwrap();
            String::from_utf8(out).unwrap().replace('\n', "\r\n")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn text_edits_of_any_value_in_any_style_give_the_value_edits_result_and_keep_the_rest(
        members in prop::collection::vec((r#"[a-z"/~]{0,3}"#, json_value()), 1..4),
        style in 0usize..3,
        pick in any::<prop::sample::Index>(),
    ) {
        let value = Value::Object(members.into_iter().collect());
        let text = written(&value, style);
        let changes = changes(&value, usize::MAX);
        let change = pick.get(&changes);
        check_change("generated", &text, &[], change);
        let (commented, comments) = with_comments(&text);
        check_change("generated, with comments", &commented, &comments, change);
    }
}
