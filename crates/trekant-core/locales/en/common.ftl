# Words and pieces used by many messages.

# A word or phrase quoted from the client's text.
quoted = '{ $w }'
# A list of quoted words: "'a', 'b' and 'c'".
list-and = { $rest } and { $last }
# The verb "do" agreeing with a count of things.
list-verb-do = { $count ->
    [one] does
   *[other] do
}
