//! Walks a derived schema alongside a document: which schema node describes the value at a
//! pointer, following `$ref` and picking the branch of a discriminated union by its `type`.

use serde_json::Value;

/// Follows `$ref`s and, for a discriminated union, the branch chosen by the instance's
/// discriminator. An unknown discriminator leaves the union's base node.
pub fn resolve<'s>(root: &'s Value, mut node: &'s Value, instance: Option<&Value>) -> &'s Value {
    for _ in 0..32 {
        if let Some(target) = node.get("$ref").and_then(Value::as_str) {
            match follow_ref(root, target) {
                Some(next) => {
                    node = next;
                    continue;
                }
                None => return node,
            }
        }
        if let Some(branch) = discriminated_branch(node, instance) {
            node = branch;
            continue;
        }
        return node;
    }
    node
}

/// The node a `$ref` names. The derived schemas only refer to `#/definitions/<name>`; that
/// case is two map lookups (`Value::pointer` unescapes and allocates on every step, and the
/// read-only walk follows a reference for every node of the template).
fn follow_ref<'s>(root: &'s Value, target: &str) -> Option<&'s Value> {
    match target.strip_prefix("#/definitions/") {
        Some(name) if !name.contains(['/', '~']) => root.get("definitions")?.get(name),
        _ => root.pointer(target.trim_start_matches('#')),
    }
}

fn discriminated_branch<'s>(node: &'s Value, instance: Option<&Value>) -> Option<&'s Value> {
    let discriminator = node.get("x-aib-discriminator")?.as_str()?;
    let value = instance?.get(discriminator)?.as_str()?;
    node.get("allOf")?.as_array()?.iter().find_map(|branch| {
        let constant = branch
            .get("if")?
            .get("properties")?
            .get(discriminator)?
            .get("const")?;
        (constant.as_str() == Some(value))
            .then(|| branch.get("then"))
            .flatten()
    })
}

/// The (unresolved) schema of member `key` of an object described by `node`.
pub fn property<'s>(node: &'s Value, key: &str) -> Option<&'s Value> {
    if let Some(found) = node.get("properties").and_then(|p| p.get(key)) {
        return Some(found);
    }
    node.get("additionalProperties").filter(|a| a.is_object())
}

/// The names of the properties a user may write in an object described by `node`, in schema
/// order (read-only ones are left out).
pub fn property_names(node: &Value) -> Vec<&str> {
    node.get("properties")
        .and_then(Value::as_object)
        .map(|p| {
            p.iter()
                .filter(|(_, schema)| schema.get("readOnly") != Some(&Value::Bool(true)))
                .map(|(k, _)| k.as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// The names of the properties an object described by `node` requires.
pub fn required(node: &Value) -> Vec<&str> {
    node.get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// The resolved schema node describing the value at `tokens` inside `instance`, or `None` when
/// the path leaves what the schema describes.
pub fn locate<'s>(root: &'s Value, instance: &Value, tokens: &[String]) -> Option<&'s Value> {
    let mut node = resolve(root, root, Some(instance));
    let mut current = Some(instance);
    for token in tokens {
        let next_instance = current.and_then(|v| match v {
            Value::Object(map) => map.get(token),
            Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        });
        let child = if current.is_some_and(Value::is_array)
            || node.get("items").is_some() && token.parse::<usize>().is_ok()
        {
            node.get("items")?
        } else {
            property(node, token)?
        };
        node = resolve(root, child, next_instance);
        current = next_instance;
    }
    Some(node)
}
