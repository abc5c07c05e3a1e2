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
