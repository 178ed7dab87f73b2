//! The open documents, kept in step with the editor by incremental changes: the client sends
//! what changed (a range and its new text) rather than the whole text on every keystroke.

use std::collections::HashMap;
use std::sync::Arc;

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::position;

/// One open document.
#[derive(Debug, Clone)]
pub struct Document {
    pub version: i32,
    /// Shared with the checker thread: a check gets the text without copying it again.
    pub text: Arc<str>,
}

/// The open documents by URI (as text: `Uri` caches its parts in cells, which makes a poor
/// map key).
#[derive(Debug, Default)]
pub struct Documents {
    open: HashMap<String, Document>,
}

impl Documents {
    pub fn open(&mut self, uri: Uri, version: i32, text: String) -> &Document {
        let document = Document {
            version,
            text: text.into(),
        };
        let key = uri.as_str().to_owned();
        self.open.insert(key.clone(), document);
        &self.open[&key]
    }

    /// Applies the changes in order (each one's range is in the text the previous left) and
    /// returns the document, or `None` for a document that is not open.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) -> Option<&Document> {
        let document = self.open.get_mut(uri.as_str())?;
        let mut text = String::from(&*document.text);
        for change in changes {
            apply(&mut text, change);
        }
        document.text = text.into();
        document.version = version;
        Some(document)
    }

    pub fn close(&mut self, uri: &Uri) {
        self.open.remove(uri.as_str());
    }

    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.open.get(uri.as_str())
    }
}

/// One change: its range replaced, or without a range the whole text.
fn apply(text: &mut String, change: TextDocumentContentChangeEvent) {
    match change.range {
        Some(range) => {
            let replaced = position::byte_range(text, range);
            text.replace_range(replaced, &change.text);
        }
        None => *text = change.text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    #[test]
    fn changes_apply_in_order_in_utf16_ranges() {
        let mut documents = Documents::default();
        let uri: Uri = "file:///t.json".parse().unwrap();
        documents.open(uri.clone(), 1, "{\"😀\": 1}".into());
        let change = |line, from, to, text: &str| TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(line, from),
                Position::new(line, to),
            )),
            range_length: None,
            text: text.into(),
        };
        // After the emoji (two units): replace `1` with `23`, then insert before it.
        let document = documents
            .change(&uri, 2, vec![change(0, 7, 8, "23"), change(0, 7, 7, "-")])
            .unwrap();
        assert_eq!(&*document.text, "{\"😀\": -23}");
        assert_eq!(document.version, 2);
        let unknown: Uri = "file:///other.json".parse().unwrap();
        assert!(documents.change(&unknown, 1, Vec::new()).is_none());
    }
}
