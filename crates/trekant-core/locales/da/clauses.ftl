# De klausuler, der koster en fastprisleverandør mest (ensidige ændringer, godkendelse efter
# kundens skøn, uafklaret omfang, support uden ende, opgaver uden antal, prisloft, ingen
# forbehold), og hulspørgsmålene til almindelige mails.

## unilateral-change
unilateral-change-message = ensidig ændring: "{ $w }" lader kunden ændre det bestilte uden at aftale prisen
unilateral-change-question = I skriver { $w } — hvordan aftaler vi ændringer i omfanget, og kan vi sætte pris på en ændring, før den bliver lavet?

## acceptance-at-discretion
acceptance-at-discretion-message = godkendelse efter kundens skøn: "{ $w }" gør godkendelsen til en vurdering, ikke til kriterier
acceptance-at-discretion-question = I skriver { $w } — hvilke skriftlige kriterier skal leverancen opfylde for at blive godkendt, hvor mange arbejdsdage har I til at teste, og er den godkendt, hvis vi ikke hører fra jer inden da?

## scope-undecided
scope-undecided-message = uafklaret omfang: "{ $w }" lader opgaven blive besluttet senere
scope-undecided-question = I skriver { $w } — hvad er besluttet nu, så vi kan give en pris på det, og må resten prissættes, når det er besluttet (eller afklares først i en kort, betalt fase)?

## unbounded-support
unbounded-support-message = support uden ende: "{ $w }" har hverken periode, timetal eller svartid
unbounded-support-question = I skriver { $w } — hvor længe efter lanceringen, hvor mange timer om måneden, og hvor hurtigt skal I have svar? Så kan vi tilbyde det som en særskilt serviceaftale.

## unquantified
unquantified-message = intet antal: "{ $w }" siger ikke hvor mange
unquantified-question = I skriver { $w } — hvor mange præcis, og hvilke? Så kan vi give en pris på netop det antal og sige, hvad én mere koster.

## price-cap
price-cap-message = prisloft: "{ $w }" gør timer ud over estimatet ubetalte — en fast pris i forklædning
price-cap-question = I skriver { $w } — er beløbet jeres budget, eller et løfte I vil have fra os? Skal timer ud over estimatet ikke betales, må vi i stedet give en fast pris med den margin, det kræver.

## no-reservations
no-reservations-message = ingen forbehold tilladt: "{ $w }" — alle andre spørgsmål i teksten skal stilles inden spørgefristen
no-reservations-question = I skriver { $w } — hvornår er sidste frist for spørgsmål? Alt det, vi ikke må tage forbehold for, skal afklares inden da.

## huller i en almindelig henvendelse (en mail, en Markdown- eller tekstfil)
text-missing-budget-message = henvendelsen nævner intet budget
text-vague-budget-message = henvendelsen nævner budgettet ("{ $w }"), men intet beløb
text-missing-deadline-message = henvendelsen nævner ingen dato for opgaven
text-missing-purpose-message = henvendelsen siger ikke, hvad opgaven skal opnå
text-missing-success-message = henvendelsen siger ikke, hvordan succes skal måles
