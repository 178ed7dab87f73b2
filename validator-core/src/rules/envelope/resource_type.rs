use serde_json::Value;

use crate::diagnostic::{Diagnostic, Edit};
use crate::model::{Shape, Template};

const EXACT: &str = crate::model::IMAGE_TEMPLATE_TYPE;

crate::declare_rule! {
    /// ## What it checks
    /// The resource `type` is exactly `Microsoft.VirtualMachineImages/imageTemplates`. The
    /// official quickstarts write `Microsoft.VirtualMachineImages`, without `/imageTemplates`;
    /// others write `imageTemplate` or the wrong case. In an ARM template, a resource with such a
    /// type, or any resource whose `properties` hold a `source` with a `customize` or
    /// `distribute` list, is checked as the image template it plainly is.
    ///
    /// ## Why it matters
    /// Every ARM route (`az deployment group create`, Azure PowerShell, the portal, Bicep) fails
    /// on an unknown resource type. A bare resource file only works through `az resource create
    /// --is-full-object --resource-type Microsoft.VirtualMachineImages/imageTemplates`, which
    /// names the type on the command line and ignores the body's; the same file breaks on every
    /// other route, so this is an error in both shapes.
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
    /// ## Fix
    /// **Safe**: writes the one resource type Image Builder has, in its exact case. `aib check
    /// --fix` applies it.
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
    let help = if template.shape == Shape::ArmResource {
        "ARM rejects an unknown resource type, so the deployment fails before the build starts"
    } else {
        "only `az resource create --resource-type ...` ignores the body's `type`; every ARM route (a template, Bicep, Azure PowerShell) rejects it"
    };
    out.push(
        Diagnostic::new(
            &RESOURCE_TYPE,
            pointer.clone(),
            format!("`{given}` is not a resource type; did you mean `{EXACT}`?"),
        )
        .help(help)
        .safe_fix(
            format!("change to `{EXACT}`"),
            vec![Edit::Replace {
                pointer,
                value: Value::String(EXACT.to_owned()),
            }],
        ),
    );
}
