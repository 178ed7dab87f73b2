#!/usr/bin/env python3
"""Writes BENCHMARKS.md from one run of the criterion benchmark, the ajv and vscode-json peers and
the browser measurements (scripts/bench.sh)."""
import datetime
import json
import os
import platform
import subprocess
import sys

inputs_path, ajv_path, criterion_dir, browser_path, vscode_path, cli_path = sys.argv[1:7]
inputs = json.load(open(inputs_path))
ajv = json.load(open(ajv_path))
vscode = json.load(open(vscode_path))


def criterion_ns(label, group="check"):
    path = os.path.join(criterion_dir, group, label, "new", "estimates.json")
    return json.load(open(path))["mean"]["point_estimate"]


def criterion_bytes(group, label):
    path = os.path.join(criterion_dir, group, label, "new", "benchmark.json")
    return json.load(open(path))["throughput"]["Bytes"]


def ms(ns):
    return f"{ns / 1e6:,.1f} ms" if ns < 1e9 else f"{ns / 1e9:.2f} s"


def growth_rows(group, shapes, sizes, paired_file):
    """A row per shape: the mean at each size, then for each step the growth factor per 10× of
    input measured paired (its median in bold, quartiles in brackets; from `paired_file`, which
    the bench writes beside criterion's directory) and as criterion's means divided, scaled to
    exactly 10× by the measured sizes (a generated text is a little longer than asked). The worst
    factor is the worst paired median."""
    paired = {(p["shape"], p["from"]): p for p in json.load(open(os.path.join(criterion_dir, "..", paired_file)))}
    out = []
    worst = 0.0
    for shape in shapes:
        times = [criterion_ns(f"{shape}/{size}", group) for size in sizes]
        lengths = [criterion_bytes(group, f"{shape}/{size}") for size in sizes]
        cells = []
        for i in range(1, len(sizes)):
            sequential = (times[i] / times[i - 1]) / (lengths[i] / lengths[i - 1]) * 10
            pair = paired[(shape, sizes[i - 1])]
            worst = max(worst, pair["median"])
            cells.append(f"**{pair['median']:.1f}×** ({pair['lower_quartile']:.1f}–{pair['upper_quartile']:.1f}), {sequential:.1f}×")
        out.append(f"| {shape} | " + " | ".join(ms(t) for t in times) + " | " + " | ".join(cells) + " |")
    return "\n".join(out), worst


def peer_growth_rows(shapes, paired_file):
    """A row per shape that is strict JSON: the paired growth of `check` beside that of the peer
    the bench measured in the same rounds' way on the same texts (`serde_json::from_str`)."""
    paired = json.load(open(os.path.join(criterion_dir, "..", paired_file)))
    out = []
    for shape in shapes:
        steps = [p for p in paired if p["shape"] == shape and "peer" in p]
        if not steps:
            continue
        cells = [f"{p['median']:.1f}× / {p['peer']['median']:.1f}× ({p['peer']['lower_quartile']:.1f}–{p['peer']['upper_quartile']:.1f})" for p in steps]
        out.append(f"| {shape} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def instruction_rows(shapes, instructions_file):
    """A row per shape: the growth per 10× of input of one warm check's instructions, counted by
    valgrind (`scripts/bench_instructions.py`), and of the peer's where it was counted."""
    counts = {(c["shape"], c["bytes"], c["what"]): c["instructions"]
              for c in json.load(open(os.path.join(criterion_dir, "..", instructions_file)))}
    out = []
    worst = 0.0
    for shape in shapes:
        cells = []
        for what in ["check", "serde_json"]:
            sizes = sorted(size for (s, size, w) in counts if s == shape and w == what)
            steps = [counts[(shape, large, what)] / counts[(shape, small, what)] for small, large in zip(sizes, sizes[1:])]
            if what == "check":
                worst = max([worst] + steps)
            cells.append(", ".join(f"{step:.2f}×" for step in steps) or "not strict JSON")
        out.append(f"| {shape} | " + " | ".join(cells) + " |")
    return "\n".join(out), worst


def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except Exception:
        return "unknown"


def cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def us(ns):
    return f"{ns / 1000:.1f} µs" if ns is not None else "n/a"


rows = []
vscode_rows = []
seen = set()
for item in inputs:
    label = item["label"]
    if label in seen:
        continue
    seen.add(label)
    ours = criterion_ns(label)
    peer = ajv[label]
    ratio = ours / peer["ns"]
    with_parse = peer.get("parseNs")
    ratio_parse = f"{ours / with_parse:.2f}×" if with_parse else "n/a (not strict JSON)"
    rows.append(
        f"| {label} | {len(item['text'].encode()) / 1024:.1f} KiB | {len(json.dumps(item['resource'])) / 1024:.1f} KiB "
        f"| {item['apiVersion']} | {us(ours)} | {us(peer['ns'])} | {ratio:.1f}× | {us(with_parse)} | {ratio_parse} |"
    )
    editor = vscode[label]
    vscode_rows.append(
        f"| {label} | {len(item['text'].encode()) / 1024:.1f} KiB | {us(ours)} | {us(editor['ns'])} "
        f"| {ours / editor['ns']:.2f}× | {editor['diagnostics']} |"
    )

# The scaling bench's shapes (`benches/shapes.rs`), in its order, from what it wrote.
SHAPES = list(dict.fromkeys(p["shape"] for p in json.load(open(os.path.join(criterion_dir, "..", "scaling-paired.json")))))
scaling, worst = growth_rows("scaling", SHAPES, [100_000, 1_000_000, 10_000_000], "scaling-paired.json")
peer_growth = peer_growth_rows(SHAPES, "scaling-paired.json")
instructions, instructions_worst = instruction_rows(SHAPES, "instructions.json")
ten_mb = max(criterion_ns(f"{shape}/10000000", "scaling") for shape in SHAPES)
text_output, text_worst = growth_rows("text_output", ["lines", "one_line"], [10_000, 100_000, 1_000_000], "text-output-paired.json")
cli = json.load(open(cli_path))
scaling_section = f"""## Growth with the input

`check` on generated templates of the shapes that were once quadratic (`benches/shapes.rs`:
{", ".join(f"`{s}`" for s in SHAPES)}), at about 100 KB, 1 MB and 10 MB (`cargo bench -p
validator-core --bench scaling`, criterion mean; the bench allocates with mimalloc, as `aib`
does). The growth factor is the time ratio per 10× of input; linear is 10×. Target: at most about
12× for every shape, and every 10 MB template in under 2 s.

Each growth factor is given twice. In bold, the paired measurement of the same bench: rounds that
alternate a block of checks at one size with a block at ten times the size, the median of the
rounds' ratios (quartiles in brackets). After the comma, criterion's means divided: those sizes
were timed minutes apart, and this machine's speed drifts over minutes (its last-level cache is
shared with other virtual machines), which moved such a factor by up to 2× between runs of the
same build.

| shape | 100 KB | 1 MB | 10 MB | 100 KB → 1 MB | 1 MB → 10 MB |
|---|---|---|---|---|---|
{scaling}

Worst growth factor (paired median): **{worst:.1f}×** ({'met' if worst <= 12.0 else '**not met**'}); slowest 10 MB template: **{ms(ten_mb)}**.

The peer, on the shapes that are strict JSON: `serde_json::from_str` builds the same value from
the same texts (an `IndexMap` per object, as `check` does) and reports nothing. Its growth,
measured paired in the same run, shows what this machine's caches make of the value alone
(`check`'s paired median / the peer's, quartiles in brackets):

| shape | 100 KB → 1 MB | 1 MB → 10 MB |
|---|---|---|
{peer_growth}

The work itself: the instructions of one warm check, counted by valgrind on the same shapes and
sizes (`scripts/bench_instructions.py`, a release build of `examples/check_shape`). Unlike time,
the count is exact and the same on any machine; linear is 10×. `cli/tests/linear_work.rs` holds
`aib check` to at most 11× in every test run. Growth per 10× of input, 100 KB → 1 MB and
1 MB → 10 MB (worst for `check`: **{instructions_worst:.2f}×**):

| shape | `check` | `serde_json::from_str` |
|---|---|---|
{instructions}

Rendering text output for people (`cargo bench -p aib --bench text_output`: one diagnostic per
50 bytes, short lines or all on one line, rendering only; growth factors as above, paired in
bold; worst paired median {text_worst:.1f}×):

| shape | 10 KB | 100 KB | 1 MB | 10 KB → 100 KB | 100 KB → 1 MB |
|---|---|---|---|---|---|
{text_output}

## The `aib` command per file

`aib check --format json` over {cli['copies']:,} copies of `{cli['template']}` ({cli['bytes'] / 1024:.1f} KiB)
in one invocation, against one copy, median of {cli['runs']} runs each
(`scripts/bench_cli.py`, release build at `opt-level = 3`): **{cli['perFileWallUs']:.0f} µs per
file** wall clock ({cli['manyWallS'] * 1000:.0f} ms for all of them), {cli['perFileUserUs']:.0f} µs of user CPU.
For comparison, vscode-json-languageservice takes the time in the table above for one
validation of such a file, in a process already running.
"""
# `cargo bench -p aib --bench lsp`: labels of validator-core/benches/common.rs, so the
# vscode-json peer has validated the same texts in this run.
LSP_FILES = ["linux-sig", "avm-ptn-image-builder-arm"]


def short(ns):
    return f"{ns / 1000:,.0f} µs" if ns < 1e6 else ms(ns)


lsp_rows = []
for label in LSP_FILES:
    ours = criterion_ns(label, "lsp_keystroke")
    size = criterion_bytes("lsp_keystroke", label)
    editor = vscode[label]["ns"]
    lsp_rows.append(f"| {label} | {size / 1024:.1f} KiB | {short(ours)} | {short(editor)} | {ours / editor:.2f}× |")
big = LSP_FILES[-1]
lsp_section = f"""## Language server

`aib lsp` from a keystroke to its diagnostics (`cargo bench -p aib --bench lsp`, criterion
mean): one `didChange` of one character sent through the in-memory connection to the real
server, debounce 0, until the `publishDiagnostics` of that version arrives: applying the
change, the check on the checker thread, UTF-16 positions, and the messages both ways. The peer
is vscode-json-languageservice's validation of the same text as above (create, parse,
`doValidation`), which is what VS Code's JSON server does after each keystroke, without its
protocol. Typing pauses 150 ms before a check in the editor; that wait is not counted.

| template | size | keystroke → diagnostics | vscode-json validation | ratio |
|---|---|---|---|---|
{chr(10).join(lsp_rows)}

The message loop answers hover and completion itself, lexing the text before the cursor: at
the last `"type"` of the {big} template, hover takes
{short(criterion_ns("hover/" + big, "lsp_request"))} and completion
{short(criterion_ns("completion/" + big, "lsp_request"))}, request to response.
"""
# `cargo bench -p validator-core --bench policy`: what an organisation's policy adds to a check.
POLICY_TEMPLATES = [("meets-policy", "the example policy's starter, filled in (meets every rule)"),
                    ("linux-sig", "the Linux quickstart (14 policy findings, some with did-you-mean)")]
# Written by the same bench beside criterion's directory: alternating rounds with and without.
paired = {p["template"]: p for p in json.load(open(os.path.join(criterion_dir, "..", "policy-paired.json")))}
policy_rows = []
for label, what in POLICY_TEMPLATES:
    none = criterion_ns(f"{label}_none", "policy")
    cells = []
    for variant in ["example-14-rules", "50-rules", "50-rules-first-check"]:
        extra = criterion_ns(f"{label}_{variant}", "policy") / none - 1
        cells.append(f"{short(criterion_ns(f'{label}_{variant}', 'policy'))} ({extra * 100:+.0f}%)")
    pair = paired[label]
    cells.append(f"{(pair['median'] - 1) * 100:+.0f}% ({(pair['lower_quartile'] - 1) * 100:+.0f}% to "
                 f"{(pair['upper_quartile'] - 1) * 100:+.0f}%)")
    policy_rows.append(f"| {label}: {what} | {short(none)} | " + " | ".join(cells) + " |")
policy_worst = paired["meets-policy"]["median"] - 1
policy_pair = paired["meets-policy"]
policy_section = f"""## Policies

`check` without a policy and with one (`cargo bench -p validator-core --bench policy`,
criterion mean): the example policy (`examples/policy/contoso.json`, 14 rules) and 50 rules (the
example's and 36 more, every kind of the vocabulary). Checked again is what every keystroke in
the designer and the language server does: a policy's regexes remember their answers for
values they have seen; the first check is a policy's first sight of the template.

The last column is the same bench's paired measurement of 50 rules, checked again: criterion
times each variant in turn, seconds apart, and this machine's speed drifts between them (the
same build's time without a policy has moved from 20 to 31 µs between runs), so it also
alternates {policy_pair['rounds']} short rounds of {policy_pair['checks_per_round']} checks with and without the policy and gives
the median of the rounds' ratios (quartiles in brackets).

| template | no policy | 14 rules | 50 rules, checked again | 50 rules, first check | 50 rules, paired |
|---|---|---|---|---|---|
{chr(10).join(policy_rows)}

Target: a 50-rule policy adds at most 20% to the check of a typical template that meets it
(paired median **{policy_worst * 100:+.0f}%**: {'met' if policy_worst <= 0.20 else '**not met**'}). A template that breaks many rules pays for the findings
(messages, did-you-mean suggestions, positions), as it does for the built-in rules.
"""
notes = open(os.path.join(os.path.dirname(__file__), "..", "bench", "NOTES.md")).read()
browser = json.load(open(browser_path))


def kib(n):
    return f"{n / 1024:.0f} KiB"


startup, throttled = browser["startup"], browser["startupThrottled"]
downloads = "\n".join(
    f"| `{d['url']}` | {kib(d['raw'])} | {kib(d['transferred'])} |" for d in sorted(startup["downloads"], key=lambda d: -d["transferred"])
)
edits = "\n".join(
    f"| {label} | {kib(browser[key]['bytes'])} | {browser[key]['editToProblemsMs']:.1f} ms | {browser[key]['jsonParseMs'] * 1000:.0f} µs | {browser[key]['editToProblemsMs'] / max(browser[key]['jsonParseMs'], 1e-6):.0f}× |"
    for label, key in [("typical", "typical"), ("about 1 MB (4,600 customizers)", "oneMegabyte")]
)
big_open = browser["openCustomizeOneMegabyte"]
big = browser["responsivenessOneMegabyte"]
MIB = 1024 * 1024


def long_task(ms_value):
    return "none over 50 ms" if ms_value == 0 else f"{ms_value:,.0f} ms"


def verdict(ok):
    return "met" if ok else "**not met**"


responsiveness = [
    ("a paste of the whole template (Ctrl+A, Ctrl+V): longest task", long_task(big["pasteLongestTaskMs"]), "≤ 100 ms", big["pasteLongestTaskMs"] <= 100),
    (f"a keystroke in the JSON view ({big['keystrokes']} typed, 60 ms apart): longest task", long_task(big["keystrokeLongestTaskMs"]), "≤ 100 ms", big["keystrokeLongestTaskMs"] <= 100),
    ("a keystroke in the JSON view: to the next paint, p95 (Event Timing)", f"{big['keystrokePaintP95Ms']:.0f} ms", "≤ 50 ms", big["keystrokePaintP95Ms"] <= 50),
    ("the last keystroke to updated problems", f"{big['lastKeystrokeToProblemsMs']:.0f} ms", "≤ 1 s", big["lastKeystrokeToProblemsMs"] <= 1000),
    ("opening Customize: longest task", long_task(big_open["longestTaskMs"]), "≤ 100 ms", big_open["longestTaskMs"] <= 100),
    ("a committed edit of the last customizer's name: longest task", long_task(big_open["fieldEditLongestTaskMs"]), "≤ 100 ms", big_open["fieldEditLongestTaskMs"] <= 100),
    ("Undo (of the typing): longest task", long_task(big["undoLongestTaskMs"]), "≤ 100 ms", big["undoLongestTaskMs"] <= 100),
    ("a reload restoring the draft: longest task", long_task(big["reloadLongestTaskMs"]), "≤ 100 ms", big["reloadLongestTaskMs"] <= 100),
]
responsiveness_rows = "\n".join(f"| {what} | {value} | {target} | {verdict(ok)} |" for what, value, target, ok in responsiveness)
typical_ok = browser["typical"]["editToProblemsMs"] <= 16

browser_section = f"""## The app in headless Chromium

Measured by `tests/e2e/perf.mjs` on the release build (`scripts/dist.sh`), served gzipped from
loopback (as a host with the precompressed `.gz` files serves it), fresh profile.
{version(["chromium", "--version"])}. The check and the exports run in a Web Worker; the JSON
view is CodeMirror 6; the page's own module holds neither the check nor the editor, and loads
first.

Everything the page downloads: **{startup['totalTransferredBytes'] / MIB:.2f} MiB** as transferred
(gzip), budget 1.2 MiB: {verdict(startup['totalTransferredBytes'] <= 1.2 * MIB)}.

| file | raw | transferred |
|---|---|---|
{downloads}

Startup, fresh cache, to an interactive form (a field of the form rendered), then the JSON
editor and the first check:

| network | form interactive | fetched before it | JSON editor ready | first check in |
|---|---|---|---|---|
| loopback | {startup['interactiveMs']:.0f} ms | {kib(startup['bytesBeforeInteractive'])} | {startup['editorMs']:.0f} ms | {startup['firstCheckMs']:.0f} ms |
| 10 Mbit/s, 40 ms round trip | {throttled['interactiveMs']:.0f} ms | {kib(throttled['bytesBeforeInteractive'])} | {throttled['editorMs']:.0f} ms | {throttled['firstCheckMs']:.0f} ms |

Targets at 10 Mbit/s: interactive within 1.0 s ({verdict(throttled['interactiveMs'] <= 1000)}), at
most 450 KB fetched before it ({verdict(throttled['bytesBeforeInteractive'] <= 450_000)}).

Edit in the JSON view to updated problems (an edit to the status line changing; the median of
21 edits that alternate between two texts), against `JSON.parse` of the same text in the same
page, the least any JSON editor does per keystroke. Budget: 16 ms for a typical template
({verdict(typical_ok)}). The round trip to the worker is part of it.

| template | size | edit → problems | JSON.parse | ratio |
|---|---|---|---|---|
{edits}

With the 1 MB template (4,600 customizers): the longest main-thread task of each action
(`longtask` entries, from the action until its check is in and a second of quiet; Chromium
reports tasks over 50 ms), and the time a keystroke takes to paint.

| 1 MB template | measured | target | |
|---|---|---|---|
{responsiveness_rows}

Opening Customize shows the list after {big_open['clickToListMs'] / 1000:.1f} s and every entry
after {big_open['clickToAllEntriesMs'] / 1000:.1f} s (lists above 50 entries show one compact
row per entry and add their rows in steps; {big_open['inputsInList']:,} fields in the list).
"""

print(f"""# Benchmarks

Generated by `scripts/bench.sh` on {datetime.date.today().isoformat()}; both sides measured in the same run on
the same machine ({os.cpu_count()} cores, {cpu()}), {version(["rustc", "--version"])}, node {version(["node", "--version"])},
ajv {json.load(open(os.path.join(os.path.dirname(__file__), "..", "bench", "ajv", "node_modules", "ajv", "package.json")))["version"]},
vscode-json-languageservice {json.load(open(os.path.join(os.path.dirname(__file__), "..", "bench", "vscode-json", "node_modules", "vscode-json-languageservice", "package.json")))["version"]}.

- **check**: `validator_core::check` on the file's text: lenient parse with spans, discovery of the
  image template(s), schema check (`schema::validate`) against the derived schema of the
  template's API version, read-only scan, every rule, positions and sorting (criterion, mean).
- **ajv**: ajv 8 (`allErrors: true`) validating the already-parsed image template resource against
  the same derived schema, compiled once outside the timing: the schema check alone.
- **ajv + JSON.parse**: the same plus `JSON.parse` of the whole file's text, the part of `check`
  that reading a file always costs (strict JSON only).

Ratios are check ÷ peer: below 1 means `check` is faster.

| template | file | resource | API | check | ajv (schema only) | ratio | ajv + JSON.parse | ratio |
|---|---|---|---|---|---|---|---|---|
""" + "\n".join(rows) + """

### Against the editor: vscode-json-languageservice

What VS Code runs for a JSON file with a schema, and the peer closest to `check`: text in,
positioned diagnostics out. Each iteration creates the `TextDocument`, parses it
(`parseJSONDocument`) and validates it (`doValidation`) against the same derived schema, bound to
the image template resource at its place in the file (an ARM template's `$schema` is mapped to
it, so nothing is downloaded); the schema is resolved once and cached, as in the editor. It knows
no ARM expressions, so ARM templates get type errors `check` does not report, and none of
Image Builder's own rules.

| template | file | check | vscode-json | ratio | its diagnostics |
|---|---|---|---|---|---|
""" + "\n".join(vscode_rows) + "\n\n" + scaling_section + "\n" + lsp_section + "\n" + policy_section + "\n" + browser_section + "\n" + notes)
