#!/usr/bin/env python3
"""Convert renzo-pomodoro.csv (one developer's pomodoro log, 2009-2019) to trekant's history CSV.

Mapping, and why:
- hours = pomodoros x 25 / 60 (a pomodoro is 25 minutes of work);
- only rows with DONE = 1 and a positive estimate and actual: an unfinished row's actual is
  the work of that day, not of the task, and history is about finished work;
- project = the first tag (the client or activity the work was for), category = the last tag
  (the most specific one: "meeting", "planning", a feature); untagged rows get "untagged";
- item = the anonymised description id plus the source line, so every row stays distinct;
- finished = the row's date.
"""

import csv

from common import number, parse_args, write_history

POMODORO_HOURS = 25 / 60


def main():
    args = parse_args(__doc__.splitlines()[0], "../shared/data/history/renzo-pomodoro.csv")
    records, skipped = [], {"unfinished": 0, "without estimate or actual": 0}
    with open(args.source, newline="", encoding="utf-8") as handle:
        # Line numbers count the header as line 1, like a text editor.
        for line, row in enumerate(csv.DictReader(handle), start=2):
            if row.get("DONE") != "1":
                skipped["unfinished"] += 1
                continue
            estimate, actual = number(row.get("estimate")), number(row.get("actual"))
            if estimate is None or actual is None:
                skipped["without estimate or actual"] += 1
                continue
            tags = [t.strip().lstrip("@") for t in row.get("X.words", "").split(",") if t.strip()]
            records.append(
                {
                    "project": tags[0] if tags else "untagged",
                    "item": f"{row.get('description', '')}@{line}",
                    "category": tags[-1] if tags else "untagged",
                    "likely": estimate * POMODORO_HOURS,
                    "actual": actual * POMODORO_HOURS,
                    "finished": row["date"],
                }
            )
    write_history(records, args.output, skipped)


if __name__ == "__main__":
    main()
