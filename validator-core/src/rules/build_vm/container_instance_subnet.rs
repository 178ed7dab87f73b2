use crate::diagnostic::Diagnostic;
use crate::model::{resource_id, Template};

crate::declare_rule! {
    /// ## What it checks
    /// `vnetConfig.containerInstanceSubnetId` (API 2024-02-01) is given only together with
    /// `subnetId`, on the same virtual network, and names a different subnet.
    ///
    /// ## Why it matters
    /// It "may be specified only if `subnetId` is also specified and must be on the same
    /// Virtual Network as the subnet specified in `subnetId`"; the isolated build's container
    /// needs its own subnet, delegated to `Microsoft.ContainerInstance/containerGroups`.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "vnetConfig": {
    ///     "containerInstanceSubnetId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aci" } } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "vnetConfig": {
    ///     "subnetId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/build",
    ///     "containerInstanceSubnetId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aci" } } }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 55; REST API 2024-02-01 `VirtualNetworkConfig`
    pub static CONTAINER_INSTANCE_SUBNET = {
        code: "AIB134",
        name: "container-instance-subnet",
        group: BuildVm,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(aci) = template.str("/properties/vmProfile/vnetConfig/containerInstanceSubnetId")
    else {
        return;
    };
    let pointer = template.ptr("/properties/vmProfile/vnetConfig/containerInstanceSubnetId");
    let Some(build) = template.str("/properties/vmProfile/vnetConfig/subnetId") else {
        if template
            .get("/properties/vmProfile/vnetConfig/subnetId")
            .is_none()
        {
            out.push(
                Diagnostic::new(&CONTAINER_INSTANCE_SUBNET, pointer, "`containerInstanceSubnetId` is given without `subnetId`")
                    .help("an isolated build needs both: the build VM's subnet in `subnetId` and the container's subnet here, on the same VNet"),
            );
        }
        return;
    };
    let (Ok(a), Ok(b)) = (
        resource_id::parse(aci, &resource_id::SUBNET),
        resource_id::parse(build, &resource_id::SUBNET),
    ) else {
        return;
    };
    let same_vnet = a.subscription.eq_ignore_ascii_case(b.subscription)
        && a.resource_group.eq_ignore_ascii_case(b.resource_group)
        && a.names[0].eq_ignore_ascii_case(b.names[0]);
    if !same_vnet {
        out.push(
            Diagnostic::new(
                &CONTAINER_INSTANCE_SUBNET,
                pointer,
                "the container's subnet is on another VNet than `subnetId`",
            )
            .help("both subnets must be on the same virtual network"),
        );
    } else if a.names[1].eq_ignore_ascii_case(b.names[1]) {
        out.push(
            Diagnostic::new(
                &CONTAINER_INSTANCE_SUBNET,
                pointer,
                "the container and the build VM are given the same subnet",
            )
            .help("use a separate subnet delegated to Microsoft.ContainerInstance/containerGroups"),
        );
    }
}
