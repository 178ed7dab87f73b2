//! Format document: re-indents a JSON text (two spaces a level, one member or item a line),
//! keeping everything the user wrote: comments, key order, duplicate keys, trailing commas,
//! and even text that is not valid JSON. It works on the tokens, not on a parsed value, so it
//! never loses what a value cannot hold; only the whitespace between tokens changes.
//!
//! ```
//! let text = "{\"a\": [1,2], // why\n\"b\": {}}";
//! assert_eq!(
//!     validator_core::format::format(text),
//!     "{\n  \"a\": [\n    1,\n    2\n  ], // why\n  \"b\": {}\n}\n"
//! );
//! ```

const INDENT: &str = "  ";

use crate::lex::{self, Token};

/// The text re-indented, ending with one line break; an empty text stays empty.
pub fn format(text: &str) -> String {
    let tokens: Vec<Token> = lex::tokens(text).into_iter().map(|(_, t)| t).collect();
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut depth: usize = 0;
    for (i, token) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1).copied();
        match *token {
            Token::Open(c) => {
                out.push(c as char);
                // `{}` and `[]` stay as they are.
                if matches!(next, Some(Token::Close(_))) {
                    continue;
                }
                depth += 1;
                line_break(&mut out, depth, next);
            }
            Token::Close(c) => {
                let empty = i > 0 && matches!(tokens[i - 1], Token::Open(_));
                if !empty {
                    depth = depth.saturating_sub(1);
                    trim_line_end(&mut out);
                    if !out.ends_with('\n') && !out.is_empty() {
                        new_line(&mut out, depth);
                    } else {
                        indent_here(&mut out, depth);
                    }
                }
                out.push(c as char);
                after_value(&mut out, depth, next);
            }
            Token::Comma => {
                trim_line_end(&mut out);
                out.push(',');
                line_break(&mut out, depth, next);
            }
            Token::Colon => out.push_str(": "),
            Token::Word(word) => {
                out.push_str(word);
                after_value(&mut out, depth, next);
            }
            Token::LineComment(comment) | Token::Unclosed(comment) => {
                out.push_str(comment);
                new_line(&mut out, depth_after(depth, next));
            }
            Token::BlockComment(comment) => {
                out.push_str(comment);
                after_value(&mut out, depth, next);
            }
        }
    }
    trim_line_end(&mut out);
    while out.ends_with('\n') {
        out.pop();
        trim_line_end(&mut out);
    }
    // A final line break would join a comment the text never closes.
    let ends_open = matches!(tokens.last(), Some(Token::Unclosed(t)) if t.starts_with("/*"));
    if !out.is_empty() && !ends_open {
        out.push('\n');
    }
    out
}

/// After a value or a block comment: a space before a comment (or an unclosed string) that
/// follows on the line, a line break before the next value (a missing comma), nothing before
/// punctuation.
fn after_value(out: &mut String, depth: usize, next: Option<Token>) {
    match next {
        Some(Token::LineComment(_) | Token::BlockComment(_) | Token::Unclosed(_)) => out.push(' '),
        Some(Token::Word(_) | Token::Open(_)) => new_line(out, depth),
        _ => {}
    }
}

/// After `{`, `[` or `,`: a comment stays on the same line; anything else starts a new one.
fn line_break(out: &mut String, depth: usize, next: Option<Token>) {
    match next {
        Some(Token::LineComment(_) | Token::BlockComment(_)) => out.push(' '),
        _ => new_line(out, depth_after(depth, next)),
    }
}

/// The depth of the line that `next` starts: one less for a closing bracket.
fn depth_after(depth: usize, next: Option<Token>) -> usize {
    match next {
        Some(Token::Close(_)) => depth.saturating_sub(1),
        _ => depth,
    }
}

fn new_line(out: &mut String, depth: usize) {
    trim_line_end(out);
    out.push('\n');
    indent_here(out, depth);
}

/// Indents the current (empty) line to `depth`.
fn indent_here(out: &mut String, depth: usize) {
    let line_start = out.rfind('\n').map_or(0, |i| i + 1);
    out.truncate(line_start);
    for _ in 0..depth {
        out.push_str(INDENT);
    }
}

fn trim_line_end(out: &mut String) {
    let kept = out.trim_end_matches([' ', '\t']).len();
    out.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The text without the whitespace between tokens: what formatting must keep.
    fn content(text: &str) -> String {
        lex::tokens(text)
            .iter()
            .map(|(_, t)| t)
            .map(|t| match t {
                Token::Open(c) | Token::Close(c) => (*c as char).to_string(),
                Token::Comma => ",".into(),
                Token::Colon => ":".into(),
                Token::Word(w)
                | Token::LineComment(w)
                | Token::BlockComment(w)
                | Token::Unclosed(w) => w.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\u{0}")
    }

    #[test]
    fn comments_stay_where_they_were() {
        let text =
            "{ /* head */ \"a\": 1, // after a\n \"b\": [ // list\n 1, 2 /* two */ ], \"c\": {} }";
        assert_eq!(
            format(text),
            "{ /* head */\n  \"a\": 1, // after a\n  \"b\": [ // list\n    1,\n    2 /* two */\n  ],\n  \"c\": {}\n}\n"
        );
    }

    #[test]
    fn pretty_printed_json_is_already_formatted() {
        let value = serde_json::json!({"a": [1, {"b": null}], "c": "d", "e": {}, "f": []});
        let pretty = serde_json::to_string_pretty(&value).unwrap() + "\n";
        assert_eq!(format(&pretty), pretty);
        assert_eq!(format(&format(&pretty)), pretty);
    }

    proptest! {
        #[test]
        fn any_text_keeps_its_tokens(text in ".{0,200}") {
            let formatted = format(&text);
            prop_assert_eq!(content(&formatted), content(&text));
        }

        #[test]
        fn json_ish_text_keeps_its_tokens(text in r#"[\[\]{}:, "a-z0-9/*\n\\]{0,200}"#) {
            let formatted = format(&text);
            prop_assert_eq!(content(&formatted), content(&text));
        }
    }
}
