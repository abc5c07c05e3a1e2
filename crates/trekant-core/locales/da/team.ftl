# team: PostgreSQL-lageret, dets migreringer og folkene på en teamserver

## db migrate
team-migrated = kørte { $count ->
    [one] én migrering
   *[other] { $count } migreringer
}: { $names }; databasen er nu på skemaversion { $version }
team-up-to-date = databasen er opdateret (skemaversion { $version })

## user add, user list
team-user-added = { $name } <{ $email }> er oprettet som { $role ->
    [owner] ejer
   *[member] medlem
}
team-user-password = adgangskode til { $email } (vises kun denne ene gang; giv den sikkert videre): { $password }
team-user-password-stdin = --password-stdin er givet, men der kom ingen adgangskode på standard input
team-users-none = ingen personer endnu; opret den første med `trekant user add EMAIL --name NAVN --role owner --db URL`
team-users-email = E-mail
team-users-name = Navn
team-users-role = Rolle
team-users-created = Oprettet
team-role = { $role ->
    [owner] ejer
   *[member] medlem
}

## errors
team-error-database = databasefejl: { $error }
team-error-bad-url = ikke en PostgreSQL-URL ({ $error }); skriv postgres://BRUGER@VÆRT/DATABASE
team-error-unreachable = kan ikke nå PostgreSQL-serveren: { $error }
team-error-migration = migreringen { $name } fejlede, så databasen er uændret: { $error }
team-error-needs-postgres = teamtilstand kræver PostgreSQL: giv --db postgres://BRUGER@VÆRT/DATABASE (en SQLite-fil rummer én persons historik)
team-error-user-exists = der findes allerede en person med e-mailadressen { $email }
team-error-bad-email = '{ $email }' er ikke en e-mailadresse
team-error-short-password = en adgangskode skal have mindst { $min } tegn
team-error-no-db = sig hvilken database med --db postgres://BRUGER@VÆRT/DATABASE

# Webappen på en teamserver.
web-error-database = Teamets database kan ikke nås lige nu. Prøv igen om et øjeblik.
web-serve-team = teamserver på { $db }: oplæg, personer og historik ligger dér; alle logger ind
serve-listening-team = trekant serve: lytter på { $url } (oplæg i teamets database, logofiler fra { $dir }); Ctrl-C stopper den
