## Share links: the client says yes online (team mode). `trekant-web`'s share.rs.

## Sharing, on the brief's page and in the API
share-needs-team = Share links need a team server: start it with `trekant serve --db postgres://…` and log in. Without one, send the offer as a file and record the client's yes with the accept button.
share-bad-option = `option` must be the name of an option, such as "recommended", not { $value }.
share-summary = { $option }: { $total } { $basis }, delivered by { $delivery }
share-link-ready = The link shows this offer as it is now; later changes to the brief do not change it. It works until { $date }.
share-title = Share with the client
share-hint = Makes a link to the offer as shown here (with the option chosen above), which the client can open without logging in and accept with their name. The accepted offer is recorded in your history.
share-button = Share with client
share-working = Making the link…
share-url = The link to the offer
share-copy = Copy link
share-copied = Copied.

## The client's page
share-accept-title = Accept the offer
share-accept-intro = Offer { $number } — { $summary }
share-accept-name = Your name
share-accept-check = I accept offer { $number } as described above.
share-accept-button = Accept the offer
share-fingerprint = The offer's SHA-256 fingerprint: { $sha256 }
share-need-name = Please write your name.
share-name-too-long = A name can be at most { $max } characters long.
share-need-accept = Please tick the box to accept the offer.
share-accepted-by = Accepted by { $name } on { $date } at { $time }.

## Pages that show no offer, and the thanks
share-unknown-title = No offer here
share-unknown = There is no offer at this address. Check that the link is complete, or ask the sender for a new one.
share-expired-title = The offer has expired
share-expired = This offer was valid until { $date } at { $time } and can no longer be accepted. Ask the sender for a new one.
share-already-title = The offer has already been accepted
share-already = Nothing more is needed. If that was not you, please contact the sender.
share-thanks-title = Thank you, { $name }
share-thanks = Your acceptance of offer { $number } has been recorded, and the sender has it now. You can close this page.
share-tracked-title = The offer cannot be accepted online
share-tracked = The sender is already working on this project, so the offer could not be recorded here. Please contact the sender directly.
share-busy-title = Please try again
share-busy = The page cannot be reached just now. Wait a moment and try again; nothing has been recorded.
share-broken-title = Something went wrong
share-broken = Your answer could not be recorded because of an error on our side. Please contact the sender.
