//! The designer's entry point: renders the app into the page.

fn main() {
    yew::Renderer::<frontend::app::App>::new().render();
}
