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
