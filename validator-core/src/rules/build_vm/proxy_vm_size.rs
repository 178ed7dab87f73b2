use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// `vnetConfig.proxyVmSize` together with `containerInstanceSubnetId` (error: an isolated
    /// build has no proxy VM), or without `subnetId` (warning: the proxy VM only exists for a
    /// build in your VNet).
    ///
    /// ## Why it matters
    /// The specification says it "must not be specified if `containerInstanceSubnetId` is
    /// specified"; the az CLI refuses it without a subnet: "Usage error: --proxy-vm-size is
    /// only configurable when --subnet is specified."
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "vnetConfig": {
    ///     "subnetId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/build",
    ///     "containerInstanceSubnetId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aci",
    ///     "proxyVmSize": "Standard_A1_v2" } } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2024-02-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "vnetConfig": {
    ///     "subnetId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/build",
    ///     "proxyVmSize": "Standard_A2_v2" } } }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 56; REST API 2024-02-01 `VirtualNetworkConfig.proxyVmSize`
    pub static PROXY_VM_SIZE = {
        code: "AIB135",
        name: "proxy-vm-size",
        group: BuildVm,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(config) = template.object("/properties/vmProfile/vnetConfig") else {
        return;
    };
    if config
        .get("proxyVmSize")
        .and_then(|v| v.as_str())
        .is_none_or(str::is_empty)
    {
        return;
    }
    let pointer = template.ptr("/properties/vmProfile/vnetConfig/proxyVmSize");
    if config.contains_key("containerInstanceSubnetId") {
        out.push(
            Diagnostic::new(
                &PROXY_VM_SIZE,
                pointer,
                "`proxyVmSize` is set for an isolated build, which has no proxy VM",
            )
            .help("remove `proxyVmSize`, or `containerInstanceSubnetId` to use a proxy VM"),
        );
    } else if !config.contains_key("subnetId") {
        out.push(
            Diagnostic::new(
                &PROXY_VM_SIZE,
                pointer,
                "`proxyVmSize` is set without `subnetId`: there is no proxy VM",
            )
            .severity(Severity::Warning)
            .help("the proxy VM exists only for builds in your VNet (`subnetId`)"),
        );
    }
}
