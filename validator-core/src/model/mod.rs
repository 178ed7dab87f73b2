//! A typed, version-aware view of one image template, used by the rules and the exports.

mod api_version;
mod discover;
mod os;
pub mod reader;
pub mod resource_id;

pub use api_version::ApiVersion;
pub use discover::{discover, Found, Shape, IMAGE_TEMPLATE_TYPE};
pub use os::{Os, OsEvidence};

use std::hash::BuildHasher;

use serde_json::{Map, Value};

/// True for an ARM template expression such as `[parameters('x')]`, which stands for a value
/// of any type that is only known at deployment (`[[` escapes a literal bracket).
pub fn is_expression(text: &str) -> bool {
    text.starts_with('[') && !text.starts_with("[[") && text.ends_with(']')
}

/// True when a value is an ARM expression string.
pub fn is_expression_value(value: &Value) -> bool {
    value.as_str().is_some_and(is_expression)
}

/// The `<placeholder>` tokens in a text, such as `<region>` or `<subscriptionID>`.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    // Byte searches: every string value of a template is looked at, and most have no `<`.
    while let Some(open) = memchr::memchr(b'<', rest.as_bytes()) {
        let after = &rest[open + 1..];
        let Some(close) = memchr::memchr3(b'>', b'<', b'\n', after.as_bytes()) else {
            break;
        };
        if after.as_bytes()[close] == b'>' {
            let inner = &after[..close];
            let looks_like_name = !inner.is_empty()
                && inner.len() <= 60
                && inner.chars().next().is_some_and(|c| c.is_alphabetic())
                && inner
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.'));
            if looks_like_name {
                let start = offset + open;
                found.push(&text[start..start + close + 2]);
            }
        }
        let step = open + 1 + close;
        offset += step;
        rest = &rest[step..];
    }
    found
}

/// The pointers of the values the parser reported as unquoted `<placeholders>`, in the order it
/// met them. A walk of the value meets them in the same order, so [`Self::contains`] compares
/// with the next one first: a hash set of hundreds of thousands of pointers missed the cache on
/// every lookup of a large template. The set (hashed with foldhash, where std's SipHash cost
/// more than the rest of a lookup) is made only when a walk asks out of that order.
#[derive(Debug, Default)]
pub struct UnquotedPlaceholders<'a> {
    in_order: Vec<&'a str>,
    /// Positions in `in_order`, found by the pointer's hash. (Positions, not pointers: the
    /// cell would make the pointers' lifetime invariant, and templates borrow this for less.)
    positions: std::cell::OnceCell<hashbrown::HashTable<usize>>,
}

impl<'a> UnquotedPlaceholders<'a> {
    pub fn new(in_order: Vec<&'a str>) -> Self {
        Self {
            in_order,
            positions: Default::default(),
        }
    }

    /// Whether the parser reported `pointer`. `next` is the walk's place in the parser's order:
    /// start it at 0 and pass it to every call of one walk.
    pub fn contains(&self, pointer: &str, next: &mut usize) -> bool {
        if self.in_order.get(*next) == Some(&pointer) {
            *next += 1;
            return true;
        }
        let hash = |pointer: &str| foldhash::fast::FixedState::default().hash_one(pointer);
        let positions = self.positions.get_or_init(|| {
            let mut positions = hashbrown::HashTable::with_capacity(self.in_order.len());
            for (position, pointer) in self.in_order.iter().enumerate() {
                positions.insert_unique(hash(pointer), position, |&p| hash(self.in_order[p]));
            }
            positions
        });
        match positions.find(hash(pointer), |&p| self.in_order[p] == pointer) {
            Some(&position) => {
                *next = position + 1;
                true
            }
            None => false,
        }
    }
}

/// Where the template's API version came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiVersionSource {
    /// Given by the user (`--api-version`), overriding the file.
    Given,
    /// Written in the file.
    Literal,
    /// The default value of an ARM parameter or a variable, named here.
    Resolved(String),
    /// An ARM expression that could not be resolved; the newest version is assumed.
    Unresolved(String),
    /// No `apiVersion` at all; the newest version is assumed.
    Missing,
    /// A value that is no known version (kept here); the newest version is assumed.
    Unknown(String),
}

/// One image template resource in a checked file.
#[derive(Debug)]
pub struct Template<'a> {
    /// The whole parsed file.
    pub root: &'a Value,
    /// The resource object, with ARM property copy loops replaced by expression markers.
    pub value: &'a Value,
    /// Pointer of the resource object in the file.
    pub base: String,
    pub shape: Shape,
    pub api_version: ApiVersion,
    pub api_version_source: ApiVersionSource,
    pub os: Option<Os>,
    pub os_evidence: Option<OsEvidence>,
    /// Pointers of the values the parser reported as unquoted `<placeholders>`.
    pub unquoted_placeholders: &'a UnquotedPlaceholders<'a>,
    /// The entries of `customize`, `validate.inVMValidations` and `distribute`, made once: most
    /// rules read them.
    pub steps: StepLists<'a>,
}

/// The three step lists of a template, each built on first use.
#[derive(Debug, Default)]
pub struct StepLists<'a> {
    customize: std::cell::OnceCell<Vec<Step<'a>>>,
    validate: std::cell::OnceCell<Vec<Step<'a>>>,
    distribute: std::cell::OnceCell<Vec<Step<'a>>>,
}

/// One entry of `customize`, `validate.inVMValidations` or `distribute`.
#[derive(Debug, Clone)]
pub struct Step<'a> {
    pub index: usize,
    /// Absolute pointer of the entry.
    pub pointer: String,
    pub fields: &'a Map<String, Value>,
    /// The `type` discriminator, when it is a literal string.
    pub kind: Option<&'a str>,
    /// The values of the [`READ_OFTEN`] fields, found in one pass over the entry. A lookup in
    /// the entry's map hashes the key and follows three pointers, and the rules looked up the
    /// same fields of every entry again and again: from main memory, once the template is
    /// larger than the processor's cache.
    read_often: [Option<&'a Value>; READ_OFTEN.len()],
}

/// The fields of steps that several rules read.
const READ_OFTEN: [&str; 14] = [
    "name",
    "inline",
    "scriptUri",
    "sourceUri",
    "destination",
    "sha256Checksum",
    "runElevated",
    "runAsSystem",
    "restartTimeout",
    "targetRegions",
    "replicationRegions",
    "storageAccountType",
    "location",
    "runOutputName",
];

impl<'a> Step<'a> {
    fn new(index: usize, pointer: String, fields: &'a Map<String, Value>) -> Self {
        let mut read_often = [None; READ_OFTEN.len()];
        for (key, value) in fields {
            if let Some(slot) = READ_OFTEN.iter().position(|k| k == key) {
                read_often[slot] = Some(value);
            }
        }
        Step {
            index,
            pointer,
            fields,
            kind: literal_str(crate::pointer::get(fields, "type")),
            read_often,
        }
    }

    /// A literal string field (expressions count as absent: their value is unknown).
    pub fn str(&self, key: &str) -> Option<&'a str> {
        literal_str(self.get(key))
    }

    pub fn get(&self, key: &str) -> Option<&'a Value> {
        match READ_OFTEN.iter().position(|k| *k == key) {
            Some(slot) => self.read_often[slot],
            None => crate::pointer::get(self.fields, key),
        }
    }

    /// Absolute pointer of one of this entry's fields.
    pub fn ptr(&self, key: &str) -> String {
        crate::pointer::join(&self.pointer, key)
    }

    /// The literal lines of `inline`, with their index.
    pub fn inline(&self) -> Vec<(usize, &'a str)> {
        self.get("inline")
            .and_then(Value::as_array)
            .map(|lines| {
                lines
                    .iter()
                    .enumerate()
                    .filter_map(|(i, l)| Some((i, literal_str(Some(l))?)))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The entry's `name`, for messages (`#2` when it has none).
    pub fn label(&self) -> String {
        match self.str("name") {
            Some(name) => format!("`{name}`"),
            None => format!("#{}", self.index + 1),
        }
    }
}

/// A string value that is not an ARM expression.
pub fn literal_str(value: Option<&Value>) -> Option<&str> {
    value.and_then(Value::as_str).filter(|s| !is_expression(s))
}

impl<'a> Template<'a> {
    /// Absolute pointer of a path relative to the resource (`/properties/source`).
    pub fn ptr(&self, rel: &str) -> String {
        format!("{}{}", self.base, rel)
    }

    /// The value at a path relative to the resource.
    pub fn get(&self, rel: &str) -> Option<&'a Value> {
        crate::pointer::resolve(self.value, rel)
    }

    /// A literal string at a path relative to the resource.
    pub fn str(&self, rel: &str) -> Option<&'a str> {
        literal_str(self.get(rel))
    }

    /// An object at a path relative to the resource.
    pub fn object(&self, rel: &str) -> Option<&'a Map<String, Value>> {
        self.get(rel).and_then(Value::as_object)
    }

    pub fn source(&self) -> Option<&'a Map<String, Value>> {
        self.object("/properties/source")
    }

    /// The source's `type`, when literal.
    pub fn source_type(&self) -> Option<&'a str> {
        self.str("/properties/source/type")
    }

    pub fn customizers(&self) -> &[Step<'a>] {
        self.steps
            .customize
            .get_or_init(|| self.make_steps("/properties/customize"))
    }

    pub fn validators(&self) -> &[Step<'a>] {
        self.steps
            .validate
            .get_or_init(|| self.make_steps("/properties/validate/inVMValidations"))
    }

    pub fn distributors(&self) -> &[Step<'a>] {
        self.steps
            .distribute
            .get_or_init(|| self.make_steps("/properties/distribute"))
    }

    /// The object entries of an array (entries that are expressions are skipped).
    fn make_steps(&self, rel: &str) -> Vec<Step<'a>> {
        let Some(items) = self.get(rel).and_then(Value::as_array) else {
            return Vec::new();
        };
        let base = self.ptr(rel);
        // Room for every entry from the start: `filter_map` gives no size, so the vector
        // doubled and copied its steps at each step of a large template.
        let mut steps = Vec::with_capacity(items.len());
        steps.extend(items.iter().enumerate().filter_map(|(index, item)| {
            let fields = item.as_object()?;
            Some(Step::new(
                index,
                crate::pointer::join_index(&base, index),
                fields,
            ))
        }));
        steps
    }

    /// True when the array at `rel` is given by an ARM expression or copy loop (its entries
    /// are unknown, so counting checks must stay quiet).
    pub fn is_dynamic(&self, rel: &str) -> bool {
        self.get(rel).is_some_and(is_expression_value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unquoted_placeholders_answer_in_any_order() {
        let reported = UnquotedPlaceholders::new(vec!["/a", "/b/0", "/c", "/b/0"]);
        let mut next = 0;
        // In the parser's order: each found at the walk's place.
        assert!(reported.contains("/a", &mut next));
        assert!(reported.contains("/b/0", &mut next));
        assert_eq!(next, 2);
        // Not reported, then out of order: the set answers and the walk's place follows.
        assert!(!reported.contains("/b/1", &mut next));
        assert!(!reported.contains("/", &mut next));
        assert!(reported.contains("/a", &mut next));
        assert_eq!(next, 1);
        assert!(reported.contains("/b/0", &mut next));
        assert!(reported.contains("/c", &mut next));
        assert!(!reported.contains("/d", &mut next));
        assert!(!UnquotedPlaceholders::default().contains("/a", &mut 0));
    }

    #[test]
    fn recognises_expressions() {
        assert!(is_expression("[parameters('x')]"));
        assert!(!is_expression("[[literal]"));
        assert!(!is_expression("plain"));
    }

    #[test]
    fn finds_placeholders() {
        assert_eq!(
            placeholders("/subscriptions/<subscriptionID>/resourceGroups/<rg Name>/x"),
            vec!["<subscriptionID>", "<rg Name>"]
        );
        assert!(placeholders("if (a < b && c > d)").is_empty());
        assert!(placeholders("echo <<EOF").is_empty());
        assert_eq!(placeholders("<<region>>"), vec!["<region>"]);
    }
}
