## The review read in context: the other places of a finding folded once per document.

# The label before the other places, in the human review.
render-related-label = also
# The lines of the other places: "58, 67, 70", or "58, 67, … (+12)" when there are many.
render-related = { $count ->
    [one] line { $lines }
   *[other] lines { $lines }
}
