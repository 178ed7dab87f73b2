//! The app: the providers every component reads (the editor, the checker, navigation) and the
//! layout. What keeps the work safe and what the buttons do lives in hooks and components of
//! their own (`use_drafts`, `use_share_link`, `use_file_drop`, `history_keys`...).

use yew::prelude::*;

use crate::code_editor::EditorSlot;
use crate::components::draft_conflict::DraftConflict;
use crate::components::embed_bar::EmbedBar;
use crate::components::examples::Examples;
use crate::components::export_panel::ExportPanel;
use crate::components::import_panel::ImportPanel;
use crate::components::json_view::JsonView;
use crate::components::narrow_tabs::{NarrowTabs, ShowView, View};
use crate::components::notice::Notice;
use crate::components::problems_panel::ProblemsPanel;
use crate::components::recent_drafts::RecentDrafts;
use crate::components::rule_page::RulePage;
use crate::components::section_nav::SectionNav;
use crate::components::section_view::SectionView;
use crate::components::status_bar::StatusBar;
use crate::components::storage_problem::StorageProblem;
use crate::components::template_picker::TemplatePicker;
use crate::components::toolbar::{Panel, Toolbar};
use crate::components::unreadable_saved_work::UnreadableSavedWork;
use crate::components::{Editor, FormEditor, Navigation, OpenPanel};
use crate::history_keys::use_history_keys;
use crate::opening::open_tab;
use crate::sections::SECTIONS;
use crate::use_checker::{use_checker, Checker};
use crate::use_drafts::{use_draft_autosave, use_links_in_open_tab, use_other_tab_saves};
use crate::use_file_drop::{use_file_drop, FileDrop};
use crate::use_form_navigation::use_form_navigation;
use crate::use_policy::{use_policy, PolicyContext};
use crate::use_route::use_rule_route;
use crate::use_share_link::use_share_link;
use crate::use_url_link::use_url_link;

#[function_component(App)]
pub fn app() -> Html {
    let opened = use_memo((), |_| open_tab());
    let editor: Editor = use_reducer({
        let opened = opened.clone();
        move || opened.editor_state()
    });
    let checker = use_checker(editor.clone());
    let policy = use_policy(editor.clone(), checker.clone());
    let json_editor = use_memo((), |_| EditorSlot::default());
    let form_editor = {
        let editor = editor.clone();
        use_memo(editor.form_facts(), move |_| FormEditor(editor))
    };
    let unreadable_saved_work = use_state(|| opened.corrupted.clone());
    // The compact view for an <iframe> (`?embed`): the editor and its problems. It saves no
    // draft: a documentation page would otherwise fill Recent drafts with its examples; its
    // "Open in the full designer" button is how to keep a template.
    let embed = *use_memo((), |_| crate::browser::is_embed());
    let panel = use_state(|| Panel::None);
    let navigation = use_form_navigation(editor.clone(), opened.section);
    // Autosave this tab's draft; unreadable saved work is left alone until the user decides.
    use_draft_autosave(
        editor.clone(),
        navigation.section,
        unreadable_saved_work.is_some() || embed,
    );
    use_other_tab_saves(editor.clone());
    use_links_in_open_tab(editor.clone());
    use_url_link(editor.clone());
    // Undo and redo from anywhere on the page, even when nothing has focus.
    use_history_keys(editor.clone());
    let onpanel = {
        let panel = panel.clone();
        Callback::from(move |p: Panel| panel.set(p))
    };
    let close_panel = onpanel.reform(|()| Panel::None);
    let FileDrop { ondragover, ondrop } = use_file_drop(editor.clone(), close_panel.clone());
    let onshare = use_share_link(editor.clone());
    let section = SECTIONS[navigation.section];
    // A rule's page shows over the designer, which stays as it is underneath.
    let rule = use_rule_route();
    // What a narrow screen shows; the status bar's count shows the problems.
    let view = use_state(View::default);
    let show_view = {
        let view = view.clone();
        Callback::from(move |v: View| view.set(v))
    };
    let show_problems = show_view.reform(|()| {
        // Once shown: the heading is hidden until the view changes on a narrow screen.
        gloo::timers::callback::Timeout::new(0, || crate::browser::focus_id("problems-heading"))
            .forget();
        View::Problems
    });

    let layout = if embed {
        html! {
            <div class="app embed">
                <EmbedBar />
                <Notice />
                if let Some(rule) = &*rule { <RulePage rule={rule.clone()} /> }
                <main class="embed-workspace" hidden={rule.is_some()}>
                    <JsonView />
                    <ProblemsPanel />
                </main>
                <StatusBar onshowproblems={show_problems.clone()} />
            </div>
        }
    } else {
        html! {
                <div class="app" {ondragover} {ondrop}>
                    <header class="app-header">
                        <h1>{ "Image Builder template designer" }</h1>
                        <Toolbar panel={*panel} onpanel={onpanel.clone()} {onshare} />
                    </header>
                    <UnreadableSavedWork saved_work={unreadable_saved_work} />
                    <DraftConflict />
                    <StorageProblem />
                    <Notice />
                    if *panel == Panel::Examples { <Examples onclose={close_panel.clone()} /> }
                    if *panel == Panel::Import { <ImportPanel onclose={close_panel.clone()} /> }
                    if *panel == Panel::Recent { <RecentDrafts onclose={close_panel} /> }
                    if *panel == Panel::Export {
                        <div class="panel exports" role="region" aria-label="Exports"><ExportPanel /></div>
                    }
                    if let Some(rule) = &*rule { <RulePage rule={rule.clone()} /> }
                    <NarrowTabs view={*view} onchange={show_view.clone()} />
                    <main class={classes!("workspace", view.class())} hidden={rule.is_some()}>
                        <SectionNav />
                        <div class="form">
                            <TemplatePicker />
                            <SectionView {section} />
                        </div>
                        <div class="side">
                            <JsonView />
                            <ProblemsPanel />
                        </div>
                    </main>
                    <StatusBar onshowproblems={show_problems} />
                </div>
        }
    };
    html! {
        <ContextProvider<Editor> context={editor}>
          <ContextProvider<Checker> context={checker}>
          <ContextProvider<EditorSlot> context={(*json_editor).clone()}>
            <ContextProvider<Navigation> context={navigation}>
            <ContextProvider<FormEditor> context={(*form_editor).clone()}>
            <ContextProvider<OpenPanel> context={OpenPanel(onpanel)}>
            <ContextProvider<ShowView> context={ShowView(show_view)}>
            <ContextProvider<PolicyContext> context={policy}>
                { layout }
            </ContextProvider<PolicyContext>>
            </ContextProvider<ShowView>>
            </ContextProvider<OpenPanel>>
            </ContextProvider<FormEditor>>
            </ContextProvider<Navigation>>
          </ContextProvider<EditorSlot>>
          </ContextProvider<Checker>>
        </ContextProvider<Editor>>
    }
}
