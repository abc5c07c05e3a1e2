# Calibration per person in a shared history (`--as PERSON`): whose history an estimate
# rests on, and `trekant calibration`'s table of each person against the team.

# The estimate's run line when the team's history weighs more than the person's own.
estimate-calibrated-team = calibrated mostly on the team's history ({ $tasks } tasks; yours is still thin)
person-team-summary = The team's { $tasks } finished tasks: a task typically takes { $median } × its likely estimate; to be right 80% of the time, multiply by { $p80 }. { $over } took longer than estimated.
person-none-own = { $person } has no finished tasks of their own yet, so here is the team's history.
person-by-person = Each person against the team
person-col-person = person
person-col-basis = mostly on
person-basis-person = own history
person-basis-team = the team's
person-team = team (everyone)
person-thin = A person's own tasks weigh n / (n + { $tasks }) against the team's: with fewer than { $tasks } of their own, the team's weigh more.
