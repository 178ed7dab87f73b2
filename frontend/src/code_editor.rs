//! The facade over the JSON view's code editor (CodeMirror 6, `editor/json_editor.mjs`): load
//! it, create it, give it text and squiggles. The module is loaded after the form is on screen
//! (`load`), so the editor never delays the first interactive paint.

use js_sys::{Array, Object, Promise, Reflect};
use validator_core::{Diagnostic, Severity};
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
        on_change: &Closure<dyn FnMut(String, String)>,
        on_blur: &Closure<dyn FnMut()>,
    ) -> CodeEditor;

    /// One editor on the page.
    pub type CodeEditor;

    #[wasm_bindgen(method, js_name = setText)]
    pub fn set_text(this: &CodeEditor, text: &str);

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

/// What the editor tells the app.
pub struct Callbacks {
    pub on_change: Closure<dyn FnMut(String, String)>,
    pub on_blur: Closure<dyn FnMut()>,
}

impl Callbacks {
    pub fn new(
        mut on_change: impl FnMut(String, ChangeKind) + 'static,
        on_blur: impl FnMut() + 'static,
    ) -> Self {
        Callbacks {
            on_change: Closure::new(move |text: String, kind: String| {
                on_change(
                    text,
                    if kind == "paste" {
                        ChangeKind::Paste
                    } else {
                        ChangeKind::Typing
                    },
                )
            }),
            on_blur: Closure::new(on_blur),
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
        )
    }
}

impl CodeEditor {
    /// Squiggles for the diagnostics of `text` (the text they were found in).
    pub fn set_diagnostics(&self, text: &str, diagnostics: &[Diagnostic]) {
        let spans: Vec<_> = diagnostics
            .iter()
            .filter_map(|d| d.span.map(|s| (d, s)))
            .collect();
        let mut offsets: Vec<usize> = spans.iter().flat_map(|(_, s)| [s.start, s.end]).collect();
        offsets.sort_unstable();
        offsets.dedup();
        let utf16 = Utf16Offsets::new(text, &offsets);
        let list = Array::new();
        for (d, span) in spans {
            let entry = Object::new();
            let set = |key: &str, value: JsValue| {
                let _ = Reflect::set(&entry, &key.into(), &value);
            };
            set("from", utf16.of(span.start).into());
            set("to", utf16.of(span.end).into());
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
            set("message", format!("{} {}", d.code, d.message).into());
            list.push(&entry);
        }
        self.set_diagnostics_js(&list);
    }
}

/// Byte offsets into a UTF-8 text as offsets in UTF-16 code units (the editor's unit), for a
/// sorted list of offsets, in one pass over the text up to the last of them.
struct Utf16Offsets {
    pairs: Vec<(usize, usize)>,
}

impl Utf16Offsets {
    fn new(text: &str, sorted: &[usize]) -> Self {
        if text.is_ascii() {
            return Utf16Offsets {
                pairs: sorted.iter().map(|&o| (o, o)).collect(),
            };
        }
        let mut pairs = Vec::with_capacity(sorted.len());
        let mut wanted = sorted.iter().peekable();
        let mut units = 0;
        for (byte, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), '\0')))
        {
            while let Some(&&offset) = wanted.peek() {
                if offset > byte {
                    break;
                }
                pairs.push((offset, units));
                wanted.next();
            }
            if wanted.peek().is_none() {
                break;
            }
            units += c.len_utf16();
        }
        Utf16Offsets { pairs }
    }

    fn of(&self, byte: usize) -> u32 {
        let i = self.pairs.partition_point(|&(b, _)| b < byte);
        self.pairs.get(i).map_or(0, |&(_, units)| units as u32)
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
    use super::Utf16Offsets;

    #[test]
    fn byte_offsets_become_utf16_offsets() {
        let text = "{\"é\": \"😀x\"}";
        let offsets = [0, 2, 4, 7, 8, 12, 13, text.len()];
        let utf16 = Utf16Offsets::new(text, &offsets);
        let expected: Vec<u32> = offsets
            .iter()
            .map(|&o| text[..o].encode_utf16().count() as u32)
            .collect();
        let got: Vec<u32> = offsets.iter().map(|&o| utf16.of(o)).collect();
        assert_eq!(got, expected);
    }
}
