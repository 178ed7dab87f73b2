//! Changes to a document addressed by JSON pointer, and applying a diagnostic's fix.
//!
//! The designer's form, its one-click fixes and any tool that repairs templates make their
//! changes through these functions, so every edit behaves the same way.

use serde_json::{Map, Value};

use crate::diagnostic::{Edit, Fix};
use crate::pointer;

pub mod text;

/// Why an edit could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError(pub String);

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Sets the value at `pointer`, creating missing objects on the way (a form field of an
/// absent section creates the section). An array index equal to the length appends.
pub fn set(root: &mut Value, pointer: &str, new: Value) -> Result<(), EditError> {
    let tokens = pointer::tokens(pointer);
    let Some((last, parents)) = tokens.split_last() else {
        *root = new;
        return Ok(());
    };
    let mut current = root;
    for token in parents {
        current = match current {
            Value::Object(map) => map
                .entry(token.clone())
                .or_insert_with(|| Value::Object(Map::new())),
            Value::Array(items) => {
                let index = index_of(token, items.len())?;
                &mut items[index]
            }
            _ => {
                return Err(EditError(format!(
                    "`{token}` is inside a value that is not an object or array"
                )))
            }
        };
    }
    match current {
        Value::Object(map) => {
            map.insert(last.clone(), new);
            Ok(())
        }
        Value::Array(items) => {
            let index = last
                .parse::<usize>()
                .map_err(|_| EditError(format!("`{last}` is not an array index")))?;
            match index.cmp(&items.len()) {
                std::cmp::Ordering::Less => items[index] = new,
                std::cmp::Ordering::Equal => items.push(new),
                std::cmp::Ordering::Greater => {
                    return Err(EditError(format!(
                        "index {index} is past the end of the array"
                    )))
                }
            }
            Ok(())
        }
        _ => Err(EditError(format!(
            "cannot set `{last}` inside a value that is not an object or array"
        ))),
    }
}

fn index_of(token: &str, len: usize) -> Result<usize, EditError> {
    token
        .parse::<usize>()
        .ok()
        .filter(|i| *i < len)
        .ok_or_else(|| EditError(format!("`{token}` is not an index of the array")))
}

/// The parent container of `pointer` and the last token.
fn parent_mut<'v>(
    root: &'v mut Value,
    pointer: &str,
) -> Result<(&'v mut Value, String), EditError> {
    let parent = pointer::parent(pointer)
        .ok_or_else(|| EditError("the whole document cannot be removed".into()))?;
    let last = pointer::last_token(pointer).unwrap_or_default();
    let container = root
        .pointer_mut(parent)
        .ok_or_else(|| EditError(format!("nothing at `{parent}`")))?;
    Ok((container, last))
}

/// Removes the member or item at `pointer`; returns it.
pub fn remove(root: &mut Value, pointer: &str) -> Result<Value, EditError> {
    let (container, last) = parent_mut(root, pointer)?;
    match container {
        Value::Object(map) => map
            .shift_remove(&last)
            .ok_or_else(|| EditError(format!("no `{last}` to remove"))),
        Value::Array(items) => {
            let index = index_of(&last, items.len())?;
            Ok(items.remove(index))
        }
        _ => Err(EditError("nothing to remove there".into())),
    }
}

/// Renames the key at `pointer`, keeping its value and its place among the members.
pub fn rename_key(root: &mut Value, pointer: &str, new_key: &str) -> Result<(), EditError> {
    let (container, last) = parent_mut(root, pointer)?;
    let Value::Object(map) = container else {
        return Err(EditError("only object members can be renamed".into()));
    };
    if !map.contains_key(&last) {
        return Err(EditError(format!("no `{last}` to rename")));
    }
    if map.contains_key(new_key) {
        return Err(EditError(format!("`{new_key}` already exists")));
    }
    let old = std::mem::take(map);
    *map = old
        .into_iter()
        .map(|(k, v)| {
            if k == last {
                (new_key.to_owned(), v)
            } else {
                (k, v)
            }
        })
        .collect();
    Ok(())
}

/// Inserts `item` at `index` of the array at `pointer` (the end when `index` is past it).
pub fn insert(root: &mut Value, pointer: &str, index: usize, item: Value) -> Result<(), EditError> {
    let Some(Value::Array(items)) = root.pointer_mut(pointer) else {
        return Err(EditError(format!("no array at `{pointer}`")));
    };
    items.insert(index.min(items.len()), item);
    Ok(())
}

/// Moves an item of the array at `pointer` from one index to another.
pub fn move_item(root: &mut Value, pointer: &str, from: usize, to: usize) -> Result<(), EditError> {
    let Some(Value::Array(items)) = root.pointer_mut(pointer) else {
        return Err(EditError(format!("no array at `{pointer}`")));
    };
    if from >= items.len() || to >= items.len() {
        return Err(EditError("index out of range".into()));
    }
    let item = items.remove(from);
    items.insert(to, item);
    Ok(())
}

/// One change a form makes, addressed by JSON pointer. [`Change::apply`] makes it to a parsed
/// document and [`text::apply`] to the text, keeping everything else the user wrote.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// [`set`]: replace the value at `pointer`, or add it (and its missing parent objects).
    Set { pointer: String, value: Value },
    /// [`remove`]: remove the member or item at `pointer`.
    Remove { pointer: String },
    /// [`insert`]: insert `value` at `index` of the array at `pointer`.
    Insert {
        pointer: String,
        index: usize,
        value: Value,
    },
    /// [`move_item`]: move an item of the array at `pointer`.
    Move {
        pointer: String,
        from: usize,
        to: usize,
    },
    /// [`rename_key`]: rename the member at `pointer` to `key`, keeping its place.
    Rename { pointer: String, key: String },
}

impl Change {
    /// Makes the change to a parsed document.
    ///
    /// ```
    /// use serde_json::json;
    /// use validator_core::edit::Change;
    /// let mut doc = json!({"list": [1, 2]});
    /// let change = Change::Insert { pointer: "/list".into(), index: 0, value: json!(0) };
    /// change.apply(&mut doc).unwrap();
    /// assert_eq!(doc, json!({"list": [0, 1, 2]}));
    /// ```
    pub fn apply(&self, root: &mut Value) -> Result<(), EditError> {
        match self {
            Change::Set { pointer, value } => set(root, pointer, value.clone()),
            Change::Remove { pointer } => remove(root, pointer).map(|_| ()),
            Change::Insert {
                pointer,
                index,
                value,
            } => insert(root, pointer, *index, value.clone()),
            Change::Move { pointer, from, to } => move_item(root, pointer, *from, *to),
            Change::Rename { pointer, key } => rename_key(root, pointer, key),
        }
    }
}

/// Applies a fix to the text it was found in and returns the new text. Text edits keep the
/// rest of the text as it was, and so do pointer edits ([`text::apply`]) unless the text cannot
/// be edited in place (a duplicate key): then the document is written anew from its value.
pub fn apply_fix(text: &str, fix: &Fix) -> Result<String, EditError> {
    let changes = match apply_fix_in_place(text, fix) {
        Ok(new) => return Ok(new),
        Err(InPlace::Invalid(error)) => return Err(error),
        Err(InPlace::NotInPlace(changes)) => changes,
    };
    // The value-level edit says why the change cannot be made, or makes it.
    let mut value = crate::parse::parse(text)
        .value
        .ok_or_else(|| EditError("the text holds no JSON value".into()))?;
    for change in &changes {
        change.apply(&mut value)?;
    }
    Ok(to_pretty(&value))
}

/// Why [`apply_fix_in_place`] made no change.
#[derive(Debug, Clone, PartialEq)]
pub enum InPlace {
    /// The fix does not fit the text (stale spans, mixed edits).
    Invalid(EditError),
    /// The text cannot be edited at the fix's spans (a syntax error, a duplicate key): only
    /// writing the whole document from its value could make these changes.
    NotInPlace(Vec<Change>),
}

/// Applies a fix at the spans it changes, never rewriting the whole document: what `aib check
/// --fix` does ([`crate::fix`]).
pub fn apply_fix_in_place(text: &str, fix: &Fix) -> Result<String, InPlace> {
    if fix.edits.iter().all(|e| matches!(e, Edit::Text { .. })) {
        let mut edits: Vec<_> = fix
            .edits
            .iter()
            .filter_map(|e| match e {
                Edit::Text { span, text } => Some((*span, text.as_str())),
                _ => None,
            })
            .collect();
        edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
        let mut out = text.to_owned();
        for (span, replacement) in edits {
            if span.end > out.len()
                || span.start > span.end
                || !out.is_char_boundary(span.start)
                || !out.is_char_boundary(span.end)
            {
                return Err(InPlace::Invalid(EditError(
                    "the fix no longer matches the text".into(),
                )));
            }
            out.replace_range(span.start..span.end, replacement);
        }
        return Ok(out);
    }
    let changes = fix
        .edits
        .iter()
        .map(|edit| match edit {
            Edit::Replace { pointer, value } => Ok(Change::Set {
                pointer: pointer.clone(),
                value: value.clone(),
            }),
            Edit::Remove { pointer } => Ok(Change::Remove {
                pointer: pointer.clone(),
            }),
            Edit::RenameKey { pointer, new_key } => Ok(Change::Rename {
                pointer: pointer.clone(),
                key: new_key.clone(),
            }),
            Edit::Text { .. } => Err(EditError("a fix cannot mix text and value edits".into())),
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(InPlace::Invalid)?;
    changes
        .iter()
        .try_fold(text.to_owned(), |text, change| text::apply(&text, change))
        .map_err(|_| InPlace::NotInPlace(changes))
}

/// The document as the designer writes it: two-space indentation and a final newline.
pub fn to_pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check, Options};
    use serde_json::json;

    #[test]
    fn set_creates_sections_and_appends() {
        let mut doc = json!({"properties": {"customize": []}});
        set(
            &mut doc,
            "/properties/vmProfile/vmSize",
            json!("Standard_D2s_v3"),
        )
        .unwrap();
        set(
            &mut doc,
            "/properties/customize/0",
            json!({"type": "Shell"}),
        )
        .unwrap();
        assert_eq!(
            doc,
            json!({"properties": {"customize": [{"type": "Shell"}], "vmProfile": {"vmSize": "Standard_D2s_v3"}}})
        );
        assert!(set(&mut doc, "/properties/customize/5", json!(1)).is_err());
    }

    #[test]
    fn rename_keeps_the_place_and_remove_insert_move_work() {
        let mut doc = json!({"a": 1, "scriptURI": 2, "c": 3, "list": [1, 2, 3]});
        rename_key(&mut doc, "/scriptURI", "scriptUri").unwrap();
        assert_eq!(
            doc.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["a", "scriptUri", "c", "list"]
        );
        assert_eq!(remove(&mut doc, "/c").unwrap(), json!(3));
        insert(&mut doc, "/list", 1, json!(9)).unwrap();
        move_item(&mut doc, "/list", 0, 3).unwrap();
        assert_eq!(doc["list"], json!([9, 2, 3, 1]));
    }

    #[test]
    fn every_fix_in_the_rule_examples_removes_its_diagnostic() {
        for rule in crate::rules::RULES.iter() {
            for example in rule.examples().into_iter().filter(|e| e.invalid) {
                let report = check(&example.text, &example.options);
                for d in report.diagnostics.iter().filter(|d| d.code == rule.code) {
                    let Some(fix) = &d.fix else { continue };
                    let fixed = apply_fix(&example.text, fix).unwrap();
                    let after = check(&fixed, &example.options);
                    assert!(
                        !after
                            .diagnostics
                            .iter()
                            .any(|a| a.code == rule.code && a.pointer == d.pointer),
                        "{}: the fix `{}` did not remove the diagnostic:\n{fixed}",
                        rule.code,
                        fix.description
                    );
                }
            }
        }
    }

    #[test]
    fn text_fixes_keep_the_rest_of_the_text() {
        let text = "{\n  // keep me\n  \"a\": [1, 2,],\n}";
        let report = check(text, &Options::default());
        let fix = report
            .diagnostics
            .iter()
            .find(|d| d.code == "AIB003")
            .and_then(|d| d.fix.clone())
            .unwrap();
        assert_eq!(
            apply_fix(text, &fix).unwrap(),
            "{\n  // keep me\n  \"a\": [1, 2],\n}"
        );
    }

    #[test]
    fn pointer_fixes_keep_the_rest_of_the_text_unless_it_has_duplicate_keys() {
        let fix = Fix {
            description: "rename and set".into(),
            edits: vec![
                Edit::RenameKey {
                    pointer: "/scriptURI".into(),
                    new_key: "scriptUri".into(),
                },
                Edit::Replace {
                    pointer: "/type".into(),
                    value: json!("Shell"),
                },
            ],
            applicability: Default::default(),
        };
        let text =
            "{\n    // keep me\n    \"type\": \"shell\",\n    \"scriptURI\": \"x\" /* and me */\n}";
        assert_eq!(
            apply_fix(text, &fix).unwrap(),
            "{\n    // keep me\n    \"type\": \"Shell\",\n    \"scriptUri\": \"x\" /* and me */\n}"
        );
        let duplicate = "{\"type\": \"a\", \"type\": \"shell\", \"scriptURI\": \"x\"}";
        assert_eq!(
            apply_fix(duplicate, &fix).unwrap(),
            to_pretty(&json!({"type": "Shell", "scriptUri": "x"}))
        );
    }
}
