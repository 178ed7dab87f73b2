//! A rule's documentation (the Markdown of its `declare_rule!`, as `aib explain` prints it)
//! as plain blocks the rule page renders with Yew: headings, paragraphs, lists and code.
//!
//! The Markdown is read by `pulldown-cmark` in the checker worker, which holds the rules; the
//! page only receives the blocks, so neither the rules nor the Markdown reader are linked into
//! it. Links are kept only when they go to the web or within the page, so a `javascript:` link
//! can never be rendered.

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};
use validator_core::policy::{self, Policy};
use validator_core::rules::RuleMeta;

/// A rule and its documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleDoc {
    pub code: String,
    pub name: String,
    pub severity: String,
    pub group: String,
    pub blocks: Vec<Block>,
}

/// One block of a rule's documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Heading(Vec<Inline>),
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
    /// A fenced example: its info string (`json,invalid`) and its text.
    Code {
        info: String,
        text: String,
    },
}

/// A run of text within a block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    Code(String),
    Strong(String),
    Link { text: String, href: String },
}

impl RuleDoc {
    pub fn of(rule: &RuleMeta) -> Self {
        RuleDoc {
            code: rule.code.to_owned(),
            name: rule.name.to_owned(),
            severity: rule.severity.as_str().to_owned(),
            group: rule.group.as_str().to_owned(),
            blocks: blocks(&rule.documentation()),
        }
    }

    /// A rule of an organisation's policy (`POL-<id>`), written by its platform team.
    pub fn of_policy_rule(policy: &Policy, rule: &policy::Rule) -> Self {
        RuleDoc {
            code: rule.code.to_string(),
            name: rule.id.clone(),
            severity: rule.severity.as_str().to_owned(),
            group: format!("policy: {}", policy.name()),
            blocks: blocks(&rule.documentation()),
        }
    }
}

/// The blocks of a Markdown text.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut reader = Reader::default();
    for event in Parser::new(markdown) {
        reader.read(event);
    }
    reader.blocks
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    /// The inline runs of the paragraph, heading or list item being read.
    inlines: Vec<Inline>,
    /// The items of the list being read.
    items: Option<Vec<Vec<Inline>>>,
    /// The code block being read: its info string and text.
    code: Option<(String, String)>,
    /// The link being read: its address and text.
    link: Option<(String, String)>,
    strong: bool,
}

impl Reader {
    fn read(&mut self, event: Event) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((info, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((info, text)) = self.code.take() {
                    self.blocks.push(Block::Code { info, text });
                }
            }
            Event::Start(Tag::List(_)) => self.items = Some(Vec::new()),
            Event::End(TagEnd::List(_)) => {
                if let Some(items) = self.items.take() {
                    self.blocks.push(Block::List(items));
                }
            }
            Event::End(TagEnd::Item) => {
                let item = std::mem::take(&mut self.inlines);
                if let Some(items) = &mut self.items {
                    items.push(item);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let heading = std::mem::take(&mut self.inlines);
                self.blocks.push(Block::Heading(heading));
            }
            // A paragraph inside a list item is part of the item.
            Event::End(TagEnd::Paragraph) if self.items.is_none() => {
                let paragraph = std::mem::take(&mut self.inlines);
                self.blocks.push(Block::Paragraph(paragraph));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.link = Some((dest_url.to_string(), String::new()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((href, text)) = self.link.take() {
                    self.inlines.push(if is_safe_link(&href) {
                        Inline::Link { text, href }
                    } else {
                        Inline::Text(text)
                    });
                }
            }
            Event::Start(Tag::Strong) => self.strong = true,
            Event::End(TagEnd::Strong) => self.strong = false,
            Event::Text(text) => self.text(&text),
            Event::Code(code) => match &mut self.link {
                Some((_, link_text)) => link_text.push_str(&code),
                None => self.inlines.push(Inline::Code(code.to_string())),
            },
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some((_, code)) = &mut self.code {
            code.push_str(text);
        } else if let Some((_, link_text)) = &mut self.link {
            link_text.push_str(text);
        } else if self.strong {
            self.inlines.push(Inline::Strong(text.to_owned()));
        } else if let Some(Inline::Text(last)) = self.inlines.last_mut() {
            last.push_str(text);
        } else {
            self.inlines.push(Inline::Text(text.to_owned()));
        }
    }
}

/// Web addresses and places within the page; never `javascript:` or `data:`.
pub fn is_safe_link(href: &str) -> bool {
    href.starts_with("https://") || href.starts_with("http://") || href.starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rules_documentation_has_its_sections_and_examples() {
        for rule in validator_core::rules::RULES.iter() {
            let doc = RuleDoc::of(rule);
            let headings: Vec<_> = doc
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Heading(inlines) => Some(inlines.clone()),
                    _ => None,
                })
                .collect();
            assert!(
                headings.contains(&vec![Inline::Text("Why it matters".into())]),
                "{}: {headings:?}",
                rule.code
            );
            assert!(
                doc.blocks.iter().any(
                    |b| matches!(b, Block::Code { info, .. } if info.starts_with("json,invalid"))
                ),
                "{} has an invalid example",
                rule.code
            );
        }
    }

    #[test]
    fn inline_code_strong_text_lists_and_links() {
        let blocks = blocks(
            "Some `code` and **bold** [docs](https://learn.microsoft.com/x).\n\n- one\n- [bad](javascript:alert(1))\n\n```json,valid\n{}\n```\n",
        );
        assert_eq!(
            blocks,
            [
                Block::Paragraph(vec![
                    Inline::Text("Some ".into()),
                    Inline::Code("code".into()),
                    Inline::Text(" and ".into()),
                    Inline::Strong("bold".into()),
                    Inline::Text(" ".into()),
                    Inline::Link {
                        text: "docs".into(),
                        href: "https://learn.microsoft.com/x".into()
                    },
                    Inline::Text(".".into()),
                ]),
                Block::List(vec![
                    vec![Inline::Text("one".into())],
                    vec![Inline::Text("bad".into())],
                ]),
                Block::Code {
                    info: "json,valid".into(),
                    text: "{}\n".into()
                },
            ]
        );
    }
}
