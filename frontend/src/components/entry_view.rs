//! One entry of a list with its full form: title, error badge, actions (move, duplicate,
//! remove, drag to reorder) and the fields of its type.

use std::rc::Rc;

use serde_json::Value;
use validator_core::schema;
use yew::prelude::*;

use super::field::FieldView;
use super::{use_form_editor, Quiet};
use crate::entries::{entry_title, singular};
use crate::form::{self, Field};
use crate::pointers::TemplatePointer;
use crate::state::EditorAction;

#[derive(Clone, PartialEq)]
pub struct Entry {
    pub list: TemplatePointer,
    pub index: usize,
    pub count: usize,
    pub item: Value,
    pub label: String,
    pub schema: Value,
}

#[derive(Properties, PartialEq)]
pub struct EntryViewProps {
    pub entry: Rc<Entry>,
    pub dragged: UseStateHandle<Option<usize>>,
    /// Errors at or inside the entry, counted once for the whole list.
    pub errors: usize,
    /// Just added and not yet edited: its errors wait until the user edits it.
    #[prop_or_default]
    pub quiet: bool,
    /// In a long list: closing the entry turns it back into a row (a click on its title).
    #[prop_or_default]
    pub on_close: Option<Callback<()>>,
    /// The title's id, so the list can move focus to an entry it has just opened.
    #[prop_or_default]
    pub summary_id: Option<AttrValue>,
}

#[function_component(EntryView)]
pub fn entry_view(props: &EntryViewProps) -> Html {
    let editor = use_form_editor();
    let e = &props.entry;
    let pointer = e.list.join_index(e.index);
    let errors = if props.quiet { 0 } else { props.errors };
    let title = entry_title(e.index, &e.item);
    // The native toggle would only hide the form; in a long list closing means back to a row.
    let onclick_summary = props.on_close.clone().map(|close| {
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            close.emit(());
        })
    });
    let disabled = editor.is_read_only();
    let action = |make: fn(&TemplatePointer, usize) -> EditorAction| {
        let editor = editor.clone();
        let list = e.list.clone();
        let index = e.index;
        Callback::from(move |_: MouseEvent| editor.dispatch(make(&list, index)))
    };
    let up = action(|list, i| EditorAction::Move {
        pointer: list.clone(),
        from: i,
        to: i.saturating_sub(1),
    });
    let down = action(|list, i| EditorAction::Move {
        pointer: list.clone(),
        from: i,
        to: i + 1,
    });
    let duplicate = action(|list, i| EditorAction::Duplicate {
        pointer: list.clone(),
        index: i,
    });
    let remove = action(|list, i| EditorAction::Remove {
        pointer: list.join_index(i),
    });
    let ondragstart = {
        let dragged = props.dragged.clone();
        let index = e.index;
        Callback::from(move |_: DragEvent| dragged.set(Some(index)))
    };
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let dragged = props.dragged.clone();
        let editor = editor.clone();
        let list = e.list.clone();
        let index = e.index;
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if let Some(from) = *dragged {
                if from != index {
                    editor.dispatch(EditorAction::Move {
                        pointer: list.clone(),
                        from,
                        to: index,
                    });
                }
            }
            dragged.set(None);
        })
    };
    let field = Rc::new(Field {
        key: e.index.to_string(),
        label: {
            let noun = singular(&e.label);
            let mut chars = noun.chars();
            let capital: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            format!("{capital} {}", e.index + 1)
        },
        help: None,
        default: None,
        required: false,
        kind: form::kind(schema::schema(editor.api_version()), &e.schema),
        schema: e.schema.clone(),
    });
    html! {
        <li class="entry" draggable={(!disabled).to_string()} {ondragstart} {ondragover} {ondrop}>
            <details open=true>
                <summary id={props.summary_id.clone()} onclick={onclick_summary}>
                    <span class="drag-handle" aria-hidden="true">{ "⠿" }</span>
                    <span class="entry-title">{ title.clone() }</span>
                    if errors > 0 { <span class="badge is-error">{ format!("{errors} error{}", if errors == 1 { "" } else { "s" }) }</span> }
                </summary>
                <div class="entry-actions" role="group" aria-label={format!("Actions for {title}")}>
                    <button type="button" onclick={up} disabled={disabled || e.index == 0} aria-label={format!("Move up: {title}")}>{ "Move up" }</button>
                    <button type="button" onclick={down} disabled={disabled || e.index + 1 == e.count} aria-label={format!("Move down: {title}")}>{ "Move down" }</button>
                    <button type="button" onclick={duplicate} {disabled} aria-label={format!("Duplicate {title}")}>{ "Duplicate" }</button>
                    <button type="button" class="danger" onclick={remove} {disabled} aria-label={format!("Remove {title}")}>{ "Remove" }</button>
                </div>
                <ContextProvider<Quiet> context={Quiet(props.quiet)}>
                    <FieldView pointer={pointer} field={field} />
                </ContextProvider<Quiet>>
            </details>
        </li>
    }
}
