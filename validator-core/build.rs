//! Minifies the vendored schemas (`schemas/*.json`, pretty-printed so that their diffs read
//! well) into `OUT_DIR` for `schema::SCHEMA_TEXTS`. Their indentation was a fifth of the text
//! and, gzipped, half of it: the designer's page and its worker each carry all ten schemas,
//! and 13 KiB of the page's were whitespace (measured: 26.6 KB gzipped pretty, 12.7 KB
//! minified). Key order is kept (`serde_json`'s `preserve_order`): the form lists fields in
//! the schema's order.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=schemas");
    let mut names: Vec<_> = std::fs::read_dir("schemas")
        .expect("validator-core/schemas is readable")
        .map(|entry| entry.expect("a schema file").file_name())
        .filter(|name| name.to_string_lossy().ends_with(".json"))
        .collect();
    names.sort();
    for name in names {
        let path = Path::new("schemas").join(&name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("a vendored schema is UTF-8");
        let value: serde_json::Value = serde_json::from_str(&text)
            .expect("a vendored schema is JSON (derive_schemas.py --check)");
        let minified = serde_json::to_string(&value).expect("JSON writes");
        std::fs::write(Path::new(&out).join(&name), minified).expect("OUT_DIR is writable");
    }
}
