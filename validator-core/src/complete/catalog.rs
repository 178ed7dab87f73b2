//! Values the core's catalogues suggest for a place of the template: regions, VM sizes, and a
//! platform image's publisher, offer and SKU. The editor's completion and the form's
//! pick-lists both offer them, so the two always agree.

use serde_json::Value;

use crate::catalog::images;
use crate::catalog::regions::{self, Support};
use crate::catalog::vm_sizes::{self, Generations};

/// One suggested value and what a list says of it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The catalogue's values for the place at `tokens` (relative to the template), if one
/// applies. `template` narrows offers to the source's publisher and SKUs to its offer.
///
/// ```
/// use validator_core::complete::catalog::values_at;
/// let regions = values_at(&["location".to_owned()], None).unwrap();
/// assert!(regions.iter().any(|c| c.value == "westeurope"));
/// ```
pub fn values_at(tokens: &[String], template: Option<&Value>) -> Option<Vec<Choice>> {
    let key = tokens.last()?.as_str();
    // The object or list the value is in, past list indexes (`targetRegions/0/name`).
    let parent = tokens
        .iter()
        .rev()
        .skip(1)
        .find(|t| t.parse::<usize>().is_err())
        .map(String::as_str);
    let source = |field: &str| {
        template
            .and_then(|t| t.pointer(&format!("/properties/source/{field}")))
            .and_then(Value::as_str)
            .unwrap_or_default()
    };
    let plain = |names: &mut dyn Iterator<Item = &'static str>| {
        names
            .map(|n| Choice {
                value: n.to_owned(),
                label: n.to_owned(),
            })
            .collect()
    };
    Some(match (parent, key) {
        (_, "location") | (Some("targetRegions"), "name") => regions(),
        (_, "vmSize" | "proxyVmSize") => sizes(),
        (Some("source"), "publisher") => plain(&mut images::publishers()),
        (Some("source"), "offer") => plain(&mut images::offers(source("publisher"))),
        (Some("source"), "sku") => images::skus(source("publisher"), source("offer"))
            .map(|image| Choice {
                value: image.sku.to_owned(),
                label: image.label.to_owned(),
            })
            .collect(),
        _ => return None,
    })
}

/// Regions where Image Builder runs first, each with its display name.
fn regions() -> Vec<Choice> {
    let mut all: Vec<_> = regions::regions().collect();
    all.sort_by_key(|r| r.image_builder != Support::Available);
    all.into_iter()
        .map(|r| Choice {
            value: r.name.to_owned(),
            label: match r.image_builder {
                Support::Available => format!("{} · Image Builder runs here", r.display_name),
                Support::Preview => format!("{} · Image Builder in preview", r.display_name),
                _ => format!("{} · distribution only", r.display_name),
            },
        })
        .collect()
}

/// Every catalogued size with its vCPUs, memory and the image generations it boots.
fn sizes() -> Vec<Choice> {
    vm_sizes::sizes()
        .map(|size| {
            let generations = match size.generations() {
                Generations::Both => "Gen1 and Gen2",
                Generations::V1Only => "Gen1 only",
                Generations::V2Only => "Gen2 only",
            };
            Choice {
                value: size.name.to_owned(),
                label: format!(
                    "{} vCPUs, {} GiB, {generations}, {}",
                    size.vcpus,
                    size.memory_gib,
                    size.arch().as_str()
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at(pointer: &str, template: &Value) -> Option<Vec<Choice>> {
        values_at(&crate::pointer::tokens(pointer), Some(template))
    }

    #[test]
    fn regions_sizes_and_images_have_values() {
        let template = json!({"properties": {"source": {"publisher": "Canonical", "offer": "ubuntu-24_04-lts"}}});
        let regions = at("/location", &template).unwrap();
        assert!(regions[0].label.ends_with("Image Builder runs here"));
        assert!(regions
            .iter()
            .any(|c| c.value == "westeurope" && c.label.starts_with("West Europe")));
        let sizes = at("/properties/vmProfile/vmSize", &template).unwrap();
        assert!(sizes
            .iter()
            .any(|c| c.value == "Standard_D4s_v5" && c.label.starts_with("4 vCPUs, 16 GiB")));
        let skus = at("/properties/source/sku", &template).unwrap();
        assert!(skus.iter().any(|c| c.value == "server"), "{skus:?}");
        assert!(at("/properties/distribute/0/targetRegions/0/name", &template).is_some());
        assert_eq!(at("/properties/buildTimeoutInMinutes", &template), None);
    }
}
