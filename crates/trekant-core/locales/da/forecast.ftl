# forecast

## The verdict on budget and deadline
verdict-budget-side = budget { $p }
verdict-deadline-side = deadline { $p }
verdict-budget-binds = budgettet binder
verdict-deadline-binds = deadline binder
verdict-both-bind = både budget og deadline binder
verdict-unknown = Ingen budget eller deadline fra kunden: et fast tilbud med { $confidence } sikkerhed er { $price }, klar { $date }.
verdict-realistic = Realistisk: kundens budget og deadline holder samlet i { $odds } af udfaldene ({ $sides }).
verdict-tight = Stramt: budget og deadline holder samlet kun i { $odds } af udfaldene ({ $sides }); { $binding }.
verdict-unrealistic = Urealistisk: budget og deadline holder samlet kun i { $odds } af udfaldene ({ $sides }); { $binding }. Se `trekant options`.
