//! How the template's fields map onto Az.ImageBuilder's object cmdlets and the parameters of
//! `New-AzImageBuilderTemplate` (from the module's help, `shared/reference/powershell-bicep.md`
//! §1.2-1.3), and which fields they cannot express.

use serde_json::{Map, Value};

use super::super::plan::Plan;
use super::super::quote::powershell as q;

/// PowerShell for a JSON value the cmdlets take as a plain parameter.
fn ps_value(v: &Value) -> String {
    match v {
        Value::String(text) => q(text),
        Value::Bool(b) => if *b { "$true" } else { "$false" }.to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(ps_value).collect();
            format!("@({})", parts.join(", "))
        }
        Value::Object(map) => {
            let parts: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{} = {}", q(k), ps_value(v)))
                .collect();
            format!("@{{ {} }}", parts.join("; "))
        }
        Value::Null => "$null".to_owned(),
    }
}

/// The kinds of value a cmdlet parameter takes.
#[derive(Clone, Copy)]
enum Kind {
    Str,
    Bool,
    Int,
    Strs,
    Ints,
    /// A string-to-string map (tags).
    Map,
    /// `targetRegions`: hashtables with `Name`, `ReplicaCount`, `StorageAccountType`.
    Regions,
    /// `versioning`: a versioner object.
    Versioning,
}

fn fits(kind: Kind, v: &Value) -> bool {
    // Any string: `quote::powershell` writes control characters as `[char]` codes.
    let plain_str = |v: &Value| v.is_string();
    match kind {
        Kind::Str => plain_str(v),
        Kind::Bool => v.is_boolean(),
        Kind::Int => v.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
        Kind::Strs => v.as_array().is_some_and(|a| a.iter().all(plain_str)),
        Kind::Ints => v
            .as_array()
            .is_some_and(|a| a.iter().all(|n| fits(Kind::Int, n))),
        Kind::Map => v.as_object().is_some_and(|m| {
            m.iter()
                .all(|(k, v)| plain_str(&Value::String(k.clone())) && plain_str(v))
        }),
        Kind::Regions => v.as_array().is_some_and(|a| {
            a.iter().all(|r| {
                r.as_object().is_some_and(|m| {
                    m.iter().all(|(k, v)| match k.as_str() {
                        "name" | "storageAccountType" => plain_str(v),
                        "replicaCount" => fits(Kind::Int, v),
                        _ => false,
                    })
                })
            })
        }),
        Kind::Versioning => {
            v.as_object()
                .is_some_and(|m| match m.get("scheme").and_then(Value::as_str) {
                    Some("Latest") => {
                        m.keys().all(|k| k == "scheme" || k == "major")
                            && m.get("major").is_none_or(|n| fits(Kind::Int, n))
                    }
                    Some("Source") => m.len() == 1,
                    _ => false,
                })
        }
    }
}

fn render_kind(kind: Kind, v: &Value) -> String {
    match kind {
        Kind::Regions => {
            let items: Vec<String> = v
                .as_array()
                .into_iter()
                .flatten()
                .map(|r| {
                    let parts: Vec<String> = r
                        .as_object()
                        .into_iter()
                        .flatten()
                        .map(|(k, v)| {
                            let key = match k.as_str() {
                                "name" => "Name",
                                "replicaCount" => "ReplicaCount",
                                _ => "StorageAccountType",
                            };
                            format!("{key} = {}", ps_value(v))
                        })
                        .collect();
                    format!("@{{ {} }}", parts.join("; "))
                })
                .collect();
            format!("@({})", items.join(", "))
        }
        Kind::Versioning => match v.get("scheme").and_then(Value::as_str) {
            Some("Latest") => match v.get("major") {
                Some(n) => format!(
                    "(New-AzImageBuilderTemplateDistributeVersionerLatestObject -Major {n})"
                ),
                None => "(New-AzImageBuilderTemplateDistributeVersionerLatestObject)".to_owned(),
            },
            _ => "(New-AzImageBuilderTemplateDistributeVersionerSourceObject)".to_owned(),
        },
        _ => ps_value(v),
    }
}

/// One object cmdlet: its switch by `type`, and the fields it takes.
struct ObjectCmdlet {
    cmdlet: &'static str,
    switch: &'static str,
    fields: &'static [(&'static str, &'static str, Kind)],
}

const SCRIPT_FIELDS: [(&str, &str, Kind); 4] = [
    ("name", "Name", Kind::Str),
    ("scriptUri", "ScriptUri", Kind::Str),
    ("inline", "Inline", Kind::Strs),
    ("sha256Checksum", "Sha256Checksum", Kind::Str),
];
const POWERSHELL_FIELDS: [(&str, &str, Kind); 7] = [
    SCRIPT_FIELDS[0],
    SCRIPT_FIELDS[1],
    SCRIPT_FIELDS[2],
    SCRIPT_FIELDS[3],
    ("runElevated", "RunElevated", Kind::Bool),
    ("runAsSystem", "RunAsSystem", Kind::Bool),
    ("validExitCodes", "ValidExitCode", Kind::Ints),
];

fn customizer_cmdlet(kind: &str) -> Option<ObjectCmdlet> {
    let c = "New-AzImageBuilderTemplateCustomizerObject";
    Some(match kind {
        "Shell" => ObjectCmdlet {
            cmdlet: c,
            switch: "-ShellCustomizer",
            fields: &SCRIPT_FIELDS,
        },
        "PowerShell" => ObjectCmdlet {
            cmdlet: c,
            switch: "-PowerShellCustomizer",
            fields: &POWERSHELL_FIELDS,
        },
        "File" => ObjectCmdlet {
            cmdlet: c,
            switch: "-FileCustomizer",
            fields: &[
                ("name", "Name", Kind::Str),
                ("sourceUri", "SourceUri", Kind::Str),
                ("destination", "Destination", Kind::Str),
                ("sha256Checksum", "Sha256Checksum", Kind::Str),
            ],
        },
        "WindowsRestart" => ObjectCmdlet {
            cmdlet: c,
            switch: "-RestartCustomizer",
            fields: &[
                ("name", "Name", Kind::Str),
                ("restartCommand", "RestartCommand", Kind::Str),
                ("restartCheckCommand", "RestartCheckCommand", Kind::Str),
                ("restartTimeout", "RestartTimeout", Kind::Str),
            ],
        },
        "WindowsUpdate" => ObjectCmdlet {
            cmdlet: c,
            switch: "-WindowsUpdateCustomizer",
            fields: &[
                ("name", "Name", Kind::Str),
                ("searchCriteria", "SearchCriterion", Kind::Str),
                ("filters", "Filter", Kind::Strs),
                ("updateLimit", "UpdateLimit", Kind::Int),
            ],
        },
        _ => return None,
    })
}

fn validator_cmdlet(kind: &str) -> Option<ObjectCmdlet> {
    let c = "New-AzImageBuilderTemplateValidatorObject";
    Some(match kind {
        "Shell" => ObjectCmdlet {
            cmdlet: c,
            switch: "-ShellValidator",
            fields: &SCRIPT_FIELDS,
        },
        "PowerShell" => ObjectCmdlet {
            cmdlet: c,
            switch: "-PowerShellValidator",
            fields: &POWERSHELL_FIELDS,
        },
        _ => return None,
    })
}

fn distributor_cmdlet(kind: &str) -> Option<ObjectCmdlet> {
    let c = "New-AzImageBuilderTemplateDistributorObject";
    Some(match kind {
        "ManagedImage" => ObjectCmdlet {
            cmdlet: c,
            switch: "-ManagedImageDistributor",
            fields: &[
                ("runOutputName", "RunOutputName", Kind::Str),
                ("artifactTags", "ArtifactTag", Kind::Map),
                ("imageId", "ImageId", Kind::Str),
                ("location", "Location", Kind::Str),
            ],
        },
        "SharedImage" => ObjectCmdlet {
            cmdlet: c,
            switch: "-SharedImageDistributor",
            fields: &[
                ("runOutputName", "RunOutputName", Kind::Str),
                ("artifactTags", "ArtifactTag", Kind::Map),
                ("galleryImageId", "GalleryImageId", Kind::Str),
                ("excludeFromLatest", "ExcludeFromLatest", Kind::Bool),
                ("replicationRegions", "ReplicationRegion", Kind::Strs),
                ("storageAccountType", "StorageAccountType", Kind::Str),
                ("targetRegions", "TargetRegion", Kind::Regions),
                ("versioning", "Versioning", Kind::Versioning),
            ],
        },
        "VHD" => ObjectCmdlet {
            cmdlet: c,
            switch: "-VhdDistributor",
            fields: &[
                ("runOutputName", "RunOutputName", Kind::Str),
                ("artifactTags", "ArtifactTag", Kind::Map),
                ("uri", "Uri", Kind::Str),
            ],
        },
        _ => return None,
    })
}

fn source_cmdlet(kind: &str) -> Option<ObjectCmdlet> {
    let c = "New-AzImageBuilderTemplateSourceObject";
    Some(match kind {
        "PlatformImage" => ObjectCmdlet {
            cmdlet: c,
            switch: "-PlatformImageSource",
            fields: &[
                ("publisher", "Publisher", Kind::Str),
                ("offer", "Offer", Kind::Str),
                ("sku", "Sku", Kind::Str),
                ("version", "Version", Kind::Str),
            ],
        },
        "ManagedImage" => ObjectCmdlet {
            cmdlet: c,
            switch: "-ManagedImageSource",
            fields: &[("imageId", "ImageId", Kind::Str)],
        },
        "SharedImageVersion" => ObjectCmdlet {
            cmdlet: c,
            switch: "-SharedImageVersionSource",
            fields: &[("imageVersionId", "ImageVersionId", Kind::Str)],
        },
        _ => return None,
    })
}

/// The template as object cmdlet calls and `New-AzImageBuilderTemplate` parameters, or what
/// they cannot express.
pub struct Cmdlets {
    pub source: String,
    pub customizers: Vec<String>,
    pub distributors: Vec<String>,
    pub validators: Vec<String>,
    /// Parameter name and PowerShell value, in order.
    pub parameters: Vec<(&'static str, String)>,
}

impl Cmdlets {
    pub fn build(plan: &Plan) -> Result<Cmdlets, Vec<String>> {
        let mut missing = Vec::new();
        let body = plan.body.as_object().cloned().unwrap_or_default();
        let empty = Map::new();
        let properties = body
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let mut parameters = Vec::new();
        for key in body.keys() {
            match key.as_str() {
                "location" | "identity" | "properties" => {}
                "tags" if fits(Kind::Map, &body["tags"]) => {
                    parameters.push(("Tag", ps_value(&body["tags"])))
                }
                other => missing.push(format!("`{other}`")),
            }
        }
        if let Some(identity) = body.get("identity") {
            let user_assigned = identity.get("type").and_then(Value::as_str)
                == Some("UserAssigned")
                && identity
                    .get("userAssignedIdentities")
                    .and_then(Value::as_object)
                    .is_some_and(|m| m.len() == 1)
                && identity.as_object().is_some_and(|m| m.len() == 2);
            if !user_assigned {
                missing.push("this `identity`".to_owned());
            }
        }
        let mut source = String::new();
        let mut customizers = Vec::new();
        let mut distributors = Vec::new();
        let mut validators = Vec::new();
        for (key, v) in properties {
            let at = format!("`properties.{key}`");
            match key.as_str() {
                "source" => {
                    if let Some(call) =
                        object_call(v, "properties.source", source_cmdlet, &mut missing)
                    {
                        source = call
                    }
                }
                "customize" => list(
                    v,
                    "properties.customize",
                    customizer_cmdlet,
                    &mut customizers,
                    &mut missing,
                ),
                "distribute" => list(
                    v,
                    "properties.distribute",
                    distributor_cmdlet,
                    &mut distributors,
                    &mut missing,
                ),
                "buildTimeoutInMinutes" if fits(Kind::Int, v) => {
                    parameters.push(("BuildTimeoutInMinute", ps_value(v)))
                }
                "stagingResourceGroup" if fits(Kind::Str, v) => {
                    parameters.push(("StagingResourceGroup", ps_value(v)))
                }
                "vmProfile" => flat(
                    v,
                    "properties.vmProfile",
                    &mut parameters,
                    &mut missing,
                    &[
                        ("vmSize", "VMProfileVmsize", Kind::Str),
                        ("osDiskSizeGB", "VMProfileOsdiskSizeGb", Kind::Int),
                        (
                            "userAssignedIdentities",
                            "VMProfileUserAssignedIdentity",
                            Kind::Strs,
                        ),
                    ],
                    Some((
                        "vnetConfig",
                        &[
                            ("subnetId", "VnetConfigSubnetId", Kind::Str),
                            ("proxyVmSize", "VnetConfigProxyVMSize", Kind::Str),
                        ],
                    )),
                ),
                "optimize" => flat(
                    v,
                    "properties.optimize",
                    &mut parameters,
                    &mut missing,
                    &[],
                    Some(("vmBoot", &[("state", "VMBootState", Kind::Str)])),
                ),
                "validate" => {
                    for (k, item) in v.as_object().into_iter().flatten() {
                        match k.as_str() {
                            "continueDistributeOnFailure" if item.is_boolean() => parameters
                                .push(("ValidateContinueDistributeOnFailure", ps_value(item))),
                            "sourceValidationOnly" if item.is_boolean() => {
                                parameters.push(("ValidateSourceValidationOnly", ps_value(item)))
                            }
                            "inVMValidations" => list(
                                item,
                                "properties.validate.inVMValidations",
                                validator_cmdlet,
                                &mut validators,
                                &mut missing,
                            ),
                            other => missing.push(format!("`properties.validate.{other}`")),
                        }
                    }
                }
                _ => missing.push(at),
            }
        }
        if customizers.is_empty() && missing.is_empty() {
            missing.push("a template without customizers (-Customize is mandatory)".to_owned());
        }
        if source.is_empty() && missing.is_empty() {
            missing.push("a template without a source".to_owned());
        }
        if missing.is_empty() {
            Ok(Cmdlets {
                source,
                customizers,
                distributors,
                validators,
                parameters,
            })
        } else {
            Err(missing)
        }
    }
}

/// An object cmdlet call for one `source`, customizer, validator or distributor.
fn object_call(
    v: &Value,
    at: &str,
    table: fn(&str) -> Option<ObjectCmdlet>,
    missing: &mut Vec<String>,
) -> Option<String> {
    let Some(map) = v.as_object() else {
        missing.push(format!("`{at}`"));
        return None;
    };
    let kind = map.get("type").and_then(Value::as_str).unwrap_or_default();
    let Some(cmdlet) = table(kind) else {
        missing.push(format!("`{at}` of type `{kind}`"));
        return None;
    };
    let mut call = format!("{} {}", cmdlet.cmdlet, cmdlet.switch);
    let before = missing.len();
    for (k, item) in map {
        if k == "type" {
            continue;
        }
        match cmdlet.fields.iter().find(|(key, _, _)| key == k) {
            Some((_, param, kind)) if fits(*kind, item) => {
                call.push_str(&format!(" -{param} {}", render_kind(*kind, item)));
            }
            _ => missing.push(format!("`{at}.{k}`")),
        }
    }
    (missing.len() == before).then_some(call)
}

fn list(
    v: &Value,
    at: &str,
    table: fn(&str) -> Option<ObjectCmdlet>,
    calls: &mut Vec<String>,
    missing: &mut Vec<String>,
) {
    let Some(items) = v.as_array() else {
        missing.push(format!("`{at}`"));
        return;
    };
    for (i, item) in items.iter().enumerate() {
        if let Some(call) = object_call(item, &format!("{at}[{i}]"), table, missing) {
            calls.push(call);
        }
    }
}

type Fields = &'static [(&'static str, &'static str, Kind)];

/// Fields of a nested object that map to flat parameters, with one nested level more.
fn flat(
    v: &Value,
    at: &str,
    parameters: &mut Vec<(&'static str, String)>,
    missing: &mut Vec<String>,
    fields: Fields,
    nested: Option<(&str, Fields)>,
) {
    for (k, item) in v.as_object().into_iter().flatten() {
        if let Some((_, param, kind)) = fields.iter().find(|(key, _, _)| key == k) {
            if fits(*kind, item) {
                parameters.push((param, render_kind(*kind, item)));
                continue;
            }
        }
        match nested {
            Some((name, inner)) if name == k => flat(
                item,
                &format!("{at}.{name}"),
                parameters,
                missing,
                inner,
                None,
            ),
            _ => missing.push(format!("`{at}.{k}`")),
        }
    }
}
