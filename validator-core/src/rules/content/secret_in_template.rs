use crate::diagnostic::Diagnostic;
use crate::model::Template;

crate::declare_rule! {
    /// ## What it checks
    /// Secrets written into the template: SAS tokens (`sig=` in a URI), storage account keys
    /// (`AccountKey=`), private keys, GitHub and AWS access keys, and passwords given as
    /// literal text (`password=…`, `-Password '…'`, `--password …`,
    /// `ConvertTo-SecureString '…' -AsPlainText`) in inline commands or script and file URIs.
    /// The message names what was found without repeating it.
    ///
    /// ## Why it matters
    /// "Inline commands can be viewed in the image template definition and by Microsoft
    /// Support"; anyone who can read the template (or its exports, or a share link) gets the
    /// secret. Keep scripts in storage the identity can read, and fetch secrets on the build
    /// VM, e.g. from Key Vault with the build VM's identity.
    ///
    /// ## Example
    /// ```json,invalid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "customize": [
    ///       { "type": "Shell", "name": "setup",
    ///         "scriptUri": "https://contoso.blob.core.windows.net/scripts/setup.sh?sv=2022-11-02&sp=r&sig=Q2hhbmdlTWVQbGVhc2U%3D" }
    ///     ]
    ///   }
    /// }
    /// ```
    /// ```json,valid
    /// {
    ///   "apiVersion": "2022-07-01",
    ///   "location": "westeurope",
    ///   "properties": {
    ///     "customize": [
    ///       { "type": "Shell", "name": "setup", "scriptUri": "https://contoso.blob.core.windows.net/scripts/setup.sh" }
    ///     ]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - validation-rules.md rule 27; seed: "Do not put sensitive data in the scripts"
    pub static SECRET_IN_TEMPLATE = {
        code: "AIB161",
        name: "secret-in-template",
        group: Content,
        severity: Warning,
        check: Some(check),
    }
}

/// What kind of secret a text holds, if any.
pub(crate) fn secret_kind(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("sig=")
        && (lower.contains("sv=")
            || lower.contains("se=")
            || lower.contains("sp=")
            || lower.contains('?'))
    {
        return Some("a SAS token (`sig=`)");
    }
    if lower.contains("accountkey=") {
        return Some("a storage account key (`AccountKey=`)");
    }
    if lower.contains("-----begin") && lower.contains("private key") {
        return Some("a private key");
    }
    if has_token(text, "ghp_", 36) || text.contains("github_pat_") {
        return Some("a GitHub access token");
    }
    if has_token(text, "AKIA", 16) {
        return Some("an AWS access key");
    }
    if literal_after(&lower, &["password=", "password:", "pwd="])
        || literal_after(&lower, &["-password ", "--password ", "--password="])
    {
        return Some("a password");
    }
    if lower.contains("convertto-securestring")
        && lower.contains("-asplaintext")
        && (text.contains("'") || text.contains('"'))
    {
        return Some("a password (`ConvertTo-SecureString … -AsPlainText`)");
    }
    None
}

/// `prefix` followed by at least `len` letters or digits.
fn has_token(text: &str, prefix: &str, len: usize) -> bool {
    text.match_indices(prefix).any(|(i, _)| {
        text[i + prefix.len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count()
            >= len
    })
}

/// One of `markers` followed by a literal value (not a variable, an expression or a
/// placeholder: `$env:PW`, `%PW%`, `$(...)`, `<password>`).
fn literal_after(lower: &str, markers: &[&str]) -> bool {
    markers.iter().any(|marker| {
        lower.match_indices(marker).any(|(i, _)| {
            let rest = lower[i + marker.len()..].trim_start_matches([' ', '\'', '"']);
            let first = rest.chars().next();
            first.is_some_and(|c| {
                !matches!(c, '$' | '%' | '<' | '[' | '{' | '(' | '`' | ';' | '&' | '|')
            }) && rest
                .chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, '\'' | '"' | ';'))
                .count()
                >= 4
        })
    })
}

fn check(template: &Template, out: &mut Vec<Diagnostic>) {
    let steps = template.customizers().iter().chain(template.validators());
    for step in steps {
        for key in ["scriptUri", "sourceUri"] {
            if let Some(kind) = step.str(key).and_then(secret_kind) {
                out.push(found(step.ptr(key), kind));
            }
        }
        if let Some(lines) = step.get("inline").and_then(|v| v.as_array()) {
            for (i, line) in lines.iter().enumerate() {
                if let Some(kind) = line.as_str().and_then(secret_kind) {
                    out.push(found(
                        crate::pointer::join_index(&step.ptr("inline"), i),
                        kind,
                    ));
                }
            }
        }
    }
    if let Some(kind) = template
        .str("/properties/optimize/workload/scriptUri")
        .and_then(secret_kind)
    {
        out.push(found(
            template.ptr("/properties/optimize/workload/scriptUri"),
            kind,
        ));
    }
}

fn found(pointer: String, kind: &str) -> Diagnostic {
    Diagnostic::new(&SECRET_IN_TEMPLATE, pointer, format!("this looks like {kind} written into the template"))
        .help("anyone who can read the template sees it: keep the script in storage the template's identity can read, and fetch secrets on the build VM (e.g. from Key Vault)")
}

#[cfg(test)]
mod tests {
    use super::secret_kind;

    #[test]
    fn finds_secrets_but_not_variables() {
        assert!(
            secret_kind("https://a.blob.core.windows.net/c/s.sh?sv=2022-11-02&sig=abc%3D")
                .is_some()
        );
        assert!(
            secret_kind("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==").is_some()
        );
        assert!(secret_kind(
            "net user admin /add; $p = ConvertTo-SecureString 'P@ssw0rd!' -AsPlainText -Force"
        )
        .is_some());
        assert!(secret_kind("mysql -u root --password=S3cretValue").is_some());
        assert!(secret_kind(
            "git clone https://ghp_0123456789abcdefghijklmnopqrstuvwxyzAB@github.com/x/y"
        )
        .is_some());
        assert!(secret_kind("New-LocalUser -Name x -Password $securePassword").is_none());
        assert!(secret_kind("echo password=$PASSWORD").is_none());
        assert!(secret_kind("sudo apt-get install -y nginx").is_none());
        assert!(secret_kind("https://github.com/x/y/raw/main/setup.sh").is_none());
        assert!(secret_kind("password: <password>").is_none());
    }
}
