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
web-history-no-calibration = Ingen afsluttede opgaver endnu: luk et projekt, der følges, eller importér en historik:
web-history-import-command = trekant history import FIL
web-history-col-tasks = Opgaver
web-history-col-median = Median
web-history-col-over = Over

## knappen til at acceptere
web-accept-title = Kunden har sagt ja
web-accept-hint = Gemmer tilbuddet med dets nummer og begynder at følge timerne på Historik-siden. Muligheden:
web-accept-no-store = Start appen med en historik for at gemme et accepteret tilbud og følge timerne: `trekant serve --db historik.db`.
web-accept-date = Accepteret den
web-accept-button = Acceptér tilbuddet
web-js-accepting = Gemmer …
web-js-see-history = Gå til Historik

## webappens fejl (på anmodningens sprog)
web-error-busy = serveren er optaget af andre simuleringer (ventede { $seconds } s); prøv igen om lidt
web-error-internal = intern fejl; serverens log har detaljerne
web-error-if-match = send If-Match med den etag, du indlæste opgaven med, så en nyere version aldrig bliver overskrevet
web-error-empty-text = `text` er tom: indsæt kundens mail for at lave en opgave af den
web-error-toml-or-text = giv enten `toml` (en hel opgave) eller `text` (en kundes mail at lave et udkast ud fra), ikke begge eller ingen af dem
web-error-brief-errors = opgaven har { $count } fejl, der skal rettes først: { $first }
web-error-not-a-brief = teksten er ikke en opgave
web-error-did-you-mean = {" "}— mente du `{ $near }`?
web-error-no-item = `exclude`: opgaven har ingen leverance `{ $id }`{ $hint }
web-error-budget = `budget` skal være et beløb over 0, ikke { $value }
web-error-deadline = `deadline` skal være en dato skrevet ÅÅÅÅ-MM-DD, f.eks. 2027-02-15, ikke `{ $value }`
web-error-hours-per-week = `hours_per_week` skal være over 0 og højst 168 (en uge har 168 timer), ikke { $value }
web-error-trials = `trials` må højst være { $max } her, ikke { $value }
web-error-no-document = der er intet på { $name }/{ $document }; tilbuddet ligger på { $name }/proposal.html
web-error-no-pdf = denne trekant er bygget uden PDF: hent HTML-udgaven og udskriv den som PDF fra browseren, eller installér trekant med `--features pdf`
web-error-bad-format = tilbuddet findes som proposal.html, proposal.md eller proposal.pdf, ikke proposal.{ $extension }
web-error-bad-query = forespørgslen i adressen kan ikke læses
web-error-query = forespørgslen i adressen: { $detail }
web-error-body-not-utf8 = indholdet er ikke UTF-8-tekst (første forkerte byte ved { $at })
web-error-values = anmodningens værdier: { $detail }
web-error-bad-json = indholdet er ikke gyldig JSON: { $detail }
web-error-brief-too-large = { $name } er større end { $mib } MiB; en opgave er en side TOML
web-error-file-not-utf8 = { $name } er ikke UTF-8-tekst (første forkerte byte ved { $at }); gem den som UTF-8
web-error-changed = { $name } er ændret, siden du åbnede den; genindlæs den (din tekst står stadig i editoren), og gem igen
web-error-bad-name = `{ $name }` er ikke et navn på en opgave: brug et almindeligt filnavn, der ender på .toml, f.eks. kaffe-nord.toml
web-error-no-brief = der er ingen opgave, der hedder { $name }, i denne mappe
web-error-exists = der findes allerede en opgave, der hedder { $name }; vælg et andet navn
web-error-logo-outside = den ligger uden for mappen med opgaver
web-error-host = denne server svarer kun for { $hosts }, ikke for værten `{ $host }`
web-error-log-in = log ind først: åbn /login med den token, `trekant serve` skrev, eller send `Authorization: Bearer <token>`
web-error-csrf = X-Trekant-CSRF-headeren mangler eller er forkert: hent dens værdi fra GET /api/session
web-login-title = log ind
web-login-token = Token
web-login-button = Log ind
web-login-wrong = Det er ikke den rigtige token. Kopiér den fra der, hvor `trekant serve` blev startet.
web-start-folder = kan ikke servere { $dir }: { $error }
web-start-not-a-folder = { $dir } er ikke en mappe
web-start-token = { $address } er ikke en loopback-adresse: alle, der kan nå den, kan læse og ændre dine opgaver; giv en --token (eller lad trekant lave en)
