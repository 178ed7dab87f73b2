//! Import: paste text, open a file, or drop one anywhere on the page. Every shape the core
//! accepts imports; the import is undoable.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::policy_import::PolicyImport;
use super::use_editor;
use crate::state::EditorAction;

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub onclose: Callback<()>,
}

#[function_component(ImportPanel)]
pub fn import_panel(props: &ImportPanelProps) -> Html {
    let editor = use_editor();
    let pasted = use_node_ref();
    let error = use_state(|| None::<String>);
    let import_pasted = {
        let editor = editor.clone();
        let pasted = pasted.clone();
        let onclose = props.onclose.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = pasted.cast::<HtmlTextAreaElement>() {
                let text = area.value();
                if !text.trim().is_empty() {
                    editor.dispatch(EditorAction::Import(text));
                    onclose.emit(());
                }
            }
        })
    };
    let open_file = {
        let editor = editor.clone();
        let error = error.clone();
        let onclose = props.onclose.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                let error = error.clone();
                let problem = Callback::from(move |problem| error.set(problem));
                read_file(file, editor.clone(), problem, onclose.clone());
            }
        })
    };
    html! {
        <div class="panel import" role="group" aria-label="Import a template">
            <label for="import-text">{ "Paste a template (bare resource, az resource create body, or ARM template)" }</label>
            <textarea id="import-text" ref={pasted} rows="6" spellcheck="false" />
            <button type="button" onclick={import_pasted}>{ "Import pasted text" }</button>
            <label for="import-file">{ "Or open a file (or drop it anywhere on the page)" }</label>
            <input id="import-file" type="file" accept=".json,.jsonc,application/json" onchange={open_file} />
            if let Some(message) = &*error { <p class="message is-error" role="alert">{ message }</p> }
            <PolicyImport />
        </div>
    }
}

/// Reads a dropped or opened file as text and imports it; `problem` hears why a file could not
/// be imported, or `None` once one is.
pub fn read_file(
    file: web_sys::File,
    editor: super::Editor,
    problem: Callback<Option<String>>,
    done: Callback<()>,
) {
    let open = Callback::from(move |(text, _name): (String, String)| {
        editor.dispatch(EditorAction::Import(text));
        done.emit(());
    });
    read_text(file, 20 * 1024 * 1024, "a template", problem, open);
}

/// Reads a file the user opened or dropped as text and hands it to `open` with its name;
/// `problem` hears why it could not be read (larger than `max_bytes`: not `what` it should be),
/// or `None` once it is.
pub fn read_text(
    file: web_sys::File,
    max_bytes: u64,
    what: &'static str,
    problem: Callback<Option<String>>,
    open: Callback<(String, String)>,
) {
    let file = gloo::file::File::from(file);
    let name = file.name();
    if file.size() > max_bytes {
        let mb = max_bytes / (1024 * 1024);
        problem.emit(Some(format!("{name} is larger than {mb} MB: not {what}")));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match gloo::file::futures::read_as_text(&file).await {
            Ok(text) => {
                problem.emit(None);
                open.emit((text, name));
            }
            Err(_) => problem.emit(Some(format!("{name} could not be read as text"))),
        }
    });
}
