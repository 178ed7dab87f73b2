//! The editor's state and every change to it: one document text, checked after every change.
//!
//! The text is the single source of truth. The form, the JSON view and the Problems panel are
//! views of it; a form edit changes the parsed value and the text at the changed span only, so
//! the user's comments, key order and layout elsewhere stay as they were (only a reformat the
//! user asks for re-indents everything). While the text has syntax errors the form is
//! read-only, so the user's half-typed text is never replaced.
//!
//! The check runs in a worker thread (`checker`), so no text is too large to type in: each
//! change of what the check reads makes a new `revision`, and the worker's answer is taken
//! only for the revision it was asked about ([`EditorAction::Checked`]). Until it arrives the
//! last findings stay on screen, marked as being updated, and the form shows the last value it
//! knew, read-only unless a form edit made the text (then its value is known at once).
//!
//! The reducer is pure: storage, clipboard, URL and worker effects live in hooks.

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;
use validator_core::edit::{self, Change, EditError};
use validator_core::model::discover;
use validator_core::{Fix, Options, Report};
use yew::Reducible;

use crate::checker::Checked;
use crate::pointers::{FilePointer, TemplatePointer};
use crate::words::counted;

/// How many steps undo remembers.
const HISTORY_LIMIT: usize = 200;

/// The largest text the page parses itself when it opens (so the form works before the
/// checker has loaded): about 2 MB, some 40 ms of parsing.
const QUICK_PARSE_MAX_BYTES: usize = 2 * 1024 * 1024;

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
        pointer: TemplatePointer,
        value: Value,
    },
    Remove {
        pointer: TemplatePointer,
    },
    Insert {
        pointer: TemplatePointer,
        index: usize,
        value: Value,
    },
    Move {
        pointer: TemplatePointer,
        from: usize,
        to: usize,
    },
    Duplicate {
        pointer: TemplatePointer,
        index: usize,
    },
    /// Change a union's `type`, keeping what was typed for the old type to bring it back.
    SwitchType {
        pointer: TemplatePointer,
        new_type: String,
    },
    /// A diagnostic's fix (its pointers are from the file's root).
    ApplyFix(Fix),
    /// Re-indent the whole text, keeping comments (the JSON view's Format).
    Format,
    /// Replace every occurrence of a `<placeholder>` in the text.
    FillPlaceholder {
        token: String,
        value: String,
    },
    SelectTemplate(usize),
    SetOptions(Options),
    /// The checker applies another policy (`use_policy`): check the text again.
    PolicyChanged,
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
    /// The worker's check of a revision: taken if it is still the current one, else dropped.
    Checked(Rc<Checked>),
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
    pub options: Options,
    /// Counts the changes of what the check reads (the text and the options).
    pub revision: u64,
    /// The findings of the last check, which was of `checked_revision`.
    pub report: Rc<Report>,
    pub checked_revision: u64,
    /// The parsed document the form shows: the current text's when `editable`, else the last
    /// one known (shown read-only).
    value: Option<Rc<Value>>,
    /// True when `value` is the current text's and writing it back keeps everything the user
    /// wrote: the form can edit.
    editable: bool,
    /// Pointers of the image templates in `value`, found as the check finds them.
    bases: Rc<Vec<FilePointer>>,
    /// Form edits made while the value of a changed text was not known yet: applied in order
    /// when its check answers, so a quick edit after typing in the JSON view is not lost.
    deferred: Rc<Vec<EditorAction>>,
    /// Which of the file's image templates the form edits.
    pub template_index: usize,
    undo: Vec<Rc<String>>,
    redo: Vec<Rc<String>>,
    /// Per union pointer, what the user typed for each `type` they switched away from.
    stash: Rc<HashMap<FilePointer, HashMap<String, Value>>>,
    /// The one message the banner shows: what the last action could not do or is worth
    /// telling (a share link copied, a file that could not be read), or what opening the tab
    /// found. Dismissed by the user, or replaced by the next change.
    pub notice: Option<String>,
    /// True while keystrokes in the JSON view are being gathered into one undo step.
    typing: bool,
    /// The check of a text with syntax errors that came while the user was still typing: a
    /// half-typed key (`"loc`) is not a mistake yet, so its findings (and the read-only form
    /// they bring) wait for the pause in typing instead of flickering on every key. A check
    /// of text without syntax errors shows at once.
    held: Option<Rc<Checked>>,
    /// The draft this tab edits: it saves under this id only (see `drafts`).
    pub draft_id: Rc<str>,
    /// Another tab's newer text for this draft: until the user chooses, this tab does not
    /// save over it.
    pub conflict: Option<Rc<String>>,
    /// Why the draft could not be saved, while it cannot.
    pub storage_problem: Option<String>,
}

/// What the form shows of the state, compared by identity: the form's context changes only when
/// this does. A keystroke in the JSON view changes the text, not what the form shows, until its
/// check answers; so typing in a large template does not re-render the form on every key.
#[derive(Debug, Clone)]
pub struct FormFacts {
    value: Option<Rc<Value>>,
    report: Rc<Report>,
    template_index: usize,
    read_only: bool,
}

impl PartialEq for FormFacts {
    fn eq(&self, other: &Self) -> bool {
        let same_value = match (&self.value, &other.value) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        same_value
            && Rc::ptr_eq(&self.report, &other.report)
            && self.template_index == other.template_index
            && self.read_only == other.read_only
    }
}

/// Context consumers re-render when this says the state changed, so it compares every field:
/// the shared ones by pointer (comparing a whole analysis by value would cost a check's time).
impl PartialEq for EditorState {
    fn eq(&self, other: &Self) -> bool {
        let same_history = |a: &[Rc<String>], b: &[Rc<String>]| {
            a.len() == b.len() && a.last().zip(b.last()).is_none_or(|(a, b)| Rc::ptr_eq(a, b))
        };
        // The value, the report and the template index, by identity.
        self.form_facts() == other.form_facts()
            && Rc::ptr_eq(&self.text, &other.text)
            && self.revision == other.revision
            && self.checked_revision == other.checked_revision
            && self.editable == other.editable
            && Rc::ptr_eq(&self.deferred, &other.deferred)
            && self.options == other.options
            && same_history(&self.undo, &other.undo)
            && same_history(&self.redo, &other.redo)
            && Rc::ptr_eq(&self.stash, &other.stash)
            && self.notice == other.notice
            && self.typing == other.typing
            && self.held.as_ref().map(Rc::as_ptr) == other.held.as_ref().map(Rc::as_ptr)
            && self.draft_id == other.draft_id
            && self.conflict == other.conflict
            && self.storage_problem == other.storage_problem
    }
}

impl EditorState {
    /// A state for `text`, waiting for its first check. Strict JSON is parsed here so the form
    /// works before the worker has loaded; any other text waits for the worker's lenient
    /// parse. (For strict JSON the two give the same value: `checker`'s tests compare them.)
    pub fn new(text: String, options: Options) -> Self {
        // A larger text would make this parse a long task of its own; it waits for the worker.
        let value = (text.len() <= QUICK_PARSE_MAX_BYTES)
            .then(|| serde_json::from_str::<Value>(&text).ok())
            .flatten()
            .map(Rc::new);
        EditorState {
            text: Rc::new(text),
            revision: 1,
            report: Rc::default(),
            checked_revision: 0,
            editable: value.is_some(),
            bases: Rc::new(template_pointers(value.as_deref())),
            deferred: Rc::default(),
            value,
            options,
            template_index: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            stash: Rc::default(),
            notice: None,
            typing: false,
            held: None,
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

    /// True while the form cannot edit: the text is not valid JSON, or holds what its value
    /// cannot (a lone surrogate). No edit then writes a value over the text. (While a changed
    /// text is being checked the form stays open: its edits wait for the check.)
    pub fn is_read_only(&self) -> bool {
        !self.editable && !self.is_checking()
    }

    /// What the form shows (see [`FormFacts`]).
    pub fn form_facts(&self) -> FormFacts {
        FormFacts {
            value: self.value.clone(),
            report: self.report.clone(),
            template_index: self.template_index,
            read_only: self.is_read_only(),
        }
    }

    /// True when the check should send the parsed value back: this tab does not know the value
    /// of its text (a form edit writes text from a known value; other changes do not).
    pub fn needs_value(&self) -> bool {
        !self.editable
    }

    /// True while the findings shown are of an earlier text or options than the current ones.
    pub fn is_checking(&self) -> bool {
        self.checked_revision != self.revision
    }

    /// The document the form shows (see [`EditorState::is_read_only`]).
    pub fn document(&self) -> Option<&Value> {
        self.value.as_deref()
    }

    /// Pointer of the edited template in the file (`""` for a bare resource).
    pub fn template_base(&self) -> FilePointer {
        self.bases
            .get(self.template_index)
            .cloned()
            .unwrap_or_default()
    }

    /// Pointers of the image templates in the file (usually one).
    pub fn template_pointers(&self) -> &[FilePointer] {
        &self.bases
    }

    /// The edited template's resource object.
    pub fn template(&self) -> Option<&Value> {
        self.document()?.pointer(self.template_base().as_str())
    }

    /// The API version the edited template is checked against: the check's, else the one the
    /// template declares, else the newest.
    pub fn api_version(&self) -> validator_core::ApiVersion {
        let checked = self.report.templates.get(self.template_index);
        let declared = self.template().and_then(|t| t.get("apiVersion"));
        checked
            .and_then(|t| validator_core::ApiVersion::parse(&t.api_version))
            .or_else(|| {
                declared
                    .and_then(Value::as_str)
                    .and_then(validator_core::ApiVersion::parse)
            })
            .unwrap_or(validator_core::ApiVersion::NEWEST)
    }

    /// `2 errors, 1 warning`
    pub fn status_text(&self) -> String {
        let s = self.report.summary;
        format!(
            "{}, {}",
            counted(s.errors, "error"),
            counted(s.warnings, "warning")
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
        EditorState {
            undo,
            redo: Vec::new(),
            notice: None,
            typing,
            ..self.with_unchecked_text(Rc::new(text))
        }
    }

    /// The state with `text`, whose value is unknown until its check answers.
    fn with_unchecked_text(&self, text: Rc<String>) -> Self {
        EditorState {
            text,
            revision: self.revision + 1,
            editable: false,
            ..self.clone()
        }
    }

    /// The state with `text`, written from `value` by a form edit: its value is known.
    fn with_edited_value(&self, text: String, value: Value) -> Self {
        let state = self.with_text(text);
        EditorState {
            editable: true,
            bases: Rc::new(template_pointers(Some(&value))),
            value: Some(Rc::new(value)),
            ..state
        }
    }

    /// A form edit: applied now if the value of the text is known, else when its check answers.
    fn form_edit(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        if self.editable || !self.is_checking() {
            return Rc::new(self.apply_form_edit(action));
        }
        let mut deferred = (*self.deferred).clone();
        deferred.push(action);
        Rc::new(EditorState {
            deferred: Rc::new(deferred),
            ..(*self).clone()
        })
    }

    /// True when the template already has `value` at `rel`.
    fn holds(&self, rel: &TemplatePointer, value: &Value) -> bool {
        self.editable && self.template().and_then(|t| t.pointer(rel.as_str())) == Some(value)
    }

    fn unchanged(&self) -> Self {
        EditorState {
            notice: None,
            typing: false,
            ..self.clone()
        }
    }

    fn apply_form_edit(&self, action: EditorAction) -> Self {
        match action {
            // An edit that changes nothing (a field left with its value) leaves the text as it
            // is: no reformatting, no comments removed, no empty undo step.
            EditorAction::SetValue { pointer, value } if self.holds(&pointer, &value) => {
                self.unchanged()
            }
            EditorAction::Move { from, to, .. } if from == to => self.unchanged(),
            EditorAction::SetValue { pointer, value } => self.edit(|_, base| {
                Ok(Change::Set {
                    pointer: pointer.in_template(base).as_str().to_owned(),
                    value,
                })
            }),
            EditorAction::Remove { pointer } => self.edit(|_, base| {
                Ok(Change::Remove {
                    pointer: pointer.in_template(base).as_str().to_owned(),
                })
            }),
            EditorAction::Insert {
                pointer,
                index,
                value,
            } => self.edit(|doc, base| {
                let pointer = pointer.in_template(base).as_str().to_owned();
                Ok(if doc.pointer(&pointer).is_none() {
                    // A list the template does not have yet: set it with its first item.
                    Change::Set {
                        pointer,
                        value: Value::Array(vec![value]),
                    }
                } else {
                    Change::Insert {
                        pointer,
                        index,
                        value,
                    }
                })
            }),
            EditorAction::Move { pointer, from, to } => self.edit(|_, base| {
                Ok(Change::Move {
                    pointer: pointer.in_template(base).as_str().to_owned(),
                    from,
                    to,
                })
            }),
            EditorAction::Duplicate { pointer, index } => self.edit(|doc, base| {
                let abs = pointer.in_template(base);
                let item = doc
                    .pointer(abs.join_index(index).as_str())
                    .cloned()
                    .ok_or_else(|| EditError("nothing to duplicate".into()))?;
                Ok(Change::Insert {
                    pointer: abs.as_str().to_owned(),
                    index: index + 1,
                    value: with_copy_name(item),
                })
            }),
            EditorAction::SwitchType { pointer, new_type } => self.switch_type(&pointer, &new_type),
            _ => self.clone(),
        }
    }

    /// Takes the worker's check of the current revision, then applies the form edits that
    /// waited for it.
    fn with_check(&self, checked: Checked) -> Self {
        let Checked {
            revision,
            report,
            value,
        } = checked;
        let mut state = EditorState {
            editable: self.editable || (value.is_some() && !report.value_misses_text()),
            report: Rc::new(report),
            checked_revision: revision,
            ..self.clone()
        };
        // A value this tab wrote is the value of the text: keep it (no re-render of the form).
        if !self.editable {
            if let Some(value) = value {
                state.bases = Rc::new(template_pointers(Some(&value)));
                state.value = Some(Rc::new(value));
            }
        }
        state.template_index = state
            .template_index
            .min(state.bases.len().saturating_sub(1));
        let deferred = std::mem::take(&mut state.deferred);
        deferred
            .iter()
            .fold(state, |state, action| state.apply_form_edit(action.clone()))
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
        Some(EditorState {
            notice: None,
            typing: false,
            ..state.with_unchecked_text(text)
        })
    }

    fn with_notice(&self, notice: impl Into<String>) -> Self {
        EditorState {
            notice: Some(notice.into()),
            ..self.clone()
        }
    }

    /// Makes the change that `change` builds from the document and the template's pointer:
    /// to the parsed document, and to the text at the changed span.
    fn edit(&self, change: impl FnOnce(&Value, &FilePointer) -> Result<Change, EditError>) -> Self {
        if !self.editable {
            return self.with_notice(
                "fix the JSON syntax errors first: the form is read-only until the text is valid JSON",
            );
        }
        let Some(document) = self.document() else {
            return self.with_notice("there is no document to edit");
        };
        let made = change(document, &self.template_base()).and_then(|change| {
            let mut edited = document.clone();
            change.apply(&mut edited)?;
            Ok((change, edited))
        });
        let (change, edited) = match made {
            Ok(made) => made,
            Err(e) => return self.with_notice(e.to_string()),
        };
        match edit::text::apply(&self.text, &change) {
            Ok(text) => self.with_edited_value(text, edited),
            // The text's spans cannot say what to change (a duplicate key: its earlier member
            // is text the value does not hold), so the document is written anew from the value,
            // as before text edits existed.
            Err(e) => {
                // Comments are only in a text the form did not write, which has been checked.
                let comments = if !self.is_checking() && self.report.has_comments() {
                    " without its comments"
                } else {
                    ""
                };
                EditorState {
                    notice: Some(format!(
                        "{e}, so the form wrote the whole document anew{comments}; Undo brings the text back"
                    )),
                    ..self.with_edited_value(edit::to_pretty(&edited), edited)
                }
            }
        }
    }

    fn switch_type(&self, rel: &TemplatePointer, new_type: &str) -> Self {
        let abs = rel.in_template(&self.template_base());
        let current = self
            .document()
            .and_then(|v| v.pointer(abs.as_str()))
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
        let mut state = self.edit(|_, _| {
            Ok(Change::Set {
                pointer: abs.as_str().to_owned(),
                value: next,
            })
        });
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
            EditorAction::Checkpoint => match self.held.clone() {
                Some(held) if held.revision == self.revision => EditorState {
                    typing: false,
                    held: None,
                    ..self.with_check(Rc::unwrap_or_clone(held))
                },
                _ => EditorState {
                    typing: false,
                    held: None,
                    ..(*self).clone()
                },
            },
            EditorAction::Import(text) => EditorState {
                template_index: 0,
                stash: Rc::default(),
                ..self.with_text(text)
            },
            action @ (EditorAction::SetValue { .. }
            | EditorAction::Remove { .. }
            | EditorAction::Insert { .. }
            | EditorAction::Move { .. }
            | EditorAction::Duplicate { .. }
            | EditorAction::SwitchType { .. }) => return self.form_edit(action),
            EditorAction::ApplyFix(fix) => match edit::apply_fix(&self.text, &fix) {
                Ok(text) => self.with_text(text),
                Err(e) => self.with_notice(format!("the fix could not be applied: {e}")),
            },
            EditorAction::Format => {
                let formatted = validator_core::format::format(&self.text);
                if formatted == *self.text {
                    return self;
                }
                self.with_text(formatted)
            }
            EditorAction::FillPlaceholder { token, value } => {
                self.with_text(fill_placeholder(&self.text, &token, &value))
            }
            EditorAction::SelectTemplate(index) => EditorState {
                template_index: index.min(self.bases.len().saturating_sub(1)),
                notice: None,
                ..(*self).clone()
            },
            EditorAction::SetOptions(options) => EditorState {
                options,
                revision: self.revision + 1,
                ..(*self).clone()
            },
            EditorAction::PolicyChanged => EditorState {
                revision: self.revision + 1,
                ..(*self).clone()
            },
            // The last thing done is a form edit still waiting for a check: undo forgets it.
            EditorAction::Undo if !self.deferred.is_empty() => {
                let mut deferred = (*self.deferred).clone();
                deferred.pop();
                EditorState {
                    deferred: Rc::new(deferred),
                    ..(*self).clone()
                }
            }
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
            EditorAction::Checked(checked) => {
                if checked.revision != self.revision {
                    return self;
                }
                if self.typing && checked.report.syntax_errors().next().is_some() {
                    return Rc::new(EditorState {
                        held: Some(checked),
                        ..(*self).clone()
                    });
                }
                // The answer is this action's own: take its parts instead of copying them.
                self.with_check(Rc::unwrap_or_clone(checked))
            }
        };
        Rc::new(next)
    }
}

/// Pointers of the image templates in a document, as the check finds them.
fn template_pointers(document: Option<&Value>) -> Vec<FilePointer> {
    document.map_or_else(Vec::new, |d| {
        discover(d)
            .into_iter()
            .map(|found| FilePointer::from(found.pointer))
            .collect()
    })
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
    use crate::checker::{Engine, Request, Response};
    use serde_json::json;

    fn start(doc: Value) -> Rc<EditorState> {
        Rc::new(EditorState::new(edit::to_pretty(&doc), Options::default())).settled()
    }

    /// The worker's side, run here: what the checker answers for a state's revision.
    fn check_of(state: &EditorState) -> Rc<Checked> {
        let request = Request::Check {
            revision: state.revision,
            text: (*state.text).clone(),
            options: state.options.clone(),
            want_value: state.needs_value(),
        };
        match Engine::default().answer(request) {
            Response::Checked(checked) => Rc::new(checked),
            other => panic!("a check answers with a check, not {other:?}"),
        }
    }

    trait Act {
        /// The action, then the worker's answer for the revision it made.
        fn act(self, action: EditorAction) -> Self;
        fn settled(self) -> Self;
    }

    impl Act for Rc<EditorState> {
        fn act(self, action: EditorAction) -> Self {
            self.reduce(action).settled()
        }

        fn settled(self) -> Self {
            if self.is_checking() {
                let checked = check_of(&self);
                self.reduce(EditorAction::Checked(checked))
            } else {
                self
            }
        }
    }

    fn doc(state: &EditorState) -> Value {
        state.document().cloned().unwrap()
    }

    #[test]
    fn form_edits_rewrite_the_text_and_undo_redo_walk_back_and_forth() {
        let state = start(json!({"location": "westeurope", "properties": {}}));
        let state = state.act(EditorAction::SetValue {
            pointer: "/properties/buildTimeoutInMinutes".into(),
            value: json!(60),
        });
        assert_eq!(
            doc(&state)["properties"]["buildTimeoutInMinutes"],
            json!(60)
        );
        assert!(state.text.contains("\"buildTimeoutInMinutes\": 60"));
        let state = state.act(EditorAction::SetText("{\"location\": \"eastus\"}".into()));
        let state = state.act(EditorAction::Undo);
        assert_eq!(
            doc(&state)["properties"]["buildTimeoutInMinutes"],
            json!(60)
        );
        let state = state.act(EditorAction::Undo);
        assert!(doc(&state)["properties"]
            .get("buildTimeoutInMinutes")
            .is_none());
        assert!(!state.can_undo());
        let state = state.act(EditorAction::Redo).act(EditorAction::Redo);
        assert_eq!(doc(&state)["location"], json!("eastus"));
        assert!(!state.can_redo());
    }

    #[test]
    fn keystrokes_make_one_undo_step_until_a_checkpoint() {
        let state = start(json!({"location": "a"}));
        let state = state.act(EditorAction::SetText("{\"location\": \"ab\"}".into()));
        let state = state.act(EditorAction::SetText("{\"location\": \"abc\"}".into()));
        let state = state.act(EditorAction::Checkpoint);
        let state = state.act(EditorAction::SetText("{\"location\": \"abcd\"}".into()));
        let state = state.act(EditorAction::Undo);
        assert_eq!(doc(&state)["location"], json!("abc"));
        let state = state.act(EditorAction::Undo);
        assert_eq!(doc(&state)["location"], json!("a"));
    }

    #[test]
    fn invalid_text_is_kept_and_the_form_is_read_only() {
        let state = start(json!({"location": "westeurope"}));
        let typed = "{\"location\": \"west".to_owned();
        let state = state
            .act(EditorAction::SetText(typed.clone()))
            .act(EditorAction::Checkpoint);
        assert_eq!(*state.text, typed);
        assert!(state.is_read_only());
        let state = state.act(EditorAction::SetValue {
            pointer: "/location".into(),
            value: json!("x"),
        });
        assert_eq!(*state.text, typed, "the user's text is never replaced");
        assert!(state.notice.is_some());
    }

    #[test]
    fn a_state_with_other_options_or_report_is_not_equal() {
        let state = (*start(json!({"location": "westeurope"}))).clone();
        let mut other = state.clone();
        assert!(state == other);
        other.options.os = Some(validator_core::Os::Windows);
        assert!(state != other, "options differ");
        let mut rechecked = state.clone();
        rechecked.report = Rc::new((*state.report).clone());
        assert!(state != rechecked, "another report");
    }

    #[test]
    fn strict_json_is_editable_before_its_first_check_and_other_text_waits_for_it() {
        let strict = Rc::new(EditorState::new(
            r#"{"location": "x"}"#.into(),
            Options::default(),
        ));
        assert!(strict.is_checking() && !strict.is_read_only());
        assert_eq!(strict.document(), Some(&json!({"location": "x"})));
        let lenient = r#"{"location": "x", // where
        }"#;
        let lenient = Rc::new(EditorState::new(lenient.into(), Options::default()));
        assert_eq!(lenient.document(), None);
        let lenient = lenient.settled();
        assert_eq!(lenient.document(), Some(&json!({"location": "x"})));
        assert!(
            !lenient.is_read_only(),
            "comments and trailing commas do not lock the form"
        );
    }

    #[test]
    fn typing_in_the_json_view_leaves_what_the_form_shows_until_the_check_answers() {
        let state = start(json!({"location": "a"}));
        let before = state.form_facts();
        let typed = state.reduce(EditorAction::SetText(r#"{"location": "ab"}"#.into()));
        assert!(
            typed.form_facts() == before,
            "the form does not re-render per keystroke"
        );
        let checked = typed.settled();
        assert!(
            checked.form_facts() != before,
            "it does once the check answers"
        );
        assert_eq!(checked.document(), Some(&json!({"location": "ab"})));
    }

    #[test]
    fn a_check_of_a_superseded_revision_is_dropped() {
        let state = start(json!({"location": "a"}));
        let first = state
            .clone()
            .reduce(EditorAction::SetText(r#"{"location": 1}"#.into()));
        let old_check = check_of(&first);
        let second = first.reduce(EditorAction::SetText(r#"{"location": "b"}"#.into()));
        let after = second.clone().reduce(EditorAction::Checked(old_check));
        assert!(
            Rc::ptr_eq(&after, &second),
            "the older answer changes nothing"
        );
        assert!(after.is_checking());
        let after = after.settled();
        assert!(!after.is_checking());
        assert_eq!(after.document(), Some(&json!({"location": "b"})));
    }

    #[test]
    fn a_broken_texts_findings_wait_for_the_pause_in_typing_and_good_ones_do_not() {
        let state = start(json!({"location": "westeurope"}));
        let before = state.report.clone();
        // A key half typed: its check comes while the user is still typing.
        let typing = state.act(EditorAction::SetText(
            r#"{"location": "westeurope", "ta"#.into(),
        ));
        let answered = typing.clone().act(EditorAction::Checked(check_of(&typing)));
        assert!(
            Rc::ptr_eq(&answered.report, &before),
            "the last good findings stay"
        );
        assert!(answered.is_checking());
        let paused = answered.reduce(EditorAction::Checkpoint);
        assert!(!paused.is_checking());
        assert!(paused.report.syntax_errors().next().is_some());
        // Text without syntax errors shows at once, typing or not.
        let typing = paused.act(EditorAction::SetText(
            r#"{"location": "westeurope", "tags": {}}"#.into(),
        ));
        let answered = typing.clone().act(EditorAction::Checked(check_of(&typing)));
        assert!(!answered.is_checking());
        assert_eq!(answered.report.syntax_errors().count(), 0);
    }

    #[test]
    fn a_form_edit_made_before_the_check_answers_waits_for_it_and_undo_can_forget_it() {
        let typed = r#"{"location": "typed", "properties": {}}"#;
        let state = start(json!({"location": "a"})).reduce(EditorAction::SetText(typed.into()));
        let edit = EditorAction::SetValue {
            pointer: "/properties/buildTimeoutInMinutes".into(),
            value: json!(60),
        };
        let waiting = state.reduce(edit);
        assert_eq!(
            *waiting.text, typed,
            "nothing written over text whose value is unknown"
        );
        let done = waiting.clone().settled();
        assert_eq!(
            done.document(),
            Some(&json!({"location": "typed", "properties": {"buildTimeoutInMinutes": 60}})),
            "the edit applies to the typed text once its check answers"
        );
        let forgotten = waiting.reduce(EditorAction::Undo).settled();
        assert_eq!(*forgotten.text, typed);
    }

    #[test]
    fn a_lone_surrogate_keeps_the_form_read_only_so_the_escape_is_never_rewritten() {
        let state = start(json!({"location": "westeurope"}));
        let typed = r#"{"location": "westeurope", "tags": {"mood": "\ud83d"}}"#.to_owned();
        let state = state.act(EditorAction::SetText(typed.clone()));
        assert!(state.is_read_only());
        let state = state.act(EditorAction::SetValue {
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
        let state = state.act(EditorAction::SwitchType {
            pointer: "/properties/customize/0".into(),
            new_type: "File".into(),
        });
        assert_eq!(
            doc(&state)["properties"]["customize"][0],
            json!({"type": "File", "name": "setup"})
        );
        let state = state.act(EditorAction::SetValue {
            pointer: "/properties/customize/0/destination".into(),
            value: json!("/tmp/a"),
        });
        let state = state.act(EditorAction::SwitchType {
            pointer: "/properties/customize/0".into(),
            new_type: "Shell".into(),
        });
        assert_eq!(
            doc(&state)["properties"]["customize"][0]["scriptUri"],
            json!("https://example.com/a.sh")
        );
        let state = state.act(EditorAction::SwitchType {
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
        let state = state.act(EditorAction::Insert {
            pointer: "/properties/customize".into(),
            index: 0,
            value: json!({"type": "Shell", "name": "a"}),
        });
        let state = state.act(EditorAction::Duplicate {
            pointer: "/properties/customize".into(),
            index: 0,
        });
        let state = state.act(EditorAction::Move {
            pointer: "/properties/customize".into(),
            from: 1,
            to: 0,
        });
        assert_eq!(
            doc(&state)["properties"]["customize"][0]["name"],
            json!("a-copy")
        );
        let state = state.act(EditorAction::Remove {
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
            .report
            .diagnostics
            .iter()
            .find_map(|d| d.fix.as_deref().cloned())
            .unwrap();
        let state = state.act(EditorAction::ApplyFix(fix));
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
            .act(EditorAction::SetText(
                typed.replace("westeuropeX", "westeuro"),
            ))
            .act(EditorAction::SetText(typed.clone()));
        let action = action(&state);
        let changed = state.reduce(action.clone());
        assert_ne!(*changed.text, typed, "{action:?} changed the text");
        let state = changed.clone().act(EditorAction::Undo);
        assert_eq!(*state.text, typed, "one undo reverts only {action:?}");
        let state = state.act(EditorAction::Undo);
        assert_eq!(state.text, original, "the burst of typing is one step");
        assert!(!state.can_undo());
        let state = state.act(EditorAction::Redo).act(EditorAction::Redo);
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
            .act(EditorAction::Paste(first.clone()))
            .act(EditorAction::Paste(second.clone()))
            .act(EditorAction::SetText("{\"location\": \"secondX\"}".into()));
        let state = state.act(EditorAction::Undo);
        assert_eq!(*state.text, second);
        let state = state.act(EditorAction::Undo);
        assert_eq!(*state.text, first);
        let state = state.act(EditorAction::Undo);
        assert_eq!(doc(&state)["location"], json!("a"));
    }

    #[test]
    fn a_committed_field_edit_is_its_own_undo_step() {
        assert_own_step(|_| EditorAction::SetValue {
            pointer: "/properties/buildTimeoutInMinutes".into(),
            value: json!(60),
        });
        let state = start(everything())
            .act(EditorAction::SetValue {
                pointer: "/location".into(),
                value: json!("eastus"),
            })
            .act(EditorAction::SetValue {
                pointer: "/location".into(),
                value: json!("westus"),
            });
        let state = state.act(EditorAction::Undo);
        assert_eq!(doc(&state)["location"], json!("eastus"));
    }

    #[test]
    fn format_keeps_comments_and_is_its_own_undo_step() {
        let text = "{\"location\": \"westeurope\", // where\n\"tags\": {}}";
        let state = Rc::new(EditorState::new(text.into(), Options::default())).settled();
        let formatted = state.act(EditorAction::Format);
        assert_eq!(
            *formatted.text,
            "{\n  \"location\": \"westeurope\", // where\n  \"tags\": {}\n}\n"
        );
        assert_eq!(*formatted.act(EditorAction::Undo).text, text);
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
        let other = mine.clone().act(EditorAction::OtherTabSaved {
            id: "b".into(),
            text: theirs.clone(),
        });
        assert!(other.conflict.is_none(), "another draft is no conflict");
        let same = mine.clone().act(EditorAction::OtherTabSaved {
            id: "a".into(),
            text: (*mine.text).clone(),
        });
        assert!(same.conflict.is_none(), "the same text is no conflict");
        let state = mine.clone().act(EditorAction::OtherTabSaved {
            id: "a".into(),
            text: theirs.clone(),
        });
        assert_eq!(state.conflict.as_deref(), Some(&theirs));
        let loaded = state.clone().act(EditorAction::LoadTheirs);
        assert_eq!(*loaded.text, theirs);
        assert!(loaded.conflict.is_none());
        assert_eq!(*loaded.act(EditorAction::Undo).text, *mine.text);
        let kept = state.act(EditorAction::KeepMine { id: "c".into() });
        assert_eq!(&*kept.draft_id, "c");
        assert_eq!(kept.text, mine.text);
        assert!(kept.conflict.is_none());
    }

    #[test]
    fn opening_a_draft_starts_its_own_history_under_its_own_id() {
        let state = start(json!({"location": "a"}))
            .act(EditorAction::SetText("{\"location\": \"b\"}".into()))
            .act(EditorAction::OpenDraft {
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
    fn form_edits_keep_comments_key_order_and_indentation_elsewhere() {
        let text = "{\n    // who builds it\n    \"location\": \"westeurope\",\n    \"properties\": {\n        /* the steps */\n        \"customize\": [],\n        \"buildTimeoutInMinutes\": 60\n    },\n    \"apiVersion\": \"2024-02-01\"\n}\n";
        let state = Rc::new(EditorState::new(text.into(), Options::default())).settled();
        assert!(!state.is_read_only(), "comments do not lock the form");
        let state = state
            .act(EditorAction::SetValue {
                pointer: "/location".into(),
                value: json!("eastus"),
            })
            .act(EditorAction::SetValue {
                pointer: "/properties/vmProfile/vmSize".into(),
                value: json!("Standard_D2s_v3"),
            })
            .act(EditorAction::Insert {
                pointer: "/properties/customize".into(),
                index: 0,
                value: json!({"type": "Shell", "name": "a"}),
            })
            .act(EditorAction::Remove {
                pointer: "/properties/buildTimeoutInMinutes".into(),
            });
        assert_eq!(
            *state.text,
            "{\n    // who builds it\n    \"location\": \"eastus\",\n    \"properties\": {\n        /* the steps */\n        \"customize\": [\n            {\n                \"type\": \"Shell\",\n                \"name\": \"a\"\n            }\n        ],\n        \"vmProfile\": {\n            \"vmSize\": \"Standard_D2s_v3\"\n        }\n    },\n    \"apiVersion\": \"2024-02-01\"\n}\n"
        );
        assert_eq!(state.notice, None);
        assert_eq!(
            state.document(),
            validator_core::parse::parse(&state.text).value.as_ref(),
            "the form's value is the text's"
        );
    }

    #[test]
    fn every_kind_of_form_edit_leaves_comments_elsewhere_byte_identical() {
        let commented = |text: &str| {
            text.replacen("{\n", "{\n  // line comment\n", 1).replacen(
                "\"location\"",
                "/* block */ \"location\"",
                1,
            )
        };
        let text = commented(&edit::to_pretty(&everything()));
        let actions = [
            EditorAction::SetValue {
                pointer: "/properties/customize/0/name".into(),
                value: json!("renamed"),
            },
            EditorAction::Remove {
                pointer: "/tags".into(),
            },
            EditorAction::Insert {
                pointer: "/properties/distribute".into(),
                index: 1,
                value: json!({"type": "VHD", "runOutputName": "w"}),
            },
            EditorAction::Move {
                pointer: "/properties/distribute".into(),
                from: 1,
                to: 0,
            },
            EditorAction::Duplicate {
                pointer: "/properties/customize".into(),
                index: 0,
            },
            EditorAction::SwitchType {
                pointer: "/properties/customize/0".into(),
                new_type: "File".into(),
            },
        ];
        // Everything before the first member changed, comments included.
        let kept = &text[..text.find("  \"tags\"").unwrap()];
        assert!(kept.contains("// line comment") && kept.contains("/* block */"));
        let mut state = Rc::new(EditorState::new(text.clone(), Options::default())).settled();
        for action in actions {
            let before = state.text.clone();
            state = state.act(action.clone());
            assert_ne!(state.text, before, "{action:?} changed the text");
            assert_eq!(state.notice, None, "{action:?}");
            assert!(state.text.starts_with(kept), "{action:?}: {}", state.text);
        }
        assert_eq!(
            state.document(),
            validator_core::parse::parse(&state.text).value.as_ref(),
            "the form's value is the text's"
        );
    }

    #[test]
    fn a_text_with_duplicate_keys_is_written_anew_and_the_notice_says_so() {
        let text = "{\n  // mine\n  \"location\": \"a\",\n  \"location\": \"b\"\n}";
        let state = Rc::new(EditorState::new(text.into(), Options::default())).settled();
        let state = state.act(EditorAction::SetValue {
            pointer: "/name".into(),
            value: json!("x"),
        });
        assert_eq!(
            *state.text,
            edit::to_pretty(&json!({"location": "b", "name": "x"}))
        );
        let notice = state.notice.as_deref().unwrap_or_default();
        assert!(
            notice.contains("duplicate") && notice.contains("without its comments"),
            "{notice}"
        );
    }

    #[test]
    fn a_field_left_with_its_value_changes_nothing_and_adds_no_undo_step() {
        // Not in the form's layout, and with a comment: a rewrite would show.
        let text = "{ // mine\n\"location\": \"westeurope\"}".to_owned();
        let state = Rc::new(EditorState::new(text.clone(), Options::default()));
        let state = state.act(EditorAction::SetValue {
            pointer: "/location".into(),
            value: json!("westeurope"),
        });
        assert_eq!(*state.text, text);
        assert!(!state.can_undo());
    }
}
