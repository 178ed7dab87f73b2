//! Copy or download the template, and the exports users paste into a terminal: the az CLI
//! script (bash or PowerShell), the ARM template, Bicep, Azure PowerShell. Exporting a
//! template with errors works, and says so plainly.

use validator_core::export::{self, Kind};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::use_editor;
use crate::browser;

/// What the export needs that the template does not say; empty means the exporter's default.
#[derive(Clone, Default, PartialEq)]
struct Names {
    resource_group: String,
    location: String,
    identity_name: String,
}

#[function_component(ExportPanel)]
pub fn export_panel() -> Html {
    let editor = use_editor();
    let said = use_state(String::new);
    let kind = use_state(|| Kind::AzCliBash);
    let names = use_state(Names::default);
    let errors = editor.analysis.report.summary.errors;

    let render = |kind: Kind| -> Option<Result<export::Export, export::Refusal>> {
        let document = editor.analysis.value.as_ref()?;
        let info = editor
            .analysis
            .report
            .templates
            .get(editor.template_index)?;
        let input = export::Input::from_report(document, info)?;
        let non_empty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        let options = export::Options {
            resource_group: non_empty(&names.resource_group),
            template_name: None,
            location: non_empty(&names.location),
            identity_name: non_empty(&names.identity_name),
        };
        Some(
            export::refuse_unfaithful(&editor.analysis.report)
                .and_then(|()| export::render(kind, &input, &options)),
        )
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
        .and_then(Result::ok)
        .map(|e| e.text)
        .unwrap_or_default();
    // Nothing to copy when the script is refused (the export below says why).
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
    let name_input = |label: &'static str,
                      id: &'static str,
                      value: String,
                      set: fn(&mut Names, String)| {
        let names = names.clone();
        let onchange = Callback::from(move |e: Event| {
            let mut next = (*names).clone();
            set(
                &mut next,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            );
            names.set(next);
        });
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <input {id} type="text" {value} {onchange} placeholder="(the script's default)" />
            </div>
        }
    };

    html! {
        <div class="export">
            if errors > 0 {
                <p class="banner is-warning">{ format!("This template has {errors} error{}: the service will reject it or the build will fail. You can still export it.", if errors == 1 { "" } else { "s" }) }</p>
            }
            <div class="buttons">
                <button type="button" onclick={copy((*editor.text).clone(), "the JSON")}>{ "Copy JSON" }</button>
                <button type="button" onclick={download(file_name(&editor), (*editor.text).clone(), "application/json")}>{ "Download JSON" }</button>
                <button type="button" disabled={az_refused} onclick={copy(az, "the az commands")}>{ "Copy az commands" }</button>
            </div>
            <p class="said" role="status" aria-live="polite">{ (*said).clone() }</p>
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
            if let Some(Err(refusal)) = &chosen {
                <p class="banner is-error" role="alert">{ format!("Cannot export as {}: {refusal}.", kind.label()) }</p>
            }
            if let Some(Ok(export)) = chosen {
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
