# review

## budget-below-must
budget-below-must-message = must-punkterne alene koster { $cost_text } ved det sandsynlige estimat, over budgettet på { $budget_text }
budget-below-must-question = De vigtigste ønsker koster omkring { $cost_text } mod et budget på { $budget_text }: kan noget af det vente til en fase 2, eller kan budgettet øges?

## comparison-reference
comparison-reference-message = sammenligning: "{ $w }" henviser til noget andet i stedet for at sige, hvad der ønskes
comparison-reference-question = I nævner { $w } — hvad er det præcis, I vil have derfra (udseende, funktioner, måden det virker på), og hvad skal være anderledes hos jer?

## deadline-below-must
deadline-below-must-message = must-punkterne kræver mindst { $need } t, men der er kun { $have } t til rådighed ({ $days } arbejdsdage ved maksimal kapacitet) før { $by }
deadline-below-must-question = Selv i bedste fald kan det vigtigste ikke nås til { $by }. Hvad hænger datoen sammen med — kan den rykkes, eller kan en første version nøjes med mindre?

## dependency-cycle
dependency-cycle-message = afhængighederne går i ring: { $cycle }; fjern én af dem

## duplicate-id
duplicate-id-message = id'et "{ $id }" er allerede brugt på linje { $line }; giv hvert punkt sit eget id

## estimate-order
estimate-order-message = estimatet skal være ordnet [lav, sandsynlig, høj], men er [{ $l }, { $m }, { $h }] — mente du { $fix }?

## estimate-range
estimate-range-not-finite = estimatet skal være endelige tal (ikke nan eller inf)

## fixed-triangle
fixed-triangle-message = kunden låser både omfang, budget og deadline: så er der intet at give efter på, når noget uforudset sker
fixed-triangle-question = Hvis vi undervejs bliver klogere, hvad er så vigtigst at holde: datoen, budgettet eller det fulde omfang?

## invalid-setting
invalid-setting-rush = `me.rush_surcharge` skal være en andel fra 0 til 10 (0.5 = +50 %){ $hint }
invalid-setting-confidence = `me.confidence` skal være mellem 0 og 1, fx 0.8{ $hint }
invalid-setting-share-hint = {" "}— mente du { $share }?

## minimizing
minimizing-message = bagatelliserende: "{ $w }" får opgaven til at lyde mindre, end den måske er
minimizing-question = I skriver { $w } — hvad skal der præcis laves, og hvad hører ikke med til opgaven?

## missing-budget
missing-budget-message = kunden har ikke nævnt et budget (`request.budget`)
missing-budget-question = Hvilket budget har I afsat til opgaven? Et spænd er fint, hvis I ikke har et fast tal.

## missing-deadline
missing-deadline-message = kunden har ikke givet en deadline (`request.deadline`)
missing-deadline-question = Hvornår skal løsningen være klar, og hvad hænger datoen sammen med (en lancering, en sæson, et møde)?

## missing-priority
missing-priority-message = "{ $label }" har ingen prioritet; den regnes som "should"
missing-priority-question = Er "{ $label }" et must-have til første version, eller kan det vente?

## missing-purpose
missing-purpose-message = briefen siger ikke, hvad opgaven skal opnå (`project.purpose`)
missing-purpose-question = Hvad skal løsningen opnå for jer — hvilket problem løser den, og hvad sker der, hvis den ikke bliver lavet?

## missing-rate
missing-rate-message = ingen timepris (`me.rate`) i briefen eller din profil: intet kan prissættes

## missing-revisions
missing-revisions-question = Hvor mange runder med rettelser forventer I, og hvem hos jer godkender det endelige resultat?

## missing-success
missing-success-message = briefen har ingen succeskriterier (`project.success`)
missing-success-question = Hvordan vil I måle, om projektet er lykkedes — hvilke tal eller resultater skal være nået, og hvornår?

## open-ended
open-ended-message = åben liste: "{ $w }" lader omfanget stå åbent
open-ended-question = I skriver { $w } — hvad hører ellers med? Skriv gerne hele listen, så vi kan give en pris på netop den.

## probability-range
probability-range-message = sandsynligheden skal være mellem 0 og 1, ikke { $p }{ $hint }

## schema
schema-wrong-type = `{ $path }` skal være { $expected }, men er { $found }{ $hint }
schema-missing-key = `{ $path }` mangler; tilføj fx `{ $example }`
schema-missing-table = tabellen [{ $table }] mangler; start briefen med `[{ $table }]` og `name = "…"` (`trekant init` skriver et eksempel)
schema-misplaced-key = ukendt nøgle `{ $path }` — den hører til i { $s }
schema-unknown-key-near = ukendt nøgle `{ $path }` — mente du `{ $s }`?
schema-did-you-mean = {" "}— mente du "{ $s }"?
schema-not-one-of = `{ $path }` skal være en af { $list }, ikke "{ $found }"{ $hint }
schema-bad-value = `{ $path }` { $what }

## syntax
syntax-invalid-toml = ugyldig TOML: { $detail }
syntax-not-utf8 = filen er ikke UTF-8-tekst; gem den som UTF-8 (eller er det en binær fil?)

## triangle-tight
triangle-binds-budget = budgettet
triangle-binds-deadline = deadline
triangle-binds-both = både budget og deadline
triangle-binds-nothing = intet
triangle-unrealistic-word = urealistisk
triangle-tight-word = stramt
triangle-question-deadline = Med det ønskede omfang er datoen svær at holde. Hvad er vigtigst: datoen eller at alt kommer med i første omgang?
triangle-question-both = Det fulde ønske passer hverken i budget eller tid. Hvilke dele giver størst værdi i første version, så resten kan komme i en fase 2?
triangle-question-budget = Med det ønskede omfang er budgettet stramt. Er der luft i budgettet, eller skal vi vælge, hvad der kommer med først?

## unbounded-revisions
unbounded-revisions-message = ubegrænsede rettelser: "{ $w }" sætter ingen grænse for rettelsesrunder
unbounded-revisions-question = I skriver { $w } — hvor mange rettelsesrunder skal prisen dække, hvem godkender hver runde, og hvad må en ekstra runde koste?

## unknown-dependency
unknown-dependency-near = intet punkt har id'et "{ $id }" — mente du "{ $near }"?
unknown-dependency-message = intet punkt har id'et "{ $id }"; tilføj punktet eller fjern afhængigheden

## unmeasurable-success
unmeasurable-success-message = succeskriteriet "{ $text }" kan ikke måles: der er intet tal, mål eller dato
unmeasurable-success-question = Hvordan ser "{ $text }" ud i tal — hvor meget, målt hvordan, og hvornår?

## urgency
urgency-message = hast uden dato: "{ $w }" sætter tidspres, men ingen deadline
urgency-question = I skriver { $w } — hvilken dato skal det være klar, hvorfor netop den, og hvad sker der, hvis det bliver en uge senere?

## vague-wording
vague-wording-message = upræcist ord: "{ $w }" betyder forskellige ting for forskellige mennesker og kan ikke tjekkes ved aflevering
vague-wording-question-look = Hvad betyder { $w } for jer — kan I vise to sider eller produkter, I synes er { $w_pl }, og sige hvorfor?
vague-wording-question-ease = Hvad betyder { $w } for jer — hvem skal bruge det, og hvilke opgaver skal de kunne klare uden hjælp?
vague-wording-question-speed = Hvor hurtigt er { $w } — hvilken side eller handling, hvor mange sekunder, på hvilken enhed og forbindelse?
vague-wording-question-scale = Hvad skal { $w } kunne klare — hvor mange brugere eller ordrer nu og om to år, og hvad regner I med at ændre senere?
vague-wording-question-security = Hvad skal { $w } beskytte, og mod hvad — er der krav, løsningen skal leve op til (GDPR, PCI-DSS, login, backup)?
vague-wording-question-quality = Hvad betyder { $w } for jer, og hvordan kan vi begge se ved afleveringen, at det er nået?

## wide-estimate
wide-estimate-question = Hvad skal "{ $label }" præcist indeholde — hvad er det mindste, der løser behovet, og hvad er nice-to-have?
triangle-tight-budget-part = budgettet på { $budget } holder i { $p } af udfaldene ({ $level }-pris { $price })
triangle-tight-deadline-part = deadline { $deadline } holder i { $p } ({ $level }-dato { $date })
triangle-tight-message = trekanten er { $what }: budget og deadline holder samlet i { $odds } af udfaldene (mål: { $confidence }); { $parts }; det er { $binding }, der binder
## deadline-before-start
deadline-before-start-message = deadline { $deadline } ligger før projektets start { $start }; ret året eller datoen
estimate-range-negative = timer kan ikke være negative ({ $hours })
estimate-range-absurd = { $hours } timer er omkring { $years } arbejdsår — er det minutter eller kroner? Del opgaven op, hvis tallet er rigtigt
## large-item
large-item-message = "{ $label }" er estimeret til { $hours } t; del det op i dele på højst { $max } t, som hver kan estimeres
missing-revisions-message = briefen siger ikke, hvor mange rettelsesrunder der er med (`terms.revisions`)
## point-estimate
point-estimate-message = "{ $label }" er estimeret som ét tal ({ $hours } t), som om det var sikkert; skriv [lav, sandsynlig, høj], fx [{ $low }, { $hours }, { $high }]
probability-range-hint = {" "}— mente du { $p }?
wide-estimate-message = "{ $label }" spænder fra { $low } til { $high } t ({ $ratio }): opgaven er endnu ikke forstået; afklar indholdet eller del den op
invalid-setting-share = `{ $key }` skal være mellem 0 og 1, ikke { $value }
invalid-setting-amount = `{ $key }` skal være et beløb over 0 og højst 1.000.000.000.000, ikke { $value }
invalid-setting-value = `{ $key }` skal være fra 1 til 10, ikke { $value }
invalid-setting-rate = `{ $key }` skal være en timepris over 0 og højst 10.000.000, ikke { $value }
invalid-setting-week = `{ $key }` skal være over 0 og højst 168 (en uge har 168 timer), ikke { $value }
invalid-setting-trials = `model.trials` skal være mellem 100 og 10.000.000, ikke { $value }
invalid-setting-lognormal = `model.distribution = "lognormal"` kræver et lavt estimat over 0 ("{ $label }" har { $low }); brug "pert" eller hæv det lave estimat
invalid-setting-max-below-normal = `me.max_hours_per_week` ({ $max }) er lavere end `me.hours_per_week` ({ $normal }); maksimum kan ikke være under det normale
invalid-setting-workdays = `me.workdays` er tom; skriv fx ["mon", "tue", "wed", "thu", "fri"]
schema-unknown-key = ukendt nøgle `{ $path }`; kendte nøgler her: { $allowed }

## Question groups
topic-purpose = Formål
topic-scope = Omfang
topic-time = Tid
topic-money = Økonomi
topic-process = Samarbejde

## The brief's schema
found-string = en tekst
found-negative-integer = et negativt heltal
found-date-time = en dato med klokkeslæt
found-time = et klokkeslæt
found-integer = et heltal
found-float = et decimaltal
found-boolean = en sandhedsværdi
found-date = en dato
found-array = en liste
found-table = en tabel
expected-quoted-string = en tekst i anførselstegn
expected-number = et tal
expected-whole-number = et ikke-negativt heltal
expected-date = en dato som 2027-02-15
expected-strings = tekster
expected-dates = datoer
expected-estimate = et tal eller [lav, sandsynlig, høj], fx [8, 12, 20]
expected-tables = en række tabeller: skriv hver som [[overskrift]]
hint-date-unquoted = {" "}— skriv datoen uden anførselstegn
hint-number-unquoted = {" "}— skriv tallet uden anførselstegn
bad-currency = skal være en ISO 4217-kode med tre store bogstaver, fx "DKK" eller "EUR" (ikke "{ $code }")
bad-unreasonably-large = er urimeligt stort
bad-item-id = må kun indeholde små bogstaver a-z, cifre og bindestreg, fx "{ $suggestion }"
expected-string-list = en liste af tekster, fx ["a", "b"]
expected-date-list = en liste af datoer, fx [2027-02-08]
expected-table = en tabel: skriv den som [overskrift] eller {"{"} … {"}"}
estimate-range-no-time = de sandsynlige timer skal være mere end 0: en del, der ikke tager tid, kan ikke prissættes eller følges
estimate-range-delay-not-finite = forsinkelsen skal være endelige tal (ikke nan eller inf)
estimate-range-delay-negative = arbejdsdage kan ikke være negative ({ $days })
estimate-range-delay-absurd = { $days } arbejdsdage er omkring { $years } arbejdsår — er det timer? En forsinkelse skrives i arbejdsdage

## missing-items
missing-items-none = briefen har ingen dele at estimere (`[[item]]`): intet kan prissættes
missing-items-all-wont = alle dele er `wont`: der er intet at estimere eller prissætte
