### Det, `trekant explain KODE` skriver: hver gennemgangsregels dokumentation.

explain-rule-syntax =
    {"*"}*syntax** (fejl): filen er ikke gyldig TOML.

    En brief er en TOML-fil; når selve TOML'en er i stykker, kan intet andet læses. Fundet
    peger på det første sted, parseren ikke kunne forstå, og siger, hvad den ventede at finde
    der.

    Typiske årsager: et manglende afsluttende anførselstegn eller en manglende parentes, tekst
    uden anførselstegn (`name = Kaffe Nord` i stedet for `name = "Kaffe Nord"`), en nøgle
    skrevet to gange, eller en dato i forkert form (`2027-2-15` i stedet for `2027-02-15`).

    Eksempel:

    ```toml
    {"["}project]
    name = "Webshop for Kaffe Nord     # det afsluttende anførselstegn mangler
    ```

explain-rule-schema =
    {"*"}*schema** (fejl): en nøgle mangler, er ukendt eller har en værdi af forkert type.

    Brief-formatet (v1) er strengt med vilje: en stavefejl i en nøgle (`dedline`) ville ellers
    blive ignoreret i stilhed, og estimatet ville blive lavet uden kundens deadline. Ukendte
    nøgler meldes med den nærmeste kendte nøgle som forslag, eller med den tabel, nøglen
    hører til i.

    Påkrævet: `[project] name`; i hvert `[[item]]` `id` og `estimate`; i hver `[[risk]]`
    `probability`. Datoer er TOML-datoer uden anførselstegn (`2027-02-15`); beløb og timer er
    tal uden anførselstegn; et estimat er ét tal eller `[low, likely, high]`.

    Eksempel:

    ```toml
    {"["}request]
    dedline = 2027-02-15   # fejl: ukendt nøgle `request.dedline` — mente du `deadline`?
    budget = "40000"       # fejl: forventede et tal, fandt en tekst
    ```

explain-rule-estimate-order =
    {"*"}*estimate-order** (fejl): et trepunktsestimat er ikke ordnet lav ≤ sandsynlig ≤ høj.

    `estimate = [low, likely, high]` læses som "i bedste fald, mest sandsynligt, i værste
    fald". Når tallene står i forkert rækkefølge, kan simuleringen ikke trække fra dem, og
    som regel er to tal byttet om ved en fejl. Gælder estimater for punkter, alternativer og
    risikoers `effort` og `delay`.

    Eksempel:

    ```toml
    estimate = [20, 12, 30]   # fejl: lav (20) er over sandsynlig (12) — mente du [12, 20, 30]?
    ```

explain-rule-estimate-range =
    {"*"}*estimate-range** (fejl): et estimat er negativt, ikke et endeligt tal, urimeligt stort,
    eller et punkts sandsynlige timer er nul.

    Timer kan ikke være negative, `nan` og `inf` er ikke estimater, og et enkelt punkt på mere
    end 5.000 timer (omkring tre arbejdsår) er næsten altid en tastefejl — minutter eller
    kroner skrevet som timer. Et punkt (eller dets alternativ), der sandsynligvis ikke tager
    nogen tid, er ikke arbejde at prissætte eller registrere: dets sandsynlige timer skal være
    over 0. Risikoers indsats og forsinkelse må være 0; forsinkelser er arbejdsdage og holdes
    under samme øvre grænse. Det er den ene regel for, hvad et estimat må være: `estimate`,
    `proposal` og `track start` godtager det, den godtager.

    Eksempel:

    ```toml
    estimate = [-2, 4, 8]     # fejl: timer kan ikke være negative
    estimate = 12000          # fejl: 12000 timer er omkring syv arbejdsår
    estimate = [0, 0, 0]      # fejl: et punkts sandsynlige timer skal være over 0
    ```

explain-rule-duplicate-id =
    {"*"}*duplicate-id** (fejl): to punkter har samme `id`.

    Punkternes id'er er den måde, afhængigheder, muligheder, registrerede timer og
    ændringsønsker henviser til et punkt på, så hvert id skal være entydigt. Fundet peger på
    den anden brug og nævner linjen for den første.

    Eksempel:

    ```toml
    {"["}[item]]
    id = "design"
    {"["}[item]]
    id = "design"   # fejl: punkt-id'et "design" er allerede brugt på linje 2
    ```

explain-rule-unknown-dependency =
    {"*"}*unknown-dependency** (fejl): et punkt har `depends` på et id, som intet punkt har.

    Afhængigheder afgør, hvad der kan skæres fra: et punkt kan ikke leveres uden de punkter,
    det afhænger af. En afhængighed af et id, der ikke findes, er næsten altid en tastefejl
    og meldes med det nærmeste id, der findes.

    Eksempel:

    ```toml
    {"["}[item]]
    id = "shop"
    depends = ["desing"]   # fejl: intet punkt har id'et "desing" — mente du "design"?
    ```

explain-rule-dependency-cycle =
    {"*"}*dependency-cycle** (fejl): punkter afhænger af hinanden i ring.

    Hvis `shop` kræver `design`, og `design` kræver `shop`, kan ingen af dem komme først, og
    intet omfang med det ene af dem kan vælges. Fundet nævner hele ringen, så den kan brydes
    der, hvor den er forkert.

    Eksempel:

    ```toml
    {"["}[item]]
    id = "design"
    depends = ["shop"]     # fejl: afhængighederne går i ring: design → shop → design
    {"["}[item]]
    id = "shop"
    depends = ["design"]
    ```

explain-rule-deadline-before-start =
    {"*"}*deadline-before-start** (fejl): kundens deadline ligger før projektet kan begynde.

    `request.deadline` er den dato, kunden skal bruge arbejdet; `project.start` er den
    tidligste dato, arbejdet kan begynde. En deadline før starten giver slet ingen tid og er
    som regel et forkert år eller en ombytning af måned og dag.

    Eksempel:

    ```toml
    {"["}project]
    start = 2027-03-01
    {"["}request]
    deadline = 2027-02-15   # fejl: deadline ligger før starten (2027-03-01)
    ```

explain-rule-probability-range =
    {"*"}*probability-range** (fejl): en risikos `probability` ligger ikke mellem 0 og 1.

    En sandsynlighed er en andel: 0,4 betyder "sker i fire projekter ud af ti". At skrive 40
    for 40 % er den almindelige fejl; fundet foreslår andelen.

    Eksempel:

    ```toml
    {"["}[risk]]
    title = "Billederne kommer for sent"
    probability = 40   # fejl: skal ligge mellem 0 og 1 — mente du 0.4?
    ```

explain-rule-invalid-setting =
    {"*"}*invalid-setting** (fejl): en indstilling ligger uden for de værdier, den kan have.

    Tjekkes: `me.rate` > 0 og højst 10.000.000; `me.hours_per_week` og `me.max_hours_per_week`
    i (0, 168] (en uge har 168 timer), og maksimum ikke under det normale;
    `me.rush_surcharge` ≥ 0; `me.confidence` strengt mellem 0 og 1; `me.workdays` ikke tom;
    `model.correlation` i [0, 1]; `model.trials` mellem 100 og 10.000.000; `request.budget`
    > 0 og højst 10¹²; et punkts `value` fra 1 til 10; med `model.distribution = "lognormal"`
    skal hvert trepunktsestimats lave værdi være over 0.

    Disse værdier styrer prisen og kalenderen; én uden for sit område gør hvert tal efter den
    meningsløst, så de er fejl og ikke advarsler.

    Eksempel:

    ```toml
    {"["}me]
    hours_per_week = 200   # fejl: en uge har 168 timer
    confidence = 80        # fejl: skal ligge mellem 0 og 1 — mente du 0.8?
    ```

explain-rule-vague-wording =
    {"*"}*vague-wording** (advarsel): et ord, der betyder noget forskelligt for hver læser —
    enkel, moderne, brugervenlig, hurtig, intuitiv, professionel, skalerbar, sikker,
    fleksibel, lækker, flot, smart, overskuelig; simple, modern, user-friendly, fast,
    intuitive, professional, scalable, secure, flexible, clean, robust, seamless.

    Den slags ord lyder som krav, men kan ikke efterprøves ved levering: kundens "moderne" er
    ikke dit, og "hurtig" har intet tal. Hvert ord er et spørgsmål at stille, før prisen
    sættes, eller en uenighed bagefter. Alle bøjningsformer tæller (brugervenlig,
    brugervenlige, brugervenligt; simple, simpler, simplest), på dansk og engelsk.

    Et ord får lov at stå, når et mål følger efter det i samme sætningsled: et tal med en
    enhed eller en grænse ("hurtig: under 2 sekunder", "fast (pages load in under 2 s)",
    "99,9 % oppetid") eller en navngiven standard ("sikker betaling via Stripe (PCI-DSS)",
    "WCAG 2.1 AA"). Hvert mål besvarer det nærmeste vage ord før det, så "enkel, moderne og
    hurtig (under 2 s)" spørger stadig til "enkel" og "moderne". En sikkerhedsstandard (FISMA,
    NIST, OWASP, PCI-DSS, ISO 27001, 2FA) nævnt et sted i teksten besvarer "sikker" overalt i
    den.

    Valg truffet for præcisionens skyld: et ord med stort forbogstav midt i en sætning læses
    som et navn ("Simple Analytics"); engelsk "fast" læses ikke i dansk tekst, hvor det
    betyder "fast" som i "fast pris"; "secure" og dansk "sikre" springes over, hvor de er
    udsagnsord ("to secure funding", "at sikre at"), ligesom "sikker på";
    "professional services" og "professionel rådgivning" nævner et fag, ikke en kvalitet;
    "en enkelt side" er én side; "hurtigst muligt" og "en hurtig opgave" hører til `urgency`
    og `minimizing`, og det gør leveringstid også ("hurtig levering", "leveret hurtigt":
    hvornår, ikke hvor hurtigt den loader). Ord om mennesker ("en fleksibel partner", "a
    reliable developer"), ord brugt som navneord ("hire a professional") og fleksibilitet, der
    tilbydes ("vi er fleksible med datoen"), får lov at stå.

    Eksempel:

    ```toml
    text = "En moderne og brugervenlig webshop"      # advarsel ×2: hvad er moderne, og for hvem?
    text = "Fast: pages load in under 2 s on 4G"     # fint: et mål følger
    text = "Den skal være hurtig (under 2 sekunder)"  # fint
    ```

explain-rule-minimizing =
    {"*"}*minimizing** (advarsel): ord, der får arbejdet til at lyde mindre, end det er — bare,
    blot, lige, "en lille ændring", "en hurtig opgave", "småting", "det burde være nemt";
    "just", "only a small", "a quick job", "a simple little site", "shouldn't take long".

    Opgavens størrelse sagt som en tid tæller også, uden noget udløsende ord: "et par timers
    arbejde", "en formiddagsopgave", "det klarer du nok på en weekend", "det burde ikke tage
    mere end en dag"; "a couple of hours' work", "a weekend job", "an afternoon's work", "for
    a pro", "all you have to do is", "shouldn't take more than a day".

    En kunde, der skriver "bare en lille webshop", har allerede sat en pris i hovedet, og den
    er lav. Formindskende ord skjuler det arbejde, ingen har tænkt på endnu (indhold, test,
    integrationer, lancering), og de gør det akavet at give en pris på, hvad opgaven reelt
    kræver. Spørg, hvad der er med, og sig, hvad der ikke er, før du estimerer.

    Valg truffet for præcisionens skyld: "just" springes over, hvor det betyder "netop" eller
    "præcis" ("we have just launched", "just in time", "just as", "just like"; "just-in-time"
    er ét ord), og "not just" er det modsatte af at formindske. Dansk "lige" læses kun som
    "bare", hvor det gør en anmodning mindre — efter et mådesudsagnsord eller en bydeform
    ("kan du lige", "skal lige", "lav lige"), efter "bare"/"kun", eller før et udsagnsord om at
    gøre noget ("lige lave", "lige hurtigt") — aldrig som "lige" i betydningen ens eller
    præcis ("lige så", "lige nu", "lige efter"). "lille" og "små" tæller kun før et ord for
    arbejde ("en lille ændring", "små rettelser"), så "en lille virksomhed" og navne ("Lille
    Mølle") får lov at stå; "bare" og "blot" kun i dansk tekst og ikke efter "ikke" eller i
    "LinkedIn, bare for frisører" (en sammenligning). "a couple of hours' kick-off meeting"
    og "the workshop takes an afternoon" handler ikke om arbejdets størrelse.

    Eksempel:

    ```toml
    text = "Kan du lige lave en lille ændring på forsiden?"   # advarsel: "lige", "lille ændring"
    text = "It's just a simple little site"                    # advarsel: "just", "simple little"
    ```

explain-rule-urgency =
    {"*"}*urgency** (advarsel): pres uden en dato — hurtigst muligt, snarest, straks, omgående,
    det haster, med det samme; ASAP, urgent, as soon as possible, right away, immediately.

    Hastværk uden udløsende ord tæller også: arbejdet er allerede forsinket ("vi skulle have
    haft den for en måned siden", "vi er allerede bagud"; "we should have had it a month
    ago", "we missed our own deadline"), og leveringen skal gå hurtigt ("hurtig levering",
    "fast delivery"). Hurtig levering spørger *hvornår*; hvor hurtigt produktet er (loadtider),
    hører til `vague-wording`, som overlader "hurtig levering" til denne regel.

    "Hurtigst muligt" er ikke en deadline: det siger, at kunden føler sig presset, ikke
    hvornår arbejdet skal være færdigt eller hvorfor. Uden at blive undersøgt bliver det til
    et løfte om aftener og weekender, som ingen har prissat. Spørg efter datoen og efter, hvad
    der sker, hvis den skrider; så kan hastværket estimeres (og faktureres) som enhver anden
    betingelse, eller vise sig ikke at være reelt.

    Valg truffet for præcisionens skyld: en dato i samme sætningsled besvarer spørgsmålet, så
    "snarest, senest 1. maj" og "as soon as possible, but no later than 15 March" får lov at
    stå (en måned, en ugedag, et år, "senest", "no later than" eller "deadline" tæller som en
    dato). "Immediately" tæller kun, hvor det handler om, at arbejdet skal være klar eller
    begynde ("we need it immediately", "start immediately"), ikke om hvordan man skal handle
    ("notify the CO immediately"), eller hvor det placerer noget i en rækkefølge ("immediately
    after launch"). "hurtigt" og "fast" alene er `vague-wording`; "så hurtigt som muligt" og
    "as fast as possible" er hastværk.

    Eksempel:

    ```toml
    text = "Vi skal bruge den hurtigst muligt"   # advarsel: hvilken dato, og hvorfor?
    deadline = 2027-02-15                        # svaret, når du har det
    ```

explain-rule-open-ended =
    {"*"}*open-ended** (advarsel): en liste, der ikke slutter — osv., m.m., mv., og lignende,
    bl.a., med mere; etc., and so on, and more, among other things, including but not limited
    to.

    "Forside, webshop, booking osv." prissætter tre ting og lover en fjerde, som ingen har
    nævnt. Hvad der end gemmer sig bag "osv.", vil blive bedt om senere, som om det var aftalt.
    Bed kunden gøre listen færdig, giv så en pris på den liste, og skriv i tilbuddet, at det,
    der ikke står på den, ikke er med.

    Valg truffet for præcisionens skyld: "med mere", "og meget mere", "and more" og "and much
    more" tæller kun, hvor listen slutter med dem (før et komma, et punktum eller slutningen),
    så "med mere end 100 produkter" og "faster and more reliable" får lov at stå.
    "f.eks."/"e.g." meldes ikke: eksempler gives ofte for at forklare, ikke for at lade
    omfanget stå åbent.

    Eksempel:

    ```toml
    text = "Forside, webshop, blog osv."    # advarsel: hvad er der ellers i "osv."?
    ```

explain-rule-comparison-reference =
    {"*"}*comparison-reference** (advarsel): kunden peger på noget andet i stedet for at sige,
    hvad de vil have — ligesom, à la, i stil med, magen til, inspireret af; "like Airbnb", "an
    Uber for dog walkers", "similar to", "in the style of".

    En henvisning er en god begyndelse og en dårlig kravspecifikation. "Ligesom Airbnb" kan
    betyde udseendet, søgningen, anmeldelserne, betalingerne — mange års arbejde for
    hundredvis af mennesker — eller kun billederne. Find ud af, hvilke dele der betyder noget,
    og hvilke der ikke gør, og skriv dem ned i stedet.

    Valg truffet for præcisionens skyld: "like" tæller kun, når et navn, et website eller en
    virksomhed følger efter ("like Airbnb's", "like www.kaffe.dk", "look like IKEA"), og aldrig
    som udsagnsord: "we would like", "I'd like", "would you like", "we like" får lov at stå.
    "ligesom" kræver på samme måde et navn efter sig ("ligesom Zalando", "ligesom hos
    Zalando"), da det også betyder "som" ("ligesom vi aftalte"). "the same as" kræver et navn;
    "similar to this" og "à la carte" springes over. Efter et flertal betyder "like" "såsom" og
    får lov at stå ("integrations like Mailchimp and e-conomic" opremser, hvad der ønskes).
    Helligdage, måneder og ugedage er ikke henvisninger. Fundet tager navnet med, så
    spørgsmålet kan nævne det.

    Et navn er også en henvisning uden et ord for det: "det skal være Netflix for kogebøger",
    "en slags Trustpilot", "siden skal ligne Zalandos", "LinkedIn, but for hairdressers", "the
    Spotify of audiobooks", "Think Airbnb, but for boats". "Vi bruger LinkedIn til
    rekruttering" og "vi sælger på Amazon" er ikke henvisninger: et navn tæller kun efter
    "være/er/be/is", "the … of", "tænk/think", "en slags/a kind of", eller før ", men for/bare
    for/but for".

    Eksempel:

    ```toml
    text = "A booking site like Airbnb's"         # advarsel: hvilke dele af Airbnb?
    text = "Vi vil gerne have en webshop à la Zalando"   # advarsel
    text = "We would like a booking calendar"     # fint: "like" er et udsagnsord her
    ```

explain-rule-unbounded-revisions =
    {"*"}*unbounded-revisions** (advarsel): ændringer uden grænse — ubegrænsede rettelser, frit
    antal rettelser, "indtil vi er tilfredse"; "unlimited revisions", "as many changes as we
    need", "until we are happy".

    Det er i rettelsesrunderne, at projekter til fast pris mister deres avance. "Indtil vi er
    tilfredse" binder projektets afslutning til en følelse, og "ubegrænsede rettelser" til
    ingens beslutning overhovedet. Aftal et antal runder (`terms.revisions`), hvem der
    godkender hver af dem, og prisen på en runde ud over dem.

    Begge sprog og deres bøjninger læses: "ubegrænset/ubegrænsede (antal) rettelser,
    ændringer, rettelsesrunder", "unlimited (number of) changes, revisions, rounds, edits";
    "indtil/til vi er (helt) tilfredse / glade", "until we are / we're / everyone is (100 %)
    happy / satisfied".

    Sagt på andre måder tæller også: "vi finjusterer, til vi er helt trygge", "rettelser efter
    behov", "indtil det sidder i skabet", "rettelser fortsætter frem til lanceringen";
    "revisions continue through the soft launch", "we'll keep tweaking until…", "changes as
    needed", "until it feels right", "once the client is satisfied". "Fortsætter", "efter
    behov" og "as needed" tæller kun i et sætningsled om ændringer, der ikke faktureres eller
    aftales ("ændringer efter anden runde faktureres efter medgået tid" er svaret).

    Eksempel:

    ```toml
    text = "Vi vil have ubegrænsede rettelser, indtil vi er tilfredse"   # advarsel ×2
    {"["}terms]
    revisions = 2                                                       # svaret
    ```

explain-rule-unilateral-change =
    {"*"}*unilateral-change** (advarsel): kunden beholder retten til selv at ændre det bestilte —
    "kan til enhver tid ændre i kravene", "forbeholder sig ret til at justere", "et levende
    dokument", "ensidigt ændre"; "may be updated by the Agency as necessary", "a living
    document", "reserves the right to modify", "or its successor", "may change the scope at
    any time".

    En fast pris er en pris for et fast omfang. En klausul, der lader kunden ændre omfanget
    undervejs, gør prisen til et løfte om at gøre, hvad der bliver bedt om, for de samme
    penge. Det er den dyreste sætning i en forespørgsel og den letteste at overse, fordi den
    lyder som husholdning. Spørg, hvordan ændringer aftales, og skriv i tilbuddet, at en
    ændring af omfanget prissættes, før den udføres.

    Valg truffet for præcisionens skyld: "be updated/changed/modified" tæller kun med kunden
    eller "as necessary/at any time" ved siden af; "til enhver tid"/"at any time" kun ved
    siden af et udsagnsord om at ændre, så "either party may terminate at any time" og "du
    kan selv rette teksterne til enhver tid" får lov at stå; aftalte ændringer ("ændringer
    aftales skriftligt") er ikke fund.

    Eksempel:

    ```toml
    text = "Bestilleren kan til enhver tid ændre i kravene"   # advarsel: hvordan prissættes en ændring?
    text = "This PWS may be updated by the Government as necessary"   # advarsel
    ```

explain-rule-acceptance-at-discretion =
    {"*"}*acceptance-at-discretion** (advarsel): arbejdet er godkendt, når nogen hos kunden har
    lyst — "først godkendt, når vi har sagt god for den", "efter bestillerens skøn", "når
    ledelsen er tilfreds"; "acceptance contingent on Product Owner approval", "at the sole
    discretion of", "accepted when our director says it is done".

    Godkendelsen afslutter arbejdet og sætter betalingen i gang. Bundet til en persons
    godkendelse i stedet for kriterier aftalt på forhånd har den ingen ende: hver runde af
    "ikke helt" er ubetalt, og fakturaen venter. Bed om skriftlige godkendelseskriterier, en
    periode at teste i ("5 arbejdsdage"), og hvad der sker, når perioden går uden svar.

    Valg truffet for præcisionens skyld: et vurderingsord skal følge betingelsen ("synes",
    "tilfreds", "sagt god for", "says", "feels", "satisfied", "approved"), og godkendelse eller
    betaling skal være det, sætningen handler om. Godkendelse efter skriftlige kriterier eller
    inden for et antal dage ("godkendelse inden for 5 arbejdsdage efter de skriftlige
    kriterier") er svaret, ikke et fund.

    Eksempel:

    ```toml
    text = "Leverancen er først godkendt, når vi har sagt god for den"   # advarsel
    text = "Acceptance within 5 working days against the written criteria"   # fint
    ```

explain-rule-scope-undecided =
    {"*"}*scope-undecided** (advarsel): omfanget er endnu ikke besluttet — "detaljerne finder vi
    ud af senere", "omfanget afklares undervejs", "kravene er endnu ikke endelige", "kunne for
    eksempel omfatte"; "To Be Determined", "TBD", "evolving requirements", "possibly
    including", "features that could include", "will be refined".

    En pris på arbejde, som ingen har besluttet, er en pris på hver eneste udgave af det. Det,
    der besluttes senere, vil blive besluttet, som om det var med i prisen. Spørg, hvad der er
    besluttet nu, og giv en pris på det; tilbyd at prissætte resten, når det er besluttet,
    eller at lave selve afklaringen som en betalt forundersøgelse først.

    Valg truffet for præcisionens skyld: "senere", "undervejs" og lignende tæller kun efter et
    udsagnsord om at beslutte ("afklares undervejs", "figure out the details later"), så "vi
    ordner adgangen til serveren på din første dag" får lov at stå; "kan omfatte" og "may
    include" tæller (men ikke "may include:" før den liste, det indleder, eller "offerors may
    include", som giver lov), "omfatter" og "includes" gør ikke.

    Eksempel:

    ```toml
    text = "Detaljerne finder vi ud af sammen senere"   # advarsel: hvad er besluttet nu?
    text = "Number of user accounts: TBD"               # advarsel
    ```

explain-rule-unbounded-support =
    {"*"}*unbounded-support** (advarsel): support, vedligeholdelse, hosting, fejlrettelser eller
    undervisning ønsket uden ende — ingen periode, ingen timer, ingen svartid: "vi regner
    med, at du også holder øje med siden bagefter", "løbende vedligeholdelse", "du skal også
    hjælpe os, hvis der opstår fejl"; "support and bug fixes after launch are part of the
    job", "continuation of full services".

    Arbejdet efter leveringen er der, hvor en fast pris løber ud i årevis: hvert "kan du lige
    kigge på det her" er ubetalt, når først support er lovet uden grænse. Spørg hvor længe,
    hvor mange timer om måneden, og hvor hurtigt der skal svares; prissæt det så som en
    serviceaftale for sig, adskilt fra projektet.

    Valg truffet for præcisionens skyld: sætningsleddet skal kræve det af dig ("skal", "regner
    med", "en del af", "must", "included", "part of", "we expect"), så "vores IT-afdeling
    står for hosting" og "vi har en supportaftale" får lov at stå; et antal af en periode i
    sætningsleddet afgrænser det ("support i 3 måneder, 10 timer om måneden", "fejl rettes
    gratis i 30 dage").

    Eksempel:

    ```toml
    text = "Support og fejlrettelser efter lanceringen er en del af opgaven"   # advarsel
    text = "Support i 3 måneder, 10 timer om måneden"                          # fint
    ```

explain-rule-unquantified =
    {"*"}*unquantified** (advarsel): en mængde arbejde uden et tal — "et antal landingssider",
    "nogle integrationer", "diverse formularer", "flere sprog", "en række rapporter"; "a
    number of landing pages", "some integrations", "additional permit types", "multiple
    languages", "several user roles".

    "Nogle integrationer" kan være én eller ni, og hver er dages arbejde. Prissat efter det
    antal, kunden forestiller sig, er det et tab; prissat efter det, du forestiller dig, er
    det en uenighed. Spørg hvor mange og hvilke; giv en pris på det antal og en pris for hver
    ekstra.

    Valg truffet for præcisionens skyld: ordene skal tælle ting, der skal laves, så "nogle års
    erfaring", "en del af opgaven", "flere henvendelser" (flere i betydningen mere, ikke
    adskillige), "several of our clients" og "some years of experience" får lov at stå; et
    tal efter det i sætningsleddet ("a fair number of blog posts: 240") eller en henvisning
    til en liste ("et par ønsker, se nedenfor", "listed below") besvarer det. På engelsk skal
    det talte ord stå i flertal.

    Eksempel:

    ```toml
    text = "Siden skal have nogle integrationer"   # advarsel: hvor mange, og hvilke?
    text = "Two integrations: Xero and Shopify"    # fint
    ```

explain-rule-price-cap =
    {"*"}*price-cap** (advarsel): en fast pris i forklædning — betalt efter timer, men timerne
    ud over estimatet er dine: "et overskredet estimat kan ikke faktureres", "timer ud over
    estimatet betaler leverandøren selv", "dog maksimalt 50.000 kr.", "estimatet er
    bindende"; "an overrun of the estimate cannot be invoiced", "time and materials with a
    ceiling of $50,000", "shall not exceed".

    Afregning efter timer med et loft beholder hver risiko ved en fast pris (overskridelsen er
    din) og ingen af gevinsterne (de sparede timer er kundens). Et estimat er et spænd, ikke
    et løfte; gøres det bindende, skal det prissættes som en fast pris, med sin avance. Spørg,
    om loftet er budgettet eller et løfte, og tilbyd enten en fast pris eller timer uden loft
    med en advarsel, når estimatet er ved at blive overskredet.

    Valg truffet for præcisionens skyld: "capped at", "maximum" og "not exceed" tæller kun om
    penge (en pris, en omkostning, et beløb, en valuta), så support "capped at 5 hours a
    month" får lov at stå; "maksimalt" og "højst" kun, hvor arbejdet afregnes efter timer
    ("afregnes efter medgået tid"), så et budget ("vores budget er højst 40.000 kr.") ikke er
    et loft.

    Eksempel:

    ```toml
    text = "Et overskredet estimat kan ikke faktureres"   # advarsel: en fast pris, altså?
    text = "Ekstra timer faktureres efter aftale"          # fint
    ```

explain-rule-missing-purpose =
    {"*"}*missing-purpose** (advarsel): briefen siger ikke, hvad arbejdet skal bruges til.

    "En webshop" er en løsning; "sælge kaffeabonnementer online" er formålet bag den. Uden
    formålet er der ingen måde at vurdere, hvilke ønsker der betyder noget, hvilke der kan
    vente, og om et billigere alternativ ville tjene kunden lige så godt. Skriv det i
    `project.purpose`, med kundens egne ord.

    En almindelig forespørgsel (en e-mail, en tekstfil) uden et formål får det samme
    spørgsmål, når den er lang nok til at være en forespørgsel (se `text_gaps.rs` for, hvad der
    tæller som besvaret).

    Eksempel:

    ```toml
    {"["}project]
    name = "Webshop for Kaffe Nord"
    purpose = "Sælge kaffeabonnementer online"   # tilføj dette
    ```

explain-rule-missing-success =
    {"*"}*missing-success** (advarsel): briefen har ingen succeskriterier.

    Uden et aftalt mål for succes er "færdig" det, kunden føler til sidst, og sådan glider
    projekter ud i ubetalte ekstra runder. `project.success` opremser, hvad der skal være
    sandt, for at projektet er lykkedes, helst med tal og datoer.

    En almindelig forespørgsel (en e-mail, en tekstfil) uden et mål for succes får det samme
    spørgsmål, når den er lang nok til at være en forespørgsel (se `text_gaps.rs` for, hvad der
    tæller som besvaret).

    Eksempel:

    ```toml
    {"["}project]
    success = ["200 aktive abonnementer senest 1. juni 2027"]
    ```

explain-rule-unmeasurable-success =
    {"*"}*unmeasurable-success** (advarsel): et succeskriterium har intet tal, ingen dato og
    intet mål.

    "Flere kunder" og "et moderne udtryk" kan ikke efterprøves ved projektets afslutning, så
    de kan heller ikke opfyldes. Et kriterium regnes for målbart, når det indeholder et tal
    (cifre, en procentdel eller et talord som "tyve"/"twenty") eller en måned (en dato, det
    skal nås inden).

    Eksempel:

    ```toml
    success = [
      "Flere kunder",                                  # advarsel: hvor mange, og hvornår?
      "200 aktive abonnementer senest 1. juni 2027",  # fint
    ]
    ```

explain-rule-missing-budget =
    {"*"}*missing-budget** (advarsel): kunden har ikke nævnt et budget.

    Uden et budget er hver mulighed et gæt på, hvad kunden har råd til, og samtalen om
    omfanget begynder i den forkerte ende. Bed om et spænd, hvis de ikke vil give et tal;
    skriv det i `request.budget`.

    En almindelig forespørgsel (en e-mail, en tekstfil) uden et budget får det samme
    spørgsmål, når den er lang nok til at være en forespørgsel (se `text_gaps.rs` for, hvad der
    tæller som besvaret).

    Eksempel:

    ```toml
    {"["}request]
    budget = 40000   # i projektets valuta
    ```

explain-rule-suspicious-number =
    {"*"}*suspicious-number** (advarsel): budgettet er ikke det tal, du mente: `40.000` skrevet
    på dansk, eller et beløb under én times arbejde.

    TOML læser `budget = 40.000` som fyrre med tre decimaler, ikke fyrretusind: et punktum er
    et decimaltegn i TOML, uanset briefens sprog. Hver pris, hver vurdering og hver mulighed
    ville så blive målt mod et budget på 40. Skriv tusinder uden skilletegn (`40000`) eller
    med understregning (`40_000`). Et budget under én time til `me.rate` meldes også: intet
    rigtigt budget køber mindre end en time, så det er en tastefejl eller en forveksling af
    enheder.

    Eksempel:

    ```toml
    {"["}request]
    budget = 40.000   # læses som 40: skriv 40000 eller 40_000
    ```

explain-rule-missing-deadline =
    {"*"}*missing-deadline** (advarsel): kunden har ikke givet en dato.

    "Hurtigst muligt" er ikke en dato. Uden en dato kan ingen sige, om arbejdet passer ind i
    kalenderen, og der er intet grundlag for en hastepris. Spørg, hvad datoen hænger sammen
    med — en lancering, en sæson, et bestyrelsesmøde — for det siger også, hvor fast den er.
    Skriv den i `request.deadline`.

    En almindelig forespørgsel (en e-mail, en tekstfil) uden en deadline får det samme
    spørgsmål, når den er lang nok til at være en forespørgsel (se `text_gaps.rs` for, hvad der
    tæller som besvaret).

    Eksempel:

    ```toml
    {"["}request]
    deadline = 2027-02-15
    ```

explain-rule-missing-revisions =
    {"*"}*missing-revisions** (advarsel): briefen siger ikke, hvor mange rettelsesrunder der er
    med.

    Ubegrænsede runder af feedback er den mest almindelige måde, en fast pris bliver til et
    tab på. Aftal et antal på forhånd (`terms.revisions`), og prissæt flere runder som
    ændringsønsker.

    Eksempel:

    ```toml
    {"["}terms]
    revisions = 2
    ```

explain-rule-missing-priority =
    {"*"}*missing-priority** (advarsel): et punkt har ingen `priority`.

    Når budgettet eller tiden slipper op, må noget vige. Prioriteter (`must`, `should`,
    `could`, `wont`) siger hvad: mulighederne beholder hvert `must` og skærer fra bunden.
    Punkter uden prioritet behandles som `should`, og det er et gæt, der er værd at få
    bekræftet af kunden.

    Eksempel:

    ```toml
    {"["}[item]]
    id = "newsletter"
    estimate = [4, 6, 10]
    priority = "could"   # tilføj dette
    ```

explain-rule-missing-rate =
    {"*"}*missing-rate** (advarsel): der er ikke sat nogen timepris, så intet kan prissættes.

    Timer bliver til penge gennem `me.rate`. Uden den kan `review` ikke sige, om de
    nødvendige punkter passer ind i budgettet, og `estimate`, `options` og `proposal` nægter at
    gætte på en pris. Sæt den én gang i din profil (`$XDG_CONFIG_HOME/trekant/profile.toml`,
    en `[me]`-tabel) eller i hver brief.

    Eksempel:

    ```toml
    {"["}me]
    rate = 850   # pr. time, i projektets valuta
    ```

explain-rule-missing-items =
    {"*"}*missing-items** (advarsel): briefen har intet arbejde at estimere: intet `[[item]]`,
    eller hvert punkt er `wont`.

    Punkterne er din opdeling af forespørgslen i dele, hver med et estimat i timer. Uden et
    ønsket punkt har `estimate`, `options` og `proposal` intet at prissætte og nægter; `review`
    siger det først. Tilføj delene som `[[item]]`-tabeller.

    Eksempel:

    ```toml
    {"["}[item]]
    id = "design"
    estimate = [12, 20, 40]   # lav, sandsynlig, høj i timer
    priority = "must"
    ```

explain-rule-point-estimate =
    {"*"}*point-estimate** (advarsel): et punkt er estimeret med ét tal.

    Ét tal påstår sikkerhed: at arbejdet tager præcis så lang tid. Rigtige opgaver skrider, og
    skævt, så et enkelt tal skjuler den risiko, prisen skal bære. Giv tre tal — bedste
    tilfælde, mest sandsynligt, værste tilfælde — så prissætter simuleringen spændet. (Fast,
    velkendt arbejde som "installér SSL-certifikatet" må gerne forblive ét tal.)

    Eksempel:

    ```toml
    estimate = 20            # advarsel: ét tal
    estimate = [14, 20, 36]  # bedre
    ```

explain-rule-wide-estimate =
    {"*"}*wide-estimate** (advarsel): et punkts høje estimat er mere end fire gange det lave.

    Et så bredt spænd betyder, at punktet endnu ikke er forstået: de samme ord kan dække over
    en dags arbejde eller en måneds. Gør det smallere ved at spørge kunden, hvad der præcis er
    med, eller del punktet op i en del, du kan estimere, og en del, der skal undersøges først.

    Eksempel:

    ```toml
    title = "Integration med deres ERP"
    estimate = [8, 30, 120]   # advarsel: 120 t er 15 × 8 t
    ```

explain-rule-large-item =
    {"*"}*large-item** (advarsel): et punkts sandsynlige estimat er over 40 timer.

    Estimater af store klumper er konsekvent dårligere end summen af estimater af deres dele:
    de dele, du ikke har tænkt på, er netop dem, der skrider. Del et punkt på mere end en
    arbejdsuge op i stykker, du kan se dig selv udføre, hvert med sit eget estimat.

    Eksempel:

    ```toml
    title = "Webshop"
    estimate = [40, 80, 160]   # advarsel: del det op i katalog, kurv, betaling, …
    ```

explain-rule-budget-below-must =
    {"*"}*budget-below-must** (advarsel): de nødvendige punkter alene koster mere end budgettet.

    Prissat til det *sandsynlige* estimat — før nogen overskridelse — overstiger punkterne
    markeret `must` allerede, hvad kunden kan betale. Intet valg af omfang kan rette det:
    enten vokser budgettet, eller også er nogle af "musts" det ikke. Kræver `me.rate` (i
    briefen eller profilen) og `request.budget`.

    Eksempel:

    ```toml
    {"["}request]
    budget = 20000
    {"["}me]
    rate = 850
    {"["}[item]]
    estimate = [25, 40, 80]
    priority = "must"        # 40 t × 850 = 34.000 > 20.000
    ```

explain-rule-deadline-below-must =
    {"*"}*deadline-below-must** (advarsel): de nødvendige punkter kan ikke nås inden deadline,
    selv i bedste fald og med fuld udstrækning.

    Tager de *lave* estimater (bedste tilfælde) for punkterne markeret `must` og
    arbejdsdagene fra `project.start` til `request.deadline` (weekender, helligdage og
    fridage springes over) ved `me.max_hours_per_week`. Hvis ikke engang det passer, kan
    datoen ikke holde for dette omfang, uanset hvad nogen får betalt. Kræver `project.start`
    og `request.deadline`.

    Eksempel:

    ```toml
    {"["}project]
    start = 2027-03-22
    {"["}request]
    deadline = 2027-03-26      # påskeugen: 3 arbejdsdage
    {"["}me]
    max_hours_per_week = 40    # 24 t til rådighed
    {"["}[item]]
    estimate = [30, 40, 60]    # bedste fald 30 t: kan ikke nås
    priority = "must"
    ```

explain-rule-fixed-triangle =
    {"*"}*fixed-triangle** (advarsel): kunden kalder omfang, budget og deadline alle faste.

    Projekttrekanten har tre sider; når alle tre er låst fast, er det eneste, der kan vige,
    kvaliteten — eller leverandørens avance. Ethvert rigtigt projekt lærer noget undervejs, så
    én side må kunne flytte sig. Spørg hvilken.

    Eksempel:

    ```toml
    {"["}request]
    fixed = ["scope", "budget", "deadline"]   # advarsel: noget må kunne flytte sig
    ```

explain-rule-triangle-unrealistic =
    {"*"}*triangle-unrealistic** (advarsel): ifølge simuleringen holder kundens budget og
    deadline sammen i under halvdelen af udfaldene.

    Det ønskede omfang (hvert punkt, der ikke er markeret `wont`) simuleres ved normal
    kapacitet — trepunktsestimater, risici, din kalender — og sammenlignes med
    `request.budget` og `request.deadline`. Under 50 % er tilbuddet, som det er efterspurgt,
    mere tilbøjeligt til at slå fejl end ikke: fundet nævner den side, der binder (budget,
    deadline eller begge), med tallene, og `trekant options` viser, hvad der ville passe i
    stedet.

    Kræver `me.rate` og et budget eller en deadline (og `project.start`, eller dags dato, for
    datoer).

    Eksempel: fem nødvendige punkter på sandsynligvis 80 timer i alt til 850/t mod et budget
    på 40.000 — P(budgettet holder) er tæt på 0, så trekanten kan ikke lukkes, som den er
    efterspurgt.

explain-rule-triangle-tight =
    {"*"}*triangle-tight** (advarsel): ifølge simuleringen holder kundens budget og deadline
    sammen i mindst halvdelen af udfaldene, men sjældnere end din sikkerhed.

    Det ønskede omfang simuleres ved normal kapacitet og sammenlignes med `request.budget` og
    `request.deadline`. Mellem 50 % og `me.confidence` (som standard 80 %) er en fast pris på
    kundens budget et plat eller krone, du taber for tit: fundet nævner den side, der binder,
    med tallene. Sæt prisen ved din sikkerhed, eller skær i omfanget (`trekant options`).

    Kræver `me.rate` og et budget eller en deadline (og `project.start`, eller dags dato, for
    datoer).

    Eksempel: de nødvendige punkters P80-pris er 44.000 mod et budget på 40.000, med
    P(budgettet holder) = 65 %: stramt, og budgettet binder.

explain-rule-no-reservations =
    {"*"}*no-reservations** (advarsel): tilbuddet må ikke have forbehold, forudsætninger eller
    undtagelser — "tilbuddet skal afgives uden forbehold", "forbehold accepteres ikke",
    "tilbud med forbehold vil blive afvist"; "offers must be submitted without any caveats or
    assumptions", "quotes containing reservations will be rejected", "shall not take
    exception to".

    Forudsætninger er det, der holder en fast pris ærlig: "hosting er ikke med", "to
    rettelsesrunder". Hvor de er forbudt, prissættes hvert åbent punkt i forespørgslen efter
    sin værste læsning eller skal afklares inden spørgefristen. Derfor ændrer dette fund de
    andre: hvert spørgsmål, gennemgangen rejser i samme tekst, skal stilles i spørgeperioden,
    og fund i den tekst, der ellers kun ville blive noteret (info), bliver til advarsler.
    Spørg, hvornår spørgeperioden slutter, og send hvert spørgsmål, før den gør.

    Advarsler hæves ikke til fejl: en fejl betyder, at filen ikke kan læses eller estimeres,
    og `trekant questions` ville så nægte at opremse netop de spørgsmål, der skal sendes.

    Valg truffet for præcisionens skyld: ordene for et forbehold tæller kun, når sætningen
    forbyder dem ("uden", "ikke", "afvist", "without", "not accepted", "rejected"), så "angiv
    eventuelle forbehold i et bilag" og "please list your assumptions" får lov at stå.

    Eksempel:

    ```toml
    text = "Tilbuddet skal afgives uden forbehold"   # advarsel: stil hvert spørgsmål i tide
    ```
