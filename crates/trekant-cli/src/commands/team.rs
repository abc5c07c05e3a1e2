//! `trekant db migrate` and `trekant user add|list`: the team server's PostgreSQL database and
//! its people (`db import|export` are in [`super::db_briefs`]). They need `--db postgres://…`; an SQLite file is refused (exit 2).

use std::io::{Read, Write};

use trekant_core::{Lang, t};
use trekant_store::{NewUser, PgOptions, PgStore, Role, StoreError};

use super::{Env, ExitStatus, store_error_text};
use crate::args::{DbCommand, RoleArg, UserCommand, output_lang};

pub fn db(command: &DbCommand, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let args = match command {
        DbCommand::Migrate(args) => args,
        DbCommand::Import(args) => return super::db_briefs::import(args, env, out),
        DbCommand::Export(args) => return super::db_briefs::export(args, env, out),
    };
    let lang = output_lang(args.lang);
    let url = team_url(env, lang)?;
    let migrated =
        PgStore::connect_unmigrated(&url, trekant_store::LOCAL_OWNER, &PgOptions::default())
            .and_then(|store| store.migrate())
            .map_err(|e| failed(&e, lang))?;
    let version = i64::from(migrated.version);
    if migrated.applied.is_empty() {
        writeln!(out, "{}", t!(lang, "team-up-to-date", version = version))?;
    } else {
        writeln!(
            out,
            "{}",
            t!(
                lang,
                "team-migrated",
                count = migrated.applied.len() as i64,
                names = migrated.applied.join(", "),
                version = version
            )
        )?;
    }
    Ok(ExitStatus::Success)
}

pub fn user(command: &UserCommand, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    match command {
        UserCommand::Add(args) => {
            let lang = output_lang(args.lang);
            let store = team_store(env, lang)?;
            let (password, generated) = if args.password_stdin {
                let mut text = String::new();
                std::io::stdin().read_to_string(&mut text)?;
                let line = text.lines().next().unwrap_or("").to_string();
                if line.is_empty() {
                    anyhow::bail!(t!(lang, "team-user-password-stdin"));
                }
                (line, false)
            } else {
                (
                    trekant_store::generate_password().map_err(|e| failed(&e, lang))?,
                    true,
                )
            };
            let role = match args.role {
                RoleArg::Owner => Role::Owner,
                RoleArg::Member => Role::Member,
            };
            let user = store
                .add_user(&NewUser {
                    email: &args.email,
                    name: &args.name,
                    role,
                    password: &password,
                })
                .map_err(|e| failed(&e, lang))?;
            writeln!(
                out,
                "{}",
                t!(
                    lang,
                    "team-user-added",
                    name = user.name.as_str(),
                    email = user.email.as_str(),
                    role = role.as_str()
                )
            )?;
            if generated {
                writeln!(
                    out,
                    "{}",
                    t!(
                        lang,
                        "team-user-password",
                        email = user.email.as_str(),
                        password = password.as_str()
                    )
                )?;
            }
        }
        UserCommand::List(args) => {
            let lang = output_lang(args.lang);
            let store = team_store(env, lang)?;
            let people = store.users().map_err(|e| failed(&e, lang))?;
            if people.is_empty() {
                writeln!(out, "{}", t!(lang, "team-users-none"))?;
                return Ok(ExitStatus::Success);
            }
            let header = [
                "team-users-email",
                "team-users-name",
                "team-users-role",
                "team-users-created",
            ]
            .map(|id| trekant_core::messages::text(lang, id));
            let rows: Vec<[String; 4]> = people
                .iter()
                .map(|p| {
                    let day = p
                        .created
                        .to_zoned_datetime(jiff::tz::TimeZone::system())
                        .date();
                    [
                        p.email.clone(),
                        p.name.clone(),
                        t!(lang, "team-role", role = p.role.as_str()),
                        trekant_core::format::date(day, lang),
                    ]
                })
                .collect();
            let width = |i: usize| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([header[i].chars().count()])
                    .max()
                    .unwrap_or(0)
            };
            let widths = [width(0), width(1), width(2)];
            for row in std::iter::once(&header).chain(&rows) {
                writeln!(
                    out,
                    "{:w0$}  {:w1$}  {:w2$}  {}",
                    row[0],
                    row[1],
                    row[2],
                    row[3],
                    w0 = widths[0],
                    w1 = widths[1],
                    w2 = widths[2]
                )?;
            }
        }
    }
    Ok(ExitStatus::Success)
}

/// The PostgreSQL URL `--db` gives; team mode has nothing to do with an SQLite file.
pub(super) fn team_url(env: &Env, lang: Lang) -> anyhow::Result<String> {
    let Some(db) = &env.db else {
        anyhow::bail!(t!(lang, "team-error-no-db"));
    };
    let text = db.to_string_lossy();
    if !trekant_store::is_postgres_url(&text) {
        return Err(failed(&StoreError::TeamNeedsPostgres, lang));
    }
    Ok(text.into_owned())
}

/// The team database, migrated.
pub(super) fn team_store(env: &Env, lang: Lang) -> anyhow::Result<PgStore> {
    let url = team_url(env, lang)?;
    PgStore::connect(&url).map_err(|e| failed(&e, lang))
}

pub(super) fn failed(error: &StoreError, lang: Lang) -> anyhow::Error {
    anyhow::anyhow!(store_error_text(error, lang))
}
