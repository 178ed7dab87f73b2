//! `aib lsp`: a Language Server Protocol server over standard input and output, so that any
//! editor with an LSP client checks image templates as they are typed.
//!
//! It publishes the core's diagnostics for open documents holding an image template (and
//! nothing for other JSON), offers every fix as a quick fix plus "fix all of this kind",
//! shows the spec's help and the API versions that have a property on hover (and `aib explain`
//! over a diagnostic), completes property names, enum values and step snippets, and formats
//! keeping comments and key order.
//!
//! **Why `lsp-server` and `lsp-types`.** They are rust-analyzer's own transport and protocol
//! types, kept by its team and used by one of the most demanding LSP servers there is. The
//! transport is synchronous: messages arrive on a crossbeam channel, which suits a server whose
//! only slow work is one CPU-bound check, done on a thread of its own. `tower-lsp` would bring
//! an async runtime (tokio) and its futures for no gain here, and tests would need a runtime
//! too; with `lsp-server` a test drives the real server through `Connection::memory()`.
//!
//! **Threads.** The message loop ([`server`]) keeps the documents and answers requests; it
//! hands every new text to the checker thread ([`checker`]), which waits for typing to pause,
//! drops superseded texts and publishes. The loop does not check a document as it changes, so a
//! large one never holds up hover, completion or the next keystroke; it runs checks only for a
//! "fix all" the user chose (`actions`), and offers one to a client that can resolve it later
//! without running any. Hover and completion lex the text before the caret, in time linear in
//! it (about 6 ms at 1 MB, `benches/lsp.rs`).
//!
//! **Rule links.** A diagnostic's `codeDescription` links to the rule's page in the designer,
//! `<designer>/#/rules/AIB030`: the same documentation as `aib explain`, at an address the
//! designer's router keeps stable. The designer is served wherever its users put it, so the
//! base is the address `scripts/serve.sh` serves unless the client's `initializationOptions`
//! give `ruleDocs` (for example `"https://designer.example.org/#/rules/"`); hovering a
//! diagnostic shows the whole rule without any link.

mod actions;
mod checker;
mod completion;
mod diagnostics;
mod documents;
mod formatting;
mod hover;
pub mod position;
mod server;

use std::time::Duration;

pub use server::run;

/// How the server behaves beyond what the client asks.
#[derive(Debug, Clone)]
pub struct Config {
    /// How long typing must pause before a check starts: texts that arrive meanwhile replace
    /// the waiting one, so a burst of keystrokes costs one check.
    pub debounce: Duration,
}

impl Default for Config {
    fn default() -> Self {
        // Long enough to cover the gap between keystrokes of steady typing, short enough that
        // a finding appears as soon as the hands stop.
        Config {
            debounce: Duration::from_millis(150),
        }
    }
}

/// Runs the server on standard input and output until the client says `exit`.
pub fn serve_stdio(config: Config) -> Result<(), String> {
    let (connection, io_threads) = lsp_server::Connection::stdio();
    run(connection, config).map_err(|e| e.to_string())?;
    io_threads.join().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use lsp_types::Position;
    use proptest::prelude::*;

    use super::diagnostics::Checked;
    use super::{completion, formatting, hover, position};

    /// Text made of what trips position arithmetic and the scanners: quotes, escapes, colons,
    /// brackets, line breaks, comments, and characters of two, three and four bytes.
    fn texts() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("\"".to_owned()),
                Just("\\".to_owned()),
                Just(":".to_owned()),
                Just("{".to_owned()),
                Just("}".to_owned()),
                Just("[".to_owned()),
                Just(",".to_owned()),
                Just("\n".to_owned()),
                Just("\r\n".to_owned()),
                Just("//".to_owned()),
                Just("/*".to_owned()),
                Just("é".to_owned()),
                Just("€".to_owned()),
                Just("😀".to_owned()),
                Just("\"properties\"".to_owned()),
                Just("\"customize\"".to_owned()),
                Just("\"type\"".to_owned()),
                "[a-z ]{0,4}",
            ],
            0..40,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn no_text_and_no_position_makes_a_request_panic(
            text in texts(),
            line in 0u32..8,
            character in 0u32..40,
        ) {
            let at = Position::new(line, character);
            let text: Arc<str> = text.into();
            let checked = Checked::new(text.clone(), &Default::default());
            let _ = hover::at(&text, at, Some(&checked), None);
            let _ = hover::at(&text, at, None, None);
            let _ = completion::at(&text, at, Some(&checked));
            let _ = formatting::format(&text);
            let offset = position::offset(&text, at);
            prop_assert!(text.is_char_boundary(offset));
            prop_assert!(position::offset(&text, position::position(&text, offset)) == offset);
        }
    }
}
