//! The actions on the whole document: new, examples, import, undo, redo, share.

use yew::prelude::*;

use super::use_editor;
use crate::samples::{BLANK, LINUX_STARTER, WINDOWS_STARTER};
use crate::state::EditorAction;
use crate::use_policy::use_policy_context;

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
    let policy = use_policy_context();
    let new_panel = (props.panel == Panel::New).then(|| {
        let shape = policy.state.shape();
        // What the policy allows only one value for is filled in from the start.
        let start = |text: &str| {
            let text = shape.map_or_else(|| text.to_owned(), |p| p.prefill(text));
            let editor = editor.clone();
            let onpanel = props.onpanel.clone();
            Callback::from(move |_: MouseEvent| {
                editor.dispatch(EditorAction::Import(text.clone()));
                onpanel.emit(Panel::None);
            })
        };
        // The platform team's own starters come first.
        let team_starters = shape.filter(|p| p.starters().next().is_some()).map(|p| html! {
            <div class="team-starters" role="group" aria-label={format!("Starters of the {} policy", p.title())}>
                { for p.starters().map(|starter| html! {
                    <button type="button" onclick={start(starter.text)} title={starter.description.map(str::to_owned)}>{ starter.name }</button>
                }) }
            </div>
        });
        html! {
            <div class="panel" role="group" aria-label="New template">
                <p>{ "Start blank or from a starter; Undo brings back what you had." }</p>
                { team_starters.unwrap_or_default() }
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
