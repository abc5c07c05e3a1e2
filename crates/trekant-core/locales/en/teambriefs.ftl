# teambriefs: the team server's briefs in PostgreSQL, their versions, `db import` and `db export`

## errors of the store
teambriefs-error-no-brief = there is no brief named { $name }
teambriefs-error-exists = a brief named { $name } already exists
teambriefs-error-changed = { $name } was saved by someone else in the meantime (now version { $version }); reload it and make your change again
teambriefs-error-bad-name = “{ $name }” cannot name a brief: write a plain file name ending in .toml
teambriefs-error-too-large = { $name } is larger than { $mib } MiB; a brief is a page of TOML, not a data file

## the web app
teambriefs-web-versions-local = Versions are kept only on a team server (trekant serve --db postgres://…); a folder of briefs holds just the current text of each.
teambriefs-web-no-version = { $name } has no version { $version }.
teambriefs-web-database = the team’s database

## db import, db export
teambriefs-import-added = added      { $name }
teambriefs-import-updated = updated    { $name } (new version)
teambriefs-import-unchanged = unchanged  { $name }
teambriefs-import-summary = { $count ->
    [one] one brief
   *[other] { $count } briefs
} from { $dir }: { $added } added, { $updated } updated, { $unchanged } unchanged
teambriefs-import-none = there are no .toml files in { $dir }; nothing was imported
teambriefs-import-read = cannot read { $path }: { $error }; nothing was imported
teambriefs-import-not-utf8 = { $path } is not UTF-8 text (the bytes stop making sense at byte { $at }); save it as UTF-8, nothing was imported
teambriefs-import-no-author = there is no person with the e-mail address { $email }; add them with `trekant user add`, or leave out --author
teambriefs-no-dir = { $dir } is not a folder; give the folder of briefs
teambriefs-export-wrote = wrote { $path }
teambriefs-export-exists = { $path } exists already, so nothing was written; give --force to overwrite the files there
teambriefs-export-write = cannot write { $path }: { $error }
teambriefs-export-summary = { $count ->
    [one] one brief
   *[other] { $count } briefs
} written to { $dir }
teambriefs-export-none = the database holds no briefs yet; nothing was written
