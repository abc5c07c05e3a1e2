#!/usr/bin/env python3
"""Convert Project-22's story-info.csv (a 3-person team's Jira stories: story points, which the
team defines as ideal hours, against actual hours) to trekant's history CSV.

Mapping, and why:
- likely = story points (about ideal hours), actual = Total (the developers' hours summed);
- only stories with positive points and hours;
- category = the story's phase (coding, testing/debugging, requirements/design) where it was
  classified; otherwise "implementation" for the project's own stories (IsMCO = 1) and
  "non-project" for the rest (on-boarding, keeping sites running), which the team says it
  does not even try to estimate carefully;
- item = "branch-" + the Jira branch number;
- finished is SYNTHETIC: the file has no dates. Jira numbers stories as they are created, so
  stories are ordered by branch number and spread evenly over the project's eight months
  (from 2022-02-01). The data's own notes say creation order is not implementation order, so
  a "time-ordered" split of this set is only roughly one.
"""

import csv
import datetime

from common import number, parse_args, write_history

START = datetime.date(2022, 2, 1)
SPAN_DAYS = 240  # eight months


def category(row):
    phase = (row.get("Phase") or "").strip()
    if phase and phase != "NA":
        return phase
    return "implementation" if (row.get("IsMCO") or "").strip() == "1" else "non-project"


def main():
    args = parse_args(__doc__.splitlines()[0], "../shared/data/history/project-22-story-info.csv")
    stories, skipped = [], {"without points or hours": 0, "without branch number": 0}
    with open(args.source, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            points, total = number(row.get("StoryPoints")), number(row.get("Total"))
            if points is None or total is None:
                skipped["without points or hours"] += 1
                continue
            branch = number(row.get("Branch"))
            if branch is None:
                skipped["without branch number"] += 1
                continue
            stories.append((int(branch), points, total, category(row)))
    stories.sort()
    records = []
    for rank, (branch, points, total, cat) in enumerate(stories):
        day = START + datetime.timedelta(days=rank * SPAN_DAYS // max(len(stories), 1))
        records.append(
            {
                "project": "project-22",
                "item": f"branch-{branch}",
                "category": cat,
                "likely": points,
                "actual": total,
                "finished": day.isoformat(),
            }
        )
    write_history(records, args.output, skipped)


if __name__ == "__main__":
    main()
