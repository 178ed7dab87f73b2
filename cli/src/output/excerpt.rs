//! The part of a source line that text output shows under a diagnostic, escaped, with the
//! caret's place in it.
//!
//! Templates can be megabytes on one line, so a long line is cut to a window around the caret
//! (marked with `…`), and only that window is ever walked: the cost does not grow with the line.

use std::ops::Range;

use super::escape::push_escaped;

/// Lines of at most this many characters are shown whole; longer ones are cut to this many.
const WIDTH: usize = 300;
/// Characters kept before the caret when a line is cut.
const BEFORE: usize = 100;

/// An escaped excerpt of a line and the caret's byte range in it (on character boundaries).
#[derive(Debug, PartialEq, Eq)]
pub struct Excerpt {
    pub text: String,
    pub caret: Range<usize>,
}

/// The excerpt of `line` around the byte range `start..end` (clamped to the line and to
/// character boundaries, so any offsets are safe).
pub fn excerpt(line: &str, start: usize, end: usize) -> Excerpt {
    let start = floor_char_boundary(line, start);
    let end = floor_char_boundary(line, end).max(start);
    let (from, to) = if line.char_indices().nth(WIDTH).is_none() {
        (0, line.len())
    } else {
        let from = line[..start]
            .char_indices()
            .rev()
            .take(BEFORE)
            .last()
            .map_or(start, |(i, _)| i);
        let to = line[from..]
            .char_indices()
            .nth(WIDTH)
            .map_or(line.len(), |(i, _)| from + i);
        (from, to)
    };
    let mut text = String::new();
    if from > 0 {
        text.push('…');
    }
    let mut caret_start = None;
    let mut caret_end = None;
    // Where the character under an empty caret went, so that the caret covers all of it.
    let mut first_char = None;
    for (i, c) in line[from..to].char_indices() {
        let at = from + i;
        let before = text.len();
        if at == start {
            caret_start = Some(before);
        }
        if at == end && end > start {
            caret_end = Some(before);
        }
        // Tabs indent JSON; show them as spaces, as rustc does, not as `\t`.
        if c == '\t' {
            text.push_str("    ");
        } else {
            push_escaped(&mut text, c);
        }
        if at == start {
            first_char = Some(text.len());
        }
    }
    let cut_end = text.len();
    if to < line.len() {
        text.push('…');
    }
    let caret_start = caret_start.unwrap_or(cut_end);
    let caret_end = match caret_end {
        Some(e) => e,
        None if end > start => cut_end,
        None => first_char.unwrap_or(cut_end),
    };
    Excerpt {
        text,
        caret: caret_start..caret_end.max(caret_start),
    }
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::{excerpt, Excerpt};

    fn shown(line: &str, start: usize, end: usize) -> (String, String) {
        let Excerpt { text, caret } = excerpt(line, start, end);
        let under = text[caret].to_owned();
        (text, under)
    }

    #[test]
    fn an_empty_caret_next_to_a_multibyte_character_covers_the_whole_character() {
        // `[1 é]`: the parser points at `é`, two bytes long.
        assert_eq!(shown("[1 é]", 3, 3), ("[1 é]".to_owned(), "é".to_owned()));
        // Offsets in the middle of a character are moved back to its start.
        assert_eq!(shown("[1 é]", 4, 4).1, "é");
        assert_eq!(shown("“a”", 1, 2).1, "“");
    }

    #[test]
    fn controls_are_escaped_and_the_caret_follows_them() {
        let line = "{\"a\":\"\u{1b}[2J\u{202E}x\"}";
        let x = line.find('x').unwrap();
        let (text, under) = shown(line, x, x + 1);
        assert_eq!(text, "{\"a\":\"\\u{1b}[2J\\u{202e}x\"}");
        assert_eq!(under, "x");
        assert_eq!(shown("\tab", 1, 2), ("    ab".to_owned(), "a".to_owned()));
    }

    #[test]
    fn a_caret_far_along_a_long_line_is_shown_in_a_window() {
        let mut line = "a".repeat(249_999);
        line.push_str("XYZ");
        line.push_str(&"b".repeat(100_000));
        let (text, under) = shown(&line, 249_999, 250_002);
        assert_eq!(under, "XYZ");
        assert!(text.starts_with('…') && text.ends_with('…'));
        assert_eq!(text.chars().count(), 302);
        // At the end of the line, the caret is empty after the last character.
        let Excerpt { text, caret } = excerpt(&line, line.len(), line.len());
        assert_eq!(caret, text.len()..text.len());
    }
}
