//! The ARM deployment template: the image template as its one resource, with parameters for
//! its name, region and identity (templates cannot be updated, so each deployment of a changed
//! template needs a new name; region and identity differ between environments).

use serde_json::{json, Map, Value};

use super::plan::{Identity, Plan};
use super::{json as body_json, quote, Export, Input, Options};

const SCHEMA: &str =
    "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

/// The names of the parameters the export declares (`None`: the value stays as the source
/// ARM template wrote it, an expression).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameters {
    pub name: Option<String>,
    pub location: Option<String>,
    pub identity: Option<String>,
}

/// Which of the three parameters the export of `input` declares, and under which names (a
/// source ARM template may already use `location` for something else).
pub fn parameters(input: &Input) -> Parameters {
    let taken: Vec<String> = input
        .deployment
        .and_then(|d| d.get("parameters"))
        .and_then(Value::as_object)
        .map(|m| m.keys().map(|k| k.to_ascii_lowercase()).collect())
        .unwrap_or_default();
    let fresh = |base: &str| {
        let mut name = base.to_owned();
        let mut n = 1;
        while taken.contains(&name.to_ascii_lowercase()) {
            n += 1;
            name = format!("{base}{n}");
        }
        name
    };
    let from_arm = input.deployment.is_some();
    let is_expression = |v: Option<&Value>| {
        from_arm
            && v.and_then(Value::as_str)
                .is_some_and(quote::is_arm_expression)
    };
    let identity_keys = input
        .resource
        .pointer("/identity/userAssignedIdentities")
        .and_then(Value::as_object);
    let identity_is_expression =
        from_arm && identity_keys.is_some_and(|m| m.keys().any(|k| quote::is_arm_expression(k)));
    Parameters {
        name: (!is_expression(input.resource.get("name"))).then(|| fresh("imageTemplateName")),
        location: (!is_expression(input.resource.get("location"))).then(|| fresh("location")),
        identity: (!identity_is_expression).then(|| fresh("identityId")),
    }
}

pub fn render(input: &Input, options: &Options) -> Export {
    let plan = Plan::new(input, options);
    let names = parameters(input);
    let mut notes = Vec::new();
    if !plan.placeholders.is_empty() {
        notes.push(format!(
            "the template still holds placeholders ({}): replace them before deploying",
            plan.placeholders.join(", ")
        ));
    }

    let mut parameters = Map::new();
    let mut resource = Map::new();
    resource.insert("type".into(), json!(crate::model::IMAGE_TEMPLATE_TYPE));
    resource.insert("apiVersion".into(), json!(plan.api_version.as_str()));
    match &names.name {
        Some(p) => {
            parameters.insert(
                p.clone(),
                parameter(
                    Some(&plan.template_name),
                    "The name of the image template. Templates cannot be updated: deploy a changed template under a new name, or delete the old one first.",
                ),
            );
            resource.insert("name".into(), expression(p));
        }
        None => {
            resource.insert("name".into(), input.resource["name"].clone());
        }
    }
    if let Some(p) = &names.location {
        let default = (!plan.location_injected).then_some(plan.location.as_str());
        let mut definition = parameter(default, "The region of the image template.");
        if default.is_none() {
            // An expression, so not escaped: the resource group's region.
            let metadata = definition
                .as_object_mut()
                .and_then(|m| m.remove("metadata"));
            definition["defaultValue"] = json!("[resourceGroup().location]");
            definition["metadata"] = metadata.unwrap_or_default();
        }
        parameters.insert(p.clone(), definition);
    }
    if let Some(p) = &names.identity {
        let default = match &plan.identity {
            Identity::Given { id, .. } => Some(id.as_str()),
            Identity::Created { .. } => None,
        };
        parameters.insert(
            p.clone(),
            parameter(
                default,
                "Resource ID of the user-assigned identity Image Builder acts as; it needs the roles the build requires.",
            ),
        );
    }

    // The body in ARM form: a template from a bare resource gets its literal `[…]` strings
    // escaped; one from an ARM file keeps its strings (its expressions are meant).
    let mut body = match input.deployment {
        Some(_) => arm_body(input),
        None => quote::map_strings(&plan.body, &|s| quote::arm_literal(s)),
    };
    if let Some(map) = body.as_object_mut() {
        if let Some(p) = &names.location {
            map.insert("location".into(), expression(p));
        }
        if let Some(p) = &names.identity {
            let mut ids = Map::new();
            ids.insert(format!("[parameters('{p}')]"), json!({}));
            map.insert(
                "identity".into(),
                json!({"type": "UserAssigned", "userAssignedIdentities": ids}),
            );
        }
        // Keep the conventional order: location, tags, identity, properties.
        for key in ["location", "tags", "identity", "properties"] {
            if let Some(v) = map.remove(key) {
                resource.insert(key.into(), v);
            }
        }
        for (k, v) in std::mem::take(map) {
            resource.insert(k, v);
        }
    }

    let mut template = Map::new();
    template.insert("$schema".into(), json!(SCHEMA));
    template.insert("contentVersion".into(), json!("1.0.0.0"));
    if let Some(policy) = &options.policy {
        // ARM's place for what a template says about itself; JSON has no comments.
        template.insert("metadata".into(), json!({"policy": policy.line()}));
    }
    if let Some(deployment) = input.deployment {
        carry_definitions(
            deployment,
            &Value::Object(resource.clone()),
            &mut parameters,
            &mut template,
        );
    }
    template.insert("parameters".into(), Value::Object(parameters));
    for key in ["variables", "functions"] {
        if let Some(value) = template.remove(key) {
            template.insert(key.into(), value);
        }
    }
    template.insert("resources".into(), json!([Value::Object(resource)]));
    if let Some(p) = &names.name {
        let id = format!(
            "[resourceId('Microsoft.VirtualMachineImages/imageTemplates', parameters('{p}'))]"
        );
        template.insert(
            "outputs".into(),
            json!({"imageTemplateId": {"type": "string", "value": id}}),
        );
    }
    Export {
        text: format!("{}\n", quote::json_ascii(&Value::Object(template))),
        notes,
    }
}

fn expression(parameter: &str) -> Value {
    Value::String(format!("[parameters('{parameter}')]"))
}

fn parameter(default: Option<&str>, description: &str) -> Value {
    let mut p = Map::new();
    p.insert("type".into(), json!("string"));
    if let Some(d) = default {
        p.insert("defaultValue".into(), Value::String(quote::arm_literal(d)));
    }
    p.insert("metadata".into(), json!({"description": description}));
    Value::Object(p)
}

/// The resource's body as the source ARM template wrote it (strings untouched), without the
/// envelope and read-only fields.
fn arm_body(input: &Input) -> Value {
    // `json::body` undoes `[[` escapes for a body leaving ARM; redo them to stay in ARM.
    let plain = body_json::body(input);
    let original = input.resource;
    restore_arm_strings(&plain, original)
}

/// Puts back the ARM spelling of every string `json::body` unescaped, walking both values.
fn restore_arm_strings(plain: &Value, original: &Value) -> Value {
    match (plain, original) {
        (Value::Object(p), Value::Object(o)) => Value::Object(
            p.iter()
                .map(|(k, v)| {
                    let (key, orig) = o
                        .iter()
                        .find(|(ok, _)| quote::arm_unescape(ok).as_deref().unwrap_or(ok) == k)
                        .map(|(ok, ov)| (ok.clone(), ov))
                        .unwrap_or((k.clone(), &Value::Null));
                    (key, restore_arm_strings(v, orig))
                })
                .collect(),
        ),
        (Value::Array(p), Value::Array(o)) => Value::Array(
            p.iter()
                .zip(o.iter().chain(std::iter::repeat(&Value::Null)))
                .map(|(v, ov)| restore_arm_strings(v, ov))
                .collect(),
        ),
        (_, Value::String(o)) if plain.is_string() => Value::String(o.clone()),
        _ => plain.clone(),
    }
}

/// Copies the source template's parameters and variables the resource uses (directly or
/// through other variables), and its user-defined functions, so expressions still resolve.
fn carry_definitions(
    deployment: &Value,
    resource: &Value,
    parameters: &mut Map<String, Value>,
    template: &mut Map<String, Value>,
) {
    let empty = Map::new();
    let source_parameters = deployment
        .get("parameters")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let source_variables = deployment
        .get("variables")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut text = resource.to_string().to_ascii_lowercase();
    let mut variables = Map::new();
    loop {
        let before = parameters.len() + variables.len();
        for (name, definition) in source_parameters {
            let used = text.contains(&format!("parameters('{}')", name.to_ascii_lowercase()));
            if used && !parameters.contains_key(name) {
                parameters.insert(name.clone(), definition.clone());
                text.push_str(&definition.to_string().to_ascii_lowercase());
            }
        }
        for (name, definition) in source_variables {
            let used = text.contains(&format!("variables('{}')", name.to_ascii_lowercase()));
            if used && !variables.contains_key(name) {
                variables.insert(name.clone(), definition.clone());
                text.push_str(&definition.to_string().to_ascii_lowercase());
            }
        }
        if parameters.len() + variables.len() == before {
            break;
        }
    }
    if !variables.is_empty() {
        template.insert("variables".into(), Value::Object(variables));
    }
    if let Some(functions) = deployment.get("functions") {
        template.insert("functions".into(), functions.clone());
    }
}
