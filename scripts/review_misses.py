#!/usr/bin/env python3
"""How many of the labelled misses in ../shared/data/review-labels/misses-en.tsv the review
finds now, by importance, and which findings it gives on those texts (to read for noise).

A miss counts as found when any finding of the review lands on its line of
../shared/data/requests-en/<file>. The gap findings of a whole text (missing-budget, …) sit
at line 1 and are left out of that count, since they are not about a line.

    cargo build -p trekant-cli
    python3 scripts/review_misses.py target/debug/trekant [--base OLD_BINARY] [--codes a,b]

With --base, the findings the base binary does not give (same code and line) are listed as
new; --codes limits the listing to those codes.
"""
import argparse
import collections
import csv
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
GAPS = {"missing-budget", "missing-deadline", "missing-purpose", "missing-success"}


def findings(binary, path):
    out = subprocess.run(
        [binary, "review", "--lang", "en", "--format", "json", str(path)],
        capture_output=True,
        text=True,
    )
    if not out.stdout.strip():
        sys.exit(f"{binary} gave no JSON for {path}: {out.stderr}")
    return json.loads(out.stdout)["diagnostics"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--base")
    parser.add_argument("--codes")
    args = parser.parse_args()
    misses_path = DATA / "review-labels" / "misses-en.tsv"
    if not misses_path.exists():
        sys.exit(f"no {misses_path}: the labelled data is not here")
    with misses_path.open() as f:
        misses = list(csv.DictReader(f, delimiter="\t"))
    files = sorted({m["file"] for m in misses})
    now, base = {}, {}
    for name in files:
        now[name] = findings(args.binary, DATA / name)
        if args.base:
            base[name] = findings(args.base, DATA / name)
    found = collections.Counter()
    total = collections.Counter()
    for m in misses:
        imp = m["importance"]
        total[imp] += 1
        lines = {d["line"] for d in now[m["file"]] if d["code"] not in GAPS}
        hit = int(m["line"]) in lines
        found[imp] += hit
        print(f"{'found ' if hit else 'missed'} {imp} {m['file']}:{m['line']} {m['issue']}")
    for imp in sorted(total, reverse=True):
        print(f"importance {imp}: {found[imp]} of {total[imp]} found ({found[imp] / total[imp]:.0%})")
    codes = set(args.codes.split(",")) if args.codes else None
    print("\nfindings" + (" not given by the base" if args.base else "") + ":")
    count = 0
    for name in files:
        old = {(d["code"], d["line"]) for d in base.get(name, [])}
        for d in now[name]:
            if args.base and (d["code"], d["line"]) in old:
                continue
            if codes and d["code"] not in codes:
                continue
            count += 1
            print(f"{name}:{d['line']} {d['code']} {d['excerpt']!r}")
    print(f"{count} findings")


if __name__ == "__main__":
    main()
