use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{literal_str, resource_id, Template};

crate::declare_rule! {
    /// ## What it checks
    /// Each entry of `vmProfile.userAssignedIdentities` (API 2021-10-01 and later) is the
    /// resource ID of a user-assigned identity. With valid entries, an information reminds that
    /// the template's own identity needs the "Managed Identity Operator" role on them.
    ///
    /// ## Why it matters
    /// These identities are attached to the build VM so scripts can reach Key Vault or storage;
    /// a malformed ID is rejected, and without the role assignment the build fails when Image
    /// Builder assigns them.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "userAssignedIdentities": [ "build-vm-identity" ] } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": {} }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 11; Azure/azvmimagebuilder#23
    pub static BUILD_VM_IDENTITY = {
        code: "AIB042",
        name: "build-vm-identity",
        group: Identity,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(list) = template
        .get("/properties/vmProfile/userAssignedIdentities")
        .and_then(|v| v.as_array())
    else {
        return;
    };
    let base = template.ptr("/properties/vmProfile/userAssignedIdentities");
    let mut valid = 0;
    for (i, entry) in list.iter().enumerate() {
        let Some(id) = literal_str(Some(entry)) else {
            continue;
        };
        match resource_id::parse(id, &resource_id::USER_ASSIGNED_IDENTITY) {
            Ok(_) => valid += 1,
            Err(why) => out.push(Diagnostic::new(
                &BUILD_VM_IDENTITY,
                crate::pointer::join_index(&base, i),
                format!("`{id}` is not a user-assigned identity's resource ID: {why}"),
            )),
        }
    }
    if valid > 0 {
        out.push(
            Diagnostic::new(&BUILD_VM_IDENTITY, base, "the template's identity must be allowed to assign the build VM's identities")
                .severity(Severity::Info)
                .help("give the template's identity the Managed Identity Operator role on each of them (the az export script does)"),
        );
    }
}
