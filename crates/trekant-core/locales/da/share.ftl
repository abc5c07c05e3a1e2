## Delingslinks: kunden siger ja online (teamtilstand). `trekant-web`s share.rs.

## Deling, på briefens side og i API'et
share-needs-team = Delingslinks kræver en teamserver: start den med `trekant serve --db postgres://…`, og log ind. Uden en teamserver kan du sende tilbuddet som fil og registrere kundens ja med accept-knappen.
share-bad-option = `option` skal være navnet på en mulighed, fx "recommended", ikke { $value }.
share-summary = { $option }: { $total } { $basis }, levering senest { $delivery }
share-link-ready = Linket viser tilbuddet, som det ser ud nu; senere ændringer i briefen ændrer ikke ved det. Det virker til og med { $date }.
share-title = Del med kunden
share-hint = Laver et link til tilbuddet, som det ser ud her (med den mulighed, der er valgt ovenfor). Kunden kan åbne det uden at logge ind og acceptere med sit navn. Det accepterede tilbud gemmes i din historik.
share-button = Del med kunden
share-working = Laver linket …
share-url = Linket til tilbuddet
share-copy = Kopiér link
share-copied = Kopieret.

## Kundens side
share-accept-title = Acceptér tilbuddet
share-accept-intro = Tilbud { $number } — { $summary }
share-accept-name = Dit navn
share-accept-check = Jeg accepterer tilbud { $number } som beskrevet ovenfor.
share-accept-button = Acceptér tilbuddet
share-fingerprint = Tilbuddets SHA-256-fingeraftryk: { $sha256 }
share-need-name = Skriv venligst dit navn.
share-name-too-long = Et navn må højst være { $max } tegn langt.
share-need-accept = Sæt venligst flueben for at acceptere tilbuddet.
share-accepted-by = Accepteret af { $name } den { $date } kl. { $time }.

## Sider uden tilbud, og tak
share-unknown-title = Her er intet tilbud
share-unknown = Der findes intet tilbud på denne adresse. Tjek, at linket er helt, eller bed afsenderen om et nyt.
share-expired-title = Tilbuddet er udløbet
share-expired = Tilbuddet gjaldt til { $date } kl. { $time } og kan ikke længere accepteres. Bed afsenderen om et nyt.
share-already-title = Tilbuddet er allerede accepteret
share-already = Du behøver ikke gøre mere. Var det ikke dig, så kontakt venligst afsenderen.
share-thanks-title = Tak, { $name }
share-thanks = Din accept af tilbud { $number } er registreret, og afsenderen har den nu. Du kan lukke siden.
share-tracked-title = Tilbuddet kan ikke accepteres online
share-tracked = Afsenderen arbejder allerede på projektet, så tilbuddet kunne ikke registreres her. Kontakt venligst afsenderen direkte.
share-busy-title = Prøv igen om lidt
share-busy = Siden kan ikke nås lige nu. Vent et øjeblik, og prøv igen; intet er registreret.
share-broken-title = Noget gik galt
share-broken = Dit svar kunne ikke registreres på grund af en fejl hos os. Kontakt venligst afsenderen.
