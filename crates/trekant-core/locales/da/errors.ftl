# Fejl fra kernen og lageret, som kommandoerne melder dem: en historik- eller
# tidsregistreringsfil, der ikke kan læses, simuleringens indstillinger, et lager, der siger nej.
# $line er et linjenummer som tekst (uden tusindtalsskilletegn).

error-at-line = linje { $line }: { $message }
# Tekst fra et bibliotek (CSV-læseren), som ikke har sit eget katalog.
error-text = { $text }

## Historik-CSV'en (`history import`, `backtest FIL`)

history-empty = filen er tom; en historik-CSV begynder med overskriftslinjen `{ $header }`
history-missing-columns = linje 1: overskriftslinjen mangler { $columns }
history-unknown-column = linje 1: ukendt kolonne `{ $name }`
history-unknown-column-hint = linje 1: ukendt kolonne `{ $name }`; mente du `{ $hint }`?
history-duplicate-column = linje 1: kolonnen `{ $name }` står der to gange
history-whole-column = { $at }, og sådan på alle { $rows_text } rækker: kolonnen `{ $column }` skal rettes som helhed
history-row-after-today = `finished` er { $finished }, efter i dag ({ $today }): en tastefejl i datoen?
history-row-unreadable = rækken kan ikke læses: { $error }
history-row-fields = forventede { $expected } felter, fandt { $found }
history-row-duplicate = gentager linje { $first }: samme projekt, opgave og afslutningsdato
history-cell-empty = `{ $column }` er tom
history-likely-not-positive = `likely` skal være mere end 0 timer, men er `{ $found }`
history-low-above-likely = `low` ({ $low }) er over `likely` ({ $likely })
history-high-below-likely = `high` ({ $high }) er under `likely` ({ $likely })
history-finished-not-a-date = `finished` skal være en dato som { $example }, men er `{ $found }`
history-hours-negative = `{ $column }` skal være et antal timer på 0 eller mere, men er `{ $found }`
history-hours-not-a-number = `{ $column }` er ikke et antal timer: `{ $found }`

## Hvordan en hel fil er skrevet

form-mixed-decimals = tallene blander decimalpunktum (linje { $point_line }: `{ $point }`) og decimalkomma (linje { $comma_line }: `{ $comma }`); gem filen igen med ét decimaltegn
form-no-dates = linje { $line }: ingen dato i kolonnen `{ $column }` kan læses (den første er `{ $cell }`); skriv datoer som 2027-02-15 eller 15-02-2027
form-both-date-orders = kolonnen `{ $column }` har både datoer med dagen først (linje { $day_line }: `{ $day }`) og med måneden først (linje { $month_line }: `{ $month }`); skriv dem alle på én måde, eller som 2027-02-15

## Eksport fra tidsregistrering (`track import`)

timesheet-empty = filen er tom
timesheet-missing-column = linje 1: det her ligner ikke en eksport fra { $format }: ingen kolonne med { $what } (ledte efter { $tried })
timesheet-column-name = opgavens navn
timesheet-column-date = dato
timesheet-column-duration = varighed
timesheet-no-name = posten nævner ingen opgave eller beskrivelse
timesheet-not-a-date = `{ $found }` er ikke en dato
timesheet-no-time = posten har ingen tid registreret
timesheet-not-a-duration = `{ $found }` er ikke en varighed

## Lageret (historikdatabasen)

store-bad-rows = { $count_text } { $count ->
    [one] dårlig række
   *[other] dårlige rækker
}, så intet blev importeret (spring dem over med --skip-bad):
    { $rows }
store-bad-row = {"  "}{ $row }
store-lines =
    { $first }
    { $next }
store-no-such-project = intet åbent projekt hedder `{ $project }`
store-project-open = et projekt, der hedder `{ $project }`, følges allerede; luk det først
store-no-such-item = projektet `{ $project }` har intet punkt `{ $item }`
store-unfinished = `{ $project }` har punkter, der ikke er færdige: { $items }; markér dem som færdige, eller sig, hvad der skal ske med dem
store-offer-exists = et tilbud med nummeret `{ $number }` er allerede registreret
store-busy = databasen var optaget i { $seconds } s (en anden trekant skriver til den); intet blev skrevet, prøv igen
store-too-new = databasen har skemaversion { $found }, nyere end denne trekant kender ({ $known }); opgradér trekant
store-bad-date = databasen indeholder en dato, der ikke kan læses: `{ $date }`
store-create-dir = kan ikke oprette mappen { $path }: { $error }
store-database = databasefejl: { $error }

## Simuleringens indstillinger, og et brief, der ikke kan prissættes

settings-trials = --trials skal ligge mellem 100 og 10.000.000, ikke { $trials }
settings-confidence = --confidence skal ligge mellem 0 og 1 (f.eks. 0.8), ikke { $confidence }
estimate-no-rate = ingen timepris: sæt `rate` i briefens [me]-tabel eller i din profil
estimate-no-items = briefen har ingen punkter at estimere: tilføj mindst ét [[item]]
estimate-no-working-days = kalenderen har ingen arbejdsdage: tjek `me.workdays`
estimate-too-long = arbejdet ville tage mere end { $days } arbejdsdage; tjek estimaterne og kapaciteten
estimate-cannot-simulate = kan ikke simulere: { $error }

## Kommandolinjens egne værdier, og hvad maskinen ikke kan

change-estimate-expected = forventede --estimate LAV,SANDSYNLIG,HØJ i timer (f.eks. 4,6,10) eller ét tal (f.eks. 6)
change-estimate-not-numbers = `{ $text }` er ikke et estimat: { $expected }
change-estimate-count = `{ $text }` har { $count_text } { $count ->
    [one] tal
   *[other] tal
}: { $expected }
change-estimate-problem = `{ $text }`: { $problem }; { $expected }
change-estimate-order = `{ $text }` står i forkert rækkefølge: LAV ≤ SANDSYNLIG ≤ HØJ; { $expected }
error-no-such-db = { $db } findes ikke; importér først en historik (`trekant history import FIL --db { $db }`)
error-options-memory = { $file }: mulighederne kræver omkring { $needed } GB hukommelse til { $items } punkter med { $trials } forsøg, mere end de { $available } GB { $source }; sænk --trials (behovet vokser med forsøg × punkter), eller tag punkter ud af briefen
error-memory-available = der er ledige
error-memory-fallback = trekant tillader, når den ikke kan aflæse den ledige hukommelse
error-pdf-template = kan ikke lave PDF'en ud fra skabelonen { $file }
error-pdf-built-in = kan ikke lave PDF'en ud fra den indbyggede skabelon { $file }
error-no-pdf-support = denne trekant er bygget uden PDF-understøttelse; installér den med `cargo install --path crates/trekant-cli --features pdf`, eller skriv Typst (-o tilbud.typ) og kør `typst compile tilbud.typ`, eller skriv HTML (-o tilbud.html) og udskriv den som PDF fra en browser

## Tilbuddet ud fra en skabelon (`proposal --template`)

proposal-template-error = fejl i skabelonen: { $error }
proposal-typst-error = typst: { $error }

## Timer registreret på et projekt, der følges (`track log`, `track import`)

entry-hours = timer registreret på `{ $item }` skal være over 0 og højst 24 (én dag), men er { $hours }
entry-before-start = `{ $item }` er registreret { $day }, før projektet begyndte { $started }
entry-future = `{ $item }` er registreret { $day }, efter i dag ({ $today }): en tastefejl i datoen?

## Kalibrering og backtest (`calibration`, `backtest`)

calibration-no-usable-tasks = historikken har ingen opgave med et positivt sandsynligt estimat og et faktisk timetal
backtest-bad-fraction = træningsandelen skal ligge mellem 0 og 1 (begge udelukket), ikke { $found }
backtest-too-few-tasks = en backtest kræver opgaver afsluttet på mindst to forskellige dage, så der kan trænes på de tidlige og testes på de senere; denne historik har { $tasks ->
    [one] én opgave
   *[other] { $tasks } opgaver
} på { $days ->
    [one] én dag
   *[other] { $days } dage
}
