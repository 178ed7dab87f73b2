//! Share links: the template compressed into the URL fragment (`#t=…`), which never leaves
//! the browser (fragments are not sent to servers).

use base64::Engine;

const PREFIX: &str = "t=";
/// Links longer than this do not survive chat tools and some browsers.
pub const MAX_LINK_FRAGMENT: usize = 32 * 1024;

/// The fragment (without `#`) for a text: deflate, then URL-safe base64.
pub fn encode(text: &str) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    format!(
        "{PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed)
    )
}

/// The text in a fragment, or why it cannot be read.
pub fn decode(fragment: &str) -> Result<String, String> {
    let data = fragment
        .trim_start_matches('#')
        .strip_prefix(PREFIX)
        .ok_or("not a template link")?;
    let compressed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|_| "the link is damaged (not base64)")?;
    // Bound the inflated size so a crafted link cannot exhaust memory.
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, 16 * 1024 * 1024)
        .map_err(|_| "the link is damaged (cannot be inflated)")?;
    String::from_utf8(bytes).map_err(|_| "the link is damaged (not text)".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_any_text_and_rejects_damage() {
        for text in [
            "",
            "{\"location\": \"westeurope\"}",
            "é😀\n\"'`$!",
            &"x".repeat(100_000),
        ] {
            assert_eq!(decode(&encode(text)).unwrap(), text);
        }
        assert!(
            encode(&"{\"a\": 1}".repeat(1000)).len() < 200,
            "templates compress well"
        );
        assert!(decode("#t=!!!").is_err());
        assert!(decode("#t=AAAA").is_err());
        assert!(decode("#other").is_err());
    }
}
