//! Format document on every corpus template: the same value, the same comments, and a second
//! formatting changes nothing.

mod support;

use validator_core::{format::format, parse::parse};

#[test]
fn every_corpus_template_keeps_its_value_and_comments_and_formats_once() {
    for (name, text) in support::corpus_templates() {
        let formatted = format(&text);
        assert_eq!(parse(&formatted).value, parse(&text).value, "{name}");
        let comments = |t: &str| t.matches("//").count() + t.matches("/*").count();
        assert_eq!(comments(&formatted), comments(&text), "{name}");
        assert_eq!(
            format(&formatted),
            formatted,
            "{name}: formatting twice changes nothing"
        );
    }
}
