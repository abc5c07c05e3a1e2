# En teamservers kalibrering pr. person: linjen under en opgaves estimat, der siger, hvad det
# bygger på, og Historik-sidens overskrift og tabel over hver person mod teamet.

# Under estimatet på en opgaves side. $count er tallet (til flertal), $tasks det samme tal
# formateret.
teamcal-on-yours = { $count ->
    [one] Kalibreret på din ene afsluttede opgave.
   *[other] Kalibreret på dine { $tasks } afsluttede opgaver.
}
teamcal-on-the-team = { $count ->
    [one] Kalibreret på teamets ene afsluttede opgave: du har endnu for få af dine egne til, at de vejer mest.
   *[other] Kalibreret på teamets { $tasks } afsluttede opgaver: du har endnu for få af dine egne til, at de vejer mest.
}
teamcal-none = Endnu ikke kalibreret: ingen i teamet har afsluttet en opgave, så estimaterne bruges, som de står.

# Historik-siden på en teamserver. $owner er personens navn i ejefald ("Lones").
teamcal-history-title = { $owner } historik
teamcal-you = dig
teamcal-col-person = Person
teamcal-col-basis = Mest på
