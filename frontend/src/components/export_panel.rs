//! Copy or download the template. Exporting a template with errors works, and says so.

use yew::prelude::*;

use super::use_editor;
use crate::browser;

#[function_component(ExportPanel)]
pub fn export_panel() -> Html {
    let editor = use_editor();
    let said = use_state(String::new);
    let errors = editor.analysis.report.summary.errors;
    let copy_json = {
        let text = editor.text.clone();
        let said = said.clone();
        Callback::from(move |_: MouseEvent| {
            let text = (*text).clone();
            let said = said.clone();
            wasm_bindgen_futures::spawn_local(async move {
                said.set(match browser::copy(text).await {
                    Ok(()) => "Copied the JSON to the clipboard.".into(),
                    Err(e) => format!("Could not copy: {e}"),
                });
            });
        })
    };
    let download_json = {
        let text = editor.text.clone();
        let name = file_name(&editor);
        let said = said.clone();
        Callback::from(move |_: MouseEvent| {
            said.set(match browser::download(&name, &text, "application/json") {
                Ok(()) => format!("Downloaded {name}."),
                Err(e) => format!("Could not download: {e}"),
            });
        })
    };
    html! {
        <div class="export">
            if errors > 0 {
                <p class="banner is-warning">{ format!("This template has {errors} error{}: the service will reject it or the build will fail. You can still export it.", if errors == 1 { "" } else { "s" }) }</p>
            }
            <div class="buttons">
                <button type="button" onclick={copy_json}>{ "Copy JSON" }</button>
                <button type="button" onclick={download_json}>{ "Download JSON" }</button>
            </div>
            <p class="said" role="status" aria-live="polite">{ (*said).clone() }</p>
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
