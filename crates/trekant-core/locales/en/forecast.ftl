# forecast

## The verdict on budget and deadline
verdict-budget-side = budget { $p }
verdict-deadline-side = deadline { $p }
verdict-budget-binds = the budget binds
verdict-deadline-binds = the deadline binds
verdict-both-bind = both budget and deadline bind
verdict-unknown = No budget or deadline from the client: a fixed price at { $confidence } confidence is { $price }, ready { $date }.
verdict-realistic = Realistic: the client's budget and deadline hold together in { $odds } of outcomes ({ $sides }).
verdict-tight = Tight: budget and deadline hold together in only { $odds } of outcomes ({ $sides }); { $binding }.
verdict-unrealistic = Unrealistic: budget and deadline hold together in only { $odds } of outcomes ({ $sides }); { $binding }. See `trekant options`.
