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
