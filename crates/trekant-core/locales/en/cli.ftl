# cli

## render
render-question-label = ask

## questions
questions-greeting-client = Dear { $client }
questions-greeting = Hello
questions-intro = Thank you for your request. Before I can make an offer I can stand behind, I have a few questions:
questions-intro-none = Thank you for a clear and precise brief — I have no questions at this point.

## estimate
estimate-calibrated = calibrated on your history ({ $tasks } tasks)
estimate-uncalibrated = uncalibrated: raw estimates (no history)
estimate-row-hours = Hours
estimate-row-price = Price
estimate-row-finish = Finish

## options
options-title-a = A) Everything by the deadline
options-title-b = B) Everything at normal pace
options-title-c = C) What fits budget and date
options-title-d = D) Recommended
options-ready = ready
options-for-budget-and-deadline = for budget and deadline
options-cheaper-way = cheaper way
options-includes = Includes
options-phase-2 = Phase 2

## calibration
calibration-col-tasks = tasks
calibration-col-median = median
calibration-col-over = over
calibration-by-category = By category
calibration-by-size = By size
calibration-over-time = Over time
calibration-curve = Share of tasks with a ratio (actual/estimate) below the value
calibration-as-estimated = as estimated
options-heading = Options at { $confidence } confidence
options-same-as = Same as { $option }
options-rush = { $week } h/week, { $rush } h of it at the rush surcharge
options-instead-of = { $alt } (instead of: { $item })
options-not-possible = Not possible at { $confidence } — at most { $odds } for budget and deadline
options-needs-budget = a budget of { $budget }
options-needs-deadline = a deadline of { $deadline }
options-needs-both = { $first } and { $last }
options-must-need = The must-haves alone need { $needs }
summary-no-findings = No findings: the brief is clear and precise.
summary = { $errors_text } { $errors ->
    [one] error
   *[other] errors
}, { $warnings_text } { $warnings ->
    [one] warning
   *[other] warnings
}
calibration-more = … and { $more } more (all with --format json)
calibration-summary = Your { $tasks } finished tasks: a task typically takes { $median } × your likely estimate; to be right 80% of the time, multiply by { $p80 }. { $over } took longer than estimated.
estimate-price-curve = Price: probability that the price stays below the amount
backtest-method = method
backtest-pinball = pinball
backtest-calibrated = calibrated
backtest-fixed-ratio = fixed ratio
backtest-raw = raw estimate
backtest-honest = A quantile is honest (✓) when its level lies within { $tolerance } of [share below, share at or below].
backtest-pinball-note = Pinball loss: mean quantile loss in hours; lower is better.
explain-more = Run `trekant explain CODE` for a rule's full documentation.
explain-did-you-mean = {" "}— did you mean `{ $code }`?
explain-no-such-rule = no rule is called `{ $code }`{ $near } Run `trekant explain` to list them.
history-bad-rows = { $bad_text } bad { $bad ->
    [one] row
   *[other] rows
}; nothing imported. Fix them, or add --skip-bad to import the { $good } good rows.
history-skipped = ; { $skipped_text } bad { $skipped ->
    [one] row
   *[other] rows
} skipped
history-imported = imported { $inserted_text } { $inserted ->
    [one] task
   *[other] tasks
} from { $file }; { $present } already in the history{ $skipped }
history-differing = note: { $count ->
    [one] line
   *[other] lines
} { $lines } repeat tasks already in the history with other values; the history keeps its own
estimate-run = { $trials } trials · seed { $seed } · { $calibration }
# The severity of a finding, as the review prints it before its code.
severity-error = error
severity-warning = warning
severity-info = info

## Errors and notes of the commands
error-cannot-read = cannot read { $file }
error-cannot-write = cannot write { $file }
error-cannot-create = cannot create { $file }
error-train-fraction = --train-fraction must be between 0 and 1, e.g. 0.67, not { $value }
wrote = wrote { $file }
calibration-no-history = no history in { $db }: import one with `trekant history import FILE`, or close a tracked project
init-exists = { $file } already exists; choose another name, or add --force to overwrite it
init-wrote = wrote { $file }; fill it in, then run: trekant review { $file }
init-template-exists = { $file } already exists; add --force to overwrite it
init-templates-next = edit them, then: trekant proposal BRIEF --template { $dir }
proposal-bad-extension = cannot write .{ $extension }: give -o a file ending in .md, .html, .typ or .pdf
proposal-cannot-read-template = cannot read the template { $file }; `trekant init --templates { $dir }` writes the built-in ones to edit
error-no-data-home = cannot tell where your history lives: set HOME or XDG_DATA_HOME, or pass --db FILE
error-open-history = cannot open the history { $file }: { $error }
error-not-a-brief = { $file } is not a brief (.toml); run `trekant init` to write one, or `trekant review` to review free text
error-unreadable-brief = { $file } could not be read as a brief
error-is-a-directory = { $file } is a directory; give the path of a brief (.toml) or a text file
error-profile = cannot read the profile
skipped = skipped

## serve
serve-token = this address is not loopback, so the app needs a token; give it with --token next time. Token: { $token }
serve-no-runtime = cannot start the server's threads
serve-cannot-bind = cannot listen on { $address }: is another program using that port? Choose another with --bind
serve-listening = trekant serve: listening on { $url } (briefs in { $dir }); Ctrl-C stops it
serve-stopped = the server stopped with an error

## track
track-no-name = { $file } has no project name: add `name = "…"` under [project]
track-nothing-wanted = { $file } has no wanted items to track (all are `wont`)
track-already-tracked = `{ $project }` is already being tracked: see `trekant track status --project "{ $project }"`, or close it with `trekant track close`
track-started = tracking `{ $project }` from { $day }: { $items_text } item(s), { $likely } h likely
track-hours = { $hours } h
track-range = { $low }–{ $likely }–{ $high } h
track-start-next = log hours with `trekant track log ITEM HOURS`, or import a timesheet with `trekant track import FILE --format toggl`
track-hours-limit = hours must be more than 0 and at most 24 (one day), not { $hours }
track-logged = logged { $hours } h on `{ $item }` ({ $project }, { $day }); { $total } h of { $likely } h likely so far
track-bad-row = { $file }:line { $line }: { $message }
track-row-skipped = {" "}(row skipped)
track-bad-rows = { $file }: { $bad_text } bad row(s); nothing imported. Fix them, or add --skip-bad to import the { $good } good rows.
track-imported = imported { $entries_text } { $entries ->
    [one] entry
   *[other] entries
} ({ $hours } h) from { $file } into `{ $project }`
track-not-imported = not imported (no item matched; log them by hand with `trekant track log ITEM HOURS`):
track-unmatched = { $name }: { $entries_text } { $entries ->
    [one] entry
   *[other] entries
}, { $hours } h (line { $lines }){ $could_be }
track-could-be = ; could be { $items }
track-or = {" "}or{" "}
track-status-title = { $project } · started { $day }
track-calibrated = forecasts calibrated on your history
track-uncalibrated = forecasts from the three-point estimates (no history to calibrate with)
track-col-item = item
track-col-logged = logged
track-col-estimate = estimate
track-col-plan = plan P80
track-col-now = now P80
track-change-mark = {" "}(change)
track-status-logged = logged { $logged } h of { $likely } h likely
track-status-crept = {" "}({ $hours } h of it added by accepted changes)
track-status-proposed = { $count_text } change request(s) proposed, not accepted
track-on-track = on track at P80: the items' P80s sum to { $forecast } h given what is logged, within the plan's { $plan } h
track-off-track = not on track at P80: the items' P80s sum to { $forecast } h given what is logged, { $over } h ({ $percent }%) over the plan's { $plan } h
track-close-future = { $day } is after today ({ $today }): a project closes on a day that has come
track-closed = closed `{ $project }` on { $day }: { $moved_text } item(s) moved into the history, { $already } already there
track-left-out = left out, no hours logged: { $items }
track-not-a-date = `{ $text }` is not a date: write it as YYYY-MM-DD, e.g. 2027-03-01
track-no-project-none-open = no open project named `{ $name }`, and none is being tracked: start one with `trekant track start BRIEF`
track-no-project = no open project named `{ $name }`; open: { $open }
track-none-tracked = no project is being tracked: start one with `trekant track start BRIEF`
track-many-open = { $count_text } projects are open ({ $open }): say which with --project NAME
track-unknown-item = `{ $project }` has no item `{ $item }`{ $suggestion } Its items: { $items }
track-did-you-mean = ; did you mean `{ $id }`?
