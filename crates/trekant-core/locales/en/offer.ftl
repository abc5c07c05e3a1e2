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
