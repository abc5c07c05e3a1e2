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
