# document

## The proposal
proposal-offer = Tilbud
proposal-for-client = til
proposal-issued = Dato
proposal-purpose = Formål
proposal-success = Sådan måler vi succes
proposal-understanding = Vores forståelse af opgaven
proposal-options = Muligheder
proposal-option = Mulighed
proposal-price = Pris
proposal-ready = Klar
proposal-confidence = Sikkerhed
proposal-odds = Budget og dato holder
proposal-scope = Omfang
proposal-recommended = Anbefalet
proposal-not-possible = Ikke muligt
proposal-phase2 = Fase 2
proposal-included = Det får I
proposal-excluded = Ikke med i denne omgang
proposal-assumptions = Forudsætninger
proposal-risks = Risici
proposal-probability = sandsynlighed
proposal-questions = Åbne spørgsmål
proposal-terms = Vilkår
proposal-revisions = Rettelsesrunder
proposal-valid-until = Tilbuddet gælder til
proposal-payment = Betaling
proposal-charts = Usikkerheden i tal
proposal-chart-note = Fordelingen af pris og leveringsdato over simulerede forløb af projektet.
proposal-rounds = runder
proposal-hours = timer
option-full-scope-by-deadline = Det hele til jeres deadline
option-full-scope-normal-pace = Det hele i normalt tempo
option-fit-budget-and-deadline = Det, der passer i budget og tid
option-recommended = Vores anbefaling
option-not-feasible = Kan ikke nås med { $confidence } sikkerhed (højst { $odds }).
option-rush = Kræver { $hours } timer med hastetillæg.
item-instead-of = i stedet for: { $item }
item-phase-2 = kan komme i fase 2
item-not-wanted = ikke ønsket
assumption-pace = Arbejdet udføres med { $hours } timer om ugen til { $rate } i timen; timer ud over det, der er aftalt, faktureres til samme pris.
assumption-simulation = Priser og datoer holder med { $confidence } sikkerhed i vores simulering af projektet ({ $trials } forløb), ud fra estimater med usikkerhed for hver del.
assumption-start = Start { $start }; weekender og helligdage er ikke arbejdsdage.
assumption-material = Materiale fra jer (tekster, billeder, adgange) leveres til tiden; forsinkelser flytter leveringsdatoen tilsvarende.
risk-extra-hours = { $low }–{ $high } ekstra timer
risk-delay = { $low }–{ $high } arbejdsdages ventetid
chart-price-title = Pris for det fulde ønske
chart-budget = budget { $budget }
chart-deadline = deadline { $deadline }
chart-finish-title = Leveringsdato for det fulde ønske
proposal-options-note = Priser og datoer er sat, så de holder med { $confidence } sikkerhed. Sidste kolonne er chancen for, at både jeres budget og jeres dato holder.

## Numbers, money and dates (the separators are read as settings, never wrapped)
number-group-separator = .
number-decimal-separator = ,
money-dkk = { $amount } kr.
money = { $amount } { $currency }
percent = { $p } %
date = { $day }. { $month } { $year }
month = { $month ->
     [1] januar
     [2] februar
     [3] marts
     [4] april
     [5] maj
     [6] juni
     [7] juli
     [8] august
     [9] september
     [10] oktober
     [11] november
    *[12] december
}

## change-order
change-order-realistic = realistisk
change-order-tight = stramt
change-order-unrealistic = urealistisk
change-order-unknown = uden budget og deadline
change-order-hours = timer
change-order-what-is-added = Hvad der tilføjes
change-order-effort = Omfang: { $effort }
change-order-price = Pris
change-order-delivery-title = Levering
change-order-effect = Virkning på budget og deadline
change-order-validity = Gyldighed
change-order-heading = Ændringsordre: { $title }
change-order-effort-range = { $low }–{ $high } timer, mest sandsynligt { $likely }
change-order-title-project = { $title } (projekt: { $project })
change-order-added = Tillæg: { $added } (med { $confidence } sikkerhed)
change-order-total = Samlet pris: { $before } før, { $after } med ændringen
change-order-delivery = Ny leveringsdato: { $after } (før { $before })
change-order-budget-effect = Budget { $budget }: holder i { $after } af udfaldene (før { $before })
change-order-deadline-effect = Deadline { $deadline }: holder i { $after } af udfaldene (før { $before })
change-order-verdict = Vurdering: { $after } (begge holder i { $after_odds }), før { $before } ({ $before_odds })
change-order-valid-until = Tilbuddet gælder til og med { $date }.
