# The web app's History page, its accept button and their API answers.

## errors and answers
web-history-no-store = there is no history to record into: start `trekant serve` with `--db FILE` (a new file is created), or accept an offer once with `trekant accept`, which creates the default database
web-history-no-project = no open project named `{ $project }`: see the History page for the projects being tracked
web-history-no-item = `{ $project }` has no item `{ $item }`
web-accept-tracked = `{ $project }` is already accepted and being tracked: see the History page, or close the project there before accepting it again
web-accept-number-taken = an offer numbered `{ $number }` is already recorded; try again
web-store-busy = the history database is busy (another trekant is writing to it); nothing was written, try again in a moment
web-not-a-date = `{ $field }`: `{ $text }` is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01
web-log-before-start = { $day } is before the project started ({ $started }): a typo in the date?
web-day-future = { $day } is after today ({ $today }): a typo in the date?
web-close-unfinished = { $count ->
    [one] one item is not marked done: { $items }. Mark it done, or close with its hours dropped or counted as finished today.
   *[other] { $count } items are not marked done: { $items }. Mark them done, or close with their hours dropped or counted as finished today.
}
web-close-bad-unfinished = `unfinished` is `drop` or `finish`, not `{ $value }`
web-accept-no-option = there is no option called `{ $option }`; the options are { $options }
web-accept-no-such-option = the options have no `{ $option }` for this brief; choose another
web-accept-no-name = the brief has no project name to track the work under: give it one (`[project] name`) and save
web-accept-recorded = Offer { $number } accepted for { $project }: { $option }, { $total } { $basis }, delivery { $delivery }. The work is now tracked on the History page.

## trekant serve
web-serve-history = history: { $db } (accepted offers and tracked projects are recorded there)
web-serve-no-history = no history database at { $db }: the History page and the accept button need one; start with --db FILE to create it

## the History page
web-nav-history = History
web-history-title = History
web-history-lead = The work you have taken on: hours logged against the estimates, and what your finished projects say about how you estimate.
web-history-none-title = No history yet
web-history-none = trekant keeps accepted offers, tracked projects and your calibration in a history database. Start the app with one (a new file is created):
web-history-projects = Projects in progress
web-history-no-projects = No project is being tracked. Accept an offer on a brief's page and its work shows up here.
web-history-started = started { $day }
web-history-calibrated = forecasts calibrated on your history
web-history-uncalibrated = forecasts from the three-point estimates (no history yet)
web-history-on-track = On track
web-history-off-track = { $hours } h over plan
web-history-logged = Logged
web-history-likely = Estimated (likely)
web-history-plan = Plan at P80
web-history-forecast = Forecast at P80
web-history-bar = { $logged } of { $likely } hours logged
web-history-col-item = Item
web-history-col-logged = Logged
web-history-col-estimate = Estimate
web-history-col-plan = Plan P80
web-history-col-now = Now P80
web-history-col-done = Done
web-history-change = change
web-history-mark-done = Mark done
web-history-log = Log hours
web-history-hours = Hours
web-history-date = Day
web-history-note = Note (optional)
web-history-log-button = Log
web-history-close = Close the project
web-history-close-hint = Closing moves every finished item with hours into your history, where it calibrates your next estimates. Items not marked done:
web-history-unfinished = Items not marked done
web-history-unfinished-refuse = keep the project open
web-history-unfinished-finish = count them as finished today
web-history-unfinished-drop = leave them out of the history
web-history-close-button = Close project
web-history-offers = Accepted offers
web-history-col-number = Number
web-history-col-project = Project
web-history-col-option = Option
web-history-col-total = Total
web-history-col-delivery = Delivery
web-history-col-accepted = Accepted
web-history-calibration = How you estimate
web-history-no-calibration = No finished tasks yet: close a tracked project, or import a history with `trekant history import FILE`.
web-history-col-tasks = Tasks
web-history-col-median = Median
web-history-col-over = Over

## the accept button
web-accept-title = The client said yes
web-accept-hint = Records the offer and starts tracking its work, as `trekant accept` does. The option:
web-accept-no-store = To record an accepted offer and track its hours, start the app with a history: `trekant serve --db history.db`.
web-accept-date = Accepted on
web-accept-button = Accept the offer
web-js-accepting = Recording …
web-js-see-history = Go to History
