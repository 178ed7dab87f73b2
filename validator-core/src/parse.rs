//! A lenient JSON parser that never fails.
//!
//! Users paste what they have: ARM templates with `//` comments, trailing commas, quickstart
//! files with unquoted `<region>` placeholders, half-typed text. Like taplo's parser this one
//! always returns a value where the text allows one, an index from JSON pointer to source span,
//! and the syntax problems as ordinary diagnostics, so the rest of the document is still checked.
//!
//! It is a hand-written recursive descent parser because the JSON crates stop at the first
//! error (`serde_json`) or do not recover from unquoted tokens (`jsonc-parser`).

use std::fmt::Write;

use serde_json::{Map, Number, Value};

use crate::diagnostic::{Diagnostic, Edit, Position, Span};
use crate::pointer;
use crate::rules::syntax;

/// Deeper nesting than this is reported and skipped, so that no recursion (here, in serde's
/// `Drop`, or in the checks) can overflow the stack. Real templates stay under 30.
pub const MAX_DEPTH: usize = 200;

/// The source ranges of one node: its key (for object members) and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeSpans {
    pub key: Option<Span>,
    pub value: Span,
}

/// The source ranges of every node of the parsed value, as a tree parallel to it: children
/// are in the value's order, so a pointer is followed through the value and the tree together.
/// (A map from pointer strings cost one allocation per node and made parsing four times slower
/// than `serde_json`.)
#[derive(Debug, Default, Clone)]
pub struct SpanIndex {
    nodes: Vec<SpanNode>,
}

#[derive(Debug, Clone)]
struct SpanNode {
    spans: NodeSpans,
    /// Indices of the children in `nodes`, in the order of the value's members or items.
    children: Vec<u32>,
}

impl SpanIndex {
    /// The spans of the node at `pointer` in `root` (the value this index was parsed with).
    pub fn get(&self, root: &Value, pointer: &str) -> Option<NodeSpans> {
        match self.nearest(root, pointer)? {
            (depth, spans) if depth == pointer::tokens(pointer).len() => Some(spans),
            _ => None,
        }
    }

    /// The spans of the node at `pointer`, or of its nearest existing ancestor (a missing key
    /// is reported at the object that should hold it), with the number of tokens matched.
    pub fn nearest(&self, root: &Value, pointer: &str) -> Option<(usize, NodeSpans)> {
        let mut node = self.nodes.first()?;
        let mut value = root;
        let mut depth = 0;
        for token in pointer::tokens(pointer) {
            let position = match value {
                Value::Object(map) => map.keys().position(|k| *k == token),
                Value::Array(items) => token.parse::<usize>().ok().filter(|i| *i < items.len()),
                _ => None,
            };
            let Some(position) = position else { break };
            let Some(child) = node
                .children
                .get(position)
                .and_then(|&i| self.nodes.get(i as usize))
            else {
                break;
            };
            value = match value {
                Value::Object(map) => map.values().nth(position),
                Value::Array(items) => items.get(position),
                _ => None,
            }
            .unwrap_or(value);
            node = child;
            depth += 1;
        }
        Some((depth, node.spans))
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

/// Converts byte offsets to lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// Line and column (both from 1; the column counts characters) of a byte offset.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let column = text[self.line_starts[line]..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The text of a line (from 1), without its line break.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let start = self
            .line_starts
            .get(line - 1)
            .copied()
            .unwrap_or(text.len());
        let end = self.line_starts.get(line).copied().unwrap_or(text.len());
        text[start..end].trim_end_matches(['\n', '\r'])
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// What [`parse`] returns: the value (if the text holds one), its span index and the syntax
/// diagnostics.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub value: Option<Value>,
    pub index: SpanIndex,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses `text` leniently. Never panics and never fails.
pub fn parse(text: &str) -> Parsed {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        pointer: String::new(),
        index: SpanIndex::default(),
        diagnostics: Vec::new(),
    };
    if text.starts_with('\u{feff}') {
        parser.pos = '\u{feff}'.len_utf8();
    }
    parser.skip_trivia();
    let value = if parser.at_end() {
        parser.error(
            Span::new(0, text.len()),
            "the text is empty: a JSON object was expected",
        );
        None
    } else {
        let value = parser.parse_value().map(|(value, _)| value);
        parser.skip_trivia();
        if !parser.at_end() {
            let start = parser.pos;
            parser.error(
                Span::new(start, start + parser.char_len()),
                "unexpected text after the end of the JSON value",
            );
        }
        value
    };
    let mut diagnostics = parser.diagnostics;
    if let Some(root) = &value {
        keep_pointers_in_document(root, &mut diagnostics);
    }
    Parsed {
        value,
        index: parser.index,
        diagnostics,
    }
}

/// A problem inside a value that a later duplicate key replaced (or inside a value that could
/// not be read) would point at nothing: point it at the nearest node that exists (a missing
/// key may name its object). Its span still marks the exact place.
fn keep_pointers_in_document(root: &Value, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics {
        while !d.pointer.is_empty()
            && root.pointer(&d.pointer).is_none()
            && pointer::parent(&d.pointer)
                .is_none_or(|p| !root.pointer(p).is_some_and(Value::is_object))
        {
            let parent = pointer::parent(&d.pointer).unwrap_or_default().to_owned();
            d.pointer = parent;
        }
    }
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    depth: usize,
    pointer: String,
    index: SpanIndex,
    diagnostics: Vec<Diagnostic>,
}

impl Parser<'_> {
    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Byte length of the character at the cursor (0 at the end).
    fn char_len(&self) -> usize {
        self.text[self.pos..]
            .chars()
            .next()
            .map_or(0, char::len_utf8)
    }

    fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diagnostics.push(
            Diagnostic::new(&syntax::INVALID_JSON, self.pointer.clone(), message).with_span(span),
        );
    }

    fn push_diagnostic(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Skips whitespace and comments; comments are reported once each.
    fn skip_trivia(&mut self) {
        loop {
            while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                self.pos += 1;
            }
            if self.peek() != Some(b'/') {
                return;
            }
            let start = self.pos;
            match self.bytes.get(self.pos + 1) {
                Some(b'/') => {
                    let end = self.text[start..]
                        .find('\n')
                        .map_or(self.text.len(), |i| start + i);
                    self.pos = end;
                    self.comment(Span::new(start, end));
                }
                Some(b'*') => match self.text[start + 2..].find("*/") {
                    Some(i) => {
                        self.pos = start + 2 + i + 2;
                        self.comment(Span::new(start, self.pos));
                    }
                    None => {
                        self.pos = self.text.len();
                        self.error(Span::new(start, self.pos), "unterminated `/*` comment");
                    }
                },
                _ => return,
            }
        }
    }

    fn comment(&mut self, span: Span) {
        let diagnostic = Diagnostic::new(&syntax::JSON_COMMENT, self.pointer.clone(), "comment in JSON")
            .help("ARM template deployments accept comments, but `az resource create`, `az image builder create` and the REST API need strict JSON")
            .fix("remove the comment", vec![Edit::Text { span, text: String::new() }])
            .with_span(span);
        self.push_diagnostic(diagnostic);
    }

    /// Parses one value at the cursor (trivia already skipped) and records its node in the
    /// span index. `None` when no value could be read; the error is already reported.
    fn parse_value(&mut self) -> Option<(Value, u32)> {
        let start = self.pos;
        let slot = self.index.nodes.len();
        self.index.nodes.push(SpanNode {
            spans: NodeSpans {
                key: None,
                value: Span::new(start, start),
            },
            children: Vec::new(),
        });
        let value = match self.peek()? {
            b'{' | b'[' if self.depth >= MAX_DEPTH => {
                self.skip_nested();
                self.error(
                    Span::new(start, self.pos),
                    format!("nesting deeper than {MAX_DEPTH} levels; the nested part is skipped"),
                );
                None
            }
            b'{' => Some(self.parse_object(slot)),
            b'[' => Some(self.parse_array(slot)),
            b'"' => Some(Value::String(self.parse_string())),
            b'-' | b'0'..=b'9' => self.parse_number(),
            b'<' => self.parse_placeholder(),
            b'\'' => Some(Value::String(self.parse_single_quoted())),
            _ => self.parse_bare_word(),
        };
        match value {
            Some(value) => {
                self.index.nodes[slot].spans.value = Span::new(start, self.pos);
                Some((value, slot as u32))
            }
            None => {
                // Scalars push no children, so the slot is still the last node.
                self.index.nodes.truncate(slot);
                None
            }
        }
    }

    fn parse_object(&mut self, slot: usize) -> Value {
        let open = self.pos;
        self.pos += 1;
        self.depth += 1;
        let mut map = Map::new();
        let mut children: Vec<u32> = Vec::new();
        loop {
            self.skip_trivia();
            match self.peek() {
                None => {
                    self.unclosed(open, '}');
                    break;
                }
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                Some(b',') => {
                    self.error(
                        Span::new(self.pos, self.pos + 1),
                        "unexpected `,`: a property was expected",
                    );
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let key_start = self.pos;
            let Some(key) = self.parse_key() else {
                self.recover(b'}');
                continue;
            };
            let key_span = Span::new(key_start, self.pos);
            self.skip_trivia();
            if self.peek() == Some(b':') {
                self.pos += 1;
                self.skip_trivia();
            } else {
                self.error(
                    Span::new(key_span.end, key_span.end),
                    format!("`:` expected after the property name `{key}`"),
                );
            }
            let saved = self.pointer.len();
            pointer::push_token(&mut self.pointer, &key);
            let value = match self.peek() {
                Some(b',' | b'}') | None => {
                    self.error(
                        Span::new(self.pos, self.pos + self.char_len()),
                        format!("a value is missing for `{key}`"),
                    );
                    None
                }
                _ => self.parse_value(),
            };
            if let Some((value, node)) = value {
                self.index.nodes[node as usize].spans.key = Some(key_span);
                // A duplicate keeps the first one's place (as the value map does) and the
                // last one's value.
                let duplicate = if map.contains_key(&key) {
                    map.keys().position(|k| *k == key)
                } else {
                    None
                };
                match duplicate {
                    Some(position) => {
                        let first = self.index.nodes[children[position] as usize]
                            .spans
                            .key
                            .unwrap_or_default();
                        let diagnostic = Diagnostic::new(
                            &syntax::DUPLICATE_KEY,
                            self.pointer.clone(),
                            format!("duplicate property `{key}`: only the last value is kept"),
                        )
                        .help("JSON parsers (ARM, the az CLI, the service) silently drop all but the last of duplicate keys")
                        .with_span(key_span)
                        .related_span(self.pointer.clone(), "first defined here", first);
                        self.push_diagnostic(diagnostic);
                        children[position] = node;
                    }
                    None => children.push(node),
                }
                map.insert(key, value);
            }
            self.pointer.truncate(saved);
            self.skip_trivia();
            match self.peek() {
                Some(b',') => {
                    let comma = self.pos;
                    self.pos += 1;
                    self.skip_trivia();
                    if self.peek() == Some(b'}') {
                        self.trailing_comma(comma);
                    }
                }
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                None => {
                    self.unclosed(open, '}');
                    break;
                }
                Some(b'"') => {
                    self.error(
                        Span::new(self.pos, self.pos),
                        "`,` expected between properties",
                    );
                }
                Some(_) => {
                    self.error(
                        Span::new(self.pos, self.pos + self.char_len()),
                        "`,` or `}` expected after a property value",
                    );
                    self.recover(b'}');
                }
            }
        }
        self.depth -= 1;
        self.index.nodes[slot].children = children;
        Value::Object(map)
    }

    fn parse_array(&mut self, slot: usize) -> Value {
        let open = self.pos;
        self.pos += 1;
        self.depth += 1;
        let mut items = Vec::new();
        let mut children: Vec<u32> = Vec::new();
        loop {
            self.skip_trivia();
            match self.peek() {
                None => {
                    self.unclosed(open, ']');
                    break;
                }
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                Some(b',') => {
                    self.error(
                        Span::new(self.pos, self.pos + 1),
                        "unexpected `,`: a value was expected",
                    );
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let saved = self.pointer.len();
            let _ = write!(self.pointer, "/{}", items.len());
            let before = self.pos;
            match self.parse_value() {
                Some((value, node)) => {
                    items.push(value);
                    children.push(node);
                }
                None if self.pos == before => {
                    // Nothing was consumed: step over the bad character so the loop ends.
                    self.pos += self.char_len().max(1);
                }
                None => {}
            }
            self.pointer.truncate(saved);
            self.skip_trivia();
            match self.peek() {
                Some(b',') => {
                    let comma = self.pos;
                    self.pos += 1;
                    self.skip_trivia();
                    if self.peek() == Some(b']') {
                        self.trailing_comma(comma);
                    }
                }
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                None => {
                    self.unclosed(open, ']');
                    break;
                }
                Some(b'}') => {
                    self.error(
                        Span::new(self.pos, self.pos + 1),
                        "`]` expected to close the array, found `}`",
                    );
                    self.pos += 1;
                    break;
                }
                Some(_) => {
                    self.error(
                        Span::new(self.pos, self.pos),
                        "`,` expected between array items",
                    );
                }
            }
        }
        self.depth -= 1;
        self.index.nodes[slot].children = children;
        Value::Array(items)
    }

    fn trailing_comma(&mut self, comma: usize) {
        let span = Span::new(comma, comma + 1);
        let diagnostic = Diagnostic::new(&syntax::TRAILING_COMMA, self.pointer.clone(), "trailing comma")
            .help("ARM template deployments tolerate it, but strict JSON parsers (the az CLI, the REST API) reject it")
            .fix("remove the trailing comma", vec![Edit::Text { span, text: String::new() }])
            .with_span(span);
        self.push_diagnostic(diagnostic);
    }

    fn unclosed(&mut self, open: usize, close: char) {
        let end = self.text.len();
        let opener = if close == '}' { "object" } else { "array" };
        let diagnostic = Diagnostic::new(
            &syntax::INVALID_JSON,
            self.pointer.clone(),
            format!("the text ends before this {opener} is closed with `{close}`"),
        )
        .help("the file looks truncated: add the missing closing brackets")
        .with_span(Span::new(end, end))
        .related_span(
            self.pointer.clone(),
            format!("{opener} opened here"),
            Span::new(open, open + 1),
        );
        self.push_diagnostic(diagnostic);
    }

    /// A property name: normally a string; bare words and placeholders are reported but kept.
    fn parse_key(&mut self) -> Option<String> {
        let start = self.pos;
        match self.peek()? {
            b'"' => Some(self.parse_string()),
            b'\'' => Some(self.parse_single_quoted()),
            b'<' => match self.parse_placeholder() {
                Some(Value::String(s)) => Some(s),
                _ => None,
            },
            c if c.is_ascii_alphabetic() || c == b'_' || c == b'$' => {
                while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == b'_' || c == b'$')
                {
                    self.pos += 1;
                }
                let word = self.text[start..self.pos].to_owned();
                let diagnostic = Diagnostic::new(
                    &syntax::INVALID_JSON,
                    self.pointer.clone(),
                    format!("property name `{word}` must be in double quotes"),
                )
                .fix(
                    "quote the property name",
                    vec![Edit::Text {
                        span: Span::new(start, self.pos),
                        text: format!("\"{word}\""),
                    }],
                )
                .with_span(Span::new(start, self.pos));
                self.push_diagnostic(diagnostic);
                Some(word)
            }
            _ => {
                let len = self.char_len();
                let found = &self.text[start..start + len];
                self.error(
                    Span::new(start, start + len),
                    format!("a property name in double quotes was expected, found `{found}`"),
                );
                None
            }
        }
    }

    /// Skips to the next `,` or `closer` at this nesting level, or the end of the text.
    fn recover(&mut self, closer: u8) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'"' => {
                    self.skip_string();
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' if depth > 0 => depth -= 1,
                b'}' | b']' => {
                    if c != closer {
                        self.pos += 1;
                        continue;
                    }
                    return;
                }
                b',' if depth == 0 => {
                    self.pos += 1;
                    return;
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// Skips a nested object or array without building it (used past [`MAX_DEPTH`]).
    fn skip_nested(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'"' => {
                    self.skip_string();
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.pos += 1;
                        return;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    fn skip_string(&mut self) {
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'"' | b'\n' => return,
                _ => {}
            }
        }
        self.pos = self.pos.min(self.bytes.len());
    }

    /// A double-quoted string with JSON escapes. An unterminated string ends at the line end.
    fn parse_string(&mut self) -> String {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(c) = self.peek() {
                if matches!(c, b'"' | b'\\' | b'\n') {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return out;
                }
                Some(b'\\') => self.parse_escape(&mut out),
                _ => {
                    let end = if self.peek() == Some(b'\n')
                        && self.pos > 0
                        && self.bytes[self.pos - 1] == b'\r'
                    {
                        self.pos - 1
                    } else {
                        self.pos
                    };
                    self.error(
                        Span::new(open, end),
                        "unterminated string: the closing `\"` is missing",
                    );
                    return out;
                }
            }
        }
    }

    fn parse_escape(&mut self, out: &mut String) {
        let start = self.pos;
        self.pos += 1;
        let Some(c) = self.peek() else { return };
        self.pos += 1;
        match c {
            b'"' => out.push('"'),
            b'\\' => out.push('\\'),
            b'/' => out.push('/'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'u' => match self.hex4() {
                Some(high @ 0xD800..=0xDBFF) if self.text[self.pos..].starts_with("\\u") => {
                    let save = self.pos;
                    self.pos += 2;
                    match self.hex4() {
                        Some(low @ 0xDC00..=0xDFFF) => {
                            let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => {
                            self.pos = save;
                            out.push('\u{fffd}');
                        }
                    }
                }
                Some(code) => out.push(char::from_u32(code).unwrap_or('\u{fffd}')),
                None => self.error(
                    Span::new(start, self.pos),
                    "`\\u` must be followed by four hex digits",
                ),
            },
            _ => {
                // Step back over a multi-byte character so the cursor stays on a boundary.
                self.pos -= 1;
                let len = self.char_len();
                let escaped = &self.text[self.pos..self.pos + len];
                out.push_str(escaped);
                self.pos += len;
                let message = format!("invalid escape `\\{escaped}` in a string");
                let diagnostic = Diagnostic::new(&syntax::INVALID_JSON, self.pointer.clone(), message)
                    .help("in JSON a backslash must be doubled: write `\\\\` (Windows paths such as `C:\\\\temp`)")
                    .with_span(Span::new(start, self.pos));
                self.push_diagnostic(diagnostic);
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.pos..self.pos + 4)?;
        let code = u32::from_str_radix(digits, 16).ok()?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += 4;
        Some(code)
    }

    fn parse_single_quoted(&mut self) -> String {
        let open = self.pos;
        self.pos += 1;
        let body_start = self.pos;
        let end = self.text[body_start..]
            .find(['\'', '\n'])
            .map_or(self.text.len(), |i| body_start + i);
        let body = self.text[body_start..end].to_owned();
        self.pos = if self.peek_at(end) == Some(b'\'') {
            end + 1
        } else {
            end
        };
        let span = Span::new(open, self.pos);
        let diagnostic = Diagnostic::new(
            &syntax::INVALID_JSON,
            self.pointer.clone(),
            "strings must use double quotes",
        )
        .fix(
            "use double quotes",
            vec![Edit::Text {
                span,
                text: Value::String(body.clone()).to_string(),
            }],
        )
        .with_span(span);
        self.push_diagnostic(diagnostic);
        body
    }

    fn peek_at(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    fn parse_number(&mut self) -> Option<Value> {
        let start = self.pos;
        while matches!(
            self.peek(),
            Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
        ) {
            self.pos += 1;
        }
        let literal = &self.text[start..self.pos];
        match literal.parse::<Number>() {
            Ok(number)
                if !(literal.len() > 1
                    && literal.starts_with('0')
                    && literal.as_bytes()[1].is_ascii_digit()) =>
            {
                Some(Value::Number(number))
            }
            _ => {
                self.error(
                    Span::new(start, self.pos),
                    format!("`{literal}` is not a valid JSON number"),
                );
                None
            }
        }
    }

    /// `<region>` written without quotes, as in the documentation's skeletons. Kept as the
    /// string `"<region>"` so the rest of the document can still be checked.
    fn parse_placeholder(&mut self) -> Option<Value> {
        let start = self.pos;
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        match self.text[start..line_end].find('>') {
            Some(i) if i > 1 => {
                self.pos = start + i + 1;
                let token = self.text[start..self.pos].to_owned();
                let span = Span::new(start, self.pos);
                let diagnostic = Diagnostic::new(
                    &syntax::UNQUOTED_PLACEHOLDER,
                    self.pointer.clone(),
                    format!("unquoted placeholder `{token}` makes the file invalid JSON"),
                )
                .help("replace the placeholder with a real value; a number goes without quotes, text in double quotes")
                .fix(
                    "quote the placeholder",
                    vec![Edit::Text {
                        span,
                        text: format!("\"{token}\""),
                    }],
                )
                .with_span(span);
                self.push_diagnostic(diagnostic);
                Some(Value::String(token))
            }
            _ => self.parse_bare_word(),
        }
    }

    /// Anything else: a mistyped literal (`True`, `undefined`) or a stray character.
    fn parse_bare_word(&mut self) -> Option<Value> {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if matches!(
                c,
                b',' | b'}' | b']' | b':' | b'"' | b' ' | b'\t' | b'\n' | b'\r'
            ) {
                break;
            }
            self.pos += self.char_len().max(1);
        }
        if self.pos == start {
            self.pos += self.char_len().max(1);
        }
        let word = &self.text[start..self.pos];
        match word {
            "true" => return Some(Value::Bool(true)),
            "false" => return Some(Value::Bool(false)),
            "null" => return Some(Value::Null),
            _ => {}
        }
        let span = Span::new(start, self.pos);
        let lower = word.to_ascii_lowercase();
        let (message, help) = match lower.as_str() {
            "true" | "false" | "null" => (
                format!("`{word}` is not a JSON literal"),
                format!("JSON literals are lowercase: write `{lower}`"),
            ),
            _ => (
                format!("unexpected `{word}`: a value was expected"),
                "values are objects, arrays, numbers, `true`, `false`, `null` or text in double quotes".to_owned(),
            ),
        };
        let diagnostic = Diagnostic::new(&syntax::INVALID_JSON, self.pointer.clone(), message)
            .help(help)
            .with_span(span);
        self.push_diagnostic(diagnostic);
        match lower.as_str() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            "null" => Some(Value::Null),
            _ => None,
        }
    }
}

impl Diagnostic {
    /// Adds a related location given by source span (used by the parser, which knows spans).
    pub(crate) fn related_span(
        mut self,
        pointer: String,
        label: impl Into<String>,
        span: Span,
    ) -> Self {
        self.related.push(crate::diagnostic::Related {
            pointer,
            label: label.into(),
            span: Some(span),
            position: None,
        });
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn codes(parsed: &Parsed) -> Vec<&'static str> {
        parsed.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn strict_json_parses_without_diagnostics_and_indexes_every_node() {
        let text = r#"{"a": [1, {"b": "x"}], "c": null}"#;
        let parsed = parse(text);
        assert_eq!(parsed.value, Some(json!({"a": [1, {"b": "x"}], "c": null})));
        assert!(parsed.diagnostics.is_empty());
        let value = parsed.value.as_ref().unwrap();
        let b = parsed.index.get(value, "/a/1/b").unwrap();
        assert_eq!(&text[b.value.start..b.value.end], "\"x\"");
        assert_eq!(&text[b.key.unwrap().start..b.key.unwrap().end], "\"b\"");
        assert_eq!(parsed.index.len(), 6);
    }

    #[test]
    fn comments_and_trailing_commas_are_reported_but_parsed() {
        let parsed = parse("{\n // note\n \"a\": [1, 2,],\n /* b */ \"b\": 3,\n}");
        assert_eq!(parsed.value, Some(json!({"a": [1, 2], "b": 3})));
        assert_eq!(codes(&parsed), vec!["AIB002", "AIB003", "AIB002", "AIB003"]);
    }

    #[test]
    fn unquoted_placeholders_become_strings() {
        let parsed = parse(r#"{"location": <region>, "n": <minutes>}"#);
        assert_eq!(
            parsed.value,
            Some(json!({"location": "<region>", "n": "<minutes>"}))
        );
        assert_eq!(codes(&parsed), vec!["AIB005", "AIB005"]);
    }

    #[test]
    fn problems_inside_a_replaced_duplicate_point_at_what_exists() {
        let parsed = parse(r#"{"a": {"b": {"c": }}, "a": 1}"#);
        let missing = parsed
            .diagnostics
            .iter()
            .find(|d| d.message.contains("value is missing"))
            .unwrap();
        assert_eq!(missing.pointer, "/a");
    }

    #[test]
    fn duplicate_keys_keep_the_last_value() {
        let parsed = parse(r#"{"a": 1, "a": 2}"#);
        assert_eq!(parsed.value, Some(json!({"a": 2})));
        let value = parsed.value.as_ref().unwrap();
        let a = parsed.index.get(value, "/a").unwrap();
        assert_eq!(a.value, Span::new(14, 15), "the last value's span");
        assert_eq!(codes(&parsed), vec!["AIB004"]);
        assert_eq!(parsed.diagnostics[0].related.len(), 1);
    }

    #[test]
    fn truncated_text_keeps_what_was_read() {
        let parsed = parse(r#"{"a": {"b": [1, 2"#);
        assert_eq!(parsed.value, Some(json!({"a": {"b": [1, 2]}})));
        let value = parsed.value.as_ref().unwrap();
        assert!(parsed.index.get(value, "/a/b/1").is_some());
        assert_eq!(
            parsed
                .index
                .nearest(value, "/a/missing/x")
                .map(|(depth, _)| depth),
            Some(1)
        );
        assert_eq!(codes(&parsed), vec!["AIB001", "AIB001", "AIB001"]);
    }

    #[test]
    fn missing_commas_and_bad_literals_recover() {
        let parsed = parse("{\"a\": 1 \"b\": True, \"c\": 'x'}");
        assert_eq!(parsed.value, Some(json!({"a": 1, "b": true, "c": "x"})));
        assert_eq!(codes(&parsed), vec!["AIB001", "AIB001", "AIB001"]);
    }

    #[test]
    fn deep_nesting_is_cut_off_without_overflow() {
        let text = "[".repeat(100_000) + &"]".repeat(100_000);
        let parsed = parse(&text);
        assert!(parsed.value.is_some());
        assert!(parsed
            .diagnostics
            .iter()
            .any(|d| d.message.contains("nesting deeper")));
    }

    #[test]
    fn empty_and_garbage_text_give_one_error() {
        assert_eq!(codes(&parse("")), vec!["AIB001"]);
        assert_eq!(parse("   ").value, None);
        let parsed = parse("{} trailing");
        assert_eq!(codes(&parsed), vec!["AIB001"]);
    }

    #[test]
    fn escapes_decode_and_bad_escapes_are_reported() {
        let parsed = parse(r#"{"a": "\u00e9\ud83d\ude00\n", "p": "C:\temp\x"}"#);
        let value = parsed.value.unwrap();
        assert_eq!(value["a"], json!("é😀\n"));
        assert_eq!(codes(&parse(r#"{"p": "C:\x"}"#)), vec!["AIB001"]);
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "{\n  \"é\": 1\n}";
        let index = LineIndex::new(text);
        let parsed = parse(text);
        let node = parsed
            .index
            .get(parsed.value.as_ref().unwrap(), "/é")
            .unwrap();
        assert_eq!(
            index.position(text, node.value.start),
            Position { line: 2, column: 8 }
        );
        assert_eq!(index.line_text(text, 2), "  \"é\": 1");
    }
}
