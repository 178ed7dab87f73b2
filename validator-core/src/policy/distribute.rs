//! `distributeIncludes`: `distribute` has a target matching the rule, such as the company
//! gallery with at least two replicas in each region.
//!
//! ```json
//! { "id": "company-gallery", "severity": "error", "message": "Publish to the company gallery",
//!   "distributeIncludes": { "type": "SharedImage",
//!     "galleryImageId": { "preset": "resourceIdInResourceGroup",
//!                         "resourceGroups": ["/subscriptions/1111…/resourceGroups/images"] },
//!     "minReplicas": 2 } }
//! ```
//!
//! `type` compares without regard to case; `runOutputName`, `galleryImageId` and `imageId` are
//! patterns. `minReplicas` asks every `targetRegions` entry for that `replicaCount` (1 when
//! not given, as Image Builder assumes; a target without `targetRegions` has 1).

use serde_json::Value;

use super::customize::{field_matches, kind_matches, Fields};
use super::{pattern::Pattern, Rule};
use crate::diagnostic::Diagnostic;
use crate::model::{self, Step, Template};
use crate::pointer;

/// What one target must be like; absent fields match anything.
#[derive(Debug, Clone, PartialEq)]
pub struct DistributeIncludes {
    pub kind: Option<String>,
    pub run_output_name: Option<Pattern>,
    pub gallery_image_id: Option<Pattern>,
    pub image_id: Option<Pattern>,
    pub min_replicas: Option<u64>,
}

const FIELDS: [&str; 5] = [
    "type",
    "runOutputName",
    "galleryImageId",
    "imageId",
    "minReplicas",
];

impl DistributeIncludes {
    pub(crate) fn read(value: &Value) -> Result<DistributeIncludes, String> {
        let fields = Fields::read(value, &FIELDS)?;
        if fields.is_empty() {
            return Err(format!(
                "give at least one of {}",
                super::pattern::quoted_list(&FIELDS)
            ));
        }
        let min_replicas = match fields.get("minReplicas") {
            None => None,
            Some(v) => Some(v.as_u64().ok_or("`minReplicas` is a whole number")?),
        };
        Ok(DistributeIncludes {
            kind: fields.kind()?,
            run_output_name: fields.pattern("runOutputName")?,
            gallery_image_id: fields.pattern("galleryImageId")?,
            image_id: fields.pattern("imageId")?,
            min_replicas,
        })
    }

    /// True when `step` is the target asked for, replicas apart.
    fn matches_target(&self, step: &Step) -> bool {
        kind_matches(self.kind.as_deref(), step)
            && field_matches(self.run_output_name.as_ref(), step, "runOutputName")
            && field_matches(self.gallery_image_id.as_ref(), step, "galleryImageId")
            && field_matches(self.image_id.as_ref(), step, "imageId")
    }

    /// "a `SharedImage` target with a gallery image ID …".
    pub fn describe(&self) -> String {
        let mut out = match &self.kind {
            Some(kind) => format!("a `{kind}` target"),
            None => "a target".to_owned(),
        };
        let described = [
            ("a run output name", &self.run_output_name),
            ("a gallery image ID", &self.gallery_image_id),
            ("an image ID", &self.image_id),
        ];
        let with: Vec<String> = described
            .iter()
            .filter_map(|(what, p)| p.as_ref().map(|p| format!("{what} {}", p.describe())))
            .collect();
        if !with.is_empty() {
            out.push_str(" with ");
            out.push_str(&with.join(" and "));
        }
        out
    }

    pub(crate) fn check(&self, template: &Template, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let list = template.get("/properties/distribute");
        let unknown = list.is_some_and(|l| {
            model::is_expression_value(l)
                || l.as_array()
                    .is_some_and(|items| items.iter().any(model::is_expression_value))
        });
        if unknown {
            return;
        }
        let targets: Vec<&Step> = template
            .distributors()
            .iter()
            .filter(|s| self.matches_target(s))
            .collect();
        let Some(first) = targets.first() else {
            let at = template.ptr("/properties/distribute");
            out.push(rule.finding(
                at,
                format!("no entry of `distribute` is {}", self.describe()),
            ));
            return;
        };
        let Some(wanted) = self.min_replicas else {
            return;
        };
        let fewest = |s: &Step| replicas(s.get("targetRegions"));
        if targets
            .iter()
            .any(|s| fewest(s).is_none_or(|n| n >= wanted))
        {
            return;
        }
        let have = fewest(first).unwrap_or(1);
        let at = format!("{}/targetRegions", first.pointer);
        out.push(rule.finding(
            at,
            format!("{have} replica(s) where at least {wanted} are asked for in each region"),
        ));
    }
}

/// The fewest replicas of any target region; `None` when unknown (an expression).
fn replicas(regions: Option<&Value>) -> Option<u64> {
    let Some(regions) = regions else {
        return Some(1);
    };
    let regions = regions.as_array()?;
    let mut fewest = None;
    for region in regions {
        let count = match region
            .as_object()
            .and_then(|r| pointer::get(r, "replicaCount"))
        {
            None => 1,
            Some(count) => count.as_u64()?,
        };
        fewest = Some(fewest.map_or(count, |f: u64| f.min(count)));
    }
    fewest.or(Some(1))
}
