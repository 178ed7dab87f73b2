//! `range`: the numbers at a pointer lie between a minimum and a maximum, both included.
//!
//! ```json
//! { "id": "build-time", "severity": "error", "message": "Builds stay under two hours",
//!   "range": { "pointer": "/properties/buildTimeoutInMinutes", "min": 30, "max": 120 } }
//! ```
//!
//! A number outside the range implies its fix: the nearest bound.

use serde::Deserialize;
use serde_json::{Number, Value};

use super::{select::Selector, Rule};
use crate::diagnostic::{Diagnostic, Edit};
use crate::model::Template;

/// The pointer (from the template resource, `*` for every entry) and the bounds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub pointer: String,
    #[serde(default)]
    pub min: Option<Number>,
    #[serde(default)]
    pub max: Option<Number>,
    /// `pointer`, read once.
    #[serde(skip)]
    selector: Selector,
}

impl Range {
    pub(crate) fn read(value: &Value) -> Result<Range, String> {
        let mut range: Range = super::from_value(value)?;
        super::read_pointer(value)?;
        range.selector = Selector::new(&range.pointer);
        match (range.low(), range.high()) {
            (None, None) => Err("a range has `min`, `max` or both".to_owned()),
            (Some(low), Some(high)) if low > high => Err("`min` is above `max`".to_owned()),
            _ => Ok(range),
        }
    }

    fn low(&self) -> Option<f64> {
        self.min.as_ref().and_then(Number::as_f64)
    }

    fn high(&self) -> Option<f64> {
        self.max.as_ref().and_then(Number::as_f64)
    }

    pub(crate) fn check(&self, template: &Template, rule: &Rule, out: &mut Vec<Diagnostic>) {
        self.selector.each(template.value, |place, given| {
            // Other types are the schema's findings; expressions are known at deployment.
            let Some(number) = given.as_f64() else {
                return;
            };
            let (bound, detail) = match (self.low(), self.high()) {
                (Some(low), _) if number < low => (&self.min, "below the minimum"),
                (_, Some(high)) if number > high => (&self.max, "above the maximum"),
                _ => return,
            };
            let Some(bound) = bound.clone() else { return };
            let pointer = place.pointer(&template.base);
            out.push(
                rule.finding(pointer.clone(), format!("`{given}` is {detail} `{bound}`"))
                    .fix(
                        format!("set to `{bound}`"),
                        vec![Edit::Replace {
                            pointer,
                            value: Value::Number(bound),
                        }],
                    ),
            );
        });
    }
}
