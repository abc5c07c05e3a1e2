# Ændringer i en brief felt for felt (webappens PATCH): hvorfor en ændring blev afvist.
patch-not-toml = briefen er ikke gyldig TOML, så den kan ikke ændres felt for felt; ret den først i TOML-visningen ({ $error })
patch-empty = ændringen ændrer ingenting: angiv `set` (sti → værdi) eller `remove` (stier)
patch-not-a-path = `{ $path }` er ikke en sti: skriv nøgler adskilt af punktummer, fx request.budget eller item.shop.estimate
patch-no-such-table = `{ $path }`: der er ingen sådan { $array }; vil du tilføje en, så sæt `{ $path }` til et objekt med dens felter, fx {"{"}"title": "…"{"}"}
patch-which = `{ $path }`: sig hvilken { $key }, med dens id eller dens nummer fra 0 (fx { $key }.0)
patch-no-such = `{ $path }`: briefen har ingen { $key } `{ $selector }`{ $hint }
patch-not-a-table = `{ $path }`: `{ $at }` er en værdi, ikke en tabel, så den har ingen nøgler
patch-not-a-value = `{ $path }` er en tabel: sæt dens nøgler én ad gangen (fx `{ $path }.title`), eller angiv et objekt
patch-nothing-to-remove = `{ $path }`: briefen har ingen sådan nøgle, så der er intet at fjerne
patch-null = `{ $path }`: TOML har ikke null; vil du fjerne en nøgle, så skriv den i `remove`
