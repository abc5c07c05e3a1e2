# Calibration per person in a shared history (`--as PERSON`): whose history an estimate
# rests on, and `trekant calibration`'s table of each person against the team.

# The estimate's run line when the person's own history is too thin and the team's is used.
estimate-calibrated-team = kalibreret med teamets historik ({ $tasks } opgaver; din egen er endnu for tynd)
person-team-summary = Teamets { $tasks } afsluttede opgaver: typisk tager en opgave { $median } × det sandsynlige estimat; for at ramme 80 % skal man gange med { $p80 }. { $over } tog længere end estimeret.
person-none-own = { $person } har endnu ingen afsluttede opgaver selv, så her er teamets historik.
person-by-person = Hver person over for teamet
person-col-person = person
person-col-basis = kalibreres på
person-basis-person = egen historik
person-basis-team = teamets
person-team = teamet (alle)
person-thin = { $tasks ->
    [one] En person uden egne afsluttede opgaver kalibreres på teamets historik.
   *[other] En person med færre end { $tasks } egne afsluttede opgaver kalibreres på teamets historik.
}
