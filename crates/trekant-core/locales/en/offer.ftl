## The offer a client can sign: sender, terms, VAT (issue 9)

## Validation of the brief's sender and terms

offer-bad-cvr = must be a CVR number of 8 digits, e.g. "12345678" (not "{ $cvr }")
offer-bad-email = must be an e-mail address, e.g. "mette@example.com" (not "{ $email }")
offer-bad-vat = must be a VAT rate between 0 and 1, e.g. 0.25 for 25 % VAT
offer-bad-positive = must be greater than 0
offer-bad-share = must be a share above 0 and at most 1, e.g. 0.3 for 30 %
offer-bad-share-sum = must have shares that add up to 1 (they add up to { $sum }); fix them, e.g. 0.3 and 0.7
offer-expected-payment = a payment plan, e.g. [{"{"} share = 0.3, at = "start" {"}"}, {"{"} share = 0.7, at = "delivery" {"}"}]
offer-expected-boolean = true or false
offer-logo-unreadable = cannot be read from { $file } ({ $reason }); give the path of a PNG, JPEG or SVG image relative to the file that names it
offer-logo-not-image = is not a PNG, JPEG or SVG image: { $file }
offer-logo-too-large = is too large to embed: { $file } is { $size } kB, at most { $max } kB is allowed; save a smaller version

## The proposal as a tilbud

offer-number = Offer no.
offer-contact = Attn.
offer-cvr = CVR
offer-task = The task
offer-client-quote = In your words
offer-recommendation = { $voice ->
    [jeg] My offer
   *[vi] Our offer
}
offer-what-it-takes = What the task takes
offer-item = Part
offer-delivered = Done
offer-amount = Price
offer-basis-ex = excl. VAT
offer-basis-incl = incl. VAT
offer-delivery = Delivery
offer-payment-plan = Payment plan
offer-payment-when = Due
offer-alternatives = Other options
offer-alternatives-note = All prices are fixed prices, set to hold with { $confidence } confidence. The last column is the chance that both your budget and your date hold.
offer-fixed-price = Fixed price
offer-price-ex-vat = Fixed price excl. VAT
offer-vat = VAT { $rate }%
offer-price-incl-vat = Total incl. VAT
offer-price-consumer = Fixed price incl. VAT
offer-vat-included = of which VAT { $rate }%
offer-odds = The chance that both budget and date hold: { $odds }
offer-no-limits = You have set neither a budget nor a deadline.
offer-option-misses = Does not keep budget and date with the confidence asked (only { $odds }).
offer-same-as-lead = { $voice ->
    [jeg] Same as my offer
   *[vi] Same as our offer
}
offer-same-as = Same as "{ $option }"
offer-needs-budget = a budget of { $budget }
offer-needs-deadline = delivery on { $deadline }
offer-or = {" "}or{" "}
offer-all-musts = All the must-have parts
offer-needs = { $musts } need { $needs }
offer-deferred-musts = { $count ->
    [one] { $items } comes in phase 2.
   *[other] { $items } come in phase 2.
}
offer-phase2 = Phase 2 ({ $items }) can be ordered afterwards for { $price }.
offer-pay-start = { $share } at the start
offer-pay-delivery = { $share } on delivery
offer-pay-item = { $share } when { $item } is delivered
offer-term-revisions = { $count ->
    [one] { $rounds } round of revisions is included.
   *[other] { $rounds } rounds of revisions are included.
}
offer-term-payment-days = Payment terms: net { $days } days.
offer-term-valid = This offer is valid until { $date }.
offer-term-change-rate = Work outside this offer is agreed in writing before it starts and billed at { $rate } per hour.
offer-term-material = { $voice ->
    [jeg] If material from you (texts, images, access) arrives later than agreed, the delivery date moves accordingly, and waiting time is not billed. I will tell you as soon as I am missing something.
   *[vi] If material from you (texts, images, access) arrives later than agreed, the delivery date moves accordingly, and waiting time is not billed. We will tell you as soon as we are missing something.
}
offer-summary-purpose = { $purpose }. The work covers { $items }.
offer-summary-items = The work covers { $items }.
offer-accept = Acceptance
offer-accept-note = { $voice ->
    [jeg] Offer no. { $number } is accepted on the terms above. Sign and send a copy back, and I will get started.
   *[vi] Offer no. { $number } is accepted on the terms above. Sign and send a copy back, and we will get started.
}
offer-accept-client = Accepted by
offer-accept-sender = Offered by
offer-accept-name = Name
offer-accept-date = Date
offer-accept-signature = Signature
