# The clauses that cost a fixed-price supplier the most (unilateral change, acceptance at the
# client's discretion, undecided scope, support without end, unquantified work, price caps,
# no reservations), and the gap questions for plain e-mails.

## unilateral-change
unilateral-change-message = one-sided change: "{ $w }" lets the client change what is ordered without agreeing the price
unilateral-change-question = You wrote { $w } — how are changes to the scope agreed, and may a change be priced before it is made?

## acceptance-at-discretion
acceptance-at-discretion-message = acceptance at the client's discretion: "{ $w }" ties acceptance to a judgement, not to criteria
acceptance-at-discretion-question = You wrote { $w } — which written criteria must the delivery meet to be accepted, how many working days is there to test it, and is it accepted if no answer comes in that time?

## scope-undecided
scope-undecided-message = scope not decided: "{ $w }" leaves the work to be decided later
scope-undecided-question = You wrote { $w } — what is decided now, so we can price that, and may the rest be priced when it is decided (or worked out first in a short paid phase)?

## unbounded-support
unbounded-support-message = support without end: "{ $w }" has no period, no hours and no response time
unbounded-support-question = You wrote { $w } — for how long after launch, how many hours a month, and how fast must an answer come? Then we can offer it as a service agreement of its own.

## unquantified
unquantified-message = no number: "{ $w }" does not say how many
unquantified-question = You wrote { $w } — how many exactly, and which ones? Then we can price that number, and say what one more costs.

## price-cap
price-cap-message = price cap: "{ $w }" makes hours above the estimate unpaid — a fixed price in disguise
price-cap-question = You wrote { $w } — is that amount your budget or a promise you want from us? If hours above the estimate are not to be paid, we must quote a fixed price with its margin instead.

## no-reservations
no-reservations-message = no reservations allowed: "{ $w }" — every other question in this text must be asked before the deadline for questions
no-reservations-question = You wrote { $w } — when is the last day for questions? Every point we cannot assume must be clarified before then.

## gaps in a plain request (an e-mail, a Markdown or text file)
text-missing-budget-message = the request names no budget
text-vague-budget-message = the request mentions the budget ("{ $w }") but gives no amount
text-missing-deadline-message = the request gives no date for the work
text-missing-purpose-message = the request does not say what the work is for
text-missing-success-message = the request does not say how success will be measured
