//! The examples gallery: every template of the corpus of real templates whose licence allows
//! it (all of them), grouped by what it shows, each with one line saying what it teaches and
//! its source and licence. `scripts/vendor_examples.py` writes the list
//! (`static/examples/gallery.json`) and copies the files beside it (`static/examples/corpus/`);
//! the list is fetched from the page's own site when the gallery opens, and a template when it
//! is opened, so 2.4 MB of examples (and their 46 KB list) never delay the page.

use serde::Deserialize;

/// One example.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Example {
    /// Its file under `examples/corpus/`.
    pub file: String,
    pub title: String,
    pub group: String,
    pub teaches: String,
    pub repo: String,
    pub path: String,
    pub commit: String,
    pub licence: String,
}

impl Example {
    /// Where the page fetches it from (relative to the page).
    pub fn url(&self) -> String {
        format!(
            "examples/corpus/{}",
            percent_encoding::utf8_percent_encode(&self.file, percent_encoding::NON_ALPHANUMERIC)
        )
    }
}

/// Where the page fetches the list from (relative to the page).
pub const LIST_URL: &str = "examples/gallery.json";

/// The examples of `gallery.json` by group, in the gallery's order.
pub fn groups(gallery_json: &str) -> Result<Vec<(String, Vec<Example>)>, String> {
    let all: Vec<Example> =
        serde_json::from_str(gallery_json).map_err(|e| format!("the list is damaged ({e})"))?;
    let mut groups: Vec<(String, Vec<Example>)> = Vec::new();
    for example in all {
        match groups.iter_mut().find(|(g, _)| *g == example.group) {
            Some((_, members)) => members.push(example),
            None => groups.push((example.group.clone(), vec![example])),
        }
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_is_there_with_its_licence_and_opens_in_the_checker() {
        let groups = groups(include_str!("../../static/examples/gallery.json")).unwrap();
        assert_eq!(groups[0].0, "Start here: the official quickstarts");
        let examples: Vec<Example> = groups.into_iter().flat_map(|(_, e)| e).collect();
        assert_eq!(examples.len(), 79, "every corpus template is offered");
        for example in examples {
            assert!(
                ["MIT", "Apache-2.0"].contains(&example.licence.as_str()),
                "{}",
                example.file
            );
            assert!(!example.teaches.is_empty());
            let path = format!(
                "{}/../static/examples/corpus/{}",
                env!("CARGO_MANIFEST_DIR"),
                example.file
            );
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let report = validator_core::check(&text, &Default::default());
            assert!(
                !report.templates.is_empty(),
                "{}: the checker finds its template",
                example.file
            );
        }
    }
}
