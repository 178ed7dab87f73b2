//! The two kinds of JSON pointer the app handles, as two types so they cannot be mixed up.
//!
//! The form edits one image template of the file, so its fields and its actions address
//! values relative to that template ([`TemplatePointer`]); the check, the HTML of the fields
//! (`data-pointer`, ids) and "go to field" address them from the file's root
//! ([`FilePointer`]). With an ARM template the two differ by the template's place in the
//! file (`/resources/1`), and joining or stripping that by hand is how `/resources/10/...`
//! once counted for `/resources/1`.

use std::fmt;
use std::rc::Rc;

use validator_core::pointer;
use yew::html::IntoPropValue;
use yew::AttrValue;

/// A pointer relative to the edited template (`""` is the template itself).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TemplatePointer(Rc<str>);

/// A pointer from the file's root (`""` is the whole file).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FilePointer(Rc<str>);

/// What both kinds share: building a pointer one token at a time.
macro_rules! pointer_type {
    ($name:ident) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// This pointer followed by `key`, escaped (`a/b` becomes `a~1b`).
            pub fn join(&self, key: &str) -> Self {
                Self::from(pointer::join(&self.0, key))
            }

            /// This pointer followed by an array index.
            pub fn join_index(&self, index: usize) -> Self {
                Self::from(pointer::join_index(&self.0, index))
            }

            /// The pointer of the enclosing value, or `None` for the root.
            pub fn parent(&self) -> Option<Self> {
                pointer::parent(&self.0).map(Self::from)
            }
        }

        impl From<&str> for $name {
            fn from(pointer: &str) -> Self {
                $name(Rc::from(pointer))
            }
        }

        impl From<String> for $name {
            fn from(pointer: String) -> Self {
                $name(Rc::from(pointer))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<$name> for AttrValue {
            fn from(pointer: $name) -> Self {
                AttrValue::Rc(pointer.0)
            }
        }

        // So an attribute takes a pointer as it is: `data-pointer={abs.clone()}`.
        impl IntoPropValue<Option<AttrValue>> for $name {
            fn into_prop_value(self) -> Option<AttrValue> {
                Some(self.into())
            }
        }
    };
}

pointer_type!(TemplatePointer);
pointer_type!(FilePointer);

impl TemplatePointer {
    /// The same place from the file's root, for the template at `base`.
    pub fn in_template(&self, base: &FilePointer) -> FilePointer {
        FilePointer::from(format!("{}{}", base.0, self.0))
    }
}

impl FilePointer {
    /// This place relative to the template at `base`, or `None` when it is outside it (at a
    /// token boundary: `/resources/10/type` is not inside `/resources/1`).
    pub fn within(&self, base: &FilePointer) -> Option<TemplatePointer> {
        pointer::relative_to(&self.0, &base.0).map(TemplatePointer::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_escaped_when_joined() {
        let tags = TemplatePointer::from("/tags");
        assert_eq!(tags.join("a/b~c").as_str(), "/tags/a~1b~0c");
        assert_eq!(
            FilePointer::default()
                .join("resources")
                .join_index(3)
                .as_str(),
            "/resources/3"
        );
        assert_eq!(
            tags.join("a/b").parent(),
            Some(tags.clone()),
            "an escaped `/` is no boundary"
        );
        assert_eq!(TemplatePointer::default().parent(), None);
    }

    #[test]
    fn relative_and_absolute_round_trip() {
        let base = FilePointer::from("/resources/1");
        let rel = TemplatePointer::from("/properties/customize/0");
        let abs = rel.in_template(&base);
        assert_eq!(abs.as_str(), "/resources/1/properties/customize/0");
        assert_eq!(abs.within(&base), Some(rel));
        assert_eq!(base.within(&base), Some(TemplatePointer::default()));
        let bare = TemplatePointer::from("/location");
        assert_eq!(
            bare.in_template(&FilePointer::default()).as_str(),
            "/location"
        );
    }

    #[test]
    fn a_longer_index_is_not_inside_a_shorter_one() {
        let base = FilePointer::from("/resources/1");
        assert_eq!(FilePointer::from("/resources/10").within(&base), None);
        assert_eq!(FilePointer::from("/resources/10/type").within(&base), None);
        assert_eq!(FilePointer::from("/resources").within(&base), None);
    }
}
