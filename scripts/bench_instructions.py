#!/usr/bin/env python3
"""Counts the instructions of one warm check of each scaling shape at each size, and of the peer
(`serde_json::from_str`) on the shapes that are strict JSON, with valgrind: the growth of the
work itself, which no cache or neighbour changes, beside the growth of the time that the
scaling bench measures (scripts/bench.sh puts both in BENCHMARKS.md). The shapes, their sizes
and which of them have the peer are those of the scaling bench's run, read from what it wrote.

    scripts/bench_instructions.py target/release/examples/check_shape target/scaling-paired.json \
        > target/instructions.json

One warm check is the difference between a run with two checks and a run with one: generating
the text and compiling the schemas happen once in both."""
import json
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

binary, paired_path = sys.argv[1:3]
paired = json.load(open(paired_path))
shapes = list(dict.fromkeys(step["shape"] for step in paired))
sizes = sorted({step["from"] for step in paired} | {step["to"] for step in paired})
strict_json = {step["shape"] for step in paired if "peer" in step}


def instructions(shape, size, checks, what):
    with tempfile.NamedTemporaryFile(suffix=".log") as log:
        subprocess.run(
            ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
             f"--log-file={log.name}", binary, shape, str(size), str(checks), what],
            check=True, capture_output=True)
        report = open(log.name).read()
    return int(re.search(r"I\s+refs:\s+([\d,]+)", report).group(1).replace(",", ""))


def one_check(job):
    shape, size, what = job
    return job, instructions(shape, size, 2, what) - instructions(shape, size, 1, what)


jobs = [(shape, size, "check") for shape in shapes for size in sizes]
jobs += [(shape, size, "serde_json") for shape in shapes if shape in strict_json for size in sizes]
# Two at a time: the machines have two cores, and each count is exact whatever runs beside it.
with ThreadPoolExecutor(max_workers=2) as pool:
    counts = list(pool.map(one_check, jobs))
json.dump([{"shape": shape, "bytes": size, "what": what, "instructions": count}
           for (shape, size, what), count in counts], sys.stdout, indent=1)
print()
