//! Moving around the form: which section is open, and "go to field", which opens the section
//! of a pointer and focuses its field once that section is rendered.

use yew::prelude::*;

use crate::browser;
use crate::components::{Editor, Navigation};
use crate::pointers::FilePointer;
use crate::sections::{section_at, SECTIONS};

/// The [`Navigation`] the components share, starting at section `first`.
#[hook]
pub fn use_form_navigation(editor: Editor, first: usize) -> Navigation {
    let section = use_state(|| first.min(SECTIONS.len() - 1));
    let pending_focus = use_state(|| None::<FilePointer>);
    // The field exists only once its section has rendered, so focusing waits for that.
    {
        let pending_focus = pending_focus.clone();
        use_effect_with(((*pending_focus).clone(), *section), move |(pointer, _)| {
            if let Some(pointer) = pointer {
                browser::focus_pointer(pointer.as_str());
                pending_focus.set(None);
            }
        });
    }
    Navigation {
        section: *section,
        open_section: {
            let section = section.clone();
            Callback::from(move |i: usize| section.set(i))
        },
        go_to: {
            let section = section.clone();
            let pending_focus = pending_focus.clone();
            Callback::from(move |pointer: FilePointer| {
                section.set(section_at(&pointer, &editor.template_base()));
                pending_focus.set(Some(pointer));
            })
        },
        target: (*pending_focus).clone(),
    }
}
