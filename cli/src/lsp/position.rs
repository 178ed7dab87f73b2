//! Between the core's byte offsets and LSP positions: a line from 0 and a column counted in
//! UTF-16 code units, as the protocol requires by default (a `é` is one unit and two bytes, an
//! emoji two units and four bytes). Lines end at `\n`; a `\r` before it belongs to the line's
//! end and is never inside a column a client sends.

use lsp_types::{Position, Range};
use validator_core::parse::LineIndex;

/// The byte offset of `position` in `text`. A line past the end gives the text's end, a column
/// past the line's end gives the line's end, and a column inside a surrogate pair gives the
/// character's start: clients send stale or odd positions, and none may crash the server.
pub fn offset(text: &str, position: Position) -> usize {
    let Some(line_start) = line_start(text, position.line as usize) else {
        return text.len();
    };
    let line = &text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let mut units = 0usize;
    for (i, c) in line.char_indices() {
        if units + c.len_utf16() > position.character as usize {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    line_start + line.len()
}

/// The byte offset where line `line` (from 0) starts, if the text has that line.
fn line_start(text: &str, line: usize) -> Option<usize> {
    if line == 0 {
        return Some(0);
    }
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .nth(line - 1)
        .map(|(i, _)| i + 1)
}

/// The byte range `start..end` of `range` in `text`, never reversed.
pub fn byte_range(text: &str, range: Range) -> std::ops::Range<usize> {
    let start = offset(text, range.start);
    let end = offset(text, range.end).max(start);
    start..end
}

/// The positions of many byte offsets, in the order given, in one pass over the text (the core's
/// [`LineIndex`], counting UTF-16 code units). Offsets past the end or inside a character are
/// taken back to the nearest character start before them.
pub fn positions(text: &str, offsets: &[usize]) -> Vec<Position> {
    LineIndex::new(text)
        .positions_in(text, offsets, |between| between.encode_utf16().count())
        .into_iter()
        // The core counts lines and columns from 1, the protocol from 0.
        .map(|p| Position::new(p.line - 1, p.column - 1))
        .collect()
}

/// The position of one byte offset.
pub fn position(text: &str, offset: usize) -> Position {
    positions(text, &[offset])[0]
}

/// The range of the byte span `start..end`.
pub fn range(text: &str, start: usize, end: usize) -> Range {
    let found = positions(text, &[start, end]);
    Range::new(found[0], found[1])
}

/// The smallest single replacement that turns `old` into `new`: the byte range of `old` to
/// replace and its replacement, found from the common start and end. Editors keep their
/// cursor, folds and undo history around text an edit does not touch, so a fix sends what it
/// changes rather than the whole document.
pub fn difference<'n>(old: &str, new: &'n str) -> (std::ops::Range<usize>, &'n str) {
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let room = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    (prefix..old.len() - suffix, &new[prefix..new.len() - suffix])
}

/// [`difference`] as an LSP edit of `old`.
pub fn text_edit(old: &str, new: &str) -> lsp_types::TextEdit {
    let (replaced, replacement) = difference(old, new);
    lsp_types::TextEdit::new(
        range(old, replaced.start, replaced.end),
        replacement.to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_code_units() {
        let text = "{\"é😀\": x,\n  \"b\": 1}";
        let x = text.find('x').unwrap();
        // `{"` 2, `é` 1, `😀` 2, `": ` 3.
        assert_eq!(position(text, x), Position::new(0, 8));
        assert_eq!(offset(text, Position::new(0, 8)), x);
        let b = text.find('b').unwrap();
        assert_eq!(position(text, b), Position::new(1, 3));
        assert_eq!(offset(text, Position::new(1, 3)), b);
    }

    #[test]
    fn odd_positions_are_clamped_not_trusted() {
        let text = "a😀b\nc";
        // Inside the surrogate pair: the emoji's start.
        assert_eq!(offset(text, Position::new(0, 2)), 1);
        assert_eq!(offset(text, Position::new(0, 99)), 6);
        assert_eq!(offset(text, Position::new(9, 0)), text.len());
        assert_eq!(position(text, 99), Position::new(1, 1));
        // Inside the emoji's bytes: its start.
        assert_eq!(position(text, 2), Position::new(0, 1));
    }

    #[test]
    fn many_offsets_in_any_order() {
        let text = "ab\ncdé\nf";
        let offsets = [text.len(), 0, 4, 3, 4];
        assert_eq!(
            positions(text, &offsets),
            [(2, 1), (0, 0), (1, 1), (1, 0), (1, 1)].map(|(l, c)| Position::new(l, c))
        );
    }

    #[test]
    fn the_difference_is_the_changed_middle() {
        assert_eq!(difference("abcXdef", "abcYYdef"), (3..4, "YY"));
        assert_eq!(difference("aaa", "aaaa"), (3..3, "a"));
        assert_eq!(difference("same", "same"), (4..4, ""));
        // Never splits a character: `é` and `è` share their first byte.
        assert_eq!(difference("xéy", "xèy"), (1..3, "è"));
        let edit = text_edit("é\n\"http:\"", "é\n\"https:\"");
        assert_eq!(
            edit.range,
            Range::new(Position::new(1, 5), Position::new(1, 5))
        );
        assert_eq!(edit.new_text, "s");
    }
}
