//! `team_load`: the reliability load run of a team server (issue 14). N clients (default 16)
//! for S seconds (default 60), spread over a list of `trekant serve` processes, estimate,
//! price options, save their own brief (GET, then PUT it back changed with `If-Match`) and
//! log hours (each with a fresh `Idempotency-Key`). A refused connection, a reset, a timeout
//! or a 5xx is retried on the next server — the same key for a log; a save whose answer was
//! lost and whose retry meets a 412 is re-read, and counts as saved when the text is ours.
//! Every acknowledged save and log goes into a journal; afterwards the run checks that each
//! acknowledged save is in its brief (and, where the server keeps versions, in exactly one
//! version) and writes the acknowledged logs' keys for the SQL check of
//! `scripts/team-reliability.sh`. Before the load, two people save one brief at once a number
//! of times: one must win, the other get 412 with the winner's version.
//!
//! `team_load session --db URL --email E` (password on stdin) makes a bearer token straight
//! in the database, as a login does, for servers without `POST /api/login`.

mod http;
mod stats;

use std::io::{BufRead, Write as _};
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use clap::{Args, Parser, Subcommand};
use serde_json::{Value, json};

use http::{Answer, Failure};
use stats::{Kind, Stats};

#[derive(Parser)]
#[command(about = "The reliability load run of trekant's team server")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the load against one or more servers.
    Run(RunArgs),
    /// Make a session token in the database for a person (password on stdin); prints it.
    Session(SessionArgs),
}

#[derive(Args, Clone)]
struct RunArgs {
    /// A server, `http://127.0.0.1:PORT` (repeat for each; clients are spread over them).
    #[arg(long = "server", required = true)]
    servers: Vec<String>,
    #[arg(long, default_value_t = 16)]
    clients: usize,
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// A bearer token (repeat for several people; client i uses token i mod n). Without one,
    /// `--email` logs in, else the servers are taken to be in local mode.
    #[arg(long = "token")]
    tokens: Vec<String>,
    /// Log in with `POST /api/login` as this person (password on stdin).
    #[arg(long)]
    email: Option<String>,
    /// The brief every client starts its own copy from (and the project the hours go to).
    #[arg(long)]
    brief: PathBuf,
    /// The names of the run's briefs start with this.
    #[arg(long, default_value = "load")]
    prefix: String,
    /// The simulation's trials per estimate and options request.
    #[arg(long, default_value_t = 2000)]
    trials: usize,
    /// Seconds one attempt may take.
    #[arg(long, default_value_t = 10)]
    timeout: u64,
    /// Seconds an operation is retried before the client gives up on it.
    #[arg(long, default_value_t = 30)]
    give_up: u64,
    /// Rounds of two people saving one brief at once (before the load).
    #[arg(long, default_value_t = 20)]
    conflicts: usize,
    /// Every acknowledged save and log, one JSON object a line.
    #[arg(long)]
    journal: Option<PathBuf>,
    /// The acknowledged logs as `key<TAB>hours` lines, for an SQL check.
    #[arg(long)]
    logs_tsv: Option<PathBuf>,
    /// The report as JSON (also printed as a table).
    #[arg(long)]
    report: Option<PathBuf>,
}

#[derive(Args)]
struct SessionArgs {
    #[arg(long)]
    db: String,
    #[arg(long)]
    email: String,
    /// Hours the session lasts.
    #[arg(long, default_value_t = 4)]
    hours: u64,
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Run(args) => run(&args),
        Command::Session(args) => session(&args),
    }
}

#[allow(clippy::print_stdout)]
fn session(args: &SessionArgs) -> anyhow::Result<()> {
    let password = read_password()?;
    let pg = trekant_store::PgStore::connect(&args.db)?;
    let user = pg
        .verify_password(&args.email, &password)?
        .context("no such person, or the wrong password")?;
    let (token, _) = pg.create_session(user.id, Duration::from_secs(args.hours * 3600))?;
    println!("{token}");
    Ok(())
}

fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// What every client shares: the servers, their CSRF tokens (local mode), the people's
/// tokens, the project the hours go to and its items.
struct Shared {
    servers: Vec<SocketAddr>,
    csrf: Vec<Option<String>>,
    tokens: Vec<String>,
    project: String,
    items: Vec<String>,
    template: String,
    /// The entries on the project before the load (an earlier run's).
    baseline: u64,
    run_id: String,
    args: RunArgs,
    deadline: Instant,
}

/// An acknowledged write, as the journal keeps it.
#[derive(Clone, Debug)]
enum Acked {
    Save {
        brief: String,
        marker: String,
        etag: String,
    },
    Log {
        key: String,
        item: String,
        hours: f64,
    },
}

impl Acked {
    fn to_json(&self) -> Value {
        match self {
            Acked::Save {
                brief,
                marker,
                etag,
            } => json!({"kind": "save", "brief": brief, "marker": marker, "etag": etag}),
            Acked::Log { key, item, hours } => {
                json!({"kind": "log", "key": key, "item": item, "hours": hours})
            }
        }
    }
}

#[allow(clippy::print_stdout, clippy::print_stderr)]
fn run(args: &RunArgs) -> anyhow::Result<()> {
    let servers = args
        .servers
        .iter()
        .map(|s| address(s))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let template = std::fs::read_to_string(&args.brief)
        .with_context(|| format!("cannot read {}", args.brief.display()))?;
    let timeout = Duration::from_secs(args.timeout);
    let mut tokens = args.tokens.clone();
    if let Some(email) = &args.email {
        tokens.push(login(servers[0], email, &read_password()?, timeout)?);
    }
    let run_id = format!(
        "{:x}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_micros()
    );
    let mut shared = Shared {
        csrf: vec![None; servers.len()],
        servers,
        tokens,
        project: String::new(),
        items: Vec::new(),
        template,
        baseline: 0,
        run_id,
        args: args.clone(),
        deadline: Instant::now(),
    };
    // The local app wants its CSRF token on every write; a bearer token needs none.
    for server in 0..shared.servers.len() {
        let answer = shared.must_at(server, "GET", "/api/session")?;
        shared.csrf[server] = answer.json()["csrf"].as_str().map(str::to_owned);
    }
    setup(&mut shared)?;
    let conflicts = conflicts(&shared)?;
    eprintln!("two people saving one brief at once: {conflicts}");

    shared.deadline = Instant::now() + Duration::from_secs(args.seconds);
    let shared = Arc::new(shared);
    let started = Instant::now();
    let results: Vec<(Stats, Vec<Acked>, Option<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..args.clients)
            .map(|id| {
                let shared = Arc::clone(&shared);
                scope.spawn(move || Client::new(id, &shared).work())
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a client panicked"))
            .collect()
    });
    let elapsed = started.elapsed();
    let mut total = Stats::default();
    let mut journal = Vec::new();
    let mut unresolved = Vec::new();
    for (stats, acked, pending) in results {
        total.merge(stats);
        journal.extend(acked);
        unresolved.push(pending);
    }
    let verified = verify(&shared, &journal, &unresolved, total.logs_unresolved);
    let mut report = total.report(elapsed);
    report["clients"] = json!(args.clients);
    report["servers"] = json!(args.servers);
    report["conflicts"] = conflicts;
    report["verify"] = verified;
    if let Some(path) = &args.journal {
        let lines: String = journal
            .iter()
            .map(|a| format!("{}\n", a.to_json()))
            .collect();
        std::fs::write(path, lines)?;
    }
    if let Some(path) = &args.logs_tsv {
        let lines: String = journal
            .iter()
            .filter_map(|a| match a {
                Acked::Log { key, hours, .. } => Some(format!("{key}\t{hours}\n")),
                Acked::Save { .. } => None,
            })
            .collect();
        std::fs::write(path, lines)?;
    }
    if let Some(path) = &args.report {
        std::fs::write(path, serde_json::to_string_pretty(&report)? + "\n")?;
    }
    print!("{}", stats::table(&report));
    println!("saves: {}", report["saves"]);
    println!("logs: {}", report["logs"]);
    println!("conflicts: {}", report["conflicts"]);
    println!("verify: {}", report["verify"]);
    std::io::stdout().flush()?;
    if report["verify"]["ok"] != json!(true) || report["conflicts"]["ok"] != json!(true) {
        bail!("the run lost or doubled something: see verify and conflicts above");
    }
    Ok(())
}

/// `http://127.0.0.1:8001/` or `127.0.0.1:8001`.
fn address(server: &str) -> anyhow::Result<SocketAddr> {
    let bare = server.trim_start_matches("http://").trim_end_matches('/');
    bare.to_socket_addrs()
        .with_context(|| format!("`{server}` is not an address: write http://127.0.0.1:PORT"))?
        .next()
        .with_context(|| format!("`{server}` names no address"))
}

fn login(
    server: SocketAddr,
    email: &str,
    password: &str,
    timeout: Duration,
) -> anyhow::Result<String> {
    let body = json!({"email": email, "password": password}).to_string();
    let answer = http::send(
        server,
        "POST",
        "/api/login",
        &[("content-type", "application/json")],
        body.as_bytes(),
        timeout,
    )
    .map_err(|f| anyhow::anyhow!("POST /api/login: {}", f.name()))?;
    if answer.status != 200 {
        bail!(
            "POST /api/login answered {}: {}",
            answer.status,
            answer.text()
        );
    }
    answer.json()["token"]
        .as_str()
        .map(str::to_owned)
        .context("POST /api/login gave no token")
}

/// A path segment, percent-encoded.
fn segment(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl Shared {
    fn brief(&self, client: usize) -> String {
        format!("{}-{client}.toml", self.args.prefix)
    }

    /// One attempt at `server` as person `who`.
    fn send(
        &self,
        server: usize,
        who: usize,
        method: &str,
        path: &str,
        extra: &[(&str, &str)],
        body: &[u8],
    ) -> Result<Answer, Failure> {
        let bearer = self
            .tokens
            .get(who % self.tokens.len().max(1))
            .map(|t| format!("Bearer {t}"));
        let mut headers: Vec<(&str, &str)> = vec![("content-type", "application/json")];
        if let Some(bearer) = &bearer {
            headers.push(("authorization", bearer));
        }
        if let Some(csrf) = &self.csrf[server] {
            headers.push(("x-trekant-csrf", csrf));
        }
        headers.extend_from_slice(extra);
        http::send(
            self.servers[server],
            method,
            path,
            &headers,
            body,
            Duration::from_secs(self.args.timeout),
        )
    }

    /// A GET that must succeed on this server.
    fn must_at(&self, server: usize, method: &str, path: &str) -> anyhow::Result<Answer> {
        let at = self.servers[server];
        match self.send(server, 0, method, path, &[], b"") {
            Ok(a) if a.status == 200 => Ok(a),
            Ok(a) => bail!("{at}: {method} {path} answered {}: {}", a.status, a.text()),
            Err(f) => bail!("{at}: {method} {path}: {}", f.name()),
        }
    }

    /// A setup request that must succeed (on any server).
    fn must(&self, method: &str, path: &str, body: &[u8], ok: &[u16]) -> anyhow::Result<Answer> {
        let mut last = String::new();
        for server in 0..self.servers.len() {
            match self.send(server, 0, method, path, &[], body) {
                Ok(a) if ok.contains(&a.status) => return Ok(a),
                Ok(a) => last = format!("{} {}", a.status, a.text()),
                Err(f) => last = f.name().to_owned(),
            }
        }
        bail!("{method} {path}: {last}")
    }
}

/// The run's briefs (each client's own, a shared one for the conflicts, the project's),
/// and the tracked project the hours go to: the project brief accepted.
fn setup(shared: &mut Shared) -> anyhow::Result<()> {
    let names: Vec<String> = (0..shared.args.clients)
        .map(|i| shared.brief(i))
        .chain([
            format!("{}-shared.toml", shared.args.prefix),
            format!("{}-project.toml", shared.args.prefix),
        ])
        .collect();
    for name in &names {
        let body = json!({"name": name, "toml": shared.template}).to_string();
        shared.must("POST", "/api/briefs", body.as_bytes(), &[201, 409])?;
    }
    let accept = format!("/api/briefs/{}/accept", segment(&names[names.len() - 1]));
    shared.must(
        "POST",
        &accept,
        json!({"trials": 2000}).to_string().as_bytes(),
        &[201, 409],
    )?;
    let history = shared.must("GET", "/api/history", b"", &[200])?.json();
    let project = history["projects"][0]["project"]
        .as_str()
        .context("the accepted project brief is not tracked")?
        .to_owned();
    let status = shared
        .must(
            "GET",
            &format!("/api/history/{}", segment(&project)),
            b"",
            &[200],
        )?
        .json();
    shared.items = status["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["item"].as_str().map(str::to_owned))
        .collect();
    if shared.items.is_empty() {
        bail!("the project {project} has no items to log hours to");
    }
    shared.baseline = entries(&status);
    shared.project = project;
    Ok(())
}

/// Two people (the first two tokens) save the shared brief at once, from the same version,
/// each on another server: one must win and the other get 412 with the winner's version.
fn conflicts(shared: &Shared) -> anyhow::Result<Value> {
    let name = format!("{}-shared.toml", shared.args.prefix);
    let path = format!("/api/briefs/{}", segment(&name));
    let (mut one_won, mut both_won, mut none_won, mut wrong_version) = (0, 0, 0, 0);
    for round in 0..shared.args.conflicts {
        let current = shared.must("GET", &path, b"", &[200])?.json();
        let etag = current["etag"].as_str().unwrap_or("").to_owned();
        let toml = current["toml"].as_str().unwrap_or("").to_owned();
        let barrier = Barrier::new(2);
        let answers: Vec<Option<Answer>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..2)
                .map(|who| {
                    let (barrier, etag, toml, path) = (&barrier, &etag, &toml, &path);
                    scope.spawn(move || {
                        let text = with_marker(toml, &format!("conflict {round} person {who}"));
                        barrier.wait();
                        shared
                            .send(
                                who % shared.servers.len(),
                                who,
                                "PUT",
                                path,
                                &[("if-match", etag)],
                                text.as_bytes(),
                            )
                            .ok()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or(None))
                .collect()
        });
        let codes: Vec<u16> = answers
            .iter()
            .map(|a| a.as_ref().map_or(0, |a| a.status))
            .collect();
        match (codes[0], codes[1]) {
            (200, 412) | (412, 200) => {
                one_won += 1;
                let (won, lost) = if codes[0] == 200 { (0, 1) } else { (1, 0) };
                let winner = answers[won].as_ref().map(|a| a.json()["etag"].clone());
                let told = answers[lost].as_ref().map(|a| a.json()["etag"].clone());
                if winner != told {
                    wrong_version += 1;
                }
            }
            (200, 200) => both_won += 1,
            _ => none_won += 1,
        }
    }
    Ok(json!({
        "rounds": shared.args.conflicts,
        "one_won_other_412": one_won,
        "both_saved": both_won,
        "neither_saved": none_won,
        "412_without_the_winners_version": wrong_version,
        "ok": both_won == 0 && wrong_version == 0 && one_won == shared.args.conflicts,
    }))
}

/// The brief's text with the run's marker line (the last line, replaced each save).
fn with_marker(toml: &str, marker: &str) -> String {
    let kept: Vec<&str> = toml
        .lines()
        .filter(|line| !line.starts_with("# load-run "))
        .collect();
    format!("{}\n# load-run {marker}\n", kept.join("\n").trim_end())
}

/// One simulated person at a keyboard: a closed loop of operations on its home server,
/// moving to the next server when one fails.
struct Client<'a> {
    id: usize,
    shared: &'a Shared,
    server: usize,
    rng: u64,
    seq: u64,
    stats: Stats,
    acked: Vec<Acked>,
    /// A save that got no answer before the client gave up: its marker (it may or may not
    /// have been saved).
    pending: Option<String>,
}

/// An operation's outcome: the answer, and whether it took more than one attempt.
struct Done {
    answer: Answer,
    retried: bool,
}

impl<'a> Client<'a> {
    fn new(id: usize, shared: &'a Shared) -> Self {
        Client {
            id,
            shared,
            server: id % shared.servers.len(),
            rng: 0x9e37_79b9_7f4a_7c15 ^ (id as u64 + 1).wrapping_mul(0xbf58_476d_1ce4_e5b9),
            seq: 0,
            stats: Stats::default(),
            acked: Vec::new(),
            pending: None,
        }
    }

    fn next(&mut self, n: u64) -> u64 {
        // xorshift64*: deterministic per client, good enough to pick an operation.
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        self.rng.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }

    fn work(mut self) -> (Stats, Vec<Acked>, Option<String>) {
        while Instant::now() < self.shared.deadline {
            self.seq += 1;
            match self.next(11) {
                0..=2 => self.estimate(Kind::Estimate),
                3..=4 => self.estimate(Kind::Options),
                5..=7 => self.save(),
                _ => self.log(),
            }
        }
        (self.stats, self.acked, self.pending)
    }

    /// Sends until a non-5xx answer, moving to the next server after each failure, until the
    /// give-up time has passed. The latency is the operation's, retries included.
    fn call(
        &mut self,
        kind: Kind,
        method: &str,
        path: &str,
        extra: &[(&str, &str)],
        body: &[u8],
    ) -> Option<Done> {
        let started = Instant::now();
        let give_up = started + Duration::from_secs(self.shared.args.give_up);
        let mut pause = Duration::from_millis(50);
        let mut attempts = 0;
        loop {
            attempts += 1;
            self.stats.attempts += 1;
            let cause = match self.shared.send(self.server, 0, method, path, extra, body) {
                Ok(answer) if answer.status < 500 => {
                    self.stats
                        .latencies
                        .entry(kind)
                        .or_default()
                        .push(started.elapsed());
                    if attempts > 1 {
                        self.stats.retried_operations += 1;
                    }
                    return Some(Done {
                        answer,
                        retried: attempts > 1,
                    });
                }
                Ok(answer) => format!("http-{}", answer.status),
                Err(failure) => failure.name().to_owned(),
            };
            *self.stats.errors.entry(cause).or_default() += 1;
            self.server = (self.server + 1) % self.shared.servers.len();
            if Instant::now() + pause > give_up {
                *self.stats.gave_up.entry(kind).or_default() += 1;
                return None;
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_secs(1));
        }
    }

    fn unexpected(&mut self, kind: Kind, answer: &Answer) {
        *self
            .stats
            .unexpected
            .entry(format!("{}-{}", kind.name(), answer.status))
            .or_default() += 1;
    }

    fn estimate(&mut self, kind: Kind) {
        let path = format!(
            "/api/briefs/{}/{}",
            segment(&self.shared.brief(self.id)),
            kind.name()
        );
        let body = json!({"trials": self.shared.args.trials, "seed": self.seq}).to_string();
        if let Some(done) = self.call(kind, "POST", &path, &[], body.as_bytes())
            && done.answer.status != 200
        {
            self.unexpected(kind, &done.answer);
        }
    }

    /// GET the client's own brief, PUT it back with a new marker line under `If-Match`.
    fn save(&mut self) {
        let brief = self.shared.brief(self.id);
        let path = format!("/api/briefs/{}", segment(&brief));
        let Some(current) = self.call(Kind::Save, "GET", &path, &[], b"") else {
            return;
        };
        if current.answer.status != 200 {
            return self.unexpected(Kind::Save, &current.answer);
        }
        let current = current.answer.json();
        let etag = current["etag"].as_str().unwrap_or("").to_owned();
        let marker = format!(
            "{} client {} save {}",
            self.shared.run_id, self.id, self.seq
        );
        let text = with_marker(current["toml"].as_str().unwrap_or(""), &marker);
        let Some(done) = self.call(
            Kind::Save,
            "PUT",
            &path,
            &[("if-match", &etag)],
            text.as_bytes(),
        ) else {
            self.pending = Some(marker);
            return;
        };
        let saved_etag = match done.answer.status {
            200 => done.answer.json()["etag"].as_str().map(str::to_owned),
            // The answer to an earlier attempt was lost: saved if the brief is now ours.
            412 if done.retried => self.reread(&path, &marker),
            _ => None,
        };
        match saved_etag {
            Some(etag) => {
                if done.answer.status == 412 {
                    self.stats.saves_recovered += 1;
                }
                self.stats.saves_acknowledged += 1;
                self.pending = None;
                self.acked.push(Acked::Save {
                    brief,
                    marker,
                    etag,
                });
            }
            None => self.unexpected(Kind::Save, &done.answer),
        }
    }

    /// The brief's etag if its text carries `marker`.
    fn reread(&mut self, path: &str, marker: &str) -> Option<String> {
        let done = self.call(Kind::Save, "GET", path, &[], b"")?;
        let now = done.answer.json();
        now["toml"]
            .as_str()
            .is_some_and(|t| t.contains(marker))
            .then(|| now["etag"].as_str().unwrap_or("").to_owned())
    }

    /// Hours on one of the project's items, under a key of its own (the same on retries).
    fn log(&mut self) {
        let key = format!("{}-{}-{}", self.shared.run_id, self.id, self.seq);
        let item = self.shared.items[self.next(self.shared.items.len() as u64) as usize].clone();
        let hours = 0.25 * (1 + self.next(8)) as f64;
        let path = format!("/api/history/{}/log", segment(&self.shared.project));
        let body = json!({"item": item, "hours": hours, "note": "load run"}).to_string();
        let Some(done) = self.call(
            Kind::Log,
            "POST",
            &path,
            &[("idempotency-key", &key)],
            body.as_bytes(),
        ) else {
            self.stats.logs_unresolved += 1;
            return;
        };
        if done.answer.status != 201 {
            return self.unexpected(Kind::Log, &done.answer);
        }
        if done.answer.header("idempotent-replayed") == Some("true") {
            self.stats.logs_replayed += 1;
        }
        self.stats.logs_acknowledged += 1;
        self.acked.push(Acked::Log { key, item, hours });
    }
}

/// After the run: every client's brief carries its last acknowledged save (or a later save
/// whose answer never came); where the server keeps versions, every acknowledged save is
/// exactly one of them; and the hours the server shows add up to the acknowledged logs.
fn verify(shared: &Shared, journal: &[Acked], pending: &[Option<String>], maybe: u64) -> Value {
    let mut briefs_ok = 0;
    let mut briefs_wrong = Vec::new();
    let mut versions_checked = 0;
    let mut versions_wrong = 0;
    let mut versions_available = true;
    for (client, pending) in pending.iter().enumerate() {
        let brief = shared.brief(client);
        let path = format!("/api/briefs/{}", segment(&brief));
        let saves: Vec<(&String, &String)> = journal
            .iter()
            .filter_map(|a| match a {
                Acked::Save {
                    brief: b,
                    marker,
                    etag,
                } if *b == brief => Some((marker, etag)),
                _ => None,
            })
            .collect();
        let Ok(now) = shared.must("GET", &path, b"", &[200]) else {
            briefs_wrong.push(brief.clone());
            continue;
        };
        let text = now.json()["toml"].as_str().unwrap_or("").to_owned();
        let carries = |marker: &str| text.contains(&format!("# load-run {marker}\n"));
        let good = match saves.last() {
            Some((marker, _)) => carries(marker) || pending.as_deref().is_some_and(carries),
            None => !text.contains("# load-run ") || pending.as_deref().is_some_and(carries),
        };
        if good {
            briefs_ok += 1;
        } else {
            briefs_wrong.push(brief.clone());
        }
        match shared.must("GET", &format!("{path}/versions"), b"", &[200]) {
            Ok(answer) => {
                let versions = answer.json();
                let etags: Vec<&str> = versions
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v["etag"].as_str())
                    .collect();
                for (_, etag) in &saves {
                    versions_checked += 1;
                    if etags.iter().filter(|e| **e == etag.as_str()).count() != 1 {
                        versions_wrong += 1;
                    }
                }
            }
            Err(_) => versions_available = false,
        }
    }
    let (logged, hours): (u64, f64) = journal
        .iter()
        .filter_map(|a| match a {
            Acked::Log { hours, .. } => Some(*hours),
            Acked::Save { .. } => None,
        })
        .fold((0, 0.0), |(n, sum), h| (n + 1, sum + h));
    // The entries the server counts on the project: each acknowledged log once, and perhaps
    // the ones given up on (their answer never came).
    let added = shared
        .must(
            "GET",
            &format!("/api/history/{}", segment(&shared.project)),
            b"",
            &[200],
        )
        .map(|a| entries(&a.json()).saturating_sub(shared.baseline))
        .unwrap_or(0);
    let logs_ok = added >= logged && added <= logged + maybe;
    json!({
        "briefs_with_their_last_save": briefs_ok,
        "briefs_without": briefs_wrong,
        "versions": if versions_available {
            json!({"acknowledged_saves_checked": versions_checked, "not_exactly_once": versions_wrong})
        } else {
            json!("GET /api/briefs/{name}/versions not served")
        },
        "logs_acknowledged": logged,
        "hours_acknowledged": hours,
        "entries_added_on_the_server": added,
        "logs_unresolved": maybe,
        "ok": briefs_wrong.is_empty() && versions_wrong == 0 && logs_ok,
    })
}

/// The number of time entries a project's status counts.
fn entries(status: &Value) -> u64 {
    status["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["entries"].as_u64())
        .sum()
}
