//! Where a version's schema has read-only properties, computed once from the schema, so
//! finding them in a template costs a few lookups instead of a walk over every node.

use std::sync::OnceLock;

use serde_json::Value;

use super::locate;
use crate::model::ApiVersion;
use crate::pointer;

/// One step of a path from the resource to a read-only property.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Key(String),
    /// Any member of a map (`userAssignedIdentities`).
    AnyKey,
    /// Any item of an array.
    AnyItem,
    /// Only where the union's discriminator has this value (`exactVersion` exists on
    /// `PlatformImage` and `SharedImageVersion` sources only).
    When {
        discriminator: String,
        value: String,
    },
}

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: OnceLock<Vec<Vec<Step>>> = OnceLock::new();
static PATHS: [OnceLock<Vec<Vec<Step>>>; 10] = [EMPTY; 10];

/// The paths to every read-only property of a version's schema.
pub fn paths(version: ApiVersion) -> &'static [Vec<Step>] {
    PATHS[version.index()].get_or_init(|| {
        let root = super::schema(version);
        let mut out = Vec::new();
        collect(root, root, &mut Vec::new(), &mut out);
        out
    })
}

fn collect(root: &Value, node: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    // The schemas are not recursive, but stay safe should one become so.
    if path.len() > 16 {
        return;
    }
    let node = locate::resolve(root, node, None);
    if node.get("readOnly") == Some(&Value::Bool(true)) {
        out.push(path.clone());
        return;
    }
    if let (Some(discriminator), Some(branches)) = (
        node.get("x-aib-discriminator").and_then(Value::as_str),
        node.get("allOf").and_then(Value::as_array),
    ) {
        for branch in branches {
            let value = branch
                .get("if")
                .and_then(|i| i.get("properties"))
                .and_then(|p| p.get(discriminator))
                .and_then(|d| d.get("const"));
            if let (Some(value), Some(then)) = (value.and_then(Value::as_str), branch.get("then")) {
                path.push(Step::When {
                    discriminator: discriminator.to_owned(),
                    value: value.to_owned(),
                });
                collect(root, then, path, out);
                path.pop();
            }
        }
    }
    if let Some(properties) = node.get("properties").and_then(Value::as_object) {
        for (key, child) in properties {
            path.push(Step::Key(key.clone()));
            collect(root, child, path, out);
            path.pop();
        }
    }
    if let Some(map_values) = node.get("additionalProperties").filter(|a| a.is_object()) {
        path.push(Step::AnyKey);
        collect(root, map_values, path, out);
        path.pop();
    }
    if let Some(items) = node.get("items") {
        path.push(Step::AnyItem);
        collect(root, items, path, out);
        path.pop();
    }
}

/// Finds the properties a path leads to in `value`: (pointer relative to the resource, key).
pub fn find(value: &Value, steps: &[Step], rel: &mut String, out: &mut Vec<(String, String)>) {
    let Some((step, rest)) = steps.split_first() else {
        return;
    };
    let visit = |key: &str, child: &Value, rel: &mut String, out: &mut Vec<(String, String)>| {
        let saved = rel.len();
        pointer::push_token(rel, key);
        if rest.is_empty() {
            out.push((rel.clone(), key.to_owned()));
        } else {
            find(child, rest, rel, out);
        }
        rel.truncate(saved);
    };
    match (step, value) {
        (Step::Key(key), Value::Object(map)) => {
            if let Some(child) = map.get(key) {
                visit(key, child, rel, out);
            }
        }
        (Step::AnyKey, Value::Object(map)) => {
            for (key, child) in map {
                visit(key, child, rel, out);
            }
        }
        (Step::AnyItem, Value::Array(items)) => {
            for (index, child) in items.iter().enumerate() {
                visit(&index.to_string(), child, rel, out);
            }
        }
        (
            Step::When {
                discriminator,
                value: wanted,
            },
            Value::Object(map),
        ) if map.get(discriminator).and_then(Value::as_str) == Some(wanted.as_str()) => {
            find(value, rest, rel, out);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_reach_every_read_only_property_of_the_newest_schema() {
        let paths = paths(ApiVersion::NEWEST);
        let has = |steps: &[Step]| paths.iter().any(|p| p.as_slice() == steps);
        let key = |k: &str| Step::Key(k.to_owned());
        assert!(has(&[key("id")]));
        assert!(has(&[key("properties"), key("provisioningState")]));
        assert!(has(&[
            key("identity"),
            key("userAssignedIdentities"),
            Step::AnyKey,
            key("principalId")
        ]));
        assert!(has(&[
            key("properties"),
            key("source"),
            Step::When {
                discriminator: "type".into(),
                value: "PlatformImage".into()
            },
            key("exactVersion"),
        ]));
    }

    #[test]
    fn finds_only_in_the_matching_branch() {
        let path = [
            Step::Key("source".into()),
            Step::When {
                discriminator: "type".into(),
                value: "PlatformImage".into(),
            },
            Step::Key("exactVersion".into()),
        ];
        let mut out = Vec::new();
        find(
            &json!({"source": {"type": "PlatformImage", "exactVersion": "1"}}),
            &path,
            &mut String::new(),
            &mut out,
        );
        assert_eq!(
            out,
            vec![("/source/exactVersion".to_owned(), "exactVersion".to_owned())]
        );
        out.clear();
        find(
            &json!({"source": {"type": "ManagedImage", "exactVersion": "1"}}),
            &path,
            &mut String::new(),
            &mut out,
        );
        assert!(out.is_empty());
    }
}
