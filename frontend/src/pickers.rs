//! Pick-lists and builders for the values people otherwise look up elsewhere: regions, VM
//! sizes, marketplace publishers, offers and SKUs (from the core's catalogues, which the rules
//! use too), and resource IDs built from their parts. Free text is always allowed: a list
//! only suggests.

use serde_json::Value;
use validator_core::catalog::images;
use validator_core::catalog::regions::{self, Support};
use validator_core::catalog::vm_sizes::{self, Generations};
use validator_core::model::resource_id::{self, IdShape};

use crate::pointers::TemplatePointer;

/// One suggestion: what is written, and what the list says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The help a field gets to fill in its value.
#[derive(Debug, Clone, PartialEq)]
pub enum Picker {
    /// Suggestions for a text box (`<datalist>`).
    List(Vec<Choice>),
    /// A resource ID built from subscription, resource group and names.
    ResourceId(IdKind),
}

/// The kinds of resource IDs a template names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Identity,
    GalleryImage,
    ImageVersion,
    ManagedImage,
    Subnet,
}

impl IdKind {
    pub fn shape(self) -> &'static IdShape {
        match self {
            IdKind::Identity => &resource_id::USER_ASSIGNED_IDENTITY,
            IdKind::GalleryImage => &resource_id::GALLERY_IMAGE,
            IdKind::ImageVersion => &resource_id::GALLERY_IMAGE_VERSION,
            IdKind::ManagedImage => &resource_id::MANAGED_IMAGE,
            IdKind::Subnet => &resource_id::SUBNET,
        }
    }
}

/// The picker for the value at `rel` (relative to the template), if it has one.
pub fn picker_for(rel: &TemplatePointer, template: &Value) -> Option<Picker> {
    let tokens = validator_core::pointer::tokens(rel.as_str());
    let key = tokens.last()?.as_str();
    // The object or list the value is in, past list indexes (`targetRegions/0/name`).
    let parent = tokens
        .iter()
        .rev()
        .skip(1)
        .find(|t| t.parse::<usize>().is_err())
        .map(String::as_str);
    Some(match (parent, key) {
        (_, "location") | (Some("targetRegions"), "name") => Picker::List(region_choices()),
        (_, "vmSize" | "proxyVmSize") => Picker::List(size_choices()),
        (Some("source"), "publisher") => Picker::List(
            images::publishers()
                .map(|p| Choice {
                    value: p.to_owned(),
                    label: p.to_owned(),
                })
                .collect(),
        ),
        (Some("source"), "offer") => {
            let publisher = source_field(template, "publisher");
            Picker::List(
                images::offers(publisher)
                    .map(|o| Choice {
                        value: o.to_owned(),
                        label: o.to_owned(),
                    })
                    .collect(),
            )
        }
        (Some("source"), "sku") => {
            let (publisher, offer) = (
                source_field(template, "publisher"),
                source_field(template, "offer"),
            );
            Picker::List(
                images::skus(publisher, offer)
                    .map(|image| Choice {
                        value: image.sku.to_owned(),
                        label: image.label.to_owned(),
                    })
                    .collect(),
            )
        }
        (_, "galleryImageId") => Picker::ResourceId(IdKind::GalleryImage),
        (_, "imageVersionId") => Picker::ResourceId(IdKind::ImageVersion),
        (_, "imageId") => Picker::ResourceId(IdKind::ManagedImage),
        (_, "subnetId" | "containerInstanceSubnetId") => Picker::ResourceId(IdKind::Subnet),
        (Some("userAssignedIdentities"), _) => Picker::ResourceId(IdKind::Identity),
        _ => return None,
    })
}

fn source_field<'t>(template: &'t Value, key: &str) -> &'t str {
    template
        .pointer(&format!("/properties/source/{key}"))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// Regions where Image Builder runs first, each with its display name.
fn region_choices() -> Vec<Choice> {
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
fn size_choices() -> Vec<Choice> {
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

/// The subscription and resource group of the first resource ID the template holds, to start
/// a new ID from: one template's resources usually live together.
pub fn known_scope(template: &Value) -> Option<(String, String)> {
    fn find(value: &Value) -> Option<(String, String)> {
        match value {
            Value::String(s) => scope_of(s),
            Value::Array(items) => items.iter().find_map(find),
            Value::Object(map) => map
                .iter()
                .find_map(|(k, v)| scope_of(k).or_else(|| find(v))),
            _ => None,
        }
    }
    find(template)
}

fn scope_of(text: &str) -> Option<(String, String)> {
    let parsed = resource_id::parse(
        text.split("/providers/").next()?,
        &resource_id::RESOURCE_GROUP,
    )
    .ok()?;
    let written = |s: &str| !s.is_empty() && !s.starts_with('<');
    (written(parsed.subscription) && written(parsed.resource_group)).then(|| {
        (
            parsed.subscription.to_owned(),
            parsed.resource_group.to_owned(),
        )
    })
}

/// The images of the catalogue for the image pick-list, grouped by the label's first word
/// (Windows, Ubuntu, …) in catalogue order.
pub fn image_groups() -> Vec<(
    &'static str,
    Vec<(usize, &'static images::MarketplaceImage)>,
)> {
    let mut groups: Vec<(&'static str, Vec<_>)> = Vec::new();
    for (i, image) in images::IMAGES.iter().enumerate() {
        let group = image.label.split_whitespace().next().unwrap_or("Other");
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, members)) => members.push((i, image)),
            None => groups.push((group, vec![(i, image)])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn picker(rel: &str, template: &Value) -> Option<Picker> {
        picker_for(&TemplatePointer::from(rel), template)
    }

    #[test]
    fn regions_sizes_and_images_have_lists() {
        let template = json!({"properties": {"source": {"publisher": "Canonical", "offer": "ubuntu-24_04-lts"}}});
        let Some(Picker::List(regions)) = picker("/location", &template) else {
            panic!("regions")
        };
        assert!(regions[0].label.ends_with("Image Builder runs here"));
        assert!(regions
            .iter()
            .any(|c| c.value == "westeurope" && c.label.starts_with("West Europe")));
        let Some(Picker::List(sizes)) = picker("/properties/vmProfile/vmSize", &template) else {
            panic!("sizes")
        };
        assert!(sizes
            .iter()
            .any(|c| c.value == "Standard_D4s_v5" && c.label.starts_with("4 vCPUs, 16 GiB")));
        let Some(Picker::List(skus)) = picker("/properties/source/sku", &template) else {
            panic!("skus")
        };
        assert!(skus.iter().any(|c| c.value == "server"), "{skus:?}");
        assert!(picker("/properties/distribute/0/targetRegions/0/name", &template).is_some());
        assert_eq!(picker("/properties/buildTimeoutInMinutes", &template), None);
    }

    #[test]
    fn resource_ids_get_a_builder_started_from_the_templates_other_ids() {
        assert_eq!(
            picker("/properties/distribute/0/galleryImageId", &Value::Null),
            Some(Picker::ResourceId(IdKind::GalleryImage))
        );
        let template = json!({"identity": {"userAssignedIdentities": {
            "/subscriptions/1111/resourceGroups/rg-images/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib": {}
        }}});
        assert_eq!(
            known_scope(&template),
            Some(("1111".into(), "rg-images".into()))
        );
        let placeholders = json!({"x": "/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Compute/images/i"});
        assert_eq!(known_scope(&placeholders), None);
    }
}
