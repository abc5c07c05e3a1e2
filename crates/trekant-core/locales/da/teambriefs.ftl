# teambriefs: teamserverens opgaver i PostgreSQL, deres versioner, `db import` og `db export`

## lagerets fejl
teambriefs-error-no-brief = der er ingen opgave, der hedder { $name }
teambriefs-error-exists = der findes allerede en opgave, der hedder { $name }
teambriefs-error-changed = { $name } er blevet gemt af en anden imens (nu version { $version }); hent den igen, og lav din ændring igen
teambriefs-error-bad-name = “{ $name }” kan ikke være navnet på en opgave: brug et almindeligt filnavn, der ender på .toml
teambriefs-error-too-large = { $name } fylder mere end { $mib } MiB; en opgave er en side TOML, ikke en datafil

## webappen
teambriefs-web-versions-local = Versioner gemmes kun på en teamserver (trekant serve --db postgres://…); en mappe med opgaver har kun den nuværende tekst af hver.
teambriefs-web-no-version = { $name } har ingen version { $version }.
teambriefs-web-database = teamets database

## db import, db export
teambriefs-import-added = tilføjet   { $name }
teambriefs-import-updated = opdateret  { $name } (ny version)
teambriefs-import-unchanged = uændret    { $name }
teambriefs-import-summary = { $count ->
    [one] én opgave
   *[other] { $count } opgaver
} fra { $dir }: { $added } tilføjet, { $updated } opdateret, { $unchanged } uændret
teambriefs-import-none = der er ingen .toml-filer i { $dir }; intet blev importeret
teambriefs-import-read = kan ikke læse { $path }: { $error }; intet blev importeret
teambriefs-import-not-utf8 = { $path } er ikke UTF-8-tekst (det går galt ved byte { $at }); gem filen som UTF-8, intet blev importeret
teambriefs-import-no-author = der er ingen person med e-mailadressen { $email }; tilføj personen med `trekant user add`, eller udelad --author
teambriefs-no-dir = { $dir } er ikke en mappe; angiv mappen med opgaverne
teambriefs-export-wrote = skrev { $path }
teambriefs-export-exists = { $path } findes allerede, så intet blev skrevet; brug --force for at overskrive filerne dér
teambriefs-export-write = kan ikke skrive { $path }: { $error }
teambriefs-export-summary = { $count ->
    [one] én opgave
   *[other] { $count } opgaver
} skrevet til { $dir }
teambriefs-export-none = databasen har endnu ingen opgaver; intet blev skrevet
