//! The rule registry: every check the validator can report, each declared once with its code,
//! name, severity and documentation (the docs are what `aib explain` prints and their examples
//! are run as tests).
//!
//! Rules live one per file under a folder per group; the groups follow the sections of the
//! catalogue of real mistakes (`shared/reference/validation-rules.md`).

use std::sync::LazyLock;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Template;

pub mod build_vm;
pub mod content;
pub mod customize;
pub mod distribute;
pub mod envelope;
pub mod identity;
pub mod lifecycle;
pub mod schema;
pub mod source;
pub mod syntax;
pub mod validate;

/// The sections rules are grouped in, in the order a template is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Syntax,
    Envelope,
    Schema,
    Identity,
    Source,
    Customize,
    Validate,
    Distribute,
    BuildVm,
    Lifecycle,
    Content,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Syntax => "syntax",
            Group::Envelope => "envelope",
            Group::Schema => "schema",
            Group::Identity => "identity",
            Group::Source => "source",
            Group::Customize => "customize",
            Group::Validate => "validate",
            Group::Distribute => "distribute",
            Group::BuildVm => "build-vm",
            Group::Lifecycle => "lifecycle",
            Group::Content => "content",
        }
    }
}

/// A rule's check: reads one template and pushes what it finds.
pub type CheckFn = fn(&Template, &mut Vec<Diagnostic>);

/// Everything known about a rule. Rules whose findings come from the parser or the schema
/// engine have no `check` of their own.
#[derive(Debug)]
pub struct RuleMeta {
    /// `AIB` and three digits; never reused.
    pub code: &'static str,
    /// kebab-case name.
    pub name: &'static str,
    pub group: Group,
    /// Default severity; a rule may report some findings at another severity.
    pub severity: Severity,
    /// Markdown: `## What it checks`, `## Why it matters`, `## Example`, `## References`.
    pub docs: &'static str,
    pub check: Option<CheckFn>,
}

impl RuleMeta {
    /// The documentation as Markdown (doc comments keep one leading space per line).
    pub fn documentation(&self) -> String {
        self.docs
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The first sentence of the "What it checks" section, for listings.
    pub fn summary(&self) -> String {
        let section = self.docs.split("## What it checks").nth(1).unwrap_or("");
        let paragraph: Vec<&str> = section
            .lines()
            .map(str::trim)
            .skip_while(|l| l.is_empty())
            .take_while(|l| !l.is_empty())
            .collect();
        let text = paragraph.join(" ");
        match text.find(". ") {
            Some(end) => text[..=end].to_owned(),
            None => text,
        }
    }

    /// The examples of the docs: (`invalid`?, options, JSON text) for each fenced block
    /// ```` ```json,invalid ```` or ```` ```json,valid ````, with optional `os=…`/`api=…`/`limit=…` (bytes).
    pub fn examples(&self) -> Vec<Example> {
        let docs = self.documentation();
        let mut out = Vec::new();
        let mut lines = docs.lines();
        while let Some(line) = lines.next() {
            let Some(info) = line.trim().strip_prefix("```json,") else {
                continue;
            };
            let mut parts = info.split(',');
            let invalid = parts.next() == Some("invalid");
            let mut options = crate::Options::default();
            for part in parts {
                match part.split_once('=') {
                    Some(("os", os)) => options.os = crate::Os::parse(os),
                    Some(("api", api)) => options.api_version = crate::ApiVersion::parse(api),
                    Some(("limit", bytes)) => options.max_input_bytes = bytes.parse().ok(),
                    _ => {}
                }
            }
            let text: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
            out.push(Example {
                invalid,
                options,
                text: text.join("\n"),
            });
        }
        out
    }
}

/// One example from a rule's documentation.
#[derive(Debug, Clone)]
pub struct Example {
    pub invalid: bool,
    pub options: crate::Options,
    pub text: String,
}

/// Declares a rule: doc comment (the rule's documentation), then its metadata.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it checks
///     /// ...
///     pub static DUPLICATE_CUSTOMIZER_NAME = {
///         code: "AIB071", name: "duplicate-customizer-name",
///         group: Customize, severity: Warning, check: check,
///     }
/// }
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $ident:ident = {
            code: $code:literal,
            name: $name:literal,
            group: $group:ident,
            severity: $severity:ident,
            check: $check:expr $(,)?
        }
    ) => {
        $vis static $ident: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            code: $code,
            name: $name,
            group: $crate::rules::Group::$group,
            severity: $crate::diagnostic::Severity::$severity,
            docs: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}

/// Every rule, sorted by code. Each group module lists its own rules in `GROUP_RULES`.
pub static RULES: LazyLock<Vec<&'static RuleMeta>> = LazyLock::new(|| {
    let groups: [&[&RuleMeta]; 11] = [
        syntax::GROUP_RULES,
        envelope::GROUP_RULES,
        schema::GROUP_RULES,
        identity::GROUP_RULES,
        source::GROUP_RULES,
        customize::GROUP_RULES,
        validate::GROUP_RULES,
        distribute::GROUP_RULES,
        build_vm::GROUP_RULES,
        lifecycle::GROUP_RULES,
        content::GROUP_RULES,
    ];
    let mut all: Vec<&RuleMeta> = groups.into_iter().flatten().copied().collect();
    all.sort_by_key(|r| r.code);
    all
});

/// Looks a rule up by code (`AIB034`, case-insensitive) or by name.
pub fn find(code_or_name: &str) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// Runs every rule that has a check over one template.
pub(crate) fn run_all(template: &Template, out: &mut Vec<Diagnostic>) {
    for rule in RULES.iter() {
        if let Some(check) = rule.check {
            check(template, out);
        }
    }
}
