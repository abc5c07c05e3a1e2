//! `trekant change BRIEF --title … --estimate LOW,LIKELY,HIGH [--propose | --accept]`: a
//! client's new wish priced against the triangle and against the offer they accepted — the
//! accepted price, the change's firm price at the confidence (rounded like the offer), the
//! new total and delivery date — written as a change order to sign. A preview records
//! nothing; `--propose` records it in the tracked project as proposed, `--accept` as
//! accepted (it then becomes part of the tracked scope).

use std::io::Write;

use trekant_core::brief::Estimate;
use trekant_core::document::change_order::{self, Format};
use trekant_core::forecast::change::{Change, figures, price_change, scope_of};
use trekant_core::{Lang, t};
use trekant_store::{ChangeRequest, Store as _, TrackedItem};

use super::{Env, ExitStatus, brief_or_exit, settings};
use crate::args::ChangeArgs;

pub fn run(args: &ChangeArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let asked = crate::args::asked_lang(args.lang);
    let early = asked.unwrap_or_else(|| crate::args::output_lang(None));
    let estimate = parse_estimate(&args.estimate, early)?;
    if args.title.trim().is_empty() {
        anyhow::bail!(t!(early, "change-empty-title"));
    }
    let format = match &args.output {
        None => Format::Markdown,
        Some(path) => match path.extension().and_then(|e| e.to_str()) {
            Some("md") => Format::Markdown,
            Some("html" | "htm") => Format::Html,
            Some("typ") => Format::Typst,
            _ => anyhow::bail!(t!(
                early,
                "change-output-format",
                file = path.display().to_string()
            )),
        },
    };
    let (brief, lang) = brief_or_exit(&args.brief, asked, env)?;
    let project = brief.project.name.as_ref().map(|n| n.value.clone());
    let records = args.propose || args.accept;
    // The tracked project and its accepted offer, read without ever creating a database
    // just to look.
    let store = match &project {
        Some(_) if env.db_path()?.exists() => Some(env.open_store()?),
        _ => None,
    };
    let tracked: Option<Vec<TrackedItem>> = match (&store, &project) {
        (Some(store), Some(name)) if store.open_projects()?.iter().any(|p| p == name) => Some(
            store
                .track_status(name)?
                .items
                .into_iter()
                .map(|i| TrackedItem {
                    item: i.item,
                    title: i.title,
                    category: i.category,
                    low: i.low,
                    likely: i.likely,
                    high: i.high,
                })
                .collect(),
        ),
        _ => None,
    };
    if records && tracked.is_none() {
        anyhow::bail!(t!(
            lang,
            "change-not-tracked",
            project = project.as_deref().unwrap_or("?"),
            brief = args.brief.display().to_string(),
        ));
    }
    let accepted = match (&store, &project) {
        (Some(store), Some(name)) => store.offers()?.into_iter().rfind(|o| o.brief == *name),
        _ => None,
    };

    let settings = settings(&brief, &args.simulation, env)?;
    let change = Change {
        title: args.title.trim().to_string(),
        estimate,
        category: args.category.clone(),
    };
    // Priced against what was sold (the tracked scope), not the whole wish.
    let scope = tracked.as_ref().map(|items| scope_of(&brief, items));
    let priced = match price_change(scope.as_ref().unwrap_or(&brief), &change, &settings) {
        Ok(priced) => priced,
        Err(error) => return Err(super::unpriceable(&args.brief, &error, lang)),
    };
    let figures = figures(&priced, &brief, accepted.as_ref());
    let document = change_order::render(&priced, &figures, &brief, lang, settings.today, format)?;
    match &args.output {
        None => out.write_all(document.as_bytes())?,
        Some(path) => {
            crate::output::write_file(path, document.as_bytes(), &[&args.brief])?;
            super::note(t!(lang, "wrote", file = path.display().to_string()));
        }
    }

    let (Some(mut store), Some(name), true) = (store, project, records) else {
        super::note(t!(lang, "change-preview"));
        return Ok(ExitStatus::Success);
    };
    let request = ChangeRequest {
        title: priced.title.clone(),
        category: args.category.clone(),
        low: (!estimate.point).then_some(estimate.low),
        likely: estimate.likely,
        high: (!estimate.point).then_some(estimate.high),
        price: Some(figures.change.headline(figures.customer) as f64),
        accepted: args.accept,
        recorded: settings.today,
    };
    match store.record_change(&name, &request)? {
        Some(item) => super::note(t!(
            lang,
            "change-recorded-accepted",
            project = name.as_str(),
            item = item
        )),
        None => super::note(t!(
            lang,
            "change-recorded-proposed",
            project = name.as_str()
        )),
    }
    Ok(ExitStatus::Success)
}
/// `LOW,LIKELY,HIGH` or one number of hours.
fn parse_estimate(text: &str, lang: Lang) -> anyhow::Result<Estimate> {
    let expected = t!(lang, "change-estimate-expected");
    let numbers: Result<Vec<f64>, _> = text.split(',').map(|p| p.trim().parse::<f64>()).collect();
    let Ok(numbers) = numbers else {
        anyhow::bail!(t!(
            lang,
            "change-estimate-not-numbers",
            text = text,
            expected = expected
        ));
    };
    let estimate = match numbers.as_slice() {
        [one] => Estimate::point(*one),
        [low, likely, high] => Estimate::three(*low, *likely, *high),
        _ => anyhow::bail!(t!(
            lang,
            "change-estimate-count",
            text = text,
            count = numbers.len(),
            count_text = numbers.len().to_string(),
            expected = expected
        )),
    };
    // The one rule for what an estimate may be, as `review` applies it to a brief's items.
    if let Some(problem) = trekant_core::review::rules::estimate_range::problem(&estimate, true) {
        anyhow::bail!(t!(
            lang,
            "change-estimate-problem",
            text = text,
            problem = problem.render(lang),
            expected = expected
        ));
    }
    if !(estimate.low <= estimate.likely && estimate.likely <= estimate.high) {
        anyhow::bail!(t!(
            lang,
            "change-estimate-order",
            text = text,
            expected = expected
        ));
    }
    Ok(estimate)
}

#[cfg(test)]
mod tests {
    use super::parse_estimate;
    use trekant_core::Lang;

    #[test]
    fn estimates_parse_as_three_numbers_or_one() {
        let e = parse_estimate("4, 6,10", Lang::En).unwrap();
        assert_eq!(e.values(), [4.0, 6.0, 10.0]);
        assert!(parse_estimate("6", Lang::En).unwrap().point);
        for bad in [
            "",
            "a,b,c",
            "1,2",
            "6,4,10",
            "0",
            "-1,2,3",
            "1e308",
            "1,2,1e308",
            "inf",
            "NaN",
        ] {
            assert!(parse_estimate(bad, Lang::En).is_err(), "{bad}");
        }
    }
}
