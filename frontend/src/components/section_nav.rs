//! The list of sections, with the number of problems in each.

use validator_core::{pointer, Severity};
use yew::prelude::*;

use super::{use_form_editor, use_navigation};
use crate::sections::{section_of, SECTIONS};

#[function_component(SectionNav)]
pub fn section_nav() -> Html {
    let editor = use_form_editor();
    let navigation = use_navigation();
    let base = editor.template_base();
    let mut errors = vec![0usize; SECTIONS.len()];
    for d in editor
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        if let Some(rel) = pointer::relative_to(&d.pointer, base.as_str()) {
            errors[section_of(rel)] += 1;
        }
    }
    html! {
        <nav class="sections" aria-label="Sections">
            <ol>
                { for SECTIONS.iter().enumerate().map(|(i, section)| {
                    let open = navigation.open_section.reform(move |_: MouseEvent| i);
                    let current = (navigation.section == i).then_some("step");
                    html! {
                        <li>
                            <button type="button" class={classes!((navigation.section == i).then_some("active"))} aria-current={current} onclick={open}>
                                { section.title }
                                if errors[i] > 0 { <span class="badge is-error" aria-label={format!("{} errors", errors[i])}>{ errors[i] }</span> }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
