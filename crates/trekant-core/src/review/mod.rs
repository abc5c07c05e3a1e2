//! The review: parse a brief (or take free text), run every rule, return the findings.

pub mod json;
pub mod questions;
pub mod rules;
pub(crate) mod text;

#[cfg(test)]
mod one_simulation;

use jiff::civil::Date;

use crate::brief::{Brief, Profile, parse_brief};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::span::Span;
use rules::{Context, Text, TextKind};

/// The outcome of reviewing one file.
#[derive(Clone, Debug)]
pub struct Review {
    /// The language the messages and questions are in.
    pub lang: Lang,
    /// The brief as far as it could be read; `None` for free text and broken TOML.
    pub brief: Option<Brief>,
    /// Findings in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// The verdict on the client's budget and deadline, when the brief could be simulated.
    pub verdict: Option<crate::forecast::estimate::Verdict>,
}

impl Review {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Reviews a brief. `profile` fills `[me]` settings and `[terms]` the brief leaves out. Without a
/// `project.start`, the triangle is judged from today's date only in [`review_brief_at`].
pub fn review_brief(source: &str, lang: Option<Lang>, profile: Option<&Profile>) -> Review {
    review_brief_at(source, lang, profile, None)
}

/// Reviews a brief, taking `today` as the start when the brief gives none.
pub fn review_brief_at(
    source: &str,
    lang: Option<Lang>,
    profile: Option<&Profile>,
    today: Option<Date>,
) -> Review {
    read_brief(source, lang, profile).review(today)
}

/// A brief parsed and checked for the errors that make a simulation meaningless, waiting
/// for the simulation its triangle rules judge: the first half of a review.
///
/// A command that prices the brief anyway simulates it once, from [`Pending::simulable`],
/// and hands that simulation's estimate to [`Pending::finish`], so the review's triangle
/// findings and the offer's figures come from the same run.
pub struct Pending<'a> {
    source: &'a str,
    lang: Lang,
    /// `None` when the TOML itself is broken.
    brief: Option<Brief>,
    diagnostics: Vec<Diagnostic>,
    /// No error so far, and none from the rules that find errors.
    simulable: bool,
}

/// Parses a brief, fills in the profile and checks it for errors: see [`Pending`].
pub fn read_brief<'a>(
    source: &'a str,
    lang: Option<Lang>,
    profile: Option<&Profile>,
) -> Pending<'a> {
    let parsed = parse_brief(source, lang);
    let diagnostics = parsed.diagnostics;
    let syntax_failed = diagnostics.iter().any(|d| d.code == "syntax");
    if syntax_failed {
        return Pending {
            source,
            lang: parsed.lang,
            brief: None,
            diagnostics,
            simulable: false,
        };
    }
    let mut brief = parsed.brief;
    if let Some(profile) = profile {
        profile.fill(&mut brief.me, &mut brief.terms);
    }
    let sound = !diagnostics.iter().any(|d| d.severity == Severity::Error);
    let simulable = sound && {
        let mut early = Vec::new();
        let probe = Context::new(source, Some(&brief), parsed.lang, Vec::new());
        // Rule errors (an unordered estimate, a cycle) make the simulation meaningless.
        rules::check_errors(&probe, &mut early);
        early.is_empty()
    };
    Pending {
        source,
        lang: parsed.lang,
        brief: Some(brief),
        diagnostics,
        simulable,
    }
}

impl Pending<'_> {
    /// The brief, when it is sound enough to simulate.
    pub fn simulable(&self) -> Option<&Brief> {
        self.brief.as_ref().filter(|_| self.simulable)
    }

    /// The language the review speaks.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Runs every rule, the triangle rules on the review's own simulation (seeded by the
    /// brief, else a fixed seed, so a review says the same thing every time), taking `today`
    /// as the start when the brief gives none.
    pub fn review(self, today: Option<Date>) -> Review {
        let estimate = self
            .simulable()
            .and_then(|brief| triangle_estimate(brief, today));
        self.finish(estimate.as_ref())
    }

    /// Runs every rule; the triangle rules judge `estimate`, the simulation of the wanted
    /// scope at normal capacity (ignored unless the brief is simulable and has a rate and a
    /// budget or deadline to judge).
    pub fn finish(self, estimate: Option<&crate::forecast::estimate::Report>) -> Review {
        let Pending {
            source,
            lang,
            brief,
            mut diagnostics,
            simulable,
        } = self;
        let Some(brief) = brief else {
            return Review {
                lang,
                brief: None,
                diagnostics,
                verdict: None,
            };
        };
        let mut cx = Context::new(source, Some(&brief), lang, brief_texts(source, &brief));
        cx.estimate = estimate.filter(|_| simulable && judged(&brief));
        rules::check_all(&cx, &mut diagnostics);
        sort(&mut diagnostics);
        let verdict = cx.estimate.map(|e| e.verdict);
        Review {
            lang,
            brief: Some(brief),
            diagnostics,
            verdict,
        }
    }
}

/// Reviews free text (a client's e-mail, a Markdown request) for its wording alone.
pub fn review_text(source: &str, lang: Option<Lang>) -> Review {
    let lang = lang
        .or_else(|| crate::lang::detect::detect(source))
        .unwrap_or_default();
    let texts = vec![Text {
        kind: TextKind::Document,
        raw: source,
        offset: 0,
    }];
    let cx = Context::new(source, None, lang, texts);
    let mut diagnostics = Vec::new();
    rules::check_all(&cx, &mut diagnostics);
    sort(&mut diagnostics);
    Review {
        lang,
        brief: None,
        diagnostics,
        verdict: None,
    }
}

fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.severity, a.code).cmp(&(
            b.span.start,
            b.span.end,
            b.severity,
            b.code,
        ))
    });
}

/// The client-written texts of a brief, located in the source.
fn brief_texts<'a>(source: &'a str, brief: &Brief) -> Vec<Text<'a>> {
    let mut texts = Vec::new();
    let mut push = |kind, span: &Span| {
        if let Some((raw, offset)) = string_body(source, span) {
            texts.push(Text { kind, raw, offset });
        }
    };
    if let Some(text) = &brief.request.text {
        push(TextKind::Request, &text.span);
    }
    if let Some(purpose) = &brief.project.purpose {
        push(TextKind::Purpose, &purpose.span);
    }
    for criterion in brief.project.success.iter().flat_map(|s| &s.value) {
        push(TextKind::Success, &criterion.span);
    }
    for item in &brief.items {
        if let Some(title) = &item.title {
            push(TextKind::ItemTitle, &title.span);
        }
        if let Some(title) = item.alternative.as_ref().and_then(|a| a.title.as_ref()) {
            push(TextKind::ItemTitle, &title.span);
        }
    }
    texts
}

/// The inside of a TOML string literal at `span`: without its quotes, escapes left raw.
fn string_body<'a>(source: &'a str, span: &Span) -> Option<(&'a str, usize)> {
    let literal = source.get(span.clone())?;
    let quote = ["\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|q| literal.starts_with(q) && literal.ends_with(q) && literal.len() >= 2 * q.len())?;
    let body = &literal[quote.len()..literal.len() - quote.len()];
    Some((body, span.start + quote.len()))
}

/// Seed of the review's simulation when the brief sets none: a review must say the same
/// thing every time it is run on the same brief.
const REVIEW_SEED: u64 = 0x7265_7669_6577;

/// Whether the triangle rules have something to judge: a rate, items, and a budget or a
/// deadline.
fn judged(brief: &Brief) -> bool {
    let has_limit = brief.request.budget.is_some() || brief.request.deadline.is_some();
    brief.me.rate.is_some() && has_limit && !brief.items.is_empty()
}

/// The review's own simulation behind the triangle findings, when there is something to
/// judge (for the commands that do not price the brief themselves).
fn triangle_estimate(
    brief: &Brief,
    today: Option<Date>,
) -> Option<crate::forecast::estimate::Report> {
    if !judged(brief) {
        return None;
    }
    let today = brief.project.start.as_ref().map(|s| s.value).or(today)?;
    let settings = crate::forecast::estimate::Settings {
        trials: brief.model.trials() as usize,
        seed: brief.model.seed.as_ref().map_or(REVIEW_SEED, |s| s.value),
        confidence: brief.me.confidence(),
        today,
        calibration: None,
    };
    crate::forecast::estimate::estimate(brief, &settings).ok()
}

/// Parses a profile file and checks its settings as a brief's `[me]` is checked
/// (`invalid-setting`): what the commands read before any brief.
pub fn review_profile(source: &str, lang: Lang) -> crate::brief::Profile {
    let mut profile = crate::brief::parse_profile(source, lang);
    rules::invalid_setting::check_me(&profile.me, lang, &mut profile.diagnostics);
    profile
}
