//! The editor's state and every change to it: one document text, checked after every change.
//!
//! The text is the single source of truth. The form, the JSON view and the Problems panel are
//! views of it; a form edit changes the parsed value and writes the text anew. While the text
//! has syntax errors the form is read-only, so the user's half-typed text is never replaced.
//! The reducer is pure: storage, clipboard and URL effects live in the components.

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;
use validator_core::edit::{self, EditError};
use validator_core::{analyze, pointer, Analysis, Fix, Options};
use yew::Reducible;

/// How many steps undo remembers.
const HISTORY_LIMIT: usize = 200;

/// A change the user makes. Pointers of value edits are relative to the edited template.
#[derive(Debug, Clone, PartialEq)]
pub enum EditorAction {
    /// The JSON view's text changed by typing. Consecutive keystrokes make one undo step until
    /// a `Checkpoint` (a pause in typing, leaving the box) or any other change.
    SetText(String),
    /// The JSON view's text changed by a paste, a drop or a cut: always its own undo step, as
    /// in every editor people know.
    Paste(String),
    Checkpoint,
    /// A whole new document: a starter, an example, an import.
    Import(String),
    SetValue {
        pointer: String,
        value: Value,
    },
    Remove {
        pointer: String,
    },
    Insert {
        pointer: String,
        index: usize,
        value: Value,
    },
    Move {
        pointer: String,
        from: usize,
        to: usize,
    },
    Duplicate {
        pointer: String,
        index: usize,
    },
    /// Change a union's `type`, keeping what was typed for the old type to bring it back.
    SwitchType {
        pointer: String,
        new_type: String,
    },
    /// A diagnostic's fix (its pointers are from the file's root).
    ApplyFix(Fix),
    /// Replace every occurrence of a `<placeholder>` in the text.
    FillPlaceholder {
        token: String,
        value: String,
    },
    SelectTemplate(usize),
    SetOptions(Options),
    Undo,
    Redo,
    DismissNotice,
    /// Opens a whole draft in this tab (a link, a recent draft), with its own id and history:
    /// the draft that was open stays under its own id in Recent drafts.
    OpenDraft {
        id: String,
        text: String,
        undo: Vec<String>,
        notice: Option<String>,
    },
    /// Another tab saved the draft `id` with `text` (a `storage` event).
    OtherTabSaved {
        id: String,
        text: String,
    },
    /// After another tab changed this draft: take their text, as an undoable step.
    LoadTheirs,
    /// After another tab changed this draft: keep this text as a new draft `id`.
    KeepMine {
        id: String,
    },
    /// Saving the draft failed (`Some`, why) or works again (`None`).
    StorageProblem(Option<String>),
    Notify(String),
}

/// How a text change joins the undo history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// An undo step of its own: a committed field edit, a paste, a fix, an import...
    Own,
    /// A keystroke in the JSON view: joins the burst of typing it continues.
    Typing,
}

/// The editor's state.
#[derive(Debug, Clone)]
pub struct EditorState {
    pub text: Rc<String>,
    pub analysis: Rc<Analysis>,
    pub options: Options,
    /// Which of the file's image templates the form edits.
    pub template_index: usize,
    undo: Vec<Rc<String>>,
    redo: Vec<Rc<String>>,
    /// Per union pointer, what the user typed for each `type` they switched away from.
    stash: Rc<HashMap<String, HashMap<String, Value>>>,
    /// A message about the last action that could not be done.
    pub notice: Option<String>,
    /// True while keystrokes in the JSON view are being gathered into one undo step.
    typing: bool,
    /// The draft this tab edits: it saves under this id only (see `drafts`).
    pub draft_id: Rc<str>,
    /// Another tab's newer text for this draft: until the user chooses, this tab does not
    /// save over it.
    pub conflict: Option<Rc<String>>,
    /// Why the draft could not be saved, while it cannot.
    pub storage_problem: Option<String>,
}

/// Context consumers re-render when this says the state changed, so it compares every field:
/// the shared ones by pointer (comparing a whole analysis by value would cost a check's time).
impl PartialEq for EditorState {
    fn eq(&self, other: &Self) -> bool {
        let same_history = |a: &[Rc<String>], b: &[Rc<String>]| {
            a.len() == b.len() && a.last().zip(b.last()).is_none_or(|(a, b)| Rc::ptr_eq(a, b))
        };
        Rc::ptr_eq(&self.text, &other.text)
            && Rc::ptr_eq(&self.analysis, &other.analysis)
            && self.options == other.options
            && self.template_index == other.template_index
            && same_history(&self.undo, &other.undo)
            && same_history(&self.redo, &other.redo)
            && Rc::ptr_eq(&self.stash, &other.stash)
            && self.notice == other.notice
            && self.typing == other.typing
            && self.draft_id == other.draft_id
            && self.conflict == other.conflict
            && self.storage_problem == other.storage_problem
    }
}

impl EditorState {
    pub fn new(text: String, options: Options) -> Self {
        let analysis = Rc::new(analyze(&text, &options));
        EditorState {
            text: Rc::new(text),
            analysis,
            options,
            template_index: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            stash: Rc::default(),
            notice: None,
            typing: false,
            draft_id: Rc::from(""),
            conflict: None,
            storage_problem: None,
        }
    }

    /// A draft with its id and the undo steps that survived a reload (oldest first).
    pub fn resume(id: &str, text: String, undo: Vec<String>, options: Options) -> Self {
        EditorState {
            draft_id: Rc::from(id),
            undo: undo.into_iter().map(Rc::new).collect(),
            ..EditorState::new(text, options)
        }
    }

    /// The undo steps, oldest first.
    pub fn history(&self) -> &[Rc<String>] {
        &self.undo
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// True while the text is not valid JSON, or holds what its value cannot (a lone
    /// surrogate): the form is then read-only, so no edit writes the value over the text.
    pub fn has_syntax_errors(&self) -> bool {
        self.analysis.report.value_misses_text()
    }

    /// Pointer of the edited template in the file (`""` for a bare resource).
    pub fn template_base(&self) -> &str {
        self.analysis
            .report
            .templates
            .get(self.template_index)
            .map_or("", |t| t.pointer.as_str())
    }

    /// The edited template's resource object.
    pub fn template(&self) -> Option<&Value> {
        self.analysis.value.as_ref()?.pointer(self.template_base())
    }

    /// The API version the edited template is checked against.
    pub fn api_version(&self) -> validator_core::ApiVersion {
        self.analysis
            .report
            .templates
            .get(self.template_index)
            .and_then(|t| validator_core::ApiVersion::parse(&t.api_version))
            .unwrap_or(validator_core::ApiVersion::NEWEST)
    }

    /// `2 errors, 1 warning`
    pub fn status_text(&self) -> String {
        let s = self.analysis.report.summary;
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}, {}",
            plural(s.errors, "error"),
            plural(s.warnings, "warning")
        )
    }

    /// The state after `text` replaced the current text, as an undo step of its own.
    fn with_text(&self, text: String) -> Self {
        self.with_text_as(text, Step::Own)
    }

    /// The state after `text` replaced the current text, joining the history as `step` says.
    fn with_text_as(&self, text: String, step: Step) -> Self {
        let typing = step == Step::Typing;
        if text == *self.text {
            return EditorState {
                notice: None,
                // A change that changed nothing still ends a burst of typing.
                typing: typing && self.typing,
                ..self.clone()
            };
        }
        let mut undo = self.undo.clone();
        // Only a keystroke that continues a burst of typing joins the previous step.
        if !(typing && self.typing) {
            undo.push(self.text.clone());
        }
        if undo.len() > HISTORY_LIMIT {
            undo.remove(0);
        }
        let analysis = Rc::new(analyze(&text, &self.options));
        let template_index = self
            .template_index
            .min(analysis.report.templates.len().saturating_sub(1));
        EditorState {
            text: Rc::new(text),
            analysis,
            template_index,
            undo,
            redo: Vec::new(),
            notice: None,
            typing,
            ..self.clone()
        }
    }

    /// One step back (undo) or forward (redo) in the history; `None` when there is none.
    fn travel(&self, forward: bool) -> Option<Self> {
        let mut state = self.clone();
        let (from, to) = if forward {
            (&mut state.redo, &mut state.undo)
        } else {
            (&mut state.undo, &mut state.redo)
        };
        let text = from.pop()?;
        to.push(self.text.clone());
        state.analysis = Rc::new(analyze(&text, &self.options));
        state.text = text;
        state.notice = None;
        state.typing = false;
        Some(state)
    }

    fn with_notice(&self, notice: impl Into<String>) -> Self {
        EditorState {
            notice: Some(notice.into()),
            ..self.clone()
        }
    }

    /// Applies a change to the parsed document and writes it back as text.
    fn edit_value(&self, change: impl FnOnce(&mut Value, &str) -> Result<(), EditError>) -> Self {
        if self.has_syntax_errors() {
            return self.with_notice("fix the JSON syntax errors first: the form is read-only until the text is valid JSON");
        }
        let Some(mut document) = self.analysis.value.clone() else {
            return self.with_notice("there is no document to edit");
        };
        let base = self.template_base().to_owned();
        let had_comments = self
            .analysis
            .report
            .diagnostics
            .iter()
            .any(|d| d.code == "AIB002");
        let before = document.clone();
        match change(&mut document, &base) {
            // An edit that changes nothing (a field left with its value) leaves the text as
            // it is: no reformatting, no comments removed, no empty undo step.
            Ok(()) if document == before => EditorState {
                notice: None,
                typing: false,
                ..self.clone()
            },
            Ok(()) if had_comments => EditorState {
                notice: Some("the form writes strict JSON, so the comments were removed; Undo brings them back".into()),
                ..self.with_text(edit::to_pretty(&document))
            },
            Ok(()) => self.with_text(edit::to_pretty(&document)),
            Err(e) => self.with_notice(e.to_string()),
        }
    }

    fn switch_type(&self, rel: &str, new_type: &str) -> Self {
        let abs = format!("{}{}", self.template_base(), rel);
        let current = self
            .analysis
            .value
            .as_ref()
            .and_then(|v| v.pointer(&abs))
            .cloned();
        let mut stash = (*self.stash).clone();
        let slot = stash.entry(abs.clone()).or_default();
        let mut next = slot
            .get(new_type)
            .cloned()
            .unwrap_or_else(|| serde_json::json!({ "type": new_type }));
        if let Some(current) = &current {
            if let Some(old_type) = current.get("type").and_then(Value::as_str) {
                slot.insert(old_type.to_owned(), current.clone());
            }
            // The name identifies the step whatever its type.
            if let (Some(name), Some(object)) = (current.get("name"), next.as_object_mut()) {
                object.entry("name").or_insert_with(|| name.clone());
            }
        }
        let mut state = self.edit_value(|doc, _| edit::set(doc, &abs, next));
        state.stash = Rc::new(stash);
        state
    }
}

/// Replaces every occurrence of `token` in `text` with `value`: JSON-escaped inside strings;
/// outside strings (an unquoted placeholder) as a number when it is one, else as a string.
pub fn fill_placeholder(text: &str, token: &str, value: &str) -> String {
    let escaped = {
        let quoted = Value::String(value.to_owned()).to_string();
        quoted[1..quoted.len() - 1].to_owned()
    };
    let bare = if value.parse::<f64>().is_ok() || matches!(value, "true" | "false" | "null") {
        value.to_owned()
    } else {
        Value::String(value.to_owned()).to_string()
    };
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escape = false;
    let mut rest = text;
    while !rest.is_empty() {
        if rest.starts_with(token) {
            out.push_str(if in_string { &escaped } else { &bare });
            rest = &rest[token.len()..];
            continue;
        }
        let c = rest.chars().next().unwrap_or_default();
        if in_string {
            if escape {
                escape = false;
            } else if c == '\\' {
                escape = true;
            } else if c == '"' || c == '\n' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

impl Reducible for EditorState {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        let next = match action {
            EditorAction::SetText(text) => self.with_text_as(text, Step::Typing),
            EditorAction::Paste(text) => self.with_text(text),
            EditorAction::Checkpoint => EditorState {
                typing: false,
                ..(*self).clone()
            },
            EditorAction::Import(text) => EditorState {
                template_index: 0,
                stash: Rc::default(),
                ..self.with_text(text)
            },
            EditorAction::SetValue { pointer, value } => {
                self.edit_value(|doc, base| edit::set(doc, &format!("{base}{pointer}"), value))
            }
            EditorAction::Remove { pointer } => self
                .edit_value(|doc, base| edit::remove(doc, &format!("{base}{pointer}")).map(|_| ())),
            EditorAction::Insert {
                pointer,
                index,
                value,
            } => self.edit_value(|doc, base| {
                let abs = format!("{base}{pointer}");
                if doc.pointer(&abs).is_none() {
                    edit::set(doc, &abs, Value::Array(Vec::new()))?;
                }
                edit::insert(doc, &abs, index, value)
            }),
            EditorAction::Move { pointer, from, to } => self.edit_value(|doc, base| {
                edit::move_item(doc, &format!("{base}{pointer}"), from, to)
            }),
            EditorAction::Duplicate { pointer, index } => self.edit_value(|doc, base| {
                let abs = format!("{base}{pointer}");
                let item = doc
                    .pointer(&pointer::join_index(&abs, index))
                    .cloned()
                    .ok_or_else(|| EditError("nothing to duplicate".into()))?;
                edit::insert(doc, &abs, index + 1, with_copy_name(item))
            }),
            EditorAction::SwitchType { pointer, new_type } => self.switch_type(&pointer, &new_type),
            EditorAction::ApplyFix(fix) => match edit::apply_fix(&self.text, &fix) {
                Ok(text) => self.with_text(text),
                Err(e) => self.with_notice(format!("the fix could not be applied: {e}")),
            },
            EditorAction::FillPlaceholder { token, value } => {
                self.with_text(fill_placeholder(&self.text, &token, &value))
            }
            EditorAction::SelectTemplate(index) => EditorState {
                template_index: index.min(self.analysis.report.templates.len().saturating_sub(1)),
                notice: None,
                ..(*self).clone()
            },
            EditorAction::SetOptions(options) => EditorState {
                analysis: Rc::new(analyze(&self.text, &options)),
                options,
                ..(*self).clone()
            },
            EditorAction::Undo => match self.travel(false) {
                Some(state) => state,
                None => return self,
            },
            EditorAction::Redo => match self.travel(true) {
                Some(state) => state,
                None => return self,
            },
            EditorAction::DismissNotice => EditorState {
                notice: None,
                ..(*self).clone()
            },
            EditorAction::OpenDraft {
                id,
                text,
                undo,
                notice,
            } => EditorState {
                notice,
                storage_problem: self.storage_problem.clone(),
                ..EditorState::resume(&id, text, undo, self.options.clone())
            },
            EditorAction::OtherTabSaved { id, text } => {
                if *id != *self.draft_id {
                    return self;
                }
                EditorState {
                    // Theirs is what we have: nothing to choose.
                    conflict: (text != *self.text).then(|| Rc::new(text)),
                    ..(*self).clone()
                }
            }
            EditorAction::LoadTheirs => match self.conflict.clone() {
                Some(theirs) => EditorState {
                    conflict: None,
                    ..self.with_text((*theirs).clone())
                },
                None => return self,
            },
            EditorAction::KeepMine { id } => EditorState {
                draft_id: Rc::from(id),
                conflict: None,
                ..(*self).clone()
            },
            EditorAction::StorageProblem(problem) => {
                if problem == self.storage_problem {
                    return self;
                }
                EditorState {
                    storage_problem: problem,
                    ..(*self).clone()
                }
            }
            EditorAction::Notify(notice) => self.with_notice(notice),
        };
        Rc::new(next)
    }
}

/// A duplicated step gets a distinct name, so it does not trip the duplicate-name rule.
fn with_copy_name(mut item: Value) -> Value {
    if let Some(name) = item.get("name").and_then(Value::as_str).map(str::to_owned) {
        item["name"] = Value::String(format!("{name}-copy"));
    }
    if let Some(name) = item
        .get("runOutputName")
        .and_then(Value::as_str)
        .map(str::to_owned)
    {
        item["runOutputName"] = Value::String(format!("{name}-copy"));
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn start(doc: Value) -> Rc<EditorState> {
        Rc::new(EditorState::new(edit::to_pretty(&doc), Options::default()))
    }

    fn doc(state: &EditorState) -> Value {
        state.analysis.value.clone().unwrap()
    }

    #[test]
    fn form_edits_rewrite_the_text_and_undo_redo_walk_back_and_forth() {
        let state = start(json!({"location": "westeurope", "properties": {}}));
        let state = state.reduce(EditorAction::SetValue {
            pointer: "/properties/buildTimeoutInMinutes".into(),
            value: json!(60),
        });
        assert_eq!(
            doc(&state)["properties"]["buildTimeoutInMinutes"],
            json!(60)
        );
        assert!(state.text.contains("\"buildTimeoutInMinutes\": 60"));
        let state = state.reduce(EditorAction::SetText("{\"location\": \"eastus\"}".into()));
        let state = state.reduce(EditorAction::Undo);
        assert_eq!(
            doc(&state)["properties"]["buildTimeoutInMinutes"],
            json!(60)
        );
        let state = state.reduce(EditorAction::Undo);
        assert!(doc(&state)["properties"]
            .get("buildTimeoutInMinutes")
            .is_none());
        assert!(!state.can_undo());
        let state = state.reduce(EditorAction::Redo).reduce(EditorAction::Redo);
        assert_eq!(doc(&state)["location"], json!("eastus"));
        assert!(!state.can_redo());
    }

    #[test]
    fn keystrokes_make_one_undo_step_until_a_checkpoint() {
        let state = start(json!({"location": "a"}));
        let state = state.reduce(EditorAction::SetText("{\"location\": \"ab\"}".into()));
        let state = state.reduce(EditorAction::SetText("{\"location\": \"abc\"}".into()));
        let state = state.reduce(EditorAction::Checkpoint);
        let state = state.reduce(EditorAction::SetText("{\"location\": \"abcd\"}".into()));
        let state = state.reduce(EditorAction::Undo);
        assert_eq!(doc(&state)["location"], json!("abc"));
        let state = state.reduce(EditorAction::Undo);
        assert_eq!(doc(&state)["location"], json!("a"));
    }

    #[test]
    fn invalid_text_is_kept_and_the_form_is_read_only() {
        let state = start(json!({"location": "westeurope"}));
        let typed = "{\"location\": \"west".to_owned();
        let state = state.reduce(EditorAction::SetText(typed.clone()));
        assert_eq!(*state.text, typed);
        assert!(state.has_syntax_errors());
        let state = state.reduce(EditorAction::SetValue {
            pointer: "/location".into(),
            value: json!("x"),
        });
        assert_eq!(*state.text, typed, "the user's text is never replaced");
        assert!(state.notice.is_some());
    }

    #[test]
    fn a_state_with_other_options_or_analysis_is_not_equal() {
        let state = (*start(json!({"location": "westeurope"}))).clone();
        let mut other = state.clone();
        assert!(state == other);
        other.options.os = Some(validator_core::Os::Windows);
        assert!(state != other, "options differ");
        let mut reanalysed = state.clone();
        reanalysed.analysis = Rc::new((*state.analysis).clone());
        assert!(state != reanalysed, "another analysis");
    }

    #[test]
    fn a_lone_surrogate_keeps_the_form_read_only_so_the_escape_is_never_rewritten() {
        let state = start(json!({"location": "westeurope"}));
        let typed = r#"{"location": "westeurope", "tags": {"mood": "\ud83d"}}"#.to_owned();
        let state = state.reduce(EditorAction::SetText(typed.clone()));
        assert!(state.has_syntax_errors());
        let state = state.reduce(EditorAction::SetValue {
            pointer: "/location".into(),
            value: json!("westus"),
        });
        assert_eq!(*state.text, typed, "the escape is still in the text");
    }

    #[test]
    fn switching_type_keeps_what_was_typed_for_each_type() {
        let state = start(json!({"properties": {"customize": [
            {"type": "Shell", "name": "setup", "scriptUri": "https://example.com/a.sh"}
        ]}}));
        let state = state.reduce(EditorAction::SwitchType {
            pointer: "/properties/customize/0".into(),
            new_type: "File".into(),
        });
        assert_eq!(
            doc(&state)["properties"]["customize"][0],
            json!({"type": "File", "name": "setup"})
        );
        let state = state.reduce(EditorAction::SetValue {
            pointer: "/properties/customize/0/destination".into(),
            value: json!("/tmp/a"),
        });
        let state = state.reduce(EditorAction::SwitchType {
            pointer: "/properties/customize/0".into(),
            new_type: "Shell".into(),
        });
        assert_eq!(
            doc(&state)["properties"]["customize"][0]["scriptUri"],
            json!("https://example.com/a.sh")
        );
        let state = state.reduce(EditorAction::SwitchType {
            pointer: "/properties/customize/0".into(),
            new_type: "File".into(),
        });
        assert_eq!(
            doc(&state)["properties"]["customize"][0]["destination"],
            json!("/tmp/a")
        );
    }

    #[test]
    fn lists_insert_move_duplicate_and_remove() {
        let state = start(json!({"properties": {}}));
        let state = state.reduce(EditorAction::Insert {
            pointer: "/properties/customize".into(),
            index: 0,
            value: json!({"type": "Shell", "name": "a"}),
        });
        let state = state.reduce(EditorAction::Duplicate {
            pointer: "/properties/customize".into(),
            index: 0,
        });
        let state = state.reduce(EditorAction::Move {
            pointer: "/properties/customize".into(),
            from: 1,
            to: 0,
        });
        assert_eq!(
            doc(&state)["properties"]["customize"][0]["name"],
            json!("a-copy")
        );
        let state = state.reduce(EditorAction::Remove {
            pointer: "/properties/customize/0".into(),
        });
        assert_eq!(
            doc(&state)["properties"]["customize"],
            json!([{"type": "Shell", "name": "a"}])
        );
    }

    #[test]
    fn placeholders_are_filled_inside_and_outside_strings() {
        let text = "{\"location\": \"<region>\", \"n\": <minutes>, \"id\": \"/x/<region>/y\"}";
        let filled = fill_placeholder(
            &fill_placeholder(text, "<region>", "west\"europe"),
            "<minutes>",
            "60",
        );
        assert_eq!(
            filled,
            "{\"location\": \"west\\\"europe\", \"n\": 60, \"id\": \"/x/west\\\"europe/y\"}"
        );
        assert_eq!(
            fill_placeholder("{\"a\": <name>}", "<name>", "abc"),
            "{\"a\": \"abc\"}"
        );
    }

    #[test]
    fn fixes_apply_and_status_counts() {
        let state = start(json!({
            "apiVersion": "2024-02-01", "location": "westeurope",
            "properties": {"distribute": [{"type": "vhd", "runOutputName": "v"}]}
        }));
        assert!(state.status_text().contains("error"));
        let fix = state
            .analysis
            .report
            .diagnostics
            .iter()
            .find_map(|d| d.fix.as_deref().cloned())
            .unwrap();
        let state = state.reduce(EditorAction::ApplyFix(fix));
        assert_eq!(
            doc(&state)["properties"]["distribute"][0]["type"],
            json!("VHD")
        );
    }

    /// A document on which every kind of change can be made: a field, a fixable error, a
    /// placeholder to replace, a union to switch.
    fn everything() -> Value {
        json!({
            "apiVersion": "2024-02-01", "location": "westeurope",
            "tags": {"owner": "<owner>"},
            "properties": {
                "customize": [{"type": "Shell", "name": "setup", "scriptUri": "https://example.com/a.sh"}],
                "distribute": [{"type": "vhd", "runOutputName": "v"}]
            }
        })
    }

    /// Starts from `everything()`, types a burst in the JSON view (no pause, no blur), then
    /// makes the change `action` builds: undo must step back to the typed text first, then
    /// to the start, and redo forward the same way.
    fn assert_own_step(action: impl FnOnce(&EditorState) -> EditorAction) {
        let state = start(everything());
        let original = state.text.clone();
        let typed = state.text.replace("westeurope", "westeuropeX");
        let state = state
            .reduce(EditorAction::SetText(
                typed.replace("westeuropeX", "westeuro"),
            ))
            .reduce(EditorAction::SetText(typed.clone()));
        let action = action(&state);
        let changed = state.reduce(action.clone());
        assert_ne!(*changed.text, typed, "{action:?} changed the text");
        let state = changed.clone().reduce(EditorAction::Undo);
        assert_eq!(*state.text, typed, "one undo reverts only {action:?}");
        let state = state.reduce(EditorAction::Undo);
        assert_eq!(state.text, original, "the burst of typing is one step");
        assert!(!state.can_undo());
        let state = state.reduce(EditorAction::Redo).reduce(EditorAction::Redo);
        assert_eq!(state.text, changed.text);
    }

    #[test]
    fn a_paste_is_its_own_undo_step() {
        assert_own_step(|s| EditorAction::Paste(s.text.replace("westeurope", "eastus")));
    }

    #[test]
    fn two_pastes_in_a_row_are_two_undo_steps_and_typing_after_a_paste_is_another() {
        let state = start(json!({"location": "a"}));
        let first = "{\"location\": \"first\"}".to_owned();
        let second = "{\"location\": \"second\"}".to_owned();
        let state = state
            .reduce(EditorAction::Paste(first.clone()))
            .reduce(EditorAction::Paste(second.clone()))
            .reduce(EditorAction::SetText("{\"location\": \"secondX\"}".into()));
        let state = state.reduce(EditorAction::Undo);
        assert_eq!(*state.text, second);
        let state = state.reduce(EditorAction::Undo);
        assert_eq!(*state.text, first);
        let state = state.reduce(EditorAction::Undo);
        assert_eq!(doc(&state)["location"], json!("a"));
    }

    #[test]
    fn a_committed_field_edit_is_its_own_undo_step() {
        assert_own_step(|_| EditorAction::SetValue {
            pointer: "/properties/buildTimeoutInMinutes".into(),
            value: json!(60),
        });
        let state = start(everything())
            .reduce(EditorAction::SetValue {
                pointer: "/location".into(),
                value: json!("eastus"),
            })
            .reduce(EditorAction::SetValue {
                pointer: "/location".into(),
                value: json!("westus"),
            });
        let state = state.reduce(EditorAction::Undo);
        assert_eq!(doc(&state)["location"], json!("eastus"));
    }

    #[test]
    fn a_replace_all_is_its_own_undo_step() {
        assert_own_step(|_| EditorAction::FillPlaceholder {
            token: "<owner>".into(),
            value: "me".into(),
        });
    }

    #[test]
    fn a_fix_is_its_own_undo_step() {
        assert_own_step(|s| {
            let fix = s
                .analysis
                .report
                .diagnostics
                .iter()
                .find_map(|d| d.fix.as_deref().cloned())
                .expect("the vhd type has a fix");
            EditorAction::ApplyFix(fix)
        });
    }

    #[test]
    fn an_import_is_its_own_undo_step() {
        assert_own_step(|_| EditorAction::Import("{\"location\": \"imported\"}".into()));
    }

    #[test]
    fn a_type_switch_is_its_own_undo_step() {
        assert_own_step(|_| EditorAction::SwitchType {
            pointer: "/properties/customize/0".into(),
            new_type: "File".into(),
        });
    }

    #[test]
    fn another_tabs_save_of_this_draft_is_a_conflict_until_the_user_chooses() {
        let mine = Rc::new(EditorState::resume(
            "a",
            "{\"location\": \"mine\"}".into(),
            vec!["{}".into()],
            Options::default(),
        ));
        assert!(mine.can_undo(), "the history survives");
        let theirs = "{\"location\": \"theirs\"}".to_owned();
        let other = mine.clone().reduce(EditorAction::OtherTabSaved {
            id: "b".into(),
            text: theirs.clone(),
        });
        assert!(other.conflict.is_none(), "another draft is no conflict");
        let same = mine.clone().reduce(EditorAction::OtherTabSaved {
            id: "a".into(),
            text: (*mine.text).clone(),
        });
        assert!(same.conflict.is_none(), "the same text is no conflict");
        let state = mine.clone().reduce(EditorAction::OtherTabSaved {
            id: "a".into(),
            text: theirs.clone(),
        });
        assert_eq!(state.conflict.as_deref(), Some(&theirs));
        let loaded = state.clone().reduce(EditorAction::LoadTheirs);
        assert_eq!(*loaded.text, theirs);
        assert!(loaded.conflict.is_none());
        assert_eq!(*loaded.reduce(EditorAction::Undo).text, *mine.text);
        let kept = state.reduce(EditorAction::KeepMine { id: "c".into() });
        assert_eq!(&*kept.draft_id, "c");
        assert_eq!(kept.text, mine.text);
        assert!(kept.conflict.is_none());
    }

    #[test]
    fn opening_a_draft_starts_its_own_history_under_its_own_id() {
        let state = start(json!({"location": "a"}))
            .reduce(EditorAction::SetText("{\"location\": \"b\"}".into()))
            .reduce(EditorAction::OpenDraft {
                id: "new".into(),
                text: "{\"location\": \"linked\"}".into(),
                undo: vec![],
                notice: None,
            });
        assert_eq!(&*state.draft_id, "new");
        assert_eq!(doc(&state)["location"], json!("linked"));
        assert!(!state.can_undo());
    }

    #[test]
    fn a_field_left_with_its_value_changes_nothing_and_adds_no_undo_step() {
        // Not in the form's layout, and with a comment: a rewrite would show.
        let text = "{ // mine\n\"location\": \"westeurope\"}".to_owned();
        let state = Rc::new(EditorState::new(text.clone(), Options::default()));
        let state = state.reduce(EditorAction::SetValue {
            pointer: "/location".into(),
            value: json!("westeurope"),
        });
        assert_eq!(*state.text, text);
        assert!(!state.can_undo());
    }
}
