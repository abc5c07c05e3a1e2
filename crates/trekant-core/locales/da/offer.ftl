## The offer a client can sign: sender, terms, moms (issue 9)

## Validation of the brief's sender and terms

offer-bad-cvr = skal være et CVR-nummer på 8 cifre, fx "12345678" (ikke "{ $cvr }")
offer-bad-email = skal være en e-mailadresse, fx "mette@eksempel.dk" (ikke "{ $email }")
offer-bad-vat = skal være en momssats mellem 0 og 1, fx 0.25 for 25 % moms
offer-bad-positive = skal være større end 0
offer-bad-share = skal være en andel over 0 og højst 1, fx 0.3 for 30 %
offer-bad-share-sum = skal have andele, der tilsammen giver 1 (de giver { $sum }); ret dem, fx 0.3 og 0.7
offer-expected-payment = en betalingsplan, fx [{"{"} share = 0.3, at = "start" {"}"}, {"{"} share = 0.7, at = "delivery" {"}"}]
offer-expected-boolean = true eller false
offer-logo-unreadable = kan ikke læses fra { $file } ({ $reason }); angiv stien til et PNG-, JPEG- eller SVG-billede i forhold til filen, der nævner det
offer-logo-not-image = er ikke et PNG-, JPEG- eller SVG-billede: { $file }
offer-logo-too-large = er for stort til at blive indlejret: { $file } fylder { $size } kB, højst { $max } kB er tilladt; gem en mindre udgave
