crate::declare_rule! {
    /// ## What it checks
    /// A property the API version requires: `location`, `properties`, `identity` (from
    /// 2020-02-14), `source`, `distribute`, `imageId` of a ManagedImage source or target,
    /// `imageVersionId` of a SharedImageVersion source, `galleryImageId`, `runOutputName`, the
    /// three `planInfo` fields, and so on.
    ///
    /// ## Why it matters
    /// The service rejects the template, e.g. `Validation failed: 'ImageTemplate': Missing field
    /// 'identity'. Please review http://aka.ms/azvmimagebuildertmplref for details on fields
    /// required in the Image Builder Template.`
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "identity": {
    ///     "type": "UserAssigned",
    ///     "userAssignedIdentities": {
    ///       "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib": {}
    ///     }
    ///   },
    ///   "properties": {
    ///     "source": { "type": "ManagedImage" },
    ///     "distribute": [ { "type": "VHD", "runOutputName": "vhd" } ]
    ///   }
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
    ///   "properties": {
    ///     "source": {
    ///       "type": "ManagedImage",
    ///       "imageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/base"
    ///     },
    ///     "distribute": [ { "type": "VHD", "runOutputName": "vhd" } ]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - REST API specification, `required` lists of each API version
    pub static MISSING_REQUIRED_PROPERTY = {
        code: "AIB033",
        name: "missing-required-property",
        group: Schema,
        severity: Error,
        check: None,
    }
}
