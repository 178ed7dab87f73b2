use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// A marketplace image that is sold with a purchase plan, used without `planInfo`. The
    /// images known to need one: bring-your-own-licence offers (`byos` in the offer), the
    /// Center for Internet Security hardened images, and other third-party publishers listed
    /// in this rule's file. (An incomplete `planInfo` is a missing required property.)
    ///
    /// ## Why it matters
    /// The build fails at the start: `(PurchasePlanNotProvided) Purchase Plan was not provided
    /// for image: ... Update the Azure Image Builder Template to include Plan Infomartion
    /// details for the source platform image.` The plan's terms must also be accepted in the
    /// subscription (`az vm image terms accept`).
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "source": { "type": "PlatformImage", "publisher": "RedHat", "offer": "rhel-byos", "sku": "rhel-lvm88", "version": "latest" } }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "source": { "type": "PlatformImage", "publisher": "RedHat", "offer": "rhel-byos", "sku": "rhel-lvm88", "version": "latest",
    ///     "planInfo": { "planName": "rhel-lvm88", "planProduct": "rhel-byos", "planPublisher": "redhat" } } }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 14; seed: "Support for Market Place Plan Information";
    ///   MicrosoftDocs/azure-docs#99954
    pub static PLAN_INFO = {
        code: "AIB052",
        name: "plan-info",
        group: Source,
        severity: Warning,
        check: Some(check),
    }
}

/// Publishers whose marketplace images all carry a purchase plan (third-party images).
const PLAN_PUBLISHERS: &[&str] = &[
    "center-for-internet-security-inc",
    "cis",
    "ntegralinc1586961136942",
    "procomputers",
    "kinvolk",
];

fn needs_plan(publisher: &str, offer: &str) -> bool {
    let publisher = publisher.to_ascii_lowercase();
    offer.to_ascii_lowercase().contains("byos") || PLAN_PUBLISHERS.contains(&publisher.as_str())
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    if template.source_type() != Some("PlatformImage")
        || template.get("/properties/source/planInfo").is_some()
    {
        return;
    }
    let (Some(publisher), Some(offer)) = (
        template.str("/properties/source/publisher"),
        template.str("/properties/source/offer"),
    ) else {
        return;
    };
    if needs_plan(publisher, offer) {
        out.push(
            Diagnostic::new(&PLAN_INFO, template.ptr("/properties/source"), format!("`{publisher}`/`{offer}` is sold with a purchase plan and `planInfo` is missing"))
                .help("add `planInfo` with planName (usually the SKU), planProduct (the offer) and planPublisher, and accept the terms once: `az vm image terms accept --publisher … --offer … --plan …`"),
        );
    }
}
