### What `trekant explain CODE` prints: each review rule's documentation.
### The English text is the rule's module doc comment (a test keeps them the same);
### edit both together. Braces are written {"{"} and {"}"}; a line that would start with
### [ * or . starts with a placeable.

explain-rule-syntax =
    {"*"}*syntax** (error): the file is not valid TOML.

    A brief is a TOML file; when the TOML itself is broken, nothing else can be read. The
    finding points at the first place the parser could not understand and says what it
    expected there.

    Common causes: a missing closing quote or bracket, text without quotes
    (`name = Kaffe Nord` instead of `name = "Kaffe Nord"`), a key written twice, or a date
    with the wrong shape (`2027-2-15` instead of `2027-02-15`).

    Example:

    ```toml
    {"["}project]
    name = "Webshop for Kaffe Nord     # the closing quote is missing
    ```

explain-rule-schema =
    {"*"}*schema** (error): a key is missing, unknown, or holds a value of the wrong type.

    The brief format (v1) is strict on purpose: a misspelt key (`dedline`) would otherwise
    be silently ignored, and the estimate would be made without the client's deadline.
    Unknown keys are reported with the nearest known key as a suggestion, or with the table
    where the key belongs.

    Required: `[project] name`; in every `[[item]]`, `id` and `estimate`; in every
    `[[risk]]`, `probability`. Dates are TOML dates without quotes (`2027-02-15`); amounts and
    hours are numbers without quotes; an estimate is one number or `[low, likely, high]`.

    Example:

    ```toml
    {"["}request]
    dedline = 2027-02-15   # error: unknown key `request.dedline` — did you mean `deadline`?
    budget = "40000"       # error: expected a number, found a string
    ```

explain-rule-estimate-order =
    {"*"}*estimate-order** (error): a three-point estimate is not ordered low ≤ likely ≤ high.

    `estimate = [low, likely, high]` reads as "at best, most likely, at worst". When the
    numbers are out of order the simulation cannot draw from them, and usually two numbers
    were swapped by mistake. Applies to item estimates, alternatives, and risks' `effort` and
    `delay`.

    Example:

    ```toml
    estimate = [20, 12, 30]   # error: low (20) is above likely (12) — did you mean [12, 20, 30]?
    ```

explain-rule-estimate-range =
    {"*"}*estimate-range** (error): an estimate is negative, not a finite number, absurdly large,
    or an item's likely hours are zero.

    Hours cannot be negative, `nan` and `inf` are not estimates, and a single item of more
    than 5,000 hours (about three working years) is almost always a typo — minutes or
    kroner typed as hours. An item (or its alternative) that most likely takes no time is
    not work to price or track: its likely hours must be more than 0. Risk efforts and
    delays may be 0; delays are working days and are held to the same upper bound.
    This is the one rule for what an estimate may be: `estimate`, `proposal` and
    `track start` accept what it accepts.

    Example:

    ```toml
    estimate = [-2, 4, 8]     # error: hours cannot be negative
    estimate = 12000          # error: 12000 hours is about seven working years
    estimate = [0, 0, 0]      # error: an item's likely hours must be more than 0
    ```

explain-rule-duplicate-id =
    {"*"}*duplicate-id** (error): two items share the same `id`.

    Item ids are how dependencies, options, tracked hours and change requests refer to an
    item, so each must be unique. The finding points at the second use and names the line
    of the first.

    Example:

    ```toml
    {"["}[item]]
    id = "design"
    {"["}[item]]
    id = "design"   # error: item id "design" is already used on line 2
    ```

explain-rule-unknown-dependency =
    {"*"}*unknown-dependency** (error): an item `depends` on an id that no item has.

    Dependencies decide what can be cut from scope: an item cannot be delivered without the
    items it depends on. A dependency on an id that does not exist is almost always a typo,
    and is reported with the closest existing id.

    Example:

    ```toml
    {"["}[item]]
    id = "shop"
    depends = ["desing"]   # error: no item has id "desing" — did you mean "design"?
    ```

explain-rule-dependency-cycle =
    {"*"}*dependency-cycle** (error): items depend on each other in a circle.

    If `shop` needs `design` and `design` needs `shop`, neither can come first, and no scope
    that includes one can be chosen. The finding names the whole cycle so it can be broken
    where it is wrong.

    Example:

    ```toml
    {"["}[item]]
    id = "design"
    depends = ["shop"]     # error: dependency cycle: design → shop → design
    {"["}[item]]
    id = "shop"
    depends = ["design"]
    ```

explain-rule-deadline-before-start =
    {"*"}*deadline-before-start** (error): the client's deadline falls before the project can start.

    `request.deadline` is the date the client needs the work; `project.start` is the earliest
    date work can begin. A deadline before the start leaves no time at all, and is usually a
    wrong year or a swapped month and day.

    Example:

    ```toml
    {"["}project]
    start = 2027-03-01
    {"["}request]
    deadline = 2027-02-15   # error: the deadline is before the start (2027-03-01)
    ```

explain-rule-probability-range =
    {"*"}*probability-range** (error): a risk's `probability` is not between 0 and 1.

    A probability is a share: 0.4 means "happens in four projects out of ten". Writing 40
    for 40 % is the usual slip; the finding suggests the share.

    Example:

    ```toml
    {"["}[risk]]
    title = "Photos arrive late"
    probability = 40   # error: must be between 0 and 1 — did you mean 0.4?
    ```

explain-rule-invalid-setting =
    {"*"}*invalid-setting** (error): a setting is outside the range it can take.

    Checked: `me.rate` > 0 and at most 10,000,000; `me.hours_per_week` and `me.max_hours_per_week` in (0, 168] (a
    week has 168 hours), with the maximum not below the normal; `me.rush_surcharge` ≥ 0;
    `me.confidence` strictly between 0 and 1; `me.workdays` not empty; `model.correlation`
    in [0, 1]; `model.trials` between 100 and 10,000,000; `request.budget` > 0 and at most 10¹²; an item's
    `value` from 1 to 10; with `model.distribution = "lognormal"`, every three-point estimate's
    low above 0.

    These values drive the price and the calendar; one out of range makes every figure
    after it meaningless, so they are errors rather than warnings.

    Example:

    ```toml
    {"["}me]
    hours_per_week = 200   # error: a week has 168 hours
    confidence = 80        # error: must be between 0 and 1 — did you mean 0.8?
    ```

explain-rule-vague-wording =
    {"*"}*vague-wording** (warning): a word that means something different to every reader —
    simple, modern, user-friendly, fast, intuitive, professional, scalable, secure, flexible,
    clean, robust, seamless; enkel, moderne, brugervenlig, hurtig, intuitiv, professionel,
    skalerbar, sikker, fleksibel, lækker, flot, smart, overskuelig.

    Such words sound like requirements but cannot be checked at delivery: the client's
    "modern" is not yours, and "fast" has no number. Each one is a question to ask before the
    price is set, or a dispute after. All inflected forms count (brugervenlig, brugervenlige,
    brugervenligt; simple, simpler, simplest), in Danish and English alike.

    A word is left alone when a measure follows it in the same clause: a number with a unit
    or a bound ("fast (pages load in under 2 s)", "hurtig: under 2 sekunder", "99.9 % uptime"),
    or a named standard ("secure payment via Stripe (PCI-DSS)", "WCAG 2.1 AA"). Each measure
    answers the nearest vague word before it, so "simple, modern and fast (under 2 s)" still
    asks about "simple" and "modern". A security standard (FISMA, NIST, OWASP, PCI-DSS, ISO
    27001, 2FA) named anywhere in the text answers "secure" everywhere in it.

    Choices made for precision: a capitalised word in mid-sentence is taken as a name
    ("Simple Analytics"); English "fast" is not read in Danish text, where it means "fixed"
    ("fast pris"); "secure" and Danish "sikre" are skipped where they are verbs ("to secure
    funding", "at sikre at"), as is "sikker på" ("sure of"); "professional services",
    "professionel rådgivning" name a trade, not a quality; "en enkelt side" is "a single page";
    "hurtigst muligt" and "en hurtig opgave" belong to `urgency` and `minimizing`, and so
    does speed of delivery ("fast delivery", "leveret hurtigt": when, not how fast it loads). Words about
    people ("a reliable developer", "en fleksibel partner"), words used as nouns ("hire a
    professional") and flexibility offered ("we are flexible on the date") are left alone.

    Example:

    ```toml
    text = "En moderne og brugervenlig webshop"      # warning ×2: what is modern, to whom?
    text = "Fast: pages load in under 2 s on 4G"     # fine: a measure follows
    text = "Den skal være hurtig (under 2 sekunder)"  # fine
    ```

explain-rule-minimizing =
    {"*"}*minimizing** (warning): words that make the work sound smaller than it is — "just",
    "only a small", "a quick job", "a simple little site", "shouldn't take long"; bare, blot,
    lige, "en lille ændring", "en hurtig opgave", "småting", "det burde være nemt".

    The size of the job said as a time counts too, with no trigger word: "a couple of hours'
    work", "a weekend job", "an afternoon's work", "for a pro", "all you have to do is",
    "shouldn't take more than a day"; "et par timers arbejde", "en formiddagsopgave", "det
    klarer du nok på en weekend", "det burde ikke tage mere end en dag".

    A client who writes "just a small webshop" has already set a price in their head, and it
    is low. Minimizing words hide the work nobody has thought of yet (content, testing,
    integrations, launch), and they make it awkward to quote what the job really takes. Ask
    what is included, and say what is not, before the estimate.

    Choices made for precision: "just" is skipped where it means "recently" or "exactly"
    ("we have just launched", "just in time", "just as", "just like"; "just-in-time" is one
    word), and "not just" is the opposite of minimizing. Danish "lige" is only read as
    "just" where it softens a request — after a modal verb or an imperative ("kan du lige",
    "skal lige", "lav lige"), after "bare"/"kun", or before a verb of doing ("lige lave",
    "lige hurtigt") — never as "equal" or "right" ("lige så", "lige nu", "lige efter").
    "lille" and "små" count only before a word for work ("en lille ændring", "små
    rettelser"), so "en lille virksomhed" and names ("Lille Mølle") are left alone; "bare"
    and "blot" only in Danish text, and not after "ikke", nor in "LinkedIn, bare for
    frisører" (a comparison). "a couple of hours' kick-off meeting" and "the workshop takes
    an afternoon" are not about the size of the work.

    Example:

    ```toml
    text = "Kan du lige lave en lille ændring på forsiden?"   # warning: "lige", "lille ændring"
    text = "It's just a simple little site"                    # warning: "just", "simple little"
    ```

explain-rule-urgency =
    {"*"}*urgency** (warning): pressure without a date — ASAP, urgent, as soon as possible, right
    away, immediately; hurtigst muligt, snarest, straks, omgående, det haster, med det samme.

    Rushing with no trigger word counts too: the work is late already ("we should have had it
    a month ago", "we are already behind schedule", "we missed our own deadline"; "vi skulle
    have haft den for en måned siden", "vi er allerede bagud"), and delivery is to be quick
    ("fast delivery", "hurtig levering"). Speed of delivery asks *when*; speed of the product
    (load times) is `vague-wording`, which leaves "fast delivery" to this rule.

    "As soon as possible" is not a deadline: it says the client feels rushed, not when the
    work must be done or why. Unexamined, it becomes an evening-and-weekend promise that
    nobody priced. Ask for the date and for what happens if it slips; then the rush can be
    estimated (and charged for) like any other constraint, or found not to be real.

    Choices made for precision: a date in the same clause answers the question, so "as soon
    as possible, but no later than 15 March" and "snarest, senest 1. maj" are left alone (a
    month, a weekday, a year, "no later than", "senest" or "deadline" count as a date).
    "Immediately" counts only where it is about the work being ready or started ("we need it
    immediately", "start immediately"), not about how to act ("notify the CO immediately")
    or where it places something in a sequence ("immediately after launch"). "fast" and
    "hurtigt" alone are `vague-wording`; "as fast as possible" and "så hurtigt som muligt"
    are urgency.

    Example:

    ```toml
    text = "Vi skal bruge den hurtigst muligt"   # warning: which date, and why?
    deadline = 2027-02-15                        # the answer, once you have it
    ```

explain-rule-open-ended =
    {"*"}*open-ended** (warning): a list that does not end — etc., and so on, and more, among other
    things, including but not limited to; osv., m.m., mv., og lignende, bl.a., med mere.

    "Blog, shop, booking etc." prices three things and promises a fourth nobody has named.
    Whatever hides behind "etc." will be asked for later, as if it had been agreed. Ask the
    client to finish the list, then quote that list, and write in the offer that what is not
    on it is not included.

    Choices made for precision: "and more", "and much more", "med mere" and "og meget mere"
    count only where the list ends with them (before a comma, full stop or the end), so "faster
    and more reliable" and "med mere end 100 produkter" are left alone. "f.eks."/"e.g." are not
    flagged: examples are often given to explain, not to leave scope open.

    Example:

    ```toml
    text = "Forside, webshop, blog osv."    # warning: what else is in "osv."?
    ```

explain-rule-comparison-reference =
    {"*"}*comparison-reference** (warning): the client points at something else instead of saying
    what they want — "like Airbnb", "an Uber for dog walkers", "similar to", "in the style of";
    ligesom, à la, i stil med, magen til, inspireret af.

    A reference is a good start and a bad specification. "Like Airbnb" may mean its look, its
    search, its reviews, its payments — years of work by hundreds of people — or only its
    photos. Find out which parts matter and which do not, and write those down instead.

    Choices made for precision: "like" counts only when a name, site or company follows it
    ("like Airbnb's", "like www.kaffe.dk", "look like IKEA"), and never as a verb: "we would
    like", "I'd like", "would you like", "we like" are left alone. "ligesom" likewise needs a
    name after it ("ligesom Zalando", "ligesom hos Zalando"), since it also means "as" ("ligesom
    vi aftalte"). "the same as" needs a name; "similar to this" and "à la carte" are skipped.
    After a plural, "like" means "such as" and is left alone ("integrations like Mailchimp and
    e-conomic" lists what is wanted). Holidays, months and weekdays are not references.
    The finding takes in the name, so the question can name it.

    A name is a reference without a word for it, too: "LinkedIn, but for hairdressers", "the
    Spotify of audiobooks", "Think Airbnb, but for boats", "a kind of Trustpilot for
    tradespeople", "det skal være Netflix for kogebøger", "en slags Trustpilot", "siden skal
    ligne Zalandos". "We use LinkedIn for recruiting" and "we sell on Amazon" are not
    references: a name counts only after "be/is/være/er", "the … of", "think/tænk", "a kind
    of/en slags", or before ", but for/bare for".

    Example:

    ```toml
    text = "A booking site like Airbnb's"         # warning: which parts of Airbnb?
    text = "Vi vil gerne have en webshop à la Zalando"   # warning
    text = "We would like a booking calendar"     # fine: "like" is a verb here
    ```

explain-rule-unbounded-revisions =
    {"*"}*unbounded-revisions** (warning): changes without a limit — "unlimited revisions", "as
    many changes as we need", "until we are happy"; ubegrænsede rettelser, frit antal
    rettelser, "indtil vi er tilfredse".

    Rounds of changes are where fixed-price projects lose their margin. "Until we are
    satisfied" ties the end of the project to a feeling, and "unlimited revisions" to nobody's
    decision at all. Agree on a number of rounds (`terms.revisions`), on who approves each one,
    and on the price of a round beyond them.

    Both languages and their inflections are read: "unlimited (number of) changes, revisions,
    rounds, edits", "ubegrænset/ubegrænsede (antal) rettelser, ændringer, rettelsesrunder";
    "until we are / we're / everyone is (100 %) happy / satisfied", "indtil/til vi er (helt)
    tilfredse / glade".

    Said another way, too: "revisions continue through the soft launch", "we'll keep tweaking
    until…", "changes as needed", "until it feels right", "once the client is satisfied"; "vi
    finjusterer, til vi er helt trygge", "rettelser efter behov", "indtil det sidder i
    skabet", "rettelser fortsætter frem til lanceringen". "Continue", "as needed" and "efter
    behov" count only in a clause about changes that are not billed or agreed ("changes
    after the second round are billed by the hour" is the answer).

    Example:

    ```toml
    text = "Vi vil have ubegrænsede rettelser, indtil vi er tilfredse"   # warning ×2
    {"["}terms]
    revisions = 2                                                       # the answer
    ```

explain-rule-unilateral-change =
    {"*"}*unilateral-change** (warning): the client keeps the right to change what is ordered on
    its own — "may be updated by the Agency as necessary", "a living document", "reserves the
    right to modify", "or its successor", "may change the scope at any time"; "kan til enhver
    tid ændre i kravene", "forbeholder sig ret til at justere", "et levende dokument",
    "ensidigt ændre".

    A fixed price is a price for a fixed scope. A clause that lets the client change the
    scope as it goes turns the price into a promise to do whatever is asked for the same
    money. It is the most expensive sentence in a request, and the easiest to overlook,
    because it reads like housekeeping. Ask how changes are agreed, and write in the offer
    that a change to the scope is priced before it is made.

    Choices made for precision: "be updated/changed/modified" counts only with the client or
    "as necessary/at any time" beside it; "at any time" only beside a verb of changing, so
    "either party may terminate at any time" and "you can edit the text yourself at any time"
    are left alone; agreed changes ("changes are agreed in writing") are not findings.

    Example:

    ```toml
    text = "Bestilleren kan til enhver tid ændre i kravene"   # warning: how is a change priced?
    text = "This PWS may be updated by the Government as necessary"   # warning
    ```

explain-rule-acceptance-at-discretion =
    {"*"}*acceptance-at-discretion** (warning): the work is accepted when someone on the client's
    side feels like it — "acceptance contingent on Product Owner approval", "at the sole
    discretion of", "accepted when our director says it is done"; "først godkendt, når vi har
    sagt god for den", "efter bestillerens skøn", "når ledelsen er tilfreds".

    Acceptance ends the work and starts the payment. Tied to a person's approval instead of
    criteria agreed in advance, it has no end: each round of "not quite" is unpaid, and the
    invoice waits. Ask for acceptance criteria in writing, a period to test in ("5 working
    days"), and what happens when that period passes without an answer.

    Choices made for precision: a judgement word must follow the condition ("says", "feels",
    "satisfied", "approved", "synes", "tilfreds", "sagt god for"), and acceptance or payment
    must be what the sentence is about. Acceptance against written criteria or within a
    number of days ("acceptance within 5 working days against the written criteria") is the
    answer, not a finding.

    Example:

    ```toml
    text = "Leverancen er først godkendt, når vi har sagt god for den"   # warning
    text = "Acceptance within 5 working days against the written criteria"   # fine
    ```

explain-rule-scope-undecided =
    {"*"}*scope-undecided** (warning): the scope is still to be decided — "To Be Determined",
    "TBD", "evolving requirements", "possibly including", "features that could include",
    "will be refined", "we'll figure out the details later"; "detaljerne finder vi ud af
    senere", "omfanget afklares undervejs", "kravene er endnu ikke endelige", "kunne for
    eksempel omfatte".

    A price for work nobody has decided on is a price for every version of it. Whatever is
    decided later will be decided as if it had been in the price. Ask what is decided now and
    quote that; offer to price the rest when it is decided, or to run the deciding as a paid
    discovery phase first.

    Choices made for precision: "later", "undervejs" and the like count only after a verb of
    deciding ("afklares undervejs", "figure out the details later"), so "we will sort out
    server access on your first day" is left alone; "may include" and "kan omfatte" count
    (not "may include:" before the list it introduces, nor "offerors may include", which
    gives leave), "includes" and "omfatter" do not.

    Example:

    ```toml
    text = "Detaljerne finder vi ud af sammen senere"   # warning: what is decided now?
    text = "Number of user accounts: TBD"               # warning
    ```

explain-rule-unbounded-support =
    {"*"}*unbounded-support** (warning): support, maintenance, hosting, bug fixes or training
    asked for with no end — no period, no hours, no response time: "support and bug fixes
    after launch are part of the job", "continuation of full services", "we assume you will
    keep an eye on the site afterwards"; "vi regner med, at du også holder øje med siden
    bagefter", "løbende vedligeholdelse", "du skal også hjælpe os, hvis der opstår fejl".

    Work after delivery is where a fixed price leaks for years: every "can you just look at
    this" is unpaid once support has been promised without a limit. Ask for how long, how
    many hours a month, and how fast an answer must come; then price it as a service
    agreement of its own, apart from the project.

    Choices made for precision: the clause must ask it of you ("must", "included", "part of",
    "we expect", "skal", "regner med", "en del af"), so "our IT department handles hosting"
    and "vi har en supportaftale" are left alone; a number of a period in the clause bounds it
    ("support for 3 months, 10 hours a month", "fejl rettes gratis i 30 dage").

    Example:

    ```toml
    text = "Support og fejlrettelser efter lanceringen er en del af opgaven"   # warning
    text = "Support i 3 måneder, 10 timer om måneden"                          # fine
    ```

explain-rule-unquantified =
    {"*"}*unquantified** (warning): a quantity of work with no number — "a number of landing
    pages", "some integrations", "additional permit types", "multiple languages", "several
    user roles"; "et antal landingssider", "nogle integrationer", "diverse formularer", "flere
    sprog", "en række rapporter".

    "Some integrations" may be one or nine, and each is days of work. Priced as the client
    imagines the number, it is a loss; priced as you imagine it, it is a dispute. Ask how
    many, and which; quote that number, and a price for each one more.

    Choices made for precision: the words must count things to be made, so "several of our
    clients", "some years of experience", "nogle års erfaring", "en del af opgaven" and
    "flere henvendelser" (more, not several) are left alone; a number after it in the clause
    ("a fair number of blog posts: 240") or a list referred to ("a few wishes, listed below",
    "nedenfor") answers it. In English the word counted must be a plural.

    Example:

    ```toml
    text = "Siden skal have nogle integrationer"   # warning: how many, and which?
    text = "Two integrations: Xero and Shopify"    # fine
    ```

explain-rule-price-cap =
    {"*"}*price-cap** (warning): a fixed price in disguise — paid by the hour, but the hours
    above the estimate are yours: "an overrun of the estimate cannot be invoiced", "hours
    beyond the estimate are at the contractor's expense", "time and materials with a ceiling
    of $50,000", "shall not exceed", "the estimate is binding"; "et overskredet estimat kan
    ikke faktureres", "timer ud over estimatet betaler leverandøren selv", "dog maksimalt
    50.000 kr.", "estimatet er bindende".

    Billing by the hour with a cap keeps every risk of a fixed price (the overrun is yours)
    and none of its reward (the hours saved are the client's). An estimate is a range, not a
    promise; made binding, it must be priced like a fixed price, with its margin. Ask whether
    the cap is the budget or a promise, and offer either a fixed price or hours without a cap
    with a warning when the estimate is about to be passed.

    Choices made for precision: "capped at", "maximum" and "not exceed" count only about money
    (a price, a cost, an amount, a currency), so "capped at 5 hours a month" of support is
    left alone; "maksimalt" and "højst" only where the work is billed by the hour ("afregnes
    efter medgået tid"), so a budget ("vores budget er højst 40.000 kr.") is not a cap.

    Example:

    ```toml
    text = "Et overskredet estimat kan ikke faktureres"   # warning: a fixed price, then?
    text = "Ekstra timer faktureres efter aftale"          # fine
    ```

explain-rule-missing-purpose =
    {"*"}*missing-purpose** (warning): the brief does not say what the work is for.

    "A webshop" is a solution; "sell coffee subscriptions online" is the purpose behind it.
    Without the purpose there is no way to judge which wishes matter, which can wait, and
    whether a cheaper alternative would serve the client just as well. Write it in
    `project.purpose`, in the client's own terms.

    A plain request (an e-mail, a text file) without a purpose gets the same question, once it
    is long enough to be a request (see `text_gaps.rs` for what counts as answered).

    Example:

    ```toml
    {"["}project]
    name = "Webshop for Kaffe Nord"
    purpose = "Sell coffee subscriptions online"   # add this
    ```

explain-rule-missing-success =
    {"*"}*missing-success** (warning): the brief has no success criteria.

    Without an agreed measure of success, "done" is whatever the client feels at the end,
    which is how projects drift into unpaid extra rounds. `project.success` lists what has to
    be true for the project to have worked, ideally with numbers and dates.

    A plain request (an e-mail, a text file) without a success measure gets the same question, once it
    is long enough to be a request (see `text_gaps.rs` for what counts as answered).

    Example:

    ```toml
    {"["}project]
    success = ["200 active subscriptions by 1 June 2027"]
    ```

explain-rule-unmeasurable-success =
    {"*"}*unmeasurable-success** (warning): a success criterion has no number, date or target.

    "More customers" and "a modern look" cannot be checked at the end of a project, so they
    cannot be met either. A criterion is taken as measurable when it holds a number (digits,
    a percentage, or a number word such as "twenty"/"tyve") or a month (a date to reach it by).

    Example:

    ```toml
    success = [
      "More customers",                           # warning: how many, by when?
      "200 active subscriptions by 1 June 2027",  # fine
    ]
    ```

explain-rule-missing-budget =
    {"*"}*missing-budget** (warning): the client has not named a budget.

    Without a budget every option is a guess at what the client can afford, and the
    conversation about scope starts from the wrong end. Ask for a range if they will not
    give a number; record it in `request.budget`.

    A plain request (an e-mail, a text file) without a budget gets the same question, once it
    is long enough to be a request (see `text_gaps.rs` for what counts as answered).

    Example:

    ```toml
    {"["}request]
    budget = 40000   # in the project currency
    ```

explain-rule-suspicious-number =
    {"*"}*suspicious-number** (warning): the budget is not the number you meant: `40.000` written
    the Danish way, or an amount below one hour of your work.

    TOML reads `budget = 40.000` as forty with three decimals, not forty thousand: a dot is a
    decimal point in TOML, whatever the brief's language. Every price, verdict and option
    would then be judged against a budget of 40. Write thousands without separators
    (`40000`) or with underscores (`40_000`). A budget below one hour at `me.rate` is
    flagged too: no real budget buys less than an hour, so it is a typo or a unit mix-up.

    Example:

    ```toml
    {"["}request]
    budget = 40.000   # read as 40: write 40000 or 40_000
    ```

explain-rule-missing-deadline =
    {"*"}*missing-deadline** (warning): the client has not given a date.

    "ASAP" is not a date. Without one, there is no telling whether the work fits the
    calendar, and no basis for a rush price. Ask what the date is tied to — a launch, a
    season, a board meeting — since that also tells how firm it is. Record it in
    `request.deadline`.

    A plain request (an e-mail, a text file) without a deadline gets the same question, once it
    is long enough to be a request (see `text_gaps.rs` for what counts as answered).

    Example:

    ```toml
    {"["}request]
    deadline = 2027-02-15
    ```

explain-rule-missing-revisions =
    {"*"}*missing-revisions** (warning): the brief does not say how many rounds of changes are
    included.

    Unlimited rounds of feedback are the most common way a fixed price turns into a loss.
    Agree a number up front (`terms.revisions`), and price further rounds as change requests.

    Example:

    ```toml
    {"["}terms]
    revisions = 2
    ```

explain-rule-missing-priority =
    {"*"}*missing-priority** (warning): an item has no `priority`.

    When budget or time runs short, something has to give. Priorities (`must`, `should`,
    `could`, `wont`) say what: the options keep every `must` and cut from the bottom. Items
    without one are treated as `should`, which is a guess worth confirming with the client.

    Example:

    ```toml
    {"["}[item]]
    id = "newsletter"
    estimate = [4, 6, 10]
    priority = "could"   # add this
    ```

explain-rule-missing-rate =
    {"*"}*missing-rate** (warning): no hourly rate is set, so nothing can be priced.

    Hours become money through `me.rate`. Without it, `review` cannot tell whether the
    must-haves fit the budget, and `estimate`, `options` and `proposal` refuse to guess a
    price. Set it once in your profile (`$XDG_CONFIG_HOME/trekant/profile.toml`, a `[me]`
    table) or per brief.

    Example:

    ```toml
    {"["}me]
    rate = 850   # per hour, in the project currency
    ```

explain-rule-missing-items =
    {"*"}*missing-items** (warning): the brief has no work to estimate: no `[[item]]`, or every
    item is `wont`.

    The items are your breakdown of the request into parts, each with an estimate in hours.
    Without one that is wanted, `estimate`, `options` and `proposal` have nothing to price
    and refuse; `review` says so first. Add the parts as `[[item]]` tables.

    Example:

    ```toml
    {"["}[item]]
    id = "design"
    estimate = [12, 20, 40]   # low, likely, high hours
    priority = "must"
    ```

explain-rule-point-estimate =
    {"*"}*point-estimate** (warning): an item is estimated as a single number.

    One number claims certainty: that the work takes exactly that long. Real tasks overrun,
    and by skewed amounts, so a single number hides the risk the price must carry. Give three
    numbers — best case, most likely, worst case — and the simulation prices the spread.
    (Fixed, well-known work such as "install the SSL certificate" may stay a single number.)

    Example:

    ```toml
    estimate = 20            # warning: a single number
    estimate = [14, 20, 36]  # better
    ```

explain-rule-wide-estimate =
    {"*"}*wide-estimate** (warning): an item's high estimate is more than four times its low.

    A spread that wide means the item is not yet understood: the same words could mean a
    day's work or a month's. Narrow it by asking the client what exactly is included, or
    split the item into a part you can estimate and a part to investigate first.

    Example:

    ```toml
    title = "Integration with their ERP"
    estimate = [8, 30, 120]   # warning: 120 h is 15 × 8 h
    ```

explain-rule-large-item =
    {"*"}*large-item** (warning): an item's likely estimate is above 40 hours.

    Estimates of big chunks are consistently worse than the sum of estimates of their parts:
    the parts you have not thought of are exactly what overruns. Break an item of more than a
    working week into pieces you can picture doing, each with its own estimate.

    Example:

    ```toml
    title = "Webshop"
    estimate = [40, 80, 160]   # warning: break it into catalogue, checkout, payments, …
    ```

explain-rule-budget-below-must =
    {"*"}*budget-below-must** (warning): the must-have items alone cost more than the budget.

    Priced at the *likely* estimate — before any overrun — the items marked `must` already
    exceed what the client can pay. No scope choice can fix that: either the budget grows,
    or some "musts" are not. Needs `me.rate` (in the brief or the profile) and
    `request.budget`.

    Example:

    ```toml
    {"["}request]
    budget = 20000
    {"["}me]
    rate = 850
    {"["}[item]]
    estimate = [25, 40, 80]
    priority = "must"        # 40 h × 850 = 34,000 > 20,000
    ```

explain-rule-deadline-below-must =
    {"*"}*deadline-below-must** (warning): the must-have items cannot be done by the deadline,
    even at best and at full stretch.

    Takes the *low* (best case) estimates of the items marked `must` and the working days
    from `project.start` to `request.deadline` (weekends, public holidays and days off
    skipped) at `me.max_hours_per_week`. If even that does not fit, the date cannot hold
    for this scope, whatever anyone is paid. Needs `project.start` and `request.deadline`.

    Example:

    ```toml
    {"["}project]
    start = 2027-03-22
    {"["}request]
    deadline = 2027-03-26      # Easter week: 3 working days
    {"["}me]
    max_hours_per_week = 40    # 24 h available
    {"["}[item]]
    estimate = [30, 40, 60]    # best case 30 h: cannot fit
    priority = "must"
    ```

explain-rule-fixed-triangle =
    {"*"}*fixed-triangle** (warning): the client calls scope, budget and deadline all fixed.

    The project triangle has three sides; when all three are nailed down, the only thing
    left to give is quality — or the provider's margin. Every real project learns something
    on the way, so one side has to be able to move. Ask which one.

    Example:

    ```toml
    {"["}request]
    fixed = ["scope", "budget", "deadline"]   # warning: something has to be able to move
    ```

explain-rule-triangle-unrealistic =
    {"*"}*triangle-unrealistic** (warning): by the simulation, the client's budget and deadline
    hold together in fewer than half of the outcomes.

    The wanted scope (every item not marked `wont`) is simulated at normal capacity — three-
    point estimates, risks, your calendar — and compared with `request.budget` and
    `request.deadline`. Below 50 % the offer as asked is more likely to fail than not: the
    finding names the side that binds (budget, deadline or both) with the figures, and
    `trekant options` shows what would fit instead.

    Needs `me.rate` and a budget or a deadline (and `project.start`, or today, for dates).

    Example: five must-have items likely totalling 80 hours at 850/h against a budget of
    40,000 — P(budget holds) is near 0, so the triangle cannot close as asked.

explain-rule-triangle-tight =
    {"*"}*triangle-tight** (warning): by the simulation, the client's budget and deadline hold
    together in at least half of the outcomes, but less often than your confidence.

    The wanted scope is simulated at normal capacity and compared with `request.budget` and
    `request.deadline`. Between 50 % and `me.confidence` (default 80 %) a fixed price at the
    client's budget is a coin flip you lose too often: the finding names the side that binds,
    with the figures. Price at your confidence, or trim the scope (`trekant options`).

    Needs `me.rate` and a budget or a deadline (and `project.start`, or today, for dates).

    Example: the must-haves' P80 price is 44,000 against a budget of 40,000, with
    P(budget holds) = 65 %: tight, and the budget binds.

explain-rule-no-reservations =
    {"*"}*no-reservations** (warning): the offer may carry no caveats, assumptions or exceptions —
    "offers must be submitted without any caveats or assumptions", "quotes containing
    reservations will be rejected", "shall not take exception to"; "tilbuddet skal afgives
    uden forbehold", "forbehold accepteres ikke", "tilbud med forbehold vil blive afvist".

    Assumptions are how a fixed price is kept honest: "hosting is not included", "two rounds
    of changes". Where they are forbidden, every open point in the request is priced as its
    worst reading, or asked before the deadline for questions. So this finding changes the
    others: each question the review raises in the same text must be asked in the question
    period, and findings of that text that would only be noted (info) become warnings. Ask
    when the question period ends, and send every question before it does.

    Warnings are not raised to errors: an error means the file cannot be read or estimated,
    and `trekant questions` would then refuse to list the very questions that must be sent.

    Choices made for precision: the words for a reservation count only when the sentence
    forbids them ("without", "not accepted", "rejected", "ikke", "uden", "afvist"), so "please
    list your assumptions" and "angiv eventuelle forbehold i et bilag" are left alone.

    Example:

    ```toml
    text = "Tilbuddet skal afgives uden forbehold"   # warning: ask every question in time
    ```
