# review

## budget-below-must
budget-below-must-message = the must-have items alone cost { $cost_text } at the likely estimate, above the budget of { $budget_text }
budget-below-must-question = The essential wishes come to about { $cost_text } against a budget of { $budget_text }: can some of them wait for a phase 2, or can the budget grow?

## comparison-reference
comparison-reference-message = comparison: "{ $w }" points at something else instead of saying what is wanted
comparison-reference-question = You mention { $w } — what exactly do you want from it (the look, the features, the way it works), and what should be different for you?

## deadline-below-must
deadline-below-must-message = the must-have items need at least { $need } h, but only { $have } h are available ({ $days } working days at maximum capacity) before { $by }
deadline-below-must-question = Even at best, the essentials cannot be done by { $by }. What is the date tied to — can it move, or can a first version do with less?

## dependency-cycle
dependency-cycle-message = dependency cycle: { $cycle }; remove one of these dependencies

## duplicate-id
duplicate-id-message = item id "{ $id }" is already used on line { $line }; give each item its own id

## estimate-order
estimate-order-message = the estimate must be ordered [low, likely, high], but is [{ $l }, { $m }, { $h }] — did you mean { $fix }?

## estimate-range
estimate-range-not-finite = the estimate must be finite numbers (not nan or inf)

## fixed-triangle
fixed-triangle-message = the client fixes scope, budget and deadline alike: nothing can give when something unforeseen happens
fixed-triangle-question = If we learn something on the way, what matters most to hold: the date, the budget, or the full scope?

## invalid-setting
invalid-setting-rush = `me.rush_surcharge` must be a share from 0 to 10 (0.5 = +50%){ $hint }
invalid-setting-confidence = `me.confidence` must be between 0 and 1, e.g. 0.8{ $hint }
invalid-setting-share-hint = {" "}— did you mean { $share }?

## minimizing
minimizing-message = minimizing: "{ $w }" makes the work sound smaller than it may be
minimizing-question = You wrote { $w } — what exactly must be done, and what is not part of the job?

## missing-budget
missing-budget-message = the client has not named a budget (`request.budget`)
missing-budget-question = What budget have you set aside for this? A range is fine if you have no fixed figure.

## missing-deadline
missing-deadline-message = the client has not given a deadline (`request.deadline`)
missing-deadline-question = When does this need to be ready, and what is the date tied to (a launch, a season, a meeting)?

## missing-priority
missing-priority-message = "{ $label }" has no priority; it is treated as "should"
missing-priority-question = Is "{ $label }" a must-have for the first version, or can it wait?

## missing-purpose
missing-purpose-message = the brief does not say what the work is for (`project.purpose`)
missing-purpose-question = What should this achieve for you — which problem does it solve, and what happens if it is not done?

## missing-rate
missing-rate-message = no hourly rate (`me.rate`) in the brief or your profile: nothing can be priced

## missing-revisions
missing-revisions-question = How many rounds of changes do you expect, and who on your side signs off the final result?

## missing-success
missing-success-message = the brief has no success criteria (`project.success`)
missing-success-question = How will you measure whether the project succeeded — which numbers or results, by when?

## open-ended
open-ended-message = open-ended list: "{ $w }" leaves the scope without an end
open-ended-question = You wrote { $w } — what else is included? Please list all of it, so we can price exactly that.

## probability-range
probability-range-message = the probability must be between 0 and 1, not { $p }{ $hint }

## schema
schema-wrong-type = `{ $path }` must be { $expected }, found { $found }{ $hint }
schema-missing-key = `{ $path }` is missing; add e.g. `{ $example }`
schema-missing-table = the [{ $table }] table is missing; start the brief with `[{ $table }]` and `name = "…"` (`trekant init` writes an example)
schema-misplaced-key = unknown key `{ $path }` — it belongs in { $s }
schema-unknown-key-near = unknown key `{ $path }` — did you mean `{ $s }`?
schema-did-you-mean = {" "}— did you mean "{ $s }"?
schema-not-one-of = `{ $path }` must be one of { $list }, not "{ $found }"{ $hint }
schema-bad-value = `{ $path }` { $what }

## syntax
syntax-invalid-toml = invalid TOML: { $detail }
syntax-not-utf8 = the file is not UTF-8 text; save it as UTF-8 (or is it a binary file?)

## triangle-tight
triangle-binds-budget = the budget
triangle-binds-deadline = the deadline
triangle-binds-both = both budget and deadline
triangle-binds-nothing = nothing
triangle-unrealistic-word = unrealistic
triangle-tight-word = tight
triangle-question-deadline = With the scope you want, the date is hard to hold. What matters more: the date, or having everything in the first version?
triangle-question-both = The full wish fits neither the budget nor the time. Which parts give the most value in a first version, so the rest can follow in a phase 2?
triangle-question-budget = With the scope you want, the budget is tight. Is there room in the budget, or should we choose what comes first?

## unbounded-revisions
unbounded-revisions-message = unbounded revisions: "{ $w }" puts no limit on rounds of changes
unbounded-revisions-question = You wrote { $w } — how many rounds of changes should the price include, who approves each round, and what may an extra round cost?

## unknown-dependency
unknown-dependency-near = no item has id "{ $id }" — did you mean "{ $near }"?
unknown-dependency-message = no item has id "{ $id }"; add the item or remove the dependency

## unmeasurable-success
unmeasurable-success-message = the success criterion "{ $text }" cannot be measured: no number, target or date
unmeasurable-success-question = What does "{ $text }" look like in numbers — how much, measured how, by when?

## urgency
urgency-message = urgency without a date: "{ $w }" sets pressure, not a deadline
urgency-question = You wrote { $w } — by what date must it be ready, why that date, and what happens if it is a week later?

## vague-wording
vague-wording-message = vague wording: "{ $w }" means different things to different people and cannot be checked at delivery
vague-wording-question-look = What { $count ->
    [one] does
   *[other] do
} { $w } mean to you — can you show two sites or products you find { $w }, and say why?
vague-wording-question-ease = What { $count ->
    [one] does
   *[other] do
} { $w } mean to you — who will use it, and which tasks must they manage without help?
vague-wording-question-speed = How fast { $count ->
    [one] is
   *[other] are
} { $w } — which page or action, how many seconds, on what device and connection?
vague-wording-question-scale = What must { $w } cope with — how many users or orders now and in two years, and what do you expect to change later?
vague-wording-question-security = What must { $w } protect, and against what — are there rules it must meet (GDPR, PCI-DSS, logins, backups)?
vague-wording-question-quality = What { $count ->
    [one] does
   *[other] do
} { $w } mean to you, and how will we both see at delivery that it has been met?

## wide-estimate
wide-estimate-question = What exactly should "{ $label }" include — what is the least that meets the need, and what is nice to have?
triangle-tight-budget-part = the budget of { $budget } holds in { $p } of outcomes ({ $level } price { $price })
triangle-tight-deadline-part = the deadline of { $deadline } holds in { $p } ({ $level } date { $date })
triangle-tight-message = the triangle is { $what }: budget and deadline hold together in { $odds } of outcomes (target: { $confidence }); { $parts }; { $binding } binds
## deadline-before-start
deadline-before-start-message = the deadline { $deadline } is before the project's start { $start }; check the year and the date
estimate-range-negative = hours cannot be negative ({ $hours })
estimate-range-absurd = { $hours } hours is about { $years } working years — minutes or money typed as hours? Break the item down if it is right
## large-item
large-item-message = "{ $label }" is estimated at { $hours } h; break it into parts of at most { $max } h that can each be estimated
missing-revisions-message = the brief does not say how many rounds of changes are included (`terms.revisions`)
## point-estimate
point-estimate-message = "{ $label }" is estimated as one number ({ $hours } h), as if it were certain; write [low, likely, high], e.g. [{ $low }, { $hours }, { $high }]
probability-range-hint = {" "}— did you mean { $p }?
wide-estimate-message = "{ $label }" ranges from { $low } to { $high } h ({ $ratio }): the item is not yet understood; clarify what it includes or split it
invalid-setting-share = `{ $key }` must be between 0 and 1, not { $value }
invalid-setting-amount = `{ $key }` must be an amount above 0 and at most 1,000,000,000,000, not { $value }
invalid-setting-value = `{ $key }` must be from 1 to 10, not { $value }
invalid-setting-rate = `{ $key }` must be an hourly rate above 0 and at most 10,000,000, not { $value }
invalid-setting-week = `{ $key }` must be above 0 and at most 168 (a week has 168 hours), not { $value }
invalid-setting-trials = `model.trials` must be between 100 and 10,000,000, not { $value }
invalid-setting-lognormal = `model.distribution = "lognormal"` needs a low estimate above 0 ("{ $label }" has { $low }); use "pert" or raise the low estimate
invalid-setting-max-below-normal = `me.max_hours_per_week` ({ $max }) is below `me.hours_per_week` ({ $normal }); the maximum cannot be less than normal
invalid-setting-workdays = `me.workdays` is empty; write e.g. ["mon", "tue", "wed", "thu", "fri"]
schema-unknown-key = unknown key `{ $path }`; known keys here: { $allowed }

## Question groups
topic-purpose = Purpose
topic-scope = Scope
topic-time = Time
topic-money = Money
topic-process = Process

## The brief's schema
found-string = a string
found-negative-integer = a negative integer
found-date-time = a date with a time
found-time = a time
found-integer = an integer
found-float = a decimal number
found-boolean = a boolean
found-date = a date
found-array = an array
found-table = a table
expected-quoted-string = a quoted string
expected-number = a number
expected-whole-number = a non-negative whole number
expected-date = a date such as 2027-02-15
expected-strings = strings
expected-dates = dates
expected-estimate = a number or [low, likely, high], e.g. [8, 12, 20]
expected-tables = an array of tables: write each as [[header]]
hint-date-unquoted = {" "}— write the date without quotes
hint-number-unquoted = {" "}— write the number without quotes
bad-currency = must be a three-letter ISO 4217 code such as "DKK" or "EUR" (not "{ $code }")
bad-unreasonably-large = is unreasonably large
bad-item-id = may only contain lowercase a-z, digits and hyphens, e.g. "{ $suggestion }"
expected-string-list = a list of strings, e.g. ["a", "b"]
expected-date-list = a list of dates, e.g. [2027-02-08]
expected-table = a table: write it as a [header] or {"{"} … {"}"}
estimate-range-no-time = the likely hours must be more than 0: a part that takes no time cannot be priced or tracked
estimate-range-delay-not-finite = the delay must be finite numbers (not nan or inf)
estimate-range-delay-negative = working days cannot be negative ({ $days })
estimate-range-delay-absurd = { $days } working days is about { $years } working years — hours typed as days? A delay is in working days

## missing-items
missing-items-none = the brief has no items to estimate (`[[item]]`): nothing can be priced
missing-items-all-wont = every item is `wont`: there is nothing to estimate or price
