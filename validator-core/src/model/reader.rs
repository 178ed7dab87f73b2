//! How the file reaches Azure decides what its JSON may contain, so the severity of comments
//! and trailing commas follows the program that reads it (azure-cli 2.91.0, read in its
//! source and confirmed by running it):
//!
//! - An ARM template goes through `az deployment group create --template-file`. It strips
//!   `//` and `/* */` comments, then tries `json.loads`, and when that fails, Python's
//!   `ast.literal_eval`, which accepts trailing commas but not `true`, `false` or `null`.
//!   Its parser is not strict: raw control characters in strings pass.
//! - A bare resource or request body goes through `az resource create --properties @file` or
//!   `az image builder create --image-template file`: plain `json.loads`, strict JSON.

use serde_json::Value;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Shape;

use crate::rules::syntax::{JSON_COMMENT, RAW_CONTROL_CHARACTER, TRAILING_COMMA};

/// The program that reads the file on its documented route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// `az deployment group create --template-file`.
    ArmDeployment {
        /// The file holds `true`, `false` or `null`, which the fallback parser cannot read.
        has_json_literals: bool,
    },
    /// `az resource create --properties @file`, `az image builder create --image-template`.
    StrictJson,
}

impl Reader {
    /// The reader of a file holding templates of these shapes (`None` when none was found).
    pub fn of(root: &Value, shapes: impl IntoIterator<Item = Shape>) -> Option<Reader> {
        let mut shapes = shapes.into_iter().peekable();
        shapes.peek()?;
        if shapes.any(|shape| shape == Shape::ArmResource) {
            Some(Reader::ArmDeployment {
                has_json_literals: has_json_literals(root, 0),
            })
        } else {
            Some(Reader::StrictJson)
        }
    }
}

/// Sets the severity and help of comment, trailing-comma and control-character findings for
/// the file's reader.
pub fn apply(reader: Reader, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics {
        let (severity, help) = if d.code == TRAILING_COMMA.code {
            trailing_comma(reader)
        } else if d.code == JSON_COMMENT.code {
            comment(reader)
        } else if d.code == RAW_CONTROL_CHARACTER.code {
            control_character(reader)
        } else {
            continue;
        };
        d.severity = severity;
        d.help = Some(help.into());
    }
}

fn trailing_comma(reader: Reader) -> (Severity, &'static str) {
    match reader {
        Reader::StrictJson => (
            Severity::Error,
            "`az resource create --properties @file` and `az image builder create --image-template` read the file with strict JSON and stop with \"Error parsing JSON\"",
        ),
        Reader::ArmDeployment { has_json_literals: true } => (
            Severity::Error,
            "`az deployment group create` cannot read this file (\"Failed to parse '…', please check whether it is a valid JSON format\"): strict JSON rejects the comma, and its fallback parser cannot read `true`, `false` or `null`",
        ),
        Reader::ArmDeployment { has_json_literals: false } => (
            Severity::Warning,
            "`az deployment group create` reads this file only through a fallback parser, which fails as soon as the file holds `true`, `false` or `null`; strict JSON readers reject it",
        ),
    }
}

fn comment(reader: Reader) -> (Severity, &'static str) {
    match reader {
        Reader::StrictJson => (
            Severity::Error,
            "`az resource create --properties @file` and `az image builder create --image-template` read the file with strict JSON, which has no comments, and stop with \"Error parsing JSON\"",
        ),
        Reader::ArmDeployment { .. } => (
            Severity::Info,
            "ARM templates may hold comments: `az deployment group create` removes them before parsing; tools that read strict JSON reject them",
        ),
    }
}

fn control_character(reader: Reader) -> (Severity, &'static str) {
    match reader {
        Reader::StrictJson => (
            Severity::Error,
            "`az resource create --properties @file` and `az image builder create --image-template` read the file with strict JSON and stop with \"Invalid control character\"",
        ),
        Reader::ArmDeployment { .. } => (
            Severity::Warning,
            "`az deployment group create` reads it (its parser is not strict), but strict JSON readers reject the file",
        ),
    }
}

fn has_json_literals(value: &Value, depth: usize) -> bool {
    match value {
        _ if depth > crate::parse::MAX_DEPTH => false,
        Value::Bool(_) | Value::Null => true,
        Value::Array(items) => items.iter().any(|v| has_json_literals(v, depth + 1)),
        Value::Object(map) => map.values().any(|v| has_json_literals(v, depth + 1)),
        _ => false,
    }
}
