//! Paired measurement, shared by the benches that compare two things (`policy`, `scaling`, and
//! aib's `text_output`):
//! rounds that time one, then the other (which goes first alternates), and the quartiles of the
//! rounds' ratios. Each ratio comes from times a moment apart, so a drift of the machine's speed
//! over seconds or minutes (a virtual machine's neighbours) cancels out, which criterion's
//! variants, timed one after another, do not.

/// The quartiles of the rounds' ratios.
pub struct Ratio {
    pub lower_quartile: f64,
    pub median: f64,
    pub upper_quartile: f64,
}

impl Ratio {
    /// The quartiles as the reports read them, beside the bench's own fields.
    pub fn with(&self, mut fields: serde_json::Value) -> serde_json::Value {
        fields["median"] = self.median.into();
        fields["lower_quartile"] = self.lower_quartile.into();
        fields["upper_quartile"] = self.upper_quartile.into();
        fields
    }
}

/// The ratio of `measured`'s time to `baseline`'s over `rounds` rounds; each closure runs its
/// work and returns the time it took.
pub fn ratio(
    rounds: usize,
    mut baseline: impl FnMut() -> f64,
    mut measured: impl FnMut() -> f64,
) -> Ratio {
    let mut ratios: Vec<f64> = (0..rounds)
        .map(|round| {
            let (base, other) = if round % 2 == 0 {
                let base = baseline();
                (base, measured())
            } else {
                let other = measured();
                (baseline(), other)
            };
            other / base
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    let at = |quarter: usize| ratios[(rounds - 1) * quarter / 4];
    Ratio {
        lower_quartile: at(1),
        median: at(2),
        upper_quartile: at(3),
    }
}

/// The time of one of `runs` runs of `work`: what each side of a round measures.
pub fn per_run(runs: u32, mut work: impl FnMut()) -> f64 {
    let start = std::time::Instant::now();
    for _ in 0..runs {
        work();
    }
    start.elapsed().as_secs_f64() / f64::from(runs)
}
