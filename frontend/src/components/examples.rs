//! The examples gallery: real public templates with their source and licence.

use yew::prelude::*;

use super::use_editor;
use crate::samples::EXAMPLES;
use crate::state::EditorAction;

#[derive(Properties, PartialEq)]
pub struct ExamplesProps {
    pub onclose: Callback<()>,
}

#[function_component(Examples)]
pub fn examples(props: &ExamplesProps) -> Html {
    let editor = use_editor();
    html! {
        <div class="panel examples" role="group" aria-label="Examples">
            <p>{ "Real templates from public repositories, unchanged: most still hold their placeholders and mistakes." }</p>
            <ul>
                { for EXAMPLES.iter().map(|example| {
                    let onclick = {
                        let editor = editor.clone();
                        let onclose = props.onclose.clone();
                        let text = example.text;
                        Callback::from(move |_: MouseEvent| {
                            editor.dispatch(EditorAction::Import(text.to_owned()));
                            onclose.emit(());
                        })
                    };
                    html! {
                        <li>
                            <button type="button" {onclick}>{ example.title }</button>
                            <span class="source">{ format!("{} · {} · {} licence", example.file, example.repo, example.licence) }</span>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
