//! An organisation's policy (`validator_core::policy`) as the form uses it: the pick-lists of
//! allowed values, the values it pre-fills, the tags it requires, the team's starters, and
//! its name for the Review section.
//!
//! The checker worker reads the policy file and sends this [`PolicyShape`]; the page never
//! compiles a policy (its regular expressions stay in the worker), so the page's own module
//! stays small. Where the page gets a policy from is `use_policy`.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use validator_core::edit::{self, Change};
use validator_core::policy::{self, Policy};

/// What the form needs of a policy, as the worker sends it:
///
/// ```json
/// {"name": "…", "version": "…", "rules": 14,
///  "allowed": [{"pointer": "/location", "values": ["westeurope"]}],
///  "prefilled": [{"pointer": "/location", "value": "westeurope"}],
///  "requiredTags": ["costCenter"],
///  "starters": [{"name": "…", "description": "…", "text": "{…}"}]}
/// ```
///
/// Kept as JSON and read through the methods below: a struct with its own `Deserialize`
/// made the page's WebAssembly 4 KiB (gzipped) larger than reading the `Value` the page can
/// already read; the fields are written in [`PolicyShape::of`] and read only here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PolicyShape(Value);

/// One of the team's starters, as the text a new template starts from.
pub struct StarterText<'s> {
    pub name: &'s str,
    pub description: Option<&'s str>,
    pub text: &'s str,
}

impl PolicyShape {
    /// The shape of a compiled policy (in the worker).
    pub fn of(policy: &Policy) -> Self {
        use validator_core::policy::Check;
        let allowed: Vec<Value> = policy
            .rules()
            .iter()
            .filter_map(|r| match &r.check {
                Check::Allowed(v) => Some(json!({"pointer": v.pointer, "values": v.values})),
                _ => None,
            })
            .collect();
        let prefilled: Vec<Value> = policy
            .prefilled()
            .into_iter()
            .map(|(pointer, value)| json!({"pointer": pointer, "value": value}))
            .collect();
        let starters: Vec<Value> = policy
            .starters()
            .iter()
            .map(|s| {
                json!({"name": s.name, "description": s.description,
                       "text": edit::to_pretty(&s.template)})
            })
            .collect();
        PolicyShape(json!({
            "name": policy.name(),
            "version": policy.version(),
            "rules": policy.rules().len(),
            "allowed": allowed,
            "prefilled": prefilled,
            "requiredTags": policy.required_tags(),
            "starters": starters,
        }))
    }

    fn text(&self, key: &str) -> &str {
        self.0[key].as_str().unwrap_or_default()
    }

    fn list(&self, key: &str) -> &[Value] {
        self.0[key].as_array().map_or(&[], Vec::as_slice)
    }

    pub fn name(&self) -> &str {
        self.text("name")
    }

    pub fn version(&self) -> &str {
        self.text("version")
    }

    /// "Contoso platform images (2026.12)".
    pub fn title(&self) -> String {
        format!("{} ({})", self.name(), self.version())
    }

    /// How many rules the policy has.
    pub fn rules(&self) -> usize {
        self.0["rules"].as_u64().unwrap_or_default() as usize
    }

    /// The values allowed at `rel` (from the template resource), for a pick-list: the first
    /// `allowed` rule's that selects it, as `Policy::allowed_values` says for the check.
    pub fn allowed_at(&self, rel: &str) -> Option<&[Value]> {
        let lists = self
            .list("allowed")
            .iter()
            .filter_map(|a| Some((a["pointer"].as_str()?, a["values"].as_array()?.as_slice())));
        policy::first_allowed(lists, rel)
    }

    /// What a new template gets filled in: each single allowed value without a wildcard, as
    /// (pointer from the template resource, value).
    pub fn prefilled(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.list("prefilled")
            .iter()
            .filter_map(|p| Some((p["pointer"].as_str()?, &p["value"])))
    }

    /// The tags every template must carry.
    pub fn required_tags(&self) -> impl Iterator<Item = &str> {
        self.list("requiredTags").iter().filter_map(Value::as_str)
    }

    /// The team's starters, in the policy's order.
    pub fn starters(&self) -> impl Iterator<Item = StarterText<'_>> {
        self.list("starters").iter().map(|s| StarterText {
            name: s["name"].as_str().unwrap_or_default(),
            description: s["description"].as_str(),
            text: s["text"].as_str().unwrap_or_default(),
        })
    }

    /// `text` (a bare template, a starter) with the policy's single allowed values filled in
    /// where it has none; everything else stays as written.
    pub fn prefill(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for (pointer, value) in self.prefilled() {
            // Leniently: a starter may carry comments.
            let present = validator_core::parse::parse(&out)
                .value
                .is_some_and(|v| v.pointer(pointer).is_some());
            if present {
                continue;
            }
            let change = Change::Set {
                pointer: pointer.to_owned(),
                value: value.clone(),
            };
            if let Ok(filled) = edit::text::apply(&out, &change) {
                out = filled;
            }
        }
        out
    }
}

/// Where the policy in use came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PolicyOrigin {
    /// `policy.json` beside the app, placed by the site's host.
    Site,
    /// Given by the user in Import to try it out (kept for this tab's session), with the
    /// file's name when it came from a file.
    Tried(Option<String>),
}

impl PolicyOrigin {
    /// How the page names it: "the site's policy.json", "the policy you tried (p.json)".
    pub fn describe(&self) -> String {
        match self {
            PolicyOrigin::Site => "the site's policy.json".into(),
            PolicyOrigin::Tried(Some(name)) => format!("the policy you are trying ({name})"),
            PolicyOrigin::Tried(None) => "the policy you are trying".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONTOSO: &str = include_str!("../../examples/policy/contoso.json");

    fn contoso() -> PolicyShape {
        PolicyShape::of(&Policy::parse(CONTOSO).unwrap())
    }

    #[test]
    fn the_shape_has_the_lists_tags_and_starters_of_the_policy() {
        let shape = contoso();
        assert_eq!(shape.title(), "Contoso platform images (2026.12)");
        assert_eq!(shape.rules(), 14);
        let sizes = shape.allowed_at("/properties/vmProfile/vmSize").unwrap();
        assert!(sizes.contains(&Value::from("Standard_D4s_v5")));
        assert_eq!(shape.allowed_at("/properties/vmProfile/osDiskSizeGB"), None);
        assert_eq!(
            shape.required_tags().collect::<Vec<_>>(),
            ["costCenter", "owner"]
        );
        let starter = shape.starters().next().unwrap();
        assert_eq!(starter.name, "Contoso Ubuntu 22.04");
        // The starter reads as a template.
        let report = validator_core::check(starter.text, &Default::default());
        assert_eq!(report.templates.len(), 1);
        // What the page receives reads back the same.
        let wire = serde_json::to_string(&shape).unwrap();
        assert_eq!(serde_json::from_str::<PolicyShape>(&wire).unwrap(), shape);
    }

    #[test]
    fn prefilling_sets_only_what_is_missing_and_keeps_the_text() {
        let policy = r#"{"name": "p", "version": "1", "rules": [
            {"id": "a", "message": "m", "allowed": {"pointer": "/location", "values": ["westeurope"]}},
            {"id": "b", "message": "m", "allowed": {"pointer": "/properties/vmProfile/vmSize", "values": ["Standard_D4s_v5"]}}]}"#;
        let shape = PolicyShape::of(&Policy::parse(policy).unwrap());
        let text = "{\n  // ours\n  \"location\": \"northeurope\",\n  \"properties\": {}\n}\n";
        let filled = shape.prefill(text);
        assert!(
            filled.starts_with("{\n  // ours\n  \"location\": \"northeurope\","),
            "{filled}"
        );
        let value = validator_core::parse::parse(&filled).value.unwrap();
        assert_eq!(
            value["properties"]["vmProfile"]["vmSize"],
            "Standard_D4s_v5"
        );
        assert_eq!(shape.prefill(&filled), filled, "nothing left to fill");
    }
}
