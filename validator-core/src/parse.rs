//! A lenient JSON parser that never fails.
//!
//! Users paste what they have: ARM templates with `//` comments, trailing commas, quickstart
//! files with unquoted `<region>` placeholders, half-typed text. Like taplo's parser this one
//! always returns a value where the text allows one, an index from JSON pointer to source span,
//! and the syntax problems as ordinary diagnostics, so the rest of the document is still checked.
//!
//! It is a hand-written recursive descent parser because the JSON crates stop at the first
//! error (`serde_json`) or do not recover from unquoted tokens (`jsonc-parser`).

use std::collections::HashMap;
use std::fmt::Write;
use std::hash::BuildHasher;

use hashbrown::HashTable;
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
///
/// The tree is compact because a large template's check must stay in the processor's cache:
/// nodes are small and live in one `Vec`, and every node's children are one run of `children`.
/// (A `Vec` of children per node, with `usize` offsets, made the tree as large as the value.)
#[derive(Debug, Default, Clone)]
pub struct SpanIndex {
    nodes: Vec<SpanNode>,
    /// The children of every object and array, each one's in a contiguous run, as indices into
    /// `nodes` in the order of the value's members or items.
    children: Vec<u32>,
    /// For each object of more than [`INDEXED_OBJECT`] members (by node index), each key's
    /// position among its members: finding a member by scanning keys made pointer lookups and
    /// duplicate detection quadratic in a large object.
    key_positions: HashMap<u32, KeyPositions>,
}

#[derive(Debug, Clone)]
struct SpanNode {
    key: Option<Offsets>,
    value: Offsets,
    /// Where this node's children are in [`SpanIndex::children`].
    first_child: u32,
    child_count: u32,
}

/// A span in 32 bits per offset, half the size of [`Span`]. Texts are far below 4 GiB (checking
/// stops at [`crate::MAX_INPUT_BYTES`]); offsets past it would be clamped, never wrap.
#[derive(Debug, Clone, Copy)]
struct Offsets {
    start: u32,
    end: u32,
}

impl Offsets {
    fn new(span: Span) -> Self {
        let clamp = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
        Offsets {
            start: clamp(span.start),
            end: clamp(span.end),
        }
    }

    fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// The keys of a large object in the order of its members, so a key's index is its member's
/// position. The keys are copied one after another into one string, and the table holds
/// positions with a 32-bit hash each. An `IndexSet<String>` was an allocation per key and a
/// 32-byte entry per member; in an object larger than the cache, every one of those is a miss.
/// The stored hash lets the table grow without reading the keys again.
#[derive(Debug, Default, Clone)]
struct KeyPositions {
    /// The keys, one after another.
    keys: String,
    /// Where each key ends in `keys`.
    ends: Vec<u32>,
    /// (hash, position) of every key.
    table: HashTable<(u32, u32)>,
}

/// The key at `position` of the keys written one after another into `keys`, each ending where
/// `ends` says.
fn key_at<'k>(keys: &'k str, ends: &[u32], position: u32) -> &'k str {
    let start = position
        .checked_sub(1)
        .map_or(0, |before| ends[before as usize]);
    // Never out of range for texts the checker reads (the keys are shorter than the text, which
    // is far below 4 GiB); `get` keeps a larger one from panicking all the same.
    keys.get(start as usize..ends[position as usize] as usize)
        .unwrap_or_default()
}

impl KeyPositions {
    fn from_keys<'k>(keys: impl Iterator<Item = &'k String>) -> Self {
        let mut positions = KeyPositions::default();
        for key in keys {
            positions.find_or_push(key);
        }
        positions
    }

    fn key(&self, position: u32) -> &str {
        key_at(&self.keys, &self.ends, position)
    }

    /// 32 bits of the key's hash, stored beside its position.
    fn hash(key: &str) -> u32 {
        foldhash::fast::FixedState::with_seed(0).hash_one(key) as u32
    }

    /// The table's 64-bit hash, made from the stored 32 bits: multiplied out so that the high
    /// bits, which the table's control bytes use, differ too.
    fn spread(hash: u32) -> u64 {
        u64::from(hash).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    fn get_index_of(&self, key: &str) -> Option<usize> {
        let hash = Self::hash(key);
        self.table
            .find(Self::spread(hash), |&(h, p)| {
                h == hash && self.key(p) == key
            })
            .map(|&(_, p)| p as usize)
    }

    /// The position of `key`; a key not there yet is added at the next position, and `None`
    /// returned. One search of the table for both.
    fn find_or_push(&mut self, key: &str) -> Option<usize> {
        let hash = Self::hash(key);
        let position = self.ends.len() as u32;
        let (keys, ends) = (&self.keys, &self.ends);
        match self.table.entry(
            Self::spread(hash),
            |&(h, p)| h == hash && key_at(keys, ends, p) == key,
            |&(h, _)| Self::spread(h),
        ) {
            hashbrown::hash_table::Entry::Occupied(found) => Some(found.get().1 as usize),
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert((hash, position));
                self.keys.push_str(key);
                self.ends
                    .push(u32::try_from(self.keys.len()).unwrap_or(u32::MAX));
                None
            }
        }
    }
}

/// Objects with more members than this get a key index; below it, a scan is faster.
const INDEXED_OBJECT: usize = 16;

impl SpanIndex {
    /// The spans of the node at `pointer` in `root` (the value this index was parsed with).
    pub fn get(&self, root: &Value, pointer: &str) -> Option<NodeSpans> {
        match self.nearest(root, pointer)? {
            (depth, spans) if depth == pointer::token_iter(pointer).count() => Some(spans),
            _ => None,
        }
    }

    /// The spans of the node at `pointer`, or of its nearest existing ancestor (a missing key
    /// is reported at the object that should hold it), with the number of tokens matched.
    pub fn nearest(&self, root: &Value, pointer: &str) -> Option<(usize, NodeSpans)> {
        let mut node = 0;
        let mut value = root;
        let mut depth = 0;
        self.nodes.first()?;
        for token in pointer::token_iter(pointer) {
            let (position, child_value) = match value {
                Value::Object(map) => {
                    let Some(child_value) = map.get(token.as_ref()) else {
                        break;
                    };
                    let position = match self.key_positions.get(&node) {
                        Some(positions) => positions.get_index_of(token.as_ref()),
                        None => map.keys().position(|k| *k == token),
                    };
                    (position, child_value)
                }
                Value::Array(items) => {
                    let Some((i, item)) = token
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| Some((i, items.get(i)?)))
                    else {
                        break;
                    };
                    (Some(i), item)
                }
                _ => break,
            };
            let Some(child) = position.and_then(|p| self.child(node, p)) else {
                break;
            };
            value = child_value;
            node = child;
            depth += 1;
        }
        let node = &self.nodes[node as usize];
        Some((
            depth,
            NodeSpans {
                key: node.key.map(Offsets::span),
                value: node.value.span(),
            },
        ))
    }

    /// The index of the `position`th child of a node.
    fn child(&self, node: u32, position: usize) -> Option<u32> {
        let node = &self.nodes[node as usize];
        if position >= node.child_count as usize {
            return None;
        }
        self.children
            .get(node.first_child as usize + position)
            .copied()
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
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { line_starts }
    }

    /// Line and column (both from 1; the column counts characters) of a byte offset.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let column = text[self.line_starts[line]..offset].chars().count() + 1;
        Position::new(line + 1, column)
    }

    /// The positions of many offsets, in the order given, in one pass over the text. Counting
    /// each column from its line's start costs the line's length per offset, which made a
    /// minified template with many findings quadratic.
    pub fn positions(&self, text: &str, offsets: &[usize]) -> Vec<Position> {
        self.positions_in(text, offsets, |between| between.chars().count())
    }

    /// [`Self::positions`] with columns counted by `width` (of the text between two places on a
    /// line) instead of in characters: the language server counts UTF-16 code units, as the
    /// protocol requires. Columns still start at 1.
    pub fn positions_in(
        &self,
        text: &str,
        offsets: &[usize],
        width: impl Fn(&str) -> usize,
    ) -> Vec<Position> {
        // Sorting (offset, index) pairs reads the offsets in order; sorting indices by their
        // offset read them at random, which for a large text was a cache miss per comparison.
        let mut order: Vec<(usize, usize)> = offsets
            .iter()
            .map(|&offset| floor_char_boundary(text, offset.min(text.len())))
            .zip(0..)
            .collect();
        order.sort_unstable();
        let mut positions = vec![Position::default(); offsets.len()];
        // The offsets come in order, so the line only moves forward: stepping over line starts
        // reads them once, where a binary search per offset missed the cache on a large text.
        let mut line = 0;
        // The last position found: the next one on the same line counts on from it.
        let mut cursor: Option<(usize, usize, usize)> = None; // (offset, line index, column)
        for (offset, i) in order {
            while self
                .line_starts
                .get(line + 1)
                .is_some_and(|&next| next <= offset)
            {
                line += 1;
            }
            let column = match cursor {
                Some((from, cursor_line, column)) if cursor_line == line => {
                    column + width(&text[from..offset])
                }
                _ => width(&text[self.line_starts[line]..offset]) + 1,
            };
            cursor = Some((offset, line, column));
            positions[i] = Position::new(line + 1, column);
        }
        positions
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
        open_items: Vec::new(),
        open_children: Vec::new(),
        dropped_values: false,
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
    if let Some(root) = value.as_ref().filter(|_| parser.dropped_values) {
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
    /// The items of the arrays being read, innermost last: each array takes its own off the
    /// top when it closes, in one allocation of the right size. Growing a `Vec` per array
    /// (and shrinking it after) made allocation half the cost of a deeply nested template.
    open_items: Vec<Value>,
    /// The span nodes of the members and items of the objects and arrays being read, the same
    /// way: each moves its own into the index in one run when it closes.
    open_children: Vec<u32>,
    /// A value was dropped (unreadable, too deep), or one with members or items was replaced
    /// by a later duplicate key, so a diagnostic may point at nothing. Only then are the pointers checked against the value:
    /// resolving every pointer walks the tree once per diagnostic, which on a large template
    /// is a cache miss at every level.
    dropped_values: bool,
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

    fn error(&mut self, span: Span, message: impl Into<crate::diagnostic::Text>) {
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
            .help("strict JSON readers (`az resource create`, `az image builder create --image-template`) reject comments; ARM template deployments remove them")
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
            key: None,
            value: Offsets::new(Span::new(start, start)),
            first_child: 0,
            child_count: 0,
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
                self.index.nodes[slot].value = Offsets::new(Span::new(start, self.pos));
                Some((value, slot as u32))
            }
            None => {
                // Scalars push no children, so the slot is still the last node.
                self.index.nodes.truncate(slot);
                self.dropped_values = true;
                None
            }
        }
    }

    fn parse_object(&mut self, slot: usize) -> Value {
        let open = self.pos;
        self.pos += 1;
        self.depth += 1;
        let mut map = Map::new();
        let children_start = self.open_children.len();
        // A large object's key index and members, gathered in order and made into its map at
        // the end: a map of that size costs a search of a table larger than the cache for
        // every member, and a comparison with a key stored elsewhere for every duplicate; a
        // map made at the end from members whose keys are known to differ has room for all of
        // them from the start and compares nothing.
        let mut large: Option<(KeyPositions, Vec<(String, Value)>)> = None;
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
                    self.dropped_values = true;
                    None
                }
                _ => self.parse_value(),
            };
            if let Some((value, node)) = value {
                self.index.nodes[node as usize].key = Some(Offsets::new(key_span));
                // A duplicate keeps the first one's place (as the value map does) and the
                // last one's value.
                // The key index of a large object holds the same keys as the map: asking the
                // map first would be one more lookup in a table larger than the cache.
                let duplicate = match &mut large {
                    Some((positions, _)) => positions.find_or_push(&key),
                    None if map.contains_key(&key) => map.keys().position(|k| *k == key),
                    None => None,
                };
                match duplicate {
                    Some(position) => {
                        let first_node = self.open_children[children_start + position];
                        let first_spans = &self.index.nodes[first_node as usize];
                        let first = first_spans.key.map(Offsets::span).unwrap_or_default();
                        // Only a replaced value with members or items can have had findings
                        // below this key, which now point at nothing; the key itself stays.
                        // (Checking every finding's pointer, when each of many duplicates
                        // replaced a string, was a lookup in a large object per finding.)
                        if first_spans.child_count > 0 {
                            self.dropped_values = true;
                        }
                        let diagnostic = Diagnostic::new(
                            &syntax::DUPLICATE_KEY,
                            self.pointer.clone(),
                            format!("duplicate property `{key}`: only the last value is kept"),
                        )
                        .help("JSON parsers (ARM, the az CLI, the service) silently drop all but the last of duplicate keys")
                        .with_span(key_span)
                        .related_span(self.pointer.clone(), "first defined here", first);
                        self.push_diagnostic(diagnostic);
                        self.open_children[children_start + position] = node;
                    }
                    None => {
                        self.open_children.push(node);
                        let members = self.open_children.len() - children_start;
                        // (An indexed object's new key was added by `find_or_push`.)
                        if large.is_none() && members > INDEXED_OBJECT {
                            let mut positions = KeyPositions::from_keys(map.keys());
                            positions.find_or_push(&key);
                            large =
                                Some((positions, std::mem::take(&mut map).into_iter().collect()));
                        }
                    }
                }
                // A duplicate keeps the first one's place and takes its value, as in the map.
                match (&mut large, duplicate) {
                    (Some((_, members)), Some(position)) => members[position].1 = value,
                    (Some((_, members)), None) => members.push((key, value)),
                    (None, _) => {
                        map.insert(key, value);
                    }
                }
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
        self.close_children(slot, children_start);
        if let Some((positions, members)) = large {
            map = Map::with_capacity(members.len());
            map.extend(members);
            self.index.key_positions.insert(slot as u32, positions);
        }
        Value::Object(map)
    }

    fn parse_array(&mut self, slot: usize) -> Value {
        let open = self.pos;
        self.pos += 1;
        self.depth += 1;
        let items_start = self.open_items.len();
        let children_start = self.open_children.len();
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
            let _ = write!(self.pointer, "/{}", self.open_items.len() - items_start);
            let before = self.pos;
            match self.parse_value() {
                Some((value, node)) => {
                    self.open_items.push(value);
                    self.open_children.push(node);
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
        // Exactly sized: growth would leave room for four items, and a deeply nested template
        // is mostly one-item arrays.
        let items: Vec<Value> = self.open_items.drain(items_start..).collect();
        self.close_children(slot, children_start);
        Value::Array(items)
    }

    /// Moves the children of the object or array at `slot`, the top of `open_children` from
    /// `children_start`, into the index's children as the node's run.
    fn close_children(&mut self, slot: usize, children_start: usize) {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let node = &mut self.index.nodes[slot];
        node.first_child = clamp(self.index.children.len());
        node.child_count = clamp(self.open_children.len() - children_start);
        self.index
            .children
            .extend(self.open_children.drain(children_start..));
    }

    fn trailing_comma(&mut self, comma: usize) {
        let span = Span::new(comma, comma + 1);
        let diagnostic = Diagnostic::new(&syntax::TRAILING_COMMA, self.pointer.clone(), "trailing comma")
            .help("strict JSON readers (`az resource create`, `az image builder create --image-template`) reject it")
            .safe_fix("remove the trailing comma", vec![Edit::Text { span, text: String::new() }])
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
                .safe_fix(
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
        // Offsets of raw control characters, reported once for the whole string.
        let mut controls = Vec::new();
        loop {
            let run_start = self.pos;
            while let Some(c) = self.peek() {
                if matches!(c, b'"' | b'\\') || c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => self.parse_escape(&mut out),
                Some(b'\r') if self.peek_at(self.pos + 1) != Some(b'\n') => {
                    controls.push(self.pos);
                    out.push('\r');
                    self.pos += 1;
                }
                Some(c) if c != b'\n' && c != b'\r' => {
                    controls.push(self.pos);
                    out.push(char::from(c));
                    self.pos += 1;
                }
                _ => {
                    // A line break (`\n` or `\r\n`) or the end of the text before the
                    // closing quote.
                    self.error(
                        Span::new(open, self.pos),
                        "unterminated string: the closing `\"` is missing",
                    );
                    break;
                }
            }
        }
        if !controls.is_empty() {
            self.raw_control_characters(&controls);
        }
        out
    }

    /// RFC 8259 forbids raw control characters in strings, and strict readers stop at them. One
    /// diagnostic per string, whose fix writes the escapes and touches nothing else.
    fn raw_control_characters(&mut self, offsets: &[usize]) {
        let (first, last) = (offsets[0], offsets[offsets.len() - 1]);
        let code = self.bytes[first];
        let more = match offsets.len() {
            1 => String::new(),
            n => format!(" (and {} more in this string)", n - 1),
        };
        let mut escaped = String::with_capacity(last + 1 - first + 6 * offsets.len());
        for c in self.text[first..=last].chars() {
            match u8::try_from(c).ok().filter(|b| *b < 0x20) {
                Some(b) => escaped.push_str(&control_escape(b)),
                None => escaped.push(c),
            }
        }
        let span = Span::new(first, last + 1);
        let diagnostic = Diagnostic::new(
            &syntax::RAW_CONTROL_CHARACTER,
            self.pointer.clone(),
            format!(
                "raw {} inside a string{more}: JSON needs the escape `{}`",
                control_name(code),
                control_escape(code)
            ),
        )
        .help("strict JSON readers reject the file (`json.loads` in the az CLI stops with \"Invalid control character\")")
        .safe_fix(
            "write the control characters as escapes",
            vec![Edit::Text {
                span,
                text: escaped,
            }],
        )
        .with_span(span);
        self.push_diagnostic(diagnostic);
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
                Some(high @ 0xD800..=0xDBFF) => {
                    let after_high = self.pos;
                    let low = if self.text[self.pos..].starts_with("\\u") {
                        self.pos += 2;
                        self.hex4().filter(|low| (0xDC00..=0xDFFF).contains(low))
                    } else {
                        None
                    };
                    match low {
                        Some(low) => {
                            let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        None => {
                            self.pos = after_high;
                            self.lone_surrogate(Span::new(start, self.pos), out);
                        }
                    }
                }
                Some(0xDC00..=0xDFFF) => self.lone_surrogate(Span::new(start, self.pos), out),
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

    /// Half a surrogate pair names no character. The value can only hold U+FFFD in its place,
    /// so the report marks it ([`crate::Report::unfaithful_values`]) and nothing writes the
    /// value back over the text.
    fn lone_surrogate(&mut self, span: Span, out: &mut String) {
        out.push('\u{fffd}');
        let escape = &self.text[span.start..span.end];
        let diagnostic = Diagnostic::new(
            &syntax::LONE_SURROGATE,
            self.pointer.clone(),
            format!("`{escape}` is half of a UTF-16 surrogate pair and encodes no character"),
        )
        .help("write the character itself, or both halves of its pair (`\\ud83d\\ude00` is 😀): the az CLI cannot send a lone half, and other readers turn it into U+FFFD")
        .with_span(span);
        self.push_diagnostic(diagnostic);
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
        .safe_fix(
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

/// How JSON writes a control character: the short escapes where there is one.
fn control_escape(code: u8) -> String {
    match code {
        0x08 => "\\b".to_owned(),
        0x09 => "\\t".to_owned(),
        0x0a => "\\n".to_owned(),
        0x0c => "\\f".to_owned(),
        0x0d => "\\r".to_owned(),
        _ => format!("\\u{code:04x}"),
    }
}

fn control_name(code: u8) -> String {
    match code {
        0x00 => "NUL character (U+0000)".to_owned(),
        0x09 => "tab (U+0009)".to_owned(),
        0x0d => "carriage return (U+000D)".to_owned(),
        0x1b => "escape character (U+001B)".to_owned(),
        _ => format!("control character U+{code:04X}"),
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
    fn raw_control_characters_in_strings_are_errors_with_an_escaping_fix() {
        let text = "{\"a\": \"x\ty\u{1b}z\u{0}\", \"b\": \"ok\"}";
        let parsed = parse(text);
        assert_eq!(
            parsed.value.as_ref().unwrap()["a"],
            json!("x\ty\u{1b}z\u{0}")
        );
        assert_eq!(
            codes(&parsed),
            vec!["AIB007"],
            "one diagnostic for the string"
        );
        let d = &parsed.diagnostics[0];
        assert!(
            d.message.contains("tab (U+0009)") && d.message.contains("2 more"),
            "{}",
            d.message
        );
        let Some(Edit::Text { span, text: fixed }) = d.fix.as_ref().map(|f| &f.edits[0]) else {
            panic!("a text fix");
        };
        let repaired = format!("{}{fixed}{}", &text[..span.start], &text[span.end..]);
        assert_eq!(repaired, r#"{"a": "x\ty\u001bz\u0000", "b": "ok"}"#);
        assert!(parse(&repaired).diagnostics.is_empty());
        assert_eq!(
            serde_json::from_str::<Value>(&repaired).ok(),
            parsed.value,
            "the fix keeps the value"
        );
    }

    #[test]
    fn a_lone_carriage_return_is_a_control_character_and_crlf_ends_an_unterminated_string() {
        assert_eq!(codes(&parse("[\"a\rb\"]")), vec!["AIB007"]);
        let parsed = parse("[\"abc\r\n]");
        let d = &parsed.diagnostics[0];
        assert!(d.message.contains("unterminated"), "{}", d.message);
        assert_eq!(
            d.span,
            Some(Span::new(1, 5)),
            "the string up to the line break"
        );
    }

    #[test]
    fn lone_surrogates_are_errors_and_pairs_are_not() {
        for text in [
            r#"["\ud800"]"#,
            r#"["\udc00"]"#,
            r#"["\ud800\u0041"]"#,
            r#"["\ud800x"]"#,
        ] {
            let parsed = parse(text);
            assert_eq!(codes(&parsed), vec!["AIB008"], "{text}");
            assert!(
                parsed.diagnostics[0].message.contains("surrogate"),
                "{text}"
            );
        }
        let parsed = parse(r#"["\ud800\u0041"]"#);
        assert_eq!(
            parsed.value,
            Some(json!(["\u{fffd}A"])),
            "the next escape is kept"
        );
        assert!(parse(r#"["\ud83d\ude00"]"#).diagnostics.is_empty());
    }

    #[test]
    fn duplicates_in_a_large_object_point_at_their_first_definition() {
        let keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        // `k\u0031` is `k1` written with an escape: the same key.
        let text = format!(
            "{{{}, \"k30\": \"again\", \"k3\": 0, \"k\\u0031\": \"escaped\"}}",
            keys.join(", ")
        );
        let parsed = parse(&text);
        assert_eq!(codes(&parsed), vec!["AIB004", "AIB004", "AIB004"]);
        let first = parsed.diagnostics[0].related[0].span.unwrap();
        assert_eq!(&text[first.start..first.end], "\"k30\"");
        let value = parsed.value.as_ref().unwrap();
        // Every key once, in the order first written; the last value of each.
        let order: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let expected: Vec<String> = (0..40).map(|i| format!("k{i}")).collect();
        assert_eq!(order, expected);
        assert_eq!(value["k30"], "again");
        assert_eq!(value["k3"], 0);
        assert_eq!(value["k1"], "escaped");
        let k1 = parsed.index.get(value, "/k1").unwrap();
        assert_eq!(&text[k1.value.start..k1.value.end], "\"escaped\"");
        let k30 = parsed.index.get(value, "/k30").unwrap();
        assert_eq!(&text[k30.value.start..k30.value.end], "\"again\"");
        let k39 = parsed.index.get(value, "/k39").unwrap();
        assert_eq!(&text[k39.value.start..k39.value.end], "39");
        assert!(parsed.index.get(value, "/k40").is_none());
    }

    #[test]
    fn positions_in_a_batch_match_single_lookups() {
        let text = "{\"é\": [1,\n  \"ü😀\", 3],\r\n \"x\": 4}";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len() + 2).rev().chain([5, 0, 17]).collect();
        let batch = index.positions(text, &offsets);
        for (offset, position) in offsets.iter().zip(batch) {
            assert_eq!(position, index.position(text, *offset), "offset {offset}");
        }
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
