//! A list of entries (customizers, distribution targets, validators): each entry's form, or,
//! when the list is long, one compact row per entry with a single entry open at a time, so a
//! template with thousands of customizers renders (and re-renders on each keystroke) a row
//! per entry and one form, not thousands of forms.

use std::rc::Rc;

use serde_json::Value;
use validator_core::catalog::customizers::{self, Fit};
use validator_core::{schema, Os};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::diagnostics::FieldMessages;
use super::entry_row::EntryRow;
use super::entry_view::{Entry, EntryView};
use super::field::field_hint;
use super::{field_id, use_diagnostics_at, use_form_editor, use_navigation};
use crate::browser;
use crate::entries::{
    entry_index, entry_title, errors_by_entry, is_compact, rows_to_render, singular, FIRST_ROWS,
    ROWS_PER_STEP,
};
use crate::form::{self, Field, Kind};
use crate::pointers::{FilePointer, TemplatePointer};
use crate::state::EditorAction;

#[derive(Properties, PartialEq)]
pub struct EntryListProps {
    pub pointer: TemplatePointer,
    pub field: Rc<Field>,
    pub item_kind: Rc<Kind>,
}

/// Which types a new entry may have: customizers and validators are offered by the image's OS.
fn offered_types(
    list_pointer: &TemplatePointer,
    variants: &[String],
    os: Option<Os>,
) -> Vec<String> {
    let fit = if list_pointer.as_str().ends_with("/customize") {
        Some(customizers::fit as fn(&str, Os) -> Fit)
    } else if list_pointer.as_str().ends_with("/inVMValidations") {
        Some(customizers::validator_fit as fn(&str, Os) -> Fit)
    } else {
        None
    };
    // Only what runs well there: PowerShell on Linux is doubtful, so not offered.
    let allowed = |t: &str| match (fit, os) {
        (Some(fit), Some(os)) => fit(t, os) == Fit::Runs,
        _ => true,
    };
    variants.iter().filter(|v| allowed(v)).cloned().collect()
}

#[function_component(EntryList)]
pub fn entry_list(props: &EntryListProps) -> Html {
    let editor = use_form_editor();
    let navigation = use_navigation();
    let abs = props.pointer.in_template(&editor.template_base());
    let diagnostics = use_diagnostics_at(&abs);
    let empty = Vec::new();
    // Borrowed, not cloned: the list can be a megabyte of customizers.
    let items: &Vec<Value> = editor
        .template()
        .and_then(|t| t.pointer(props.pointer.as_str()))
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let compact = is_compact(items.len());
    // Once per check, not once per row.
    let errors = {
        let report = editor.report.clone();
        use_memo((editor.checked_revision, abs.clone()), move |(_, abs)| {
            errors_by_entry(abs, &report.diagnostics)
        })
    };
    let os = editor
        .report
        .templates
        .get(editor.template_index)
        .and_then(|t| Os::parse(t.os));
    let variants = match &*props.item_kind {
        Kind::Union { variants, .. } => offered_types(&props.pointer, variants, os),
        _ => Vec::new(),
    };
    let new_type = use_state(|| None::<String>);
    let dragged = use_state(|| None::<usize>);
    let open = use_state(|| None::<usize>);
    // The entry just added, as added: it shows no errors until the user edits it (a new
    // PowerShell step is not a mistake yet). Review and Problems list them all the while.
    let added = use_state(|| None::<(usize, Value)>);
    // The id of an element to focus once the list has rendered (the entry just opened, or the
    // row of the entry just closed): a keyboard user stays where they were.
    let focus_after = use_mut_ref(|| None::<String>);
    // The open entry's title and its distance from the top of the window before rows were
    // added above it: the page then scrolls by as much as they pushed it down, so the entry (and
    // the field focused in it) stays where the user sees it.
    let anchor = use_mut_ref(|| None::<(String, f64)>);
    {
        let focus_after = focus_after.clone();
        let anchor = anchor.clone();
        use_effect(move || {
            let id = focus_after.borrow_mut().take();
            if let Some(id) = id {
                browser::focus_id(&id);
            }
            let anchored = anchor.borrow_mut().take();
            if let Some((id, before)) = anchored {
                if let Some(after) = browser::element_top(&id) {
                    browser::scroll_by(after - before);
                }
            }
        });
    }
    // "Go to field" for a pointer inside an entry opens that entry in the same render, so the
    // field exists when the app focuses it; the state then remembers it as the open entry.
    let target = navigation
        .target
        .as_ref()
        .and_then(|target| entry_index(&abs, target.as_str()))
        .filter(|_| compact);
    {
        let open = open.setter();
        use_effect_with(target, move |target| {
            if let Some(index) = *target {
                open.set(Some(index));
            }
        });
    }
    let open_index = target.or(*open);
    // Rows come in steps, one task each, so showing the list never blocks the page for long.
    let shown = use_state(|| FIRST_ROWS);
    let rendered = if compact {
        rows_to_render(items.len(), *shown)
    } else {
        items.len()
    };
    {
        let shown = shown.clone();
        let more = rendered < items.len();
        let anchor = anchor.clone();
        // Rows added now land above the open entry when it lies beyond the rows shown so far.
        let open_below = open_index
            .filter(|&open| open >= rendered)
            .map(|open| summary_id(&abs, open));
        use_effect_with(
            (rendered, more, open_below),
            move |(rendered, more, open_below)| {
                let rendered = *rendered;
                let open_below = open_below.clone();
                // Dropping the timeout (on the next render or unmount) cancels it.
                let step = more.then(|| {
                    gloo::timers::callback::Timeout::new(0, move || {
                        if let Some(id) = open_below {
                            *anchor.borrow_mut() = browser::element_top(&id).map(|top| (id, top));
                        }
                        shown.set(rendered + ROWS_PER_STEP)
                    })
                });
                move || drop(step)
            },
        );
    }
    let on_open = {
        let open = open.setter();
        let focus_after = focus_after.clone();
        use_callback(abs.clone(), move |index: usize, abs| {
            *focus_after.borrow_mut() = Some(summary_id(abs, index));
            open.set(Some(index));
        })
    };
    let on_close = {
        let open = open.setter();
        let focus_after = focus_after.clone();
        let abs = abs.clone();
        let index = open_index;
        Callback::from(move |()| {
            if let Some(index) = index {
                *focus_after.borrow_mut() = Some(row_id(&abs, index));
            }
            open.set(None);
        })
    };
    let disabled = editor.is_read_only();
    let chosen = (*new_type)
        .clone()
        .filter(|t| variants.contains(t))
        .or_else(|| variants.first().cloned());

    let add = {
        let editor = editor.clone();
        let pointer = props.pointer.clone();
        let chosen = chosen.clone();
        let count = items.len();
        let open = open.setter();
        let focus_after = focus_after.clone();
        let abs = abs.clone();
        let added = added.setter();
        Callback::from(move |_| {
            let value = match &chosen {
                Some(t) => serde_json::json!({ "type": t }),
                None => serde_json::json!({}),
            };
            added.set(Some((count, value.clone())));
            editor.dispatch(EditorAction::Insert {
                pointer: pointer.clone(),
                index: count,
                value,
            });
            // In a long list the new entry would be a row at the very end: open it instead.
            if is_compact(count + 1) {
                *focus_after.borrow_mut() = Some(summary_id(&abs, count));
                open.set(Some(count));
            }
        })
    };
    let choose = {
        let new_type = new_type.clone();
        Callback::from(move |e: Event| {
            new_type.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value()))
        })
    };
    let add_label = format!("Add {}", singular(&props.field.label));
    let select_id = format!("{}-new-type", field_id(&abs));
    let item_schema = form::item_schema(schema::schema(editor.api_version()), &props.field.schema)
        .cloned()
        .unwrap_or(Value::Null);
    let entry_view = |index: usize, item: &Value, on_close: Option<Callback<()>>| {
        let entry = Entry {
            list: props.pointer.clone(),
            index,
            count: items.len(),
            item: item.clone(),
            label: props.field.label.clone(),
            schema: item_schema.clone(),
        };
        let summary_id: Option<AttrValue> =
            on_close.is_some().then(|| summary_id(&abs, index).into());
        let quiet = added
            .as_ref()
            .is_some_and(|(at, value)| *at == index && value == item);
        html! {
            <EntryView key={index} entry={Rc::new(entry)} dragged={dragged.clone()} {quiet}
                       errors={errors.get(&index).copied().unwrap_or(0)} {on_close} {summary_id} />
        }
    };

    html! {
        <fieldset class="group list" data-pointer={abs.clone()} tabindex="-1">
            <legend>{ &props.field.label }{ format!(" ({})", items.len()) }</legend>
            { field_hint(&props.field) }
            if compact {
                <p class="hint">{ "A long list: open one entry at a time." }</p>
            }
            <FieldMessages id={format!("{}-messages", field_id(&abs))} diagnostics={diagnostics} />
            <ol class={classes!("entries", compact.then_some("compact"))}>
                // The open entry is on the page at once, even beyond the rows shown so far: the
                // rows before it come in later steps (scroll anchoring keeps it in view).
                { for items.iter().enumerate().filter(|&(index, _)| index < rendered || Some(index) == open_index).map(|(index, item)| {
                    if !compact {
                        entry_view(index, item, None)
                    } else if Some(index) == open_index {
                        entry_view(index, item, Some(on_close.clone()))
                    } else {
                        html! {
                            <EntryRow key={index} {index} title={AttrValue::from(entry_title(index, item))}
                                      errors={errors.get(&index).copied().unwrap_or(0)}
                                      id={AttrValue::from(row_id(&abs, index))} on_open={on_open.clone()} />
                        }
                    }
                }) }
            </ol>
            <div class="add-entry">
                if !variants.is_empty() {
                    <label for={select_id.clone()}>{ "Type of the new entry" }</label>
                    <select id={select_id} onchange={choose} {disabled}>
                        { for variants.iter().map(|v| html! { <option value={v.clone()} selected={Some(v) == chosen.as_ref()}>{ v }</option> }) }
                    </select>
                }
                <button type="button" onclick={add} {disabled}>{ add_label }</button>
            </div>
        </fieldset>
    }
}

/// Id of the row button of entry `index` of the list at `list`.
fn row_id(list: &FilePointer, index: usize) -> String {
    format!("{}-{index}-row", field_id(list))
}

/// Id of the title of entry `index` when it is open.
fn summary_id(list: &FilePointer, index: usize) -> String {
    format!("{}-{index}-title", field_id(list))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customizers_are_offered_by_os() {
        let all: Vec<String> = [
            "Shell",
            "PowerShell",
            "WindowsRestart",
            "WindowsUpdate",
            "File",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            offered_types(&"/properties/customize".into(), &all, Some(Os::Linux)),
            ["Shell", "File"]
        );
        assert_eq!(
            offered_types(&"/properties/customize".into(), &all, Some(Os::Windows)),
            ["PowerShell", "WindowsRestart", "WindowsUpdate", "File"]
        );
        assert_eq!(
            offered_types(&"/properties/customize".into(), &all, None).len(),
            5
        );
        assert_eq!(
            offered_types(&"/properties/distribute".into(), &all, Some(Os::Linux)).len(),
            5
        );
    }
}
