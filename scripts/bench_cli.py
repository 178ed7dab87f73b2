#!/usr/bin/env python3
"""Measures `aib check --format json` per file: one invocation over 2,000 copies of a 3 KB
corpus template against one invocation over one copy, each run 10 times (best and median kept);
per file is (time for 2,000 − time for 1) ÷ 1,999. Prints JSON for scripts/bench_report.py.

    python3 scripts/bench_cli.py target/release/aib <template.json> > target/cli-bench.json
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

COPIES = 2000
RUNS = 10


def timed(aib, paths):
    """Wall seconds and child user CPU seconds of one `aib check --format json` over `paths`."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run([aib, "check", "--format", "json", *paths], stdout=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = os.times()
    return wall, after.children_user - before.children_user


def main():
    aib, template = sys.argv[1:3]
    folder = tempfile.mkdtemp(prefix="aib-bench-cli-")
    try:
        paths = []
        for i in range(COPIES):
            path = os.path.join(folder, f"t{i:04}.json")
            shutil.copyfile(template, path)
            paths.append(path)
        timed(aib, paths)  # warm the file cache
        many = [timed(aib, paths) for _ in range(RUNS)]
        one = [timed(aib, paths[:1]) for _ in range(RUNS)]
    finally:
        shutil.rmtree(folder)
    many_wall = statistics.median(w for w, _ in many)
    one_wall = statistics.median(w for w, _ in one)
    print(json.dumps({
        "template": os.path.basename(template),
        "bytes": os.path.getsize(template),
        "copies": COPIES,
        "runs": RUNS,
        "manyWallS": many_wall,
        "oneWallS": one_wall,
        "perFileWallUs": (many_wall - one_wall) / (COPIES - 1) * 1e6,
        "perFileUserUs": statistics.median(u for _, u in many) / COPIES * 1e6,
    }))


main()
