//! The one diagnostic type every check produces, and the report that carries them.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A text known when the program is built (a rule's code, an OS name); read back by the
/// interning of `intern.rs`. A named type because serde takes a field written `&'static str`
/// for one borrowed from the input, which a report read from a worker's message cannot be.
pub type Static = &'static str;

/// Text of a finding: most helps, fix descriptions and many messages are the same words for
/// every finding of a rule, so they borrow them instead of copying them into each of what can
/// be hundreds of thousands of findings (allocation was the largest cost of a big check).
pub type Text = Cow<'static, str>;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The service rejects the template or the build is certain to fail.
    Error,
    /// Likely failure, silent data loss, or a documented anti-pattern.
    Warning,
    /// Guidance worth knowing; never blocks anything.
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A half-open range of byte offsets into the text that was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// A line and column, both counted from 1; the column counts Unicode characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl Position {
    /// A position from a line and a column counted in `usize`. Kept in 32 bits, as the
    /// language server protocol does: a report holds one or more per finding, and a large
    /// template has hundreds of thousands. (A text under the input limit has far fewer lines
    /// and columns; a larger one, past a raised limit, saturates.)
    pub fn new(line: usize, column: usize) -> Self {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Position {
            line: narrow(line),
            column: narrow(column),
        }
    }
}

/// Another place that explains a diagnostic (for example the first of two duplicates).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Related {
    pub pointer: String,
    pub label: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
}

/// One change to the document. Pointer edits act on the parsed value; text edits act on the
/// source text (used for syntax repairs, where there is no value to address).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Set the value at `pointer` (adding the key if the parent object lacks it).
    Replace { pointer: String, value: Value },
    /// Remove the key or array element at `pointer`.
    Remove { pointer: String },
    /// Rename the key at `pointer` to `new_key`, keeping its value and place.
    RenameKey { pointer: String, new_key: String },
    /// Replace a range of the source text.
    Text { span: Span, text: String },
}

/// Whether a fix may be applied unattended (`aib check --fix`), as ruff's applicability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps what the template means: a typo with one candidate, a syntax repair, a case
    /// fix. `aib check --fix` applies it.
    Safe,
    /// Changes what the template does (another URL, a removed value, one of several values):
    /// a person should look. Applied only with `--unsafe-fixes`. The default, so a fix read
    /// from JSON that does not say is never applied unattended.
    #[default]
    Unsafe,
}

/// A mechanical correction the user can apply with one click.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fix {
    pub description: Text,
    pub edits: Vec<Edit>,
    /// Whether `aib check --fix` applies it without `--unsafe-fixes`; each rule's docs say
    /// which its fixes are (`## Fix`).
    #[serde(default)]
    pub applicability: Applicability,
}

impl Fix {
    pub fn is_safe(&self) -> bool {
        self.applicability == Applicability::Safe
    }
}

/// Where a diagnostic points inside its node: at the value, or at the key naming it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    #[default]
    Value,
    Key,
}

/// One finding: a stable rule code, where it is, what is wrong and how to mend it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    #[serde(deserialize_with = "crate::intern::deserialize")]
    pub code: Static,
    #[serde(deserialize_with = "crate::intern::deserialize")]
    pub rule: Static,
    pub severity: Severity,
    /// JSON pointer from the root of the checked file.
    pub pointer: String,
    #[serde(skip)]
    pub anchor: Anchor,
    pub message: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// Boxed: most findings have none, and every finding would otherwise carry its room.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Box<Fix>>,
    /// Filled in by [`crate::check`] from the parse index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Position>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Position>,
}

impl Diagnostic {
    /// A diagnostic of the given rule at `pointer`; add details with the builder methods.
    pub fn new(
        rule: &crate::rules::RuleMeta,
        pointer: impl Into<String>,
        message: impl Into<Text>,
    ) -> Self {
        Self::of_code(rule.code, rule.name, rule.severity, pointer, message)
    }

    /// A diagnostic of a rule that is not in the registry (a policy's own rule), by its code,
    /// name and severity.
    pub fn of_code(
        code: Static,
        rule: Static,
        severity: Severity,
        pointer: impl Into<String>,
        message: impl Into<Text>,
    ) -> Self {
        Diagnostic {
            code,
            rule,
            severity,
            pointer: pointer.into(),
            anchor: Anchor::Value,
            message: message.into(),
            help: None,
            related: Vec::new(),
            fix: None,
            span: None,
            start: None,
            end: None,
        }
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn at_key(mut self) -> Self {
        self.anchor = Anchor::Key;
        self
    }

    pub fn related(self, pointer: impl Into<String>, label: impl Into<Text>) -> Self {
        self.with_related(Related {
            pointer: pointer.into(),
            label: label.into(),
            span: None,
            position: None,
        })
    }

    /// Adds a related place given by its source span (the parser knows spans).
    pub(crate) fn related_span(self, pointer: String, label: impl Into<Text>, span: Span) -> Self {
        self.with_related(Related {
            pointer,
            label: label.into(),
            span: Some(span),
            position: None,
        })
    }

    /// Adds one related place, with room for just that one: a first `push` makes room for
    /// four, and a finding per duplicate key of a large object then carried three empty ones.
    fn with_related(mut self, related: Related) -> Self {
        self.related.reserve_exact(1);
        self.related.push(related);
        self
    }

    /// Adds a fix that changes what the template does ([`Applicability::Unsafe`]).
    pub fn fix(self, description: impl Into<Text>, edits: Vec<Edit>) -> Self {
        self.fix_with(Applicability::Unsafe, description, edits)
    }

    /// Adds a fix that keeps what the template means ([`Applicability::Safe`]): `aib check
    /// --fix` applies it unattended.
    pub fn safe_fix(self, description: impl Into<Text>, edits: Vec<Edit>) -> Self {
        self.fix_with(Applicability::Safe, description, edits)
    }

    pub fn fix_with(
        mut self,
        applicability: Applicability,
        description: impl Into<Text>,
        edits: Vec<Edit>,
    ) -> Self {
        self.fix = Some(Box::new(Fix {
            description: description.into(),
            edits,
            applicability,
        }));
        self
    }

    /// Places the diagnostic at a source range (syntax diagnostics have no value to point at).
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }
}

/// A byte count as people read it: `512 bytes`, `3.4 KiB`, `16 MiB`, `60.2 MiB`.
pub fn size(bytes: usize) -> String {
    const UNITS: [&str; 3] = ["KiB", "MiB", "GiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let number = format!("{value:.1}");
    let number = number.strip_suffix(".0").unwrap_or(&number);
    format!("{number} {}", UNITS[unit])
}

/// Quoted values longer than this many characters are cut in messages: longer than any resource
/// ID or example the rules quote, far shorter than a pasted script or a hostile value.
const QUOTE_LIMIT: usize = 200;

/// Cuts every backtick-quoted value longer than [`QUOTE_LIMIT`] characters to its start and end
/// around an ellipsis: messages quote the offending value, and one can be megabytes long.
pub fn shorten_quotes(text: &str) -> std::borrow::Cow<'_, str> {
    // Most texts are shorter than one long value: not reading them keeps a large report's
    // texts out of the cache.
    if text.len() <= QUOTE_LIMIT {
        return text.into();
    }
    let long = text
        .split('`')
        .skip(1)
        .step_by(2)
        .any(|quoted| quoted.len() > QUOTE_LIMIT && quoted.chars().count() > QUOTE_LIMIT);
    if !long {
        return text.into();
    }
    let mut out = String::with_capacity(text.len().min(4 * QUOTE_LIMIT));
    let mut parts = text.split('`').peekable();
    let mut inside = false;
    while let Some(part) = parts.next() {
        if inside && parts.peek().is_some() && part.chars().count() > QUOTE_LIMIT {
            let head: String = part.chars().take(QUOTE_LIMIT - 40).collect();
            let tail_start = part
                .char_indices()
                .rev()
                .nth(31)
                .map_or(part.len(), |(i, _)| i);
            out.push_str(&head);
            out.push('…');
            out.push_str(&part[tail_start..]);
        } else {
            out.push_str(part);
        }
        if parts.peek().is_some() {
            out.push('`');
        }
        inside = !inside;
    }
    out.into()
}

/// One image template found in the checked file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateInfo {
    /// Pointer of the resource object (`""` for a bare resource, `/resources/0` in ARM).
    pub pointer: String,
    /// The API version the template was checked against.
    pub api_version: String,
    /// The OS the checks assumed: `linux`, `windows` or `unknown`.
    #[serde(deserialize_with = "crate::intern::deserialize")]
    pub os: Static,
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// Everything a check found, sorted by position so two runs print the same thing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub templates: Vec<TemplateInfo>,
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }

    /// True when writing the parsed value back over the text would lose what the user wrote:
    /// the text is not JSON (`invalid-json`, an unquoted placeholder) or holds what the value
    /// cannot ([`Report::unfaithful_values`]). Comments and trailing commas do not count: the
    /// value holds everything else. An editor keeps its form read-only while this holds.
    pub fn value_misses_text(&self) -> bool {
        self.syntax_errors().next().is_some() || self.unfaithful_values().next().is_some()
    }

    /// The findings that make the text not JSON: where it cannot be read (`invalid-json`) and
    /// unquoted placeholders. An editor shows them at the text.
    pub fn syntax_errors(&self) -> impl Iterator<Item = &Diagnostic> {
        use crate::rules::syntax::{INVALID_JSON, UNQUOTED_PLACEHOLDER};
        self.diagnostics.iter().filter(|d| {
            d.severity == Severity::Error
                && (d.code == INVALID_JSON.code || d.code == UNQUOTED_PLACEHOLDER.code)
        })
    }

    /// True when the text has comments, which a strict JSON writer drops.
    pub fn has_comments(&self) -> bool {
        let comment = crate::rules::syntax::JSON_COMMENT.code;
        self.diagnostics.iter().any(|d| d.code == comment)
    }

    /// The findings where the parsed value cannot hold what the text says (a lone surrogate is
    /// read as U+FFFD): writing the value back, by a form edit or an export, would change text
    /// the user did not touch.
    pub fn unfaithful_values(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.code == crate::rules::syntax::LONE_SURROGATE.code)
    }

    /// The counts of `diagnostics` by severity.
    pub fn summarize(diagnostics: &[Diagnostic]) -> Summary {
        let mut summary = Summary::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }
}

impl Diagnostic {
    /// Cuts long quoted values in the message, help and related labels ([`shorten_quotes`]).
    pub(crate) fn shorten_quoted_values(&mut self) {
        let shorten = |text: &mut Text| {
            if let Cow::Owned(short) = shorten_quotes(text) {
                *text = Cow::Owned(short);
            }
        };
        shorten(&mut self.message);
        if let Some(help) = &mut self.help {
            shorten(help);
        }
        for related in &mut self.related {
            shorten(&mut related.label);
        }
    }
}

impl Report {
    /// One line per diagnostic (`line:column severity code rule pointer: message`) with its help
    /// and fix indented below: what snapshot tests record and what the WASM parity test compares.
    pub fn to_compact_text(&self) -> String {
        let mut out = String::new();
        for t in &self.templates {
            out.push_str(&format!(
                "template {} api {} os {}\n",
                if t.pointer.is_empty() {
                    "/"
                } else {
                    &t.pointer
                },
                t.api_version,
                t.os
            ));
        }
        for d in &self.diagnostics {
            let at = d
                .start
                .map_or("-".to_owned(), |p| format!("{}:{}", p.line, p.column));
            out.push_str(&format!(
                "{at} {} {} {} {}: {}\n",
                d.severity.as_str(),
                d.code,
                d.rule,
                if d.pointer.is_empty() {
                    "/"
                } else {
                    &d.pointer
                },
                d.message
            ));
            if let Some(help) = &d.help {
                out.push_str(&format!("    help: {help}\n"));
            }
            if let Some(fix) = &d.fix {
                out.push_str(&format!("    fix: {}\n", fix.description));
            }
            for r in &d.related {
                let at = r
                    .position
                    .map_or("-".to_owned(), |p| format!("{}:{}", p.line, p.column));
                out.push_str(&format!("    related {at} {}\n", r.label));
            }
        }
        let s = self.summary;
        out.push_str(&format!(
            "summary: {} errors, {} warnings, {} infos\n",
            s.errors, s.warnings, s.infos
        ));
        out
    }
}
