//! Generated templates of the shapes that once made `check` quadratic, at any size: the scaling
//! benchmark (`benches/scaling.rs`) checks each at 100 KB, 1 MB and 10 MB and reports the
//! growth factor per 10× of input.

/// (name, what the shape stresses).
pub const SHAPES: &[(&str, &str)] = &[
    (
        "trailing-commas",
        "a customizer list where every entry and array ends with a trailing comma",
    ),
    (
        "duplicate-keys",
        "an object with many distinct keys, each written twice",
    ),
    (
        "placeholders",
        "customizers whose values are unquoted `<placeholders>`",
    ),
    (
        "warning-per-entry",
        "customizers that each get one warning (an interactive `apt-get install`)",
    ),
    (
        "long-line",
        "the trailing-commas template minified onto one line",
    ),
    (
        "deep-nesting",
        "customizer values nested 150 levels deep, some past the depth limit",
    ),
];

const HEAD: &str = r#"{
  "type": "Microsoft.VirtualMachineImages/imageTemplates",
  "apiVersion": "2022-07-01",
  "location": "westeurope",
  "identity": { "type": "UserAssigned", "userAssignedIdentities": { "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib": {} } },
  "properties": {
    "source": { "type": "PlatformImage", "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "22.04.202401010" },
    "distribute": [ { "type": "ManagedImage", "imageId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/img", "location": "westeurope", "runOutputName": "out" } ],
    "customize": [
"#;

const TAIL: &str = "\n    ]\n  }\n}\n";

/// A template of the given shape of about `bytes` bytes.
pub fn generate(shape: &str, bytes: usize) -> String {
    match shape {
        "trailing-commas" => entries(bytes, |i| {
            format!(r#"      {{ "type": "Shell", "name": "step-{i}", "inline": ["echo {i}",], }},"#)
        }),
        "duplicate-keys" => duplicate_keys(bytes),
        "placeholders" => entries(bytes, |i| {
            format!(
                r#"      {{ "type": "Shell", "name": <name-{i}>, "scriptUri": <script-uri> }},"#
            )
        }),
        "warning-per-entry" => entries(bytes, |i| {
            format!(
                r#"      {{ "type": "Shell", "name": "step-{i}", "inline": ["sudo apt-get install nginx"] }},"#
            )
        }),
        "long-line" => generate("trailing-commas", bytes).replace('\n', " "),
        "deep-nesting" => entries(bytes, |i| {
            // Every eighth entry goes past the parser's depth limit and is skipped.
            let depth = if i % 8 == 0 { 220 } else { 150 };
            format!(
                r#"      {{ "type": "Shell", "name": "step-{i}", "inline": {}"x"{} }},"#,
                "[".repeat(depth),
                "]".repeat(depth)
            )
        }),
        other => panic!("unknown shape {other}"),
    }
}

/// `HEAD`, then entries made by `entry` until the text is `bytes` long, then `TAIL`; the last
/// entry's comma is dropped (a shape with trailing commas has them inside each entry too).
fn entries(bytes: usize, entry: impl Fn(usize) -> String) -> String {
    let mut text = String::with_capacity(bytes + 1024);
    text.push_str(HEAD);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&entry(i));
        text.push('\n');
        i += 1;
    }
    if text.ends_with(",\n") {
        text.truncate(text.len() - 2);
        text.push('\n');
    }
    text.push_str(TAIL);
    text
}

fn duplicate_keys(bytes: usize) -> String {
    // Each key is written twice, in lines of about 35 bytes.
    let count = bytes / 70;
    let mut text = String::with_capacity(bytes + 1024);
    text.push_str(HEAD);
    text.push_str(r#"      { "type": "Shell", "name": "many-keys", "inline": ["echo"], "tags": {"#);
    for round in 0..2 {
        for i in 0..count {
            text.push_str(&format!("\n        \"key-{i:08}\": \"value-{round}\","));
        }
    }
    text.pop();
    text.push_str("\n      } }");
    text.push_str(TAIL);
    text
}

/// The peer the scaling bench measures beside `check`: `serde_json`'s strict parser, which
/// builds the same value (an `IndexMap` per object) and reports nothing. `None` for a text
/// that is not strict JSON, on which there is nothing to compare.
pub fn peer_parse(text: &str) -> Option<serde_json::Value> {
    serde_json::from_str(text).ok()
}
