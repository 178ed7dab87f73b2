use crate::diagnostic::Diagnostic;
use crate::model::{resource_id, Template};

crate::declare_rule! {
    /// ## What it checks
    /// `vmProfile.vnetConfig.subnetId` is the resource ID of a subnet
    /// (`…/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>`). The VNet must
    /// also be in the template's region, which the ID does not tell.
    ///
    /// ## Why it matters
    /// A VNet ID without `/subnets/<name>`, or a bare subnet name, is rejected; the build VM
    /// cannot be placed.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "vnetConfig": { "subnetId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet" } } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "vnetConfig": { "subnetId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/build" } } }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 54; seed: "vnetConfig"
    pub static SUBNET_ID = {
        code: "AIB133",
        name: "subnet-id",
        group: BuildVm,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for key in ["subnetId", "containerInstanceSubnetId"] {
        let rel = format!("/properties/vmProfile/vnetConfig/{key}");
        let Some(id) = template.str(&rel) else {
            continue;
        };
        if let Err(why) = resource_id::parse(id, &resource_id::SUBNET) {
            out.push(Diagnostic::new(
                &SUBNET_ID,
                template.ptr(&rel),
                format!("`{id}` is not a subnet ID: {why}"),
            ));
        }
    }
}
