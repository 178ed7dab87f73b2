//! The document as JSON text, editable: every edit is checked and the form follows. While the
//! text is not valid JSON it stays exactly as typed and the syntax errors show their place.

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use gloo::timers::callback::Timeout;

use super::use_editor;
use crate::state::EditorAction;

/// How long typing must pause to end one undo step.
const TYPING_PAUSE_MS: u32 = 1_000;

#[function_component(JsonView)]
pub fn json_view() -> Html {
    let editor = use_editor();
    // A pause in typing ends the burst: the next keystrokes are a new undo step.
    let pause = use_mut_ref(|| None::<Timeout>);
    // The text the box holds because the user typed it: the box is only written when the
    // editor's text is another (an undo, a form edit, an import). Writing a megabyte into a
    // text box, or reading it back to compare, costs more than a keystroke may.
    let typed = use_mut_ref(|| None::<Rc<String>>);
    let oninput = {
        let editor = editor.clone();
        let pause = pause.clone();
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            *typed.borrow_mut() = Some(Rc::new(text.clone()));
            // A paste, a drop or a cut is an undo step of its own, even amid typing.
            let whole = matches!(
                e.input_type().as_str(),
                "insertFromPaste" | "insertFromPasteAsQuotation" | "insertFromDrop" | "deleteByCut"
            );
            if whole {
                pause.borrow_mut().take();
                editor.dispatch(EditorAction::Paste(text));
            } else {
                editor.dispatch(EditorAction::SetText(text));
                let editor = editor.clone();
                *pause.borrow_mut() = Some(Timeout::new(TYPING_PAUSE_MS, move || {
                    editor.dispatch(EditorAction::Checkpoint)
                }));
            }
        })
    };
    // Tab keeps its usual meaning (move focus) so keyboard users are never trapped; Escape
    // leaves the box too. Undo and redo keys are the page's (`history_keys`): they walk the
    // editor's history, which knows the form's edits too, not only this box's keystrokes.
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            let _ = e.target_unchecked_into::<HtmlTextAreaElement>().blur();
        }
    });
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
    {
        let area = area.clone();
        use_effect_with(editor.text.clone(), move |text| {
            let known = typed.borrow_mut().take();
            if known.as_deref() != Some(&**text) {
                if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                    area.set_value(text);
                }
            }
        });
    }
    let onblur = {
        let editor = editor.clone();
        Callback::from(move |_: FocusEvent| {
            pause.borrow_mut().take();
            editor.dispatch(EditorAction::Checkpoint)
        })
    };
    let syntax: Vec<_> = editor
        .report
        .diagnostics
        .iter()
        .filter(|d| matches!(d.code, "AIB001" | "AIB005"))
        .collect();
    html! {
        <section class="json-view" aria-labelledby="json-heading">
            <h2 id="json-heading">{ "JSON" }</h2>
            <textarea aria-label="Template JSON" ref={area} {oninput} {onkeydown} {onblur} data-document-history="true"
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
