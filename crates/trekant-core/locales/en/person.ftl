# Calibration per person in a shared history (`--as PERSON`): whose history an estimate
# rests on, and `trekant calibration`'s table of each person against the team.

# The estimate's run line when the person's own history is too thin and the team's is used.
estimate-calibrated-team = calibrated on the team's history ({ $tasks } tasks; yours is still too thin)
person-team-summary = The team's { $tasks } finished tasks: a task typically takes { $median } × its likely estimate; to be right 80% of the time, multiply by { $p80 }. { $over } took longer than estimated.
person-none-own = { $person } has no finished tasks of their own yet, so here is the team's history.
person-by-person = Each person against the team
person-col-person = person
person-col-basis = calibrated on
person-basis-person = own history
person-basis-team = the team's
person-team = team (everyone)
person-thin = { $tasks ->
    [one] A person with no finished task of their own is calibrated on the team's history.
   *[other] A person with fewer than { $tasks } finished tasks of their own is calibrated on the team's history.
}
