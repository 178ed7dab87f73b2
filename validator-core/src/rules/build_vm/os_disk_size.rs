use crate::diagnostic::Diagnostic;
use crate::model::{Os, Template};

crate::declare_rule! {
    /// ## What it checks
    /// A non-zero `osDiskSizeGB` below the usual size of marketplace images: 30 GB for Linux,
    /// 127 GB for Windows. These thresholds are this rule's heuristic, not the service's: the
    /// real limit is the source image's size, which the file does not tell. (0 keeps the
    /// source's size; a negative size is a schema error.)
    ///
    /// ## Why it matters
    /// "You can only increase the size of the OS Disk ... You cannot reduce the OS Disk size
    /// to smaller than the size from the source image": the build fails when the VM is
    /// created.
    ///
    /// ## Example
    /// ```json,invalid,os=windows
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "osDiskSizeGB": 64 } }
    /// }
    /// ```
    /// ```json,valid,os=windows
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "vmProfile": { "osDiskSizeGB": 256 } }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 53; seed: "osDiskSizeGB"
    pub static OS_DISK_SIZE = {
        code: "AIB132",
        name: "os-disk-size",
        group: BuildVm,
        severity: Warning,
        check: Some(check),
    }
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let Some(size) = template
        .get("/properties/vmProfile/osDiskSizeGB")
        .and_then(|v| v.as_i64())
    else {
        return;
    };
    let usual = match template.os {
        Some(Os::Windows) => 127,
        Some(Os::Linux) => 30,
        None => return,
    };
    if size > 0 && size < usual {
        out.push(
            Diagnostic::new(
                &OS_DISK_SIZE,
                template.ptr("/properties/vmProfile/osDiskSizeGB"),
                format!("an OS disk of {size} GB is likely smaller than the source image's"),
            )
            .help(format!(
                "the disk can only grow: use 0 to keep the source's size, or {usual} GB or more"
            )),
        );
    }
}
