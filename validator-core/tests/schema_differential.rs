//! The proof that `validator_core::schema::validate` checks what the `jsonschema` crate checked:
//! on every template the project has (the corpus, the rule fixtures, the examples of the rule
//! docs), on mutations of them, and on small schemas that use each keyword at its edges, both
//! validators give the same errors: the same (instance path, kind) pairs, as many times each.
//!
//! Every template is checked against all ten schemas, not only its own API version's, which
//! puts old templates through new schemas and the reverse.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use proptest::prelude::*;
use serde_json::{json, Value};
use validator_core::rules::RULES;
use validator_core::schema::validate::{ErrorKind, Validator};
use validator_core::{analyze, normalized_resource, schema, ApiVersion, Options};

mod support;

/// An error as both validators can state it: instance path and kind, as text.
type Found = (String, String);

fn type_names(expected: &Value) -> String {
    let mut names: Vec<String> = match expected {
        Value::Array(names) => names
            .iter()
            .map(|n| n.as_str().unwrap().to_owned())
            .collect(),
        name => vec![name.as_str().unwrap().to_owned()],
    };
    names.sort();
    names.join(",")
}

fn ours_as_text(kind: &ErrorKind) -> String {
    match kind {
        ErrorKind::AdditionalProperties { unexpected } => {
            format!("additionalProperties {unexpected:?}")
        }
        ErrorKind::FalseSchema => "falseSchema".to_owned(),
        ErrorKind::Required { property } => format!("required {}", json!(property)),
        ErrorKind::Enum { options } => format!("enum {options}"),
        ErrorKind::Constant { expected_value } => format!("const {expected_value}"),
        ErrorKind::Type { expected } => format!("type {}", type_names(expected)),
        ErrorKind::Minimum { limit } => format!("minimum {limit}"),
        ErrorKind::Maximum { limit } => format!("maximum {limit}"),
        ErrorKind::Pattern { pattern } => format!("pattern {pattern}"),
    }
}

fn theirs_as_text(kind: &ValidationErrorKind) -> String {
    match kind {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            format!("additionalProperties {unexpected:?}")
        }
        ValidationErrorKind::FalseSchema => "falseSchema".to_owned(),
        ValidationErrorKind::Required { property } => format!("required {property}"),
        ValidationErrorKind::Enum { options } => format!("enum {options}"),
        ValidationErrorKind::Constant { expected_value } => format!("const {expected_value}"),
        ValidationErrorKind::Type { kind } => {
            let mut names: Vec<String> = match kind {
                TypeKind::Single(t) => vec![t.to_string()],
                TypeKind::Multiple(set) => set.into_iter().map(|t| t.to_string()).collect(),
            };
            names.sort();
            format!("type {}", names.join(","))
        }
        ValidationErrorKind::Minimum { limit } => format!("minimum {limit}"),
        ValidationErrorKind::Maximum { limit } => format!("maximum {limit}"),
        ValidationErrorKind::Pattern { pattern } => format!("pattern {pattern}"),
        // Anything else is a kind our validator never gives: it shows up as a difference.
        other => format!("{} (only jsonschema): {other:?}", other.keyword()),
    }
}

fn ours(validator: &Validator, instance: &Value) -> Vec<Found> {
    let mut found: Vec<Found> = validator
        .errors(instance)
        .iter()
        .map(|e| (e.instance_path.clone(), ours_as_text(&e.kind)))
        .collect();
    found.sort();
    found
}

fn theirs(validator: &jsonschema::Validator, instance: &Value) -> Vec<Found> {
    let mut found: Vec<Found> = validator
        .iter_errors(instance)
        .map(|e| {
            (
                e.instance_path().as_str().to_owned(),
                theirs_as_text(e.kind()),
            )
        })
        .collect();
    found.sort();
    found
}

fn jsonschema_validator(version: ApiVersion) -> &'static jsonschema::Validator {
    static VALIDATORS: OnceLock<Vec<jsonschema::Validator>> = OnceLock::new();
    let all = VALIDATORS.get_or_init(|| {
        ApiVersion::ALL
            .iter()
            .map(|v| jsonschema::draft7::new(schema::schema(*v)).unwrap())
            .collect()
    });
    &all[version.index()]
}

/// What the comparisons saw, to show the test is not vacuous.
#[derive(Default)]
struct Tally {
    instances: usize,
    comparisons: usize,
    errors: usize,
    by_kind: BTreeMap<String, usize>,
}

impl Tally {
    /// Compares both validators on `instance` under every API version's schema.
    fn compare_all_versions(&mut self, name: &str, instance: &Value) {
        self.instances += 1;
        for version in ApiVersion::ALL {
            let expected = theirs(jsonschema_validator(version), instance);
            let found = ours(schema::validator(version), instance);
            assert_eq!(
                found, expected,
                "{name} under {version}: ours (left) and jsonschema (right) differ"
            );
            self.comparisons += 1;
            self.errors += found.len();
            for (_, kind) in &found {
                let keyword = kind.split(' ').next().unwrap().to_owned();
                *self.by_kind.entry(keyword).or_default() += 1;
            }
        }
    }

    /// Compares on every image template `check` finds in `text`, as `check` sees it.
    fn compare_text(&mut self, name: &str, text: &str, options: &Options) {
        let analysis = analyze(text, options);
        let Some(root) = &analysis.value else {
            return;
        };
        for info in &analysis.report.templates {
            let resource = normalized_resource(root, &info.pointer).unwrap();
            self.compare_all_versions(&format!("{name}#{}", info.pointer), &resource);
        }
    }
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// The options a fixture's name asks for (`valid@api=2020-02-14.json`), as `tests/fixtures.rs`
/// reads them; the size limit is left out so that every fixture is compared.
fn fixture_options(path: &Path) -> Options {
    let mut options = Options::default();
    let stem = path.file_stem().unwrap().to_string_lossy();
    for part in stem.split('@').skip(1) {
        if let Some(("api", api)) = part.split_once('=') {
            options.api_version = ApiVersion::parse(api);
        }
    }
    options
}

#[test]
fn same_errors_on_every_corpus_template_fixture_and_rule_example() {
    let mut tally = Tally::default();
    for (file, text) in support::corpus_templates() {
        tally.compare_text(&file, &text, &Options::default());
    }
    let from_corpus = tally.instances;

    let mut fixtures = Vec::new();
    json_files(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut fixtures,
    );
    fixtures.sort();
    for path in &fixtures {
        let text = std::fs::read_to_string(path).unwrap();
        tally.compare_text(&path.display().to_string(), &text, &fixture_options(path));
    }
    let from_fixtures = tally.instances - from_corpus;

    for rule in RULES.iter() {
        for (i, example) in rule.examples().into_iter().enumerate() {
            let mut options = example.options.clone();
            options.max_input_bytes = None;
            tally.compare_text(
                &format!("{} example {i}", rule.code),
                &example.text,
                &options,
            );
        }
    }
    let from_examples = tally.instances - from_corpus - from_fixtures;

    eprintln!(
        "compared {} templates ({from_corpus} from the corpus, {from_fixtures} from {} fixtures, \
         {from_examples} from rule examples) under 10 schemas each: {} comparisons, {} errors \
         found alike; by keyword: {:?}",
        tally.instances,
        fixtures.len(),
        tally.comparisons,
        tally.errors,
        tally.by_kind
    );
    // Not vacuous: real templates exercise every kind of error the schemas can give. (`const`
    // is there only in the `if` of a discriminated union, which fails silently, and in the
    // `then` it selects, which it already holds: the edge test below compares it.)
    for keyword in [
        "additionalProperties",
        "required",
        "enum",
        "type",
        "minimum",
        "maximum",
        "pattern",
    ] {
        assert!(
            tally.by_kind.get(keyword).is_some_and(|n| *n > 0),
            "no `{keyword}` error was compared: {:?}",
            tally.by_kind
        );
    }
    assert!(from_corpus >= 70 && from_fixtures >= 100 && from_examples >= 50);
}

/// Small schemas that use each keyword at its edges, checked on values chosen to hit them.
#[test]
fn same_errors_on_each_keyword_at_its_edges() {
    let schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "properties": {
            "count": {"type": "integer", "minimum": 1, "maximum": 960},
            "ratio": {"type": "number", "minimum": -1, "maximum": 1.5},
            "either": {"type": ["string", "null", "boolean"]},
            "kind": {"type": "string", "enum": ["Shell", "File"]},
            "fixed": {"const": 1},
            "object_const": {"const": {"a": [1, "x"], "b": null}},
            "mixed_enum": {"enum": [1, "1", null, [1], {"a": 1}]},
            "name": {"type": "string", "pattern": "^[A-Za-z0-9-_.]{1,64}$"},
            "strict_name": {"pattern": "^[A-Za-z0-9-_]{1,64}$"},
            "closed": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": false},
            "empty_closed": {"type": "object", "additionalProperties": false},
            "map": {"type": "object", "additionalProperties": {"type": "string"}},
            "never": false,
            "list": {"type": "array", "items": {"$ref": "#/definitions/item"}},
            "item": {"$ref": "#/definitions/item", "description": "a sibling annotation"},
            "alias": {"$ref": "#/definitions/alias"},
            "tree": {"$ref": "#/definitions/tree"}
        },
        "required": ["count", "kind"],
        "additionalProperties": false,
        "definitions": {
            "item": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"type": "string", "enum": ["A", "B"]}},
                "allOf": [
                    {"if": {"properties": {"type": {"const": "A"}}, "required": ["type"]},
                     "then": {"properties": {"type": true, "a": {"type": "integer"}}, "required": ["a"], "additionalProperties": false}},
                    {"if": {"properties": {"type": {"const": "B"}}, "required": ["type"]},
                     "then": {"$ref": "#/definitions/b"}},
                    {"if": {"required": ["type"]}}
                ]
            },
            "b": {"properties": {"type": true, "b": {"type": "boolean"}}, "additionalProperties": false},
            "alias": {"$ref": "#/definitions/b"},
            "tree": {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/definitions/tree"}}}, "additionalProperties": false}
        }
    });
    let instances = [
        json!({}),
        json!([]),
        json!("text"),
        json!(null),
        json!({"count": 1, "kind": "Shell"}),
        json!({"count": 1.0, "kind": "Shell"}),
        json!({"count": 0, "kind": "shell"}),
        json!({"count": 961, "kind": 3}),
        json!({"count": 1.5, "kind": "File"}),
        json!({"count": -5, "ratio": 1.5000001, "kind": "File"}),
        json!({"count": 18446744073709551615u64, "ratio": -1.0, "kind": "File"}),
        json!({"count": -9223372036854775808i64, "ratio": -2, "kind": "File"}),
        json!({"count": "60", "ratio": "1", "kind": "File"}),
        json!({"count": 1, "kind": "File", "either": 1}),
        json!({"count": 1, "kind": "File", "either": null, "fixed": 1.0}),
        json!({"count": 1, "kind": "File", "either": true, "fixed": "1"}),
        json!({"count": 1, "kind": "File", "either": [], "fixed": 2}),
        json!({"count": 1, "kind": "File", "object_const": {"b": null, "a": [1.0, "x"]}}),
        json!({"count": 1, "kind": "File", "object_const": {"a": [1, "x"]}}),
        json!({"count": 1, "kind": "File", "mixed_enum": 1.0}),
        json!({"count": 1, "kind": "File", "mixed_enum": {"a": 1}}),
        json!({"count": 1, "kind": "File", "mixed_enum": [1, 1]}),
        json!({"count": 1, "kind": "File", "mixed_enum": "2"}),
        json!({"count": 1, "kind": "File", "name": "ok-name_1.2"}),
        json!({"count": 1, "kind": "File", "name": ""}),
        json!({"count": 1, "kind": "File", "name": "has space"}),
        json!({"count": 1, "kind": "File", "name": "ünïcode"}),
        json!({"count": 1, "kind": "File", "name": "line\n"}),
        json!({"count": 1, "kind": "File", "name": "a".repeat(64)}),
        json!({"count": 1, "kind": "File", "name": "a".repeat(65)}),
        json!({"count": 1, "kind": "File", "name": 5}),
        json!({"count": 1, "kind": "File", "strict_name": "a.b"}),
        json!({"count": 1, "kind": "File", "strict_name": "a-b_c"}),
        json!({"count": 1, "kind": "File", "strict_name": "[]"}),
        json!({"count": 1, "kind": "File", "closed": {"a": "x", "z": 1, "b": 2, "a~/": 3}}),
        json!({"count": 1, "kind": "File", "closed": {"a": 1}}),
        json!({"count": 1, "kind": "File", "closed": []}),
        json!({"count": 1, "kind": "File", "empty_closed": {}}),
        json!({"count": 1, "kind": "File", "empty_closed": {"x": 1, "y": 2}}),
        json!({"count": 1, "kind": "File", "map": {"x": "1", "y": 2, "z/~": []}}),
        json!({"count": 1, "kind": "File", "never": 1}),
        json!({"count": 1, "kind": "File", "never": null}),
        json!({"count": 1, "kind": "File", "extra": 1, "other": 2}),
        json!({"count": 1, "kind": "File", "list": [
            {"type": "A", "a": 1},
            {"type": "A"},
            {"type": "A", "a": "1", "b": true},
            {"type": "B", "b": 1},
            {"type": "B", "a": 1},
            {"type": "C"},
            {},
            {"type": 1},
            "not an object"
        ]}),
        json!({"count": 1, "kind": "File", "item": {"type": "B", "b": true, "c": 0}}),
        json!({"count": 1, "kind": "File", "alias": {"type": 1, "b": 1, "c": 0}}),
        json!({"count": 1, "kind": "File", "tree": {"kids": [{"kids": [{"kids": 1}, {"leaf": 1}]}]}}),
    ];
    let theirs_validator = jsonschema::draft7::new(&schema).unwrap();
    let ours_validator = Validator::new(&schema).unwrap();
    for instance in &instances {
        assert_eq!(
            ours(&ours_validator, instance),
            theirs(&theirs_validator, instance),
            "{instance}: ours (left) and jsonschema (right) differ"
        );
        assert_eq!(
            ours_validator.is_valid(instance),
            theirs_validator.is_valid(instance),
            "{instance}: validity"
        );
    }
}

// Mutations of corpus templates: what a user does to a template while editing it.

/// Names the schemas use, so mutations reach deep into the discriminated unions.
const WORDS: &[&str] = &[
    "type",
    "name",
    "Shell",
    "PowerShell",
    "File",
    "WindowsRestart",
    "WindowsUpdate",
    "PlatformImage",
    "ManagedImage",
    "SharedImageVersion",
    "ManagedImage",
    "SharedImage",
    "VHD",
    "UserAssigned",
    "None",
    "runOutputName",
    "scriptUri",
    "inline",
    "sha256Checksum",
    "galleryImageId",
    "replicationRegions",
    "targetRegions",
    "versioning",
    "Latest",
    "Source",
    "vmProfile",
    "vmSize",
    "osDiskSizeGB",
    "vnetConfig",
    "subnetId",
    "buildTimeoutInMinutes",
    "customize",
    "distribute",
    "source",
    "validate",
    "inVMValidations",
    "identity",
    "userAssignedIdentities",
    "location",
    "properties",
    "tags",
    "autoRun",
    "state",
    "Enabled",
    "errorHandling",
    "onCustomizerError",
    "cleanup",
    "abort",
    "publisher",
    "offer",
    "sku",
    "version",
    "imageId",
    "storageAccountType",
    "Standard_LRS",
    "replicaCount",
    "major",
    "scheme",
    "ok_name-1.2",
    "bad name!",
    "",
    "~/",
    "<placeholder>",
    "[parameters('x')]",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop::sample::select(vec![
            json!(-1),
            json!(0),
            json!(1),
            json!(1.0),
            json!(1.5),
            json!(-0.5),
            json!(959),
            json!(960),
            json!(961),
            json!(960.0),
            json!(18446744073709551615u64),
            json!(-9223372036854775808i64),
            json!(1e300),
        ]),
        any::<i64>().prop_map(Value::from),
        prop::sample::select(WORDS).prop_map(Value::from),
        "[A-Za-z0-9._ -]{0,66}".prop_map(Value::String),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(WORDS), inner), 0..4).prop_map(|m| {
                Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, Value),
    Remove(usize),
    Rename(usize, &'static str),
    Insert(usize, &'static str, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), json_value()).prop_map(|(at, v)| Mutation::Replace(at, v)),
        any::<usize>().prop_map(Mutation::Remove),
        (any::<usize>(), prop::sample::select(WORDS)).prop_map(|(at, k)| Mutation::Rename(at, k)),
        (any::<usize>(), prop::sample::select(WORDS), json_value())
            .prop_map(|(at, k, v)| Mutation::Insert(at, k, v)),
    ]
}

/// The pointer of every value inside `value`, the root first.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(members) => {
            for (key, child) in members {
                let key = key.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn split_last(pointer: &str) -> Option<(&str, String)> {
    let (parent, last) = pointer.rsplit_once('/')?;
    Some((parent, last.replace("~1", "/").replace("~0", "~")))
}

fn mutate(value: &mut Value, mutation: &Mutation) {
    let mut all = Vec::new();
    pointers(value, String::new(), &mut all);
    let pick = |at: usize| all[at % all.len()].clone();
    match mutation {
        Mutation::Replace(at, new) => *value.pointer_mut(&pick(*at)).unwrap() = new.clone(),
        Mutation::Remove(at) => {
            if let Some((parent, last)) = split_last(&pick(*at)) {
                match value.pointer_mut(parent).unwrap() {
                    Value::Object(members) => {
                        members.shift_remove(&last);
                    }
                    Value::Array(items) => {
                        items.remove(last.parse::<usize>().unwrap());
                    }
                    _ => unreachable!(),
                }
            }
        }
        Mutation::Rename(at, new_key) => {
            if let Some((parent, last)) = split_last(&pick(*at)) {
                if let Value::Object(members) = value.pointer_mut(parent).unwrap() {
                    if let Some(child) = members.shift_remove(&last) {
                        members.insert((*new_key).to_owned(), child);
                    }
                }
            }
        }
        Mutation::Insert(at, key, new) => match value.pointer_mut(&pick(*at)).unwrap() {
            Value::Object(members) => {
                members.insert((*key).to_owned(), new.clone());
            }
            Value::Array(items) => items.push(new.clone()),
            _ => {}
        },
    }
}

/// The image templates of the corpus as `check` sees them.
fn corpus_templates() -> &'static [Value] {
    static TEMPLATES: OnceLock<Vec<Value>> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        let mut templates = Vec::new();
        for (_, text) in support::corpus_templates() {
            let analysis = analyze(&text, &Options::default());
            let Some(root) = &analysis.value else {
                continue;
            };
            for info in &analysis.report.templates {
                templates.push(
                    normalized_resource(root, &info.pointer)
                        .unwrap()
                        .into_owned(),
                );
            }
        }
        templates
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn same_errors_on_mutated_corpus_templates(
        index in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let templates = corpus_templates();
        let mut template = templates[index % templates.len()].clone();
        for m in &mutations {
            mutate(&mut template, m);
        }
        Tally::default().compare_all_versions("mutated template", &template);
    }
}
