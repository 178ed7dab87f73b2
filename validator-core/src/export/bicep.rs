//! Bicep as a person writes it: parameters for name, region and identity, one `resource`
//! block, multi-line arrays and objects without commas, `'''` strings for multi-line scripts.

use serde_json::Value;

use super::plan::{Identity, Plan};
use super::{quote, Export, Input, Options};

pub fn render(input: &Input, options: &Options) -> Export {
    let plan = Plan::new(input, options);
    let mut notes = plan.notes();
    if !plan.expressions.is_empty() {
        notes.pop();
        notes.push(format!(
            "the template holds ARM expressions ({}), kept as strings here: translate them to Bicep by hand, or decompile the ARM export (az bicep decompile)",
            super::json::summarize(&plan.expressions)
        ));
    }
    let mut out = String::new();
    out.push_str(&format!(
        "// The image template `{}` for Azure Image Builder (API version {}).\n",
        plan.template_name.escape_debug(),
        plan.api_version
    ));
    if let Some(policy) = &options.policy {
        out.push_str(&format!("// {}\n", policy.line()));
    }
    out.push_str(
        "// Deploy:  az deployment group create --resource-group <group> --template-file image-template.bicep\n\
         // Deploying does not build the image; then run:\n\
         //          az image builder run --resource-group <group> --name <imageTemplateName>\n",
    );
    for note in &notes {
        out.push_str(&format!("// NOTE: {}.\n", note.replace('\n', " ")));
    }
    out.push('\n');

    param(
        &mut out,
        "imageTemplateName",
        "The name of the image template. Templates cannot be updated: deploy a changed template under a new name, or delete the old one first.",
        Some(quote::bicep(&plan.template_name)),
    );
    let location_default = if plan.location_injected {
        "resourceGroup().location".to_owned()
    } else {
        quote::bicep(&plan.location)
    };
    param(
        &mut out,
        "location",
        "The region of the image template.",
        Some(location_default),
    );
    let identity_default = match &plan.identity {
        Identity::Given { id, .. } => Some(quote::bicep(id)),
        Identity::Created { .. } => None,
    };
    param(
        &mut out,
        "identityId",
        "Resource ID of the user-assigned identity Image Builder acts as; it needs the roles the build requires.",
        identity_default,
    );

    out.push_str(&format!(
        "resource imageTemplate 'Microsoft.VirtualMachineImages/imageTemplates@{}' = {{\n",
        plan.api_version
    ));
    out.push_str("  name: imageTemplateName\n  location: location\n");
    let body = plan.body.as_object().cloned().unwrap_or_default();
    if let Some(tags) = body.get("tags") {
        out.push_str(&format!("  tags: {}\n", value(tags, 1)));
    }
    out.push_str(
        "  identity: {\n    type: 'UserAssigned'\n    userAssignedIdentities: {\n      '${identityId}': {}\n    }\n  }\n",
    );
    for (key, v) in &body {
        if matches!(key.as_str(), "location" | "tags" | "identity") {
            continue;
        }
        out.push_str(&format!("  {}: {}\n", quote::bicep_key(key), value(v, 1)));
    }
    out.push_str("}\n\noutput imageTemplateId string = imageTemplate.id\n");
    Export { text: out, notes }
}

fn param(out: &mut String, name: &str, description: &str, default: Option<String>) {
    out.push_str(&format!("@description({})\n", quote::bicep(description)));
    match default {
        Some(d) => out.push_str(&format!("param {name} string = {d}\n\n")),
        None => out.push_str(&format!("param {name} string\n\n")),
    }
}

/// A JSON value in Bicep, indented for nesting `depth`.
fn value(v: &Value, depth: usize) -> String {
    let pad = "  ".repeat(depth + 1);
    let close = "  ".repeat(depth);
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
        // Bicep has integers only.
        Value::Number(n) => format!("json({})", quote::bicep(&n.to_string())),
        Value::String(s) => quote::bicep_multiline(s).unwrap_or_else(|| quote::bicep(s)),
        Value::Array(items) if items.is_empty() => "[]".to_owned(),
        Value::Object(map) if map.is_empty() => "{}".to_owned(),
        Value::Array(items) => {
            let mut out = String::from("[\n");
            for item in items {
                out.push_str(&format!("{pad}{}\n", value(item, depth + 1)));
            }
            out.push_str(&format!("{close}]"));
            out
        }
        Value::Object(map) => {
            let mut out = String::from("{\n");
            for (k, item) in map {
                out.push_str(&format!(
                    "{pad}{}: {}\n",
                    quote::bicep_key(k),
                    value(item, depth + 1)
                ));
            }
            out.push_str(&format!("{close}}}"));
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_values_as_a_person_would() {
        let v = serde_json::json!({"inline": ["echo 'hi' ${X}", "a\nb"], "n": 1.5, "/id/x": {}});
        assert_eq!(
            value(&v, 0),
            "{\n  inline: [\n    'echo \\'hi\\' \\${X}'\n    '''\na\nb'''\n  ]\n  n: json('1.5')\n  '/id/x': {}\n}"
        );
    }
}
