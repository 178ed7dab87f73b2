use serde_json::Value;

use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::model::{Shape, Template};

const EXACT: &str = "Microsoft.VirtualMachineImages/imageTemplates";

crate::declare_rule! {
    /// ## What it checks
    /// The resource `type` is exactly `Microsoft.VirtualMachineImages/imageTemplates`. The
    /// official quickstarts write `Microsoft.VirtualMachineImages`, without `/imageTemplates`.
    ///
    /// ## Why it matters
    /// In an ARM template the deployment fails on an unknown resource type (error). A bare
    /// resource file sent with `az resource create --is-full-object --resource-type
    /// Microsoft.VirtualMachineImages/imageTemplates` works, because the command line names the
    /// type and the body's `type` is ignored, but the file breaks when pasted into a template
    /// (warning).
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    ///   "contentVersion": "1.0.0.0",
    ///   "resources": [
    ///     {
    ///       "type": "Microsoft.VirtualMachineImages",
    ///       "apiVersion": "2022-07-01",
    ///       "name": "ubuntu",
    ///       "location": "westeurope",
    ///       "properties": {}
    ///     }
    ///   ]
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    ///   "contentVersion": "1.0.0.0",
    ///   "resources": [
    ///     {
    ///       "type": "Microsoft.VirtualMachineImages/imageTemplates",
    ///       "apiVersion": "2022-07-01",
    ///       "name": "ubuntu",
    ///       "location": "westeurope",
    ///       "properties": {}
    ///     }
    ///   ]
    /// }
    /// ```
    ///
    /// ## References
    /// - shared/seed/image-builder-json.md, "Type and API version"
    pub static RESOURCE_TYPE = {
        code: "AIB011",
        name: "resource-type",
        group: Envelope,
        severity: Error,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(Value::String(given)) = template.get("/type") else {
        return;
    };
    if given == EXACT || crate::model::is_expression(given) {
        return;
    }
    let pointer = template.ptr("/type");
    let severity = if template.shape == Shape::ArmResource {
        Severity::Error
    } else {
        Severity::Warning
    };
    out.push(
        Diagnostic::new(&RESOURCE_TYPE, pointer.clone(), format!("resource type `{given}` should be `{EXACT}`"))
            .severity(severity)
            .help("ARM rejects an unknown resource type; `az resource create --is-full-object` ignores the body's `type`, but the file breaks when used in a template")
            .fix(format!("change to `{EXACT}`"), vec![Edit::Replace { pointer, value: Value::String(EXACT.to_owned()) }]),
    );
}
