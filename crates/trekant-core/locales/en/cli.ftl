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
backtest-heading = Calibrated on the earliest { $train } tasks, scored on the { $test } after them.
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
