#!/usr/bin/env python3
"""Split cesaw-task-fact.csv by person: one trekant history CSV per person, in a folder per
team (DIR/team-<team_key>/person-<person_key>.csv), for measuring calibration per person
shrunk toward the team (`cargo run --release -p trekant-core --example people -- DIR`).

The rows are converted exactly as cesaw.py converts them (its `convert`); only the grouping is
new. Each file can be imported as that person's history:
`trekant history import DIR/team-31/person-296.csv --as person-296 --db team-31.db`.
"""

import argparse
import csv
import os
import sys

from cesaw import convert
from common import write_history


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="cesaw-task-fact.csv")
    parser.add_argument("-o", "--output", required=True, help="the folder to write into")
    args = parser.parse_args()
    people = {}
    skipped = {}
    with open(args.source, newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            record, why = convert(row, line)
            if record is None:
                skipped[why] = skipped.get(why, 0) + 1
                continue
            key = (row.get("team_key", "").strip(), row.get("person_key", "").strip())
            people.setdefault(key, []).append(record)
    for (team, person), records in sorted(people.items()):
        folder = os.path.join(args.output, f"team-{team}")
        os.makedirs(folder, exist_ok=True)
        write_history(records, os.path.join(folder, f"person-{person}.csv"), {})
    print(f"{len(people)} people; skipped {skipped}", file=sys.stderr)


if __name__ == "__main__":
    main()
