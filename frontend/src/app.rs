//! The app: the editor state as a context, the layout, and the effects that keep the work
//! safe (autosave, restore, share links) and the keyboard shortcuts (`history_keys`).

use yew::prelude::*;

use crate::browser;
use crate::components::draft_conflict::DraftConflict;
use crate::components::examples::Examples;
use crate::components::import_panel::{read_file, ImportPanel};
use crate::components::json_view::JsonView;
use crate::components::notice::Notice;
use crate::components::problems_panel::ProblemsPanel;
use crate::components::recent_drafts::RecentDrafts;
use crate::components::section_nav::SectionNav;
use crate::components::section_view::SectionView;
use crate::components::status_bar::StatusBar;
use crate::components::storage_problem::StorageProblem;
use crate::components::template_picker::TemplatePicker;
use crate::components::toolbar::{Panel, Toolbar};
use crate::components::{Editor, Navigation};
use crate::history_keys::use_history_keys;
use crate::opening::open_tab;
use crate::pointers::FilePointer;
use crate::sections::{section_at, SECTIONS};
use crate::state::EditorAction;
use crate::use_checker::{use_checker, Checker};
use crate::use_drafts::{use_draft_autosave, use_links_in_open_tab, use_other_tab_saves};
use crate::{draft_storage, share};

#[function_component(App)]
pub fn app() -> Html {
    let initial = use_memo((), |_| open_tab());
    let editor: Editor = use_reducer({
        let initial = initial.clone();
        move || initial.editor_state()
    });
    let checker = use_checker(editor.clone());
    let corrupted = use_state(|| initial.corrupted.clone());
    let section = use_state(|| initial.section.min(SECTIONS.len() - 1));
    let panel = use_state(|| Panel::None);
    let pending_focus = use_state(|| None::<FilePointer>);

    // Autosave this tab's draft; unreadable saved work is left alone until the user decides.
    use_draft_autosave(editor.clone(), *section, corrupted.is_some());
    use_other_tab_saves(editor.clone());
    use_links_in_open_tab(editor.clone());
    // Focus the field a problem points at, once its section is rendered.
    {
        let pending_focus = pending_focus.clone();
        use_effect_with(((*pending_focus).clone(), *section), move |(pointer, _)| {
            if let Some(pointer) = pointer {
                browser::focus_pointer(pointer.as_str());
                pending_focus.set(None);
            }
        });
    }

    let navigation = Navigation {
        section: *section,
        open_section: {
            let section = section.clone();
            Callback::from(move |i: usize| section.set(i))
        },
        go_to: {
            let section = section.clone();
            let pending_focus = pending_focus.clone();
            let editor = editor.clone();
            Callback::from(move |pointer: FilePointer| {
                section.set(section_at(&pointer, &editor.template_base()));
                pending_focus.set(Some(pointer));
            })
        },
        target: (*pending_focus).clone(),
    };

    // Undo and redo from anywhere on the page, even when nothing has focus.
    use_history_keys(editor.clone());
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let editor = editor.clone();
        let panel = panel.clone();
        Callback::from(move |e: DragEvent| {
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                e.prevent_default();
                let panel = panel.clone();
                let problem = {
                    let editor = editor.clone();
                    Callback::from(move |problem: Option<String>| {
                        // A successful import clears the notice itself.
                        if let Some(problem) = problem {
                            editor.dispatch(EditorAction::Notify(problem));
                        }
                    })
                };
                read_file(
                    file,
                    editor.clone(),
                    problem,
                    Callback::from(move |_| panel.set(Panel::None)),
                );
            }
        })
    };
    let onshare = {
        let text = editor.text.clone();
        let editor = editor.clone();
        Callback::from(move |_| {
            let fragment = share::encode(&text);
            if fragment.len() > share::MAX_LINK_FRAGMENT {
                editor.dispatch(EditorAction::Notify(
                    "The template is too large for a link: download the JSON instead.".into(),
                ));
                return;
            }
            let link = browser::link_with_fragment(&fragment);
            let editor = editor.clone();
            wasm_bindgen_futures::spawn_local(async move {
                editor.dispatch(EditorAction::Notify(match browser::copy(link).await {
                    Ok(()) => {
                        "Copied a share link: the template is inside the link, nothing is uploaded."
                            .into()
                    }
                    Err(e) => format!("Could not copy the link: {e}"),
                }));
            });
        })
    };
    let onpanel = {
        let panel = panel.clone();
        Callback::from(move |p: Panel| panel.set(p))
    };
    let close_panel = {
        let panel = panel.clone();
        Callback::from(move |_| panel.set(Panel::None))
    };
    let recover = corrupted.as_ref().map(|(key, raw)| {
        let download = {
            let raw = raw.clone();
            Callback::from(move |_: MouseEvent| {
                let _ = browser::download("aib-designer-saved-state.txt", &raw, "text/plain");
            })
        };
        let fresh = {
            let corrupted = corrupted.clone();
            let key = key.clone();
            Callback::from(move |_: MouseEvent| {
                draft_storage::discard(&key);
                corrupted.set(None);
            })
        };
        html! {
            <div class="banner is-error" role="alert">
                <p>{ "The work saved in this browser could not be read. It is kept until you decide; autosave is paused." }</p>
                <button type="button" onclick={download}>{ "Download the saved data" }</button>
                <button type="button" onclick={fresh}>{ "Discard it and start fresh" }</button>
            </div>
        }
    });
    html! {
        <ContextProvider<Editor> context={editor.clone()}>
          <ContextProvider<Checker> context={checker}>
            <ContextProvider<Navigation> context={navigation}>
                <div class="app" {ondragover} {ondrop}>
                    <header class="app-header">
                        <h1>{ "Image Builder template designer" }</h1>
                        <Toolbar panel={*panel} {onpanel} {onshare} />
                    </header>
                    { recover.unwrap_or_default() }
                    <DraftConflict />
                    <StorageProblem />
                    <Notice />
                    if *panel == Panel::Examples { <Examples onclose={close_panel.clone()} /> }
                    if *panel == Panel::Import { <ImportPanel onclose={close_panel.clone()} /> }
                    if *panel == Panel::Recent { <RecentDrafts onclose={close_panel.clone()} /> }
                    <main class="workspace">
                        <SectionNav />
                        <div class="form">
                            <TemplatePicker />
                            <SectionView section={SECTIONS[*section]} />
                        </div>
                        <div class="side">
                            <JsonView />
                            <ProblemsPanel />
                        </div>
                    </main>
                    <StatusBar />
                </div>
            </ContextProvider<Navigation>>
          </ContextProvider<Checker>>
        </ContextProvider<Editor>>
    }
}
