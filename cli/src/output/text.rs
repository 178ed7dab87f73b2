//! Text for people: `file:line:column`, code, message, the source line with a caret, help.

use annotate_snippets::{Level, Renderer, Snippet};
use validator_core::{Diagnostic, Severity};

use super::Checked;

pub fn render(checked: &[Checked], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let mut totals = validator_core::Summary::default();
    for file in checked {
        for d in &file.report.diagnostics {
            out.push_str(&render_one(&renderer, file, d));
            out.push_str("\n\n");
        }
        let s = file.report.summary;
        totals.errors += s.errors;
        totals.warnings += s.warnings;
        totals.infos += s.infos;
        out.push_str(&format!("{}: {}\n", file.path, counts(s)));
    }
    if checked.len() > 1 {
        out.push_str(&format!("{} files: {}\n", checked.len(), counts(totals)));
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

fn render_one(renderer: &Renderer, file: &Checked, d: &Diagnostic) -> String {
    let start = d.start.unwrap_or_default();
    // annotate-snippets appends `:line:column` to the origin itself.
    let origin = file.path.clone();
    let lines = validator_core::parse::LineIndex::new(&file.text);
    // Show only the first line of the span: templates can be megabytes on one line.
    let line = if start.line > 0 {
        lines.line_text(&file.text, start.line)
    } else {
        ""
    };
    let shown: String = line.chars().take(300).collect();
    let caret_start = shown
        .char_indices()
        .nth(start.column.saturating_sub(1))
        .map_or(shown.len(), |(i, _)| i);
    let caret_end = match (d.span, d.end) {
        (Some(_), Some(end)) if end.line == start.line => shown
            .char_indices()
            .nth(end.column.saturating_sub(1))
            .map_or(shown.len(), |(i, _)| i),
        _ => shown.len(),
    }
    .max(caret_start);
    let caret_end = if caret_end == caret_start {
        (caret_start + 1).min(shown.len().max(caret_start))
    } else {
        caret_end
    };
    let mut message = level(d.severity).title(&d.message).id(d.code);
    let label = format!("{} ({})", d.rule, d.pointer_display());
    if !shown.is_empty() {
        message = message.snippet(
            Snippet::source(&shown)
                .line_start(start.line.max(1))
                .origin(&origin)
                .annotation(level(d.severity).span(caret_start..caret_end).label(&label)),
        );
    } else {
        message = message.footer(Level::Note.title(&file.path));
    }
    if let Some(help) = &d.help {
        message = message.footer(Level::Help.title(help));
    }
    let fix_note = d
        .fix
        .as_ref()
        .map(|f| format!("fix available: {}", f.description));
    if let Some(note) = &fix_note {
        message = message.footer(Level::Note.title(note));
    }
    let related: Vec<String> = d
        .related
        .iter()
        .map(|r| match r.position {
            Some(p) => format!("{}: {}:{}:{}", r.label, file.path, p.line, p.column),
            None => format!("{}: {}", r.label, r.pointer),
        })
        .collect();
    for note in &related {
        message = message.footer(Level::Note.title(note));
    }
    let rendered = renderer.render(message).to_string();
    rendered
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
