use crate::diagnostic::Diagnostic;
use crate::model::{resource_id, Template};

crate::declare_rule! {
    /// ## What it checks
    /// A ManagedImage source's `imageId` is the resource ID of a managed image. (The image must
    /// also be in the template's subscription and region; that cannot be seen in the file.)
    ///
    /// ## Why it matters
    /// `Validation failed: 'ImageTemplate.properties.source': Field 'imageId' has a bad value:
    /// '/subscriptions/subscriptionID/resourceGroups/resourceGroupName/providers/Microsoft.Compute/images/imageName'.`
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "source": { "type": "ManagedImage", "imageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/gal/images/base" } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "source": { "type": "ManagedImage", "imageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/base" } }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 15; seed: "ManagedImage source"
    pub static MANAGED_IMAGE_SOURCE_ID = {
        code: "AIB053",
        name: "managed-image-source-id",
        group: Source,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    if template.source_type() != Some("ManagedImage") {
        return;
    }
    let Some(id) = template.str("/properties/source/imageId") else {
        return;
    };
    if let Err(why) = resource_id::parse(id, &resource_id::MANAGED_IMAGE) {
        let mut diagnostic = Diagnostic::new(
            &MANAGED_IMAGE_SOURCE_ID,
            template.ptr("/properties/source/imageId"),
            format!("`{id}` is not a managed image ID: {why}"),
        );
        if resource_id::parse(id, &resource_id::GALLERY_IMAGE_VERSION).is_ok() {
            diagnostic = diagnostic.help("this is a gallery image version: use a `SharedImageVersion` source with `imageVersionId`");
        }
        out.push(diagnostic);
    }
}
