# Errors of the core and the store, as the commands report them: a history or time-tracker
# file that cannot be read, the simulation's settings, a store that refuses.
# $line is a line number as text (no thousands separator).

error-at-line = line { $line }: { $message }
# Text from a library (the CSV reader) that has no catalog of its own.
error-text = { $text }

## The history CSV (`history import`, `backtest FILE`)

history-empty = the file is empty; a history CSV starts with the header `{ $header }`
history-missing-columns = line 1: the header lacks { $columns }
history-unknown-column = line 1: unknown column `{ $name }`
history-unknown-column-hint = line 1: unknown column `{ $name }`; did you mean `{ $hint }`?
history-duplicate-column = line 1: the column `{ $name }` appears twice
history-whole-column = { $at }, and so on every one of the { $rows_text } rows: the column `{ $column }` needs fixing as a whole
history-row-after-today = `finished` is { $finished }, after today ({ $today }): a typo in the date?
history-row-unreadable = unreadable row: { $error }
history-row-fields = expected { $expected } fields, found { $found }
history-row-duplicate = duplicates line { $first }: same project, item and finished date
history-cell-empty = `{ $column }` is empty
history-likely-not-positive = `likely` must be more than 0 hours, found `{ $found }`
history-low-above-likely = `low` ({ $low }) is above `likely` ({ $likely })
history-high-below-likely = `high` ({ $high }) is below `likely` ({ $likely })
history-finished-not-a-date = `finished` must be a date like { $example }, found `{ $found }`
history-hours-negative = `{ $column }` must be a non-negative number of hours, found `{ $found }`
history-hours-not-a-number = `{ $column }` is not a number of hours: `{ $found }`

## How a whole file is written

form-mixed-decimals = the numbers mix decimal points (line { $point_line }: `{ $point }`) and decimal commas (line { $comma_line }: `{ $comma }`); save the file again with one decimal separator
form-no-dates = line { $line }: no date in the `{ $column }` column can be read (the first is `{ $cell }`); write dates like 2027-02-15 or 15-02-2027
form-both-date-orders = the `{ $column }` column has both day-first (line { $day_line }: `{ $day }`) and month-first dates (line { $month_line }: `{ $month }`); write them all one way, or like 2027-02-15

## Time-tracker exports (`track import`)

timesheet-empty = the file is empty
timesheet-missing-column = line 1: this does not look like a { $format } export: no { $what } column (looked for { $tried })
timesheet-column-name = item name
timesheet-column-date = date
timesheet-column-duration = duration
timesheet-no-name = the entry names no task or description
timesheet-not-a-date = `{ $found }` is not a date
timesheet-no-time = the entry has no time on it
timesheet-not-a-duration = `{ $found }` is not a duration

## The store (the history database)

store-bad-rows = { $count_text } bad { $count ->
    [one] row
   *[other] rows
}, so nothing was imported (skip them with --skip-bad):
    { $rows }
store-bad-row = {"  "}{ $row }
store-lines =
    { $first }
    { $next }
store-no-such-project = no open project named `{ $project }`
store-project-open = a project named `{ $project }` is already being tracked; close it first
store-no-such-item = project `{ $project }` has no item `{ $item }`
store-unfinished = `{ $project }` has unfinished items: { $items }; mark them done, or say what to do with them
store-offer-exists = an offer numbered `{ $number }` is already recorded
store-busy = the database was busy for { $seconds } s (another trekant is writing to it); nothing was written, try again
store-too-new = the database is at schema version { $found }, newer than this trekant knows ({ $known }); upgrade trekant
store-bad-date = the database holds a date that cannot be read: `{ $date }`
store-create-dir = cannot create the folder { $path }: { $error }
store-database = database error: { $error }

## The simulation's settings, and a brief that cannot be priced

settings-trials = --trials must be between 100 and 10,000,000, not { $trials }
settings-confidence = --confidence must be between 0 and 1 (e.g. 0.8), not { $confidence }
estimate-no-rate = no hourly rate: set `rate` in the brief's [me] table or in your profile
estimate-no-items = the brief has no items to estimate: add at least one [[item]]
estimate-no-working-days = the calendar has no working days: check `me.workdays`
estimate-too-long = the work would take more than { $days } working days; check the estimates and capacity
estimate-cannot-simulate = cannot simulate: { $error }

## The command line's own values, and what the machine cannot do

change-estimate-expected = expected --estimate LOW,LIKELY,HIGH in hours (e.g. 4,6,10) or one number (e.g. 6)
change-estimate-not-numbers = `{ $text }` is not an estimate: { $expected }
change-estimate-count = `{ $text }` has { $count_text } { $count ->
    [one] number
   *[other] numbers
}: { $expected }
change-estimate-problem = `{ $text }`: { $problem }; { $expected }
change-estimate-order = `{ $text }` is out of order: LOW ≤ LIKELY ≤ HIGH; { $expected }
error-no-such-db = { $db } does not exist; import a history first (`trekant history import FILE --db { $db }`)
error-options-memory = { $file }: the options need about { $needed } GB of memory for { $items } items at { $trials } trials, more than the { $available } GB { $source }; lower --trials (the need grows with trials × items) or leave items out of the brief
error-memory-available = available
error-memory-fallback = trekant allows when it cannot read the free memory
error-pdf-template = cannot make the PDF from the template { $file }
error-pdf-built-in = cannot make the PDF from the built-in template { $file }
error-no-pdf-support = this trekant was built without PDF support; install it with `cargo install --path crates/trekant-cli --features pdf`, or write Typst (-o offer.typ) and run `typst compile offer.typ`, or write HTML (-o offer.html) and print it to PDF from a browser

## The offer from a template (`proposal --template`)

proposal-template-error = template error: { $error }
proposal-typst-error = typst: { $error }

## Hours logged on a tracked project (`track log`, `track import`)

entry-hours = hours logged on `{ $item }` must be more than 0 and at most 24 (one day), found { $hours }
entry-before-start = `{ $item }` is logged on { $day }, before the project started on { $started }
entry-future = `{ $item }` is logged on { $day }, after today ({ $today }): a typo in the date?

## Calibration and backtest (`calibration`, `backtest`)

calibration-no-usable-tasks = the history has no task with a positive likely estimate and an actual
backtest-bad-fraction = the train fraction must lie strictly between 0 and 1, found { $found }
backtest-too-few-tasks = a backtest needs tasks finished on at least two different days, to train on the earlier and test on the later; this history has { $tasks ->
    [one] one task
   *[other] { $tasks } tasks
} on { $days ->
    [one] one day
   *[other] { $days } days
}
