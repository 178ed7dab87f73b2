//! Pick-lists and builders for the values people otherwise look up elsewhere: regions, VM
//! sizes, marketplace publishers, offers and SKUs (the core's `complete::catalog`, which the
//! editor's completion offers too, from the catalogues the rules use), and resource IDs built
//! from their parts. Free text is always allowed: a list only suggests.

use serde_json::Value;
use validator_core::catalog::images;
use validator_core::complete::catalog::{self, Choice};
use validator_core::model::resource_id::{self, IdShape};

use crate::pointers::TemplatePointer;

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
    if let Some(choices) = catalog::values_at(&tokens, Some(template)) {
        return Some(Picker::List(choices));
    }
    let key = tokens.last()?.as_str();
    let parent = tokens.len().checked_sub(2).map(|i| tokens[i].as_str());
    Some(Picker::ResourceId(match (parent, key) {
        (_, "galleryImageId") => IdKind::GalleryImage,
        (_, "imageVersionId") => IdKind::ImageVersion,
        (_, "imageId") => IdKind::ManagedImage,
        (_, "subnetId" | "containerInstanceSubnetId") => IdKind::Subnet,
        // A key of the template's identities, or an item of the build VM's list of them.
        (Some("userAssignedIdentities"), _) => IdKind::Identity,
        _ => return None,
    }))
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
    fn catalogue_places_get_lists_and_resource_ids_get_builders() {
        let Some(Picker::List(regions)) = picker("/location", &Value::Null) else {
            panic!("a region list")
        };
        assert!(regions.iter().any(|c| c.value == "westeurope"));
        assert_eq!(
            picker("/properties/buildTimeoutInMinutes", &Value::Null),
            None
        );
        assert_eq!(
            picker(
                "/properties/vmProfile/userAssignedIdentities/0",
                &Value::Null
            ),
            Some(Picker::ResourceId(IdKind::Identity))
        );
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
