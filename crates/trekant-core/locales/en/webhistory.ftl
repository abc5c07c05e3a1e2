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
web-history-no-calibration = No finished tasks yet: close a tracked project, or import a history:
web-history-import-command = trekant history import FILE
web-history-col-tasks = Tasks
web-history-col-median = Median
web-history-col-over = Over

## the accept button
web-accept-title = The client said yes
web-accept-hint = Records the offer with its number and starts tracking its hours on the History page. The option:
web-accept-no-store = To record an accepted offer and track its hours, start the app with a history: `trekant serve --db history.db`.
web-accept-date = Accepted on
web-accept-button = Accept the offer
web-js-accepting = Recording …
web-js-see-history = Go to History

## the web app's errors (in the request's language)
web-error-busy = the server is busy with other simulations (waited { $seconds } s); try again in a moment
web-error-internal = internal error; the server log has the details
web-error-if-match = send If-Match with the etag you loaded the brief with, so a newer version is never overwritten
web-error-empty-text = `text` is empty: paste the client's e-mail to make a brief of it
web-error-toml-or-text = give either `toml` (a whole brief) or `text` (a client's e-mail to draft one from), not both or neither
web-error-brief-errors = the brief has { $count } error(s) to fix first: { $first }
web-error-not-a-brief = the text is not a brief
web-error-did-you-mean = {" "}— did you mean `{ $near }`?
web-error-no-item = `exclude`: the brief has no item `{ $id }`{ $hint }
web-error-budget = `budget` must be an amount above 0, not { $value }
web-error-deadline = `deadline` must be a date written YYYY-MM-DD, such as 2027-02-15, not `{ $value }`
web-error-hours-per-week = `hours_per_week` must be above 0 and at most 168 (a week has 168 hours), not { $value }
web-error-trials = `trials` may be at most { $max } here, not { $value }
web-error-no-document = there is nothing at { $name }/{ $document }; the offer is at { $name }/proposal.html
web-error-no-pdf = this trekant was built without PDF support: download the HTML and print it to PDF from the browser, or install trekant with `--features pdf`
web-error-bad-format = the offer comes as proposal.html, proposal.md or proposal.pdf, not proposal.{ $extension }
web-error-bad-query = the query string is not a URL query
web-error-query = the query string: { $detail }
web-error-body-not-utf8 = the body is not UTF-8 text (first bad byte at { $at })
web-error-values = the request's values: { $detail }
web-error-bad-json = the body is not valid JSON: { $detail }
web-error-brief-too-large = { $name } is larger than { $mib } MiB; a brief is a page of TOML
web-error-file-not-utf8 = { $name } is not UTF-8 text (first bad byte at { $at }); save it as UTF-8
web-error-changed = { $name } changed since you loaded it; reload it (your text is still in the editor) and save again
web-error-bad-name = `{ $name }` is not a brief name: use a plain file name ending in .toml, such as kaffe-nord.toml
web-error-no-brief = there is no brief called { $name } in this folder
web-error-exists = a brief called { $name } exists already; choose another name
web-error-logo-outside = it is outside the folder of briefs
web-error-host = this server answers for { $hosts } only, not for the host `{ $host }`
web-error-log-in = log in first: open /login with the token `trekant serve` printed, or send `Authorization: Bearer <token>`
web-error-csrf = missing or wrong X-Trekant-CSRF header: take its value from GET /api/session
web-login-title = log in
web-login-token = Token
web-login-button = Log in
web-login-wrong = That is not the token. Copy it from where `trekant serve` started.
web-start-folder = cannot serve { $dir }: { $error }
web-start-not-a-folder = { $dir } is not a folder
web-start-token = { $address } is not a loopback address: anyone who can reach it could read and change your briefs; give a --token (or let trekant make one)
