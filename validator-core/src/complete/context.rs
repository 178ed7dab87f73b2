//! Where the caret is in a JSON text being typed: the path of the object or array around it,
//! and whether a property name or a value goes there.
//!
//! It reads only the text before the caret, as tokens (`lex`, which Format uses too) rather
//! than with the lenient parser: text being typed is rarely complete (`{"properties": {"bu`),
//! and all that matters is the stack of open objects and arrays, which one pass over the
//! tokens finds whatever follows.

use crate::lex::{self, Token};

/// What goes at the caret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A property name of the object at [`Context::path`].
    Key,
    /// The value at [`Context::path`] (a member's value or an array item).
    Value,
}

/// The caret's place in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// JSON pointer tokens (unescaped) of the object whose key is typed ([`Place::Key`]), or of
    /// the value typed ([`Place::Value`]).
    pub path: Vec<String>,
    pub place: Place,
    /// What is typed of the token at the caret, from its first character (its opening quote
    /// for a string): completions replace it.
    pub typed: String,
    /// The keys already written before the caret in the object around it.
    pub siblings: Vec<String>,
    /// The `type` written before the caret in the object around it, which picks the kind of a
    /// customizer, source or distributor.
    pub own_type: Option<String>,
}

/// The caret's context at the end of `before` (the text before the caret), or `None` where
/// nothing can be completed: inside a comment, after a complete value, past the document.
///
/// ```
/// use validator_core::complete::context::{at, Place};
/// let context = at(r#"{"properties": {"bu"#).unwrap();
/// assert_eq!(context.path, ["properties"]);
/// assert_eq!(context.place, Place::Key);
/// assert_eq!(context.typed, "\"bu");
/// ```
pub fn at(before: &str) -> Option<Context> {
    let tokens = lex::tokens(before);
    let mut scanner = Scanner::default();
    for (i, &(start, token)) in tokens.iter().enumerate() {
        let last = i + 1 == tokens.len();
        // Whether the caret is still inside this token: nothing but spaces (no line break)
        // follows it, or for a literal, nothing at all.
        let caret_inside = |text: &str| last && !before[start + text.len()..].contains('\n');
        match token {
            Token::Open(b'{') => scanner.open(Frame::object()),
            Token::Open(_) => scanner.open(Frame::Array {
                index: 0,
                awaiting_value: true,
            }),
            Token::Close(_) => scanner.close(),
            Token::Colon => scanner.colon(),
            Token::Comma => scanner.comma(),
            Token::LineComment(text) if caret_inside(text) => return None,
            Token::LineComment(_) | Token::BlockComment(_) => {}
            // A block comment never closed: the caret is in it.
            Token::Unclosed(text) if !text.starts_with('"') => return None,
            Token::Unclosed(text) if caret_inside(text) => return scanner.caret(&before[start..]),
            // A string left open at a line break ends there: the user moved on.
            Token::Unclosed(text) => scanner.string(unescape(text)),
            Token::Word(text) if text.starts_with('"') => scanner.string(unescape(text)),
            Token::Word(text) if last && start + text.len() == before.len() => {
                return scanner.caret(text)
            }
            Token::Word(_) => scanner.literal(),
        }
    }
    scanner.caret("")
}

#[derive(Debug)]
enum Frame {
    Object {
        key: Option<String>,
        expecting: Expect,
        keys: Vec<String>,
        own_type: Option<String>,
    },
    Array {
        index: usize,
        awaiting_value: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Key,
    Colon,
    Value,
    Comma,
}

impl Frame {
    fn object() -> Self {
        Frame::Object {
            key: None,
            expecting: Expect::Key,
            keys: Vec::new(),
            own_type: None,
        }
    }

    /// The pointer token of the value being written in this container.
    fn token(&self) -> Option<String> {
        match self {
            Frame::Object { key, .. } => key.clone(),
            Frame::Array { index, .. } => Some(index.to_string()),
        }
    }
}

#[derive(Debug, Default)]
struct Scanner {
    frames: Vec<Frame>,
    /// The top-level value is complete: nothing more can be written.
    done: bool,
}

impl Scanner {
    /// A complete value was written in the innermost container.
    fn value_written(&mut self) {
        match self.frames.last_mut() {
            Some(Frame::Object { expecting, .. }) => *expecting = Expect::Comma,
            Some(Frame::Array { awaiting_value, .. }) => *awaiting_value = false,
            None => self.done = true,
        }
    }

    fn open(&mut self, frame: Frame) {
        self.frames.push(frame);
    }

    fn close(&mut self) {
        if self.frames.pop().is_some() {
            self.value_written();
        }
    }

    fn colon(&mut self) {
        if let Some(Frame::Object { expecting, .. }) = self.frames.last_mut() {
            if *expecting == Expect::Colon {
                *expecting = Expect::Value;
            }
        }
    }

    fn comma(&mut self) {
        match self.frames.last_mut() {
            Some(Frame::Object { key, expecting, .. }) => {
                *key = None;
                *expecting = Expect::Key;
            }
            Some(Frame::Array {
                index,
                awaiting_value,
            }) => {
                *index += 1;
                *awaiting_value = true;
            }
            None => {}
        }
    }

    fn string(&mut self, text: String) {
        match self.frames.last_mut() {
            // A string where a comma was due starts the next member: the comma is missing.
            Some(Frame::Object {
                key,
                expecting: expecting @ (Expect::Key | Expect::Comma),
                keys,
                ..
            }) => {
                keys.push(text.clone());
                *key = Some(text);
                *expecting = Expect::Colon;
            }
            Some(Frame::Object {
                key,
                expecting: Expect::Value,
                own_type,
                ..
            }) => {
                if key.as_deref() == Some("type") {
                    *own_type = Some(text);
                }
                self.value_written();
            }
            _ => self.value_written(),
        }
    }

    fn literal(&mut self) {
        self.value_written();
    }

    /// The context for a caret after `typed` (the start of a token, possibly empty).
    fn caret(&self, typed: &str) -> Option<Context> {
        let place = match self.frames.last() {
            None if !self.done && typed.is_empty() => Place::Value,
            None => return None,
            Some(Frame::Object { expecting, .. }) => match expecting {
                Expect::Key => Place::Key,
                Expect::Value => Place::Value,
                // A string typed where a comma was due is the next key.
                Expect::Comma if typed.starts_with('"') => Place::Key,
                Expect::Colon | Expect::Comma => return None,
            },
            Some(Frame::Array { awaiting_value, .. }) => {
                if !awaiting_value {
                    return None;
                }
                Place::Value
            }
        };
        // The path of the object being keyed, or of the value being written.
        let mut path = Vec::with_capacity(self.frames.len());
        let containers = match place {
            Place::Key => self.frames.len() - 1,
            Place::Value => self.frames.len(),
        };
        for frame in &self.frames[..containers] {
            path.push(frame.token()?);
        }
        let (siblings, own_type) = match self.frames.last() {
            Some(Frame::Object { keys, own_type, .. }) if place == Place::Key => {
                (keys.clone(), own_type.clone())
            }
            _ => (Vec::new(), None),
        };
        Some(Context {
            path,
            place,
            typed: typed.to_owned(),
            siblings,
            own_type,
        })
    }
}

/// The text of a string token (with its quotes); one with a bad escape is taken as written.
fn unescape(token: &str) -> String {
    serde_json::from_str(token).unwrap_or_else(|_| {
        token
            .trim_start_matches('"')
            .trim_end_matches('"')
            .to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &[&str], typed: &str) -> Option<(Vec<String>, Place, String)> {
        Some((
            path.iter().map(|s| s.to_string()).collect(),
            Place::Key,
            typed.into(),
        ))
    }

    fn value(path: &[&str], typed: &str) -> Option<(Vec<String>, Place, String)> {
        Some((
            path.iter().map(|s| s.to_string()).collect(),
            Place::Value,
            typed.into(),
        ))
    }

    fn place(before: &str) -> Option<(Vec<String>, Place, String)> {
        at(before).map(|c| (c.path, c.place, c.typed))
    }

    #[test]
    fn a_key_being_typed_in_a_nested_object() {
        assert_eq!(place(r#"{"properties": {""#), key(&["properties"], "\""));
        assert_eq!(
            place("{\n  \"properties\": {\n    "),
            key(&["properties"], "")
        );
        assert_eq!(
            place(r#"{"a": 1, "properties": {"x": true, "bu"#),
            key(&["properties"], "\"bu")
        );
    }

    #[test]
    fn values_in_objects_and_arrays() {
        assert_eq!(
            place(r#"{"properties": {"customize": [{"type": "Sh"#),
            value(&["properties", "customize", "0", "type"], "\"Sh")
        );
        assert_eq!(
            place(r#"{"properties": {"customize": [{}, "#),
            value(&["properties", "customize", "1"], "")
        );
        assert_eq!(place(r#"{"a": tr"#), value(&["a"], "tr"));
        assert_eq!(place(""), value(&[], ""));
    }

    #[test]
    fn nothing_to_complete_after_a_value_in_a_comment_or_past_the_end() {
        assert_eq!(place(r#"{"a": 1 "#), None);
        assert_eq!(place(r#"{"a" "#), None);
        assert_eq!(place("{ // a comment "), None);
        assert_eq!(place("{ /* open "), None);
        assert_eq!(place("{} "), None);
    }

    #[test]
    fn comments_escapes_and_closed_containers_are_skipped() {
        let before =
            "{\n  // \"x\": {\n  \"a\": \"q\\\"{[\", /* { */ \"b\": [1, {\"c\": 2}],\n  \"";
        assert_eq!(place(before), key(&[], "\""));
        assert_eq!(at(before).unwrap().siblings, ["a", "b"]);
    }

    #[test]
    fn the_objects_type_and_a_missing_comma() {
        let context = at(r#"{"type": "Shell", "name": "x" "in"#).unwrap();
        assert_eq!(context.place, Place::Key);
        assert_eq!(context.own_type.as_deref(), Some("Shell"));
        assert_eq!(context.siblings, ["type", "name"]);
    }

    #[test]
    fn multibyte_text_never_splits_a_character() {
        assert_eq!(place("{\"é\": \"ü"), value(&["é"], "\"ü"));
        assert_eq!(place("{\"é\": ü"), value(&["é"], "ü"));
    }
}
