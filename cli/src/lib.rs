//! The library behind the `aib` binary: reading template files and rendering reports, so that
//! tests and fuzz targets can call the same code the command runs.
//!
//! ```
//! use aib::output::{render, Checked, Format};
//! let checked = [Checked::new("t.json", "{\"location\": 1}".to_owned(), &Default::default())];
//! let text = render(Format::Text, &checked, false);
//! assert!(text.contains("t.json"));
//! ```

pub mod fix;
pub mod input;
pub mod lsp;
pub mod output;
