# Calibration per person in a shared history (`--as PERSON`): whose history an estimate
# rests on, and `trekant calibration`'s table of each person against the team.

# The estimate's run line when the team's history weighs more than the person's own.
estimate-calibrated-team = kalibreret mest med teamets historik ({ $tasks } opgaver; din egen er endnu tynd)
person-team-summary = Teamets { $tasks } afsluttede opgaver: typisk tager en opgave { $median } × det sandsynlige estimat; for at ramme 80 % skal man gange med { $p80 }. { $over } tog længere end estimeret.
person-none-own = { $person } har ingen afsluttede opgaver endnu, så her er teamets historik.
person-by-person = Hver person over for teamet
person-col-person = person
person-col-basis = mest på
person-basis-person = egen historik
person-basis-team = teamets
person-team = teamet (alle)
person-thin = En persons egne opgaver vejer n / (n + { $tasks }) mod teamets: med færre end { $tasks } egne opgaver vejer teamets mest.
