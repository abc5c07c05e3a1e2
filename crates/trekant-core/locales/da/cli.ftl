# cli

## render
render-question-label = spørg

## questions
questions-greeting-client = Kære { $client }
questions-greeting = Hej
questions-intro = Tak for jeres henvendelse. Før jeg kan give et tilbud, jeg tør stå inde for, har jeg nogle spørgsmål:
questions-intro-none = Tak for en klar og præcis beskrivelse — jeg har ingen spørgsmål lige nu.

## estimate
estimate-calibrated = kalibreret med din historik ({ $tasks } opgaver)
estimate-uncalibrated = ukalibreret: rå estimater (ingen historik)
estimate-row-hours = Timer
estimate-row-price = Pris
estimate-row-finish = Færdig

## options
options-title-a = A) Det hele til deadline
options-title-b = B) Det hele i normalt tempo
options-title-c = C) Det, der passer i budget og tid
options-title-d = D) Anbefalet
options-ready = klar
options-for-budget-and-deadline = for budget og deadline
options-cheaper-way = billigere løsning
options-includes = Med
options-phase-2 = Fase 2

## calibration
calibration-col-tasks = opg.
calibration-col-median = median
calibration-col-over = over
calibration-by-category = Efter kategori
calibration-by-size = Efter størrelse
calibration-over-time = Over tid
calibration-curve = Andel opgaver med forhold (faktisk/estimat) under værdien
calibration-as-estimated = som estimeret
options-heading = Muligheder ved { $confidence } sikkerhed
options-same-as = Samme som { $option }
options-rush = { $week } t/uge, heraf { $rush } t med hastetillæg
options-instead-of = { $alt } (i stedet for: { $item })
options-not-possible = Ikke muligt ved { $confidence } — højst { $odds } for budget og deadline
options-needs-budget = et budget på { $budget }
options-needs-deadline = en deadline { $deadline }
options-needs-both = { $first } og { $last }
options-must-need = Must-punkterne alene kræver { $needs }
summary-no-findings = Ingen fund: briefen er klar og præcis.
summary = { $errors_text } fejl, { $warnings_text } { $warnings ->
    [one] advarsel
   *[other] advarsler
}
calibration-more = … og { $more } mere (alle med --format json)
calibration-summary = Dine { $tasks } afsluttede opgaver: typisk tager en opgave { $median } × dit sandsynlige estimat; for at ramme 80 % skal du gange med { $p80 }. { $over } tog længere end estimeret.
estimate-price-curve = Pris: sandsynlighed for at prisen holder sig under beløbet
backtest-method = metode
backtest-pinball = pinball
backtest-calibrated = kalibreret
backtest-fixed-ratio = fast faktor
backtest-raw = rå estimat
backtest-honest = En kvantil er ærlig (✓), når dens niveau ligger inden for { $tolerance } af [andel under, andel på eller under].
backtest-pinball-note = Pinball-tab: gennemsnitligt kvantiltab i timer; lavere er bedre.
explain-more = Kør `trekant explain KODE` for en regels fulde dokumentation.
explain-did-you-mean = {" "}— mente du `{ $code }`?
explain-no-such-rule = ingen regel hedder `{ $code }`{ $near } Kør `trekant explain` for at se dem alle.
history-bad-rows = { $bad_text } { $bad ->
    [one] dårlig række
   *[other] dårlige rækker
}; intet importeret. Ret dem, eller tilføj --skip-bad for at importere de { $good } gode rækker.
history-skipped = ; { $skipped_text } { $skipped ->
    [one] dårlig række
   *[other] dårlige rækker
} sprunget over
history-imported = importerede { $inserted_text } { $inserted ->
    [one] opgave
   *[other] opgaver
} fra { $file }; { $present } findes allerede i historikken{ $skipped }
history-differing = bemærk: { $count ->
    [one] linje
   *[other] linjerne
} { $lines } gentager opgaver, der allerede er i historikken med andre værdier; historikken beholder sine egne
estimate-run = { $trials } simuleringer · seed { $seed } · { $calibration }
# The severity of a finding, as the review prints it before its code. Kept as the
# compiler-style words both languages use in tools ("warning[vague-wording]").
severity-error = error
severity-warning = warning
severity-info = info

## Errors and notes of the commands
error-cannot-read = kan ikke læse { $file }
error-cannot-write = kan ikke skrive { $file }
error-cannot-create = kan ikke oprette { $file }
error-train-fraction = --train-fraction skal være mellem 0 og 1, fx 0,67, ikke { $value }
wrote = skrev { $file }
calibration-no-history = ingen historik i { $db }: importér en med `trekant history import FIL`, eller luk et fulgt projekt
init-exists = { $file } findes allerede; vælg et andet navn, eller tilføj --force for at overskrive den
init-wrote = skrev { $file }; udfyld den, og kør så: trekant review { $file }
init-template-exists = { $file } findes allerede; tilføj --force for at overskrive den
init-templates-next = ret dem, og kør så: trekant proposal BRIEF --template { $dir }
proposal-bad-extension = kan ikke skrive .{ $extension }: giv -o en fil, der ender på .md, .html, .typ eller .pdf
proposal-cannot-read-template = kan ikke læse skabelonen { $file }; `trekant init --templates { $dir }` skriver de indbyggede, så du kan rette dem
error-no-data-home = kan ikke se, hvor din historik bor: sæt HOME eller XDG_DATA_HOME, eller giv --db FIL
error-open-history = kan ikke åbne historikken { $file }: { $error }
error-not-a-brief = { $file } er ikke en brief (.toml); kør `trekant init` for at skrive en, eller `trekant review` for at gennemgå fri tekst
error-unreadable-brief = { $file } kunne ikke læses som en brief
error-is-a-directory = { $file } er en mappe; giv stien til en brief (.toml) eller en tekstfil
error-profile = kan ikke læse profilen
skipped = sprunget over

## serve
serve-token = adressen er ikke loopback, så appen kræver en nøgle; giv den med --token næste gang. Nøgle: { $token }
serve-no-runtime = kan ikke starte serverens tråde
serve-cannot-bind = kan ikke lytte på { $address }: bruger et andet program den port? Vælg en anden med --bind
serve-listening = trekant serve: lytter på { $url } (oplæg i { $dir }); Ctrl-C stopper den
serve-stopped = serveren stoppede med en fejl

## track
track-no-name = { $file } har intet projektnavn: tilføj `name = "…"` under [project]
track-nothing-wanted = { $file } har ingen ønskede punkter at følge (alle er `wont`)
track-already-tracked = `{ $project }` følges allerede: se `trekant track status --project "{ $project }"`, eller luk det med `trekant track close`
track-started = følger `{ $project }` fra { $day }: { $items_text } { $items ->
    [one] punkt
   *[other] punkter
}, { $likely } t sandsynligt
track-hours = { $hours } t
track-range = { $low }–{ $likely }–{ $high } t
track-start-next = log timer med `trekant track log PUNKT TIMER`, eller importér en timeseddel med `trekant track import FIL --format toggl`
track-hours-limit = timerne skal være over 0 og højst 24 (én dag), ikke { $hours }
track-logged = loggede { $hours } t på `{ $item }` ({ $project }, { $day }); { $total } t af { $likely } t sandsynligt indtil nu
track-bad-row = { $file }:linje { $line }: { $message }
track-row-skipped = {" "}(række sprunget over)
track-bad-rows = { $file }: { $bad_text } { $bad ->
    [one] dårlig række
   *[other] dårlige rækker
}; intet importeret. Ret dem, eller tilføj --skip-bad for at importere de { $good } gode rækker.
track-imported = importerede { $entries_text } { $entries ->
    [one] registrering
   *[other] registreringer
} ({ $hours } t) fra { $file } til `{ $project }`
track-not-imported = ikke importeret (intet punkt passede; log dem selv med `trekant track log PUNKT TIMER`):
track-unmatched = { $name }: { $entries_text } { $entries ->
    [one] registrering
   *[other] registreringer
}, { $hours } t ({ $line_count ->
    [one] linje
   *[other] linjer
} { $lines }){ $could_be }
track-could-be = ; kunne være { $items }
track-or = {" "}eller{" "}
track-status-title = { $project } · startet { $day }
track-calibrated = prognoser kalibreret med din historik
track-uncalibrated = prognoser ud fra trepunktsestimaterne (ingen historik at kalibrere med)
track-col-item = punkt
track-col-logged = logget
track-col-estimate = estimat
track-col-plan = plan P80
track-col-now = nu P80
track-change-mark = {" "}(ændring)
track-status-logged = logget { $logged } t af { $likely } t sandsynligt
track-status-crept = {" "}({ $hours } t af dem tilføjet ved accepterede ændringer)
track-status-proposed = { $count_text } { $count ->
    [one] ændringsønske
   *[other] ændringsønsker
} foreslået, ikke accepteret
track-on-track = på sporet ved P80: punkternes P80 summerer til { $forecast } t ud fra det loggede, inden for planens { $plan } t
track-off-track = ikke på sporet ved P80: punkternes P80 summerer til { $forecast } t ud fra det loggede, { $over } t ({ $percent } %) over planens { $plan } t
track-close-future = { $day } er efter i dag ({ $today }): et projekt lukkes på en dag, der er kommet
track-closed = lukkede `{ $project }` den { $day }: { $moved_text } { $moved ->
    [one] punkt
   *[other] punkter
} flyttet til historikken, { $already } var der allerede
track-left-out = udeladt, ingen timer logget: { $items }
track-not-a-date = `{ $text }` er ikke en dato: skriv den som ÅÅÅÅ-MM-DD, fx 2027-03-01
track-no-project-none-open = intet åbent projekt hedder `{ $name }`, og intet følges: start et med `trekant track start BRIEF`
track-no-project = intet åbent projekt hedder `{ $name }`; åbne: { $open }
track-none-tracked = intet projekt følges: start et med `trekant track start BRIEF`
track-many-open = { $count_text } projekter er åbne ({ $open }): vælg et med --project NAVN
track-unknown-item = `{ $project }` har intet punkt `{ $item }`{ $suggestion } Dets punkter: { $items }
track-did-you-mean = ; mente du `{ $id }`?
