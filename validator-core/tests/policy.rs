//! Policies: each vocabulary item on a template that meets it and one that does not, bad policy
//! files, the example policy (against its JSON Schema, its starter, the corpus).

mod support;

use std::sync::Arc;

use serde_json::{json, Value};
use validator_core::policy::Policy;
use validator_core::{check, Diagnostic, Edit, Options, Severity};

const EXAMPLE: &str = include_str!("../../examples/policy/contoso.json");
const SCHEMA: &str = include_str!("../../schemas/policy.schema.json");

/// A policy of one rule.
fn policy_of(rule: Value) -> Arc<Policy> {
    let text = json!({"name": "test", "version": "1", "rules": [rule]}).to_string();
    Arc::new(Policy::parse(&text).unwrap_or_else(|r| panic!("{}", r.to_compact_text())))
}

/// The policy findings of checking `template` with `policy`.
fn findings(policy: &Arc<Policy>, template: &Value) -> Vec<Diagnostic> {
    let options = Options {
        policy: Some(policy.clone()),
        ..Options::default()
    };
    check(&serde_json::to_string_pretty(template).unwrap(), &options)
        .diagnostics
        .into_iter()
        .filter(|d| d.code.starts_with("POL-"))
        .collect()
}

/// A template that every rule below is satisfied with.
fn good() -> Value {
    json!({
        "type": "Microsoft.VirtualMachineImages/imageTemplates",
        "apiVersion": "2024-02-01",
        "name": "img-ubuntu",
        "location": "westeurope",
        "tags": {"costCenter": "123456", "owner": "platform@contoso.example"},
        "identity": {"type": "UserAssigned", "userAssignedIdentities": {
            "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/images/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib": {}}},
        "properties": {
            "buildTimeoutInMinutes": 90,
            "vmProfile": {"vmSize": "Standard_D4s_v5", "osDiskSizeGB": 64},
            "source": {"type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy",
                       "sku": "22_04-lts-gen2", "version": "22.04.202411190"},
            "customize": [
                {"type": "Shell", "name": "cis-hardening",
                 "scriptUri": "https://contosoimages.blob.core.windows.net/scripts/hardening/harden.sh",
                 "sha256Checksum": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"}
            ],
            "distribute": [
                {"type": "SharedImage", "runOutputName": "ubuntu",
                 "galleryImageId": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/images/providers/Microsoft.Compute/galleries/contoso/images/ubuntu",
                 "targetRegions": [{"name": "westeurope", "replicaCount": 2}]}
            ]
        }
    })
}

/// `good()` with the value at `pointer` set (or removed, for `None`).
fn with(pointer: &str, value: Option<Value>) -> Value {
    let mut template = good();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = template.pointer_mut(parent).unwrap();
    match (parent, value) {
        (Value::Object(map), Some(v)) => {
            map.insert(key.to_owned(), v);
        }
        (Value::Object(map), None) => {
            map.remove(key);
        }
        (Value::Array(items), Some(v)) => items[key.parse::<usize>().unwrap()] = v,
        (Value::Array(items), None) => {
            items.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("{pointer}"),
    }
    template
}

/// Asserts `good()` meets the rule and `bad` gives one finding at `pointer`; returns it.
fn passes_and_fails(rule: Value, bad: Value, pointer: &str) -> Diagnostic {
    let policy = policy_of(rule);
    assert_eq!(findings(&policy, &good()), [], "good template");
    let found = findings(&policy, &bad);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].pointer, pointer);
    assert!(found[0].start.is_some(), "placed in the text");
    found.into_iter().next().unwrap()
}

#[test]
fn allowed_values_with_a_fix_for_a_single_value() {
    let rule = json!({"id": "region", "severity": "error", "message": "EU only", "help": "Data residency",
        "link": "https://wiki.example/regions",
        "allowed": {"pointer": "/location", "values": ["westeurope"]}});
    let d = passes_and_fails(rule, with("/location", Some(json!("eastus"))), "/location");
    assert_eq!(d.code, "POL-region");
    assert_eq!(d.rule, "region");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.message, "EU only (`eastus` is not `westeurope`)");
    assert_eq!(
        d.help.as_deref(),
        Some("Data residency (see https://wiki.example/regions)")
    );
    let fix = d.fix.expect("a single allowed value is a fix");
    assert_eq!(
        fix.edits,
        [Edit::Replace {
            pointer: "/location".into(),
            value: json!("westeurope")
        }]
    );
}

#[test]
fn allowed_values_ignore_case_and_suggest_a_near_miss() {
    let rule = json!({"id": "size", "severity": "warning", "message": "Approved sizes",
        "allowed": {"pointer": "/properties/vmProfile/vmSize", "values": ["Standard_D2s_v5", "Standard_D4s_v5"]}});
    let policy = policy_of(rule.clone());
    let upper = with(
        "/properties/vmProfile/vmSize",
        Some(json!("STANDARD_D4S_V5")),
    );
    assert_eq!(findings(&policy, &upper), []);
    let d = passes_and_fails(
        rule,
        with(
            "/properties/vmProfile/vmSize",
            Some(json!("Standard_D4s_v4")),
        ),
        "/properties/vmProfile/vmSize",
    );
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        d.message.contains("did you mean `Standard_D4s_v5`?"),
        "{}",
        d.message
    );
    assert!(d.fix.is_some());
}

#[test]
fn allowed_values_with_a_wildcard_check_every_entry() {
    let rule = json!({"id": "kinds", "severity": "error", "message": "Shell only",
        "allowed": {"pointer": "/properties/customize/*/type", "values": ["Shell"]}});
    let mut bad = good();
    bad["properties"]["customize"]
        .as_array_mut()
        .unwrap()
        .push(json!({"type": "PowerShell", "name": "x", "inline": ["echo"]}));
    passes_and_fails(rule, bad, "/properties/customize/1/type");
}

#[test]
fn arm_expressions_are_left_to_deployment() {
    let policy = policy_of(
        json!({"id": "region", "severity": "error", "message": "EU only",
        "allowed": {"pointer": "/location", "values": ["westeurope"]}}),
    );
    let template = with("/location", Some(json!("[parameters('location')]")));
    assert_eq!(findings(&policy, &template), []);
}

#[test]
fn denied_values() {
    let rule = json!({"id": "no-latest", "severity": "warning", "message": "Pin the version",
        "denied": {"pointer": "/properties/source/version", "values": ["latest"]}});
    let d = passes_and_fails(
        rule,
        with("/properties/source/version", Some(json!("Latest"))),
        "/properties/source/version",
    );
    assert!(d.message.contains("`Latest` is not allowed"));
    assert!(d.fix.is_none());
}

#[test]
fn required_properties_with_and_without_wildcards() {
    let rule = json!({"id": "size-set", "severity": "error", "message": "Choose a size",
        "required": {"pointers": ["/properties/vmProfile/vmSize"]}});
    passes_and_fails(
        rule.clone(),
        with("/properties/vmProfile/vmSize", None),
        "/properties/vmProfile/vmSize",
    );
    // A missing ancestor is a missing property too.
    let d = passes_and_fails(
        rule,
        with("/properties/vmProfile", None),
        "/properties/vmProfile/vmSize",
    );
    assert!(d.message.contains("`vmSize` is missing"));

    let each = json!({"id": "names", "severity": "info", "message": "Name customizers",
        "required": {"pointers": ["/properties/customize/*/name"]}});
    passes_and_fails(
        each,
        with("/properties/customize/0/name", None),
        "/properties/customize/0",
    );
}

#[test]
fn required_tags() {
    let rule = json!({"id": "tags", "severity": "error", "message": "Tag it",
        "requiredTags": ["costCenter", "owner"]});
    // At the tag's own pointer, where the designer shows a field for each required tag.
    let d = passes_and_fails(rule.clone(), with("/tags/owner", None), "/tags/owner");
    assert!(d.message.contains("the tag `owner` is missing"));
    let policy = policy_of(rule);
    let untagged = findings(&policy, &with("/tags", None));
    let pointers: Vec<&str> = untagged.iter().map(|d| d.pointer.as_str()).collect();
    assert_eq!(pointers, ["/tags/costCenter", "/tags/owner"]);
    // Tag names compare without regard to case, as Azure compares them.
    let renamed = with("/tags", Some(json!({"CostCenter": "1", "OWNER": "me"})));
    assert_eq!(findings(&policy, &renamed), []);
}

#[test]
fn pattern_regex() {
    let rule = json!({"id": "name", "severity": "warning", "message": "Names start with img-",
        "pattern": {"pointer": "/name", "regex": "^img-[a-z0-9-]+$"}});
    let d = passes_and_fails(rule, with("/name", Some(json!("Ubuntu"))), "/name");
    assert!(
        d.message
            .contains("`Ubuntu` is not matching `^img-[a-z0-9-]+$`"),
        "{}",
        d.message
    );
}

#[test]
fn pattern_presets_for_resource_ids() {
    let subscription = json!({"id": "source-sub", "severity": "error", "message": "Our gallery",
        "pattern": {"pointer": "/properties/distribute/*/galleryImageId", "preset": "resourceIdInSubscription",
                    "subscriptions": ["11111111-2222-3333-4444-555555555555"]}});
    let other = "/subscriptions/99999999-2222-3333-4444-555555555555/resourceGroups/images/providers/Microsoft.Compute/galleries/g/images/i";
    let bad = with(
        "/properties/distribute/0/galleryImageId",
        Some(json!(other)),
    );
    let d = passes_and_fails(
        subscription,
        bad.clone(),
        "/properties/distribute/0/galleryImageId",
    );
    assert!(d
        .message
        .contains("a resource ID in subscription `11111111-2222-3333-4444-555555555555`"));

    let group = json!({"id": "source-rg", "severity": "error", "message": "Our gallery",
        "pattern": {"pointer": "/properties/distribute/*/galleryImageId", "preset": "resourceIdInResourceGroup",
                    "resourceGroups": ["/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/IMAGES"]}});
    let in_other_group = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/images2/providers/Microsoft.Compute/galleries/g/images/i";
    passes_and_fails(
        group,
        with(
            "/properties/distribute/0/galleryImageId",
            Some(json!(in_other_group)),
        ),
        "/properties/distribute/0/galleryImageId",
    );
}

#[test]
fn number_ranges_with_a_fix_to_the_bound() {
    let rule = json!({"id": "time", "severity": "error", "message": "Under two hours",
        "range": {"pointer": "/properties/buildTimeoutInMinutes", "min": 30, "max": 120}});
    let d = passes_and_fails(
        rule.clone(),
        with("/properties/buildTimeoutInMinutes", Some(json!(240))),
        "/properties/buildTimeoutInMinutes",
    );
    assert!(d.message.contains("`240` is above the maximum `120`"));
    assert_eq!(
        d.fix.unwrap().edits,
        [Edit::Replace {
            pointer: "/properties/buildTimeoutInMinutes".into(),
            value: json!(120)
        }]
    );
    let d = passes_and_fails(
        rule,
        with("/properties/buildTimeoutInMinutes", Some(json!(5))),
        "/properties/buildTimeoutInMinutes",
    );
    assert!(d.message.contains("below the minimum `30`"));
}

#[test]
fn customize_includes_a_matching_entry() {
    let rule = json!({"id": "hardening", "severity": "error", "message": "Harden it",
        "customizeIncludes": {"type": "shell", "name": "^cis-", "scriptUri": "/harden\\.sh$"}});
    let d = passes_and_fails(
        rule.clone(),
        with("/properties/customize/0/name", Some(json!("setup"))),
        "/properties/customize",
    );
    assert!(
        d.message.contains("no entry of `customize` is a `shell` customizer with a name matching `^cis-` and a script URI matching `/harden\\.sh$`"),
        "{}",
        d.message
    );
    passes_and_fails(
        rule,
        with("/properties/customize", None),
        "/properties/customize",
    );
}

#[test]
fn distribute_includes_a_matching_target_with_replicas() {
    let rule = json!({"id": "gallery", "severity": "error", "message": "Company gallery",
        "distributeIncludes": {"type": "SharedImage",
            "galleryImageId": {"preset": "resourceIdInSubscription", "subscriptions": ["11111111-2222-3333-4444-555555555555"]},
            "minReplicas": 2}});
    let vhd = with(
        "/properties/distribute/0",
        Some(json!({"type": "VHD", "runOutputName": "vhd"})),
    );
    let d = passes_and_fails(rule.clone(), vhd, "/properties/distribute");
    assert!(d
        .message
        .contains("no entry of `distribute` is a `SharedImage` target"));
    let one_replica = with(
        "/properties/distribute/0/targetRegions",
        Some(json!([{"name": "westeurope", "replicaCount": 2}, {"name": "northeurope"}])),
    );
    let d = passes_and_fails(
        rule.clone(),
        one_replica,
        "/properties/distribute/0/targetRegions",
    );
    assert!(d.message.contains("1 replica(s)"), "{}", d.message);
    passes_and_fails(
        rule,
        with("/properties/distribute/0/targetRegions", None),
        "/properties/distribute/0/targetRegions",
    );
}

#[test]
fn uri_prefixes_and_checksums() {
    let rule = json!({"id": "scripts", "severity": "error", "message": "Our storage",
        "uriPrefixes": {"prefixes": ["https://contosoimages.blob.core.windows.net/scripts/"], "requireChecksum": true}});
    let d = passes_and_fails(
        rule.clone(),
        with(
            "/properties/customize/0/scriptUri",
            Some(json!(
                "https://raw.githubusercontent.com/someone/x/main/harden.sh"
            )),
        ),
        "/properties/customize/0/scriptUri",
    );
    assert!(d.message.contains("starts with none of"));
    let d = passes_and_fails(
        rule.clone(),
        with("/properties/customize/0/sha256Checksum", None),
        "/properties/customize/0",
    );
    assert!(d.message.contains("no `sha256Checksum`"));
    // Validators' URIs too.
    let mut bad = good();
    bad["properties"]["validate"] = json!({"inVMValidations": [
        {"type": "Shell", "name": "v", "scriptUri": "https://elsewhere.example/v.sh", "sha256Checksum": "ab"}]});
    passes_and_fails(
        rule,
        bad,
        "/properties/validate/inVMValidations/0/scriptUri",
    );
}

#[test]
fn a_policy_checks_a_resource_inside_an_arm_template() {
    let policy = policy_of(
        json!({"id": "region", "severity": "error", "message": "EU only",
        "allowed": {"pointer": "/location", "values": ["westeurope"]}}),
    );
    let arm = json!({
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "resources": [with("/location", Some(json!("eastus")))]
    });
    let found = findings(&policy, &arm);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].pointer, "/resources/0/location");
}

/// Parses a policy that must fail; its errors as compact text.
fn policy_errors(text: &str) -> String {
    match Policy::parse(text) {
        Ok(_) => panic!("accepted: {text}"),
        Err(report) => {
            assert!(report.has_errors());
            assert!(report.diagnostics.iter().all(|d| d.start.is_some()));
            report.to_compact_text()
        }
    }
}

#[test]
fn bad_policy_files_are_told_with_line_and_column() {
    let errors = policy_errors("{\n  \"name\": \"p\",\n  \"version\": \"1\",\n  \"rules\": [\n    {\"id\": \"x\", \"message\": \"m\", \"alowed\": {}}\n  ]\n}");
    assert!(errors.contains("5:33 error POLICY invalid-policy /rules/0/alowed: unknown field `alowed`; did you mean `allowed`?"), "{errors}");
    assert!(errors.contains("a rule has exactly one of"), "{errors}");

    let errors = policy_errors(
        r#"{"name": "p", "version": "1", "rules": [
        {"id": "x", "message": "m", "pattern": {"pointer": "/name", "regex": "(unclosed"}}]}"#,
    );
    assert!(
        errors.contains("2:48 error POLICY invalid-policy /rules/0/pattern: invalid regex"),
        "{errors}"
    );

    let errors = policy_errors(
        r#"{"name": "p", "version": "1", "rules": [
        {"id": "a b", "message": "m", "requiredTags": ["x"]},
        {"id": "t", "message": "m", "requiredTags": ["x"]},
        {"id": "T", "message": "m", "severity": "fatal", "requiredTags": ["x"]},
        {"id": "r", "message": "m", "range": {"pointer": "/x", "min": 3, "max": 1}},
        {"id": "p", "message": "m", "pattern": {"pointer": "/x", "preset": "nope"}}]}"#,
    );
    for expected in [
        "/rules/0/id: an id has 1 to 64",
        "/rules/2/severity: the severity is",
        "/rules/3/range: `min` is above `max`",
        "/rules/4/pattern: unknown preset `nope`",
    ] {
        assert!(errors.contains(expected), "{expected} in {errors}");
    }

    let errors = policy_errors("{\"name\": \"p\", \"rules\": [} ");
    assert!(errors.contains("invalid-json"), "{errors}");
    assert!(errors.contains("`version` is missing"), "{errors}");
    assert!(policy_errors("[]").contains("a policy is a JSON object"));
}

#[test]
fn duplicate_ids_are_refused() {
    let errors = policy_errors(
        r#"{"name": "p", "version": "1", "rules": [
        {"id": "t", "message": "m", "requiredTags": ["x"]},
        {"id": "T", "message": "m", "requiredTags": ["y"]}]}"#,
    );
    assert!(
        errors.contains("/rules/1/id: another rule has the id `T`"),
        "{errors}"
    );
}

#[test]
fn the_example_policy_meets_its_json_schema() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let example: Value = serde_json::from_str(EXAMPLE).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&example)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    // The schema is not vacuous: a misspelt rule fails it, as it fails the reader.
    let mut bad = example.clone();
    bad["rules"][0]["alowed"] = bad["rules"][0]["allowed"].take();
    assert!(!validator.is_valid(&bad));
}

#[test]
fn the_example_policy_covers_the_vocabulary_and_its_starter_meets_it() {
    let policy = Arc::new(Policy::parse(EXAMPLE).unwrap());
    assert_eq!(policy.name(), "Contoso platform images");
    assert_eq!(policy.version(), "2026.12");
    let kinds: std::collections::BTreeSet<&str> = policy
        .rules()
        .iter()
        .flat_map(|r| r.source.as_object().unwrap().keys())
        .map(String::as_str)
        .filter(|k| validator_core::policy::CHECKS.contains(k))
        .collect();
    assert_eq!(
        kinds.len(),
        validator_core::policy::CHECKS.len(),
        "{kinds:?}"
    );

    // The app's lists: pick-lists, pre-filled values, tag fields, starters.
    assert_eq!(
        policy.allowed_values("/location").unwrap(),
        [json!("westeurope"), json!("northeurope")]
    );
    assert!(policy
        .allowed_values("/properties/vmProfile/vmSize")
        .is_some());
    assert_eq!(policy.required_tags(), ["costCenter", "owner"]);
    assert_eq!(policy.starters().len(), 1);
    assert!(policy.rule("POL-region").is_some());
    assert!(policy.rule("pol-REGION").is_some());

    let starter = &policy.starters()[0].template;
    assert_eq!(findings(&policy, starter), []);
    // `good()` meets it too; breaking it breaks the policy.
    assert_eq!(findings(&policy, &good()), []);
    let far = with("/location", Some(json!("eastus")));
    let codes: Vec<&str> = findings(&policy, &far).iter().map(|d| d.code).collect();
    assert_eq!(codes, ["POL-region"]);
}

#[test]
fn the_example_policy_over_the_corpus() {
    let policy = Arc::new(Policy::parse(EXAMPLE).unwrap());
    let options = Options {
        policy: Some(policy.clone()),
        ..Options::default()
    };
    let mut with_findings = 0;
    let mut codes = std::collections::BTreeSet::new();
    let corpus = support::corpus_templates();
    for (file, text) in &corpus {
        let plain = check(text, &Options::default());
        let report = check(text, &options);
        // A policy only adds findings.
        let builtin: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| !d.code.starts_with("POL-"))
            .cloned()
            .collect();
        assert_eq!(builtin, plain.diagnostics, "{file}");
        let policy_findings: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with("POL-"))
            .collect();
        for d in &policy_findings {
            assert!(d.span.is_some() && d.start.is_some(), "{file}: {d:?}");
            codes.insert(d.code);
        }
        if !plain.templates.is_empty() && !policy_findings.is_empty() {
            with_findings += 1;
        } else if !plain.templates.is_empty() {
            assert!(
                file.contains("image-template") || file.contains("imageTemplates"),
                "{file}"
            );
        }
    }
    let templates = corpus
        .iter()
        .filter(|(_, t)| !check(t, &Options::default()).templates.is_empty())
        .count();
    // No public template carries Contoso's tags or hardening step; the few without findings are
    // registry modules (AVM, ResourceModules) whose every value is an ARM parameter, which a
    // policy leaves to deployment.
    assert!(
        with_findings * 10 >= templates * 9,
        "{with_findings} of {templates}"
    );
    for expected in [
        "POL-tags",
        "POL-hardening",
        "POL-company-gallery",
        "POL-region",
        "POL-script-sources",
    ] {
        assert!(codes.contains(expected), "{expected} in {codes:?}");
    }
}

#[test]
fn options_with_a_policy_travel_as_its_text() {
    let policy = Arc::new(Policy::parse(EXAMPLE).unwrap());
    let options = Options {
        policy: Some(policy),
        ..Options::default()
    };
    let wire = serde_json::to_string(&options).unwrap();
    let back: Options = serde_json::from_str(&wire).unwrap();
    assert_eq!(back, options);
    // Options without one are sent as before.
    assert_eq!(
        serde_json::to_string(&Options::default()).unwrap(),
        r#"{"api_version":null,"os":null,"max_input_bytes":null}"#
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// What the designer will do: fill each field from the policy's pick-list (or its single
    /// pre-filled value) and each required tag; the template then meets the policy.
    #[test]
    fn a_template_made_from_the_pick_lists_passes_the_policy(
        lists in proptest::collection::vec(proptest::collection::vec("[a-z][a-z0-9_]{0,8}", 1..5), 4),
        picks in proptest::collection::vec(proptest::prelude::any::<proptest::sample::Index>(), 4),
        tags in proptest::collection::vec("[A-Za-z][A-Za-z0-9]{0,8}", 0..4),
    ) {
        let pointers = [
            "/location",
            "/properties/vmProfile/vmSize",
            "/properties/source/version",
            "/properties/customize/*/name",
        ];
        let mut rules: Vec<Value> = pointers
            .iter()
            .zip(&lists)
            .enumerate()
            .map(|(i, (pointer, values))| json!({"id": format!("r{i}"), "severity": "error",
                "message": "m", "allowed": {"pointer": pointer, "values": values}}))
            .collect();
        rules.push(json!({"id": "tags", "message": "m", "requiredTags": tags}));
        if tags.is_empty() {
            rules.pop();
        }
        let text = json!({"name": "p", "version": "1", "rules": rules}).to_string();
        let policy = Arc::new(Policy::parse(&text).unwrap());
        let prefilled: Vec<(String, Value)> = policy
            .prefilled()
            .into_iter()
            .map(|(p, v)| (p.to_owned(), v.clone()))
            .collect();
        let mut template = good();
        for (pointer, pick) in pointers.iter().zip(&picks) {
            let concrete = pointer.replace('*', "0");
            let values = policy.allowed_values(&concrete).unwrap();
            let value = match prefilled.iter().find(|(p, _)| p == pointer) {
                Some((_, value)) => value.clone(),
                None => pick.get(values).clone(),
            };
            *template.pointer_mut(&concrete).unwrap() = value;
        }
        for tag in policy.required_tags() {
            template["tags"][tag] = json!("filled");
        }
        proptest::prop_assert_eq!(findings(&policy, &template), Vec::<Diagnostic>::new());
    }
}

/// Azure's strict JSON readers never read a policy file: a team may comment its rules.
#[test]
fn a_policy_may_have_comments_and_trailing_commas() {
    let text = "// Contoso's rules\n{\"name\": \"p\", \"version\": \"1\", /* none yet */ \"rules\": [],}\n";
    let policy = Policy::parse(text).unwrap_or_else(|r| panic!("{}", r.to_compact_text()));
    assert_eq!(policy.name(), "p");
    // Real syntax errors still stop it, at their place.
    let broken = Policy::parse("{\"name\": \"p\",, }").unwrap_err();
    assert!(
        broken.diagnostics.iter().any(|d| d.code == "AIB001"),
        "{broken:?}"
    );
}
