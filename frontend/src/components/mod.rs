//! The app's components, one per file.

pub mod diagnostics;
pub mod draft_conflict;
pub mod embed_bar;
pub mod entry_list;
pub mod entry_row;
pub mod entry_view;
pub mod examples;
pub mod export_panel;
pub mod field;
pub mod help_text;
pub mod id_builder;
pub mod import_panel;
pub mod json_view;
pub mod list_field;
pub mod map_field;
pub mod narrow_tabs;
pub mod notice;
pub mod placeholder_form;
pub mod policy_import;
pub mod policy_verdict;
pub mod problems_panel;
pub mod recent_drafts;
pub mod required_tags;
pub mod rule_page;
pub mod section_nav;
pub mod section_view;
pub mod status_bar;
pub mod storage_problem;
pub mod template_picker;
pub mod text_box;
pub mod toolbar;
pub mod unreadable_saved_work;
pub mod upgrade_api_version;

use std::rc::Rc;

use yew::prelude::*;

use crate::pointers::{FilePointer, TemplatePointer};
use crate::state::EditorState;

/// The editor's state and dispatcher, shared with every component.
pub type Editor = UseReducerHandle<EditorState>;

/// Moving around the form: the open section, and a request to focus a field.
#[derive(Clone, PartialEq)]
pub struct Navigation {
    pub section: usize,
    pub open_section: Callback<usize>,
    /// Opens the section of a pointer and focuses its field.
    pub go_to: Callback<FilePointer>,
    /// The pointer being gone to, until its field has focus: a long list opens the entry it
    /// is in.
    pub target: Option<FilePointer>,
}

/// The editor as the form sees it: the same handle, renewed only when what the form shows
/// changes (`FormFacts`), so the form's components do not re-render on every keystroke in the
/// JSON view. Reading the text from it gives the text of that moment: form components read the
/// document, the findings and the template, never the text.
#[derive(Clone, PartialEq)]
pub struct FormEditor(pub Editor);

/// The editor for the form's components (see [`FormEditor`]).
#[hook]
pub fn use_form_editor() -> Editor {
    use_context::<FormEditor>()
        .expect("form components are rendered inside the form provider")
        .0
}

/// The editor from context (every component is inside the app's provider).
#[hook]
pub fn use_editor() -> Editor {
    use_context::<Editor>().expect("components are rendered inside the editor provider")
}

/// Opens a panel under the toolbar (Review's "Open the exports").
#[derive(Clone, PartialEq)]
pub struct OpenPanel(pub Callback<toolbar::Panel>);

/// The checker worker's connection (`use_checker`), for exports.
#[hook]
pub fn use_checker_context() -> crate::use_checker::Checker {
    use_context::<crate::use_checker::Checker>()
        .expect("components are rendered inside the checker provider")
}

#[hook]
pub fn use_navigation() -> Navigation {
    use_context::<Navigation>().expect("components are rendered inside the navigation provider")
}

/// A stable, valid HTML id for the field of a pointer.
pub fn field_id(pointer: &FilePointer) -> String {
    let mut id = String::from("field");
    for c in pointer.as_str().chars() {
        id.push(if c.is_ascii_alphanumeric() { c } else { '-' });
    }
    id
}

/// What every field needs: the editor, its pointer from the file's root, its value and its
/// diagnostics.
pub struct FieldContext {
    pub editor: Editor,
    pub abs: FilePointer,
    pub diagnostics: Rc<Vec<validator_core::Diagnostic>>,
    pub value: Option<serde_json::Value>,
}

/// The [`FieldContext`] of a field at `pointer`.
#[hook]
pub fn use_field(pointer: &TemplatePointer) -> FieldContext {
    let editor = use_form_editor();
    let abs = pointer.in_template(&editor.template_base());
    let diagnostics = use_diagnostics_at(&abs);
    let value = editor
        .template()
        .and_then(|t| t.pointer(pointer.as_str()))
        .cloned();
    FieldContext {
        editor,
        abs,
        diagnostics,
        value,
    }
}

/// Inside an entry the user has just added and not edited yet: its fields show no errors.
#[derive(Clone, Copy, PartialEq)]
pub struct Quiet(pub bool);

/// The diagnostics reported exactly at a pointer (none inside a [`Quiet`] entry).
#[hook]
pub fn use_diagnostics_at(pointer: &FilePointer) -> Rc<Vec<validator_core::Diagnostic>> {
    let editor = use_form_editor();
    if use_context::<Quiet>().is_some_and(|q| q.0) {
        return Rc::default();
    }
    let found: Vec<_> = editor
        .report
        .diagnostics
        .iter()
        .filter(|d| d.pointer == pointer.as_str())
        .cloned()
        .collect();
    Rc::new(found)
}
