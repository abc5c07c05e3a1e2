# A team server's calibration per person: the line under a brief's estimate that says what it
# rests on, and the History page's heading and table of each person against the team.

# Under the estimate on a brief's page. $count is the number (for the plural), $tasks the
# same number formatted.
teamcal-on-yours = { $count ->
    [one] Calibrated on your one finished task.
   *[other] Calibrated on your { $tasks } finished tasks.
}
teamcal-on-the-team = { $count ->
    [one] Calibrated on the team's one finished task: you have too few of your own yet for them to weigh most.
   *[other] Calibrated on the team's { $tasks } finished tasks: you have too few of your own yet for them to weigh most.
}
teamcal-none = Not calibrated yet: nobody on the team has finished a task, so the estimates are used as written.

# The History page on a team server. $owner is the person's name as an owner ("Lone's").
teamcal-history-title = { $owner } history
teamcal-you = you
teamcal-col-person = Person
teamcal-col-basis = Mostly on
