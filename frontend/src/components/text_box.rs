//! A one-line text box that commits what is typed when it is left or on Enter (its `change`
//! event), and whose typing is never overwritten by a render before then (see
//! `use_dom_value`): the page re-renders whenever the checker answers, which is often while
//! someone is typing.

use yew::prelude::*;

use crate::use_dom_value::use_dom_value;

#[derive(Properties, PartialEq)]
pub struct TextBoxProps {
    pub id: String,
    /// What the box shows until it is edited, and after each commit.
    pub value: String,
    pub onchange: Callback<Event>,
    pub disabled: bool,
    /// The template pointer the box edits, for Problems' "go to".
    #[prop_or_default]
    pub pointer: Option<AttrValue>,
}

#[function_component(TextBox)]
pub fn text_box(props: &TextBoxProps) -> Html {
    let node = use_dom_value(&props.value);
    html! {
        <input id={props.id.clone()} type="text" ref={node} data-pointer={props.pointer.clone()}
               onchange={props.onchange.clone()} disabled={props.disabled} spellcheck="false" />
    }
}
