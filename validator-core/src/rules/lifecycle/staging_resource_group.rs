use crate::diagnostic::Diagnostic;
use crate::model::{resource_id, Template};

crate::declare_rule! {
    /// ## What it checks
    /// `stagingResourceGroup` (API 2022-02-14) is a resource group ID
    /// (`/subscriptions/<sub>/resourceGroups/<name>`), not a bare name, in the template's
    /// subscription when both are known.
    ///
    /// ## Why it matters
    /// The service rejects other forms (`BadStagingResourceGroup`). If the group already
    /// exists it must be empty, in the template's region, and the identity needs Contributor
    /// on it; one staging group serves one template only.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "stagingResourceGroup": "rg-aib-staging" }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "stagingResourceGroup": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aib-staging" }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 59; REST API `stagingResourceGroup`
    pub static STAGING_RESOURCE_GROUP = {
        code: "AIB150",
        name: "staging-resource-group",
        group: Lifecycle,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(id) = template
        .str("/properties/stagingResourceGroup")
        .filter(|s| !s.is_empty())
    else {
        return;
    };
    let pointer = template.ptr("/properties/stagingResourceGroup");
    match resource_id::parse(id, &resource_id::RESOURCE_GROUP) {
        Err(why) => out.push(
            Diagnostic::new(&STAGING_RESOURCE_GROUP, pointer, format!("`{id}` is not a resource group ID: {why}"))
                .help("write `/subscriptions/<subscription>/resourceGroups/<name>`; the group must be new or empty, in the template's region"),
        ),
        Ok(staging) => {
            // The template's subscription shows in its identity's ID.
            let template_subscription = template
                .object("/identity/userAssignedIdentities")
                .and_then(|m| m.keys().find_map(|k| resource_id::parse(k, &resource_id::USER_ASSIGNED_IDENTITY).ok().map(|i| i.subscription.to_owned())));
            if let Some(subscription) = template_subscription {
                let known = |s: &str| !s.starts_with('<');
                if known(&subscription) && known(staging.subscription) && !subscription.eq_ignore_ascii_case(staging.subscription) {
                    out.push(
                        Diagnostic::new(&STAGING_RESOURCE_GROUP, pointer, "the staging resource group is in another subscription than the template's identity")
                            .help("the staging resource group must be in the template's subscription"),
                    );
                }
            }
        }
    }
}
