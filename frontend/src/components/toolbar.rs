//! The actions on the whole document: new, examples, import, undo, redo, share.

use yew::prelude::*;

use super::use_editor;
use crate::samples::{BLANK, LINUX_STARTER, WINDOWS_STARTER};
use crate::state::EditorAction;

/// Which panel below the toolbar is open.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Panel {
    None,
    New,
    Examples,
    Import,
    Recent,
    Export,
}

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub panel: Panel,
    pub onpanel: Callback<Panel>,
    pub onshare: Callback<()>,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let editor = use_editor();
    let toggle = |panel: Panel| {
        let current = props.panel;
        props
            .onpanel
            .reform(move |_: MouseEvent| if current == panel { Panel::None } else { panel })
    };
    let undo = {
        let editor = editor.clone();
        Callback::from(move |_| editor.dispatch(EditorAction::Undo))
    };
    let redo = {
        let editor = editor.clone();
        Callback::from(move |_| editor.dispatch(EditorAction::Redo))
    };
    let new_panel = (props.panel == Panel::New).then(|| {
        let start = |text: &'static str| {
            let editor = editor.clone();
            let onpanel = props.onpanel.clone();
            Callback::from(move |_: MouseEvent| {
                editor.dispatch(EditorAction::Import(text.to_owned()));
                onpanel.emit(Panel::None);
            })
        };
        html! {
            <div class="panel" role="group" aria-label="New template">
                <p>{ "Start blank or from a starter; Undo brings back what you had." }</p>
                <button type="button" onclick={start(BLANK)}>{ "Blank template" }</button>
                <button type="button" onclick={start(LINUX_STARTER)}>{ "Linux starter (Ubuntu 22.04)" }</button>
                <button type="button" onclick={start(WINDOWS_STARTER)}>{ "Windows starter (Windows Server 2022)" }</button>
            </div>
        }
    });
    html! {
        <>
            <div class="toolbar" role="toolbar" aria-label="Document">
                <button type="button" aria-expanded={(props.panel == Panel::New).to_string()} onclick={toggle(Panel::New)}>{ "New" }</button>
                <button type="button" aria-expanded={(props.panel == Panel::Examples).to_string()} onclick={toggle(Panel::Examples)}>{ "Examples" }</button>
                <button type="button" aria-expanded={(props.panel == Panel::Import).to_string()} onclick={toggle(Panel::Import)}>{ "Import" }</button>
                <button type="button" aria-expanded={(props.panel == Panel::Recent).to_string()} onclick={toggle(Panel::Recent)}>{ "Recent drafts" }</button>
                <span class="separator" />
                <button type="button" onclick={undo} disabled={!editor.can_undo()} aria-keyshortcuts="Control+Z">{ "Undo" }</button>
                <button type="button" onclick={redo} disabled={!editor.can_redo()} aria-keyshortcuts="Control+Shift+Z">{ "Redo" }</button>
                <span class="separator" />
                <button type="button" aria-expanded={(props.panel == Panel::Export).to_string()} onclick={toggle(Panel::Export)}>{ "Export" }</button>
                <button type="button" onclick={props.onshare.reform(|_| ())}>{ "Copy share link" }</button>
            </div>
            { new_panel.unwrap_or_default() }
        </>
    }
}
