//! Links that carry a template in the URL fragment, which never leaves the browser (fragments
//! are not sent to servers): the share button's compressed `#t=…`, and `#json=…`, the
//! template's text URL-encoded, which documentation authors can write and read by hand.

use base64::Engine;

const PREFIX: &str = "t=";
const JSON_PREFIX: &str = "json=";
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
    let fragment = fragment.trim_start_matches('#');
    if let Some(encoded) = fragment.strip_prefix(JSON_PREFIX) {
        return percent_encoding::percent_decode_str(encoded)
            .decode_utf8()
            .map(|text| text.into_owned())
            .map_err(|_| "the link is damaged (not UTF-8 text)".to_owned());
    }
    let data = fragment.strip_prefix(PREFIX).ok_or("not a template link")?;
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

    #[test]
    fn json_links_carry_the_text_url_encoded() {
        assert_eq!(
            decode("#json=%7B%22location%22%3A%20%22westeurope%22%7D").unwrap(),
            r#"{"location": "westeurope"}"#
        );
        // Browsers leave many characters unencoded in fragments.
        assert_eq!(decode(r#"json={"a":[1,2]}"#).unwrap(), r#"{"a":[1,2]}"#);
        assert_eq!(decode("json=%C3%A9").unwrap(), "é");
        assert!(decode("json=%FF").is_err());
    }
}
