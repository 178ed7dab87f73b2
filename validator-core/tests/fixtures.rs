//! Fixture templates per rule (`tests/fixtures/<group>/<rule-name>/{valid*,invalid*}.json`):
//! an `invalid*` file must give at least one diagnostic of its rule, a `valid*` file none, and
//! the whole report is snapshotted. A file name may carry options: `invalid@os=windows.json`,
//! `valid@api=2020-02-14.json`, `invalid@limit=64.json` (bytes).

use validator_core::{check, rules, ApiVersion, Options, Os};

fn options_from_name(stem: &str) -> Options {
    let mut options = Options::default();
    for part in stem.split('@').skip(1) {
        match part.split_once('=') {
            Some(("os", os)) => options.os = Os::parse(os),
            Some(("api", api)) => options.api_version = ApiVersion::parse(api),
            Some(("limit", bytes)) => options.max_input_bytes = bytes.parse().ok(),
            _ => panic!("unknown fixture option `{part}` in {stem}"),
        }
    }
    options
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/**/*.json", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let rule_name = path
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let rule = rules::find(&rule_name)
            .unwrap_or_else(|| panic!("fixture folder `{rule_name}` names no rule"));
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let report = check(&text, &options_from_name(&stem));
        let hits = report
            .diagnostics
            .iter()
            .filter(|d| d.code == rule.code)
            .count();
        if stem.starts_with("invalid") {
            assert!(
                hits >= 1,
                "{}: expected a {} diagnostic\n{}",
                path.display(),
                rule.code,
                report.to_compact_text()
            );
        } else {
            assert_eq!(
                hits,
                0,
                "{}: expected no {} diagnostic\n{}",
                path.display(),
                rule.code,
                report.to_compact_text()
            );
        }
        insta::assert_snapshot!(report.to_compact_text());
    });
}
