#!/usr/bin/env python3
"""Vendors the examples gallery from the corpus of real templates (../shared/corpus).

Every corpus template is under a licence that allows copying (MIT or Apache-2.0; the corpus
README says how each was checked), so every one is offered. For each it copies the file
unchanged to static/examples/corpus/ and writes static/examples/gallery.json (what the
designer's gallery lists: title, group, what it teaches, source and licence) and
static/examples/SOURCES.md (the source and licence beside each file, with the licence texts).

What a template teaches is said from the corpus manifest's columns: its shape, its source,
steps and targets, the features it shows, and the mistake it holds, if any.

    python3 scripts/vendor_examples.py          # write
    python3 scripts/vendor_examples.py --check  # fail if the vendored files differ
"""
import argparse
import csv
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "static" / "examples"

# Groups in the order the gallery shows them, with the test that puts a template in it.
GROUPS = [
    ("Start here: the official quickstarts", lambda r: r["repo"] == "Azure/azvmimagebuilder" and "quickquickstarts" in r["path"]),
    ("ARM templates and Bicep modules", lambda r: r["shape"] == "arm"),
    ("Windows images", lambda r: r["os"] == "windows"),
    ("Linux images", lambda r: r["os"] == "linux"),
    ("Other templates", lambda r: True),
]

SHAPES = {
    "arm": "An ARM deployment template",
    "resource": "A bare image template resource",
}


def group_of(row):
    return next(name for name, test in GROUPS if test(row))


def title_of(row):
    name = row["path"].rsplit("/", 1)[-1].removesuffix(".json")
    folder = row["path"].rsplit("/", 2)[-2] if row["path"].count("/") >= 1 else ""
    folder = folder.replace("_", " ").strip()
    return f"{name} ({folder})" if folder and folder.lower() != name.lower() else name


def teaches(row):
    """One line: the shape, the pipeline (source, steps, targets), features, the mistake."""
    notes = [n.strip() for n in row["notes"].split("|")]
    features = next((n.removeprefix("features:").strip() for n in notes if n.startswith("features:")), "")
    odd = next((n.removeprefix("ODD:").strip() for n in notes if n.startswith("ODD:")), "")
    shape = SHAPES.get(row["shape"], "A template")
    os_word = {"windows": "Windows", "linux": "Linux"}.get(row["os"], "")
    parts = [
        p.replace("(expression)", "an ARM expression")
        for p in (row["sources"], row["customizers"].replace(",", ", "), row["distributors"].replace(",", ", "))
        if p
    ]
    line = f"{shape}{' for ' + os_word if os_word else ''}"
    if parts:
        line += ": " + " → ".join(parts)
    line += "."
    if features:
        line += f" Shows {features}."
    if odd:
        line += f" Holds a mistake to find: {odd}."
    return line


def safe_name(file):
    return file.replace("/", "__")


def build():
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    entries = []
    for row in rows:
        if not (row["licence"].startswith("MIT") or row["licence"].startswith("Apache-2.0")):
            continue
        entries.append({
            "file": safe_name(row["file"]),
            "title": title_of(row),
            "group": group_of(row),
            "teaches": teaches(row),
            "repo": row["repo"],
            "path": row["path"],
            "commit": row["commit"][:7],
            "licence": "MIT" if row["licence"].startswith("MIT") else "Apache-2.0",
            "corpus_file": row["file"],
        })
    order = [name for name, _ in GROUPS]
    entries.sort(key=lambda e: (order.index(e["group"]), e["title"].lower()))
    return entries


def sources_md(entries):
    lines = [
        "# Examples gallery: sources and licences",
        "",
        "Every template of the corpus of real templates (`../shared/corpus`), copied unchanged into",
        "`corpus/` by `scripts/vendor_examples.py`, which also writes `gallery.json`. Several keep the",
        "`<placeholders>` and mistakes of their originals, which the designer then finds.",
        "",
        "| file | source (repository @ commit, path) | licence |",
        "|---|---|---|",
    ]
    for e in entries:
        lines.append(f"| {e['file']} | {e['repo']} @ {e['commit']}, {e['path']} | {e['licence']} |")
    lines += [
        "",
        "The copyright holders are named in each repository's LICENSE file.",
        "",
        "## MIT licence (the repositories marked MIT)",
        "",
        "    Permission is hereby granted, free of charge, to any person obtaining a copy",
        "    of this software and associated documentation files (the \"Software\"), to deal",
        "    in the Software without restriction, including without limitation the rights",
        "    to use, copy, modify, merge, publish, distribute, sublicense, and/or sell",
        "    copies of the Software, and to permit persons to whom the Software is",
        "    furnished to do so, subject to the following conditions:",
        "",
        "    The above copyright notice and this permission notice shall be included in all",
        "    copies or substantial portions of the Software.",
        "",
        "    THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR",
        "    IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,",
        "    FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE",
        "    AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER",
        "    LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,",
        "    OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE",
        "    SOFTWARE.",
        "",
        "## Apache License 2.0 (the repositories marked Apache-2.0)",
        "",
        "Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).",
        "The files are redistributed unmodified; the licence's terms apply to them.",
        "",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    entries = build()
    gallery = json.dumps([{k: v for k, v in e.items() if k != "corpus_file"} for e in entries], indent=1, ensure_ascii=False) + "\n"
    sources = sources_md(entries)
    if args.check:
        stale = []
        if (OUT / "gallery.json").read_text(encoding="utf-8") != gallery:
            stale.append("gallery.json")
        if (OUT / "SOURCES.md").read_text(encoding="utf-8") != sources:
            stale.append("SOURCES.md")
        for e in entries:
            if (OUT / "corpus" / e["file"]).read_bytes() != (CORPUS / e["corpus_file"]).read_bytes():
                stale.append(e["file"])
        if stale:
            sys.exit(f"static/examples is stale ({', '.join(stale[:5])}): run scripts/vendor_examples.py")
        print(f"static/examples: {len(entries)} examples up to date")
        return
    (OUT / "corpus").mkdir(parents=True, exist_ok=True)
    for e in entries:
        shutil.copyfile(CORPUS / e["corpus_file"], OUT / "corpus" / e["file"])
    (OUT / "gallery.json").write_text(gallery, encoding="utf-8")
    (OUT / "SOURCES.md").write_text(sources, encoding="utf-8")
    print(f"static/examples: {len(entries)} examples written")


if __name__ == "__main__":
    main()
