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
track-done = marked `{ $item }` of `{ $project }` done on { $day }: { $logged } logged of { $likely } likely
track-done-future = { $day } is after today ({ $today }): an item is done on a day that has come
track-done-before-start = { $day } is before the project started ({ $started })
track-done-mark = {" "}✓ done { $day }
track-done-note = (an item marked done took what was logged; for the others, hours logged can only raise the forecast)
track-close-unfinished = `{ $project }` is not closed: { $count_text } { $count ->
    [one] item is
   *[other] items are
} not marked done, and the hours logged on an unfinished item are not what it took:
track-unfinished-item = { $logged } logged of { $likely } likely
track-close-unfinished-how = Mark finished items with `trekant track done ITEM`, then close with --unfinished drop (leave the rest out of the history) or --unfinished finish (record them as finished today, with the hours logged).
track-dropped = left out, unfinished: { $items }
track-finished-at-close = recorded as finished on { $day }, with the hours logged: { $items }
