#!/usr/bin/env python3
"""Writes the Danish public holidays 2000-2060 from the PyPI `holidays` package, as an
independent reference for trekant's own calendar (crates/trekant-core/src/calendar.rs).

Run once when the reference should be refreshed; the test reads the CSV, not Python:
    pip install holidays && python3 scripts/generate_dk_holidays.py
"""
import csv
import pathlib
import sys

import holidays

OUT = pathlib.Path(__file__).resolve().parent.parent / "crates/trekant-core/tests/fixtures/dk_holidays.csv"


def main() -> int:
    dk = holidays.country_holidays("DK", years=range(2000, 2061))
    rows = sorted(dk.items())
    with OUT.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["date", "name"])
        for day, name in rows:
            writer.writerow([day.isoformat(), name])
    print(f"wrote {len(rows)} holidays to {OUT} (holidays {holidays.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
