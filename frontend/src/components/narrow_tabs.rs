//! On a narrow screen the form, the JSON and the problems do not fit side by side: they become
//! tabs (the stylesheet shows this bar and one view at a time below 720 px; on wider screens
//! the bar is hidden and everything shows). Each tab is at least 44 px tall, for fingers.

use yew::prelude::*;

/// What a narrow screen shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum View {
    #[default]
    Form,
    Json,
    Problems,
}

impl View {
    const ALL: [View; 3] = [View::Form, View::Json, View::Problems];

    /// The workspace's class, which the stylesheet reads.
    pub fn class(self) -> &'static str {
        match self {
            View::Form => "view-form",
            View::Json => "view-json",
            View::Problems => "view-problems",
        }
    }

    fn label(self) -> &'static str {
        match self {
            View::Form => "Form",
            View::Json => "JSON",
            View::Problems => "Problems",
        }
    }
}

/// Shows one view on a narrow screen (a problem's "go to" shows the form; the status bar's
/// count shows the problems).
#[derive(Clone, PartialEq)]
pub struct ShowView(pub Callback<View>);

#[derive(Properties, PartialEq)]
pub struct NarrowTabsProps {
    pub view: View,
    pub onchange: Callback<View>,
}

#[function_component(NarrowTabs)]
pub fn narrow_tabs(props: &NarrowTabsProps) -> Html {
    html! {
        <div class="narrow-tabs" role="tablist" aria-label="View">
            { for View::ALL.iter().map(|&view| {
                let onclick = props.onchange.reform(move |_: MouseEvent| view);
                let selected = view == props.view;
                html! {
                    <button type="button" role="tab" aria-selected={selected.to_string()} {onclick}>{ view.label() }</button>
                }
            }) }
        </div>
    }
}
