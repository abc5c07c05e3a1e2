# login: at logge ind på en teamserver, sessionerne og folkene (ejerne styrer dem)

## At logge ind
login-needed = Log ind først: åbn /login i browseren, eller send `Authorization: Bearer <token>` med en token fra POST /api/login. En session varer et begrænset stykke tid; log ind igen, når den er udløbet.
login-wrong = Forkert e-mailadresse eller adgangskode.
login-blocked = For mange mislykkede forsøg på at logge ind. Prøv igen om { $minutes ->
    [one] ét minut
   *[other] { $minutes } minutter
}.
login-cross-site = Log ind fra trekants egen loginside.
login-team-only = Det findes kun på en teamserver (`trekant serve --db postgres://…`), hvor man logger ind som person; den lokale app bruger den token, `trekant serve` skrev.
login-title = Log ind
login-lead = Log ind på teamets trekant med din e-mailadresse og adgangskode.
login-email = E-mailadresse
login-password = Adgangskode
login-button = Log ind
login-logout = Log ud
login-signed-in = Logget ind som { $name }
login-serve-token-unused = --token bruges ikke på en teamserver: man logger ind med e-mailadresse og adgangskode

## Personer
login-nav-people = Personer
login-people-title = Personer
login-people-lead = Hvem der kan logge ind på teamserveren. Ejere tilføjer og fjerner personer; medlemmer arbejder med oplæggene.
login-people-name = Navn
login-people-role = Rolle
login-people-created = Tilføjet
login-people-you = (dig)
login-people-add = Tilføj en person
login-people-add-button = Tilføj
login-people-remove = Fjern
login-people-remove-label = Fjern { $name }
login-people-added = { $name } er tilføjet. Adgangskoden vises kun denne ene gang — giv den sikkert videre:
login-people-removed = { $name } er fjernet, og vedkommendes sessioner er afsluttet.
login-owners-only = Kun teamets ejere kan tilføje og fjerne personer.
login-last-owner = { $name } er teamets eneste ejer og kan ikke fjernes; tilføj en anden ejer først.
login-no-person = Der er ingen person med id { $id }.
login-bad-role = Rollen skal være owner eller member, ikke “{ $role }”.
login-name-needed = En person skal have et navn.
