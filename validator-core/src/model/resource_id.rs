//! Azure resource IDs: `/subscriptions/<id>/resourceGroups/<rg>/providers/<ns>/<type>/<name>…`.
//!
//! Template values often hold `<placeholder>` segments (`/subscriptions/<subscriptionID>/…`):
//! they match any one segment here, since `placeholder-left` reports them separately.

/// What a resource ID must look like: the provider namespace and the type/name pairs after it.
#[derive(Debug, Clone, Copy)]
pub struct IdShape {
    /// e.g. `Microsoft.Compute`; empty for a resource group ID.
    pub provider: &'static str,
    /// Resource types in order, e.g. `["galleries", "images"]`.
    pub types: &'static [&'static str],
}

impl IdShape {
    /// The expected form, for messages: `/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.Compute/images/<name>`.
    pub fn example(&self) -> String {
        let mut out = String::from("/subscriptions/<subscription>/resourceGroups/<group>");
        if !self.provider.is_empty() {
            out.push_str(&format!("/providers/{}", self.provider));
            for t in self.types {
                out.push_str(&format!("/{t}/<{}>", singular(t)));
            }
        }
        out
    }
}

/// The ID of a resource of `shape` from its parts (the inverse of [`parse`]): one name per type.
///
/// ```
/// use validator_core::model::resource_id::{compose, GALLERY_IMAGE};
/// assert_eq!(
///     compose(&GALLERY_IMAGE, "s", "rg", &["g", "i"]),
///     "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i"
/// );
/// ```
pub fn compose(
    shape: &IdShape,
    subscription: &str,
    resource_group: &str,
    names: &[&str],
) -> String {
    let mut out = format!("/subscriptions/{subscription}/resourceGroups/{resource_group}");
    if !shape.provider.is_empty() {
        out.push_str(&format!("/providers/{}", shape.provider));
        for (resource_type, name) in shape.types.iter().zip(names) {
            out.push_str(&format!("/{resource_type}/{name}"));
        }
    }
    out
}

/// What each name of a `shape` names, for a form's labels: `["gallery", "image"]`.
pub fn part_names(shape: &IdShape) -> Vec<String> {
    shape.types.iter().map(|t| singular(t)).collect()
}

fn singular(resource_type: &str) -> String {
    match resource_type {
        "galleries" => "gallery".to_owned(),
        "userAssignedIdentities" => "identity".to_owned(),
        "virtualNetworks" => "vnet".to_owned(),
        "versions" => "version".to_owned(),
        other => other.trim_end_matches('s').to_owned(),
    }
}

pub const MANAGED_IMAGE: IdShape = IdShape {
    provider: "Microsoft.Compute",
    types: &["images"],
};
pub const GALLERY_IMAGE: IdShape = IdShape {
    provider: "Microsoft.Compute",
    types: &["galleries", "images"],
};
pub const GALLERY_IMAGE_VERSION: IdShape = IdShape {
    provider: "Microsoft.Compute",
    types: &["galleries", "images", "versions"],
};
pub const SUBNET: IdShape = IdShape {
    provider: "Microsoft.Network",
    types: &["virtualNetworks", "subnets"],
};
pub const USER_ASSIGNED_IDENTITY: IdShape = IdShape {
    provider: "Microsoft.ManagedIdentity",
    types: &["userAssignedIdentities"],
};
pub const RESOURCE_GROUP: IdShape = IdShape {
    provider: "",
    types: &[],
};

/// The parts of a resource ID that matched a shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceId<'a> {
    pub subscription: &'a str,
    pub resource_group: &'a str,
    /// The names after each type, in order (`["gallery", "image", "1.0.0"]`).
    pub names: Vec<&'a str>,
}

fn is_placeholder(segment: &str) -> bool {
    segment.starts_with('<') && segment.ends_with('>')
}

fn keyword(segment: &str, expected: &str) -> bool {
    segment.eq_ignore_ascii_case(expected) || is_placeholder(segment)
}

/// Parses `text` as a resource ID of the given shape. Keywords (`subscriptions`,
/// `resourceGroups`, `providers`, types) match without regard to case, as ARM does.
/// On failure, says what is wrong in words.
pub fn parse<'a>(text: &'a str, shape: &IdShape) -> Result<ResourceId<'a>, String> {
    let expected = || format!("expected `{}`", shape.example());
    // A value that is one placeholder (`<imgBuilderId>`) is not written yet: `placeholder-left`
    // reports it.
    if is_placeholder(text) && !text[1..].contains('<') {
        let names = vec![text; shape.types.len()];
        return Ok(ResourceId {
            subscription: text,
            resource_group: text,
            names,
        });
    }
    let Some(rest) = text.strip_prefix('/') else {
        return Err(format!(
            "a resource ID starts with `/subscriptions/`; {}",
            expected()
        ));
    };
    let segments: Vec<&str> = rest.split('/').collect();
    if segments.iter().any(|s| s.is_empty()) {
        return Err(format!(
            "the ID has an empty segment (`//` or a trailing `/`); {}",
            expected()
        ));
    }
    if segments
        .iter()
        .any(|s| s.chars().any(char::is_whitespace) && !is_placeholder(s))
    {
        return Err(format!("the ID contains spaces; {}", expected()));
    }
    let want = if shape.provider.is_empty() {
        4
    } else {
        6 + 2 * shape.types.len()
    };
    if segments.len() != want {
        return Err(format!(
            "the ID has {} segments where {} are needed; {}",
            segments.len(),
            want,
            expected()
        ));
    }
    if !keyword(segments[0], "subscriptions") || !keyword(segments[2], "resourceGroups") {
        return Err(expected());
    }
    let mut names = Vec::new();
    if !shape.provider.is_empty() {
        if !keyword(segments[4], "providers") || !keyword(segments[5], shape.provider) {
            return Err(format!(
                "the ID is not of a `{}` resource; {}",
                shape.provider,
                expected()
            ));
        }
        for (i, resource_type) in shape.types.iter().enumerate() {
            let at = 6 + 2 * i;
            if !keyword(segments[at], resource_type) {
                return Err(format!(
                    "`{}` found where `{resource_type}` belongs; {}",
                    segments[at],
                    expected()
                ));
            }
            names.push(segments[at + 1]);
        }
    }
    Ok(ResourceId {
        subscription: segments[1],
        resource_group: segments[3],
        names,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composed_ids_parse_back_into_their_parts() {
        for shape in [
            MANAGED_IMAGE,
            GALLERY_IMAGE,
            GALLERY_IMAGE_VERSION,
            SUBNET,
            USER_ASSIGNED_IDENTITY,
        ] {
            let names: Vec<String> = part_names(&shape)
                .iter()
                .map(|n| format!("my-{n}"))
                .collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let id = compose(&shape, "0000-sub", "rg-images", &names);
            let parsed = parse(&id, &shape).unwrap();
            assert_eq!(
                (parsed.subscription, parsed.resource_group),
                ("0000-sub", "rg-images")
            );
            assert_eq!(parsed.names, names);
        }
    }

    #[test]
    fn parses_ids_of_each_shape() {
        let id = parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i/versions/1.0.0", &GALLERY_IMAGE_VERSION).unwrap();
        assert_eq!(id.names, vec!["g", "i", "1.0.0"]);
        assert!(parse(
            "/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/images/x",
            &MANAGED_IMAGE
        )
        .is_ok());
        assert!(parse("/subscriptions/<subscriptionID>/resourceGroups/<rgName>/providers/Microsoft.Compute/images/<imageName>", &MANAGED_IMAGE).is_ok());
        assert!(parse("/subscriptions/s/resourceGroups/rg", &RESOURCE_GROUP).is_ok());
        assert!(
            parse("<imgBuilderId>", &USER_ASSIGNED_IDENTITY).is_ok(),
            "a whole placeholder is not judged"
        );
    }

    #[test]
    fn says_what_is_wrong() {
        let err = parse(
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i",
            &GALLERY_IMAGE_VERSION,
        )
        .unwrap_err();
        assert!(err.contains("segments"), "{err}");
        let err = parse("subscriptions/s", &MANAGED_IMAGE).unwrap_err();
        assert!(err.starts_with("a resource ID starts with"), "{err}");
        let err = parse(
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/x",
            &MANAGED_IMAGE,
        )
        .unwrap_err();
        assert!(
            err.contains("`disks` found where `images` belongs"),
            "{err}"
        );
        assert!(parse(
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/a b",
            &MANAGED_IMAGE
        )
        .is_err());
    }
}
