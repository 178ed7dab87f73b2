use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::model::{ApiVersion, Template};

crate::declare_rule! {
    /// ## What it checks
    /// The template's `identity`: `type` `UserAssigned` with exactly one user-assigned
    /// identity. `None`, an empty map or several identities are errors. (A missing `identity`
    /// is reported as a missing required property from API 2020-02-14.)
    ///
    /// ## Why it matters
    /// Image Builder acts with this identity to read sources and scripts and write images, and
    /// "Supports a single identity only". Without one the service rejects the template:
    /// `Validation failed: 'ImageTemplate': Missing field 'identity'.`
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "identity": { "type": "UserAssigned", "userAssignedIdentities": {} },
    ///   "properties": {}
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "identity": {
    ///     "type": "UserAssigned",
    ///     "userAssignedIdentities": {
    ///       "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib": {}
    ///     }
    ///   },
    ///   "properties": {}
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 9; seed: "Identity"
    pub static IDENTITY_USER_ASSIGNED = {
        code: "AIB040",
        name: "identity-user-assigned",
        group: Identity,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(identity) = template.object("/identity") else {
        return;
    };
    let required = template.api_version >= ApiVersion::V2020_02_14;
    if identity.get("type").and_then(Value::as_str) == Some("None") {
        if required {
            out.push(
                Diagnostic::new(
                    &IDENTITY_USER_ASSIGNED,
                    template.ptr("/identity/type"),
                    "identity type `None` leaves Image Builder without an identity",
                )
                .help(
                    "use `UserAssigned` with the resource ID of one user-assigned managed identity",
                ),
            );
        }
        return;
    }
    let Some(map) = identity.get("userAssignedIdentities") else {
        if identity.get("type").and_then(Value::as_str) == Some("UserAssigned") {
            out.push(
                Diagnostic::new(&IDENTITY_USER_ASSIGNED, template.ptr("/identity"), "the identity names no user-assigned identity")
                    .help("add `userAssignedIdentities` with the resource ID of one identity: `{\"<identity resource ID>\": {}}`"),
            );
        }
        return;
    };
    let Some(map) = map.as_object() else { return };
    let pointer = template.ptr("/identity/userAssignedIdentities");
    match map.len() {
        1 => {}
        0 => out.push(
            Diagnostic::new(&IDENTITY_USER_ASSIGNED, pointer, "`userAssignedIdentities` is empty")
                .help("name exactly one user-assigned identity by its resource ID"),
        ),
        n => out.push(
            Diagnostic::new(&IDENTITY_USER_ASSIGNED, pointer, format!("{n} user-assigned identities: Image Builder supports exactly one"))
                .help("keep the identity Image Builder should act as; give identities for scripts to the build VM in `vmProfile.userAssignedIdentities`"),
        ),
    }
}
