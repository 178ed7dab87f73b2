//! What the form shows for a place in the template, read from the derived schema of the
//! template's API version: so every property of every version has a field, with the
//! specification's description as help and its default shown, and fields a version lacks
//! are not offered.

use serde_json::Value;
use validator_core::schema::{help, locate};

/// How a value is edited.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Text {
        choices: Vec<String>,
    },
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    Boolean,
    Object,
    /// An array; its items' schema is looked up with [`item_schema`].
    List,
    /// A map of names to values (tags).
    Map,
    /// A discriminated union: the `type` select comes first.
    Union {
        discriminator: String,
        variants: Vec<String>,
    },
    /// Anything else: edited as JSON.
    Json,
}

/// One field of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: String,
    pub label: String,
    pub help: Option<String>,
    pub default: Option<Value>,
    pub required: bool,
    pub kind: Kind,
    /// The field's schema, unresolved (resolve with the value to pick a union branch).
    pub schema: Value,
}

/// How a schema node is edited.
pub fn kind(root: &Value, node: &Value) -> Kind {
    let node = locate::resolve(root, node, None);
    if let (Some(d), Some(branches)) = (
        node.get("x-aib-discriminator").and_then(Value::as_str),
        node.get("allOf").and_then(Value::as_array),
    ) {
        // The order of the discriminator's `enum` in the derived schema.
        let listed = node
            .get("properties")
            .and_then(|p| p.get(d))
            .and_then(|t| t.get("enum"))
            .and_then(Value::as_array);
        let variants = match listed {
            Some(values) => values
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            None => branches
                .iter()
                .filter_map(|b| {
                    b.get("if")?
                        .get("properties")?
                        .get(d)?
                        .get("const")?
                        .as_str()
                        .map(str::to_owned)
                })
                .collect(),
        };
        return Kind::Union {
            discriminator: d.to_owned(),
            variants,
        };
    }
    if let Some(choices) = node.get("enum").and_then(Value::as_array) {
        return Kind::Text {
            choices: choices
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
        };
    }
    match node.get("type").and_then(Value::as_str) {
        Some("string") => Kind::Text {
            choices: Vec::new(),
        },
        Some("integer") => Kind::Integer {
            min: node.get("minimum").and_then(Value::as_i64),
            max: node.get("maximum").and_then(Value::as_i64),
        },
        Some("boolean") => Kind::Boolean,
        Some("array") => Kind::List,
        Some("object") if node.get("properties").is_some() => Kind::Object,
        Some("object")
            if node
                .get("additionalProperties")
                .is_some_and(Value::is_object) =>
        {
            Kind::Map
        }
        Some("object") => Kind::Object,
        _ if node.get("properties").is_some() => Kind::Object,
        _ => Kind::Json,
    }
}

/// The fields of an object schema node (resolved with its value, so a union shows the
/// chosen type's fields), in the specification's order, read-only ones left out.
pub fn fields(root: &Value, node: &Value, value: Option<&Value>) -> Vec<Field> {
    let node = locate::resolve(root, node, value);
    // What an optional group requires is required only once the group is there: an absent
    // `planInfo` does not make "Plan name" required.
    let required = if value.is_some() {
        locate::required(node)
    } else {
        Vec::new()
    };
    let Some(properties) = node.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    properties
        .iter()
        .filter(|(_, schema)| schema.get("readOnly") != Some(&Value::Bool(true)))
        .map(|(key, schema)| {
            let resolved = locate::resolve(root, schema, None);
            Field {
                key: key.clone(),
                label: humanize(key),
                help: help::of(root, schema),
                default: schema
                    .get("default")
                    .or_else(|| resolved.get("default"))
                    .cloned(),
                required: required.contains(&key.as_str()),
                kind: kind(root, schema),
                schema: schema.clone(),
            }
        })
        .collect()
}

/// The schema of an array's items.
pub fn item_schema<'s>(root: &'s Value, node: &'s Value) -> Option<&'s Value> {
    locate::resolve(root, node, None).get("items")
}

/// The schema of a map's values.
pub fn map_value_schema<'s>(root: &'s Value, node: &'s Value) -> Option<&'s Value> {
    locate::resolve(root, node, None)
        .get("additionalProperties")
        .filter(|a| a.is_object())
}

/// A label from a property name: `buildTimeoutInMinutes` → "Build timeout in minutes",
/// `osDiskSizeGB` → "OS disk size GB", `vmSize` → "VM size".
pub fn humanize(key: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = key.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
        let prev_lower = i > 0 && (chars[i - 1].is_lowercase() || chars[i - 1].is_ascii_digit());
        if c.is_uppercase() && !current.is_empty() && (prev_lower || next_lower) {
            words.push(std::mem::take(&mut current));
        }
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    let acronyms = ["vm", "os", "id", "uri", "gb", "vnet", "vhd", "sha256"];
    let words: Vec<String> = words
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if acronyms.contains(&lower.as_str()) {
                match lower.as_str() {
                    "vnet" => "VNet".to_owned(),
                    "sha256" => "SHA-256".to_owned(),
                    "uri" => "URI".to_owned(),
                    other => other.to_uppercase(),
                }
            } else if i == 0 {
                let mut c = lower.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            } else if w.chars().all(|c| c.is_uppercase()) && w.len() > 1 {
                w
            } else {
                lower
            }
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use validator_core::{schema, ApiVersion};

    #[test]
    fn an_absent_optional_group_requires_nothing_yet() {
        let root = schema::schema(ApiVersion::NEWEST);
        let plan = &root["definitions"]["PlatformImagePurchasePlan"];
        let required = |value: Option<&Value>| -> Vec<String> {
            fields(root, plan, value)
                .into_iter()
                .filter(|f| f.required)
                .map(|f| f.key)
                .collect()
        };
        assert!(required(None).is_empty());
        assert!(required(Some(&serde_json::json!({}))).contains(&"planName".to_owned()));
    }

    #[test]
    fn labels_read_like_words() {
        assert_eq!(
            humanize("buildTimeoutInMinutes"),
            "Build timeout in minutes"
        );
        assert_eq!(humanize("osDiskSizeGB"), "OS disk size GB");
        assert_eq!(humanize("vmSize"), "VM size");
        assert_eq!(humanize("scriptUri"), "Script URI");
        assert_eq!(humanize("sha256Checksum"), "SHA-256 checksum");
        assert_eq!(humanize("vnetConfig"), "VNet config");
        assert_eq!(humanize("runOutputName"), "Run output name");
    }

    #[test]
    fn fields_follow_the_api_version() {
        let newest = schema::schema(ApiVersion::NEWEST);
        let props = newest.pointer("/properties/properties").unwrap();
        let keys: Vec<String> = fields(newest, props, None)
            .into_iter()
            .map(|f| f.key)
            .collect();
        assert!(keys.contains(&"autoRun".to_owned()));
        assert!(
            !keys.contains(&"provisioningState".to_owned()),
            "read-only fields are not offered"
        );
        let old = schema::schema(ApiVersion::V2020_02_14);
        let keys: Vec<String> = fields(old, old.pointer("/properties/properties").unwrap(), None)
            .into_iter()
            .map(|f| f.key)
            .collect();
        assert!(!keys.contains(&"autoRun".to_owned()));
        assert!(!keys.contains(&"validate".to_owned()));
    }

    #[test]
    fn unions_offer_their_types_and_show_the_chosen_branch() {
        let root = schema::schema(ApiVersion::NEWEST);
        let source = root
            .pointer("/definitions/ImageTemplateProperties/properties/source")
            .unwrap();
        let Kind::Union {
            discriminator,
            variants,
        } = kind(root, source)
        else {
            panic!("source is a union")
        };
        assert_eq!(discriminator, "type");
        assert_eq!(
            variants,
            ["ManagedImage", "PlatformImage", "SharedImageVersion"],
            "the order of the derived schema"
        );
        let value = serde_json::json!({"type": "ManagedImage"});
        let keys: Vec<String> = fields(root, source, Some(&value))
            .into_iter()
            .map(|f| f.key)
            .collect();
        assert_eq!(keys, ["type", "imageId"]);
    }
}
