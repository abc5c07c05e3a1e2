//! `trekant options FILE`: the four counter-offers side by side.

use std::io::Write;

use trekant_core::forecast::options::{self, Kind, Offer, Options};
use trekant_core::format::{date, hours, money, percent};
use trekant_core::{Brief, Lang};

use super::{Env, ExitStatus, brief_or_exit, settings};
use crate::args::{OptionsArgs, ReviewFormat};

pub fn run(args: &OptionsArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let (brief, lang) = brief_or_exit(&args.file, args.lang.map(Into::into), env)?;
    let settings = settings(&brief, &args.simulation, env)?;
    // Refuse before allocating what the machine cannot give: an allocation that fails aborts.
    let needed = options::memory_needed(&brief, settings.trials);
    let (available, source) = available_memory();
    if needed > available {
        let gb = |b: u64| b as f64 / 1e9;
        anyhow::bail!(
            "{}: the options need about {:.1} GB of memory for {} items at {} trials, more than the {:.1} GB {source}; lower --trials (the need grows with trials × items) or leave items out of the brief",
            args.file.display(),
            gb(needed),
            brief.items.len(),
            settings.trials,
            gb(available),
        );
    }
    let options = match options::options(&brief, &settings) {
        Ok(options) => options,
        Err(error) => {
            return Err(super::unpriceable(&args.file, error));
        }
    };
    match args.format {
        ReviewFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &options)?;
            writeln!(out)?;
        }
        ReviewFormat::Human => out.write_all(human(&options, &brief, lang).as_bytes())?,
    }
    Ok(ExitStatus::Success)
}

/// When the system does not say how much memory is free: a ceiling that an ordinary
/// laptop gives one process.
const FALLBACK_MEMORY: u64 = 4_000_000_000;

/// The memory this process may use, and where that figure comes from: the kernel's
/// `MemAvailable` (lowered to the cgroup's limit when one is set), else [`FALLBACK_MEMORY`].
fn available_memory() -> (u64, &'static str) {
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
        (Some(free), Some(limit)) => (free.min(limit), "available"),
        (Some(free), None) => (free, "available"),
        (None, Some(limit)) => (limit, "available"),
        (None, None) => (
            FALLBACK_MEMORY,
            "trekant allows when it cannot read the free memory",
        ),
    }
}

/// The option's name for people.
pub fn title(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::FullScopeByDeadline => {
            lang.pick("A) Det hele til deadline", "A) Everything by the deadline")
        }
        Kind::FullScopeNormalPace => lang.pick(
            "B) Det hele i normalt tempo",
            "B) Everything at normal pace",
        ),
        Kind::FitBudgetAndDeadline => lang.pick(
            "C) Det, der passer i budget og tid",
            "C) What fits budget and date",
        ),
        Kind::Recommended => lang.pick("D) Anbefalet", "D) Recommended"),
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
    out.push_str(&lang.pick(
        format!(
            "Muligheder ved {} sikkerhed\n\n",
            percent(options.confidence, lang)
        ),
        format!(
            "Options at {} confidence\n\n",
            percent(options.confidence, lang)
        ),
    ));
    for (k, offer) in options.options.iter().enumerate() {
        out.push_str(&format!("{}\n", title(offer.kind, lang)));
        // Options often coincide (everything fits): say so rather than repeat them.
        if let Some(same) = options.options[..k].iter().find(|o| same_offer(o, offer)) {
            out.push_str(&lang.pick(
                format!("   Samme som {}\n\n", letter(same.kind)),
                format!("   Same as {}\n\n", letter(same.kind)),
            ));
            continue;
        }
        if !offer.feasible {
            out.push_str(&infeasible(offer, brief, lang));
        } else {
            out.push_str(&format!(
                "   {}  ·  {} {}  ·  {} {}\n",
                money(offer.price, currency, lang),
                lang.pick("klar", "ready"),
                date(offer.finish, lang),
                percent(offer.p_both, lang),
                lang.pick("for budget og deadline", "for budget and deadline"),
            ));
        }
        if offer.rush_hours > 0.0 {
            out.push_str(&lang.pick(
                format!(
                    "   {} t/uge, heraf {} t med hastetillæg\n",
                    hours(offer.hours_per_week, lang),
                    hours(offer.rush_hours, lang)
                ),
                format!(
                    "   {} h/week, {} h of it at the rush surcharge\n",
                    hours(offer.hours_per_week, lang),
                    hours(offer.rush_hours, lang)
                ),
            ));
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
                            lang.pick("billigere løsning", "cheaper way").to_owned()
                        });
                    lang.pick(
                        format!("{alt} (i stedet for: {})", label(id)),
                        format!("{alt} (instead of: {})", label(id)),
                    )
                } else {
                    label(id)
                }
            })
            .collect();
        let heads = (lang.pick("Med", "Includes"), lang.pick("Fase 2", "Phase 2"));
        let indent = heads.0.chars().count().max(heads.1.chars().count()) + 1;
        list(&mut out, heads.0, indent, &included);
        if !offer.deferred.is_empty() {
            let mut deferred: Vec<String> = offer.deferred.iter().map(|id| label(id)).collect();
            deferred.push(format!("= {}", money(offer.phase2_price, currency, lang)));
            list(&mut out, heads.1, indent, &deferred);
        }
        out.push('\n');
    }
    out
}

fn infeasible(offer: &Offer, brief: &Brief, lang: Lang) -> String {
    let currency = brief.currency();
    let mut out = lang.pick(
        format!(
            "   Ikke muligt ved {} — højst {} for budget og deadline\n",
            percent(brief.me.confidence(), lang),
            percent(offer.p_both, lang)
        ),
        format!(
            "   Not possible at {} — at most {} for budget and deadline\n",
            percent(brief.me.confidence(), lang),
            percent(offer.p_both, lang)
        ),
    );
    if offer.needs_budget.is_some() || offer.needs_deadline.is_some() {
        let mut needs = Vec::new();
        if let Some(b) = offer.needs_budget {
            needs.push(lang.pick(
                format!("et budget på {}", money(b, currency, lang)),
                format!("a budget of {}", money(b, currency, lang)),
            ));
        }
        if let Some(d) = offer.needs_deadline {
            needs.push(lang.pick(
                format!("en deadline {}", date(d, lang)),
                format!("a deadline of {}", date(d, lang)),
            ));
        }
        out.push_str(&lang.pick(
            format!(
                "   Must-punkterne alene kræver {}\n",
                needs.join(lang.pick(" og ", " and "))
            ),
            format!("   The must-haves alone need {}\n", needs.join(" and ")),
        ));
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

fn same_offer(a: &Offer, b: &Offer) -> bool {
    a.feasible == b.feasible
        && a.items == b.items
        && a.swapped == b.swapped
        && a.price == b.price
        && a.finish == b.finish
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
