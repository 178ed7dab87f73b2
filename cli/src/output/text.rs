//! Text for people: `file:line:column`, code, message, the source line with a caret, help.

use annotate_snippets::{Level, Renderer, Snippet};
use validator_core::parse::LineIndex;
use validator_core::{Diagnostic, Severity};

use super::escape::escape;
use super::excerpt::excerpt;
use super::Checked;

pub fn render(checked: &[Checked], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let mut totals = validator_core::Summary::default();
    let mut unreadable = 0;
    for file in checked {
        // Unreadable files are said on standard error (`read_errors`), not among reports.
        if file.error.is_some() {
            unreadable += 1;
            continue;
        }
        // Built once per file: building it per diagnostic made output quadratic.
        let lines = LineIndex::new(&file.text);
        for d in &file.report.diagnostics {
            out.push_str(&render_one(&renderer, file, &lines, d));
            out.push_str("\n\n");
        }
        let s = file.report.summary;
        totals.errors += s.errors;
        totals.warnings += s.warnings;
        totals.infos += s.infos;
        out.push_str(&format!("{}: {}\n", escape(&file.path), counts(s)));
    }
    if checked.len() > 1 {
        out.push_str(&format!("{} files: {}", checked.len(), counts(totals)));
        if unreadable > 0 {
            out.push_str(&format!("; {unreadable} could not be read"));
        }
        out.push('\n');
    }
    out
}

/// `2 errors, 1 warning, 0 infos`
pub fn counts(s: validator_core::Summary) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}, {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info")
    )
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

fn render_one(renderer: &Renderer, file: &Checked, lines: &LineIndex, d: &Diagnostic) -> String {
    let start = d.start.unwrap_or_default();
    let path = escape(&file.path);
    let line = if start.line > 0 {
        lines.line_text(&file.text, start.line as usize)
    } else {
        &file.text[..0]
    };
    // `line` is a slice of the text, so its offset comes from the pointers, without a search.
    // The span's byte offsets are made relative to the line; a span that ends on a later line
    // underlines to the end of this one.
    let line_start = line.as_ptr() as usize - file.text.as_ptr() as usize;
    let (caret_start, caret_end) = match (d.span, d.end) {
        (Some(span), Some(end)) => {
            let caret_start = span.start.saturating_sub(line_start);
            let caret_end = if end.line == start.line {
                span.end.saturating_sub(line_start)
            } else {
                line.len()
            };
            (caret_start, caret_end)
        }
        _ => (0, line.len()),
    };
    let shown = excerpt(line, caret_start, caret_end);
    let title = escape(&d.message);
    let mut message = level(d.severity).title(&title).id(d.code);
    let label = format!("{} ({})", d.rule, escape(d.pointer_display()));
    if !shown.text.is_empty() {
        message = message.snippet(
            Snippet::source(&shown.text)
                .line_start(start.line.max(1) as usize)
                // annotate-snippets appends `:line:column` to the origin itself.
                .origin(&path)
                .annotation(level(d.severity).span(shown.caret.clone()).label(&label)),
        );
    } else {
        message = message.footer(Level::Note.title(&path));
    }
    let help = d.help.as_deref().map(escape);
    if let Some(help) = &help {
        message = message.footer(Level::Help.title(help));
    }
    let fix_note = d
        .fix
        .as_ref()
        .map(|f| format!("fix available: {}", escape(&f.description)));
    if let Some(note) = &fix_note {
        message = message.footer(Level::Note.title(note));
    }
    let related: Vec<String> = d
        .related
        .iter()
        .map(|r| match r.position {
            Some(p) => format!("{}: {}:{}:{}", escape(&r.label), path, p.line, p.column),
            None => format!("{}: {}", escape(&r.label), escape(&r.pointer)),
        })
        .collect();
    for note in &related {
        message = message.footer(Level::Note.title(note));
    }
    let rendered = renderer.render(message).to_string();
    if shown.text.is_empty() {
        rendered
    } else {
        with_column(rendered, &path, start.line.max(1), start.column.max(1))
    }
}

/// annotate-snippets counts the origin's column in the excerpt it was given, which is cut and
/// escaped; the file's column is the core's. Replaces the first (counted after the one-line
/// title, so a message cannot spoof it).
fn with_column(rendered: String, path: &str, line: u32, column: u32) -> String {
    let title_end = rendered.find('\n').unwrap_or(rendered.len());
    let needle = format!("{path}:{line}:");
    let Some(at) = rendered[title_end..].find(&needle) else {
        return rendered;
    };
    let digits = title_end + at + needle.len();
    let digits_end = rendered[digits..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(rendered.len(), |n| digits + n);
    format!("{}{column}{}", &rendered[..digits], &rendered[digits_end..])
}

trait PointerDisplay {
    fn pointer_display(&self) -> &str;
}

impl PointerDisplay for Diagnostic {
    fn pointer_display(&self) -> &str {
        if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        }
    }
}
