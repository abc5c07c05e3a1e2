# cli

## render
render-question-label = ask

## questions
questions-text = Dear { $client }
questions-text-2 = Hello
questions-text-3 = Thank you for your request. Before I can make an offer I can stand behind, I have a few questions:
questions-text-4 = Thank you for a clear and precise brief — I have no questions at this point.

## estimate
estimate-calibrated = calibrated on your history ({ $tasks } tasks)
estimate-text = uncalibrated: raw estimates (no history)
estimate-text-2 = Hours
estimate-text-3 = Price
estimate-text-4 = Finish

## options
options-text = A) Everything by the deadline
options-text-2 = B) Everything at normal pace
options-text-3 = C) What fits budget and date
options-text-4 = D) Recommended
options-text-5 = ready
options-text-6 = for budget and deadline
options-text-7 = cheaper way
options-text-8 = Includes
options-text-9 = Phase 2
options-text-10 = {" "}and{" "}

## calibration
calibration-text = tasks
calibration-text-2 = median
calibration-text-3 = over
calibration-text-4 = By category
calibration-text-5 = By size
calibration-text-6 = Over time
calibration-text-7 = Share of tasks with a ratio (actual/estimate) below the value
calibration-text-8 = as estimated
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
estimate-trials = { $trials } trials
estimate-price-curve = Price: probability that the price stays below the amount
