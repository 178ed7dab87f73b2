//! The tokens of a JSON text as people write it (comments, missing commas, strings left open),
//! for what needs the text's shape but not its value: Format re-indents between them, and
//! completion finds where the caret is. Never fails: any text is a list of tokens, and the
//! text between them is only whitespace.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token<'t> {
    Open(u8),
    Close(u8),
    Comma,
    Colon,
    /// A string, a literal or anything else that is one run of text.
    Word(&'t str),
    LineComment(&'t str),
    BlockComment(&'t str),
    /// A string or block comment the text never closes: whatever follows must stay on
    /// another line, or it would join it.
    Unclosed(&'t str),
}

pub(crate) fn tokens(text: &str) -> Vec<(usize, Token<'_>)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        match bytes[i] {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            b'{' | b'[' => {
                out.push((start, Token::Open(bytes[i])));
                i += 1;
            }
            b'}' | b']' => {
                out.push((start, Token::Close(bytes[i])));
                i += 1;
            }
            b',' => {
                out.push((start, Token::Comma));
                i += 1;
            }
            b':' => {
                out.push((start, Token::Colon));
                i += 1;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                out.push((start, Token::LineComment(text[start..i].trim_end())));
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => match text[i + 2..].find("*/") {
                Some(n) => {
                    i += 2 + n + 2;
                    out.push((start, Token::BlockComment(&text[start..i])));
                }
                None => {
                    i = bytes.len();
                    out.push((start, Token::Unclosed(text[start..].trim_end())));
                }
            },
            b'"' => {
                i += 1;
                let mut closed = false;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' if bytes.get(i + 1) != Some(&b'\n') => i += 2,
                        b'"' => {
                            i += 1;
                            closed = true;
                            break;
                        }
                        // An unterminated string ends at its line: the rest is other tokens.
                        b'\n' => break,
                        _ => i += 1,
                    }
                }
                i = i.min(bytes.len());
                let token = &text[start..i];
                // Spaces ending an unterminated string are the line's, not the string's.
                out.push((
                    start,
                    if closed {
                        Token::Word(token)
                    } else {
                        Token::Unclosed(token.trim_end_matches([' ', '\t', '\r']))
                    },
                ));
            }
            _ => {
                while i < bytes.len()
                    && !matches!(
                        bytes[i],
                        b' ' | b'\t'
                            | b'\r'
                            | b'\n'
                            | b'{'
                            | b'}'
                            | b'['
                            | b']'
                            | b','
                            | b':'
                            | b'"'
                    )
                    && !(bytes[i] == b'/' && matches!(bytes.get(i + 1), Some(b'/' | b'*')))
                {
                    i += 1;
                }
                out.push((start, Token::Word(&text[start..i])));
            }
        }
    }
    out
}
