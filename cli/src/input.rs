//! Reads a template file as text, whatever encoding an editor or shell gave it.

use std::fs::File;
use std::io::Read;

use validator_core::MAX_INPUT_BYTES;

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

/// `too large (57.4 MiB); aib checks files up to 32 MiB`
fn too_large(bytes: u64) -> String {
    format!("too large ({}); {}", mib(bytes), limit_sentence())
}

/// For a stream, whose size is known only once past the limit.
fn over_limit() -> String {
    format!(
        "more than {}; {}",
        mib(MAX_INPUT_BYTES as u64),
        limit_sentence()
    )
}

fn limit_sentence() -> String {
    format!("aib checks files up to {}", mib(MAX_INPUT_BYTES as u64))
}

/// Binary megabytes, like the limit: `57.4 MiB`, or `32 MiB` when whole.
fn mib(bytes: u64) -> String {
    let value = bytes as f64 / (1024.0 * 1024.0);
    if bytes % (1024 * 1024) == 0 {
        format!("{value:.0} MiB")
    } else {
        format!("{value:.1} MiB")
    }
}

/// The text of a file's bytes, as [`read`] decodes them; public so that a fuzz target can feed
/// arbitrary bytes through the same path as a file.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| "invalid UTF-16 text".to_owned())
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(true),
        [0xFE, 0xFF, ..] => utf16(false),
        _ => String::from_utf8(bytes.to_vec()).map_err(|e| {
            format!(
                "not UTF-8 text (invalid byte at offset {}); save the file as UTF-8",
                e.utf8_error().valid_up_to()
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, mib, too_large};

    #[test]
    fn sizes_are_said_in_mib_like_the_limit() {
        assert_eq!(mib(32 * 1024 * 1024), "32 MiB");
        assert_eq!(
            too_large(60_200_000),
            "too large (57.4 MiB); aib checks files up to 32 MiB"
        );
    }

    #[test]
    fn decodes_utf8_and_utf16_with_bom() {
        assert_eq!(decode(b"{}").unwrap(), "{}");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("{}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), "{}");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("{}".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap(), "{}");
        assert!(decode(&[0x7B, 0xC3, 0x28])
            .unwrap_err()
            .contains("offset 1"));
    }
}
