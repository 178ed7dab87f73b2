//! Text from a file's bytes, as `aib` reads a file and as the tests and fuzz targets feed the
//! checker: UTF-16 behind its byte-order mark, otherwise UTF-8 (a UTF-8 BOM is kept; the parser
//! skips it). Pure, so the command line, the fuzz targets and the tests share one decoding.

/// The text of `bytes`, or why they are not text.
///
/// ```
/// use validator_core::decode::decode;
/// assert_eq!(decode(b"{}").unwrap(), "{}");
/// assert!(decode(&[0x7B, 0xC3, 0x28]).unwrap_err().contains("offset 1"));
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let utf16 = |rest: &[u8], little_endian: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if little_endian {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| "invalid UTF-16 text".to_owned())
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
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
    use super::decode;

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
