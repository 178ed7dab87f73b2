//! Writes what the ajv benchmark validates: for each benchmark template, the image template
//! resource(s) exactly as the schema check sees them, with their API version, the file's text and
//! the resource's JSON pointer in it (the vscode-json peer binds the schema there).
//! `cargo run -p validator-core --example bench_inputs > target/bench-inputs.json`

#[path = "../benches/common.rs"]
mod common;

fn main() {
    let mut inputs = Vec::new();
    for (label, file) in common::FILES {
        let text = common::read(file);
        let report = validator_core::check(&text, &Default::default());
        let document = validator_core::parse::parse(&text)
            .value
            .expect("benchmark templates parse");
        for template in &report.templates {
            let resource = validator_core::normalized_resource(&document, &template.pointer);
            inputs.push(serde_json::json!({
                "label": label,
                "text": text,
                "apiVersion": template.api_version,
                "resource": resource,
                "pointer": template.pointer,
            }));
        }
    }
    println!("{}", serde_json::to_string(&inputs).unwrap());
}
