//! Policies: an organisation's own rules for its image templates, written once in a JSON file
//! and checked everywhere the built-in rules are (the designer and `aib check --policy`).
//!
//! A policy is data, not code: each rule is one item of a closed vocabulary, one file each
//! here ([`allowed`], [`required`], [`pattern`], [`range`], [`customize`], [`distribute`],
//! [`uri_prefixes`]). Pointers are JSON pointers from the image template resource (so the same
//! policy checks a bare resource and one inside an ARM template), with `*` for every entry of
//! a list ([`select`]). Values that are ARM expressions (`[parameters('x')]`) are known only at
//! deployment, so policies leave them alone.
//!
//! Findings are ordinary [`Diagnostic`]s with the code `POL-<id>`.
//!
//! ```
//! use std::sync::Arc;
//! use validator_core::{check, policy::Policy, Options};
//! let policy = Policy::parse(r#"{
//!   "name": "Contoso", "version": "1",
//!   "rules": [{ "id": "region", "severity": "error", "message": "Build in Europe",
//!               "allowed": { "pointer": "/location", "values": ["westeurope"] } }]
//! }"#).unwrap();
//! let options = Options { policy: Some(Arc::new(policy)), ..Options::default() };
//! let report = check(r#"{"location": "eastus", "properties": {}}"#, &options);
//! let finding = report.diagnostics.iter().find(|d| d.code == "POL-region").unwrap();
//! assert_eq!(finding.pointer, "/location");
//! assert!(finding.fix.is_some()); // one allowed value: set it
//! ```

pub mod allowed;
pub mod customize;
pub mod distribute;
pub mod pattern;
pub mod range;
pub mod required;
pub mod select;
pub mod uri_prefixes;

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, Severity, Static};
use crate::model::Template;
use crate::Report;

pub use allowed::Values;
pub use customize::CustomizeIncludes;
pub use distribute::DistributeIncludes;
pub use pattern::{Pattern, PatternRule};
pub use range::Range;
pub use required::Required;
pub use uri_prefixes::UriPrefixes;

/// The prefix of every policy rule's code.
pub const CODE_PREFIX: &str = "POL-";

/// True for a policy rule's code as a person types it (`POL-region`, `pol-region`).
pub fn is_policy_code(code: &str) -> bool {
    code.get(..CODE_PREFIX.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(CODE_PREFIX))
}

/// How many of a report's findings of this severity are a policy's: none of severity `error`
/// is what "the template meets the policy" means, in the designer's Review and in exports.
pub fn findings(report: &Report, severity: Severity) -> usize {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == severity && d.code.starts_with(CODE_PREFIX))
        .count()
}

crate::declare_rule! {
    /// ## What it checks
    /// A policy file: its JSON, its fields and each rule's. Not a template rule: its findings
    /// are about the policy file given with `--policy`, and a policy with errors checks nothing.
    ///
    /// ## Why it matters
    /// A rule that is misspelled would silently never fire.
    ///
    /// ## References
    /// - docs/policy.md
    pub static INVALID_POLICY = {
        code: "POLICY",
        name: "invalid-policy",
        group: Envelope,
        severity: Error,
        check: None,
    }
}

/// A policy read from its file, its rules compiled.
#[derive(Debug, Clone)]
pub struct Policy {
    source: String,
    name: String,
    version: String,
    description: Option<String>,
    rules: Vec<Rule>,
    starters: Vec<Starter>,
}

/// One rule of a policy.
#[derive(Debug, Clone)]
pub struct Rule {
    /// As written: letters, digits, `-`, `_` and `.`.
    pub id: String,
    /// `POL-<id>`, interned so that findings carry it as built-in rules carry theirs.
    pub code: Static,
    /// The id, interned: the `rule` of its findings.
    pub name: Static,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// The platform team's page about the rule.
    pub link: Option<String>,
    pub check: Check,
    /// The rule's object as written, for `aib explain`.
    pub source: Value,
    /// Pointer of the rule in the policy file.
    pub pointer: String,
}

/// What a rule checks: one item of the vocabulary.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// The values at a pointer are among these.
    Allowed(Values),
    /// The values at a pointer are none of these.
    Denied(Values),
    /// These properties are present.
    Required(Required),
    /// The template has these tags.
    RequiredTags(Vec<String>),
    /// The strings at a pointer match a regex or preset.
    Pattern(PatternRule),
    /// The numbers at a pointer are in a range.
    Range(Range),
    /// Some entry of `customize` matches.
    CustomizeIncludes(CustomizeIncludes),
    /// Some entry of `distribute` matches.
    DistributeIncludes(DistributeIncludes),
    /// Script and file URIs start with one of these prefixes.
    UriPrefixes(UriPrefixes),
}

/// The vocabulary: the key naming each kind of check in a rule object.
pub const CHECKS: [&str; 9] = [
    "allowed",
    "denied",
    "required",
    "requiredTags",
    "pattern",
    "range",
    "customizeIncludes",
    "distributeIncludes",
    "uriPrefixes",
];

/// A named template the platform team offers as a starting point (the designer's New menu).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Starter {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    /// The template, `<placeholders>` and all.
    pub template: Value,
}

impl Policy {
    /// Reads a policy file that may say there is no policy: `null` (comments allowed), as the
    /// designer's `dist/policy.json` does until a platform team puts its own in its place.
    ///
    /// ```
    /// # use validator_core::policy::Policy;
    /// assert!(Policy::parse_optional("// no policy yet\nnull\n").unwrap().is_none());
    /// assert!(Policy::parse_optional("[]").is_err());
    /// ```
    pub fn parse_optional(text: &str) -> Result<Option<Policy>, Report> {
        let parsed = crate::parse::parse(text);
        let clean = parsed
            .diagnostics
            .iter()
            .all(|d| d.severity != Severity::Error || is_lenient(d));
        if clean && parsed.value == Some(Value::Null) {
            return Ok(None);
        }
        Policy::parse(text).map(Some)
    }

    /// Reads and compiles a policy file, leniently as templates are read (comments and
    /// trailing commas pass); a file with errors gives them as a report, each placed at its
    /// line and column in `text`.
    pub fn parse(text: &str) -> Result<Policy, Report> {
        let parsed = crate::parse::parse(text);
        let mut errors: Vec<Diagnostic> = parsed
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error && !is_lenient(d))
            .collect();
        let mut policy = None;
        if let Some(root) = &parsed.value {
            policy = read(text, root, &mut errors);
        }
        match policy {
            Some(policy) if errors.is_empty() => Ok(policy),
            _ => {
                if errors.is_empty() {
                    errors.push(error("", "the policy file holds no JSON value"));
                }
                Err(crate::finish(
                    text,
                    parsed.value.as_ref(),
                    &parsed.index,
                    errors,
                    Vec::new(),
                ))
            }
        }
    }

    /// The text the policy was read from.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn version(&self) -> &str {
        &self.version
    }

    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The team's starters, in the policy's order.
    pub fn starters(&self) -> &[Starter] {
        &self.starters
    }

    /// The rule with this code (`POL-region`, case-insensitive) or id (`region`).
    pub fn rule(&self, code_or_id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| {
            r.code.eq_ignore_ascii_case(code_or_id) || r.id.eq_ignore_ascii_case(code_or_id)
        })
    }

    /// The values allowed at `pointer` (from the template resource, e.g. `/location` or
    /// `/properties/customize/2/type`), for a pick-list: those of every `allowed` rule whose
    /// pointer selects it, the first rule's when several do.
    ///
    /// ```
    /// # use validator_core::policy::Policy;
    /// let policy = Policy::parse(r#"{"name": "p", "version": "1", "rules": [{"id": "size",
    ///   "severity": "error", "message": "Approved sizes",
    ///   "allowed": {"pointer": "/properties/vmProfile/vmSize", "values": ["Standard_D4s_v5"]}}]}"#).unwrap();
    /// let sizes = policy.allowed_values("/properties/vmProfile/vmSize").unwrap();
    /// assert_eq!(sizes, [serde_json::json!("Standard_D4s_v5")]);
    /// ```
    pub fn allowed_values(&self, pointer: &str) -> Option<&[Value]> {
        let lists = self.rules.iter().filter_map(|r| match &r.check {
            Check::Allowed(values) => Some((values.pointer.as_str(), values.values.as_slice())),
            _ => None,
        });
        first_allowed(lists, pointer)
    }

    /// The values a form can fill in: each `allowed` rule with one value and no wildcard, as
    /// (pointer from the template resource, value).
    pub fn prefilled(&self) -> Vec<(&str, &Value)> {
        self.rules
            .iter()
            .filter_map(|r| match &r.check {
                Check::Allowed(Values {
                    pointer, values, ..
                }) if values.len() == 1 && !select::has_wildcard(pointer) => {
                    Some((pointer.as_str(), &values[0]))
                }
                _ => None,
            })
            .collect()
    }

    /// The tags every template must carry, from all `requiredTags` rules.
    pub fn required_tags(&self) -> Vec<&str> {
        self.rules
            .iter()
            .filter_map(|r| match &r.check {
                Check::RequiredTags(tags) => Some(tags.iter().map(String::as_str)),
                _ => None,
            })
            .flatten()
            .collect()
    }

    /// Checks one template with every rule.
    pub(crate) fn check(&self, template: &Template, out: &mut Vec<Diagnostic>) {
        for rule in &self.rules {
            match &rule.check {
                Check::Allowed(values) => values.check_allowed(template, rule, out),
                Check::Denied(values) => values.check_denied(template, rule, out),
                Check::Required(required) => required.check(template, rule, out),
                Check::RequiredTags(tags) => required::check_tags(tags, template, rule, out),
                Check::Pattern(pattern) => pattern.check(template, rule, out),
                Check::Range(range) => range.check(template, rule, out),
                Check::CustomizeIncludes(includes) => includes.check(template, rule, out),
                Check::DistributeIncludes(includes) => includes.check(template, rule, out),
                Check::UriPrefixes(prefixes) => prefixes.check(template, rule, out),
            }
        }
    }
}

/// A rule named by a code or id: one of a policy's, or a built-in one.
#[derive(Debug, Clone, Copy)]
pub enum NamedRule<'p> {
    Policy(&'p Policy, &'p Rule),
    Builtin(&'static crate::rules::RuleMeta),
}

/// The rule `code_or_id` names, as every place that explains rules looks it up (`aib explain`,
/// the language server's hover, the designer's rule pages): the policy's rules first (by
/// `POL-` code or id), then the built-in ones (by code or name).
///
/// ```
/// use validator_core::policy::{find_rule, NamedRule, Policy};
/// let policy = Policy::parse(r#"{"name": "Contoso", "version": "1", "rules": [{"id": "region",
///   "severity": "error", "message": "Build in Europe",
///   "allowed": {"pointer": "/location", "values": ["westeurope"]}}]}"#).unwrap();
/// assert!(matches!(find_rule("POL-region", Some(&policy)), Some(NamedRule::Policy(..))));
/// assert!(matches!(find_rule("AIB003", Some(&policy)), Some(NamedRule::Builtin(r)) if r.code == "AIB003"));
/// assert!(find_rule("POL-region", None).is_none());
/// ```
pub fn find_rule<'p>(code_or_id: &str, policy: Option<&'p Policy>) -> Option<NamedRule<'p>> {
    policy
        .and_then(|p| Some(NamedRule::Policy(p, p.rule(code_or_id)?)))
        .or_else(|| crate::rules::find(code_or_id).map(NamedRule::Builtin))
}

/// The values of the first of `lists` (`allowed` rules' pointers and values, in the policy's
/// order) whose pointer selects `pointer`: what a pick-list offers there. The designer's page,
/// which holds the lists but not the compiled policy, asks the same question.
pub fn first_allowed<'a>(
    lists: impl IntoIterator<Item = (&'a str, &'a [Value])>,
    pointer: &str,
) -> Option<&'a [Value]> {
    lists
        .into_iter()
        .find(|(pattern, _)| select::matches(pattern, pointer))
        .map(|(_, values)| values)
}

impl PartialEq for Policy {
    /// Two policies are the same when read from the same text.
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl Eq for Policy {}

impl Rule {
    /// A finding of this rule at `pointer` (absolute): the team's message with what was found
    /// (`detail`) after it, and the team's help and link.
    pub fn finding(
        &self,
        pointer: impl Into<String>,
        detail: impl std::fmt::Display,
    ) -> Diagnostic {
        let mut d = Diagnostic::of_code(
            self.code,
            self.name,
            self.severity,
            pointer,
            format!("{} ({detail})", self.message),
        );
        let help = match (&self.help, &self.link) {
            (Some(help), Some(link)) => Some(format!("{help} (see {link})")),
            (Some(help), None) => Some(help.clone()),
            (None, Some(link)) => Some(format!("see {link}")),
            (None, None) => None,
        };
        d.help = help.map(Into::into);
        d
    }

    /// The rule as Markdown, for `aib explain POL-<id>`: its message, help, link and the
    /// rule object as the policy writes it.
    pub fn documentation(&self) -> String {
        let mut out = format!("{}\n", self.message);
        if let Some(help) = &self.help {
            out.push_str(&format!("\n{help}\n"));
        }
        if let Some(link) = &self.link {
            out.push_str(&format!("\nSee {link}\n"));
        }
        let rule = serde_json::to_string_pretty(&self.source).unwrap_or_default();
        out.push_str(&format!("\n## The rule\n```json\n{rule}\n```\n"));
        out
    }
}

/// Comments and trailing commas: errors in a template for the strict readers of Azure's
/// tools, which never read a policy file, so a policy may have them.
fn is_lenient(d: &Diagnostic) -> bool {
    use crate::rules::syntax::{JSON_COMMENT, TRAILING_COMMA};
    d.code == JSON_COMMENT.code || d.code == TRAILING_COMMA.code
}

/// A policy error at `pointer` of the policy file.
fn error(pointer: impl Into<String>, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(&INVALID_POLICY, pointer, message.into())
}

/// The policy in `root`, or `None` when its top level is unusable; errors go to `errors`.
fn read(text: &str, root: &Value, errors: &mut Vec<Diagnostic>) -> Option<Policy> {
    let Some(object) = root.as_object() else {
        errors.push(error("", "a policy is a JSON object"));
        return None;
    };
    let known = [
        "$schema",
        "name",
        "version",
        "description",
        "rules",
        "starters",
    ];
    unknown_keys(object, &known, "", errors);
    let name = required_string(object, "name", "", errors);
    let version = required_string(object, "version", "", errors);
    let description = object
        .get("description")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let mut rules: Vec<Rule> = Vec::new();
    match object.get("rules") {
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let pointer = format!("/rules/{i}");
                if let Some(rule) = read_rule(item, &pointer, errors) {
                    if rules.iter().any(|r| r.id.eq_ignore_ascii_case(&rule.id)) {
                        errors.push(error(
                            format!("{pointer}/id"),
                            format!("another rule has the id `{}`", rule.id),
                        ));
                    }
                    rules.push(rule);
                }
            }
        }
        Some(_) => errors.push(error("/rules", "`rules` is a list of rule objects")),
        None => errors.push(error("", "a policy needs `rules`, a list of rule objects").at_key()),
    }
    let mut starters = Vec::new();
    match object.get("starters") {
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                match Starter::deserialize(item) {
                    Ok(starter) => starters.push(starter),
                    Err(e) => errors.push(error(format!("/starters/{i}"), e.to_string())),
                }
            }
        }
        Some(_) => errors.push(error(
            "/starters",
            "`starters` is a list of {name, template}",
        )),
        None => {}
    }
    Some(Policy {
        source: text.to_owned(),
        name: name?,
        version: version?,
        description,
        rules,
        starters,
    })
}

fn read_rule(value: &Value, pointer: &str, errors: &mut Vec<Diagnostic>) -> Option<Rule> {
    let Some(object) = value.as_object() else {
        errors.push(error(pointer, "a rule is a JSON object"));
        return None;
    };
    let mut known = vec!["id", "severity", "message", "help", "link", "description"];
    known.extend(CHECKS);
    unknown_keys(object, &known, pointer, errors);
    let id = required_string(object, "id", pointer, errors)?;
    let valid_id = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !valid_id {
        errors.push(error(
            format!("{pointer}/id"),
            "an id has 1 to 64 letters, digits, `-`, `_` or `.`",
        ));
        return None;
    }
    let message = required_string(object, "message", pointer, errors)?;
    let severity = match object.get("severity") {
        None => Severity::Error,
        Some(v) => match Severity::deserialize(v) {
            Ok(severity) => severity,
            Err(_) => {
                errors.push(error(
                    format!("{pointer}/severity"),
                    "the severity is `error`, `warning` or `info`",
                ));
                return None;
            }
        },
    };
    let optional = |key: &str, errors: &mut Vec<Diagnostic>| match object.get(key) {
        None => None,
        Some(Value::String(text)) => Some(text.clone()),
        Some(_) => {
            errors.push(error(
                format!("{pointer}/{key}"),
                format!("`{key}` is a string"),
            ));
            None
        }
    };
    let help = optional("help", errors);
    let link = optional("link", errors);
    let given: Vec<&str> = CHECKS
        .into_iter()
        .filter(|k| object.contains_key(*k))
        .collect();
    let [kind] = given[..] else {
        errors.push(
            error(
                pointer,
                format!(
                    "a rule has exactly one of {}",
                    pattern::quoted_list(&CHECKS)
                ),
            )
            .at_key(),
        );
        return None;
    };
    let spec = &object[kind];
    let check = match kind {
        "allowed" => Values::read(spec).map(Check::Allowed),
        "denied" => Values::read(spec).map(Check::Denied),
        "required" => Required::read(spec).map(Check::Required),
        "requiredTags" => from_value(spec).map(Check::RequiredTags),
        "pattern" => PatternRule::read(spec).map(Check::Pattern),
        "range" => Range::read(spec).map(Check::Range),
        "customizeIncludes" => CustomizeIncludes::read(spec).map(Check::CustomizeIncludes),
        "distributeIncludes" => DistributeIncludes::read(spec).map(Check::DistributeIncludes),
        _ => UriPrefixes::read(spec).map(Check::UriPrefixes),
    };
    let check = match check {
        Ok(check) => check,
        Err(message) => {
            errors.push(error(format!("{pointer}/{kind}"), message));
            return None;
        }
    };
    let interned =
        crate::intern::intern(&format!("{CODE_PREFIX}{id}")).zip(crate::intern::intern(&id));
    let Some((code, name)) = interned else {
        errors.push(error(
            pointer,
            "too many policy rules loaded in this session",
        ));
        return None;
    };
    Some(Rule {
        id,
        code,
        name,
        severity,
        message,
        help,
        link,
        check,
        source: value.clone(),
        pointer: pointer.to_owned(),
    })
}

fn unknown_keys(
    object: &Map<String, Value>,
    known: &[&str],
    pointer: &str,
    errors: &mut Vec<Diagnostic>,
) {
    for key in object.keys().filter(|k| !known.contains(&k.as_str())) {
        let mut message = format!("unknown field `{key}`");
        if let Some(near) = crate::suggest::nearest(key, known.iter().copied()) {
            message.push_str(&format!("; did you mean `{near}`?"));
        }
        errors.push(error(crate::pointer::join(pointer, key), message).at_key());
    }
}

fn required_string(
    object: &Map<String, Value>,
    key: &str,
    pointer: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    match object.get(key) {
        Some(Value::String(text)) if !text.trim().is_empty() => Some(text.clone()),
        Some(_) => {
            errors.push(error(
                crate::pointer::join(pointer, key),
                format!("`{key}` is a non-empty string"),
            ));
            None
        }
        None => {
            errors.push(error(pointer, format!("`{key}` is missing")).at_key());
            None
        }
    }
}

/// A value of a vocabulary item read with serde; its error in words.
fn from_value<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, String> {
    T::deserialize(value).map_err(|e| e.to_string())
}

/// True for a string the template does not say yet: an ARM expression, known only at
/// deployment, or a `<placeholder>` still to be written (`placeholder-left` reports those).
fn not_yet_known(text: &str) -> bool {
    crate::model::is_expression(text) || !crate::model::placeholders(text).is_empty()
}

/// The `pointer` of a vocabulary item's object: a JSON pointer, `*` allowed.
fn read_pointer(value: &Value) -> Result<String, String> {
    match value.get("pointer") {
        Some(Value::String(p)) if p.is_empty() || p.starts_with('/') => Ok(p.clone()),
        Some(_) => Err("`pointer` is a JSON pointer such as `/location`".to_owned()),
        None => Err("`pointer` is missing".to_owned()),
    }
}

/// Options carry a policy to the designer's worker as its source text, read again there.
pub(crate) mod wire {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serializer};

    use super::Policy;

    pub fn serialize<S: Serializer>(policy: &Option<Arc<Policy>>, s: S) -> Result<S::Ok, S::Error> {
        match policy {
            Some(policy) => s.serialize_some(policy.source()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Arc<Policy>>, D::Error> {
        let Some(text) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        Policy::parse(&text)
            .map(|p| Some(Arc::new(p)))
            .map_err(|_| serde::de::Error::custom("the policy has errors"))
    }
}
