# document

## The proposal
proposal-offer = Proposal
proposal-for-client = for
proposal-issued = Date
proposal-purpose = Purpose
proposal-success = How we measure success
proposal-understanding = Our understanding
proposal-options = Options
proposal-option = Option
proposal-price = Price
proposal-ready = Ready
proposal-confidence = Confidence
proposal-odds = Budget and date hold
proposal-scope = Scope
proposal-recommended = Recommended
proposal-not-possible = Not possible
proposal-phase2 = Phase 2
proposal-included = What you get
proposal-excluded = Not included this time
proposal-assumptions = Assumptions
proposal-risks = Risks
proposal-probability = probability
proposal-questions = Open questions
proposal-terms = Terms
proposal-revisions = Rounds of changes
proposal-valid-until = This offer is valid until
proposal-payment = Payment
proposal-charts = The uncertainty in figures
proposal-chart-note = How price and delivery date spread over simulated runs of the project.
proposal-rounds = rounds
proposal-hours = hours
option-full-scope-by-deadline = Everything by your deadline
option-full-scope-normal-pace = Everything at normal pace
option-fit-budget-and-deadline = What fits your budget and date
option-recommended = Our recommendation
option-not-feasible = Cannot be met at { $confidence } confidence (at most { $odds }).
option-rush = Needs { $hours } hours at the rush rate.
item-instead-of = instead of: { $item }
item-phase-2 = can follow in phase 2
item-not-wanted = not wanted
assumption-pace = The work is done at { $hours } hours a week at { $rate } an hour; hours beyond what is agreed are billed at the same rate.
assumption-simulation = Prices and dates hold with { $confidence } confidence in our simulation of the project ({ $trials } runs), from estimates with uncertainty for every part.
assumption-start = Start { $start }; weekends and public holidays are not working days.
assumption-material = Material from you (copy, images, access) arrives on time; delays move the delivery date accordingly.
risk-extra-hours = { $low }–{ $high } extra hours
risk-delay = { $low }–{ $high } working days of waiting
chart-price-title = Price of the full wish
chart-budget = budget { $budget }
chart-deadline = deadline { $deadline }
chart-finish-title = Delivery date of the full wish
proposal-options-note = Prices and dates are set to hold with { $confidence } confidence. The last figure is the chance that both your budget and your date hold.

## Numbers, money and dates (the separators are read as settings, never wrapped)
number-group-separator = ,
number-decimal-separator = .
money-dkk = DKK { $amount }
money = { $currency } { $amount }
percent = { $p }%
date = { $day } { $month } { $year }
month = { $month ->
     [1] January
     [2] February
     [3] March
     [4] April
     [5] May
     [6] June
     [7] July
     [8] August
     [9] September
     [10] October
     [11] November
    *[12] December
}

## change-order
change-order-realistic = realistic
change-order-tight = tight
change-order-unrealistic = unrealistic
change-order-unknown = no budget or deadline
change-order-hours = hours
change-order-what-is-added = What is added
change-order-effort = Effort: { $effort }
change-order-price = Price
change-order-delivery-title = Delivery
change-order-effect = Effect on budget and deadline
change-order-validity = Validity
change-order-heading = Change order: { $title }
change-order-effort-range = { $low }–{ $high } hours, most likely { $likely }
change-order-title-project = { $title } (project: { $project })
change-order-added = Added: { $added } (at { $confidence } confidence)
change-order-total = Total price: { $before } before, { $after } with the change
change-order-delivery = New delivery date: { $after } (was { $before })
change-order-budget-effect = Budget { $budget }: holds in { $after } of outcomes (was { $before })
change-order-deadline-effect = Deadline { $deadline }: holds in { $after } of outcomes (was { $before })
change-order-verdict = Verdict: { $after } (both hold in { $after_odds }), was { $before } ({ $before_odds })
change-order-valid-until = This offer is valid until { $date }.
