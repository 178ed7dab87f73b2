//! Escapes what a terminal would obey instead of show.
//!
//! A template's values, keys and lines, and the names of files, reach the terminal in text
//! output. Control characters in them (ESC, BEL, CR, ...) could clear the screen, retitle the
//! window or overwrite diagnostics, and bidirectional controls (U+202E, ...) could show text in
//! another order than the file holds. Like rustc, `aib` shows each of them as an escape:
//! `\t`, `\n`, `\r`, and `\u{1b}` (Rust's notation, lowercase hex) for the others.

use std::borrow::Cow;

/// Whether `c` is shown escaped: Unicode controls (category Cc: C0, DEL, C1), the bidirectional
/// formatting characters, the line and paragraph separators, and the zero-width joiner (which
/// annotate-snippets would silently drop from a source line).
pub fn is_escaped(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200D}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// `text` with every [`is_escaped`] character written as an escape.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

/// Appends `c`, escaped when [`is_escaped`].
pub fn push_escaped(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if is_escaped(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn controls_and_bidi_are_escaped_and_the_rest_kept() {
        assert_eq!(
            escape("\u{1b}]0;pwned\u{7}\u{1b}[2J"),
            "\\u{1b}]0;pwned\\u{7}\\u{1b}[2J"
        );
        assert_eq!(escape("a\tb\r\nc"), "a\\tb\\r\\nc");
        assert_eq!(escape("abc\u{202E}def"), "abc\\u{202e}def");
        assert_eq!(escape("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(escape("é “quoted” \u{a0}"), "é “quoted” \u{a0}");
    }
}
