//! The check and the exports, off the page's thread: a Web Worker runs [`Engine`] (the
//! `checker` binary, `src/bin/checker.rs`), so a large template never freezes typing.
//!
//! The page sends [`Request`]s and receives [`Response`]s, both as JSON text ([`Json`]). Each
//! request carries the revision of the editor state it was made for; the state takes an answer
//! only if its revision is still current (`EditorAction::Checked`), so a late answer for an
//! older text never shows over a newer one. The page's own WebAssembly never calls the check
//! or the exports, so it stays small and loads first; the worker's loads beside it.

use gloo::worker::{Codec, HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use validator_core::export::{self, Export, Kind, Refusal};
use validator_core::{analyze, Analysis, Options, Report};

use crate::policy::PolicyShape;
use crate::rule_docs::RuleDoc;
use std::sync::Arc;
use validator_core::policy::{NamedRule, Policy};
use wasm_bindgen::JsValue;

/// Where the page finds the worker's loader (written by Trunk beside `index.html`, from the
/// `data-type="worker"` link of `static/index.html`).
pub const WORKER_URL: &str = "./checker_loader.js";

/// What the page asks the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Check `text`; send its parsed value back if `want_value` (the page does not know it).
    Check {
        revision: u64,
        text: String,
        options: Options,
        want_value: bool,
    },
    /// Export the template `template_index` of the last text checked, which should be of
    /// `revision`.
    Export {
        revision: u64,
        template_index: usize,
        kind: Kind,
        options: export::Options,
    },
    /// The documentation of the rule with this code or name (a rule page).
    Explain { rule: String },
    /// Check with this policy from now on (its source text), or with none. Checks that
    /// carry a policy in their options use theirs.
    UsePolicy { source: Option<String> },
    /// `text` moved to API version `to` ([`validator_core::upgrade`]): the designer's
    /// "Upgrade API version".
    Upgrade {
        text: String,
        to: validator_core::ApiVersion,
    },
}

/// What the worker answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    Checked(Checked),
    Exported(Exported),
    /// The rule asked for, or `None` when there is no such rule.
    Explained {
        rule: String,
        doc: Option<RuleDoc>,
    },
    /// The policy now in use (`None`: none), or why the one given cannot be used: its errors,
    /// each with line and column (then none is in use).
    PolicyUsed {
        shape: Option<PolicyShape>,
        problems: Vec<String>,
    },
    Upgraded(Upgraded),
}

/// An upgrade of one text, with what it did in words for the page (one text, so the page's
/// module holds no more than it shows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Upgraded {
    /// The text upgraded: the page takes the result only if it still shows this text.
    pub from: String,
    pub text: String,
    /// `Upgraded to <version>: <changes>.`, then `Could not carry over: <pointer: message>; ...`.
    pub summary: String,
}

/// The check of one revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    pub revision: u64,
    pub report: Report,
    /// The parsed document, when asked for and the text has one.
    pub value: Option<Value>,
}

/// One export of the template of one revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exported {
    /// The revision of the text exported (the last checked, which may differ from the one
    /// asked for if a newer check came in between: the page then drops this answer).
    pub revision: u64,
    pub kind: Kind,
    pub options: export::Options,
    /// `None` when there is no template to export.
    pub result: Option<Result<Export, Refusal>>,
}

/// The worker's work, kept apart from the messaging so native tests run it.
#[derive(Default)]
pub struct Engine {
    /// The last check, which exports read: its revision and analysis.
    last: Option<(u64, Analysis)>,
    /// The organisation's policy every check applies (`Request::UsePolicy`), compiled once.
    policy: Option<Arc<Policy>>,
}

impl Engine {
    pub fn answer(&mut self, request: Request) -> Response {
        match request {
            Request::Check {
                revision,
                text,
                mut options,
                want_value,
            } => {
                if options.policy.is_none() {
                    options.policy = self.policy.clone();
                }
                let analysis = analyze(&text, &options);
                let checked = Checked {
                    revision,
                    report: analysis.report.clone(),
                    value: want_value.then(|| analysis.value.clone()).flatten(),
                };
                self.last = Some((revision, analysis));
                Response::Checked(checked)
            }
            Request::Export {
                template_index,
                kind,
                options,
                ..
            } => {
                let (revision, result) = match &self.last {
                    Some((revision, analysis)) => {
                        // The export's header names the policy the template was checked with.
                        let stamped = export::Options {
                            policy: self
                                .policy
                                .as_deref()
                                .map(|p| export::PolicyNote::of(p, &analysis.report)),
                            ..options.clone()
                        };
                        (*revision, export(analysis, template_index, kind, &stamped))
                    }
                    None => (0, None),
                };
                Response::Exported(Exported {
                    revision,
                    kind,
                    options,
                    result,
                })
            }
            // As `aib explain --policy` finds it (`policy::find_rule`).
            Request::Explain { rule } => Response::Explained {
                doc: validator_core::policy::find_rule(&rule, self.policy.as_deref()).map(
                    |named| match named {
                        NamedRule::Policy(policy, rule) => RuleDoc::of_policy_rule(policy, rule),
                        NamedRule::Builtin(meta) => RuleDoc::of(meta),
                    },
                ),
                rule,
            },
            Request::UsePolicy { source } => {
                let read = source.as_deref().map(Policy::parse_optional).transpose();
                let problems = match read.map(Option::flatten) {
                    Ok(policy) => {
                        self.policy = policy.map(Arc::new);
                        Vec::new()
                    }
                    Err(report) => {
                        self.policy = None;
                        report.diagnostics.iter().map(placed).collect()
                    }
                };
                Response::PolicyUsed {
                    shape: self.policy.as_deref().map(PolicyShape::of),
                    problems,
                }
            }
            Request::Upgrade { text, to } => Response::Upgraded(upgrade(text, to)),
        }
    }
}

/// A policy file's error as the page lists it: `line 4, column 7: …`.
fn placed(d: &validator_core::Diagnostic) -> String {
    match d.start {
        Some(at) => format!("line {}, column {}: {}", at.line, at.column, d.message),
        None => d.message.to_string(),
    }
}

/// The worker's part of "Upgrade API version": the upgraded text and what it did, in words.
fn upgrade(text: String, to: validator_core::ApiVersion) -> Upgraded {
    let upgraded = validator_core::upgrade::upgrade(&text, to);
    let at = |p: &str| if p.is_empty() { "/" } else { p }.to_owned();
    let changes: Vec<String> = upgraded
        .changes
        .iter()
        .map(|c| format!("{}: {}", at(&c.pointer), c.description))
        .collect();
    let mut summary = if changes.is_empty() {
        format!("Nothing to change for API version {to}.")
    } else {
        format!("Upgraded to API version {to}: {}.", changes.join("; "))
    };
    if !upgraded.diagnostics.is_empty() {
        let lost: Vec<String> = upgraded
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}", at(&d.pointer), d.message))
            .collect();
        summary.push_str(&format!(" Could not carry over: {}.", lost.join("; ")));
    }
    Upgraded {
        from: text,
        text: upgraded.text,
        summary,
    }
}

fn export(
    analysis: &Analysis,
    template_index: usize,
    kind: Kind,
    options: &export::Options,
) -> Option<Result<Export, Refusal>> {
    let document = analysis.value.as_ref()?;
    let info = analysis.report.templates.get(template_index)?;
    let input = export::Input::from_report(document, info)?;
    Some(
        export::refuse_unfaithful(&analysis.report)
            .and_then(|()| export::render(kind, &input, options)),
    )
}

/// The worker: an [`Engine`] answering each request in turn.
pub struct CheckerWorker(Engine);

impl Worker for CheckerWorker {
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        CheckerWorker(Engine::default())
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _message: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, request: Request, id: HandlerId) {
        scope.respond(id, self.0.answer(request));
    }
}

/// Messages as JSON text: the parsed document is a `serde_json::Value`, which the default
/// binary codec cannot read back, and browsers copy strings between threads quickly.
pub struct Json;

impl Codec for Json {
    fn encode<I: Serialize>(input: I) -> JsValue {
        // Requests and responses are plain data (string keys, finite numbers): always JSON.
        JsValue::from_str(&serde_json::to_string(&input).expect("messages serialize to JSON"))
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        // The only sender is the other side of this program, built from this same code.
        let text = input.as_string().expect("messages are JSON text");
        serde_json::from_str(&text).expect("messages are the other side's JSON")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use validator_core::{policy, Severity};

    fn check(engine: &mut Engine, revision: u64, text: &str) -> Checked {
        let request = Request::Check {
            revision,
            text: text.into(),
            options: Options::default(),
            want_value: true,
        };
        match engine.answer(request) {
            Response::Checked(checked) => checked,
            other => panic!("a check answers with a check, not {other:?}"),
        }
    }

    #[test]
    fn a_check_answers_for_its_revision_with_the_core_report() {
        let text = r#"{"location": "westeurope", /* c */ "properties": {},}"#;
        let checked = check(&mut Engine::default(), 7, text);
        assert_eq!(checked.revision, 7);
        assert_eq!(
            checked.report,
            validator_core::check(text, &Options::default())
        );
        assert_eq!(checked.value, validator_core::parse::parse(text).value);
    }

    #[test]
    fn messages_survive_the_json_codec() {
        let text = crate::samples::LINUX_STARTER;
        let mut checked = check(&mut Engine::default(), 1, text);
        // Not sent: the anchor only served to place each span, which is sent.
        for d in &mut checked.report.diagnostics {
            d.anchor = Default::default();
        }
        let response = Response::Checked(checked);
        let wire = serde_json::to_string(&response).unwrap();
        assert_eq!(serde_json::from_str::<Response>(&wire).unwrap(), response);
    }

    #[test]
    fn an_export_reads_the_last_check_and_says_which_revision_it_is() {
        let mut engine = Engine::default();
        let export_request = Request::Export {
            revision: 2,
            template_index: 0,
            kind: Kind::AzCliBash,
            options: export::Options::default(),
        };
        let Response::Exported(before) = engine.answer(export_request.clone()) else {
            panic!("an export answers with an export");
        };
        assert_eq!((before.revision, before.result), (0, None));

        check(&mut engine, 2, crate::samples::LINUX_STARTER);
        let Response::Exported(after) = engine.answer(export_request) else {
            panic!("an export answers with an export");
        };
        assert_eq!(after.revision, 2);
        let script = after.result.unwrap().unwrap().text;
        assert!(script.contains("az image builder create"), "{script}");
    }

    const CONTOSO: &str = include_str!("../../examples/policy/contoso.json");

    #[test]
    fn a_policy_in_use_applies_to_checks_rule_pages_and_export_headers() {
        let mut engine = Engine::default();
        let used = engine.answer(Request::UsePolicy {
            source: Some(CONTOSO.into()),
        });
        let Response::PolicyUsed {
            shape: Some(shape), ..
        } = used
        else {
            panic!("the example policy is usable: {used:?}");
        };
        assert_eq!(shape.name(), "Contoso platform images");

        let checked = check(&mut engine, 1, crate::samples::LINUX_STARTER);
        let codes: Vec<&str> = checked.report.diagnostics.iter().map(|d| d.code).collect();
        assert!(codes.contains(&"POL-tags"), "{codes:?}");

        let Response::Explained { doc: Some(doc), .. } = engine.answer(Request::Explain {
            rule: "pol-tags".into(),
        }) else {
            panic!("a policy rule has a page");
        };
        assert_eq!(doc.code, "POL-tags");

        let Response::Exported(exported) = engine.answer(Request::Export {
            revision: 1,
            template_index: 0,
            kind: Kind::AzCliBash,
            options: export::Options::default(),
        }) else {
            panic!("an export answers with an export");
        };
        assert_eq!(
            exported.options,
            export::Options::default(),
            "echoed as asked"
        );
        let script = exported.result.unwrap().unwrap().text;
        assert!(
            script.contains("policy \"Contoso platform images\" version 2026.12: "),
            "{script}"
        );

        // No policy again: checks are the built-in rules only.
        engine.answer(Request::UsePolicy { source: None });
        assert_eq!(policy_findings(&mut engine, 2), 0);
    }

    /// How many policy findings the check of the Linux starter has.
    fn policy_findings(engine: &mut Engine, revision: u64) -> usize {
        let checked = check(engine, revision, crate::samples::LINUX_STARTER);
        [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .map(|severity| policy::findings(&checked.report, severity))
            .sum()
    }

    #[test]
    fn an_unusable_policy_says_where_its_errors_are_and_applies_nothing() {
        let mut engine = Engine::default();
        let broken = "{\n  \"name\": \"p\",\n  \"version\": \"1\",\n  \"rules\": [{\"id\": \"x\", \"allowd\": {}}]\n}";
        let Response::PolicyUsed {
            shape: None,
            problems,
        } = engine.answer(Request::UsePolicy {
            source: Some(broken.into()),
        })
        else {
            panic!("a broken policy is refused");
        };
        assert!(
            problems.iter().all(|p| p.starts_with("line 4, column ")),
            "{problems:?}"
        );
        assert_eq!(policy_findings(&mut engine, 1), 0);
    }

    /// The page parses strict JSON itself (`EditorState::new`) so the form works before the
    /// worker has loaded; the worker's lenient parse must give the same value for it. Inputs:
    /// the corpus of real templates and JSONTestSuite's parsing cases.
    #[test]
    fn strict_json_parses_the_same_on_the_page_and_in_the_worker() {
        let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let corpus = here.join("../../shared/corpus");
        let suite = here.join("../validator-core/tests/data/JSONTestSuite/test_parsing");
        let mut compared = 0;
        let mut stack = vec![corpus, suite];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "json") {
                    let Ok(text) = std::fs::read_to_string(&path) else {
                        continue;
                    };
                    if let Ok(strict) = serde_json::from_str::<Value>(&text) {
                        let lenient = validator_core::parse::parse(&text).value;
                        assert_eq!(lenient.as_ref(), Some(&strict), "{}", path.display());
                        compared += 1;
                    }
                }
            }
        }
        for text in [
            r#"{"a": 1, "a": 2, "b": [1.5e3, -0, 18446744073709551615, -9223372036854775808]}"#,
            r#"{"s": "\ud83d\ude00 \u00e9 \n", "n": null, "t": true}"#,
        ] {
            let strict: Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                validator_core::parse::parse(text).value,
                Some(strict),
                "{text}"
            );
            compared += 1;
        }
        assert!(compared > 150, "only {compared} strict JSON files compared");
    }

    #[test]
    fn an_upgrade_answers_with_the_text_and_what_it_did_in_words() {
        let text = "{\"apiVersion\": \"2019-05-01-preview\", \"properties\": {\"distribute\": [{\"type\": \"SharedImage\", \"replicationRegions\": [\"westeurope\"]}]}}";
        let to = validator_core::ApiVersion::NEWEST;
        let Response::Upgraded(upgraded) = Engine::default().answer(Request::Upgrade {
            text: text.into(),
            to,
        }) else {
            panic!("an upgrade answers with an upgrade");
        };
        assert_eq!(upgraded.from, text);
        assert!(upgraded.text.contains("targetRegions"));
        assert!(
            upgraded.summary.starts_with(&format!("Upgraded to API version {to}: /apiVersion: `apiVersion` 2019-05-01-preview → {to}; ")),
            "{}",
            upgraded.summary
        );
        assert!(
            upgraded
                .summary
                .contains("Could not carry over: /identity: "),
            "{}",
            upgraded.summary
        );
    }
}
