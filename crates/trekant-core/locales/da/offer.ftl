## The offer a client can sign: sender, terms, moms (issue 9)

## Validation of the brief's sender and terms

offer-bad-cvr = skal være et CVR-nummer på 8 cifre, fx "12345678" (ikke "{ $cvr }")
offer-bad-email = skal være en e-mailadresse, fx "mette@eksempel.dk" (ikke "{ $email }")
offer-bad-vat = skal være en momssats mellem 0 og 1, fx 0.25 for 25 % moms
offer-bad-positive = skal være større end 0
offer-bad-share = skal være en andel over 0 og højst 1, fx 0.3 for 30 %
offer-bad-share-sum = skal have andele, der tilsammen giver 1 (de giver { $sum }); ret dem, fx 0.3 og 0.7
offer-expected-payment = en betalingsplan, fx [{"{"} share = 0.3, at = "start" {"}"}, {"{"} share = 0.7, at = "delivery" {"}"}]
offer-expected-boolean = true eller false
offer-logo-unreadable = kan ikke læses fra { $file } ({ $reason }); angiv stien til et PNG-, JPEG- eller SVG-billede i forhold til filen, der nævner det
offer-logo-not-image = er ikke et PNG-, JPEG- eller SVG-billede: { $file }
offer-logo-too-large = er for stort til at blive indlejret: { $file } fylder { $size } kB, højst { $max } kB er tilladt; gem en mindre udgave

## The proposal as a tilbud

offer-number = Tilbudsnr.
offer-contact = Att.
offer-cvr = CVR
offer-task = Opgaven
offer-client-quote = Med jeres egne ord
offer-recommendation = { $voice ->
    [jeg] Mit tilbud
   *[vi] Vores tilbud
}
offer-what-it-takes = Det kræver opgaven
offer-item = Del
offer-delivered = Færdig
offer-amount = Pris
offer-basis-ex = ekskl. moms
offer-basis-incl = inkl. moms
offer-delivery = Levering
offer-payment-plan = Betalingsplan
offer-payment-when = Forfalder
offer-alternatives = Andre muligheder
offer-alternatives-note = Alle priser er faste priser, sat så de holder med { $confidence } sikkerhed. Sidste kolonne er chancen for, at både jeres budget og jeres dato holder.
offer-fixed-price = Fast pris
offer-price-ex-vat = Fast pris ekskl. moms
offer-vat = Moms { $rate } %
offer-price-incl-vat = I alt inkl. moms
offer-price-consumer = Fast pris inkl. moms
offer-vat-included = heraf moms { $rate } %
offer-odds = Chancen for, at både budget og dato holder: { $odds }
offer-no-limits = I har hverken sat budget eller deadline.
offer-option-misses = Holder ikke budget og dato med den ønskede sikkerhed (kun { $odds }).
offer-same-as-lead = { $voice ->
    [jeg] Samme som mit tilbud
   *[vi] Samme som vores tilbud
}
offer-same-as = Samme som "{ $option }"
offer-needs-budget = et budget på { $budget }
offer-needs-deadline = levering { $deadline }
offer-or = {" "}eller{" "}
offer-all-musts = Alle de nødvendige dele
offer-needs = { $musts } kræver { $needs }
offer-deferred-musts = { $items } kommer i fase 2.
offer-phase2 = Fase 2 ({ $items }) kan bestilles bagefter til { $price }.
offer-pay-start = { $share } ved opstart
offer-pay-delivery = { $share } ved levering
offer-pay-item = { $share } når { $item } er leveret
offer-term-revisions = { $count ->
    [one] { $rounds } rettelsesrunde er med i prisen.
   *[other] { $rounds } rettelsesrunder er med i prisen.
}
offer-term-payment-days = Betalingsbetingelser: netto { $days } dage.
offer-term-valid = Tilbuddet gælder til { $date }.
offer-term-change-rate = Arbejde ud over tilbuddet aftales skriftligt, før det sættes i gang, og faktureres med { $rate } i timen.
offer-term-material = { $voice ->
    [jeg] Kommer materiale fra jer (tekster, billeder, adgange) senere end aftalt, rykker leveringsdatoen tilsvarende, og ventetid faktureres ikke. Jeg siger til, så snart jeg mangler noget.
   *[vi] Kommer materiale fra jer (tekster, billeder, adgange) senere end aftalt, rykker leveringsdatoen tilsvarende, og ventetid faktureres ikke. Vi siger til, så snart vi mangler noget.
}
offer-summary-purpose = { $purpose }. Opgaven omfatter { $items }.
offer-summary-items = Opgaven omfatter { $items }.
offer-accept = Accept
offer-accept-note = { $voice ->
    [jeg] Tilbud nr. { $number } accepteres på vilkårene ovenfor. Skriv under og send en kopi retur, så går jeg i gang.
   *[vi] Tilbud nr. { $number } accepteres på vilkårene ovenfor. Skriv under og send en kopi retur, så går vi i gang.
}
offer-accept-client = Accepteret af
offer-accept-sender = Tilbudsgiver
offer-accept-name = Navn
offer-accept-date = Dato
offer-accept-signature = Underskrift
