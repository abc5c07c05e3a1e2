# Webappens Historik-side, knappen til at acceptere og deres svar i API'et.

## fejl og svar
web-history-no-store = der er ingen historik at gemme i: start `trekant serve` med `--db FIL` (en ny fil bliver oprettet), eller acceptér et tilbud én gang med `trekant accept`, som opretter standarddatabasen
web-history-no-project = der er intet åbent projekt, der hedder `{ $project }`: se Historik-siden for de projekter, der følges
web-history-no-item = `{ $project }` har ingen leverance, der hedder `{ $item }`
web-accept-tracked = `{ $project }` er allerede accepteret og følges: se Historik-siden, eller luk projektet dér, før du accepterer det igen
web-accept-number-taken = der er allerede gemt et tilbud med nummer `{ $number }`; prøv igen
web-store-busy = historikdatabasen er optaget (en anden trekant skriver i den); intet blev gemt, prøv igen om lidt
web-not-a-date = `{ $field }`: `{ $text }` er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, f.eks. 2027-03-01
web-log-before-start = { $day } ligger før projektets start ({ $started }): en tastefejl i datoen?
web-day-future = { $day } ligger efter i dag ({ $today }): en tastefejl i datoen?
web-close-unfinished = { $count ->
    [one] én leverance er ikke markeret som færdig: { $items }. Markér den som færdig, eller luk projektet og drop dens timer eller regn den som færdig i dag.
   *[other] { $count } leverancer er ikke markeret som færdige: { $items }. Markér dem som færdige, eller luk projektet og drop deres timer eller regn dem som færdige i dag.
}
web-close-bad-unfinished = `unfinished` er `drop` eller `finish`, ikke `{ $value }`
web-accept-no-option = der er ingen mulighed, der hedder `{ $option }`; mulighederne er { $options }
web-accept-no-such-option = der er ingen mulighed `{ $option }` for denne opgave; vælg en anden
web-accept-no-name = opgaven har intet projektnavn at følge arbejdet under: giv den et (`[project] name`), og gem
web-accept-recorded = Tilbud { $number } er accepteret for { $project }: { $option }, { $total } { $basis }, levering { $delivery }. Arbejdet følges nu på Historik-siden.

## trekant serve
web-serve-history = historik: { $db } (accepterede tilbud og projekter, der følges, gemmes dér)
web-serve-no-history = ingen historikdatabase i { $db }: Historik-siden og knappen til at acceptere kræver en; start med --db FIL for at oprette den

## Historik-siden
web-nav-history = Historik
web-history-title = Historik
web-history-lead = Det arbejde, du har sagt ja til: timer brugt mod estimaterne, og hvad dine afsluttede projekter siger om, hvordan du estimerer.
web-history-none-title = Ingen historik endnu
web-history-none = trekant gemmer accepterede tilbud, projekter, der følges, og din kalibrering i en historikdatabase. Start appen med én (en ny fil bliver oprettet):
web-history-projects = Igangværende projekter
web-history-no-projects = Der følges ingen projekter. Acceptér et tilbud på en opgaves side, så dukker arbejdet op her.
web-history-started = startet { $day }
web-history-calibrated = prognoser kalibreret på din historik
web-history-uncalibrated = prognoser ud fra trepunktsestimaterne (ingen historik endnu)
web-history-on-track = På sporet
web-history-off-track = { $hours } t over planen
web-history-logged = Brugt
web-history-likely = Estimeret (sandsynligt)
web-history-plan = Plan ved P80
web-history-forecast = Prognose ved P80
web-history-bar = { $logged } af { $likely } timer brugt
web-history-col-item = Leverance
web-history-col-logged = Brugt
web-history-col-estimate = Estimat
web-history-col-plan = Plan P80
web-history-col-now = Nu P80
web-history-col-done = Færdig
web-history-change = ændring
web-history-mark-done = Markér som færdig
web-history-log = Registrér timer
web-history-hours = Timer
web-history-date = Dag
web-history-note = Note (valgfri)
web-history-log-button = Registrér
web-history-close = Luk projektet
web-history-close-hint = Når projektet lukkes, flyttes alle færdige leverancer med timer over i din historik, hvor de kalibrerer dine næste estimater. Leverancer, der ikke er markeret som færdige:
web-history-unfinished = Leverancer, der ikke er færdige
web-history-unfinished-refuse = lad projektet være åbent
web-history-unfinished-finish = regn dem som færdige i dag
web-history-unfinished-drop = hold dem uden for historikken
web-history-close-button = Luk projekt
web-history-offers = Accepterede tilbud
web-history-col-number = Nummer
web-history-col-project = Projekt
web-history-col-option = Mulighed
web-history-col-total = I alt
web-history-col-delivery = Levering
web-history-col-accepted = Accepteret
web-history-calibration = Sådan estimerer du
web-history-no-calibration = Ingen afsluttede opgaver endnu: luk et projekt, der følges, eller importér en historik med `trekant history import FIL`.
web-history-col-tasks = Opgaver
web-history-col-median = Median
web-history-col-over = Over

## knappen til at acceptere
web-accept-title = Kunden har sagt ja
web-accept-hint = Gemmer tilbuddet og begynder at følge arbejdet, som `trekant accept` gør. Muligheden:
web-accept-no-store = Start appen med en historik for at gemme et accepteret tilbud og følge timerne: `trekant serve --db historik.db`.
web-accept-date = Accepteret den
web-accept-button = Acceptér tilbuddet
web-js-accepting = Gemmer …
web-js-see-history = Gå til Historik
