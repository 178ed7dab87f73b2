//! `aib check` does work in proportion to its input on every shape that once made it quadratic
//! (`validator-core/benches/shapes.rs`: trailing commas, duplicate keys, placeholders, a finding
//! per entry, one long line, deep nesting), text output included.
//!
//! Time cannot tell this in a test: on a shared machine it is noisy, and it grows faster than
//! the input wherever the check outgrows a cache (`bench/NOTES.md`). The number of instructions
//! does neither: valgrind counts them exactly, so 10 times the input must cost about 10 times
//! the instructions, where a quadratic step costs 100 times. Each count is a difference of two
//! runs, so that starting the process and compiling the schemas (done once per process) are
//! left out.
//!
//! Needs valgrind (`scripts/setup.sh --for-tests` installs it):
//! cargo test -p aib --test linear_work -- --ignored --nocapture

#[path = "../../validator-core/benches/shapes.rs"]
#[allow(dead_code)]
mod shapes;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The smaller input; the larger is ten times this. Small, because the test binary is a debug
/// build and valgrind runs it some 30 times slower: large enough for a quadratic step to stand
/// out over the check's fixed costs.
const SMALL: usize = 40_000;

/// The most instructions 10 times the input may cost. A linear check measures 9.9× to 10.3× on
/// these shapes, and the count moves by about 0.1% between runs (hash seeds differ), so the limit
/// sits just above that: a quadratic step doing more than a tenth of the larger check's work
/// fails it, as the mutations in `bench/NOTES.md` showed.
const MOST_GROWTH: f64 = 11.0;

/// Far longer than a run of a linear check takes under valgrind (the longest, three files, takes
/// about 40 s here). A badly quadratic check would keep valgrind busy for hours: this ends the
/// run and says why instead.
const LONGEST_RUN: Duration = Duration::from_secs(600);

/// The instructions `aib check` executes on `files`, counted by valgrind, which writes its
/// report to `log`.
fn instructions(files: &[&Path], log: &Path) -> u64 {
    let mut run = Command::new("valgrind")
        .args(["--tool=cachegrind", "--cache-sim=no"])
        .arg("--cachegrind-out-file=/dev/null")
        .arg(format!("--log-file={}", log.display()))
        .arg(env!("CARGO_BIN_EXE_aib"))
        .arg("check")
        .args(files)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("valgrind runs (scripts/setup.sh --for-tests installs it)");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = run.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > LONGEST_RUN {
            run.kill().ok();
            run.wait().ok();
            panic!(
                "aib check {files:?} ran for more than {} s under valgrind: its work no longer grows in proportion to its input",
                LONGEST_RUN.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    // `aib check` exits 1 for templates with errors; anything else is a failure to run.
    assert!(
        matches!(status.code(), Some(0 | 1)),
        "aib check under valgrind: {status}"
    );
    let report = std::fs::read_to_string(log).unwrap();
    // "==123== I   refs:      1,154,500,272"
    let count = report
        .lines()
        .find_map(|line| line.split_once("I   refs:"))
        .map(|(_, count)| count.trim().replace(',', ""))
        .unwrap_or_else(|| panic!("no instruction count in valgrind's report:\n{report}"));
    count.parse().unwrap()
}

/// How many times the instructions of one check of `shape` grow from [`SMALL`] to ten times it.
fn growth(shape: &str, scratch: &Path) -> f64 {
    let small = scratch.join(format!("{shape}-small.json"));
    let large = scratch.join(format!("{shape}-large.json"));
    std::fs::write(&small, shapes::generate(shape, SMALL)).unwrap();
    std::fs::write(&large, shapes::generate(shape, 10 * SMALL)).unwrap();
    let log = scratch.join(format!("{shape}.valgrind.log"));
    let one = instructions(&[&small], &log);
    let two = instructions(&[&small, &small], &log);
    let three = instructions(&[&small, &small, &large], &log);
    // The first check in a process also compiles the schemas; the second of the same file
    // costs only the check.
    (three - two) as f64 / (two - one) as f64
}

fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aib-linear-work-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
#[ignore = "needs valgrind: scripts/setup.sh --for-tests, then --ignored"]
fn check_costs_ten_times_the_instructions_for_ten_times_the_input_on_every_hostile_shape() {
    let scratch = scratch_dir();
    // Two shapes at a time: the machines have two cores.
    let growths: Vec<(&str, f64)> = shapes::SHAPES
        .chunks(2)
        .flat_map(|pair| {
            std::thread::scope(|scope| {
                let runs: Vec<_> = pair
                    .iter()
                    .map(|&(shape, _)| {
                        let scratch = &scratch;
                        scope.spawn(move || (shape, growth(shape, scratch)))
                    })
                    .collect();
                runs.into_iter()
                    .map(|run| run.join().unwrap())
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    std::fs::remove_dir_all(&scratch).ok();
    let table: String = growths
        .iter()
        .map(|(shape, growth)| format!("  {shape}: {growth:.2}×\n"))
        .collect();
    println!(
        "instructions of one check, {SMALL} bytes → {} bytes:\n{table}",
        10 * SMALL
    );
    assert!(
        growths.iter().all(|&(_, growth)| growth <= MOST_GROWTH),
        "10× the input may cost at most {MOST_GROWTH}× the instructions:\n{table}"
    );
}
