crate::declare_rule! {
    /// ## What it checks
    /// A value outside the allowed set: a discriminator (`source.type`, `customize[].type`,
    /// `distribute[].type`, validator types, `versioning.scheme`) or another enumeration
    /// (`identity.type`, `storageAccountType`, `errorHandling`, `Enabled`/`Disabled`). When the
    /// value differs only by case the fix writes the right spelling.
    ///
    /// ## Why it matters
    /// Values are exact, case-sensitive strings. Older documentation wrote `sharedImage` and
    /// `managedImage`, and users got: `Validation failed: 'ImageTemplate.properties': Field
    /// 'distribute[0].type' has a bad value: ''.`
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "distribute": [
    ///       { "type": "managedImage", "runOutputName": "out", "location": "westeurope",
    ///         "imageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/img" }
    ///     ]
    ///   }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "distribute": [
    ///       { "type": "ManagedImage", "runOutputName": "out", "location": "westeurope",
    ///         "imageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/img" }
    ///     ]
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    /// **Safe** when the value differs from an allowed one only in case: writes it in the right
    /// case. `aib check --fix` applies it.
    ///
    /// ## References
    /// - MicrosoftDocs/azure-docs issues #71715, #61973 (lowercase discriminators rejected)
    pub static INVALID_ENUM_VALUE = {
        code: "AIB032",
        name: "invalid-enum-value",
        group: Schema,
        severity: Error,
        check: None,
    }
}
