//! `trekant serve [DIR] [--db FILE]`: the web app over a folder of briefs, bound to an
//! address. All of it is `trekant-web`; this is the shell that opens the history store, binds
//! the socket, says where it listens, and stops on Ctrl-C.

use std::process::{Command, Stdio};

use anyhow::Context as _;
use trekant_core::t;
use trekant_web::{AppState, Config};

use super::{Env, ExitStatus, note};
use crate::args::{ServeArgs, output_lang};

pub fn run(args: &ServeArgs, env: &Env) -> anyhow::Result<ExitStatus> {
    let lang = output_lang(args.lang);
    let team = open_team(env, lang)?;
    let (history, history_note) = match &team {
        Some((_, said)) => (None, said.clone()),
        None => open_history(env, lang)?,
    };
    // Anyone who can reach a non-loopback address could read and change the briefs: such an
    // address gets a token, the user's or a new one shown once here.
    // A team server's people log in with their own passwords instead.
    let token = match (&args.token, args.bind.ip().is_loopback()) {
        _ if team.is_some() => {
            if args.token.is_some() {
                note(t!(lang, "login-serve-token-unused"));
            }
            None
        }
        (Some(token), _) => Some(token.clone()),
        (None, true) => None,
        (None, false) => {
            let token = trekant_web::security::random_token();
            note(t!(lang, "serve-token", token = token.as_str()));
            Some(token)
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context(t!(lang, "serve-no-runtime"))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .with_context(|| t!(lang, "serve-cannot-bind", address = args.bind.to_string()))?;
        // The address actually bound (port 0 picks a free one): Host headers are checked
        // against it.
        let address = listener.local_addr()?;
        let mut config = Config::new(args.dir.clone(), address, token);
        if let Some(store) = history {
            config = config.with_store(store);
        }
        if let Some((pg, _)) = team {
            config = config.with_team(pg);
        }
        if let (Some(team), Some(hours)) = (config.team.as_mut(), args.session_hours) {
            team.session_life = std::time::Duration::from_secs(hours * 3600);
        }
        let state = trekant_web::lang::within(lang, || AppState::new(&config))
            .map_err(|error| anyhow::anyhow!(error.message(lang)))?;
        let url = format!("http://{address}/");
        let listening = if state.team.is_some() {
            "serve-listening-team"
        } else {
            "serve-listening"
        };
        note(t!(
            lang,
            listening,
            url = url.as_str(),
            dir = state.folder.dir().display().to_string()
        ));
        if args.open {
            open_browser(&url, lang);
        }
        note(history_note);
        // The peer's address reaches the handlers (a team server limits failed logins per
        // client address; share links record who accepted from where).
        let app =
            trekant_web::app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context(t!(lang, "serve-stopped"))
    })?;
    Ok(ExitStatus::Success)
}

/// Team mode, when `--db` is a PostgreSQL URL: the team's database, its schema brought up
/// to date (under an advisory lock, so processes starting at once take turns), and the line
/// that says so.
fn open_team(
    env: &Env,
    lang: trekant_core::Lang,
) -> anyhow::Result<Option<(trekant_store::PgStore, String)>> {
    let Some(db) = env.db_flag().and_then(|path| path.to_str()) else {
        return Ok(None);
    };
    if !trekant_store::is_postgres_url(db) {
        return Ok(None);
    }
    let location = env.db_path()?;
    let pg = trekant_store::PgStore::connect(db.trim()).map_err(|e| {
        anyhow::anyhow!(t!(
            lang,
            "error-open-history",
            file = location.display(),
            error = super::store_error_text(&e, lang)
        ))
    })?;
    let said = t!(lang, "web-serve-team", db = location.display());
    Ok(Some((pg, said)))
}

/// The history store: `--db` (created if need be: the user asked for it), else the default
/// database when it exists — serving never creates one just by starting. With it, the line
/// that says which one (printed once the server listens).
fn open_history(
    env: &Env,
    lang: trekant_core::Lang,
) -> anyhow::Result<(Option<Box<dyn trekant_store::Store>>, String)> {
    let path = match (env.db_flag(), env.db_path()) {
        (Some(_), path) => path?,
        (None, Ok(path)) if path.is_file() => path,
        (None, path) => {
            let db = path.map_or_else(
                |_| "$XDG_DATA_HOME/trekant/history.db".to_owned(),
                |p| p.display().to_string(),
            );
            return Ok((None, t!(lang, "web-serve-no-history", db = db)));
        }
    };
    let store = env.open_store()?;
    let said = t!(lang, "web-serve-history", db = path.display().to_string());
    Ok((Some(store), said))
}

/// Opens the app in the user's browser with the system's opener (`xdg-open` on Linux and
/// BSD, `open` on macOS); without one, says to open the address by hand.
fn open_browser(url: &str, lang: trekant_core::Lang) {
    for opener in ["xdg-open", "open"] {
        let spawned = Command::new(opener)
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if let Ok(mut child) = spawned {
            // Reaped in the background: the opener may outlive a slow browser start.
            std::thread::spawn(move || child.wait());
            return;
        }
    }
    note(t!(lang, "web-serve-no-browser", url = url));
}
