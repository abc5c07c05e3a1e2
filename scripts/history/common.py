"""Shared helpers for the converters: writing trekant's history CSV and reporting what was skipped.

Standard library only, so the scripts run on any Python 3.9+ without installing anything.
"""

import argparse
import csv
import sys

HEADER = ["project", "item", "category", "low", "likely", "high", "actual", "finished"]


def hours(value):
    """Format hours compactly; 6 decimals keeps minute and pomodoro conversions exact enough
    that ratios of equal source values stay equal (ties matter to the backtest's coverage)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text if text else "0"


def parse_args(description, default_source):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "source",
        nargs="?",
        default=default_source,
        help=f"the source CSV (default: {default_source})",
    )
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    return parser.parse_args()


def number(text):
    """A positive finite number, or None for NA, empty, zero, negative or garbage."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    if value != value or value in (float("inf"), float("-inf")) or value <= 0:
        return None
    return value


def write_history(records, output, skipped):
    """Write records (dicts keyed by HEADER) sorted by finished date, keeping source order
    within a day, and report counts on standard error so standard output stays pure CSV."""
    records = sorted(records, key=lambda r: r["finished"])  # stable: source order within a day
    handle = open(output, "w", newline="", encoding="utf-8") if output else sys.stdout
    try:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        for r in records:
            writer.writerow(
                [
                    r["project"],
                    r["item"],
                    r["category"],
                    hours(r["low"]) if r.get("low") is not None else "",
                    hours(r["likely"]),
                    hours(r["high"]) if r.get("high") is not None else "",
                    hours(r["actual"]),
                    r["finished"],
                ]
            )
    finally:
        if output:
            handle.close()
    reasons = ", ".join(f"{n} {why}" for why, n in sorted(skipped.items()) if n)
    print(f"wrote {len(records)} tasks" + (f"; skipped {reasons}" if reasons else ""), file=sys.stderr)
