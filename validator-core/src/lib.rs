//! The Azure Image Builder template validator: parse leniently, check against the official
//! schema of the template's API version and Image Builder's own rules, report diagnostics.
//!
//! Pure Rust without I/O, so it runs the same natively (the `aib` command) and in the browser
//! (the designer, compiled to WebAssembly).
//!
//! ```
//! let report = validator_core::check(r#"{"location": "westeurope"}"#, &Default::default());
//! assert!(report.has_errors()); // no `properties`, no `identity`, ...
//! ```

pub mod catalog;
pub mod complete;
pub mod decode;
pub mod diagnostic;
pub mod edit;
pub mod export;
pub mod fix;
pub mod format;
mod intern;
mod lex;
pub mod model;
pub mod parse;
pub mod pointer;
pub mod policy;
pub mod rules;
pub mod schema;
pub mod suggest;
pub mod upgrade;

pub use diagnostic::{
    Anchor, Applicability, Diagnostic, Edit, Fix, Position, Related, Report, Severity, Span,
    Summary, TemplateInfo,
};
pub use model::{ApiVersion, Os};

use std::borrow::Cow;

use serde_json::Value;

use model::{ApiVersionSource, OsEvidence, Template};
use parse::{LineIndex, SpanIndex};

/// What the user tells the checker that the file does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Options {
    /// Check against this API version whatever the file declares.
    pub api_version: Option<ApiVersion>,
    /// The image's OS, when it cannot be inferred (managed or gallery sources).
    pub os: Option<Os>,
    /// Longer texts are refused unread; `None` means [`MAX_INPUT_BYTES`].
    pub max_input_bytes: Option<usize>,
    /// An organisation's own rules, checked after the built-in ones ([`policy`]). Shared, as
    /// options are cloned with every edit; sent to a worker as the policy's source text.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "policy::wire"
    )]
    pub policy: Option<std::sync::Arc<policy::Policy>>,
}

/// The longest text [`check`] reads: 16 MiB, four times the 4 MB that ARM accepts for a whole
/// deployment template, so no real image template comes near it. Reading costs memory in
/// proportion to the text: `aib check` peaks at 5 times the size of the largest real template
/// of the corpus (a 1 MB ARM template, 5.3 MB under `valgrind --tool=dhat`), and a check holds
/// up to about 50 times for the most hostile shapes measured (`benches/shapes.rs`;
/// bench/NOTES.md), which the designer's checker worker must also hold. Past the limit nothing
/// is read.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Checks a template given as text. Never panics, whatever the text.
pub fn check(text: &str, options: &Options) -> Report {
    analyze(text, options).report
}

/// Everything one check learns about a text: the parsed value and its span index (for an
/// editor that shows the document and places diagnostics) besides the report, so that a caller
/// needing both parses once.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub value: Option<Value>,
    pub index: SpanIndex,
    pub report: Report,
}

/// [`check`], keeping the parse.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let limit = options.max_input_bytes.unwrap_or(MAX_INPUT_BYTES);
    if text.len() > limit {
        return too_large(text.len(), limit);
    }
    let parsed = parse::parse(text);
    let mut diagnostics = parsed.diagnostics;
    let mut templates = Vec::new();
    if let Some(root) = &parsed.value {
        check_document(root, options, &mut diagnostics, &mut templates);
    }
    let report = finish(
        text,
        parsed.value.as_ref(),
        &parsed.index,
        diagnostics,
        templates,
    );
    Analysis {
        value: parsed.value,
        index: parsed.index,
        report,
    }
}

/// The report for a text past the size limit: one finding, nothing parsed.
fn too_large(bytes: usize, limit: usize) -> Analysis {
    let diagnostics = vec![Diagnostic::new(
        &rules::syntax::INPUT_TOO_LARGE,
        "",
        format!(
            "the text is {}, more than the {} the checker reads; nothing was checked",
            diagnostic::size(bytes),
            diagnostic::size(limit)
        ),
    )
    .help("ARM refuses templates over 4 MB, so an image template is far smaller: check that this is the right file")
    .with_span(Span::new(0, 0))];
    let summary = Report::summarize(&diagnostics);
    let mut report = Report {
        templates: Vec::new(),
        diagnostics,
        summary,
    };
    place("", &mut report.diagnostics);
    Analysis {
        value: None,
        index: SpanIndex::default(),
        report,
    }
}

fn check_document(
    root: &Value,
    options: &Options,
    diagnostics: &mut Vec<Diagnostic>,
    templates: &mut Vec<TemplateInfo>,
) {
    let found = model::discover(root);
    if let Some(reader) = model::reader::Reader::of(root, found.iter().map(|f| f.shape)) {
        model::reader::apply(reader, diagnostics);
    }
    if found.is_empty() {
        let message = if root.is_object() {
            "no `Microsoft.VirtualMachineImages/imageTemplates` resource found in this ARM template"
        } else {
            "an image template must be a JSON object"
        };
        diagnostics.push(
            Diagnostic::new(&rules::envelope::NO_IMAGE_TEMPLATE, "", message)
                .help("give a bare imageTemplates resource, the body for `az resource create --is-full-object`, or an ARM template containing one"),
        );
        return;
    }
    // The parser's findings are all in by now. The pointers of its unquoted placeholders are
    // lent to the set while the checks run, and given back after: copying each (an allocation
    // per placeholder, freed at the end) and growing the set (which hashes every pointer in it
    // again) cost cache misses per placeholder on a large template. No check reads the
    // findings made before it.
    let lent: Vec<(usize, String)> = diagnostics
        .iter_mut()
        .enumerate()
        .filter(|(_, d)| d.code == rules::syntax::UNQUOTED_PLACEHOLDER.code)
        .map(|(i, d)| (i, std::mem::take(&mut d.pointer)))
        .collect();
    let unquoted_placeholders = model::UnquotedPlaceholders::new(
        lent.iter().map(|(_, pointer)| pointer.as_str()).collect(),
    );
    for item in found {
        let Some(value) = normalized_resource(root, &item.pointer) else {
            continue;
        };
        let (api_version, api_version_source) =
            resolve_api_version(root, &item.pointer, &value, options);
        let (os, os_evidence) = determine_os(&value, options);
        let template = Template {
            root,
            value: &value,
            base: item.pointer.clone(),
            shape: item.shape,
            api_version,
            api_version_source,
            os,
            os_evidence,
            unquoted_placeholders: &unquoted_placeholders,
            steps: Default::default(),
        };
        schema::check(&template, diagnostics);
        rules::run_all(&template, diagnostics);
        if let Some(policy) = &options.policy {
            policy.check(&template, diagnostics);
        }
        templates.push(TemplateInfo {
            pointer: item.pointer,
            api_version: api_version.as_str().to_owned(),
            os: os.map_or("unknown", Os::as_str),
        });
    }
    for (i, pointer) in lent {
        diagnostics[i].pointer = pointer;
    }
}

/// The image template resource at `pointer` as the checks see it: inside an ARM template
/// (any non-root pointer) property copy loops are replaced by expression markers.
/// Borrowed unless there is a copy loop to replace: most templates are checked without a copy.
pub fn normalized_resource<'v>(root: &'v Value, pointer: &str) -> Option<Cow<'v, Value>> {
    let resource = root.pointer(pointer)?;
    // Only a resource inside an ARM template (a non-root pointer) can hold copy loops; the
    // search is a walk over the whole resource, so a bare resource is not searched.
    let in_arm_template = !pointer.is_empty();
    if !in_arm_template
        || !resource
            .get("properties")
            .is_some_and(|p| has_copy_loop(p, 0))
    {
        return Some(Cow::Borrowed(resource));
    }
    let mut value = resource.clone();
    if let Some(properties) = value.get_mut("properties") {
        replace_copy_loops(properties, 0);
    }
    Some(Cow::Owned(value))
}

fn has_copy_loop(value: &Value, depth: usize) -> bool {
    match value {
        _ if depth > parse::MAX_DEPTH => false,
        Value::Object(map) => {
            map.get("copy").is_some_and(Value::is_array)
                || map.values().any(|v| has_copy_loop(v, depth + 1))
        }
        Value::Array(items) => items.iter().any(|v| has_copy_loop(v, depth + 1)),
        _ => false,
    }
}

/// ARM property copy loops (`"copy": [{"name": "customize", "count": ..., "input": ...}]`
/// inside `properties`) build arrays at deployment; stand an expression in for each so the
/// schema and rules treat them as values known only then.
fn replace_copy_loops(value: &mut Value, depth: usize) {
    if depth > parse::MAX_DEPTH {
        return;
    }
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(loops)) = map.get("copy") {
                let names: Vec<String> = loops
                    .iter()
                    .filter_map(|l| l.get("name")?.as_str().map(str::to_owned))
                    .collect();
                if names.len() == loops.len() {
                    map.remove("copy");
                    for name in names {
                        map.insert(name, Value::String("[copy]".to_owned()));
                    }
                }
            }
            for child in map.values_mut() {
                replace_copy_loops(child, depth + 1);
            }
        }
        Value::Array(items) => {
            for child in items {
                replace_copy_loops(child, depth + 1);
            }
        }
        _ => {}
    }
}

/// The API version to check against: the user's choice, the file's literal, or the default of
/// the ARM parameter or variable it names; the newest version otherwise.
fn resolve_api_version(
    root: &Value,
    resource_pointer: &str,
    resource: &Value,
    options: &Options,
) -> (ApiVersion, ApiVersionSource) {
    if let Some(given) = options.api_version {
        return (given, ApiVersionSource::Given);
    }
    let newest = ApiVersion::NEWEST;
    match resource.get("apiVersion") {
        None => (newest, ApiVersionSource::Missing),
        Some(Value::String(text)) if model::is_expression(text) => {
            // The template holding this resource: strip `/resources/<name>`.
            let holder = pointer::parent(resource_pointer)
                .and_then(pointer::parent)
                .unwrap_or("");
            let resolved = root
                .pointer(holder)
                .and_then(|t| resolve_simple_expression(t, text));
            match resolved.and_then(ApiVersion::parse) {
                Some(version) => (version, ApiVersionSource::Resolved(text.clone())),
                None => (newest, ApiVersionSource::Unresolved(text.clone())),
            }
        }
        Some(Value::String(text)) => match ApiVersion::parse(text) {
            Some(version) => (version, ApiVersionSource::Literal),
            None => (newest, ApiVersionSource::Unknown(text.clone())),
        },
        Some(other) => (newest, ApiVersionSource::Unknown(other.to_string())),
    }
}

/// `[parameters('x')]` (the parameter's default) or `[variables('x')]` (a literal variable).
fn resolve_simple_expression<'t>(template: &'t Value, expression: &str) -> Option<&'t str> {
    let inner = expression.strip_prefix('[')?.strip_suffix(']')?.trim();
    let (kind, rest) = inner.split_once('(')?;
    let name = rest.strip_suffix(')')?.trim().trim_matches('\'');
    match kind.trim() {
        "parameters" => template
            .get("parameters")?
            .get(name)?
            .get("defaultValue")?
            .as_str(),
        "variables" => template.get("variables")?.get(name)?.as_str(),
        _ => None,
    }
}

/// The image's OS: given, from the marketplace image, or from OS-specific customizers.
fn determine_os(resource: &Value, options: &Options) -> (Option<Os>, Option<OsEvidence>) {
    if let Some(os) = options.os {
        return (Some(os), Some(OsEvidence::Given));
    }
    let properties = resource.get("properties");
    let source = properties
        .and_then(|p| p.get("source"))
        .and_then(Value::as_object);
    if let Some(source) = source {
        if source.get("type").and_then(Value::as_str) == Some("PlatformImage") {
            if let Some(os) = catalog::images::os_of_platform_image(source) {
                return (Some(os), Some(OsEvidence::SourceImage));
            }
        }
    }
    let mut linux = false;
    let mut windows = false;
    let lists = ["/customize", "/validate/inVMValidations"];
    for list in lists {
        let items = properties
            .and_then(|p| p.pointer(list))
            .and_then(Value::as_array);
        for kind in items
            .into_iter()
            .flatten()
            .filter_map(|c| c.get("type")?.as_str())
        {
            match catalog::customizers::made_for(kind) {
                Some(Os::Linux) => linux = true,
                Some(Os::Windows) => windows = true,
                None => {}
            }
        }
    }
    match (linux, windows) {
        (true, false) => (Some(Os::Linux), Some(OsEvidence::Customizers)),
        (false, true) => (Some(Os::Windows), Some(OsEvidence::Customizers)),
        _ => (None, None),
    }
}

/// Places every diagnostic in the text, sorts them and counts them.
pub(crate) fn finish(
    text: &str,
    root: Option<&Value>,
    index: &SpanIndex,
    mut diagnostics: Vec<Diagnostic>,
    templates: Vec<TemplateInfo>,
) -> Report {
    for d in &mut diagnostics {
        d.shorten_quoted_values();
        if d.span.is_none() {
            d.span = root.and_then(|root| span_of(index, root, &d.pointer, d.anchor));
        }
        for related in &mut d.related {
            if related.span.is_none() {
                related.span =
                    root.and_then(|root| span_of(index, root, &related.pointer, Anchor::Value));
            }
        }
    }
    place(text, &mut diagnostics);
    sort_in_reading_order(&mut diagnostics);
    diagnostics
        .dedup_by(|a, b| a.code == b.code && a.pointer == b.pointer && a.message == b.message);
    let summary = Report::summarize(&diagnostics);
    Report {
        templates,
        diagnostics,
        summary,
    }
}

/// Sorts by position, then code, pointer and message, keeping the order of equal ones.
///
/// The sort orders (position, index) pairs, reading a diagnostic only to break a tie of
/// positions, and then moves each diagnostic once: a stable sort of the diagnostics themselves
/// moves hundreds of bytes per comparison step and takes a scratch copy of half of them, which
/// for a large template with a finding per entry was megabytes out of the cache.
fn sort_in_reading_order(diagnostics: &mut [Diagnostic]) {
    fn tie_breaker(d: &Diagnostic) -> (&str, &str, &str) {
        (d.code, &d.pointer, &d.message)
    }
    let mut keyed: Vec<(usize, usize)> = diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| (d.span.map_or(usize::MAX, |s| s.start), i))
        .collect();
    keyed.sort_by(|&(position_a, a), &(position_b, b)| {
        position_a
            .cmp(&position_b)
            .then_with(|| tie_breaker(&diagnostics[a]).cmp(&tie_breaker(&diagnostics[b])))
    });
    let mut order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    // `order[k]` is where the diagnostic for place `k` is now. Follow each cycle of the
    // permutation, swapping each diagnostic into its place and marking the place done.
    for start in 0..order.len() {
        let mut place = start;
        while order[place] != place {
            let from = order[place];
            order[place] = place;
            if from == start {
                break;
            }
            diagnostics.swap(place, from);
            place = from;
        }
    }
}

/// Turns every span into lines and columns, all in one pass over the text.
fn place(text: &str, diagnostics: &mut [Diagnostic]) {
    // Room for a span and one related place each: growing a vector of hundreds of thousands
    // of offsets copied it and took fresh memory from the kernel at every doubling.
    let mut offsets = Vec::with_capacity(3 * diagnostics.len());
    for d in diagnostics.iter() {
        if let Some(span) = d.span {
            offsets.extend([span.start, span.end]);
        }
        offsets.extend(d.related.iter().filter_map(|r| r.span).map(|s| s.start));
    }
    let mut positions = LineIndex::new(text).positions(text, &offsets).into_iter();
    for d in diagnostics.iter_mut() {
        if d.span.is_some() {
            d.start = positions.next();
            d.end = positions.next();
        }
        for related in &mut d.related {
            if related.span.is_some() {
                related.position = positions.next();
            }
        }
    }
}

/// The source range a diagnostic at `pointer` should underline: the key for `Anchor::Key`, the
/// key of a multi-line object or array (so the caret lands on its name), the value otherwise;
/// a missing node falls back to its nearest existing ancestor.
fn span_of(index: &SpanIndex, root: &Value, pointer: &str, anchor: Anchor) -> Option<Span> {
    let (depth, spans) = index.nearest(root, pointer)?;
    let exact = depth == pointer::token_iter(pointer).count();
    match (anchor, spans.key) {
        (Anchor::Key, Some(key)) if exact => Some(key),
        (_, Some(key)) if !exact || spans.value.end - spans.value.start > 200 => Some(key),
        _ => Some(spans.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_in_reading_order_is_a_stable_sort() {
        // Positions and messages that tie in many ways; the help tells equal ones apart.
        let diagnostics: Vec<Diagnostic> = (0..200usize)
            .map(|i| {
                let d = Diagnostic::new(
                    &rules::syntax::TRAILING_COMMA,
                    format!("/{}", i % 3),
                    ["a", "b"][i % 2],
                )
                .help(i.to_string());
                match i % 5 {
                    0 => d,
                    _ => d.with_span(Span::new((i * 7919) % 13, 0)),
                }
            })
            .collect();
        let mut expected = diagnostics.clone();
        expected.sort_by(|a, b| {
            let key = |d: &Diagnostic| d.span.map_or(usize::MAX, |s| s.start);
            (key(a), &a.pointer, &a.message).cmp(&(key(b), &b.pointer, &b.message))
        });
        let mut sorted = diagnostics;
        sort_in_reading_order(&mut sorted);
        assert_eq!(sorted, expected);
    }
}
