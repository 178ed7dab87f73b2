//! The facade over the JSON view's code editor (CodeMirror 6, `editor/json_editor.mjs`): load
//! it, create it, give it text and squiggles. The module is loaded after the form is on screen
//! (`load`), so the editor never delays the first interactive paint.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Promise, Reflect};
use validator_core::{Diagnostic, Fix, Severity};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Where the bundled editor is, beside `index.html` (written by `editor/build.mjs`).
const MODULE_URL: &str = "./codemirror.js";

#[wasm_bindgen(
    inline_js = "export function import_module(url) { return import(new URL(url, document.baseURI).href); }"
)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn import_module(url: &str) -> Result<Promise, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// The loaded module (`editor/json_editor.mjs`).
    pub type EditorModule;

    #[wasm_bindgen(method)]
    fn create(
        this: &EditorModule,
        parent: &web_sys::Element,
        label: &str,
        text: &str,
        on_change: &Closure<dyn FnMut(Array, String, u32)>,
        on_blur: &Closure<dyn FnMut()>,
        on_fix: &Closure<dyn FnMut(u32)>,
        on_complete: &Closure<dyn FnMut(String) -> String>,
        on_format: &Closure<dyn FnMut()>,
    ) -> CodeEditor;

    /// One editor on the page.
    pub type CodeEditor;

    #[wasm_bindgen(method, js_name = setText)]
    pub fn set_text(this: &CodeEditor, text: &str);

    /// The whole text (for when its changes could not be applied).
    #[wasm_bindgen(method)]
    pub fn text(this: &CodeEditor) -> String;

    #[wasm_bindgen(method, js_name = showAt)]
    fn show_at(this: &CodeEditor, offset: u32);

    #[wasm_bindgen(method, js_name = setDiagnostics)]
    fn set_diagnostics_js(this: &CodeEditor, diagnostics: &Array);

    #[wasm_bindgen(method)]
    pub fn destroy(this: &CodeEditor);
}

/// How a change was made: a paste (a drop, a cut) or typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Paste,
    Typing,
}

/// One change the editor made: the range it replaced, in UTF-16 code units of the text before
/// the change, and what it put there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub from: usize,
    pub to: usize,
    pub insert: String,
}

/// What the editor tells the app: its changes in order, how they were made, and the length
/// of its text after them (in UTF-16 code units).
pub struct Callbacks {
    pub on_change: Closure<dyn FnMut(Array, String, u32)>,
    pub on_blur: Closure<dyn FnMut()>,
    /// A finding's Fix button in its tooltip was pressed: the index of its fix in the list
    /// [`CodeEditor::set_diagnostics`] returned last.
    pub on_fix: Closure<dyn FnMut(u32)>,
    /// What may be written at the caret, given the text before it: the JSON of
    /// `{typed, options}` (see `validator_core::complete`), or an empty string for nothing.
    pub on_complete: Closure<dyn FnMut(String) -> String>,
    /// Shift+Alt+F: format the document.
    pub on_format: Closure<dyn FnMut()>,
}

impl Callbacks {
    pub fn new(
        mut on_change: impl FnMut(Vec<Change>, ChangeKind, usize) + 'static,
        on_blur: impl FnMut() + 'static,
        mut on_fix: impl FnMut(usize) + 'static,
        on_complete: impl FnMut(String) -> String + 'static,
        on_format: impl FnMut() + 'static,
    ) -> Self {
        Callbacks {
            on_change: Closure::new(move |flat: Array, kind: String, length: u32| {
                let changes = (0..flat.length() / 3)
                    .map(|i| Change {
                        from: flat.get(i * 3).as_f64().unwrap_or_default() as usize,
                        to: flat.get(i * 3 + 1).as_f64().unwrap_or_default() as usize,
                        insert: flat.get(i * 3 + 2).as_string().unwrap_or_default(),
                    })
                    .collect();
                let kind = if kind == "paste" {
                    ChangeKind::Paste
                } else {
                    ChangeKind::Typing
                };
                on_change(changes, kind, length as usize)
            }),
            on_blur: Closure::new(on_blur),
            on_fix: Closure::new(move |index: u32| on_fix(index as usize)),
            on_complete: Closure::new(on_complete),
            on_format: Closure::new(on_format),
        }
    }
}

/// The text after `changes` (ascending, not overlapping, in UTF-16 offsets of `text`), or
/// `None` if they do not fit it or the result is not `length` UTF-16 code units long: then the
/// editor and the app disagree, and the editor's whole text is the truth.
pub fn apply_changes(text: &str, changes: &[Change], length: usize) -> Option<String> {
    let mut offsets: Vec<usize> = changes.iter().flat_map(|c| [c.from, c.to]).collect();
    offsets.sort_unstable();
    let bytes = OffsetMap::new(text, &offsets, Unit::Utf16)?;
    let inserted: usize = changes.iter().map(|c| c.insert.len()).sum();
    let mut out = String::with_capacity(text.len() + inserted);
    let mut copied = 0;
    for change in changes {
        let (from, to) = (bytes.get(change.from)?, bytes.get(change.to)?);
        if from < copied || to < from {
            return None;
        }
        out.push_str(&text[copied..from]);
        out.push_str(&change.insert);
        copied = to;
    }
    out.push_str(&text[copied..]);
    let units = if out.is_ascii() {
        out.len()
    } else {
        out.encode_utf16().count()
    };
    (units == length).then_some(out)
}

/// A unit of offsets into a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    /// UTF-8 bytes: the core's spans.
    Byte,
    /// UTF-16 code units: the editor's positions.
    Utf16,
}

/// Offsets into a text in one unit, each paired with the same place in the other unit: built
/// for a sorted list of offsets in one pass over the text, up to the last of them.
struct OffsetMap {
    pairs: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// `None` if an offset is past the end of the text or inside a character.
    fn new(text: &str, sorted: &[usize], from: Unit) -> Option<Self> {
        if text.is_ascii() {
            let fits = sorted.last().is_none_or(|&last| last <= text.len());
            let pairs = sorted.iter().map(|&o| (o, o)).collect();
            return fits.then_some(OffsetMap { pairs });
        }
        let mut pairs = Vec::with_capacity(sorted.len());
        let mut wanted = sorted.iter().peekable();
        let (mut bytes, mut units) = (0, 0);
        let mut chars = text.chars();
        loop {
            let (here, there) = match from {
                Unit::Byte => (bytes, units),
                Unit::Utf16 => (units, bytes),
            };
            while let Some(&&offset) = wanted.peek() {
                if offset > here {
                    break;
                }
                if offset < here {
                    return None;
                }
                pairs.push((offset, there));
                wanted.next();
            }
            let (true, Some(c)) = (wanted.peek().is_some(), chars.next()) else {
                break;
            };
            bytes += c.len_utf8();
            units += c.len_utf16();
        }
        wanted.peek().is_none().then_some(OffsetMap { pairs })
    }

    /// The place of `offset` in the other unit.
    fn get(&self, offset: usize) -> Option<usize> {
        let i = self.pairs.partition_point(|&(o, _)| o < offset);
        self.pairs
            .get(i)
            .filter(|&&(o, _)| o == offset)
            .map(|&(_, other)| other)
    }
}

/// The JSON view's editor once it has loaded, with the callbacks it calls (kept alive as long
/// as it is): shared through a context, so the Problems panel can show a finding in it.
#[derive(Clone, Default)]
pub struct EditorSlot(pub Rc<RefCell<Option<(CodeEditor, Callbacks)>>>);

impl PartialEq for EditorSlot {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl EditorSlot {
    /// Puts the editor's caret at byte `offset` of `text`, if the editor has loaded.
    pub fn show(&self, text: &str, offset: usize) {
        if let Some((editor, _)) = self.0.borrow().as_ref() {
            editor.show(text, offset);
        }
    }
}

/// Loads the editor's module.
pub async fn load() -> Result<EditorModule, String> {
    let promise = import_module(MODULE_URL).map_err(describe)?;
    let module = JsFuture::from(promise).await.map_err(describe)?;
    Ok(module.unchecked_into())
}

impl EditorModule {
    /// An editor in `parent` showing `text`, its editable element named `label`.
    pub fn open(
        &self,
        parent: &web_sys::Element,
        label: &str,
        text: &str,
        callbacks: &Callbacks,
    ) -> CodeEditor {
        self.create(
            parent,
            label,
            text,
            &callbacks.on_change,
            &callbacks.on_blur,
            &callbacks.on_fix,
            &callbacks.on_complete,
            &callbacks.on_format,
        )
    }
}

impl CodeEditor {
    /// Puts the caret at byte `offset` of `text` (the editor's text) and scrolls it into view,
    /// leaving the focus where it is.
    pub fn show(&self, text: &str, offset: usize) {
        if let Some(utf16) = OffsetMap::new(text, &[offset], Unit::Byte).and_then(|m| m.get(offset))
        {
            self.show_at(utf16 as u32);
        }
    }

    /// Squiggles for the diagnostics of `text` (the text they were found in); returns their
    /// fixes, in the order the editor's Fix buttons number them.
    pub fn set_diagnostics(&self, text: &str, diagnostics: &[Diagnostic]) -> Vec<Fix> {
        let spans: Vec<_> = diagnostics
            .iter()
            .filter_map(|d| d.span.map(|s| (d, s)))
            .collect();
        let mut offsets: Vec<usize> = spans.iter().flat_map(|(_, s)| [s.start, s.end]).collect();
        offsets.sort_unstable();
        offsets.dedup();
        // Spans always fall between characters; a text that disagrees gets no squiggles.
        let Some(utf16) = OffsetMap::new(text, &offsets, Unit::Byte) else {
            return Vec::new();
        };
        let list = Array::new();
        let mut fixes = Vec::new();
        for (d, span) in spans {
            let entry = Object::new();
            let set = |key: &str, value: JsValue| {
                let _ = Reflect::set(&entry, &key.into(), &value);
            };
            let at = |byte| utf16.get(byte).unwrap_or_default() as u32;
            set("from", at(span.start).into());
            set("to", at(span.end).into());
            set(
                "severity",
                match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "info",
                }
                .into(),
            );
            set("source", d.code.into());
            let help = d
                .help
                .as_deref()
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            set("message", format!("{} {}{help}", d.code, d.message).into());
            if let Some(fix) = &d.fix {
                set("fix", format!("Fix: {}", fix.description).into());
                set("fixIndex", (fixes.len() as u32).into());
                fixes.push((**fix).clone());
            }
            list.push(&entry);
        }
        self.set_diagnostics_js(&list);
        fixes
    }
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

#[cfg(test)]
mod tests {
    use super::{apply_changes, Change, OffsetMap, Unit};

    fn change(from: usize, to: usize, insert: &str) -> Change {
        Change {
            from,
            to,
            insert: insert.into(),
        }
    }

    #[test]
    fn changes_apply_at_utf16_offsets() {
        let text = "{\"é\": \"😀x\"}";
        // Replace the `x` after the emoji (UTF-16 offset 9: `😀` is two units) and append.
        let length = |s: &str| s.encode_utf16().count();
        let expected = "{\"é\": \"😀yz\"}\n";
        let changes = [change(9, 10, "yz"), change(12, 12, "\n")];
        let applied = apply_changes(text, &changes, length(expected));
        assert_eq!(applied.as_deref(), Some(expected));
        let ascii = "{\"a\": 1}";
        let applied = apply_changes(ascii, &[change(6, 7, "22")], 9);
        assert_eq!(applied.as_deref(), Some("{\"a\": 22}"));
    }

    #[test]
    fn changes_that_do_not_fit_the_text_are_refused() {
        let text = "{\"😀\": 1}";
        assert_eq!(
            apply_changes(text, &[change(3, 3, "x")], 10),
            None,
            "inside the emoji"
        );
        assert_eq!(
            apply_changes(text, &[change(40, 40, "x")], 10),
            None,
            "past the end"
        );
        assert_eq!(
            apply_changes(text, &[change(0, 0, "x")], 99),
            None,
            "another length"
        );
    }

    #[test]
    fn byte_offsets_become_utf16_offsets() {
        let text = "{\"é\": \"😀x\"}";
        let offsets = [0, 2, 4, 7, 8, 12, 13, text.len()];
        let utf16 = OffsetMap::new(text, &offsets, Unit::Byte).unwrap();
        let expected: Vec<_> = offsets
            .iter()
            .map(|&o| Some(text[..o].encode_utf16().count()))
            .collect();
        let got: Vec<_> = offsets.iter().map(|&o| utf16.get(o)).collect();
        assert_eq!(got, expected);
        assert!(
            OffsetMap::new(text, &[10], Unit::Byte).is_none(),
            "inside the emoji"
        );
    }
}
