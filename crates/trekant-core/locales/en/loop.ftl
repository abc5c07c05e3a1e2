# The loop from e-mail to accepted offer to change order: `init --from`, `accept`, `change`.

## A brief drafted from an e-mail (comments in the TOML it writes)
draft-header = trekant brief (format v1), drafted from an e-mail on { $day }.
    The client's mail is in [request] text, word for word. Budget and deadline were read from the mail: check them.
    Write what you will deliver as [[item]] tables at the bottom, then run `trekant review` on the file.
draft-name = New project
draft-name-note = required: the project's name
draft-client-note = the client's company
draft-from-mail = from the mail: "{ $quote }"
draft-language-note = "da" | "en": language of questions and proposal
draft-purpose-note = the goal behind the request: ask the client (`trekant questions`)
draft-success-note = measurable criteria for success
draft-start-note = earliest start
draft-text-note = The client's request, word for word. It is reviewed for vague wording.
draft-no-budget = the mail names no budget: ask the client
draft-no-deadline = the mail names no date: ask the client
draft-fixed-note = what the client calls non-negotiable: scope | budget | deadline
draft-me-note = Your rate and capacity live in your profile (profile.toml); they can be overridden here.
draft-rate-note = hourly rate in the project currency
draft-items-note = What you will deliver: one [[item]] per part, with an estimate in hours. Remove the # and fill in.
draft-item-design = Design of the home page and subpages
draft-item-build = Setup and development
draft-id-note = required, unique: a-z, 0-9 and -
draft-estimate-note = hours: low, likely, high

## init --from (notes on stderr)
init-mail-not-utf8 = { $file } is not UTF-8 text; save the mail as UTF-8 (or paste its text into a new file) and try again
init-found-language = language: English (read from the mail)
init-found-budget = budget: { $budget } (from the mail: "{ $quote }")
init-no-budget = budget: the mail names no amount; ask the client
init-found-deadline = deadline: { $deadline } (from the mail: "{ $quote }")
init-no-deadline = deadline: the mail names no date; ask the client
init-draft-next = wrote { $file }; add what you will deliver as [[item]] tables, then run: trekant review { $file }

## suspicious-number
suspicious-number-dots = `budget = { $written }` is read by TOML as { $read }, not { $meant }: a dot is a decimal point in TOML. Write { $meant } (or { $underscored })
suspicious-number-below-hour = the budget ({ $budget }) is less than one hour of work at your rate ({ $rate }): a typo, or an amount in another unit?

## accept
accept-no-such-option = there is no option called { $option }; see `trekant options`
accept-infeasible = { $option } does not hold at { $confidence } confidence and cannot be accepted as it stands. { $others ->
    [0] None of the options holds: change the budget, deadline or items in the brief first.
   *[other] Those that do: { $feasible }
}
accept-empty = { $option } holds no items and cannot be accepted. { $others ->
    [0] None of the options holds: change the budget, deadline or items in the brief first.
   *[other] Those that do: { $feasible }
}
accept-ex-vat = ex. VAT
accept-incl-vat = incl. VAT
accept-recorded = offer { $number } accepted for { $project }: { $option }, { $total } { $basis }, delivery { $delivery }

## The change order (document)
change-order-kicker = Change order
change-order-to-offer = To offer { $number }
change-order-from = From
change-order-to = To
change-order-cvr = CVR { $cvr }
change-order-ex-vat = ex. VAT
change-order-incl-vat = incl. VAT
change-order-accepted-price = Accepted price (offer { $number })
change-order-current-price = Price of the agreed scope
change-order-change-price = The change: { $title }
change-order-new-total = New total, { $basis }
change-order-total-incl-vat = Total incl. VAT ({ $rate })
change-order-of-which-vat = Of which VAT ({ $rate })
change-order-new-delivery = Delivery
change-order-delivery-moved = { $after } (was { $before })
change-order-firm = Fixed price: rounded up to the nearest { $round_to } from the price at { $confidence } confidence
change-order-acceptance = Acceptance
change-order-acceptance-text = { $voice ->
    [vi] We start on the change once you have accepted it.
   *[jeg] I start on the change once you have accepted it.
} { $offer ->
    [none] The price and delivery date above apply to the whole project from now on.
   *[other] The price and delivery date above replace those of offer { $offer }; the rest of the offer stands.
}
change-order-accepted-by = Accepted by the client
change-order-sign-name = Name
change-order-sign-date = Date
change-order-sign-signature = Signature
change-order-for-sender = For the provider

## change (the command)
change-empty-title = --title is empty: say what the client asks for
change-output-format = { $file }: write the change order as .md, .html or .typ
change-not-tracked = `{ $project }` is not being tracked, so the change has nowhere to be recorded: accept the offer with `trekant accept { $brief }` (or start it with `trekant track start { $brief }`), or leave out --propose/--accept for a preview
change-preview = preview: nothing was recorded; record the change with --propose, or with --accept once the client has said yes
change-recorded-accepted = recorded as accepted in `{ $project }`: log its hours with `trekant track log { $item } HOURS`
change-recorded-proposed = recorded as proposed in `{ $project }`; once the client says yes, run this again with --accept

## questions: the e-mail's opening, in the provider's voice
questions-greeting-contact = Hi { $name }
questions-intro-voice = { $voice ->
    [vi] Thank you for your request. Before we can make an offer we can stand behind, we have a few questions:
   *[jeg] Thank you for your request. Before I can make an offer I can stand behind, I have a few questions:
}
questions-intro-none-voice = { $voice ->
    [vi] Thank you for a clear and precise brief — we have no questions at this point.
   *[jeg] Thank you for a clear and precise brief — I have no questions at this point.
}
