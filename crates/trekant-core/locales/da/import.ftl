# Hvad `history import` og `track import` fandt ud af om en fil, og hvornår de afviser den.
import-detected = læste { $file } som { $encoding }, kolonner adskilt af { $delimiter }, { $decimal }{ $dates }{ $header }
import-tab = tabulatorer
import-decimal-point = decimalpunktum
import-decimal-comma = decimalkomma
import-dates = , datoer som { $pattern }
import-danish-header = , danske kolonnenavne
import-nothing-good = { $file }: ingen af { $bad ->
    [one] filens { $bad_text } række
   *[other] filens { $bad_text } rækker
} kan importeres; intet importeret. Ret filen, og importér den igen.
