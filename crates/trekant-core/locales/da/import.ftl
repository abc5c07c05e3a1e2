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

# `track done` og `track close`: kun færdige punkter kommer i historikken.
track-done = markerede `{ $item }` i `{ $project }` som færdig den { $day }: { $logged } t logget af { $likely } t sandsynligt
track-done-future = { $day } er efter i dag ({ $today }): et punkt bliver færdigt på en dag, der er kommet
track-done-before-start = { $day } er før projektet startede ({ $started })
track-done-mark = {" "}✓ færdig { $day }
track-done-note = (et punkt, der er markeret færdigt, tog de timer, der er logget; for de andre kan loggede timer kun hæve prognosen)
track-close-unfinished = `{ $project }` er ikke lukket: { $count_text } { $count ->
    [one] punkt er ikke markeret færdigt
   *[other] punkter er ikke markeret færdige
}, og timerne på et ufærdigt punkt er ikke det, punktet tog:
track-unfinished-item = { $logged } t logget af { $likely } t sandsynligt
track-close-unfinished-how = Markér færdige punkter med `trekant track done PUNKT`, og luk så med --unfinished drop (udelad resten fra historikken) eller --unfinished finish (registrér dem som færdige på lukkedagen med de loggede timer).
track-dropped = udeladt, ufærdige: { $items }
track-finished-at-close = registreret som færdige den { $day } med de loggede timer: { $items }

# `trekant backtest`: dommen over P80, i én sætning.
backtest-interval = Pinball-tabets 90 %-interval, ved at trække de { $days } testdage om: { $low } til { $high }.
backtest-verdict = Din P80 holdt { $held } af gangene på { $tasks_text } senere { $tasks ->
    [one] opgave
   *[other] opgaver
}: { $judgement }
backtest-verdict-honest = ærlig, så du kan give tilbud ud fra den.
backtest-verdict-low = for lav: mere end hver femte opgave tog længere tid, så den lover mere, end den holder.
backtest-verdict-cautious = forsigtig: færre end hver femte opgave tog længere tid, så du kunne give et strammere tilbud.
backtest-few-tasks = Advarsel: kun { $tasks_text } { $tasks ->
    [one] testopgave
   *[other] testopgaver
}; under omkring { $needed } er andelen, der holdt, mest tilfældig.
backtest-walk-heading = Dag for dag: efter en opvarmning på de første { $train } opgaver blev hver af de { $test } senere opgaver forudsagt ud fra alle opgaver, der var afsluttet før dens dag.
