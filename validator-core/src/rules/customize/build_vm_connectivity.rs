use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// Inline commands that can cut the service's connection to the build VM: enabling a
    /// firewall (`ufw enable`, `netsh advfirewall set … state on`, `Set-NetFirewallProfile …
    /// -Enabled True`), stopping SSH or WinRM (`systemctl stop sshd`, `Stop-Service WinRM`,
    /// `Disable-PSRemoting`), editing `sshd_config`.
    ///
    /// ## Why it matters
    /// Image Builder drives the VM over SSH (22) or WinRM (5986); when they close, the build
    /// hangs until it times out: `PACKER ERR ... Cancelling builder after context cancellation
    /// context canceled`. Do such hardening in a step that keeps those ports open, or at first
    /// boot of the VMs made from the image.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "harden", "inline": ["sudo ufw default deny incoming", "sudo ufw --force enable"] }
    ///   ] }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": { "customize": [
    ///     { "type": "Shell", "name": "harden", "inline": ["sudo ufw default deny incoming", "sudo ufw allow 22/tcp"] }
    ///   ] }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 29
    pub static BUILD_VM_CONNECTIVITY = {
        code: "AIB079",
        name: "build-vm-connectivity",
        group: Customize,
        severity: Warning,
        check: Some(check),
    }
}

/// What a line does that can cut the connection, if anything.
pub(crate) fn cuts_connection(line: &str) -> Option<&'static str> {
    let lower = line.to_ascii_lowercase();
    let has = |all: &[&str]| all.iter().all(|w| lower.contains(w));
    if has(&["ufw", "enable"]) && !has(&["ufw", "allow"]) {
        return Some("enables the ufw firewall");
    }
    if has(&["netsh", "advfirewall", "state on"])
        || (has(&["set-netfirewallprofile", "-enabled"])
            && (lower.contains("true") || lower.contains("$true")))
    {
        return Some("turns the Windows firewall on");
    }
    if has(&["disable-psremoting"])
        || (has(&["stop-service"]) && lower.contains("winrm"))
        || (has(&["set-service"]) && lower.contains("winrm") && lower.contains("disabled"))
    {
        return Some("stops WinRM");
    }
    if (lower.contains("systemctl")
        && (lower.contains("stop") || lower.contains("disable"))
        && (lower.contains("sshd") || lower.contains(" ssh")))
        || lower.contains("service ssh stop")
    {
        return Some("stops SSH");
    }
    if lower.contains("sshd_config")
        && (lower.contains("sed ") || lower.contains(">") || lower.contains("tee"))
    {
        return Some("edits the SSH server's configuration");
    }
    None
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    for step in super::script_steps(template) {
        for (i, line) in step.inline() {
            if let Some(what) = cuts_connection(line) {
                out.push(
                    Diagnostic::new(&BUILD_VM_CONNECTIVITY, crate::pointer::join_index(&step.ptr("inline"), i), format!("this command {what}: Image Builder may lose the build VM"))
                        .help("keep SSH (22) or WinRM (5986) reachable during the build, or apply this at the first boot of the VMs made from the image"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cuts_connection;

    #[test]
    fn finds_what_closes_the_door() {
        assert!(cuts_connection("sudo ufw --force enable").is_some());
        assert!(cuts_connection("netsh advfirewall set allprofiles state on").is_some());
        assert!(cuts_connection("Stop-Service -Name WinRM").is_some());
        assert!(cuts_connection("sudo systemctl stop sshd").is_some());
        assert!(
            cuts_connection("sudo sed -i 's/^#Port 22/Port 2222/' /etc/ssh/sshd_config").is_some()
        );
        assert!(cuts_connection("sudo ufw allow 22/tcp && sudo ufw --force enable").is_none());
        assert!(cuts_connection("sudo apt-get install -y ufw").is_none());
        assert!(cuts_connection("cat /etc/ssh/sshd_config").is_none());
    }
}
