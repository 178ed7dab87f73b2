//! Copy or download the template, and the exports users paste into a terminal: the az CLI
//! script (bash or PowerShell), the ARM template, Bicep, Azure PowerShell. Exporting a
//! template with errors works, and says so plainly.

use std::collections::HashMap;
use std::rc::Rc;

use validator_core::export::{self, Kind};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::{use_checker_context, use_editor};
use crate::browser;
use crate::checker::{Exported, Request, Response};
use crate::use_dom_value::use_dom_value;

/// What the export needs that the template does not say; empty means the exporter's default.
#[derive(Clone, Default, PartialEq)]
struct Names {
    resource_group: String,
    location: String,
    identity_name: String,
}

impl Names {
    fn export_options(&self) -> export::Options {
        let non_empty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        export::Options {
            resource_group: non_empty(&self.resource_group),
            template_name: None,
            location: non_empty(&self.location),
            identity_name: non_empty(&self.identity_name),
            // The worker names the policy it checked with.
            policy: None,
        }
    }
}

/// The worker's answers, the latest per kind of export.
#[derive(Default, PartialEq)]
struct Answers(HashMap<Kind, Exported>);

impl Reducible for Answers {
    type Action = Exported;

    fn reduce(self: Rc<Self>, exported: Exported) -> Rc<Self> {
        let mut answers = self.0.clone();
        answers.insert(exported.kind, exported);
        Rc::new(Answers(answers))
    }
}

#[function_component(ExportPanel)]
pub fn export_panel() -> Html {
    let editor = use_editor();
    let checker = use_checker_context();
    let said = use_state(String::new);
    let kind = use_state(|| Kind::AzCliBash);
    let names = use_state(Names::default);
    let errors = editor.report.summary.errors;
    let options = names.export_options();

    // Exports are written by the worker, from the text it checked last.
    let answers = use_reducer(Answers::default);
    let bridge = {
        let answers = answers.dispatcher();
        use_memo((), move |_| {
            checker.fork(Callback::from(move |response| {
                if let Response::Exported(exported) = response {
                    answers.dispatch(exported);
                }
            }))
        })
    };
    {
        let deps = (
            editor.checked_revision,
            editor.template_index,
            *kind,
            options.clone(),
        );
        use_effect_with(deps, move |(revision, template_index, kind, options)| {
            for kind in [Kind::AzCliBash, *kind] {
                bridge.send(Request::Export {
                    revision: *revision,
                    template_index: *template_index,
                    kind,
                    options: options.clone(),
                });
            }
        });
    }
    // Only an export of the current text with the current names is offered: a script of an
    // older text must never reach a terminal. `None` while the worker writes it.
    let render = |kind: Kind| -> Option<&Option<Result<export::Export, export::Refusal>>> {
        let exported = answers.0.get(&kind)?;
        let current = !editor.is_checking()
            && exported.revision == editor.checked_revision
            && exported.options == options;
        current.then_some(&exported.result)
    };
    let copy = |text: String, what: &'static str| {
        let said = said.clone();
        Callback::from(move |_: MouseEvent| {
            let text = text.clone();
            let said = said.clone();
            wasm_bindgen_futures::spawn_local(async move {
                said.set(match browser::copy(text).await {
                    Ok(()) => format!("Copied {what} to the clipboard."),
                    Err(e) => format!("Could not copy: {e}"),
                });
            });
        })
    };
    let download = |name: String, text: String, mime: &'static str| {
        let said = said.clone();
        Callback::from(move |_: MouseEvent| {
            said.set(match browser::download(&name, &text, mime) {
                Ok(()) => format!("Downloaded {name}."),
                Err(e) => format!("Could not download: {e}"),
            });
        })
    };

    let az = render(Kind::AzCliBash)
        .and_then(|r| r.as_ref())
        .and_then(|r| r.as_ref().ok())
        .map(|e| e.text.clone())
        .unwrap_or_default();
    // Nothing to copy while the script is being written or when it is refused (the export
    // below says why).
    let az_refused = az.is_empty();
    let chosen = render(*kind);
    let choose = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let index = e
                .target_unchecked_into::<HtmlSelectElement>()
                .selected_index();
            if let Some(k) = Kind::ALL.get(index.max(0) as usize) {
                kind.set(*k);
            }
        })
    };
    let name_input =
        |label: &'static str, id: &'static str, value: String, set: fn(&mut Names, String)| {
            let names = names.clone();
            let onchange = Callback::from(move |e: Event| {
                let mut next = (*names).clone();
                set(
                    &mut next,
                    e.target_unchecked_into::<HtmlInputElement>().value(),
                );
                names.set(next);
            });
            html! { <NameInput {label} {id} {value} {onchange} /> }
        };

    html! {
        <div class="export">
            <div class="buttons">
                <button type="button" onclick={copy((*editor.text).clone(), "the JSON")}>{ "Copy JSON" }</button>
                <button type="button" onclick={download(file_name(&editor), (*editor.text).clone(), "application/json")}>{ "Download JSON" }</button>
                <button type="button" disabled={az_refused} onclick={copy(az, "the az commands")}>{ "Copy az commands" }</button>
            </div>
            <p class="said" role="status" aria-live="polite">{ (*said).clone() }</p>
            // Below the buttons: it comes and goes as errors are fixed, and must not move them
            // under the pointer.
            if errors > 0 {
                <p class="banner is-warning">{ format!("This template has {errors} error{}: the service will reject it or the build will fail. You can still export it.", if errors == 1 { "" } else { "s" }) }</p>
            }
            <details class="export-options">
                <summary>{ "Names used by the scripts" }</summary>
                { name_input("Resource group", "export-resource-group", names.resource_group.clone(), |n, v| n.resource_group = v) }
                { name_input("Region", "export-location", names.location.clone(), |n, v| n.location = v) }
                { name_input("Identity to create", "export-identity", names.identity_name.clone(), |n, v| n.identity_name = v) }
            </details>
            <div class="field">
                <label for="export-kind">{ "Export" }</label>
                <select id="export-kind" onchange={choose}>
                    { for Kind::ALL.iter().map(|k| html! { <option selected={*k == *kind}>{ k.label() }</option> }) }
                </select>
            </div>
            if chosen.is_none() {
                <p class="said" role="status">{ format!("Writing the {} export…", kind.label()) }</p>
            }
            if let Some(Some(Err(refusal))) = chosen {
                <p class="banner is-error" role="alert">{ format!("Cannot export as {}: {refusal}.", kind.label()) }</p>
            }
            if let Some(Some(Ok(export))) = chosen {
                if !export.notes.is_empty() {
                    <ul class="notes">{ for export.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                }
                <textarea class="export-text" aria-label={format!("{} export", kind.label())} readonly=true rows="14" value={export.text.clone()} spellcheck="false" wrap="off" />
                <div class="buttons">
                    <button type="button" onclick={copy(export.text.clone(), kind.label())}>{ format!("Copy {}", kind.label()) }</button>
                    <button type="button" onclick={download(kind.file_name().to_owned(), export.text.clone(), "text/plain")}>{ format!("Download {}", kind.file_name()) }</button>
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct NameInputProps {
    label: &'static str,
    id: &'static str,
    value: String,
    onchange: Callback<Event>,
}

/// One of the names the scripts use, committed when left (see `use_dom_value`).
#[function_component(NameInput)]
fn name_input(props: &NameInputProps) -> Html {
    let text_box = use_dom_value(&props.value);
    html! {
        <div class="field">
            <label for={props.id}>{ props.label }</label>
            <input id={props.id} type="text" ref={text_box} onchange={props.onchange.clone()} placeholder="(the script's default)" />
        </div>
    }
}

/// `<template name>.json`, or `image-template.json`.
fn file_name(editor: &super::Editor) -> String {
    let name = editor
        .template()
        .and_then(|t| t.get("name"))
        .and_then(|n| n.as_str())
        .filter(|n| !n.is_empty() && !n.starts_with('[') && !n.contains(['/', '\\', '<']))
        .unwrap_or("image-template");
    format!("{name}.json")
}
