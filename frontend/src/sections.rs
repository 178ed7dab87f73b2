//! The form's sections, in the order people think about an image template.

use crate::pointers::FilePointer;

/// One section: its title, the template properties it edits (relative pointers), and the
/// official documentation of what it sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub pointers: &'static [&'static str],
    pub docs: &'static str,
}

/// A heading of the Image Builder template reference on Microsoft Learn, which most sections
/// link to (read November 2026).
macro_rules! reference {
    ($anchor:literal) => {
        concat!(
            "https://learn.microsoft.com/azure/virtual-machines/linux/image-builder-json",
            $anchor
        )
    };
}

pub const SECTIONS: &[Section] = &[
    Section {
        id: "basics",
        title: "Basics",
        pointers: &["/name", "/location", "/apiVersion", "/tags"],
        docs: reference!("#template-format"),
    },
    Section {
        id: "identity",
        title: "Identity",
        pointers: &["/identity"],
        docs:
            "https://learn.microsoft.com/azure/virtual-machines/linux/image-builder-permissions-cli",
    },
    Section {
        id: "source",
        title: "Source",
        pointers: &["/properties/source"],
        docs: reference!("#properties-source"),
    },
    Section {
        id: "build-vm",
        title: "Build VM",
        pointers: &[
            "/properties/vmProfile",
            "/properties/buildTimeoutInMinutes",
            "/properties/stagingResourceGroup",
            "/properties/autoRun",
            "/properties/managedResourceTags",
        ],
        docs: reference!("#properties-vmprofile"),
    },
    Section {
        id: "customize",
        title: "Customize",
        pointers: &["/properties/customize"],
        docs: reference!("#properties-customize"),
    },
    Section {
        id: "validate",
        title: "Validate & optimize",
        pointers: &[
            "/properties/validate",
            "/properties/optimize",
            "/properties/errorHandling",
        ],
        docs: reference!("#properties-validate"),
    },
    Section {
        id: "distribute",
        title: "Distribute",
        pointers: &["/properties/distribute"],
        docs: reference!("#properties-distribute"),
    },
    Section {
        id: "review",
        title: "Review",
        pointers: &[],
        docs: "https://learn.microsoft.com/azure/virtual-machines/image-builder-overview",
    },
];

/// The index of the section that edits `pointer` (relative to the template); anything no
/// section names (ARM-only keys, unknown properties) is shown in Review.
pub fn section_of(pointer: &str) -> usize {
    SECTIONS
        .iter()
        .position(|s| {
            s.pointers
                .iter()
                .any(|p| pointer == *p || pointer.starts_with(&format!("{p}/")))
        })
        .unwrap_or(SECTIONS.len() - 1)
}

/// The section that shows `pointer` when the template at `base` is edited: Review for what
/// lies outside that template (another template of the file, ARM parameters).
pub fn section_at(pointer: &FilePointer, base: &FilePointer) -> usize {
    pointer
        .within(base)
        .map_or(SECTIONS.len() - 1, |rel| section_of(rel.as_str()))
}

/// Where a place of the template is, in the form's words: `Distribute › 1. SharedImage ›
/// Run output name` for `/properties/distribute/0/runOutputName`. `template` gives the kinds of
/// list entries.
pub fn place_label(rel: &str, template: &serde_json::Value) -> String {
    let section = &SECTIONS[section_of(rel)];
    let mut words = vec![section.title.to_owned()];
    // The section's own property and what holds it go unsaid; so does the property itself
    // when it is the section's only one (its title names it: Customize, Distribute).
    let own = section
        .pointers
        .iter()
        .find(|p| rel == **p || rel.starts_with(&format!("{p}/")));
    let named_by_title = section.pointers.len() == 1;
    let mut at = String::new();
    for token in validator_core::pointer::tokens(rel) {
        validator_core::pointer::push_token(&mut at, &token);
        if own.is_some_and(|p| at.len() < p.len() || (at.len() == p.len() && named_by_title)) {
            continue;
        }
        words.push(match token.parse::<usize>() {
            Ok(index) => crate::entries::entry_title(
                index,
                template.pointer(&at).unwrap_or(&serde_json::Value::Null),
            ),
            // A property's name reads as its label; a map's key (an identity's ID, a tag's
            // name) is shown as written.
            Err(_) if token.chars().all(|c| c.is_ascii_alphanumeric()) => {
                crate::form::humanize(&token)
            }
            Err(_) => token,
        });
    }
    words.join(" › ")
}

/// Every pointer some section edits.
pub fn is_covered(pointer: &str) -> bool {
    section_of(pointer) != SECTIONS.len() - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_the_form_names_them() {
        let template = serde_json::json!({"properties": {"distribute": [{"type": "SharedImage", "runOutputName": "x"}]}});
        assert_eq!(
            place_label("/properties/distribute/0/runOutputName", &template),
            "Distribute › 1. SharedImage x › Run output name"
        );
        assert_eq!(place_label("/location", &template), "Basics › Location");
        assert_eq!(
            place_label("/properties/vmProfile/vmSize", &template),
            "Build VM › VM profile › VM size"
        );
        assert_eq!(place_label("/identity/type", &template), "Identity › Type");
        assert_eq!(
            place_label(
                "/identity/userAssignedIdentities/~1subscriptions~1s",
                &template
            ),
            "Identity › User assigned identities › /subscriptions/s"
        );
    }

    #[test]
    fn pointers_find_their_section() {
        assert_eq!(
            SECTIONS[section_of("/properties/customize/2/inline/0")].id,
            "customize"
        );
        assert_eq!(
            SECTIONS[section_of("/properties/vmProfile/vnetConfig/subnetId")].id,
            "build-vm"
        );
        assert_eq!(SECTIONS[section_of("/identity/type")].id, "identity");
        assert_eq!(
            SECTIONS[section_of("/properties/somethingUnknown")].id,
            "review"
        );
        assert_eq!(SECTIONS[section_of("/properties/customizeX")].id, "review");
    }

    #[test]
    fn file_pointers_find_the_section_of_the_edited_template_only() {
        let base = FilePointer::from("/resources/1");
        let at = |pointer: &str| SECTIONS[section_at(&FilePointer::from(pointer), &base)].id;
        assert_eq!(at("/resources/1/properties/customize/0/name"), "customize");
        assert_eq!(at("/resources/1/location"), "basics");
        assert_eq!(at("/resources/10/properties/customize/0/name"), "review");
        assert_eq!(at("/parameters/location"), "review");
        let bare = FilePointer::default();
        assert_eq!(
            SECTIONS[section_at(&FilePointer::from("/properties/customize/3"), &bare)].id,
            "customize"
        );
    }
}
