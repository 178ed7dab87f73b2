use crate::diagnostic::Diagnostic;
use crate::model::{is_expression, resource_id, Template};

crate::declare_rule! {
    /// ## What it checks
    /// Each key of `identity.userAssignedIdentities` is the full resource ID of a user-assigned
    /// managed identity (`/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`).
    /// ARM expressions as keys (`[resourceId(...)]`) are accepted.
    ///
    /// ## Why it matters
    /// A bare name or a client ID is not an identity ARM can find; the template is rejected.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "identity": { "type": "UserAssigned", "userAssignedIdentities": { "aib-identity": {} } },
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
    ///       "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib-identity": {}
    ///     }
    ///   },
    ///   "properties": {}
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 9; REST API `UserAssignedIdentities`
    pub static IDENTITY_RESOURCE_ID = {
        code: "AIB041",
        name: "identity-resource-id",
        group: Identity,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(map) = template.object("/identity/userAssignedIdentities") else {
        return;
    };
    for key in map.keys().filter(|k| !is_expression(k)) {
        let pointer = crate::pointer::join(&template.ptr("/identity/userAssignedIdentities"), key);
        if key.trim().is_empty() {
            out.push(
                Diagnostic::new(
                    &IDENTITY_RESOURCE_ID,
                    pointer,
                    "the identity's resource ID is empty",
                )
                .help(format!(
                    "write the resource ID of a user-assigned identity: `{}`",
                    resource_id::USER_ASSIGNED_IDENTITY.example()
                ))
                .at_key(),
            );
        } else if let Err(why) = resource_id::parse(key, &resource_id::USER_ASSIGNED_IDENTITY) {
            out.push(
                Diagnostic::new(
                    &IDENTITY_RESOURCE_ID,
                    pointer,
                    format!("`{key}` is not a user-assigned identity's resource ID: {why}"),
                )
                .at_key(),
            );
        }
    }
}
