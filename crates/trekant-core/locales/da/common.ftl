# Ord og stykker, som mange beskeder bruger.

# Et ord eller en vending citeret fra kundens tekst.
quoted = '{ $w }'
# En liste af citerede ord: "'a', 'b' og 'c'".
list-and = { $rest } og { $last }
# Udsagnsordet (dansk bøjer ikke efter tal).
list-verb-do = betyder
