//! What deploying a template takes, read once from the template and shared by the script
//! exports: names, region, the identity and its roles, galleries to create, the build's timeout.

use serde_json::Value;

use super::{json, quote, Input, Options};
use crate::catalog::images::{source_generation, Generation};
use crate::model::resource_id::{self, IdShape};
use crate::{model, ApiVersion, Os};

/// The template's identity, as the scripts handle it.
#[derive(Debug, Clone)]
pub enum Identity {
    /// The template names one by ID; the scripts create it by name when the ID parses (a PUT of
    /// an existing identity keeps it and its principal).
    Given { id: String, parsed: Option<IdParts> },
    /// The template names none (or a placeholder or an ARM expression): the scripts create one
    /// and write its ID into the body at [`Plan::identity_sentinel`].
    Created { name: String },
}

/// The subscription, resource group and name of a resource ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdParts {
    pub subscription: String,
    pub resource_group: String,
    pub name: String,
}

impl IdParts {
    /// `--subscription` is passed only for a real subscription ID (a GUID), never a placeholder.
    pub fn subscription_guid(&self) -> Option<&str> {
        is_guid(&self.subscription).then_some(self.subscription.as_str())
    }

    /// The resource group's ID, the scope of a role assignment.
    pub fn group_scope(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}",
            self.subscription, self.resource_group
        )
    }
}

/// A gallery image definition a SharedImage target writes to (the gallery and the definition
/// must exist before the build: Image Builder does not create them).
#[derive(Debug, Clone)]
pub struct Gallery {
    pub parts: IdParts,
    pub gallery: String,
    pub definition: String,
    pub os_type: &'static str,
    pub os_known: bool,
    pub hyper_v: Generation,
    pub hyper_v_reason: String,
    pub sku: String,
    /// Pointer of the `galleryImageId`, for comments.
    pub pointer: String,
}

#[derive(Debug, Clone)]
pub struct Plan {
    /// The body as sent, with sentinels where the script writes the identity or the region.
    pub body: Value,
    pub api_version: ApiVersion,
    pub resource_group: String,
    pub template_name: String,
    pub location: String,
    /// True when the body's `location` is the script's `$location` (the template's was not a
    /// usable literal); the script then writes it into the file.
    pub location_injected: bool,
    pub identity: Identity,
    /// Resource group IDs where the identity must create or read images (targets, sources).
    pub image_role_scopes: Vec<String>,
    /// Virtual network IDs the build VM joins.
    pub network_scopes: Vec<String>,
    /// `vmProfile.userAssignedIdentities`: the identity must be their Managed Identity Operator.
    pub build_vm_identities: Vec<String>,
    /// `stagingResourceGroup`: created empty in the template's region, identity Contributor.
    pub staging_group: Option<IdParts>,
    pub galleries: Vec<Gallery>,
    /// Resource groups of ManagedImage targets (they must exist).
    pub image_groups: Vec<IdParts>,
    /// `autoRun.state` is `Enabled`: creating the template starts the build.
    pub auto_run: bool,
    /// The build timeout in minutes (the service's 240 when unset or 0).
    pub timeout_minutes: u64,
    pub has_vhd: bool,
    pub has_image_outputs: bool,
    /// `<placeholders>` left in the body.
    pub placeholders: Vec<String>,
    /// ARM expressions left in the body.
    pub expressions: Vec<String>,
    pub identity_sentinel: String,
    pub location_sentinel: String,
    /// The policy the template was checked with, for the header.
    pub policy: Option<super::PolicyNote>,
}

const DEFAULT_RESOURCE_GROUP: &str = "aib-rg";
const DEFAULT_TEMPLATE_NAME: &str = "aibImageTemplate";
const DEFAULT_IDENTITY_NAME: &str = "aib-identity";

impl Plan {
    pub fn new(input: &Input, options: &Options) -> Plan {
        let mut body = json::body(input);
        let expressions = json::expressions(input);
        let literal = |v: Option<&Value>| -> Option<String> {
            let s = v?.as_str()?;
            let s = if input.deployment.is_some() {
                if quote::is_arm_expression(s) {
                    return None;
                }
                quote::arm_unescape(s).unwrap_or_else(|| s.to_owned())
            } else {
                s.to_owned()
            };
            (!s.is_empty()).then_some(s)
        };
        let usable = |s: &String| model::placeholders(s).is_empty();

        let template_name = options
            .template_name
            .clone()
            .or_else(|| literal(input.resource.get("name")).filter(usable))
            .unwrap_or_else(|| DEFAULT_TEMPLATE_NAME.to_owned());

        let mut location_injected = false;
        let location = match (
            &options.location,
            literal(body.get("location")).filter(usable),
        ) {
            (Some(given), _) => {
                body["location"] = Value::String(given.clone());
                given.clone()
            }
            (None, Some(own)) => own,
            (None, None) => {
                location_injected = true;
                // Keep the template's placeholder as the hint of what to fill in.
                literal(body.get("location")).unwrap_or_else(|| "<region>".to_owned())
            }
        };

        // Only a template from an ARM file has expressions; elsewhere `[…]` is plain text.
        let from_arm = input.deployment.is_some();
        let is_expression = |s: &str| from_arm && quote::is_arm_expression(s);
        let identity = identity_of(&body, options, &is_expression);

        let properties = body.get("properties").cloned().unwrap_or(Value::Null);
        let mut scopes = Vec::new();
        let mut galleries = Vec::new();
        let mut image_groups = Vec::new();
        let mut has_vhd = false;
        let mut has_image_outputs = false;
        let source = properties.get("source");
        let source_type = source.and_then(|s| s.get("type")).and_then(Value::as_str);
        let source_id = match source_type {
            Some("ManagedImage") => parse_id(source, "imageId", &resource_id::MANAGED_IMAGE),
            Some("SharedImageVersion") => parse_id(
                source,
                "imageVersionId",
                &resource_id::GALLERY_IMAGE_VERSION,
            ),
            _ => None,
        };
        if let Some(parts) = source_id {
            scopes.push(parts.group_scope());
        }
        let distributors = properties.get("distribute").and_then(Value::as_array);
        for (index, target) in distributors.into_iter().flatten().enumerate() {
            match target.get("type").and_then(Value::as_str) {
                Some("ManagedImage") => {
                    has_image_outputs = true;
                    if let Some(parts) =
                        parse_id(Some(target), "imageId", &resource_id::MANAGED_IMAGE)
                    {
                        scopes.push(parts.group_scope());
                        image_groups.push(parts);
                    }
                }
                Some("SharedImage") => {
                    has_image_outputs = true;
                    let parsed = parse_gallery_image(target.get("galleryImageId"));
                    if let Some((parts, gallery, definition)) = parsed {
                        scopes.push(parts.group_scope());
                        let (hyper_v, hyper_v_reason) = hyper_v_generation(source);
                        galleries.push(Gallery {
                            parts,
                            gallery,
                            definition: definition.clone(),
                            os_type: match input.os {
                                Some(Os::Windows) => "Windows",
                                _ => "Linux",
                            },
                            os_known: input.os.is_some(),
                            hyper_v,
                            hyper_v_reason,
                            sku: source
                                .filter(|_| source_type == Some("PlatformImage"))
                                .and_then(|s| s.get("sku"))
                                .and_then(Value::as_str)
                                .filter(|s| !s.is_empty())
                                .unwrap_or(&definition)
                                .to_owned(),
                            pointer: format!("/properties/distribute/{index}/galleryImageId"),
                        });
                    }
                }
                Some("VHD") => has_vhd = true,
                _ => {}
            }
        }
        dedup(&mut scopes);
        galleries.dedup_by(|a, b| {
            a.parts == b.parts && a.gallery == b.gallery && a.definition == b.definition
        });
        image_groups.dedup();

        let vnet = properties.pointer("/vmProfile/vnetConfig");
        let mut network_scopes: Vec<String> = ["subnetId", "containerInstanceSubnetId"]
            .iter()
            .filter_map(|k| vnet?.get(*k)?.as_str())
            .filter_map(|id| {
                resource_id::parse(id, &resource_id::SUBNET)
                    .ok()
                    .map(|_| id[..id.rfind("/subnets/").unwrap_or(id.len())].to_owned())
            })
            .collect();
        dedup(&mut network_scopes);
        let build_vm_identities = properties
            .pointer("/vmProfile/userAssignedIdentities")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter(|s| !is_expression(s))
            .map(str::to_owned)
            .collect();
        let staging_group = properties
            .get("stagingResourceGroup")
            .and_then(Value::as_str)
            .and_then(|id| {
                let parsed = resource_id::parse(id, &resource_id::RESOURCE_GROUP).ok()?;
                Some(IdParts {
                    subscription: parsed.subscription.to_owned(),
                    resource_group: parsed.resource_group.to_owned(),
                    name: parsed.resource_group.to_owned(),
                })
            });
        let auto_run =
            properties.pointer("/autoRun/state").and_then(Value::as_str) == Some("Enabled");
        let timeout_minutes = properties
            .get("buildTimeoutInMinutes")
            .and_then(Value::as_u64)
            .filter(|m| *m > 0)
            .unwrap_or(240);

        let mut plan = Plan {
            body,
            api_version: input.api_version,
            resource_group: options
                .resource_group
                .clone()
                .unwrap_or_else(|| match &identity {
                    Identity::Given {
                        parsed: Some(parts),
                        ..
                    } if model::placeholders(&parts.resource_group).is_empty() => {
                        parts.resource_group.clone()
                    }
                    _ => DEFAULT_RESOURCE_GROUP.to_owned(),
                }),
            template_name,
            location,
            location_injected,
            identity,
            image_role_scopes: scopes,
            network_scopes,
            build_vm_identities,
            staging_group,
            galleries,
            image_groups,
            auto_run,
            timeout_minutes,
            has_vhd,
            has_image_outputs,
            placeholders: Vec::new(),
            expressions,
            identity_sentinel: String::new(),
            location_sentinel: String::new(),
            policy: options.policy.clone(),
        };
        // The scripts write the region and a created identity themselves.
        let created = matches!(plan.identity, Identity::Created { .. });
        plan.expressions.retain(|p| {
            !(p == "/location" && plan.location_injected || created && p.starts_with("/identity"))
        });
        plan.place_sentinels();
        plan.placeholders = json::placeholders(&plan.body);
        if plan.location_injected {
            for p in model::placeholders(&plan.location) {
                if !plan.placeholders.iter().any(|f| f == p) {
                    plan.placeholders.insert(0, p.to_owned());
                }
            }
        }
        plan
    }

    /// Puts unique markers where the script writes run-time values into the body: the created
    /// identity's ID and the region. A marker is proven absent from the rest of the text.
    fn place_sentinels(&mut self) {
        let text = quote::json_ascii(&self.body);
        let mut n = 0;
        let mut unique = |base: &str| loop {
            let candidate = format!("{base}{}", "_".repeat(n));
            n += 1;
            if !text.contains(&candidate) {
                return candidate;
            }
        };
        self.identity_sentinel = unique("AIB_IDENTITY_ID");
        self.location_sentinel = unique("AIB_LOCATION");
        if let (Identity::Created { .. }, Some(body)) = (&self.identity, self.body.as_object_mut())
        {
            let mut ids = serde_json::Map::new();
            ids.insert(
                self.identity_sentinel.clone(),
                Value::Object(Default::default()),
            );
            body.insert(
                "identity".to_owned(),
                serde_json::json!({"type": "UserAssigned", "userAssignedIdentities": ids}),
            );
        }
        if self.location_injected {
            if let Some(body) = self.body.as_object_mut() {
                body.insert(
                    "location".to_owned(),
                    Value::String(self.location_sentinel.clone()),
                );
            }
        }
    }

    /// The notes every script export starts with.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.placeholders.is_empty() {
            notes.push(format!(
                "the template still holds placeholders ({}): replace them in the template and export again",
                self.placeholders.join(", ")
            ));
        }
        if !self.expressions.is_empty() {
            notes.push(format!(
                "the template holds ARM expressions that only a deployment evaluates ({}): use the ARM export, or replace them",
                json::summarize(&self.expressions)
            ));
        }
        notes
    }
}

fn identity_of(body: &Value, options: &Options, is_expression: &dyn Fn(&str) -> bool) -> Identity {
    let ids = body
        .pointer("/identity/userAssignedIdentities")
        .and_then(Value::as_object);
    let given = ids
        .and_then(|m| m.keys().next())
        .filter(|id| !is_expression(id) && model::placeholders(id).is_empty());
    match (given, &options.identity_name) {
        (Some(id), None) => Identity::Given {
            id: id.clone(),
            parsed: resource_id::parse(id, &resource_id::USER_ASSIGNED_IDENTITY)
                .ok()
                .map(|p| IdParts {
                    subscription: p.subscription.to_owned(),
                    resource_group: p.resource_group.to_owned(),
                    name: p.names[0].to_owned(),
                }),
        },
        (_, name) => Identity::Created {
            name: name
                .clone()
                .unwrap_or_else(|| DEFAULT_IDENTITY_NAME.to_owned()),
        },
    }
}

fn parse_id(holder: Option<&Value>, key: &str, shape: &IdShape) -> Option<IdParts> {
    let id = holder?.get(key)?.as_str()?;
    let parsed = resource_id::parse(id, shape).ok()?;
    Some(IdParts {
        subscription: parsed.subscription.to_owned(),
        resource_group: parsed.resource_group.to_owned(),
        name: parsed.names.last().copied().unwrap_or_default().to_owned(),
    })
}

/// A `galleryImageId` of a definition (automatic versions) or of a version (explicit).
fn parse_gallery_image(id: Option<&Value>) -> Option<(IdParts, String, String)> {
    let id = id?.as_str()?;
    let parsed = resource_id::parse(id, &resource_id::GALLERY_IMAGE)
        .or_else(|_| resource_id::parse(id, &resource_id::GALLERY_IMAGE_VERSION))
        .ok()?;
    Some((
        IdParts {
            subscription: parsed.subscription.to_owned(),
            resource_group: parsed.resource_group.to_owned(),
            name: parsed.names[1].to_owned(),
        },
        parsed.names[0].to_owned(),
        parsed.names[1].to_owned(),
    ))
}

/// The Hyper-V generation of the source image, which the image definition must match, and
/// why: only a marketplace SKU tells (the facts are `catalog::images::generation`'s, which
/// rule AIB055 reads too).
fn hyper_v_generation(source: Option<&Value>) -> (Generation, String) {
    match source_generation(source) {
        Some((generation, sku)) => (
            generation,
            format!(
                "the source SKU `{sku}` is a generation {} image",
                &generation.as_str()[1..]
            ),
        ),
        None => (
            Generation::V2,
            "the source does not tell its generation: V2 assumed, it must match the source image"
                .to_owned(),
        ),
    }
}

fn is_guid(text: &str) -> bool {
    text.len() == 36
        && text.chars().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

fn dedup(items: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    items.retain(|s| seen.insert(s.to_ascii_lowercase()));
}
