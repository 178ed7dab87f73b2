//! Drop a file anywhere on the page to import it, as the Import panel's file input does.

use yew::prelude::*;

use crate::components::import_panel::read_file;
use crate::components::Editor;
use crate::state::EditorAction;

/// The handlers of the element that accepts dropped files.
pub struct FileDrop {
    pub ondragover: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

/// Imports a file dropped on the page; `imported` runs once it is in. A file that cannot be
/// read is told in the notice banner.
#[hook]
pub fn use_file_drop(editor: Editor, imported: Callback<()>) -> FileDrop {
    // Without this the browser would not offer to drop here, and would open the file instead.
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = Callback::from(move |e: DragEvent| {
        let file = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            e.prevent_default();
            let problem = {
                let editor = editor.clone();
                Callback::from(move |problem: Option<String>| {
                    // A successful import clears the notice itself.
                    if let Some(problem) = problem {
                        editor.dispatch(EditorAction::Notify(problem));
                    }
                })
            };
            read_file(file, editor.clone(), problem, imported.clone());
        }
    });
    FileDrop { ondragover, ondrop }
}
