//! A resource ID built from its parts: subscription, resource group and the names its type
//! needs (a gallery and an image, a virtual network and a subnet…). Starts from the ID in the
//! field, or else from the subscription and resource group of the template's other IDs; an
//! ID pasted into the field fills the parts.

use validator_core::model::resource_id::{self, compose, part_names};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::text_box::TextBox;
use crate::pickers::IdKind;

#[derive(Properties, PartialEq)]
pub struct IdBuilderProps {
    /// The field's id: the parts' ids start with it.
    pub id: AttrValue,
    pub kind: IdKind,
    /// The ID in the field now.
    pub value: AttrValue,
    /// Subscription and resource group to start a new ID from.
    pub scope: Option<(String, String)>,
    /// A complete ID was built.
    pub onbuild: Callback<String>,
    #[prop_or_default]
    pub disabled: bool,
}

/// The parts of `value`, or a start from `scope`.
fn parts_of(kind: IdKind, value: &str, scope: &Option<(String, String)>) -> Vec<String> {
    let shape = kind.shape();
    match resource_id::parse(value, shape) {
        Ok(id) if !value.starts_with('<') => [id.subscription, id.resource_group]
            .into_iter()
            .chain(id.names)
            .map(|p| {
                if p.starts_with('<') {
                    String::new()
                } else {
                    p.to_owned()
                }
            })
            .collect(),
        _ => {
            let (subscription, group) = scope.clone().unwrap_or_default();
            [subscription, group]
                .into_iter()
                .chain(shape.types.iter().map(|_| String::new()))
                .collect()
        }
    }
}

#[function_component(IdBuilder)]
pub fn id_builder(props: &IdBuilderProps) -> Html {
    let parts = use_state(|| parts_of(props.kind, &props.value, &props.scope));
    {
        // An ID pasted or typed into the field fills the parts.
        let parts = parts.clone();
        let (kind, scope) = (props.kind, props.scope.clone());
        use_effect_with(props.value.clone(), move |value| {
            let next = parts_of(kind, value, &scope);
            if resource_id::parse(value, kind.shape()).is_ok() && *parts != next {
                parts.set(next);
            }
        });
    }
    let labels: Vec<String> = ["Subscription ID".to_owned(), "Resource group".to_owned()]
        .into_iter()
        .chain(
            part_names(props.kind.shape())
                .into_iter()
                .map(|n| format!("{} name", capitalise(&n))),
        )
        .collect();
    let inputs = labels.iter().enumerate().map(|(i, label)| {
        let id = format!("{}-part-{i}", props.id);
        let onchange = {
            let (parts, onbuild, kind) = (parts.clone(), props.onbuild.clone(), props.kind);
            Callback::from(move |e: Event| {
                let mut next = (*parts).clone();
                next[i] = e
                    .target_unchecked_into::<HtmlInputElement>()
                    .value()
                    .trim()
                    .to_owned();
                if next.iter().all(|p| !p.is_empty()) {
                    let names: Vec<&str> = next[2..].iter().map(String::as_str).collect();
                    onbuild.emit(compose(kind.shape(), &next[0], &next[1], &names));
                }
                parts.set(next);
            })
        };
        // Not a bound `value`: a render while a part is being typed (the checker answering)
        // would put the last committed text back over the typing.
        html! {
            <div class="id-part" key={i}>
                <label for={id.clone()}>{ label }</label>
                <TextBox {id} value={parts[i].clone()} {onchange} disabled={props.disabled} />
            </div>
        }
    });
    // Open while there is no ID yet (empty, or still `<placeholders>`): the parts are the way in.
    let open = props.value.is_empty() || props.value.contains('<');
    html! {
        <details class="id-builder" {open}>
            <summary>{ "Build the ID from its parts" }</summary>
            <div class="id-parts">{ for inputs }</div>
        </details>
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
