//! `trekant accept BRIEF [--option KIND] [--date D]`: the client said yes. The option they
//! took is priced as the proposal prices it (firm, rounded, split over the items), recorded
//! in the store as the accepted offer (the price a change order is measured against), and
//! its scope is tracked as `track start` tracks a brief.

use std::io::Write;

use trekant_core::brief::Brief;
use trekant_core::document::proposal;
use trekant_core::forecast::options::{self, Offer};
use trekant_core::forecast::price;
use trekant_core::format::{date, money};
use trekant_core::t;
use trekant_store::{AcceptedOffer, OfferItem, Store as _, TrackedItem};

use super::{Env, ExitStatus, settings, sound_brief};
use crate::args::AcceptArgs;

pub fn run(args: &AcceptArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let asked = crate::args::asked_lang(args.lang);
    let day = super::track::day_or_today(
        args.date.as_deref(),
        asked.unwrap_or_else(|| crate::args::output_lang(None)),
    )?;
    let sound = sound_brief(&args.brief, asked, env)?;
    let (brief, lang) = (sound.brief, sound.lang);
    let file = args.brief.display().to_string();
    let Some(name) = brief.project.name.as_ref().map(|n| n.value.clone()) else {
        anyhow::bail!(t!(lang, "track-no-name", file = file));
    };
    // Accepting writes to the store: open (and create) it first, so the settings can read
    // the calibration from it. Whether it existed decides the offer's number, as it did for
    // the proposal the client accepted.
    let existed = env.db_path()?.is_file();
    let mut store = env.open_store()?;
    if store.open_projects()?.contains(&name) {
        anyhow::bail!(t!(lang, "track-already-tracked", project = name.as_str()));
    }
    let mut settings = settings(&brief, &args.simulation, env)?;
    settings.today = day;
    let all = match options::options(&brief, &settings) {
        Ok(all) => all,
        Err(error) => return Err(super::unpriceable(&args.brief, &error, lang)),
    };
    let kind = args.option.into();
    let title = |o: &Offer| super::options::title(o.kind, lang);
    let Some(offer) = all.options.iter().find(|o| o.kind == kind) else {
        anyhow::bail!(t!(
            lang,
            "accept-no-such-option",
            option = args.option.name()
        ));
    };
    if !offer.feasible || offer.items.is_empty() {
        let good: Vec<String> = all
            .options
            .iter()
            .filter(|o| o.feasible && !o.items.is_empty())
            .map(|o| {
                let kind = serde_json::to_value(o.kind).unwrap_or_default();
                format!("--option {}", kind.as_str().unwrap_or(""))
            })
            .collect();
        let id = if offer.items.is_empty() {
            "accept-empty"
        } else {
            "accept-infeasible"
        };
        anyhow::bail!(t!(
            lang,
            id,
            option = title(offer),
            confidence = trekant_core::format::percent(settings.confidence, lang),
            others = good.len(),
            feasible = good.join(", "),
        ));
    }

    let start = brief
        .project
        .start
        .as_ref()
        .map_or(day, |s| s.value.max(day));
    let priced = price::price(&brief, offer, start);
    let recorded: Option<Vec<String>> = existed
        .then(|| store.offers())
        .transpose()?
        .map(|offers| offers.into_iter().map(|o| o.number).collect());
    let stem = args
        .brief
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let number = proposal::offer_number(day.year(), recorded.as_deref(), &stem);
    let accepted = AcceptedOffer {
        number: number.clone(),
        brief: name.clone(),
        option: args.option.name().to_string(),
        items: priced
            .items
            .iter()
            .map(|i| OfferItem {
                item: i.id.clone(),
                price: i.amount as f64,
            })
            .collect(),
        total: priced.headline as f64,
        delivery: offer.finish,
        accepted: day,
    };
    let items = tracked_items(&brief, offer);
    store.record_offer(&accepted)?;
    let currency = brief.currency();
    let basis = if priced.customer == trekant_core::brief::Customer::Consumer {
        t!(lang, "accept-incl-vat")
    } else {
        t!(lang, "accept-ex-vat")
    };
    writeln!(
        out,
        "{}",
        t!(
            lang,
            "accept-recorded",
            number = number.as_str(),
            project = name.as_str(),
            option = title(offer),
            total = money(priced.headline as f64, currency, lang),
            basis = basis,
            delivery = date(offer.finish, lang),
        )
    )?;
    for item in &priced.items {
        writeln!(
            out,
            "  {:<20} {:>14}",
            item.id,
            money(item.amount as f64, currency, lang)
        )?;
    }
    super::track::start(&mut store, &name, &items, day, lang, out)?;
    Ok(ExitStatus::Success)
}

/// The offer's items as tracked: each with the estimate of the form delivered (its cheaper
/// alternative where the offer swapped it in).
fn tracked_items(brief: &Brief, offer: &Offer) -> Vec<TrackedItem> {
    offer
        .items
        .iter()
        .filter_map(|id| {
            let item = brief.item(id)?;
            let mut tracked = TrackedItem::from_brief_item(item);
            if offer.swapped.contains(id)
                && let Some(alt) = &item.alternative
            {
                let e = alt.estimate.value;
                (tracked.low, tracked.likely, tracked.high) = if e.point {
                    (None, e.likely, None)
                } else {
                    (Some(e.low), e.likely, Some(e.high))
                };
                if let Some(title) = &alt.title {
                    tracked.title = Some(title.value.clone());
                }
            }
            Some(tracked)
        })
        .collect()
}
