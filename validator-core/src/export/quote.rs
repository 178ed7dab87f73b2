//! Quoting for each target language, so every value reaches the tool exactly as written.
//!
//! Small functions of our own rather than a crate: `shell-escape` leaves "safe" words bare and
//! its Windows mode targets `cmd.exe`, not PowerShell; none covers PowerShell's typographic quote
//! characters, Bicep or ARM's `[[`. The rules are those of `shared/reference/quoting.md`.

use serde_json::Value;

/// A bash word holding `value` literally: `'…'`, with each `'` written `'\''`. Single quotes
/// stop every expansion (`$`, backticks, `\`, history `!`); nothing else does in an interactive
/// shell, so every value is quoted, even plain ones. Control characters are written as
/// `$'\xHH'` pieces: pasted raw into a terminal they would edit the line (DEL erases, TAB
/// completes, CR becomes LF) instead of reaching the command.
pub fn bash(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    let mut open = false;
    for c in value.chars() {
        if c.is_control() {
            if open {
                out.push('\'');
                open = false;
            }
            out.push_str("$'");
            let mut bytes = [0u8; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("\\x{b:02x}"));
            }
            out.push('\'');
            continue;
        }
        if !open {
            out.push('\'');
            open = true;
        }
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    if open || out.is_empty() {
        if !open {
            out.push('\'');
        }
        out.push('\'');
    }
    out
}

/// PowerShell treats these as single quotes too (`CharTraits.IsSingleQuote`), so a value
/// holding `’` would end a `'…'` string early unless it is doubled.
pub fn is_powershell_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

/// A PowerShell verbatim string: `'…'` with every single-quote character doubled, as
/// PowerShell's own `CodeGeneration.EscapeSingleQuotedStringContent` does. A value with
/// control characters becomes `('…' + [char]0x7F + '…')`, which Windows PowerShell 5.1 reads
/// too (it lacks `` `u{…} ``), so none reaches the terminal raw.
pub fn powershell(value: &str) -> String {
    if !value.chars().any(char::is_control) {
        return powershell_plain(value);
    }
    let mut parts = Vec::new();
    let mut run = String::new();
    for c in value.chars() {
        if c.is_control() {
            if !run.is_empty() {
                parts.push(powershell_plain(&std::mem::take(&mut run)));
            }
            parts.push(format!("[char]0x{:02X}", c as u32));
        } else {
            run.push(c);
        }
    }
    if !run.is_empty() {
        parts.push(powershell_plain(&run));
    }
    if parts.len() == 1 {
        // `[char]` alone is a char, not a string.
        parts.insert(0, "''".to_owned());
    }
    format!("({})", parts.join(" + "))
}

fn powershell_plain(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        out.push(c);
        if is_powershell_single_quote(c) {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// Text for a comment line: control characters shown as escapes (raw, a DEL could erase the
/// `#` of a pasted comment and turn the rest into code).
pub fn comment(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Characters `cmd.exe` re-reads when PowerShell on Windows calls `az` (a batch file,
/// `az.cmd`): such values cannot be passed on its command line reliably.
pub fn unsafe_for_az_cmd(value: &str) -> bool {
    value.is_empty() || value.contains(['"', '&', '|', '<', '>', '^', '%', '\n', '\r'])
}

/// A Bicep single-line string literal, escaped as Bicep's own `EscapeBicepString`.
pub fn bicep(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' if chars.peek() == Some(&'{') => out.push_str("\\$"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A Bicep multi-line string (`'''…'''`, verbatim) when it reads better and can hold the value:
/// several lines, no `'''` inside, no trailing `'`, and no control characters but newline and
/// tab (a verbatim string cannot escape them, and editors may rewrite a bare CR).
pub fn bicep_multiline(value: &str) -> Option<String> {
    let fits = value.contains('\n')
        && !value.contains("'''")
        && !value.ends_with('\'')
        && value
            .chars()
            .all(|c| c == '\n' || c == '\t' || !c.is_control());
    // The newline right after the opening quotes is not part of the value.
    fits.then(|| format!("'''\n{value}'''"))
}

/// A Bicep object key: bare when it is an identifier, quoted otherwise (resource IDs, keys with
/// dots or dashes, and the literals `true`, `false`, `null`).
pub fn bicep_key(key: &str) -> String {
    let mut chars = key.chars();
    let identifier = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !matches!(key, "true" | "false" | "null" | "if" | "for" | "in");
    if identifier {
        key.to_owned()
    } else {
        bicep(key)
    }
}

/// Pretty JSON (two-space indent, LF) with every non-ASCII character written `\uXXXX`:
/// readers that guess an encoding (Windows PowerShell 5.1 reads BOM-less files as ANSI) then
/// decode it identically, and no typographic quote can end a PowerShell here-string.
pub fn json_ascii(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).expect("a JSON value always serializes");
    if text.chars().all(|c| c.is_ascii() && c != '\u{7f}') {
        return text;
    }
    // Outside strings serde_json writes ASCII only, so every non-ASCII char is inside a string,
    // where an escape means the same character.
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        // DEL is ASCII but a terminal takes it for a key; serde_json leaves it raw.
        if c.is_ascii() && c != '\u{7f}' {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// True when ARM would evaluate the string as an expression (`[…]`, not starting `[[`).
pub fn is_arm_expression(text: &str) -> bool {
    text.starts_with('[') && text.ends_with(']') && !text.starts_with("[[")
}

/// A literal string as an ARM template must write it: a string that starts with `[` and ends
/// with `]` would be evaluated, so it gets a second `[` (ARM removes one).
pub fn arm_literal(text: &str) -> String {
    if text.starts_with('[') && text.ends_with(']') {
        format!("[{text}")
    } else {
        text.to_owned()
    }
}

/// Reverses [`arm_literal`]: the value ARM gives an escaped literal.
pub fn arm_unescape(text: &str) -> Option<String> {
    (text.starts_with("[[") && text.ends_with(']')).then(|| text[1..].to_owned())
}

/// Applies `f` to every string and object key in a value (ARM evaluates both).
pub fn map_strings(value: &Value, f: &dyn Fn(&str) -> String) -> Value {
    match value {
        Value::String(s) => Value::String(f(s)),
        Value::Array(items) => Value::Array(items.iter().map(|v| map_strings(v, f)).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (f(k), map_strings(v, f))).collect())
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The test vectors of quoting.md §6.
    #[test]
    fn bash_and_powershell_match_the_reference_vectors() {
        let cases = [
            ("my-rg", "'my-rg'", "'my-rg'"),
            ("it's", r"'it'\''s'", "'it''s'"),
            (
                "$HOME `uname` $(id)",
                "'$HOME `uname` $(id)'",
                "'$HOME `uname` $(id)'",
            ),
            (
                "exclude:$_.Title -like '*Preview*'",
                r"'exclude:$_.Title -like '\''*Preview*'\'''",
                "'exclude:$_.Title -like ''*Preview*'''",
            ),
            ("don\u{2019}t", "'don\u{2019}t'", "'don\u{2019}\u{2019}t'"),
            ("", "''", "''"),
            (
                "a\tb\u{7f}",
                "'a'$'\\x09''b'$'\\x7f'",
                "('a' + [char]0x09 + 'b' + [char]0x7F)",
            ),
            ("\n", "$'\\x0a'", "('' + [char]0x0A)"),
            (
                r"C:\buildArtifacts\index.html",
                r"'C:\buildArtifacts\index.html'",
                r"'C:\buildArtifacts\index.html'",
            ),
        ];
        for (value, b, p) in cases {
            assert_eq!(bash(value), b);
            assert_eq!(powershell(value), p);
        }
    }

    #[test]
    fn bicep_escapes_as_the_decompiler_does() {
        assert_eq!(bicep(r#"echo "${HOME}""#), r#"'echo "\${HOME}"'"#);
        assert_eq!(
            bicep("exclude:$_.Title -like '*Preview*'"),
            r"'exclude:$_.Title -like \'*Preview*\''"
        );
        assert_eq!(bicep("a\\b\n$x"), r"'a\\b\n$x'");
        assert_eq!(bicep_multiline("a\nb"), Some("'''\na\nb'''".to_owned()));
        assert_eq!(bicep_multiline("one line"), None);
        assert_eq!(bicep_multiline("a\n'''"), None);
        assert_eq!(bicep_key("runOutputName"), "runOutputName");
        assert_eq!(bicep_key("/subscriptions/x"), "'/subscriptions/x'");
        assert_eq!(bicep_key("null"), "'null'");
    }

    #[test]
    fn json_is_ascii_and_arm_literals_round_trip() {
        let v = serde_json::json!({"k\u{e9}": "\u{1F600} \u{2019}"});
        let text = json_ascii(&v);
        assert!(text.is_ascii());
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
        for s in ["[ -d /opt ]", "[[x]", "[x", "plain", "[]"] {
            let escaped = arm_literal(s);
            assert!(!is_arm_expression(&escaped));
            let back = arm_unescape(&escaped).unwrap_or(escaped);
            assert_eq!(back, s);
        }
    }
}
