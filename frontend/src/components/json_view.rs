//! The document as JSON text, editable: every edit is checked and the form follows. While the
//! text is not valid JSON it stays exactly as typed and the syntax errors show their place.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::use_editor;
use crate::state::EditorAction;

#[function_component(JsonView)]
pub fn json_view() -> Html {
    let editor = use_editor();
    let oninput = {
        let editor = editor.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            editor.dispatch(EditorAction::SetText(text));
        })
    };
    // Tab keeps its usual meaning (move focus) so keyboard users are never trapped; Escape
    // leaves the box too. Undo and redo are the editor's, not the text box's own (which would
    // only know the keystrokes, not the form's edits).
    let onkeydown = {
        let editor = editor.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key().to_lowercase();
            if e.key() == "Escape" {
                let _ = e.target_unchecked_into::<HtmlTextAreaElement>().blur();
            } else if (e.ctrl_key() || e.meta_key()) && (key == "z" || key == "y") {
                e.prevent_default();
                e.stop_propagation();
                let redo = key == "y" || e.shift_key();
                editor.dispatch(if redo {
                    EditorAction::Redo
                } else {
                    EditorAction::Undo
                });
            }
        })
    };
    // The browser's own undo (from a menu) arrives as `beforeinput`, which Yew has no
    // attribute for: listen on the element.
    let area = use_node_ref();
    {
        let editor = editor.clone();
        let area = area.clone();
        use_effect_with((), move |_| {
            let listener = area.cast::<HtmlTextAreaElement>().map(|target| {
                gloo::events::EventListener::new_with_options(
                    &target,
                    "beforeinput",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::InputEvent>(event)
                        else {
                            return;
                        };
                        let action = match e.input_type().as_str() {
                            "historyUndo" => EditorAction::Undo,
                            "historyRedo" => EditorAction::Redo,
                            _ => return,
                        };
                        e.prevent_default();
                        editor.dispatch(action);
                    },
                )
            });
            move || drop(listener)
        });
    }
    let onblur = {
        let editor = editor.clone();
        Callback::from(move |_: FocusEvent| editor.dispatch(EditorAction::Checkpoint))
    };
    let syntax: Vec<_> = editor
        .analysis
        .report
        .diagnostics
        .iter()
        .filter(|d| matches!(d.code, "AIB001" | "AIB005"))
        .collect();
    html! {
        <section class="json-view" aria-labelledby="json-heading">
            <h2 id="json-heading">{ "JSON" }</h2>
            <textarea aria-label="Template JSON" value={(*editor.text).clone()} ref={area} {oninput} {onkeydown} {onblur}
                      spellcheck="false" autocomplete="off" wrap="off"
                      aria-invalid={(!syntax.is_empty()).to_string()} aria-describedby="json-syntax" />
            <ul id="json-syntax" class="syntax-errors">
                { for syntax.iter().map(|d| {
                    let at = d.start.map(|p| format!("line {}, column {}: ", p.line, p.column)).unwrap_or_default();
                    html! { <li class="message is-error">{ at }{ &d.message }</li> }
                }) }
            </ul>
        </section>
    }
}
