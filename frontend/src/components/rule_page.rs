//! A rule's page (`#/rules/AIB030`): the same documentation as `aib explain`, read from the
//! checker worker, with each example ready to open in the editor as a new draft.

use yew::prelude::*;

use super::{use_checker_context, use_editor};
use crate::checker::{Request, Response};
use crate::draft_storage;
use crate::rule_docs::{Block, Inline, RuleDoc};
use crate::state::EditorAction;
use crate::use_route::to_designer;

#[derive(Properties, PartialEq)]
pub struct RulePageProps {
    /// The rule's code or name, as the address gives it.
    pub rule: AttrValue,
}

/// What the worker said of the rule: nothing yet, or its documentation if there is such a
/// rule.
type Answer = Option<Option<RuleDoc>>;

#[function_component(RulePage)]
pub fn rule_page(props: &RulePageProps) -> Html {
    let checker = use_checker_context();
    let answer = use_state(|| None::<Option<RuleDoc>>);
    let bridge = {
        let answer = answer.clone();
        let asked = props.rule.to_string();
        use_memo(props.rule.clone(), move |_| {
            answer.set(None);
            checker.fork(Callback::from(move |response| {
                if let Response::Explained { rule, doc } = response {
                    if rule == asked {
                        answer.set(Some(doc));
                    }
                }
            }))
        })
    };
    use_effect_with(props.rule.clone(), move |rule| {
        bridge.send(Request::Explain {
            rule: rule.to_string(),
        })
    });
    let heading = use_node_ref();
    {
        // The page's heading takes the focus, so a screen reader announces the new page.
        let heading = heading.clone();
        use_effect_with(((*answer).is_some(), props.rule.clone()), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    html! {
        <section class="rule-page" aria-labelledby="rule-heading">
            <p><a href="#" class="back">{ "← Back to the designer" }</a></p>
            { content(&answer, &props.rule, heading) }
        </section>
    }
}

fn content(answer: &Answer, rule: &str, heading: NodeRef) -> Html {
    match answer {
        None => html! {
            <h2 id="rule-heading" tabindex="-1" ref={heading}>{ format!("{rule} (loading…)") }</h2>
        },
        Some(None) => html! {
            <>
                <h2 id="rule-heading" tabindex="-1" ref={heading}>{ format!("No rule {rule}") }</h2>
                <p>{ "There is no rule with this code or name. Each problem links to its own rule's page." }</p>
            </>
        },
        Some(Some(doc)) => html! {
            <>
                <h2 id="rule-heading" tabindex="-1" ref={heading}>{ format!("{} {}", doc.code, doc.name) }</h2>
                <p class="rule-meta">{ format!("Severity: {} · Group: {}", doc.severity, doc.group) }</p>
                { for doc.blocks.iter().map(|block| html! { <DocBlock block={block.clone()} code={doc.code.clone()} /> }) }
            </>
        },
    }
}

#[derive(Properties, PartialEq)]
struct DocBlockProps {
    block: Block,
    code: String,
}

#[function_component(DocBlock)]
fn doc_block(props: &DocBlockProps) -> Html {
    let editor = use_editor();
    match &props.block {
        Block::Heading(inlines) => html! { <h3>{ inline_html(inlines) }</h3> },
        Block::Paragraph(inlines) => html! { <p>{ inline_html(inlines) }</p> },
        Block::List(items) => html! {
            <ul>{ for items.iter().map(|item| html! { <li>{ inline_html(item) }</li> }) }</ul>
        },
        Block::Code { info, text } => {
            // `json,invalid` or `json,valid`, maybe with options (`json,invalid,limit=64`).
            let mut flags = info.split(',');
            let caption = match (flags.next(), flags.next()) {
                (Some("json"), Some("invalid")) => Some("Flagged"),
                (Some("json"), Some("valid")) => Some("Passes"),
                _ => None,
            };
            let open = info.starts_with("json").then(|| {
                let (text, code) = (text.clone(), props.code.clone());
                let onclick = Callback::from(move |_: MouseEvent| {
                    editor.dispatch(EditorAction::OpenDraft {
                        id: draft_storage::new_id(),
                        text: text.clone(),
                        undo: Vec::new(),
                        notice: Some(format!(
                            "Opened the example of {code} as a new draft: your previous draft is under Recent drafts."
                        )),
                    });
                    to_designer();
                });
                html! { <button type="button" {onclick}>{ "Open in editor" }</button> }
            });
            html! {
                <figure class="rule-example">
                    if let Some(caption) = caption { <figcaption>{ caption }</figcaption> }
                    <pre><code>{ text }</code></pre>
                    { open.unwrap_or_default() }
                </figure>
            }
        }
    }
}

fn inline_html(inlines: &[Inline]) -> Html {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => html! { { text } },
            Inline::Code(code) => html! { <code>{ code }</code> },
            Inline::Strong(text) => html! { <strong>{ text }</strong> },
            Inline::Link { text, href } => html! {
                <a href={href.clone()} rel="noopener noreferrer">{ text }</a>
            },
        })
        .collect()
}
