# What `history import` and `track import` found out about a file, and their refusals.
# $encoding is a name such as UTF-8 or Windows-1252; $delimiter is the character between
# columns, already quoted (`;`), or import-tab.
import-detected = read { $file } as { $encoding }, columns separated by { $delimiter }, { $decimal }{ $dates }{ $header }
import-tab = tabs
import-decimal-point = decimal point
import-decimal-comma = decimal comma
import-dates = , dates as { $pattern }
import-danish-header = , Danish column names
# Every row of the file is bad: --skip-bad would import nothing, so it is not offered.
import-nothing-good = { $file }: none of the { $bad_text } { $bad ->
    [one] row
   *[other] rows
} can be imported; nothing imported. Fix the file and import it again.

# `track done` and `track close`: only finished items go into the history.
track-done = marked `{ $item }` of `{ $project }` done on { $day }: { $logged } h logged of { $likely } h likely
track-done-future = { $day } is after today ({ $today }): an item is done on a day that has come
track-done-before-start = { $day } is before the project started ({ $started })
track-done-mark = {" "}✓ done { $day }
track-done-note = (an item marked done took what was logged; for the others, hours logged can only raise the forecast)
track-close-unfinished = `{ $project }` is not closed: { $count_text } { $count ->
    [one] item is
   *[other] items are
} not marked done, and the hours logged on an unfinished item are not what it took:
track-unfinished-item = { $logged } h logged of { $likely } h likely
track-close-unfinished-how = Mark finished items with `trekant track done ITEM`, then close with --unfinished drop (leave the rest out of the history) or --unfinished finish (record them as finished on the closing day, with the hours logged).
track-dropped = left out, unfinished: { $items }
track-finished-at-close = recorded as finished on { $day }, with the hours logged: { $items }

# `trekant backtest`: the walk-forward verdict on the P80, in a sentence.
backtest-interval = The pinball loss's 90% interval, from resampling the { $days } test days: { $low } to { $high }.
backtest-verdict = Your P80 held { $held } of the time on { $tasks_text } later { $tasks ->
    [one] task
   *[other] tasks
}: { $judgement }
backtest-verdict-honest = honest, so you can quote on it.
backtest-verdict-low = too low: more than one task in five took longer, so it promises more than it keeps.
backtest-verdict-cautious = cautious: fewer than one task in five took longer, so you could quote tighter.
backtest-few-tasks = Warning: only { $tasks_text } test { $tasks ->
    [one] task
   *[other] tasks
}; below about { $needed } the share that held is mostly chance.
backtest-walk-heading = Walking forward: after a warm-up on the earliest { $train } tasks, each of the { $test } later tasks was predicted from every task finished before its day.
