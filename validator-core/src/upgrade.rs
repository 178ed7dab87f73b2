//! Moving a template to another API version: `aib upgrade --to <version>` and the designer's
//! "Upgrade API version".
//!
//! [`upgrade`] sets the template's `apiVersion` (in a bare resource, in an ARM template's
//! resource, or in the parameter or variable that resource names) and rewrites what the
//! versions between the two write differently, as [`FACTS`] lists them: renamed properties and
//! `replicationRegions` becoming `targetRegions`. Each change is made at its span
//! ([`edit::text::apply`]), so comments and formatting elsewhere stay byte for byte.
//!
//! What cannot be carried over is reported, not guessed: the upgraded text is checked against
//! its new version, and each finding that the original did not have (an error, or a property
//! the new version lacks) becomes one of [`Upgraded::diagnostics`], with its own code. Such
//! properties are kept, not removed: a downgrade that drops `optimize` without a word would
//! lose the user's settings, and the diagnostic says what to do. Moving down, `targetRegions`
//! goes back to `replicationRegions` when it means the same (one replica each, one storage
//! type the old versions know); otherwise it is kept and reported.
//!
//! ```
//! use validator_core::{upgrade, ApiVersion};
//! let text = r#"{
//!   "type": "Microsoft.VirtualMachineImages/imageTemplates",
//!   "apiVersion": "2020-02-14", // old
//!   "properties": { "distribute": [ { "type": "SharedImage", "replicationRegions": ["westeurope"] } ] }
//! }"#;
//! let upgraded = upgrade::upgrade(text, ApiVersion::V2024_02_01);
//! assert!(upgraded.text.contains(r#""apiVersion": "2024-02-01", // old"#));
//! assert!(upgraded.text.contains(r#""targetRegions": [{"name": "westeurope", "replicaCount": 1}]"#));
//! ```

use serde_json::Value;

use crate::diagnostic::{Diagnostic, Severity};
use crate::edit::{self, Change};
use crate::model::ApiVersion;
use crate::{check, pointer, rules, Options, Report};

/// Where a fact applies: the steps of `customize` of a type, the `source` of a type, the
/// `distribute` targets of a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Customizer(&'static str),
    Source(&'static str),
    Distributor(&'static str),
}

/// What changed in a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The property `old` is called `new` from this version on.
    Renamed {
        place: Place,
        old: &'static str,
        new: &'static str,
    },
    /// `targetRegions` (objects of `name`, `replicaCount`, `storageAccountType`) supersedes the
    /// region names of `replicationRegions` and the target-wide `storageAccountType`.
    TargetRegions,
}

/// One difference between two consecutive API versions: from `since` on, `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    pub since: ApiVersion,
    pub kind: Kind,
}

/// What differs between API versions in a way a rewrite can carry over, from the REST API
/// specs (`shared/reference/swagger/<version>/imagebuilder.json`). Every other difference is
/// an addition or a removal: the checker's schema of each version knows them
/// (`not-in-api-version`), and [`upgrade`] reports them.
pub const FACTS: &[Fact] = &[
    // 2019-05-01-preview: `ImageTemplateShellCustomizer` and `ImageTemplatePowerShellCustomizer`
    // have `scriptUri` where 2019-02-01-preview had `script`.
    Fact {
        since: ApiVersion::V2019_05_01Preview,
        kind: Kind::Renamed {
            place: Place::Customizer("Shell"),
            old: "script",
            new: "scriptUri",
        },
    },
    Fact {
        since: ApiVersion::V2019_05_01Preview,
        kind: Kind::Renamed {
            place: Place::Customizer("PowerShell"),
            old: "script",
            new: "scriptUri",
        },
    },
    // 2019-05-01-preview: `ImageTemplateIsoSource` has `sourceUri` (required) where it had
    // `sourceURI`. (2020-02-14 drops the ISO source: the checker reports it.)
    Fact {
        since: ApiVersion::V2019_05_01Preview,
        kind: Kind::Renamed {
            place: Place::Source("ISO"),
            old: "sourceURI",
            new: "sourceUri",
        },
    },
    // 2022-07-01: `ImageTemplateSharedImageDistributor.targetRegions` "supersedes
    // replicationRegions"; `replicationRegions` and `storageAccountType` are "[Deprecated]"
    // and no longer required.
    Fact {
        since: rules::distribute::TARGET_REGIONS_SINCE,
        kind: Kind::TargetRegions,
    },
];

/// One change [`upgrade`] made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    /// Where, in the upgraded text.
    pub pointer: String,
    pub description: String,
}

/// What [`upgrade`] did.
#[derive(Debug, Clone)]
pub struct Upgraded {
    /// The upgraded text (the input when nothing changed).
    pub text: String,
    /// The versions of the templates found, before.
    pub from: Vec<ApiVersion>,
    pub changes: Vec<Rewrite>,
    /// The renamed properties: (pointer before, pointer after). What was under one is now
    /// under the other.
    pub moved: Vec<(String, String)>,
    /// What could not be carried over: findings of the upgraded text that the original did
    /// not have. Empty when the upgrade is complete.
    pub diagnostics: Vec<Diagnostic>,
    /// The check of the upgraded text.
    pub report: Report,
}

/// Moves every image template in `text` to API version `to`; see the module's docs.
pub fn upgrade(text: &str, to: ApiVersion) -> Upgraded {
    let options = Options::default();
    let before = crate::analyze(text, &options);
    let unchanged = |diagnostics: Vec<Diagnostic>| Upgraded {
        text: text.to_owned(),
        from: before
            .report
            .templates
            .iter()
            .filter_map(|t| ApiVersion::parse(&t.api_version))
            .collect(),
        changes: Vec::new(),
        moved: Vec::new(),
        diagnostics,
        report: before.report.clone(),
    };
    let Some(root) = before.value.as_ref() else {
        return unchanged(before.report.syntax_errors().cloned().collect());
    };
    if before.report.syntax_errors().next().is_some() {
        // The spans of a text that is not JSON cannot say where a change goes.
        return unchanged(before.report.syntax_errors().cloned().collect());
    }
    let mut plan = Plan::default();
    let mut from = Vec::new();
    for template in &before.report.templates {
        let Some(version) = ApiVersion::parse(&template.api_version) else {
            continue;
        };
        from.push(version);
        let Some(resource) = root.pointer(&template.pointer) else {
            continue;
        };
        plan_version(root, resource, &template.pointer, version, to, &mut plan);
        for fact in FACTS {
            let forward = version < fact.since && fact.since <= to;
            let backward = to < fact.since && fact.since <= version;
            if forward || backward {
                plan_fact(resource, &template.pointer, fact.kind, forward, &mut plan);
            }
        }
    }
    let mut new_text = text.to_owned();
    let mut changes = Vec::new();
    for (change, rewrite) in plan.edits {
        match edit::text::apply(&new_text, &change) {
            Ok(next) => {
                new_text = next;
                if let Some(rewrite) = rewrite {
                    changes.push(rewrite);
                }
            }
            // A duplicate key: the text cannot be changed in place. Nothing is changed.
            Err(_) => {
                return unchanged(
                    before
                        .report
                        .diagnostics
                        .iter()
                        .filter(|d| d.code == rules::syntax::DUPLICATE_KEY.code)
                        .cloned()
                        .collect(),
                )
            }
        }
    }
    let report = check(&new_text, &options);
    let renamed = plan.moved;
    let diagnostics = not_carried_over(&before.report, &report, &renamed);
    Upgraded {
        text: new_text,
        from,
        changes,
        moved: renamed,
        diagnostics,
        report,
    }
}

/// The edits to make, in order, each with what to tell the user; and the places that move
/// (pointer before, pointer after), the more specific first.
#[derive(Default)]
struct Plan {
    edits: Vec<(Change, Option<Rewrite>)>,
    moved: Vec<(String, String)>,
}

/// Sets the `apiVersion` of the resource at `at`, where the file writes it.
fn plan_version(
    root: &Value,
    resource: &Value,
    at: &str,
    from: ApiVersion,
    to: ApiVersion,
    plan: &mut Plan,
) {
    if from == to {
        return;
    }
    let written = match resource.get("apiVersion") {
        Some(Value::String(written)) => written.as_str(),
        // No `apiVersion` (an `az image builder create` body): the checker assumes the newest
        // version; moving to another one writes it.
        None => "",
        Some(_) => return,
    };
    let target = match written.strip_prefix('[') {
        None => pointer::join(at, "apiVersion"),
        Some(expression) => {
            // `[parameters('x')]` or `[variables('x')]` in the ARM template holding the
            // resource (its pointer less `/resources/<n>`).
            let holder = pointer::parent(at).and_then(pointer::parent).unwrap_or("");
            let Some(place) = named_value(expression) else {
                return;
            };
            let place = format!("{holder}{place}");
            if root.pointer(&place).and_then(Value::as_str).is_none() {
                return;
            }
            place
        }
    };
    plan.edits.push((
        Change::Set {
            pointer: target.clone(),
            value: Value::from(to.as_str()),
        },
        Some(Rewrite {
            pointer: target,
            description: format!("`apiVersion` {from} → {to}"),
        }),
    ));
}

/// The pointer (relative to the ARM template) of the value `parameters('x')` or
/// `variables('x')` reads: a parameter's default, a variable.
fn named_value(expression: &str) -> Option<String> {
    let inner = expression.strip_suffix(']')?.trim();
    let (kind, rest) = inner.split_once('(')?;
    let name = rest.strip_suffix(')')?.trim().trim_matches('\'');
    let name = pointer::escape(name);
    match kind.trim() {
        "parameters" => Some(format!("/parameters/{name}/defaultValue")),
        "variables" => Some(format!("/variables/{name}")),
        _ => None,
    }
}

/// The objects of `resource` at `place`, with their pointers.
fn objects_at<'v>(resource: &'v Value, at: &str, place: Place) -> Vec<(String, &'v Value)> {
    let properties = resource.get("properties");
    let of_type = |v: &Value, kind: &str| v.get("type").and_then(Value::as_str) == Some(kind);
    let list = |key: &str, kind: &str| -> Vec<(String, &'v Value)> {
        properties
            .and_then(|p| p.get(key))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
            .filter(|(_, v)| of_type(v, kind))
            .map(|(i, v)| (format!("{at}/properties/{key}/{i}"), v))
            .collect()
    };
    match place {
        Place::Customizer(kind) => list("customize", kind),
        Place::Distributor(kind) => list("distribute", kind),
        Place::Source(kind) => properties
            .and_then(|p| p.get("source"))
            .filter(|s| of_type(s, kind))
            .map(|s| vec![(format!("{at}/properties/source"), s)])
            .unwrap_or_default(),
    }
}

fn plan_fact(resource: &Value, at: &str, kind: Kind, forward: bool, plan: &mut Plan) {
    match kind {
        Kind::Renamed { place, old, new } => {
            let (old, new) = if forward { (old, new) } else { (new, old) };
            for (object_at, object) in objects_at(resource, at, place) {
                // With both written, which one to keep is the user's choice: the checker
                // reports the one the version lacks.
                if object.get(old).is_some() && object.get(new).is_none() {
                    plan.moved.push((
                        pointer::join(&object_at, old),
                        pointer::join(&object_at, new),
                    ));
                    plan.edits.push((
                        Change::Rename {
                            pointer: pointer::join(&object_at, old),
                            key: new.to_owned(),
                        },
                        Some(Rewrite {
                            pointer: pointer::join(&object_at, new),
                            description: format!("`{old}` → `{new}`"),
                        }),
                    ));
                }
            }
        }
        Kind::TargetRegions if forward => {
            for (target_at, target) in objects_at(resource, at, Place::Distributor("SharedImage")) {
                let storage = target.get("storageAccountType").and_then(Value::as_str);
                let (Some(Value::Array(regions)), targets) = (
                    target.get("replicationRegions"),
                    target.get("targetRegions"),
                ) else {
                    continue;
                };
                if let Some(targets) = targets {
                    // Both, written for a version that ignores `targetRegions`: when they say
                    // the same, the deprecated one goes; otherwise the user chooses (the
                    // checker reports both set).
                    if same_regions(regions, storage, targets) {
                        for key in ["replicationRegions", "storageAccountType"] {
                            if target.get(key).is_some() {
                                plan.edits.push((
                                    Change::Remove {
                                        pointer: pointer::join(&target_at, key),
                                    },
                                    Some(Rewrite {
                                        pointer: pointer::join(&target_at, key),
                                        description: format!(
                                            "`{key}` removed: `targetRegions` says the same"
                                        ),
                                    }),
                                ));
                            }
                        }
                    }
                    continue;
                }
                let Some(rewritten) = rules::distribute::target_regions(regions, storage) else {
                    continue;
                };
                push_regions(
                    plan,
                    &target_at,
                    "replicationRegions",
                    "targetRegions",
                    rewritten,
                );
                if target.get("storageAccountType").is_some() {
                    plan.edits.push((
                        Change::Remove {
                            pointer: pointer::join(&target_at, "storageAccountType"),
                        },
                        None,
                    ));
                }
            }
        }
        Kind::TargetRegions => {
            for (target_at, target) in objects_at(resource, at, Place::Distributor("SharedImage")) {
                let (Some(Value::Array(regions)), None, None) = (
                    target.get("targetRegions"),
                    target.get("replicationRegions"),
                    target.get("storageAccountType"),
                ) else {
                    continue;
                };
                let Some((names, storage)) = replication_regions(regions) else {
                    continue;
                };
                push_regions(
                    plan,
                    &target_at,
                    "targetRegions",
                    "replicationRegions",
                    names,
                );
                if let Some(storage) = storage {
                    plan.edits.push((
                        Change::Set {
                            pointer: pointer::join(&target_at, "storageAccountType"),
                            value: Value::from(storage),
                        },
                        None,
                    ));
                }
            }
        }
    }
}

/// True when `targets` (`targetRegions`) names the regions of `regions` (`replicationRegions`)
/// in the same order, each with the storage type `storage`; an absent one is `Standard_LRS`
/// ("Omit to use the default (Standard_LRS)", in both places of the 2022-07-01 spec).
fn same_regions(regions: &[Value], storage: Option<&str>, targets: &Value) -> bool {
    const DEFAULT: &str = "Standard_LRS";
    let Some(targets) = targets.as_array() else {
        return false;
    };
    regions.len() == targets.len()
        && regions.iter().zip(targets).all(|(region, target)| {
            region.as_str().is_some()
                && target.get("name").and_then(Value::as_str) == region.as_str()
                && target
                    .get("storageAccountType")
                    .and_then(Value::as_str)
                    .unwrap_or(DEFAULT)
                    == storage.unwrap_or(DEFAULT)
        })
}

/// Renames the regions' key in place and writes its new value.
fn push_regions(plan: &mut Plan, target_at: &str, old: &str, new: &str, value: Vec<Value>) {
    // A region's name moves with it: `replicationRegions/0` is `targetRegions/0/name`.
    let (old_at, new_at) = (pointer::join(target_at, old), pointer::join(target_at, new));
    for i in 0..value.len() {
        let (from, to) = if new == "targetRegions" {
            (format!("{old_at}/{i}"), format!("{new_at}/{i}/name"))
        } else {
            (format!("{old_at}/{i}/name"), format!("{new_at}/{i}"))
        };
        plan.moved.push((from, to));
    }
    plan.moved.push((old_at, new_at));
    plan.edits.push((
        Change::Rename {
            pointer: pointer::join(target_at, old),
            key: new.to_owned(),
        },
        Some(Rewrite {
            pointer: pointer::join(target_at, new),
            description: format!("`{old}` → `{new}`"),
        }),
    ));
    plan.edits.push((
        Change::Set {
            pointer: pointer::join(target_at, new),
            value: Value::Array(value),
        },
        None,
    ));
}

/// The region names and the one storage type of `targetRegions`, when `replicationRegions`
/// can say the same: one replica in each region and a storage type the old versions know
/// (`Standard_LRS`, `Standard_ZRS` in 2020-02-14 to 2022-02-14) or an ARM expression, the same
/// for every region.
fn replication_regions(regions: &[Value]) -> Option<(Vec<Value>, Option<&str>)> {
    let mut names = Vec::new();
    let mut storage: Option<Option<&str>> = None;
    for region in regions {
        let object = region.as_object()?;
        if object
            .keys()
            .any(|k| !matches!(k.as_str(), "name" | "replicaCount" | "storageAccountType"))
        {
            return None;
        }
        names.push(Value::from(object.get("name")?.as_str()?));
        if object
            .get("replicaCount")
            .is_some_and(|c| c.as_i64() != Some(1))
        {
            return None;
        }
        let this = match object.get("storageAccountType") {
            None => None,
            // An ARM expression is the deployment's to resolve, as it was before.
            Some(Value::String(s))
                if matches!(s.as_str(), "Standard_LRS" | "Standard_ZRS")
                    || crate::model::is_expression(s) =>
            {
                Some(s.as_str())
            }
            Some(_) => return None,
        };
        if storage.is_some_and(|s| s != this) {
            return None;
        }
        storage = Some(this);
    }
    Some((names, storage.flatten()))
}

/// The findings of `after` that `before` did not have: errors, and properties the version
/// lacks (`not-in-api-version`, a warning where the service ignores them). A finding of
/// `before` under a renamed key counts at its new place.
fn not_carried_over(
    before: &Report,
    after: &Report,
    renamed: &[(String, String)],
) -> Vec<Diagnostic> {
    let moved = |p: &str| -> String {
        for (old, new) in renamed {
            if let Some(rest) = pointer::relative_to(p, old) {
                return format!("{new}{rest}");
            }
        }
        p.to_owned()
    };
    // The most severe finding of each code at each place.
    let mut known: std::collections::HashMap<(&str, String), Severity> = Default::default();
    for d in &before.diagnostics {
        let severity = known
            .entry((d.code, moved(&d.pointer)))
            .or_insert(d.severity);
        *severity = (*severity).min(d.severity);
    }
    after
        .diagnostics
        .iter()
        .filter(|d| {
            d.severity == Severity::Error || d.code == rules::schema::NOT_IN_API_VERSION.code
        })
        // New, or more severe than it was (an unknown property the old version ignored and
        // the new one rejects).
        .filter(|d| {
            known
                .get(&(d.code, d.pointer.clone()))
                .is_none_or(|was| d.severity < *was)
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bare(version: &str, properties: &str) -> String {
        format!(
            "{{\n  \"type\": \"Microsoft.VirtualMachineImages/imageTemplates\",\n  \"apiVersion\": \"{version}\",\n  // note\n  \"properties\": {properties}\n}}\n"
        )
    }

    #[test]
    fn replication_regions_become_target_regions_and_back() {
        let old = bare(
            "2020-02-14",
            r#"{ "distribute": [ { "type": "SharedImage", "replicationRegions": ["westeurope", "northeurope"], "storageAccountType": "Standard_ZRS" } ] }"#,
        );
        let up = upgrade(&old, ApiVersion::V2022_07_01);
        assert_eq!(
            up.text,
            bare(
                "2022-07-01",
                r#"{ "distribute": [ { "type": "SharedImage", "targetRegions": [{"name": "westeurope", "replicaCount": 1, "storageAccountType": "Standard_ZRS"}, {"name": "northeurope", "replicaCount": 1, "storageAccountType": "Standard_ZRS"}] } ] }"#
            )
        );
        assert_eq!(up.changes.len(), 2, "{:?}", up.changes);
        let down = upgrade(&up.text, ApiVersion::V2020_02_14);
        assert_eq!(
            down.text,
            bare(
                "2020-02-14",
                r#"{ "distribute": [ { "type": "SharedImage", "replicationRegions": ["westeurope", "northeurope"], "storageAccountType": "Standard_ZRS" } ] }"#
            )
        );
    }

    #[test]
    fn target_regions_that_old_versions_cannot_say_are_kept_and_reported() {
        let new = bare(
            "2024-02-01",
            r#"{ "distribute": [ { "type": "SharedImage", "targetRegions": [{"name": "westeurope", "replicaCount": 3}] } ] }"#,
        );
        let down = upgrade(&new, ApiVersion::V2020_02_14);
        assert!(down.text.contains("\"replicaCount\": 3"));
        assert!(down.text.contains("\"apiVersion\": \"2020-02-14\""));
        assert!(
            down.diagnostics
                .iter()
                .any(|d| d.pointer.ends_with("/targetRegions")
                    && d.code == rules::schema::NOT_IN_API_VERSION.code),
            "{:?}",
            down.diagnostics
        );
    }

    #[test]
    fn replication_regions_that_target_regions_repeat_are_removed() {
        let old = bare(
            "2022-02-14",
            r#"{ "distribute": [ { "type": "SharedImage", "replicationRegions": ["westeurope"], "targetRegions": [{"name": "westeurope", "storageAccountType": "Standard_LRS"}] } ] }"#,
        );
        let up = upgrade(&old, ApiVersion::NEWEST);
        assert!(!up.text.contains("replicationRegions"), "{}", up.text);
        assert!(up.diagnostics.is_empty(), "{:?}", up.diagnostics);
        // Saying something else, both stay and the checker reports them.
        let other = old.replace(r#""name": "westeurope""#, r#""name": "northeurope""#);
        let up = upgrade(&other, ApiVersion::NEWEST);
        assert!(up.text.contains("replicationRegions"));
        assert!(up
            .diagnostics
            .iter()
            .any(|d| d.code == rules::distribute::REPLICATION_SETTINGS.code));
    }

    #[test]
    fn an_iso_source_cannot_be_carried_past_2019_and_is_reported() {
        let old = bare(
            "2019-02-01-preview",
            r#"{ "source": { "type": "ISO", "sourceURI": "https://x/a.iso", "sha256Checksum": "00" } }"#,
        );
        let up = upgrade(&old, ApiVersion::V2019_05_01Preview);
        assert!(
            up.text.contains(r#""sourceUri": "https://x/a.iso""#),
            "{}",
            up.text
        );
        let up = upgrade(&old, ApiVersion::NEWEST);
        assert!(up.text.contains("\"ISO\""), "kept: {}", up.text);
        assert!(
            up.diagnostics
                .iter()
                .any(|d| d.pointer.starts_with("/properties/source")),
            "{:?}",
            up.diagnostics
        );
    }

    #[test]
    fn script_becomes_script_uri() {
        let old = bare(
            "2019-02-01-preview",
            r#"{ "customize": [ { "type": "Shell", "name": "a", "script": "https://x/a.sh" }, { "type": "PowerShell", "name": "b", "script": "https://x/b.ps1" } ] }"#,
        );
        let up = upgrade(&old, ApiVersion::V2019_05_01Preview);
        assert!(
            up.text.contains(r#""scriptUri": "https://x/a.sh""#),
            "{}",
            up.text
        );
        assert!(
            up.text.contains(r#""scriptUri": "https://x/b.ps1""#),
            "{}",
            up.text
        );
        assert!(up.text.contains("// note"));
    }

    #[test]
    fn a_downgrade_reports_what_the_old_version_lacks_and_keeps_it() {
        let new = bare("2024-02-01", r#"{ "autoRun": { "state": "Enabled" } }"#);
        let down = upgrade(&new, ApiVersion::V2022_07_01);
        assert!(down.text.contains("autoRun"));
        let found: Vec<_> = down
            .diagnostics
            .iter()
            .map(|d| d.pointer.as_str())
            .collect();
        assert_eq!(found, ["/properties/autoRun"]);
    }

    #[test]
    fn an_arm_parameter_holding_the_version_is_what_changes() {
        let arm = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": { "api": { "type": "string", "defaultValue": "2020-02-14" } },
  "resources": [ { "type": "Microsoft.VirtualMachineImages/imageTemplates", "apiVersion": "[parameters('api')]", "name": "t", "location": "westeurope", "properties": {} } ]
}"#;
        let up = upgrade(arm, ApiVersion::NEWEST);
        assert!(
            up.text
                .contains(&format!("\"defaultValue\": \"{}\"", ApiVersion::NEWEST)),
            "{}",
            up.text
        );
        assert!(up.text.contains("\"apiVersion\": \"[parameters('api')]\""));
        assert_eq!(
            up.report.templates[0].api_version,
            ApiVersion::NEWEST.as_str()
        );
    }

    #[test]
    fn a_missing_version_is_the_newest_and_written_when_another_is_wanted() {
        let text = "{\n  \"location\": \"westeurope\"\n}\n";
        assert_eq!(upgrade(text, ApiVersion::NEWEST).text, text);
        assert_eq!(
            upgrade(text, ApiVersion::V2022_07_01).text,
            "{\n  \"location\": \"westeurope\",\n  \"apiVersion\": \"2022-07-01\"\n}\n"
        );
    }

    #[test]
    fn text_that_is_not_json_is_left_alone() {
        let text = "{ \"apiVersion\": \"2020-02-14\", ";
        let up = upgrade(text, ApiVersion::NEWEST);
        assert_eq!(up.text, text);
        assert!(!up.diagnostics.is_empty());
    }
}
