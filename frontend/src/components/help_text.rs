//! Help text as it reads in the specification and the rules: plain text with Markdown links
//! (`[Windows Update customizer](https://…)`) and `code`. Rendered as links and code, never as
//! raw brackets. Only these two marks occur in help, so a full Markdown reader (which the
//! checker worker has, for rule pages) would cost the page's first load for nothing.

use yew::prelude::*;

use crate::rule_docs::is_safe_link;

/// A run of help text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'t> {
    Text(&'t str),
    Code(&'t str),
    Link { text: &'t str, href: &'t str },
}

/// The runs of `help`; what is not a well-formed link or code span stays text.
pub fn segments(help: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = help;
    while let Some(start) = rest.find(['[', '`']) {
        let (before, from) = rest.split_at(start);
        let found = match from.strip_prefix('`') {
            Some(code) => code
                .find('`')
                .map(|end| (Segment::Code(&code[..end]), 2 + end)),
            None => link(from),
        };
        match found {
            Some((segment, len)) => {
                if !before.is_empty() {
                    out.push(Segment::Text(before));
                }
                out.push(segment);
                rest = &from[len..];
            }
            None => {
                out.push(Segment::Text(&rest[..start + 1]));
                rest = &rest[start + 1..];
            }
        }
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    out
}

/// `[text](href)` at the start of `from`, and its length.
fn link(from: &str) -> Option<(Segment<'_>, usize)> {
    let close = from.find("](")?;
    let end = close + 2 + from[close + 2..].find(')')?;
    let (text, href) = (&from[1..close], &from[close + 2..end]);
    (is_safe_link(href) && !text.contains(['[', ']']))
        .then_some((Segment::Link { text, href }, end + 1))
}

/// `help` as HTML: links open in a new tab, so the work on screen stays.
pub fn help_html(help: &str) -> Html {
    segments(help)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => html! { { text } },
            Segment::Code(code) => html! { <code>{ code }</code> },
            Segment::Link { text, href } => html! {
                <a href={href.to_owned()} target="_blank" rel="noopener noreferrer">{ text }</a>
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_code_become_their_own_runs() {
        assert_eq!(
            segments("Image Publisher in [Azure Marketplace](https://learn.microsoft.com/x). Use `latest`."),
            [
                Segment::Text("Image Publisher in "),
                Segment::Link { text: "Azure Marketplace", href: "https://learn.microsoft.com/x" },
                Segment::Text(". Use "),
                Segment::Code("latest"),
                Segment::Text("."),
            ]
        );
    }

    #[test]
    fn brackets_that_are_not_links_stay_text() {
        let joined = |help| {
            segments(help)
                .into_iter()
                .map(|s| match s {
                    Segment::Text(t) => t.to_owned(),
                    other => format!("{other:?}"),
                })
                .collect::<String>()
        };
        for help in [
            "a [b] c",
            "[x](javascript:alert(1))",
            "an open ` tick",
            "[unclosed](https://a",
        ] {
            assert_eq!(joined(help), help);
        }
    }
}
