//! The normalised body: the image template exactly as the service receives it, in the shape
//! `az resource create --is-full-object --properties @file`, `Invoke-AzRestMethod -Payload`
//! and `New-AzImageBuilderTemplate -JsonTemplatePath` take.

use serde_json::{Map, Value};

use super::plan::Plan;
use super::{quote, Export, Input, Options};

/// Envelope keys the service does not take in a body: the resource's address (`name`, `type`,
/// `apiVersion` go in the URL; the Learn release notes ask to leave `apiVersion` out) and ARM
/// deployment keys.
const ENVELOPE: &[&str] = &[
    "type",
    "apiVersion",
    "name",
    "dependsOn",
    "condition",
    "copy",
    "comments",
    "scope",
    "id",
    "systemData",
];

/// The body of `input`: envelope fields and the fields the checked version's schema marks
/// read-only (the service fills them in: a GET's output pasted as a template has them, and the
/// PUT ignores them at best) dropped, everything else kept as written (unknown keys too: the
/// checker reports them, the export does not second-guess them). A template from an ARM file
/// has its `[[` escapes undone, since no ARM engine reads the body.
pub fn body(input: &Input) -> Value {
    let Some(resource) = input.resource.as_object() else {
        return input.resource.clone();
    };
    let mut out = Value::Object(
        resource
            .iter()
            .filter(|(key, _)| !ENVELOPE.contains(&key.as_str()))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect::<Map<String, Value>>(),
    );
    for (pointer, key) in crate::schema::read_only_properties(&out, input.api_version) {
        let parent = crate::pointer::parent(&pointer).unwrap_or_default();
        if let Some(map) = out.pointer_mut(parent).and_then(Value::as_object_mut) {
            // `shift_remove` keeps the order of the rest as written.
            map.shift_remove(&key);
        }
    }
    if input.deployment.is_some() {
        quote::map_strings(&out, &|s| {
            quote::arm_unescape(s).unwrap_or_else(|| s.to_owned())
        })
    } else {
        out
    }
}

/// Pointers (relative to the body) of the ARM expressions left in a body from an ARM file:
/// only a deployment can evaluate them.
pub fn expressions(input: &Input) -> Vec<String> {
    let mut found = Vec::new();
    if input.deployment.is_some() {
        collect_expressions(input.resource, "", &mut found);
    }
    // The envelope (`name`, `apiVersion`, ...) is not part of the body.
    found.retain(|p| {
        let first = crate::pointer::tokens(p)
            .into_iter()
            .next()
            .unwrap_or_default();
        !ENVELOPE.contains(&first.as_str())
    });
    found
}

fn collect_expressions(value: &Value, pointer: &str, found: &mut Vec<String>) {
    match value {
        Value::String(s) if quote::is_arm_expression(s) => found.push(pointer.to_owned()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_expressions(item, &crate::pointer::join_index(pointer, i), found);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let child = crate::pointer::join(pointer, k);
                if quote::is_arm_expression(k) {
                    found.push(child.clone());
                }
                collect_expressions(v, &child, found);
            }
        }
        _ => {}
    }
}

/// `aib export json`: the body, pretty-printed, ASCII-only, with a final newline. The region
/// and identity options replace the template's, as in the other exports.
pub fn render(input: &Input, options: &Options) -> Export {
    let mut body = body(input);
    let mut expressions = expressions(input);
    if let (Some(location), Some(map)) = (&options.location, body.as_object_mut()) {
        map.insert("location".to_owned(), Value::String(location.clone()));
        expressions.retain(|p| p != "/location");
    }
    if let (Some(name), Some(map)) = (&options.identity_name, body.as_object_mut()) {
        map.insert(
            "identity".to_owned(),
            created_identity(input, options, name),
        );
        expressions.retain(|p| !p.starts_with("/identity"));
    }
    let mut notes = Vec::new();
    let placeholders = placeholders(&body);
    if !placeholders.is_empty() {
        notes.push(format!(
            "the template still holds placeholders ({}): replace them before sending it",
            placeholders.join(", ")
        ));
    }
    if !expressions.is_empty() {
        notes.push(format!(
            "the template holds ARM expressions that only a deployment evaluates ({}); deploy the ARM export instead, or replace them",
            summarize(&expressions)
        ));
    }
    Export {
        text: format!("{}\n", quote::json_ascii(&body)),
        notes,
    }
}

/// The `identity` of the identity the scripts create under `name`: in the scripts' resource
/// group, in the subscription they run in (a placeholder here, which the notes mention).
fn created_identity(input: &Input, options: &Options, name: &str) -> Value {
    let resource_group = Plan::new(input, options).resource_group;
    let id = format!(
        "/subscriptions/<subscriptionId>/resourceGroups/{resource_group}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}"
    );
    serde_json::json!({"type": "UserAssigned", "userAssignedIdentities": {id: {}}})
}

/// The first few pointers, for a one-line note.
pub fn summarize(pointers: &[String]) -> String {
    let shown: Vec<String> = pointers.iter().take(4).map(|p| format!("`{p}`")).collect();
    match pointers.len() {
        n if n > 4 => format!("{} and {} more", shown.join(", "), n - 4),
        _ => shown.join(", "),
    }
}

/// The `<placeholders>` left in a body (keys and values), each once.
pub fn placeholders(value: &Value) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut visit = |s: &str| {
        for p in crate::model::placeholders(s) {
            if !found.iter().any(|f| f == p) {
                found.push(p.to_owned());
            }
        }
    };
    fn walk(value: &Value, visit: &mut dyn FnMut(&str)) {
        match value {
            Value::String(s) => visit(s),
            Value::Array(items) => items.iter().for_each(|v| walk(v, visit)),
            Value::Object(map) => {
                for (k, v) in map {
                    visit(k);
                    walk(v, visit);
                }
            }
            _ => {}
        }
    }
    walk(value, &mut visit);
    found
}
