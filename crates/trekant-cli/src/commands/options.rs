//! `trekant options FILE`: the four counter-offers side by side.

use std::io::Write;

use trekant_core::forecast::options::{self, Kind, Offer, Options};
use trekant_core::format::{date, hours, money, percent};
use trekant_core::{Brief, Lang};

use super::{Env, ExitStatus, forecast};
use crate::args::{OptionsArgs, ReviewFormat};

pub fn run(args: &OptionsArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    // One simulation, for the review's triangle findings and the options alike.
    let forecasted = forecast(
        &args.file,
        crate::args::asked_lang(args.lang),
        env,
        &args.simulation,
        true,
        |brief, settings| check_memory(&args.file, brief, settings.trials),
    )?;
    let (brief, lang) = (&forecasted.sound.brief, forecasted.sound.lang);
    let Some(options) = forecasted.forecast.options else {
        anyhow::bail!("the options were not simulated");
    };
    match args.format {
        ReviewFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &options)?;
            writeln!(out)?;
        }
        ReviewFormat::Human => out.write_all(human(&options, brief, lang).as_bytes())?,
    }
    Ok(ExitStatus::Success)
}

/// Refuses before allocating what the machine cannot give: an allocation that fails aborts.
fn check_memory(file: &std::path::Path, brief: &Brief, trials: usize) -> anyhow::Result<()> {
    let needed = options::memory_needed(brief, trials);
    let (available, measured) = available_memory();
    if needed > available {
        let lang = crate::args::spoken_lang();
        let gb = |b: u64| trekant_core::format::decimal(b as f64 / 1e9, 1, lang);
        let source = if measured {
            trekant_core::t!(lang, "error-memory-available")
        } else {
            trekant_core::t!(lang, "error-memory-fallback")
        };
        anyhow::bail!(trekant_core::t!(
            lang,
            "error-options-memory",
            file = file.display().to_string(),
            needed = gb(needed),
            items = brief.items.len().to_string(),
            trials = trials.to_string(),
            available = gb(available),
            source = source,
        ));
    }
    Ok(())
}

/// When the system does not say how much memory is free: a ceiling that an ordinary
/// laptop gives one process.
const FALLBACK_MEMORY: u64 = 4_000_000_000;

/// The memory this process may use, and where that figure comes from: the kernel's
/// `MemAvailable` (lowered to the cgroup's limit when one is set), else [`FALLBACK_MEMORY`].
fn available_memory() -> (u64, bool) {
    let meminfo = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix("MemAvailable:"))
                .and_then(|rest| rest.trim().strip_suffix("kB"))
                .and_then(|kb| kb.trim().parse::<u64>().ok())
                .map(|kb| kb.saturating_mul(1024))
        });
    let cgroup = std::fs::read_to_string("/sys/fs/cgroup/memory.max")
        .ok()
        .and_then(|text| text.trim().parse::<u64>().ok());
    match (meminfo, cgroup) {
        (Some(free), Some(limit)) => (free.min(limit), true),
        (Some(free), None) => (free, true),
        (None, Some(limit)) => (limit, true),
        (None, None) => (FALLBACK_MEMORY, false),
    }
}

/// The option's name for people.
pub fn title(kind: Kind, lang: Lang) -> String {
    match kind {
        Kind::FullScopeByDeadline => {
            trekant_core::t!(lang, "options-title-a")
        }
        Kind::FullScopeNormalPace => trekant_core::t!(lang, "options-title-b"),
        Kind::FitBudgetAndDeadline => trekant_core::t!(lang, "options-title-c"),
        Kind::Recommended => trekant_core::t!(lang, "options-title-d"),
    }
}

fn human(options: &Options, brief: &Brief, lang: Lang) -> String {
    let currency = &options.currency;
    let label = |id: &str| {
        brief
            .item(id)
            .map_or(id.to_owned(), |i| i.label().to_owned())
    };
    let mut out = String::new();
    out.push_str(&trekant_core::t!(
        lang,
        "options-heading",
        confidence = percent(options.confidence, lang),
    ));
    out.push_str("\n\n");
    for (k, offer) in options.options.iter().enumerate() {
        out.push_str(&format!("{}\n", title(offer.kind, lang)));
        // Options often coincide (everything fits): say so rather than repeat them.
        if let Some(same) = options.options[..k].iter().find(|o| o.same_as(offer)) {
            let same = trekant_core::t!(lang, "options-same-as", option = letter(same.kind));
            out.push_str(&format!("   {same}\n\n"));
            continue;
        }
        if !offer.feasible {
            out.push_str(&infeasible(offer, brief, lang));
        } else {
            out.push_str(&format!(
                "   {}  ·  {} {}  ·  {} {}\n",
                money(offer.price, currency, lang),
                trekant_core::t!(lang, "options-ready"),
                date(offer.finish, lang),
                percent(offer.p_both, lang),
                trekant_core::t!(lang, "options-for-budget-and-deadline"),
            ));
            // Musts deferred so that the rest fits: say what the whole must-list needs.
            if !offer.deferred_must.is_empty() {
                out.push_str(&needs(offer, brief, lang));
            }
        }
        if offer.rush_hours > 0.0 {
            let rush = trekant_core::t!(
                lang,
                "options-rush",
                week = hours(offer.hours_per_week, lang),
                rush = hours(offer.rush_hours, lang),
            );
            out.push_str(&format!("   {rush}\n"));
        }
        let included: Vec<String> = offer
            .items
            .iter()
            .map(|id| {
                if offer.swapped.contains(id) {
                    let alt = brief
                        .item(id)
                        .and_then(|i| i.alternative.as_ref())
                        .and_then(|a| a.title.as_ref().map(|t| t.value.clone()))
                        .unwrap_or_else(|| {
                            trekant_core::t!(lang, "options-cheaper-way").to_owned()
                        });
                    trekant_core::t!(lang, "options-instead-of", alt = alt, item = label(id))
                } else {
                    label(id)
                }
            })
            .collect();
        let heads = (
            trekant_core::t!(lang, "options-includes"),
            trekant_core::t!(lang, "options-phase-2"),
        );
        let indent = heads.0.chars().count().max(heads.1.chars().count()) + 1;
        list(&mut out, &heads.0, indent, &included);
        if !offer.deferred.is_empty() {
            let mut deferred: Vec<String> = offer.deferred.iter().map(|id| label(id)).collect();
            deferred.push(format!("= {}", money(offer.phase2_price, currency, lang)));
            list(&mut out, &heads.1, indent, &deferred);
        }
        out.push('\n');
    }
    out
}

fn infeasible(offer: &Offer, brief: &Brief, lang: Lang) -> String {
    let not_possible = trekant_core::t!(
        lang,
        "options-not-possible",
        confidence = percent(brief.me.confidence(), lang),
        odds = percent(offer.p_both, lang),
    );
    format!("   {not_possible}\n{}", needs(offer, brief, lang))
}

/// What the must-haves alone need, as a line (empty when the offer names nothing).
fn needs(offer: &Offer, brief: &Brief, lang: Lang) -> String {
    let currency = brief.currency();
    let mut out = String::new();
    if offer.needs_budget.is_some() || offer.needs_deadline.is_some() {
        let mut needs = Vec::new();
        if let Some(b) = offer.needs_budget {
            needs.push(trekant_core::t!(
                lang,
                "options-needs-budget",
                budget = money(b, currency, lang)
            ));
        }
        if let Some(d) = offer.needs_deadline {
            needs.push(trekant_core::t!(
                lang,
                "options-needs-deadline",
                deadline = date(d, lang)
            ));
        }
        let needs = match needs.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                trekant_core::t!(
                    lang,
                    "options-needs-both",
                    first = rest.join(", "),
                    last = last
                )
            }
            _ => needs.join(""),
        };
        let must = trekant_core::t!(lang, "options-must-need", needs = needs);
        out.push_str(&format!("   {must}\n"));
    }
    out
}

/// The option's letter, as in its title.
fn letter(kind: Kind) -> &'static str {
    match kind {
        Kind::FullScopeByDeadline => "A",
        Kind::FullScopeNormalPace => "B",
        Kind::FitBudgetAndDeadline => "C",
        Kind::Recommended => "D",
    }
}

/// Writes `head:` and one entry per line, aligned.
fn list(out: &mut String, head: &str, indent: usize, entries: &[String]) {
    for (i, entry) in entries.iter().enumerate() {
        let lead = if i == 0 {
            format!("{head}:")
        } else {
            String::new()
        };
        out.push_str(&format!("   {lead:<width$} {entry}\n", width = indent));
    }
}
