# team: the PostgreSQL store, its migrations and the people of a team server

## db migrate
team-migrated = applied { $count ->
    [one] one migration
   *[other] { $count } migrations
}: { $names }; the database is at schema version { $version }
team-up-to-date = the database is up to date (schema version { $version })

## user add, user list
team-user-added = added { $name } <{ $email }> as { $role ->
    [owner] an owner
   *[member] a member
}
team-user-password = password for { $email } (shown only this once; pass it on safely): { $password }
team-user-password-stdin = --password-stdin was given but no password came on standard input
team-users-none = no people yet; add the first with `trekant user add EMAIL --name NAME --role owner --db URL`
team-users-email = E-mail
team-users-name = Name
team-users-role = Role
team-users-created = Added
team-role = { $role ->
    [owner] owner
   *[member] member
}

## errors
team-error-database = database error: { $error }
team-error-bad-url = not a PostgreSQL URL ({ $error }); write postgres://USER@HOST/DATABASE
team-error-unreachable = cannot reach the PostgreSQL server: { $error }
team-error-migration = the migration { $name } failed, so the database is as it was: { $error }
team-error-needs-postgres = team mode needs PostgreSQL: give --db postgres://USER@HOST/DATABASE (an SQLite file holds one person's history)
team-error-user-exists = a person with the e-mail address { $email } already exists
team-error-bad-email = '{ $email }' is not an e-mail address
team-error-short-password = a password needs at least { $min } characters
team-error-no-db = say which database with --db postgres://USER@HOST/DATABASE

# The web app on a team server.
web-error-database = The team’s database cannot be reached just now. Try again in a moment.
web-serve-team = team server on { $db }: briefs, people and the history are kept there; everyone logs in
serve-listening-team = trekant serve: listening on { $url } (briefs in the team’s database, logo files from { $dir }); Ctrl-C stops it
