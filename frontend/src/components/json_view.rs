//! The document as JSON text, in a code editor (`code_editor`, CodeMirror): every edit is
//! checked and the form follows. While the text is not valid JSON it stays exactly as typed and
//! the syntax errors show their place.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use validator_core::{complete, pointer, Fix};
use yew::prelude::*;

use super::use_editor;
use crate::code_editor::{self, Callbacks, Change, ChangeKind, CodeEditor, EditorSlot};
use crate::state::{EditorAction, EditorState};

/// How long typing must pause to end one undo step.
const TYPING_PAUSE_MS: u32 = 1_000;

/// The editable element's accessible name.
const LABEL: &str = "Template JSON";

#[function_component(JsonView)]
pub fn json_view() -> Html {
    let editor = use_editor();
    let host = use_node_ref();
    // The editor once loaded (shared with the Problems panel, which shows findings in it).
    let code = use_context::<EditorSlot>()
        .expect("the JSON view is rendered inside the editor slot provider")
        .0;
    let loaded = use_state(|| false);
    let failed = use_state(|| None::<String>);
    // The text the editor holds: its changes apply to it, and the editor is only given the
    // editor state's text when that is another (an undo, a form edit, an import). Until the
    // editor has loaded, the text to open it with.
    let held = use_mut_ref(|| editor.text.clone());
    // The fixes of the findings the editor shows, as its Fix buttons number them.
    let fixes = use_mut_ref(Vec::<Fix>::new);
    // The state completions are computed against (the editor's callbacks outlive renders).
    let latest = use_mut_ref(|| editor.clone());
    *latest.borrow_mut() = editor.clone();

    {
        let (host, code, loaded, failed) =
            (host.clone(), code.clone(), loaded.clone(), failed.clone());
        let (held, fixes, latest) = (held.clone(), fixes.clone(), latest.clone());
        let dispatcher = editor.dispatcher();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local({
                let code = code.clone();
                async move {
                    let module = match code_editor::load().await {
                        Ok(module) => module,
                        Err(e) => return failed.set(Some(e)),
                    };
                    let Some(parent) = host.cast::<web_sys::Element>() else {
                        return;
                    };
                    let callbacks =
                        callbacks(dispatcher, held.clone(), code.clone(), fixes, latest);
                    let text = held.borrow().clone();
                    let opened = module.open(&parent, LABEL, &text, &callbacks);
                    *code.borrow_mut() = Some((opened, callbacks));
                    loaded.set(true);
                }
            });
            move || {
                if let Some((opened, _)) = code.borrow_mut().take() {
                    opened.destroy();
                }
            }
        });
    }
    {
        let code = code.clone();
        use_effect_with(editor.text.clone(), move |text| {
            let known = held.replace(text.clone());
            if *known != **text {
                if let Some((opened, _)) = code.borrow().as_ref() {
                    opened.set_text(text);
                }
            }
        });
    }
    {
        // Squiggles from each check of the text on screen; the editor moves them along with
        // the edits made until the next check answers.
        let editor = editor.clone();
        use_effect_with((editor.checked_revision, *loaded), move |_| {
            if !editor.is_checking() {
                if let Some((opened, _)) = code.borrow().as_ref() {
                    *fixes.borrow_mut() =
                        opened.set_diagnostics(&editor.text, &editor.report.diagnostics);
                }
            }
        });
    }
    let syntax: Vec<_> = editor.report.syntax_errors().collect();
    let format = {
        let editor = editor.clone();
        Callback::from(move |_: MouseEvent| editor.dispatch(EditorAction::Format))
    };
    html! {
        <section class="json-view" aria-labelledby="json-heading">
            <div class="json-heading">
                <h2 id="json-heading">{ "JSON" }</h2>
                <button type="button" onclick={format} aria-keyshortcuts="Shift+Alt+F" title="Shift+Alt+F">{ "Format" }</button>
            </div>
            if let Some(error) = &*failed {
                <p class="banner is-error" role="alert">{ format!("The JSON editor could not be loaded ({error}): reload the page. Your work is kept.") }</p>
            } else if !*loaded {
                <p class="editor-loading" role="status">{ "Loading the JSON editor…" }</p>
            }
            <div class="code-editor" ref={host} aria-invalid={(!syntax.is_empty()).to_string()} aria-describedby="json-syntax" />
            <ul id="json-syntax" class="syntax-errors">
                { for syntax.iter().map(|d| {
                    let at = d.start.map(|p| format!("line {}, column {}: ", p.line, p.column)).unwrap_or_default();
                    html! { <li class="message is-error">{ at }{ &d.message }</li> }
                }) }
            </ul>
        </section>
    }
}

/// What the editor's changes do: a paste is an undo step of its own; typing joins the burst it
/// continues until a pause or leaving the editor ends it.
fn callbacks(
    dispatcher: UseReducerDispatcher<crate::state::EditorState>,
    held: Rc<RefCell<Rc<String>>>,
    code: Rc<RefCell<Option<(CodeEditor, Callbacks)>>>,
    fixes: Rc<RefCell<Vec<Fix>>>,
    latest: Rc<RefCell<crate::components::Editor>>,
) -> Callbacks {
    let pause = Rc::new(RefCell::new(None::<Timeout>));
    let on_change = {
        let (dispatcher, pause) = (dispatcher.clone(), pause.clone());
        move |changes: Vec<Change>, kind: ChangeKind, length: usize| {
            let applied = code_editor::apply_changes(&held.borrow(), &changes, length);
            // Never expected; but if the two ever disagree, the editor's text is what the user
            // sees.
            let text = applied.unwrap_or_else(|| {
                code.borrow()
                    .as_ref()
                    .map_or_else(String::new, |(opened, _)| opened.text())
            });
            *held.borrow_mut() = Rc::new(text.clone());
            match kind {
                ChangeKind::Paste => {
                    pause.borrow_mut().take();
                    dispatcher.dispatch(EditorAction::Paste(text));
                }
                ChangeKind::Typing => {
                    dispatcher.dispatch(EditorAction::SetText(text));
                    let dispatcher = dispatcher.clone();
                    *pause.borrow_mut() = Some(Timeout::new(TYPING_PAUSE_MS, move || {
                        dispatcher.dispatch(EditorAction::Checkpoint)
                    }));
                }
            }
        }
    };
    let on_blur = {
        let dispatcher = dispatcher.clone();
        move || {
            pause.borrow_mut().take();
            dispatcher.dispatch(EditorAction::Checkpoint);
        }
    };
    let on_format = {
        let dispatcher = dispatcher.clone();
        move || dispatcher.dispatch(EditorAction::Format)
    };
    let on_fix = move |index: usize| {
        let fix = fixes.borrow().get(index).cloned();
        if let Some(fix) = fix {
            dispatcher.dispatch(EditorAction::ApplyFix(fix));
        }
    };
    let on_complete = move |before: String| completions(&latest.borrow(), &before);
    Callbacks::new(on_change, on_blur, on_fix, on_complete, on_format)
}

/// The completions at the end of `before` (the text before the caret) as the editor reads
/// them: `{"typed": <UTF-16 length of the token typed>, "options": [...]}`, or `""`. Paths
/// are the file's; the schema speaks of the edited template, so places outside it (an ARM
/// template's parameters) get nothing.
fn completions(state: &EditorState, before: &str) -> String {
    let Some(mut context) = complete::context::at(before) else {
        return String::new();
    };
    let base = pointer::tokens(state.template_base().as_str());
    if !context.path.starts_with(&base) {
        return String::new();
    }
    context.path.drain(..base.len());
    let options = complete::options(state.api_version(), state.template(), &context);
    if options.is_empty() {
        return String::new();
    }
    let typed = context.typed.encode_utf16().count();
    serde_json::json!({ "typed": typed, "options": options }).to_string()
}
