//! Undo and redo from the keyboard, anywhere on the page.
//!
//! A form field commits what is typed when it is left or on Enter (its `change` event). Until
//! then the typing belongs to the field, not to the document: the first undo puts back the
//! field's committed value, as any text box does, and only the next one steps back through
//! the document's history. Redo never replays typing, so it cannot duplicate it.
//!
//! The key listener is registered as non-passive: gloo's listeners are passive by default, so
//! `preventDefault` was ignored and the browser's own undo ran in the field as well as the
//! app's undo on the document (issue 8, "Unable to preventDefault inside passive event
//! listener").

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::{EventTarget, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::Editor;
use crate::state::EditorAction;

/// Marks a text box whose every edit is already a change of the document (the JSON view):
/// it never holds uncommitted typing.
/// (`data-document-history="true"` in the markup.)
const DOCUMENT_HISTORY: &str = "data-document-history";

/// A text box the user types into.
#[derive(Clone, PartialEq)]
enum TextBox {
    Input(HtmlInputElement),
    Area(HtmlTextAreaElement),
}

impl TextBox {
    fn of(target: Option<EventTarget>) -> Option<Self> {
        let target = target?;
        let text_box = if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
            let typed = matches!(
                input.type_().as_str(),
                "text" | "search" | "url" | "email" | "tel" | "number" | "password"
            );
            (typed && !input.read_only()).then(|| TextBox::Input(input.clone()))?
        } else {
            let area = target.dyn_ref::<HtmlTextAreaElement>()?;
            (!area.read_only()).then(|| TextBox::Area(area.clone()))?
        };
        (!text_box.element().has_attribute(DOCUMENT_HISTORY)).then_some(text_box)
    }

    fn element(&self) -> &web_sys::Element {
        match self {
            TextBox::Input(input) => input,
            TextBox::Area(area) => area,
        }
    }

    fn value(&self) -> String {
        match self {
            TextBox::Input(input) => input.value(),
            TextBox::Area(area) => area.value(),
        }
    }

    fn set_value(&self, value: &str) {
        match self {
            TextBox::Input(input) => input.set_value(value),
            TextBox::Area(area) => area.set_value(value),
        }
    }
}

/// The text box being typed into, and its value before the typing began.
type Uncommitted = Rc<RefCell<Option<(TextBox, String)>>>;

/// Which history key was pressed, if any.
fn history_key(e: &KeyboardEvent) -> Option<EditorAction> {
    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
        return None;
    }
    match e.key().to_lowercase().as_str() {
        "z" if e.shift_key() => Some(EditorAction::Redo),
        "z" => Some(EditorAction::Undo),
        "y" => Some(EditorAction::Redo),
        _ => None,
    }
}

/// Listens for Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y on the whole page.
#[hook]
pub fn use_history_keys(editor: Editor) {
    use_effect_with((), move |_| {
        let uncommitted: Uncommitted = Rc::default();
        let listeners = web_sys::window().map(|window| {
            let capture = EventListenerOptions::run_in_capture_phase();
            // Remember the committed value just before the first edit of a field.
            let before_input = {
                let uncommitted = uncommitted.clone();
                EventListener::new_with_options(&window, "beforeinput", capture, move |event| {
                    let Some(text_box) = TextBox::of(event.target()) else {
                        return;
                    };
                    let mut slot = uncommitted.borrow_mut();
                    if slot.as_ref().is_none_or(|(b, _)| *b != text_box) {
                        let committed = text_box.value();
                        *slot = Some((text_box, committed));
                    }
                })
            };
            // Committed (`change`) or left: the typing is the document's now, or dropped.
            let forget = |name: &'static str| {
                let uncommitted = uncommitted.clone();
                EventListener::new_with_options(&window, name, capture, move |_| {
                    uncommitted.borrow_mut().take();
                })
            };
            let keydown = {
                let uncommitted = uncommitted.clone();
                let options = EventListenerOptions {
                    phase: EventListenerPhase::Bubble,
                    passive: false,
                };
                EventListener::new_with_options(&window, "keydown", options, move |event| {
                    let Some(e) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let Some(action) = history_key(e) else {
                        return;
                    };
                    // The browser's own undo would act on the field as well: never let it.
                    e.prevent_default();
                    let typed = TextBox::of(e.target()).and_then(|text_box| {
                        let slot = uncommitted.borrow();
                        let (pending, committed) = slot.as_ref()?;
                        (*pending == text_box && text_box.value() != *committed)
                            .then(|| (text_box, committed.clone()))
                    });
                    match (typed, action) {
                        (Some((text_box, committed)), EditorAction::Undo) => {
                            text_box.set_value(&committed);
                            uncommitted.borrow_mut().take();
                        }
                        // Redo would re-render the field over the typing: keep the typing.
                        (Some(_), _) => {}
                        (None, action) => editor.dispatch(action),
                    }
                })
            };
            (before_input, forget("change"), forget("focusout"), keydown)
        });
        move || drop(listeners)
    });
}
