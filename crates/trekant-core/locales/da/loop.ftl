# The loop from e-mail to accepted offer to change order: `init --from`, `accept`, `change`.

## A brief drafted from an e-mail (comments in the TOML it writes)
draft-header = trekant brief (format v1), lavet ud fra en mail { $day }.
    Kundens mail står ordret i [request] text. Budget og deadline er læst ud af mailen: tjek dem.
    Skriv dine leverancer som [[item]]-punkter nederst, og kør så `trekant review` på filen.
draft-name = Ny opgave
draft-name-note = påkrævet: projektets navn
draft-client-note = kundens firma
draft-from-mail = fra mailen: "{ $quote }"
draft-language-note = "da" | "en": sprog for spørgsmål og tilbud
draft-purpose-note = målet bag ønsket: spørg kunden (`trekant questions`)
draft-success-note = målbare kriterier for, at opgaven er lykkedes
draft-start-note = tidligst mulige start
draft-text-note = Kundens henvendelse, ordret. Den gennemgås for vage ord.
draft-no-budget = mailen nævner intet budget: spørg kunden
draft-no-deadline = mailen nævner ingen dato: spørg kunden
draft-fixed-note = hvad kunden kalder ufravigeligt: scope | budget | deadline
draft-me-note = Din timepris og kapacitet står i din profil (profile.toml); her kan de overstyres.
draft-rate-note = timepris i projektets valuta
draft-items-note = Dine leverancer: ét [[item]] pr. del, med et skøn i timer. Fjern # foran og udfyld.
draft-item-design = Design af forside og undersider
draft-item-build = Opsætning og udvikling
draft-id-note = påkrævet, unikt: a-z, 0-9 og -
draft-estimate-note = timer: lav, sandsynlig, høj

## init --from (notes on stderr)
init-mail-not-utf8 = { $file } er ikke UTF-8-tekst; gem mailen som UTF-8 (eller kopiér teksten ind i en ny fil) og prøv igen
init-found-language = sprog: dansk (læst ud af mailen)
init-found-budget = budget: { $budget } (fra mailen: "{ $quote }")
init-no-budget = budget: mailen nævner intet beløb; spørg kunden
init-found-deadline = deadline: { $deadline } (fra mailen: "{ $quote }")
init-no-deadline = deadline: mailen nævner ingen dato; spørg kunden
init-draft-next = skrev { $file }; tilføj dine leverancer som [[item]], og kør: trekant review { $file }

## suspicious-number
suspicious-number-dots = `budget = { $written }` læses af TOML som { $read }, ikke { $meant }: punktum er decimaltegn i TOML. Skriv { $meant } (eller { $underscored })
suspicious-number-below-hour = budgettet ({ $budget }) er mindre end én times arbejde til din timepris ({ $rate }): en slåfejl, eller et beløb i en anden enhed?

## accept
accept-no-such-option = der er ingen mulighed, der hedder { $option }; se `trekant options`
accept-infeasible = { $option } holder ikke med { $confidence } sikkerhed og kan ikke accepteres, som den er. { $others ->
    [0] Ingen af mulighederne holder: ret budget, deadline eller leverancer i briefen først.
   *[other] Dem, der holder: { $feasible }
}
accept-empty = { $option } indeholder ingen leverancer og kan ikke accepteres. { $others ->
    [0] Ingen af mulighederne holder: ret budget, deadline eller leverancer i briefen først.
   *[other] Dem, der holder: { $feasible }
}
accept-ex-vat = ekskl. moms
accept-incl-vat = inkl. moms
accept-recorded = tilbud { $number } accepteret for { $project }: { $option }, { $total } { $basis }, levering { $delivery }

## The change order (document)
change-order-kicker = Ændringsordre
change-order-to-offer = Til tilbud { $number }
change-order-from = Fra
change-order-to = Til
change-order-cvr = CVR { $cvr }
change-order-ex-vat = ekskl. moms
change-order-incl-vat = inkl. moms
change-order-accepted-price = Accepteret pris (tilbud { $number })
change-order-current-price = Pris for det aftalte omfang
change-order-change-price = Ændringen: { $title }
change-order-new-total = Ny samlet pris, { $basis }
change-order-total-incl-vat = I alt inkl. moms ({ $rate })
change-order-of-which-vat = Heraf moms ({ $rate })
change-order-new-delivery = Levering
change-order-delivery-moved = { $after } (før { $before })
change-order-firm = Fast pris: rundet op til nærmeste { $round_to } fra prisen med { $confidence } sikkerhed
change-order-acceptance = Accept
change-order-acceptance-text = { $voice ->
    [vi] Vi går i gang med ændringen, når I har accepteret den.
   *[jeg] Jeg går i gang med ændringen, når I har accepteret den.
} { $offer ->
    [none] Prisen og leveringsdatoen ovenfor gælder fremover for hele opgaven.
   *[other] Prisen og leveringsdatoen ovenfor erstatter dem i tilbud { $offer }; resten af tilbuddet gælder uændret.
}
change-order-accepted-by = Accepteret af kunden
change-order-sign-name = Navn
change-order-sign-date = Dato
change-order-sign-signature = Underskrift
change-order-for-sender = For leverandøren

## change (the command)
change-empty-title = --title er tom: skriv, hvad kunden beder om
change-output-format = { $file }: skriv ændringsordren som .md, .html eller .typ
change-not-tracked = `{ $project }` følges ikke, så ændringen har intet sted at blive registreret: acceptér tilbuddet med `trekant accept { $brief }` (eller start med `trekant track start { $brief }`), eller udelad --propose/--accept for at se et udkast
change-preview = udkast: intet er registreret; registrér ændringen med --propose, eller med --accept, når kunden har sagt ja
change-recorded-accepted = registreret som accepteret i `{ $project }`: log timer på den med `trekant track log { $item } TIMER`
change-recorded-proposed = registreret som foreslået i `{ $project }`; når kunden siger ja, så kør kommandoen igen med --accept

## questions: the e-mail's opening, in the provider's voice
questions-greeting-contact = Hej { $name }
questions-intro-voice = { $voice ->
    [vi] Tak for jeres henvendelse. Før vi kan give et tilbud, vi tør stå inde for, har vi nogle spørgsmål:
   *[jeg] Tak for jeres henvendelse. Før jeg kan give et tilbud, jeg tør stå inde for, har jeg nogle spørgsmål:
}
questions-intro-none-voice = { $voice ->
    [vi] Tak for en klar og præcis beskrivelse — vi har ingen spørgsmål lige nu.
   *[jeg] Tak for en klar og præcis beskrivelse — jeg har ingen spørgsmål lige nu.
}
