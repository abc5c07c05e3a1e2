//! `trekant accept BRIEF [--option KIND] [--date D]`: the client said yes. The option they
//! took is priced as the proposal prices it (firm, rounded, split over the items), recorded
//! in the store as the accepted offer (the price a change order is measured against), and
//! its scope is tracked as `track start` tracks a brief.

use std::io::Write;

use trekant_core::document::accept::{self, Refusal};
use trekant_core::forecast::options::{self, Offer};
use trekant_core::format::{date, money};
use trekant_core::t;
use trekant_store::Store as _;

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
    let recorded: Option<Vec<String>> = existed
        .then(|| store.offers())
        .transpose()?
        .map(|offers| offers.into_iter().map(|o| o.number).collect());
    let stem = args
        .brief
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = |o: &Offer| super::options::title(o.kind, lang);
    let accepted = match accept::accept(
        &brief,
        &all,
        args.option.into(),
        day,
        recorded.as_deref(),
        &stem,
    ) {
        Ok(accepted) => accepted,
        Err(Refusal::NoName) => anyhow::bail!(t!(lang, "track-no-name", file = file)),
        Err(Refusal::NoSuchOption) => anyhow::bail!(t!(
            lang,
            "accept-no-such-option",
            option = args.option.name()
        )),
        Err(Refusal::Unacceptable {
            chosen,
            empty,
            others,
        }) => {
            let good: Vec<String> = others
                .iter()
                .map(|k| format!("--option {}", accept::kind_name(*k)))
                .collect();
            anyhow::bail!(t!(
                lang,
                Refusal::message_id(empty),
                option = title(&chosen),
                confidence = trekant_core::format::percent(settings.confidence, lang),
                others = good.len(),
                feasible = good.join(", "),
            ));
        }
    };
    let (offer, priced, number) = (
        &accepted.chosen,
        &accepted.priced,
        accepted.offer.number.clone(),
    );
    store.record_offer(&accepted.offer)?;
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
    super::track::start(&mut store, &name, &accepted.items, day, lang, out)?;
    Ok(ExitStatus::Success)
}
