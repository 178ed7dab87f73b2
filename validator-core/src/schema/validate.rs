//! A JSON Schema validator for exactly the part of draft-07 the derived schemas use.
//!
//! The designer runs the checker as WebAssembly in the browser, where every byte is downloaded
//! by every visitor. The `jsonschema` crate and the regular-expression engines it brings were
//! most of that download, for ten schemas that use a handful of keywords. This module checks
//! those keywords and nothing more:
//!
//! - `type` (a name or a list of names), `const`, `enum`;
//! - `properties`, `additionalProperties` (a boolean or a schema), `required`;
//! - `items` (one schema for every item);
//! - `allOf`, and `if` with `then` (the discriminated unions of `scripts/derive_schemas.py`);
//! - `$ref` to `#/definitions/…` in the same document, with its siblings ignored as draft-07
//!   says (only annotations may stand beside it here, so nothing is ignored silently);
//! - `minimum`, `maximum`;
//! - `pattern`, in the one shape the schemas use, `^[class]{m,n}$`, matched without a regex
//!   engine;
//! - annotations, which do not validate: `description`, `default`, `readOnly`, `title`,
//!   `$comment`, `$id`, `$schema`, `definitions` and `x-aib-*`.
//!
//! Any other keyword or pattern shape makes [`Validator::new`] fail, and a test compiles all
//! ten schemas, so a schema change cannot make a check disappear without notice.
//!
//! The errors mirror what the `jsonschema` crate reports on these schemas (its
//! `ValidationErrorKind`s and instance paths), which `tests/schema_differential.rs` compares
//! on every template the project has: the diagnostics built from them stay the same.

use std::collections::HashMap;
use std::fmt;

use serde_json::{Map, Value};

/// One validation error: where in the instance, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationError<'s> {
    /// JSON pointer to the value in the instance (`/properties/customize/0`).
    pub instance_path: String,
    pub kind: ErrorKind<'s>,
}

/// What is wrong, named as the `jsonschema` crate names it. Values borrow from the schema.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind<'s> {
    /// Members that `additionalProperties: false` forbids, in the instance's order.
    AdditionalProperties {
        unexpected: Vec<String>,
    },
    /// A value where the schema is `false`; also an object with members where the schema says
    /// `additionalProperties: false` and no `properties` (reported once for the object, as the
    /// `jsonschema` crate does).
    FalseSchema,
    Required {
        property: &'s str,
    },
    /// `options` is the schema's `enum` array.
    Enum {
        options: &'s Value,
    },
    Constant {
        expected_value: &'s Value,
    },
    /// `expected` is the schema's `type` value (a name or a list of names).
    Type {
        expected: &'s Value,
    },
    Minimum {
        limit: &'s Value,
    },
    Maximum {
        limit: &'s Value,
    },
    Pattern {
        pattern: &'s str,
    },
}

impl ErrorKind<'_> {
    /// The keyword that failed, spelt as in the schema (as `jsonschema`'s `keyword()`).
    pub fn keyword(&self) -> &'static str {
        match self {
            ErrorKind::AdditionalProperties { .. } => "additionalProperties",
            ErrorKind::FalseSchema => "falseSchema",
            ErrorKind::Required { .. } => "required",
            ErrorKind::Enum { .. } => "enum",
            ErrorKind::Constant { .. } => "const",
            ErrorKind::Type { .. } => "type",
            ErrorKind::Minimum { .. } => "minimum",
            ErrorKind::Maximum { .. } => "maximum",
            ErrorKind::Pattern { .. } => "pattern",
        }
    }
}

/// Why a schema cannot be compiled: it uses something this validator does not check.
#[derive(Debug, Clone, PartialEq)]
pub struct UnsupportedSchema {
    /// JSON pointer into the schema.
    pub at: String,
    pub reason: String,
}

impl fmt::Display for UnsupportedSchema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at `{}`", self.reason, self.at)
    }
}

impl std::error::Error for UnsupportedSchema {}

/// A compiled schema. Subschemas are nodes in one list; `$ref`s point at their target's index,
/// which is how recursive definitions work.
pub struct Validator<'s> {
    nodes: Vec<Node<'s>>,
    root: NodeId,
}

type NodeId = usize;

enum Node<'s> {
    /// `true`, or a schema with annotations only.
    Anything,
    /// `false`: whatever value is here is an error. (`additionalProperties: false` is not a
    /// node: the object check lists the members it forbids.)
    Nothing,
    /// The keywords of an object schema, in document order.
    Checks(Vec<Check<'s>>),
    /// A definition that is only a `$ref` to another.
    Same(NodeId),
}

enum Check<'s> {
    Type {
        expected: &'s Value,
        allowed: TypeSet,
    },
    /// `properties` and `additionalProperties` together: a member is checked by its property
    /// schema, or else by what `additionalProperties` says.
    Object {
        properties: Vec<(&'s str, NodeId)>,
        others: Others,
    },
    Required(Vec<&'s str>),
    Const(&'s Value),
    Enum(&'s Value),
    IfThen {
        condition: NodeId,
        then: Option<NodeId>,
    },
    AllOf(Vec<NodeId>),
    Items(NodeId),
    Minimum(&'s Value),
    Maximum(&'s Value),
    Pattern {
        source: &'s str,
        pattern: LengthOfClass,
    },
}

/// What happens to members that `properties` does not name.
enum Others {
    Allowed,
    /// `additionalProperties: false` beside `properties`: one error listing them all.
    Listed,
    /// `additionalProperties: false` with no `properties`: one `FalseSchema` error for the
    /// object, as `jsonschema` reports it.
    WholeObject,
    Checked(NodeId),
}

/// The JSON types a `type` keyword allows, one bit each.
#[derive(Clone, Copy)]
struct TypeSet(u8);

impl TypeSet {
    const NULL: u8 = 1;
    const BOOLEAN: u8 = 2;
    const INTEGER: u8 = 4;
    const NUMBER: u8 = 8;
    const STRING: u8 = 16;
    const ARRAY: u8 = 32;
    const OBJECT: u8 = 64;

    fn bit(name: &str) -> Option<u8> {
        Some(match name {
            "null" => Self::NULL,
            "boolean" => Self::BOOLEAN,
            "integer" => Self::INTEGER,
            "number" => Self::NUMBER,
            "string" => Self::STRING,
            "array" => Self::ARRAY,
            "object" => Self::OBJECT,
            _ => return None,
        })
    }

    fn allows(self, value: &Value) -> bool {
        let bits = match value {
            Value::Null => Self::NULL,
            Value::Bool(_) => Self::BOOLEAN,
            // Draft-07 counts 1.0 as an integer, and so does `jsonschema`.
            Value::Number(n) if is_integer(n) => Self::INTEGER | Self::NUMBER,
            Value::Number(_) => Self::NUMBER,
            Value::String(_) => Self::STRING,
            Value::Array(_) => Self::ARRAY,
            Value::Object(_) => Self::OBJECT,
        };
        self.0 & bits != 0
    }
}

fn is_integer(n: &serde_json::Number) -> bool {
    n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
}

/// The pattern shape `^[class]{min,max}$`: between `min` and `max` characters, all from an
/// ASCII class.
struct LengthOfClass {
    /// One bit per ASCII character.
    class: u128,
    min: usize,
    max: usize,
}

impl LengthOfClass {
    /// Reads `^[A-Za-z0-9-_.]{1,64}$` and the like; `None` for anything else. Inside the
    /// brackets, `a-z` is a range and a `-` that cannot start one is itself, as in the `regex`
    /// crate: `0-9-_` is the digits, `-` and `_`.
    fn parse(pattern: &str) -> Option<LengthOfClass> {
        let rest = pattern.strip_prefix("^[")?;
        let (class_text, rest) = rest.split_once(']')?;
        let counts = rest.strip_prefix('{')?.strip_suffix("}$")?;
        let (min, max) = counts.split_once(',')?;
        let (min, max): (usize, usize) = (min.parse().ok()?, max.parse().ok()?);
        if min > max {
            return None;
        }
        let chars: Vec<char> = class_text.chars().collect();
        // Escapes, negation, nested classes, set operators (`&&`, `~~`) and non-ASCII would
        // need more than this reader.
        if chars.is_empty()
            || chars[0] == '^'
            || chars.iter().any(|c| {
                !c.is_ascii() || c.is_ascii_control() || matches!(c, '\\' | '[' | '&' | '~')
            })
        {
            return None;
        }
        let mut class = 0u128;
        let mut i = 0;
        while i < chars.len() {
            let start = chars[i];
            if i + 2 < chars.len() && chars[i + 1] == '-' {
                let end = chars[i + 2];
                if start > end || start == '-' || end == '-' {
                    return None;
                }
                for c in start..=end {
                    class |= 1 << (c as u32);
                }
                i += 3;
            } else {
                // A `-` after a range or at either end stands for itself; `--` would be
                // ambiguous to a reader, so it is refused.
                if start == '-' && chars.get(i + 1) == Some(&'-') {
                    return None;
                }
                class |= 1 << (start as u32);
                i += 1;
            }
        }
        Some(LengthOfClass { class, min, max })
    }

    fn is_match(&self, text: &str) -> bool {
        // Every character of the class is ASCII, so a match has as many bytes as characters.
        (self.min..=self.max).contains(&text.len())
            && text
                .bytes()
                .all(|b| b < 128 && self.class & (1 << u32::from(b)) != 0)
    }
}

/// Keywords that describe and do not validate.
fn is_annotation(keyword: &str) -> bool {
    matches!(
        keyword,
        "description"
            | "default"
            | "readOnly"
            | "title"
            | "$comment"
            | "$id"
            | "$schema"
            | "definitions"
    ) || keyword.starts_with("x-aib-")
}

/// Builds the node list, compiling each `$ref` target once.
struct Compiler<'s> {
    root: &'s Value,
    nodes: Vec<Node<'s>>,
    /// The node of each definition compiled so far, by name.
    definitions: HashMap<&'s str, NodeId>,
}

type Compiled<T> = Result<T, UnsupportedSchema>;

fn unsupported<T>(at: &str, reason: impl Into<String>) -> Compiled<T> {
    Err(UnsupportedSchema {
        at: at.to_owned(),
        reason: reason.into(),
    })
}

impl<'s> Compiler<'s> {
    fn compile(&mut self, schema: &'s Value, at: &str) -> Compiled<NodeId> {
        if let Value::Object(keywords) = schema {
            if let Some(reference) = keywords.get("$ref") {
                return self.reference(keywords, reference, at);
            }
        }
        let node = self.node(schema, at)?;
        self.nodes.push(node);
        Ok(self.nodes.len() - 1)
    }

    /// The node of a schema that is not a `$ref`.
    fn node(&mut self, schema: &'s Value, at: &str) -> Compiled<Node<'s>> {
        Ok(match schema {
            Value::Bool(true) => Node::Anything,
            Value::Bool(false) => Node::Nothing,
            Value::Object(keywords) => {
                let checks = self.checks(keywords, at)?;
                if checks.is_empty() {
                    Node::Anything
                } else {
                    Node::Checks(checks)
                }
            }
            _ => return unsupported(at, "a schema must be an object or a boolean"),
        })
    }

    fn reference(
        &mut self,
        keywords: &'s Map<String, Value>,
        reference: &'s Value,
        at: &str,
    ) -> Compiled<NodeId> {
        // Draft-07 ignores every sibling of `$ref`; a validating one would be a check that
        // never runs, so it is refused rather than ignored.
        if let Some(sibling) = keywords.keys().find(|k| *k != "$ref" && !is_annotation(k)) {
            return unsupported(at, format!("`{sibling}` beside `$ref` would be ignored"));
        }
        let target = reference.as_str().unwrap_or_default();
        match target.strip_prefix("#/definitions/") {
            Some(name) => self.definition(name, at),
            None => unsupported(
                at,
                format!("only `#/definitions/…` references: {reference}"),
            ),
        }
    }

    /// The node of `#/definitions/{name}`, compiled on first use.
    fn definition(&mut self, name: &str, at: &str) -> Compiled<NodeId> {
        let definitions = self.root.get("definitions").and_then(Value::as_object);
        let Some((name, schema)) = definitions.and_then(|d| d.get_key_value(name)) else {
            return unsupported(at, format!("`#/definitions/{name}` does not resolve"));
        };
        if let Some(&id) = self.definitions.get(name.as_str()) {
            return Ok(id);
        }
        // Reserve the node's place first, so that a recursive definition can refer to it.
        let id = self.nodes.len();
        self.nodes.push(Node::Anything);
        self.definitions.insert(name, id);
        let here = format!("/definitions/{name}");
        let node = if schema.get("$ref").is_some() {
            // A definition that is another name for a definition.
            let target = self.compile(schema, &here)?;
            if target == id {
                return unsupported(&here, "a `$ref` to itself");
            }
            Node::Same(target)
        } else {
            self.node(schema, &here)?
        };
        self.nodes[id] = node;
        Ok(id)
    }

    fn checks(&mut self, keywords: &'s Map<String, Value>, at: &str) -> Compiled<Vec<Check<'s>>> {
        let mut checks = Vec::new();
        let mut object_done = false;
        for (keyword, value) in keywords {
            let here = format!("{at}/{keyword}");
            match keyword.as_str() {
                "type" => checks.push(Check::Type {
                    expected: value,
                    allowed: type_set(value, &here)?,
                }),
                "properties" | "additionalProperties" if !object_done => {
                    object_done = true;
                    checks.push(self.object(keywords, at)?);
                }
                "properties" | "additionalProperties" => {}
                "required" => {
                    let names = value.as_array().and_then(|names| {
                        names.iter().map(Value::as_str).collect::<Option<Vec<_>>>()
                    });
                    match names {
                        Some(names) => checks.push(Check::Required(names)),
                        None => return unsupported(&here, "`required` must list strings"),
                    }
                }
                "const" => checks.push(Check::Const(value)),
                "enum" => match value {
                    Value::Array(_) => checks.push(Check::Enum(value)),
                    _ => return unsupported(&here, "`enum` must be an array"),
                },
                "if" => {
                    let condition = self.compile(value, &here)?;
                    let then = match keywords.get("then") {
                        Some(then) => Some(self.compile(then, &format!("{at}/then"))?),
                        None => None,
                    };
                    checks.push(Check::IfThen { condition, then });
                }
                "then" if keywords.contains_key("if") => {}
                "allOf" => {
                    let Some(branches) = value.as_array() else {
                        return unsupported(&here, "`allOf` must be an array");
                    };
                    let ids = branches
                        .iter()
                        .enumerate()
                        .map(|(i, branch)| self.compile(branch, &format!("{here}/{i}")))
                        .collect::<Compiled<Vec<_>>>()?;
                    checks.push(Check::AllOf(ids));
                }
                "items" => match value {
                    Value::Object(_) | Value::Bool(_) => {
                        checks.push(Check::Items(self.compile(value, &here)?));
                    }
                    _ => return unsupported(&here, "`items` must be one schema"),
                },
                "minimum" | "maximum" => {
                    if !value.is_number() {
                        return unsupported(&here, format!("`{keyword}` must be a number"));
                    }
                    checks.push(if keyword == "minimum" {
                        Check::Minimum(value)
                    } else {
                        Check::Maximum(value)
                    });
                }
                "pattern" => {
                    let source = value.as_str().unwrap_or_default();
                    match LengthOfClass::parse(source) {
                        Some(pattern) => checks.push(Check::Pattern { source, pattern }),
                        None => {
                            return unsupported(
                                &here,
                                format!("pattern `{value}` is not of the shape `^[class]{{m,n}}$`"),
                            )
                        }
                    }
                }
                _ if is_annotation(keyword) => {}
                _ => return unsupported(&here, format!("keyword `{keyword}` is not supported")),
            }
        }
        Ok(checks)
    }

    fn object(&mut self, keywords: &'s Map<String, Value>, at: &str) -> Compiled<Check<'s>> {
        let mut properties = Vec::new();
        if let Some(declared) = keywords.get("properties") {
            let Some(declared) = declared.as_object() else {
                return unsupported(
                    &format!("{at}/properties"),
                    "`properties` must be an object",
                );
            };
            for (name, schema) in declared {
                let id = self.compile(schema, &format!("{at}/properties/{name}"))?;
                properties.push((name.as_str(), id));
            }
        }
        let others = match keywords.get("additionalProperties") {
            None | Some(Value::Bool(true)) => Others::Allowed,
            Some(Value::Bool(false)) if keywords.contains_key("properties") => Others::Listed,
            Some(Value::Bool(false)) => Others::WholeObject,
            Some(schema) => {
                Others::Checked(self.compile(schema, &format!("{at}/additionalProperties"))?)
            }
        };
        Ok(Check::Object { properties, others })
    }
}

fn type_set(value: &Value, at: &str) -> Compiled<TypeSet> {
    let names: Vec<&Value> = match value {
        Value::Array(names) => names.iter().collect(),
        single => vec![single],
    };
    let mut bits = 0;
    for name in names {
        match name.as_str().and_then(TypeSet::bit) {
            Some(bit) => bits |= bit,
            None => return unsupported(at, format!("unknown type {name}")),
        }
    }
    Ok(TypeSet(bits))
}

/// One step of the path from the instance's root to the value being checked.
#[derive(Clone, Copy)]
enum Step<'i> {
    Key(&'i str),
    Index(usize),
}

impl<'s> Validator<'s> {
    /// Compiles `schema` (a draft-07 document), refusing anything outside the subset above.
    /// Every definition is compiled, referenced or not, so the refusal covers the whole file.
    pub fn new(schema: &'s Value) -> Result<Validator<'s>, UnsupportedSchema> {
        let mut compiler = Compiler {
            root: schema,
            nodes: Vec::new(),
            definitions: HashMap::new(),
        };
        let root = compiler.compile(schema, "")?;
        if let Some(definitions) = schema.get("definitions") {
            let Some(definitions) = definitions.as_object() else {
                return unsupported("/definitions", "`definitions` must be an object");
            };
            for name in definitions.keys() {
                compiler.definition(name, "/definitions")?;
            }
        }
        Ok(Validator {
            nodes: compiler.nodes,
            root,
        })
    }

    /// Every error of `instance`, as `jsonschema`'s `iter_errors` finds them.
    pub fn errors<'i>(&self, instance: &'i Value) -> Vec<ValidationError<'s>> {
        let mut errors = Vec::new();
        let mut path = Vec::new();
        self.collect(self.root, instance, &mut path, &mut errors);
        errors
    }

    /// Whether `instance` is valid; stops at the first error (for `if`).
    pub fn is_valid(&self, instance: &Value) -> bool {
        self.valid(self.root, instance)
    }

    fn collect<'i>(
        &self,
        node: NodeId,
        instance: &'i Value,
        path: &mut Vec<Step<'i>>,
        errors: &mut Vec<ValidationError<'s>>,
    ) {
        let checks = match &self.nodes[node] {
            Node::Anything => return,
            Node::Nothing => {
                errors.push(error(path, ErrorKind::FalseSchema));
                return;
            }
            Node::Same(target) => return self.collect(*target, instance, path, errors),
            Node::Checks(checks) => checks,
        };
        for check in checks {
            match check {
                Check::Object { properties, others } => {
                    let Value::Object(members) = instance else {
                        continue;
                    };
                    if let Others::Allowed = others {
                        // Only the declared members matter: look each up (an `if` declares one).
                        for (name, schema) in properties {
                            if let Some((key, value)) = member(members, name) {
                                path.push(Step::Key(key));
                                self.collect(*schema, value, path, errors);
                                path.pop();
                            }
                        }
                        continue;
                    }
                    let mut unexpected = Vec::new();
                    for (key, value) in members {
                        let schema = match properties.iter().find(|(name, _)| *name == key.as_str())
                        {
                            Some(&(_, id)) => id,
                            None => match others {
                                Others::Allowed => continue,
                                Others::Checked(id) => *id,
                                Others::Listed | Others::WholeObject => {
                                    unexpected.push(key.clone());
                                    continue;
                                }
                            },
                        };
                        path.push(Step::Key(key));
                        self.collect(schema, value, path, errors);
                        path.pop();
                    }
                    if !unexpected.is_empty() {
                        errors.push(error(
                            path,
                            match others {
                                Others::WholeObject => ErrorKind::FalseSchema,
                                _ => ErrorKind::AdditionalProperties { unexpected },
                            },
                        ));
                    }
                }
                Check::Items(schema) => {
                    if let Value::Array(items) = instance {
                        for (index, item) in items.iter().enumerate() {
                            path.push(Step::Index(index));
                            self.collect(*schema, item, path, errors);
                            path.pop();
                        }
                    }
                }
                Check::AllOf(branches) => {
                    for branch in branches {
                        self.collect(*branch, instance, path, errors);
                    }
                }
                Check::IfThen { condition, then } => {
                    // A failing `if` is not an error; `then` applies only when it holds.
                    if let Some(then) = then {
                        if self.valid(*condition, instance) {
                            self.collect(*then, instance, path, errors);
                        }
                    }
                }
                Check::Required(names) => {
                    if let Value::Object(members) = instance {
                        for name in names {
                            if member(members, name).is_none() {
                                errors.push(error(path, ErrorKind::Required { property: name }));
                            }
                        }
                    }
                }
                leaf => {
                    if let Some(kind) = leaf_error(leaf, instance) {
                        errors.push(error(path, kind));
                    }
                }
            }
        }
    }

    fn valid(&self, node: NodeId, instance: &Value) -> bool {
        let checks = match &self.nodes[node] {
            Node::Anything => return true,
            Node::Nothing => return false,
            Node::Same(target) => return self.valid(*target, instance),
            Node::Checks(checks) => checks,
        };
        checks.iter().all(|check| match check {
            Check::Object { properties, others } => {
                let Value::Object(members) = instance else {
                    return true;
                };
                if let Others::Allowed = others {
                    return properties.iter().all(|(name, schema)| {
                        member(members, name).is_none_or(|(_, value)| self.valid(*schema, value))
                    });
                }
                members.iter().all(|(key, value)| {
                    match properties.iter().find(|(name, _)| *name == key.as_str()) {
                        Some(&(_, id)) => self.valid(id, value),
                        None => match others {
                            Others::Allowed => true,
                            Others::Checked(id) => self.valid(*id, value),
                            Others::Listed | Others::WholeObject => false,
                        },
                    }
                })
            }
            Check::Items(schema) => match instance {
                Value::Array(items) => items.iter().all(|item| self.valid(*schema, item)),
                _ => true,
            },
            Check::AllOf(branches) => branches.iter().all(|b| self.valid(*b, instance)),
            Check::IfThen { condition, then } => match then {
                Some(then) => !self.valid(*condition, instance) || self.valid(*then, instance),
                None => true,
            },
            Check::Required(names) => match instance {
                Value::Object(members) => names.iter().all(|n| member(members, n).is_some()),
                _ => true,
            },
            leaf => leaf_error(leaf, instance).is_none(),
        })
    }
}

/// The member `name` of an object, with its key. Template objects are small, and a scan of a
/// few keys is quicker than hashing the name.
fn member<'v>(members: &'v Map<String, Value>, name: &str) -> Option<(&'v str, &'v Value)> {
    if members.len() <= 8 {
        members
            .iter()
            .find(|(key, _)| key.as_str() == name)
            .map(|(key, value)| (key.as_str(), value))
    } else {
        members
            .get_key_value(name)
            .map(|(key, value)| (key.as_str(), value))
    }
}

/// The error of a keyword that looks at the value alone, if it fails.
fn leaf_error<'s>(check: &Check<'s>, instance: &Value) -> Option<ErrorKind<'s>> {
    match check {
        Check::Type { expected, allowed } => {
            (!allowed.allows(instance)).then_some(ErrorKind::Type { expected })
        }
        Check::Const(expected) => {
            (!json_equal(instance, expected)).then_some(ErrorKind::Constant {
                expected_value: expected,
            })
        }
        Check::Enum(options) => {
            let allowed = options
                .as_array()
                .is_some_and(|o| o.iter().any(|option| json_equal(instance, option)));
            (!allowed).then_some(ErrorKind::Enum { options })
        }
        Check::Minimum(limit) => match instance {
            Value::Number(n) if compare(n, limit) == Some(std::cmp::Ordering::Less) => {
                Some(ErrorKind::Minimum { limit })
            }
            _ => None,
        },
        Check::Maximum(limit) => match instance {
            Value::Number(n) if compare(n, limit) == Some(std::cmp::Ordering::Greater) => {
                Some(ErrorKind::Maximum { limit })
            }
            _ => None,
        },
        Check::Pattern { source, pattern } => match instance {
            Value::String(text) if !pattern.is_match(text) => {
                Some(ErrorKind::Pattern { pattern: source })
            }
            _ => None,
        },
        Check::Object { .. }
        | Check::Items(_)
        | Check::AllOf(_)
        | Check::IfThen { .. }
        | Check::Required(_) => None,
    }
}

fn error<'s>(path: &[Step<'_>], kind: ErrorKind<'s>) -> ValidationError<'s> {
    let mut instance_path = String::new();
    for step in path {
        instance_path.push('/');
        match step {
            Step::Key(key) => {
                for c in key.chars() {
                    match c {
                        '~' => instance_path.push_str("~0"),
                        '/' => instance_path.push_str("~1"),
                        c => instance_path.push(c),
                    }
                }
            }
            Step::Index(index) => instance_path.push_str(&index.to_string()),
        }
    }
    ValidationError {
        instance_path,
        kind,
    }
}

/// Orders a number against a schema limit: exactly for integers, as `f64` otherwise.
fn compare(n: &serde_json::Number, limit: &Value) -> Option<std::cmp::Ordering> {
    let Value::Number(limit) = limit else {
        return None;
    };
    if let (Some(a), Some(b)) = (n.as_i64(), limit.as_i64()) {
        return Some(a.cmp(&b));
    }
    if let (Some(a), Some(b)) = (n.as_u64(), limit.as_u64()) {
        return Some(a.cmp(&b));
    }
    // A u64 past i64 against a negative limit, or any float: f64 is exact enough for the
    // schemas' small integer limits.
    n.as_f64()?.partial_cmp(&limit.as_f64()?)
}

/// JSON equality as JSON Schema means it: numbers by value (1 equals 1.0), objects without
/// regard to member order.
fn json_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(_)) => compare(x, b) == Some(std::cmp::Ordering::Equal),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_equal(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_equal(v, w)))
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn kinds(schema: Value, instance: Value) -> Vec<(String, String)> {
        let validator = Validator::new(&schema).unwrap();
        validator
            .errors(&instance)
            .into_iter()
            .map(|e| (e.instance_path, e.kind.keyword().to_owned()))
            .collect()
    }

    #[test]
    fn the_pattern_reader_takes_the_schemas_shape_only() {
        let names = LengthOfClass::parse("^[A-Za-z0-9-_.]{1,64}$").unwrap();
        assert!(names.is_match("run-output_1.vhd"));
        assert!(!names.is_match(""));
        assert!(!names.is_match(&"a".repeat(65)));
        assert!(names.is_match(&"a".repeat(64)));
        assert!(!names.is_match("a b"));
        assert!(!names.is_match("é"));
        assert!(!names.is_match("abc\n"));
        let no_dot = LengthOfClass::parse("^[A-Za-z0-9-_]{1,64}$").unwrap();
        assert!(!no_dot.is_match("a.b"));
        assert!(no_dot.is_match("a-b_c"));
        for other in [
            "^[a-z]+$",
            "[a-z]{1,2}",
            "^[^a]{1,2}$",
            "^[a\\d]{1,2}$",
            "^[a-z]{3,1}$",
        ] {
            assert!(LengthOfClass::parse(other).is_none(), "{other}");
        }
    }

    #[test]
    fn unknown_keywords_and_refs_are_refused() {
        for schema in [
            json!({"oneOf": [true]}),
            json!({"pattern": "^a+$"}),
            json!({"$ref": "#/definitions/missing"}),
            json!({"$ref": "#/definitions/a", "type": "string", "definitions": {"a": true}}),
            json!({"if": true, "then": true, "else": true}),
            json!({"items": [true]}),
            json!({"type": "text"}),
        ] {
            assert!(Validator::new(&schema).is_err(), "{schema}");
        }
    }

    #[test]
    fn recursive_definitions_compile_and_validate() {
        let schema = json!({
            "$ref": "#/definitions/tree",
            "definitions": {"tree": {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/definitions/tree"}}}, "additionalProperties": false}}
        });
        assert_eq!(
            kinds(schema, json!({"kids": [{"kids": [{"x": 1}]}]})),
            [(
                "/kids/0/kids/0".to_owned(),
                "additionalProperties".to_owned()
            )]
        );
    }

    #[test]
    fn paths_escape_slash_and_tilde() {
        let schema = json!({"additionalProperties": {"type": "string"}});
        assert_eq!(
            kinds(schema, json!({"a/b~c": 1})),
            [("/a~1b~0c".to_owned(), "type".to_owned())]
        );
    }
}
