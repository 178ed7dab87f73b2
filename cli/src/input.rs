//! Reads a template or policy file as text, whatever encoding an editor or shell gave it.

use std::fs::File;
use std::io::Read;
use std::sync::Arc;

use validator_core::diagnostic::size;
use validator_core::policy::Policy;
use validator_core::{Report, MAX_INPUT_BYTES};

/// Why a policy file given by path cannot be used.
#[derive(Debug)]
pub enum PolicyError {
    /// The file could not be read: the reason.
    Unreadable(String),
    /// The file was read and has errors, each placed in its text.
    Invalid { text: String, report: Report },
}

/// Reads the policy file at `path` (`-` is standard input), which may say there is no policy
/// (`null`, as the designer's `dist/policy.json` does until a team replaces it). The same for
/// `aib check`, `aib export`, `aib explain` and `aib lsp`; each says in its own way why a file
/// cannot be used.
pub fn read_policy(path: &str) -> Result<Option<Arc<Policy>>, PolicyError> {
    let text = read(path).map_err(PolicyError::Unreadable)?;
    match Policy::parse_optional(&text) {
        Ok(policy) => Ok(policy.map(Arc::new)),
        Err(report) => Err(PolicyError::Invalid { text, report }),
    }
}

/// Reads `path` (`-` is standard input) and decodes it: UTF-8 (with or without BOM), or
/// UTF-16 with a BOM, which Windows PowerShell's `Out-File` writes by default. Inputs over
/// [`MAX_INPUT_BYTES`] are refused: checking them would take many times their size in memory.
pub fn read(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        read_stdin()?
    } else {
        read_file(path)?
    };
    decode(&bytes)
}

fn read_stdin() -> Result<Vec<u8>, String> {
    let mut buffer = Vec::new();
    // One byte past the limit tells "at the limit" from "over it" without reading the rest.
    std::io::stdin()
        .lock()
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut buffer)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    if buffer.len() > MAX_INPUT_BYTES {
        return Err(over_limit());
    }
    Ok(buffer)
}

fn read_file(path: &str) -> Result<Vec<u8>, String> {
    let is_dir = || std::path::Path::new(path).is_dir();
    let file = File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        _ if is_dir() => "is a directory, not a file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => format!("cannot read: {e}"),
    })?;
    let metadata = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if metadata.is_dir() {
        return Err("is a directory, not a file".to_owned());
    }
    // The size from the metadata, before reading: a file over the limit is never loaded.
    if metadata.len() > MAX_INPUT_BYTES as u64 {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // Bounded too: a FIFO or a file still growing has no final size in its metadata.
    file.take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(over_limit());
    }
    Ok(bytes)
}

/// True when the file at `path` starts with a UTF-16 byte-order mark: `aib` reads it, but
/// writes only UTF-8, so it does not rewrite it.
pub fn is_utf16(path: &str) -> bool {
    let mut start = [0u8; 2];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut start))
        .is_ok_and(|()| matches!(start, [0xFF, 0xFE] | [0xFE, 0xFF]))
}

/// `too large (57.4 MiB); aib checks files up to 16 MiB`
fn too_large(bytes: u64) -> String {
    format!(
        "too large ({}); {}",
        size(usize::try_from(bytes).unwrap_or(usize::MAX)),
        limit_sentence()
    )
}

/// For a stream, whose size is known only once past the limit.
fn over_limit() -> String {
    format!("more than {}; {}", size(MAX_INPUT_BYTES), limit_sentence())
}

fn limit_sentence() -> String {
    format!("aib checks files up to {}", size(MAX_INPUT_BYTES))
}

/// The text of a file's bytes, as [`read`] decodes them (the core's decoding, shared with the
/// tests); public so that a fuzz target can feed arbitrary bytes through the same path as a file.
pub use validator_core::decode::decode;

#[cfg(test)]
mod tests {
    use super::too_large;

    #[test]
    fn sizes_are_said_in_mib_like_the_limit() {
        assert_eq!(
            too_large(60_200_000),
            "too large (57.4 MiB); aib checks files up to 16 MiB"
        );
    }
}
