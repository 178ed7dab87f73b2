//! The examples gallery: real public templates, grouped by what they show, each with what it
//! teaches, its source and its licence (`gallery`). Opening one fetches it from the site and
//! replaces the text (Undo brings back what was there).

use yew::prelude::*;

use super::use_editor;
use crate::browser;
use crate::gallery::{self, Example};
use crate::state::EditorAction;

#[derive(Properties, PartialEq)]
pub struct ExamplesProps {
    pub onclose: Callback<()>,
}

#[function_component(Examples)]
pub fn examples(props: &ExamplesProps) -> Html {
    let editor = use_editor();
    // The list is fetched when the gallery first opens: `None` while it comes.
    let groups = use_state(|| None::<Result<Vec<(String, Vec<Example>)>, String>>);
    {
        let groups = groups.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let list = browser::fetch_text(gallery::LIST_URL).await;
                groups.set(Some(list.and_then(|text| gallery::groups(&text))));
            });
        });
    }
    let open = |example: &Example| {
        let (editor, onclose, example) = (editor.clone(), props.onclose.clone(), example.clone());
        Callback::from(move |_: MouseEvent| {
            let (editor, onclose, example) = (editor.clone(), onclose.clone(), example.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match browser::fetch_text(&example.url()).await {
                    Ok(text) => {
                        editor.dispatch(EditorAction::Import(text));
                        onclose.emit(());
                    }
                    Err(e) => editor.dispatch(EditorAction::Notify(format!(
                        "The example {} could not be loaded ({e}); the site may not serve examples/.",
                        example.title
                    ))),
                }
            });
        })
    };
    html! {
        <div class="panel examples" role="group" aria-label="Examples">
            <p>{ "Real templates from public repositories, unchanged: many still hold their placeholders and mistakes, which the designer finds." }</p>
            if groups.is_none() { <p role="status">{ "Loading the examples…" }</p> }
            if let Some(Err(e)) = &*groups {
                <p class="banner is-error" role="alert">{ format!("The examples could not be loaded: {e}. The site may not serve examples/.") }</p>
            }
            { for groups.iter().flat_map(|g| g.iter()).flatten().map(|(group, examples)| html! {
                <section class="example-group">
                    <h2>{ group }</h2>
                    <ul>
                        { for examples.iter().map(|example| html! {
                            <li>
                                <button type="button" onclick={open(example)}>{ &example.title }</button>
                                <span class="teaches">{ &example.teaches }</span>
                                <span class="source">{ format!("{} · {} @ {} · {} licence", example.path, example.repo, example.commit, example.licence) }</span>
                            </li>
                        }) }
                    </ul>
                </section>
            }) }
        </div>
    }
}
