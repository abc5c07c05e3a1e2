# login: logging in to a team server, its sessions, and its people (owners manage them)

## Logging in
login-needed = Log in first: open /login in the browser, or send `Authorization: Bearer <token>` with a token from POST /api/login. A session lasts a limited time; log in again when it has run out.
login-wrong = Wrong e-mail address or password.
login-blocked = Too many failed logins. Try again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}.
login-cross-site = Log in from trekant's own login page.
login-team-only = This is only on a team server (`trekant serve --db postgres://…`), where people log in; the local app uses the token `trekant serve` printed.
login-title = Log in
login-lead = Log in to the team's trekant with your e-mail address and password.
login-email = E-mail address
login-password = Password
login-button = Log in
login-logout = Log out
login-signed-in = Logged in as { $name }
login-serve-token-unused = --token is not used on a team server: people log in with their e-mail address and password

## People
login-nav-people = People
login-people-title = People
login-people-lead = Who can log in to the team server. Owners add and remove people; members work on the briefs.
login-people-name = Name
login-people-role = Role
login-people-created = Added
login-people-you = (you)
login-people-add = Add a person
login-people-add-button = Add
login-people-remove = Remove
login-people-remove-label = Remove { $name }
login-people-added = { $name } has been added. The password is shown this once only — pass it on safely:
login-people-removed = { $name } has been removed, and their sessions have ended.
login-owners-only = Only the team's owners can add and remove people.
login-last-owner = { $name } is the team's only owner and cannot be removed; add another owner first.
login-no-person = There is no person with id { $id }.
login-bad-role = The role must be owner or member, not “{ $role }”.
login-name-needed = A person needs a name.
