//! Finds the image templates in a file of any shape users have.

use serde_json::Value;

use crate::pointer;

/// The shape a template was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A bare resource object with `type` (as in the reference documentation).
    Resource,
    /// The body `az resource create --is-full-object` takes: no `type`.
    FullObject,
    /// A resource inside an ARM deployment template (possibly in a nested deployment).
    ArmResource,
}

/// A template found in a file: where, and in which shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub pointer: String,
    pub shape: Shape,
}

/// Finds every image template in a document. A file with `resources` or a deployment-template
/// `$schema` is an ARM template: its resources (and those of nested
/// `Microsoft.Resources/deployments`) are searched; any other object is taken as one template.
pub fn discover(root: &Value) -> Vec<Found> {
    let Some(object) = root.as_object() else {
        return Vec::new();
    };
    let is_arm = object.contains_key("resources")
        || object
            .get("$schema")
            .and_then(Value::as_str)
            .is_some_and(|s| s.contains("deploymentTemplate"));
    if is_arm {
        let mut found = Vec::new();
        collect_resources(root, "", &mut found, 0);
        return found;
    }
    let shape = if object.contains_key("type") {
        Shape::Resource
    } else {
        Shape::FullObject
    };
    vec![Found {
        pointer: String::new(),
        shape,
    }]
}

/// The image template resource type, as ARM spells it.
pub const IMAGE_TEMPLATE_TYPE: &str = "Microsoft.VirtualMachineImages/imageTemplates";

/// True for the image template type, including the misspellings users make: wrong case, a
/// typo of up to three characters (`imageTemplate`), or the provider namespace without
/// `/imageTemplates`, as in the official quickstarts.
pub fn looks_like_image_template_type(resource_type: &str) -> bool {
    let lower = resource_type.trim().to_ascii_lowercase();
    let exact = IMAGE_TEMPLATE_TYPE.to_ascii_lowercase();
    lower == exact
        || lower == "microsoft.virtualmachineimages"
        // Bound the edit distance's cost: only strings of about the right length can be near.
        || (lower.len().abs_diff(exact.len()) <= 3 && strsim::levenshtein(&lower, &exact) <= 3)
}

/// True for a resource whose properties are plainly an image template's, whatever its type
/// says: a `source` with a `distribute` or `customize` list.
fn has_image_template_properties(resource: &Value) -> bool {
    let Some(properties) = resource.get("properties").and_then(Value::as_object) else {
        return false;
    };
    properties.get("source").is_some_and(Value::is_object)
        && ["distribute", "customize"]
            .iter()
            .any(|key| properties.get(*key).is_some_and(Value::is_array))
}

fn collect_resources(template: &Value, base: &str, found: &mut Vec<Found>, depth: usize) {
    // Nested deployments deeper than this are not real templates; stop to bound the work.
    if depth > 16 {
        return;
    }
    let resources_pointer = pointer::join(base, "resources");
    let entries: Vec<(String, &Value)> = match template.get("resources") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, r)| (pointer::join_index(&resources_pointer, i), r))
            .collect(),
        // languageVersion 2.0 templates key resources by symbolic name.
        Some(Value::Object(map)) => map
            .iter()
            .map(|(k, r)| (pointer::join(&resources_pointer, k), r))
            .collect(),
        _ => return,
    };
    for (resource_pointer, resource) in entries {
        let Some(resource_type) = resource.get("type").and_then(Value::as_str) else {
            continue;
        };
        let is_deployment = resource_type.eq_ignore_ascii_case("Microsoft.Resources/deployments");
        if looks_like_image_template_type(resource_type)
            || (!is_deployment && has_image_template_properties(resource))
        {
            found.push(Found {
                pointer: resource_pointer,
                shape: Shape::ArmResource,
            });
        } else if is_deployment {
            if let Some(inner) = resource.get("properties").and_then(|p| p.get("template")) {
                let inner_base =
                    pointer::join(&pointer::join(&resource_pointer, "properties"), "template");
                collect_resources(inner, &inner_base, found, depth + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_templates_in_every_shape() {
        let bare =
            json!({"type": "Microsoft.VirtualMachineImages/imageTemplates", "properties": {}});
        assert_eq!(
            discover(&bare),
            vec![Found {
                pointer: String::new(),
                shape: Shape::Resource
            }]
        );
        let body = json!({"location": "x", "properties": {}});
        assert_eq!(discover(&body)[0].shape, Shape::FullObject);
        let arm = json!({
            "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "resources": [
                {"type": "Microsoft.ManagedIdentity/userAssignedIdentities"},
                {"type": "Microsoft.VirtualMachineImages/imageTemplates"},
                {"type": "Microsoft.Resources/deployments", "properties": {"template": {"resources": {
                    "it": {"type": "Microsoft.VirtualMachineImages/imageTemplates"}
                }}}}
            ]
        });
        let found: Vec<String> = discover(&arm).into_iter().map(|f| f.pointer).collect();
        assert_eq!(
            found,
            vec![
                "/resources/1",
                "/resources/2/properties/template/resources/it"
            ]
        );
        assert!(discover(&json!([1])).is_empty());
    }

    #[test]
    fn misspelt_image_templates_in_arm_templates_are_found() {
        let arm = json!({
            "resources": [
                {"type": "Microsoft.VirtualMachineImages/imageTemplate"},
                {"type": "microsoft.virtualmachineimages/imagetemplates"},
                {"type": "Microsoft.VirtualMachineImages/imageTemplates/triggers"},
                {"type": "Microsoft.Compute/images"},
                {"type": "Contoso.Images/builds", "properties": {"source": {}, "distribute": []}},
                {"type": "Microsoft.Resources/deployments", "properties": {"source": {}, "customize": []}}
            ]
        });
        let found: Vec<String> = discover(&arm).into_iter().map(|f| f.pointer).collect();
        assert_eq!(found, vec!["/resources/0", "/resources/1", "/resources/4"]);
    }
}
