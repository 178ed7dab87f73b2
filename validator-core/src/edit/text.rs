//! Changes made to the text itself, at the span they change.
//!
//! Writing the whole document anew from its parsed value re-indents it and drops the user's
//! comments. [`apply`] finds the changed node in the lenient parse's span index and rewrites
//! only its span: comments, key order and formatting elsewhere stay byte for byte. New values
//! are written pretty-printed with the document's own indentation unit and line breaks, or on
//! one line inside a container written on one line.
//!
//! Comments inside a removed member, or between its value and its comma, go with it; a renamed
//! member's key is the only text a rename changes.

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use serde_json::Value;

use super::{Change, EditError};
use crate::diagnostic::Span;
use crate::parse::{self, NodeSpans, SpanIndex};
use crate::pointer;
use crate::rules::syntax::{DUPLICATE_KEY, INVALID_JSON};

/// Makes `change` to `text` and returns the new text, which differs from `text` only where
/// the change is. Parsing the new text gives the value that [`Change::apply`] gives.
///
/// Fails where the value-level edit fails, and where the text's spans cannot say what to
/// change: a syntax error, or a duplicate key (its earlier member is text the value does not
/// hold). A caller may then write the whole document from the edited value.
///
/// ```
/// use serde_json::json;
/// use validator_core::edit::{text, Change};
/// let text = "{\n    // who\n    \"name\": \"a\"\n}\n";
/// let change = Change::Set { pointer: "/tags".into(), value: json!({"env": "dev"}) };
/// assert_eq!(
///     text::apply(text, &change).unwrap(),
///     "{\n    // who\n    \"name\": \"a\",\n    \"tags\": {\n        \"env\": \"dev\"\n    }\n}\n"
/// );
/// ```
pub fn apply(text: &str, change: &Change) -> Result<String, EditError> {
    let doc = Doc::parse(text)?;
    match change {
        Change::Set { pointer, value } => doc.set(pointer, value),
        Change::Remove { pointer } => doc.remove(pointer),
        Change::Insert {
            pointer,
            index,
            value,
        } => doc.insert(pointer, *index, &Item::Value(value)),
        Change::Move { pointer, from, to } => doc.move_item(pointer, *from, *to),
        Change::Rename { pointer, key } => doc.rename(pointer, key),
    }
}

/// What goes into a new place: a value to write, or an item's text moved as it was.
enum Item<'a> {
    Value(&'a Value),
    Text(&'a str),
}

/// A parsed text and how it is written.
struct Doc<'t> {
    text: &'t str,
    value: Value,
    index: SpanIndex,
    /// The span of the whole value.
    root: Span,
    /// One level of indentation.
    unit: String,
    newline: &'static str,
}

impl<'t> Doc<'t> {
    fn parse(text: &'t str) -> Result<Self, EditError> {
        let parsed = parse::parse(text);
        // Where the text is not JSON, spans do not delimit members (a missing comma, a value
        // cut short); a duplicate key's earlier member is text the value does not hold.
        let unreadable = parsed
            .diagnostics
            .iter()
            .find(|d| d.code == INVALID_JSON.code || d.code == DUPLICATE_KEY.code);
        if let Some(d) = unreadable {
            return Err(EditError(format!(
                "the text cannot be edited in place: {}",
                d.message
            )));
        }
        let value = parsed
            .value
            .ok_or_else(|| EditError("the text holds no JSON value".into()))?;
        let root = parsed
            .index
            .get(&value, "")
            .map_or(Span::new(0, text.len()), |n| n.value);
        Ok(Doc {
            text,
            value,
            index: parsed.index,
            root,
            unit: indent_unit(text),
            newline: if text.contains("\r\n") { "\r\n" } else { "\n" },
        })
    }

    fn node(&self, pointer: &str) -> Result<NodeSpans, EditError> {
        self.index
            .get(&self.value, pointer)
            .ok_or_else(|| EditError(format!("nothing at `{pointer}`")))
    }

    /// The spans of the members or items of the container at `pointer`, in order.
    fn children(&self, pointer: &str) -> Vec<NodeSpans> {
        let child = |token: &str| self.index.get(&self.value, &pointer::join(pointer, token));
        match pointer::resolve(&self.value, pointer) {
            Some(Value::Object(map)) => map.keys().filter_map(|k| child(k)).collect(),
            Some(Value::Array(items)) => (0..items.len())
                .filter_map(|i| child(&i.to_string()))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn set(&self, pointer: &str, value: &Value) -> Result<String, EditError> {
        let tokens = pointer::tokens(pointer);
        let (depth, found) = self
            .index
            .nearest(&self.value, pointer)
            .ok_or_else(|| EditError("the text holds no JSON value".into()))?;
        if depth == tokens.len() {
            return Ok(self.replace(pointer, found.value, value));
        }
        let parent = tokens[..depth]
            .iter()
            .fold(String::new(), |p, token| pointer::join(&p, token));
        let token = &tokens[depth];
        match pointer::resolve(&self.value, &parent) {
            Some(Value::Object(_)) => {
                // Missing parents are created as objects, as `edit::set` creates them.
                let value = tokens[depth + 1..]
                    .iter()
                    .rev()
                    .fold(value.clone(), |inner, key| {
                        Value::Object([(key.clone(), inner)].into_iter().collect())
                    });
                let item = Item::Value(&value);
                Ok(self.add_child(&parent, found.value, usize::MAX, Some(token), &item))
            }
            Some(Value::Array(items))
                if depth + 1 == tokens.len() && token.parse() == Ok(items.len()) =>
            {
                let item = Item::Value(value);
                Ok(self.add_child(&parent, found.value, items.len(), None, &item))
            }
            _ => Err(EditError(format!(
                "cannot set `{pointer}`: `{token}` is not a member or index there"
            ))),
        }
    }

    /// Replaces the value at `span`, written at the indentation of its line.
    fn replace(&self, pointer: &str, span: Span, value: &Value) -> String {
        let multiline = match pointer::parent(pointer) {
            Some(parent) => self.node(parent).is_ok_and(|p| self.spans_lines(p.value)),
            None => self.spans_lines(span),
        };
        let new = self.render(
            &Item::Value(value),
            line_indent(self.text, span.start),
            multiline,
        );
        splice(self.text, vec![(span, new)])
    }

    fn remove(&self, pointer: &str) -> Result<String, EditError> {
        let parent = pointer::parent(pointer)
            .ok_or_else(|| EditError("the whole document cannot be removed".into()))?;
        let node = self.node(pointer)?;
        let container = self.node(parent)?.value;
        let children = self.children(parent);
        let position = children
            .iter()
            .position(|c| *c == node)
            .ok_or_else(|| EditError(format!("nothing at `{pointer}`")))?;
        let text = self.text;
        let start = start_of(&node);
        let own_comma = comma_after(text, node.value.end);
        let end = own_comma.map_or(node.value.end, |comma| comma + 1);
        let inner = Span::new(container.start + 1, container.end - 1);
        if is_blank(&text[inner.start..start]) && is_blank(&text[end..inner.end]) {
            // The only member, alone in its container: `{}` as a writer would leave it.
            return Ok(splice(text, vec![(inner, String::new())]));
        }
        let edits = match (own_comma, position.checked_sub(1)) {
            (Some(_), _) => vec![widen(text, start, end)],
            // The last member without a comma of its own: the comma before it goes too.
            (None, Some(previous)) => {
                let comma = comma_after(text, children[previous].value.end)
                    .ok_or_else(|| EditError("a comma is missing before the member".into()))?;
                if is_blank(&text[comma + 1..start]) {
                    vec![Span::new(comma, node.value.end)]
                } else {
                    // Comments between them stay.
                    vec![
                        Span::new(comma, comma + 1),
                        widen(text, start, node.value.end),
                    ]
                }
            }
            (None, None) => vec![widen(text, start, node.value.end)],
        };
        Ok(splice(
            text,
            edits.into_iter().map(|s| (s, String::new())).collect(),
        ))
    }

    fn insert(&self, pointer: &str, index: usize, item: &Item) -> Result<String, EditError> {
        let Some(Value::Array(items)) = pointer::resolve(&self.value, pointer) else {
            return Err(EditError(format!("no array at `{pointer}`")));
        };
        let container = self.node(pointer)?.value;
        Ok(self.add_child(pointer, container, index.min(items.len()), None, item))
    }

    /// Moves the item's text as it was (its comments and layout with it).
    fn move_item(&self, pointer: &str, from: usize, to: usize) -> Result<String, EditError> {
        let len = match pointer::resolve(&self.value, pointer) {
            Some(Value::Array(items)) => items.len(),
            _ => return Err(EditError(format!("no array at `{pointer}`"))),
        };
        if from >= len || to >= len {
            return Err(EditError("index out of range".into()));
        }
        if from == to {
            return Ok(self.text.to_owned());
        }
        let item = pointer::join_index(pointer, from);
        let moved = self.node(&item)?.value;
        let removed = self.remove(&item)?;
        let moved_text = Item::Text(&self.text[moved.start..moved.end]);
        Doc::parse(&removed)?.insert(pointer, to, &moved_text)
    }

    /// Rewrites the member's key only.
    fn rename(&self, pointer: &str, key: &str) -> Result<String, EditError> {
        let parent = pointer::parent(pointer).unwrap_or_default();
        let Some(Value::Object(members)) = pointer::resolve(&self.value, parent) else {
            return Err(EditError("only object members can be renamed".into()));
        };
        if members.contains_key(key) {
            return Err(EditError(format!("`{key}` already exists")));
        }
        let span = self
            .node(pointer)?
            .key
            .ok_or_else(|| EditError(format!("nothing at `{pointer}`")))?;
        Ok(splice(
            self.text,
            vec![(span, Value::from(key).to_string())],
        ))
    }

    /// Adds a member named `key`, or an item, at `index` of the container at `pointer` whose
    /// span is `container` (after the last one when `index` is past the end).
    fn add_child(
        &self,
        pointer: &str,
        container: Span,
        index: usize,
        key: Option<&str>,
        item: &Item,
    ) -> String {
        let children = self.children(pointer);
        let multiline =
            self.spans_lines(container) || (children.is_empty() && self.spans_lines(self.root));
        let entry = |indent: &str| {
            let key = key.map_or_else(String::new, |k| format!("{}: ", Value::from(k)));
            format!("{key}{}", self.render(item, indent, multiline))
        };
        let text = self.text;
        let edits = match (children.get(index), children.last()) {
            (Some(next), _) => {
                let at = start_of(next);
                let indent = line_indent(text, at);
                let separator = if multiline && starts_line(text, at) {
                    format!("{}{indent}", self.newline)
                } else {
                    " ".to_owned()
                };
                vec![(Span::new(at, at), format!("{},{separator}", entry(indent)))]
            }
            (None, Some(last)) => self.append(container, last, multiline, entry),
            (None, None) => self.fill(container, multiline, entry),
        };
        splice(text, edits)
    }

    /// The edits that add an entry after the `last` member or item of `container`.
    fn append(
        &self,
        container: Span,
        last: &NodeSpans,
        multiline: bool,
        entry: impl Fn(&str) -> String,
    ) -> Vec<(Span, String)> {
        let text = self.text;
        let end = last.value.end;
        let (comma, after) = match comma_after(text, end) {
            // A trailing comma already separates the new entry.
            Some(comma) => (None, comma + 1),
            None => (Some((Span::new(end, end), ",".to_owned())), end),
        };
        let indent = if starts_line(text, start_of(last)) {
            line_indent(text, start_of(last)).to_owned()
        } else {
            format!("{}{}", line_indent(text, container.start), self.unit)
        };
        let new = if multiline {
            // After what ends the last entry's line (a comment about it), so that stays there.
            let at = end_of_line(text, after);
            (
                Span::new(at, at),
                format!("{}{indent}{}", self.newline, entry(&indent)),
            )
        } else {
            (Span::new(after, after), format!(" {}", entry(&indent)))
        };
        comma.into_iter().chain([new]).collect()
    }

    /// The edits that put the first entry into the empty `container`.
    fn fill(
        &self,
        container: Span,
        multiline: bool,
        entry: impl Fn(&str) -> String,
    ) -> Vec<(Span, String)> {
        let inner = Span::new(container.start + 1, container.end - 1);
        let inside = &self.text[inner.start..inner.end];
        let outer = line_indent(self.text, container.start);
        let indent = format!("{outer}{}", self.unit);
        let newline = self.newline;
        let entry = entry(&indent);
        if is_blank(inside) {
            let new = if multiline {
                format!("{newline}{indent}{entry}{newline}{outer}")
            } else {
                entry
            };
            return vec![(inner, new)];
        }
        // Comments inside: the entry goes after them.
        let at = inner.start + inside.trim_end_matches(is_json_space).len();
        let new = if multiline {
            format!("{newline}{indent}{entry}")
        } else {
            format!(" {entry}")
        };
        vec![(Span::new(at, at), new)]
    }

    /// True when the text at `span` is written over several lines.
    fn spans_lines(&self, span: Span) -> bool {
        self.text[span.start..span.end].contains('\n')
    }

    /// An item as it goes at a place whose line is indented by `indent`.
    fn render(&self, item: &Item, indent: &str, multiline: bool) -> String {
        let value = match item {
            Item::Text(text) => return (*text).to_owned(),
            Item::Value(value) => value,
        };
        let mut out = Vec::new();
        let written = if multiline {
            let formatter = PrettyFormatter::with_indent(self.unit.as_bytes());
            value.serialize(&mut serde_json::Serializer::with_formatter(
                &mut out, formatter,
            ))
        } else {
            value.serialize(&mut serde_json::Serializer::with_formatter(
                &mut out, Inline,
            ))
        };
        // Writing a `Value` to memory cannot fail, and JSON is UTF-8.
        debug_assert!(written.is_ok());
        let json = String::from_utf8(out).unwrap_or_default();
        // Strings hold no raw line breaks, so every one is between tokens.
        json.replace('\n', &format!("{}{indent}", self.newline))
    }
}

/// One line with a space after each `,` and `:`, as people write short values by hand.
struct Inline;

impl Formatter for Inline {
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.begin_array_value(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
}

/// `text` with each span replaced; the spans are in order and do not overlap.
fn splice(text: &str, edits: Vec<(Span, String)>) -> String {
    let mut out =
        String::with_capacity(text.len() + edits.iter().map(|(_, s)| s.len()).sum::<usize>());
    let mut at = 0;
    for (span, new) in edits {
        out.push_str(&text[at..span.start]);
        out.push_str(&new);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Where a member starts: its key, or the value of an item.
fn start_of(node: &NodeSpans) -> usize {
    node.key.map_or(node.value.start, |key| key.start)
}

fn is_json_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

fn is_blank(text: &str) -> bool {
    text.chars().all(is_json_space)
}

/// The position after whitespace and comments from `pos`.
fn skip_trivia(text: &str, mut pos: usize) -> usize {
    loop {
        pos += text[pos..].len() - text[pos..].trim_start_matches(is_json_space).len();
        let rest = &text[pos..];
        if rest.starts_with("//") {
            pos += rest.find('\n').unwrap_or(rest.len());
        } else if let Some(body) = rest.strip_prefix("/*") {
            pos += body.find("*/").map_or(rest.len(), |i| i + 4);
        } else {
            return pos;
        }
    }
}

/// The position of the comma after a value ending at `pos`, if one follows.
fn comma_after(text: &str, pos: usize) -> Option<usize> {
    let at = skip_trivia(text, pos);
    text[at..].starts_with(',').then_some(at)
}

fn line_start(text: &str, pos: usize) -> usize {
    text[..pos].rfind('\n').map_or(0, |i| i + 1)
}

/// The spaces and tabs that start the line holding `pos`.
fn line_indent(text: &str, pos: usize) -> &str {
    let line = &text[line_start(text, pos)..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// True when only indentation is before `pos` on its line.
fn starts_line(text: &str, pos: usize) -> bool {
    text[line_start(text, pos)..pos]
        .chars()
        .all(|c| c == ' ' || c == '\t')
}

/// The length of the line break at `pos`, or `None` when there is none (the end of the text
/// counts as one of length 0).
fn line_break_at(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    match () {
        _ if rest.is_empty() => Some(0),
        _ if rest.starts_with('\n') => Some(1),
        _ if rest.starts_with("\r\n") => Some(2),
        _ => None,
    }
}

/// The end of the line from `pos` when only spaces and comments are left on it, else `pos`.
fn end_of_line(text: &str, pos: usize) -> usize {
    let mut at = pos;
    loop {
        at += text[at..].len() - text[at..].trim_start_matches([' ', '\t']).len();
        let rest = &text[at..];
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        if line.starts_with("//") {
            at += line.trim_end_matches('\r').len();
        } else if let Some(close) = line.strip_prefix("/*").and_then(|l| l.find("*/")) {
            at += close + 4;
            continue;
        }
        return if line_break_at(text, at).is_some() {
            at
        } else {
            pos
        };
    }
}

/// The span of `start..end` widened over the spaces after it, and over its whole line (with
/// its line break) when nothing else is on that line.
fn widen(text: &str, start: usize, end: usize) -> Span {
    let after = end + text[end..].len() - text[end..].trim_start_matches([' ', '\t']).len();
    match line_break_at(text, after) {
        Some(len) if starts_line(text, start) => Span::new(line_start(text, start), after + len),
        _ => Span::new(start, after),
    }
}

/// The document's indentation unit: the indentation of its first indented line, else two
/// spaces.
fn indent_unit(text: &str) -> String {
    text.lines()
        .map(|line| {
            let content = line.trim_start_matches([' ', '\t']);
            (&line[..line.len() - content.len()], content)
        })
        .find(|(indent, content)| !indent.is_empty() && !content.trim().is_empty())
        .map_or_else(|| "  ".to_owned(), |(indent, _)| indent.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn set(text: &str, pointer: &str, value: Value) -> String {
        let change = Change::Set {
            pointer: pointer.into(),
            value,
        };
        apply(text, &change).unwrap()
    }

    fn remove(text: &str, pointer: &str) -> String {
        apply(
            text,
            &Change::Remove {
                pointer: pointer.into(),
            },
        )
        .unwrap()
    }

    fn insert(text: &str, pointer: &str, index: usize, value: Value) -> String {
        let change = Change::Insert {
            pointer: pointer.into(),
            index,
            value,
        };
        apply(text, &change).unwrap()
    }

    #[test]
    fn a_replaced_value_keeps_the_comments_and_layout_around_it() {
        let text = "{\n  // where\n  \"location\": \"a\", /* b */\n  \"n\": 1\n}";
        assert_eq!(
            set(text, "/location", json!("west\"europe")),
            "{\n  // where\n  \"location\": \"west\\\"europe\", /* b */\n  \"n\": 1\n}"
        );
        assert_eq!(
            set(text, "/n", json!({"a": [1]})),
            "{\n  // where\n  \"location\": \"a\", /* b */\n  \"n\": {\n    \"a\": [\n      1\n    ]\n  }\n}"
        );
    }

    #[test]
    fn a_new_member_goes_after_the_last_with_its_indentation() {
        let text = "{\n    \"a\": 1 // one\n}\n";
        assert_eq!(
            set(text, "/b~1c", json!(2)),
            "{\n    \"a\": 1, // one\n    \"b/c\": 2\n}\n"
        );
        let trailing = "{\n\t\"a\": 1,\n}";
        assert_eq!(
            set(trailing, "/b", json!([])),
            "{\n\t\"a\": 1,\n\t\"b\": []\n}"
        );
        assert_eq!(
            set("{\"a\": 1}", "/b", json!({"c": [1, 2]})),
            "{\"a\": 1, \"b\": {\"c\": [1, 2]}}"
        );
    }

    #[test]
    fn missing_parents_are_created_and_empty_objects_filled() {
        let text = "{\n  \"properties\": {}\n}";
        assert_eq!(
            set(text, "/properties/vmProfile/vmSize", json!("x")),
            "{\n  \"properties\": {\n    \"vmProfile\": {\n      \"vmSize\": \"x\"\n    }\n  }\n}"
        );
        let commented = "{\n  \"p\": { // none yet\n  }\n}";
        assert_eq!(
            set(commented, "/p/k\"ey", json!(1)),
            "{\n  \"p\": { // none yet\n    \"k\\\"ey\": 1\n  }\n}"
        );
        assert_eq!(set("{}", "/a", json!(1)), "{\"a\": 1}");
        assert!(apply(
            "{\"a\": 1}",
            &Change::Set {
                pointer: "/a/b".into(),
                value: json!(1)
            }
        )
        .is_err());
    }

    #[test]
    fn a_removed_member_takes_its_comma_and_line_and_leaves_other_comments() {
        let text = "{\n  \"a\": 1,\n  // about b\n  \"b\": 2, // two\n  \"c\": 3\n}";
        assert_eq!(
            remove(text, "/a"),
            "{\n  // about b\n  \"b\": 2, // two\n  \"c\": 3\n}"
        );
        assert_eq!(
            remove(text, "/b"),
            "{\n  \"a\": 1,\n  // about b\n  // two\n  \"c\": 3\n}"
        );
        assert_eq!(
            remove(text, "/c"),
            "{\n  \"a\": 1,\n  // about b\n  \"b\": 2 // two\n}"
        );
        assert_eq!(remove("[1, 2, 3]", "/0"), "[2, 3]");
        assert_eq!(remove("[1, 2, 3]", "/2"), "[1, 2]");
        assert_eq!(
            remove("{\n  \"a\": [\n    1\n  ]\n}", "/a/0"),
            "{\n  \"a\": []\n}"
        );
        assert_eq!(remove("{\"a\": 1,}", "/a"), "{}");
        assert_eq!(
            remove("{\n  /* keep */\n  \"a\": 1\n}", "/a"),
            "{\n  /* keep */\n}"
        );
    }

    #[test]
    fn items_are_inserted_at_the_start_middle_and_end() {
        let text = "[\n  1,\n  2\n]";
        assert_eq!(insert(text, "", 0, json!(0)), "[\n  0,\n  1,\n  2\n]");
        assert_eq!(
            insert(text, "", 1, json!({"a": 1})),
            "[\n  1,\n  {\n    \"a\": 1\n  },\n  2\n]"
        );
        assert_eq!(insert(text, "", 9, json!(3)), "[\n  1,\n  2,\n  3\n]");
        assert_eq!(
            insert("{\"a\": []}", "/a", 0, json!("x")),
            "{\"a\": [\"x\"]}"
        );
        assert_eq!(
            insert("{\r\n  \"a\": []\r\n}", "/a", 0, json!("x")),
            "{\r\n  \"a\": [\r\n    \"x\"\r\n  ]\r\n}"
        );
    }

    #[test]
    fn a_moved_item_keeps_its_text() {
        let text = "[\n  {\"a\": 1}, // first\n  2,\n  3\n]";
        let change = Change::Move {
            pointer: String::new(),
            from: 0,
            to: 2,
        };
        assert_eq!(
            apply(text, &change).unwrap(),
            "[\n  // first\n  2,\n  3,\n  {\"a\": 1}\n]"
        );
    }

    #[test]
    fn a_renamed_key_is_escaped_and_an_existing_one_refused() {
        let rename = |key: &str| Change::Rename {
            pointer: "/a".into(),
            key: key.into(),
        };
        let text = "{\"a\": 1, /* b */ \"b\": 2}";
        assert_eq!(
            apply(text, &rename("new \"a\"")).unwrap(),
            "{\"new \\\"a\\\"\": 1, /* b */ \"b\": 2}"
        );
        assert!(apply(text, &rename("b")).is_err());
    }

    #[test]
    fn text_that_is_not_json_or_has_duplicate_keys_is_not_edited() {
        for text in ["{\"a\": 1 \"b\": 2}", "{\"a\": 1, \"a\": 2}"] {
            assert!(
                apply(
                    text,
                    &Change::Remove {
                        pointer: "/a".into()
                    }
                )
                .is_err(),
                "{text}"
            );
        }
    }
}
