#!/usr/bin/env python3
"""Convert cesaw-task-fact.csv (TSP/PSP team task logs, planned vs actual minutes) to trekant's
history CSV.

Mapping, and why:
- hours = minutes / 60;
- only rows with a positive plan and actual and a completion date (a few have "\\N");
- project = "cesaw-" + project_key, category = the phase's short name (Code, Test, Design
  Inspect, ...: the kind of work, which is what a freelancer's category is);
- item = plan_item_key plus the source line, because one plan item is often several task rows;
- finished = the date part of task_actual_complete_date (M/D/YYYY H:MM).
"""

import csv
import datetime

from common import number, parse_args, write_history


def iso_date(text):
    try:
        return datetime.datetime.strptime(text.strip(), "%m/%d/%Y %H:%M").date().isoformat()
    except (AttributeError, ValueError):
        return None


def convert(row, line):
    """One source row as a history record, or (None, why it was skipped)."""
    plan = number(row.get("task_plan_time_minutes"))
    actual = number(row.get("task_actual_time_minutes"))
    if plan is None or actual is None:
        return None, "without plan or actual"
    finished = iso_date(row.get("task_actual_complete_date"))
    if finished is None:
        return None, "without completion date"
    phase = (row.get("phase_short_name") or "").strip()
    record = {
        "project": f"cesaw-{row.get('project_key', '').strip()}",
        "item": f"{row.get('plan_item_key', '').strip()}@{line}",
        "category": phase if phase and phase != "\\N" else "unknown",
        "likely": plan / 60,
        "actual": actual / 60,
        "finished": finished,
    }
    return record, None


def main():
    args = parse_args(__doc__.splitlines()[0], "../shared/data/history/cesaw-task-fact.csv")
    records = []
    skipped = {"without plan or actual": 0, "without completion date": 0}
    with open(args.source, newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            record, why = convert(row, line)
            if record is None:
                skipped[why] += 1
            else:
                records.append(record)
    write_history(records, args.output, skipped)


if __name__ == "__main__":
    main()
