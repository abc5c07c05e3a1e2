//! `trekant change BRIEF --title … --estimate LOW,LIKELY,HIGH`: a client's new wish priced
//! against the triangle — added price and new finish date at the confidence, the new verdict —
//! written as a short change order, and recorded in the tracked project.

use std::io::Write;

use jiff::civil::Date;
use trekant_core::brief::{Estimate, Item, Priority};
use trekant_core::forecast::estimate::{self, Report, VerdictClass};
use trekant_core::format::{date, hours, money, percent};
use trekant_core::span::Spanned;
use trekant_core::{Brief, Lang};
use trekant_store::ChangeRequest;

use super::{Env, ExitStatus, brief_or_exit, settings};
use crate::args::ChangeArgs;

/// What the change does to the offer, at the confidence.
struct Priced {
    title: String,
    estimate: Estimate,
    confidence: f64,
    /// Price of the scope at the confidence without the change.
    price_before: f64,
    /// What the client pays for the change: the difference, never below its likely hours at
    /// the rate.
    added: f64,
    finish_before: Date,
    finish_after: Date,
    before: Report,
    after: Report,
    valid_until: Date,
}

pub fn run(args: &ChangeArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let estimate = parse_estimate(&args.estimate)?;
    if args.title.trim().is_empty() {
        anyhow::bail!("--title is empty: say what the client asks for");
    }
    let html = match &args.output {
        None => false,
        Some(path) => match path.extension().and_then(|e| e.to_str()) {
            Some("md") => false,
            Some("html" | "htm") => true,
            _ => anyhow::bail!("{}: write the change order as .md or .html", path.display()),
        },
    };
    let (brief, lang) = brief_or_exit(&args.brief, args.lang.map(Into::into), env)?;
    let project = brief.project.name.as_ref().map(|n| n.value.clone());
    // Whether the brief's project is tracked decides where the change is recorded; check it
    // before anything is written, and never create a database just to look.
    let tracked = match &project {
        Some(name) if env.db_path()?.exists() => {
            env.open_store()?.open_projects()?.iter().any(|p| p == name)
        }
        _ => false,
    };
    if args.accept && !tracked {
        anyhow::bail!(
            "`{}` is not being tracked, so the accepted change has nowhere to go: start it with `trekant track start {}` (or leave out --accept)",
            project.as_deref().unwrap_or("(no name)"),
            args.brief.display()
        );
    }

    let settings = settings(&brief, &args.simulation, env)?;
    let with = with_change(&brief, &args.title, estimate, args.category.as_deref());
    let (before, after) = match (
        estimate::estimate(&brief, &settings),
        estimate::estimate(&with, &settings),
    ) {
        (Ok(before), Ok(after)) => (before, after),
        (Err(error), _) | (_, Err(error)) => {
            eprintln!("trekant: {}: {error}", args.brief.display());
            return Ok(ExitStatus::Findings);
        }
    };
    let rate = brief.me.rate.as_ref().map_or(0.0, |r| r.value);
    let c = settings.confidence;
    let price_before = at(&before.sorted_cost, c);
    let price_after = at(&after.sorted_cost, c);
    let valid_days = brief
        .terms
        .valid_days
        .as_ref()
        .map_or(trekant_core::brief::defaults::VALID_DAYS, |v| v.value);
    let priced = Priced {
        title: args.title.trim().to_string(),
        estimate,
        confidence: c,
        price_before,
        added: (price_after - price_before).max(estimate.likely * rate),
        finish_before: finish_at(&before, c),
        finish_after: finish_at(&after, c),
        before,
        after,
        valid_until: settings
            .today
            .checked_add(jiff::Span::new().days(i64::from(valid_days)))
            .unwrap_or(settings.today),
    };
    let document = if html {
        change_order_html(&priced, &brief, lang)
    } else {
        change_order_md(&priced, &brief, lang)
    };
    match &args.output {
        None => out.write_all(document.as_bytes())?,
        Some(path) => {
            crate::output::write_file(path, document.as_bytes(), &[&args.brief])?;
            super::note(format_args!("wrote {}", path.display()));
        }
    }

    if let (true, Some(name)) = (tracked, &project) {
        let change = ChangeRequest {
            title: priced.title.clone(),
            category: args.category.clone(),
            low: (!estimate.point).then_some(estimate.low),
            likely: estimate.likely,
            high: (!estimate.point).then_some(estimate.high),
            price: Some(priced.added.round()),
            accepted: args.accept,
            recorded: settings.today,
        };
        let item = env.open_store()?.record_change(name, &change)?;
        match item {
            Some(item) => eprintln!(
                "recorded as accepted in `{name}`: log its hours with `trekant track log {item} HOURS`"
            ),
            None => eprintln!(
                "recorded as proposed in `{name}`; once the client accepts, run this again with --accept"
            ),
        }
    }
    Ok(ExitStatus::Success)
}

/// `LOW,LIKELY,HIGH` or one number of hours.
fn parse_estimate(text: &str) -> anyhow::Result<Estimate> {
    let expected =
        "expected --estimate LOW,LIKELY,HIGH in hours (e.g. 4,6,10) or one number (e.g. 6)";
    let numbers: Result<Vec<f64>, _> = text.split(',').map(|p| p.trim().parse::<f64>()).collect();
    let Ok(numbers) = numbers else {
        anyhow::bail!("`{text}` is not an estimate: {expected}");
    };
    if numbers.iter().any(|n| !n.is_finite() || *n < 0.0) {
        anyhow::bail!("`{text}`: hours cannot be negative; {expected}");
    }
    let estimate = match numbers.as_slice() {
        [one] => Estimate::point(*one),
        [low, likely, high] => Estimate::three(*low, *likely, *high),
        _ => anyhow::bail!("`{text}` has {} number(s): {expected}", numbers.len()),
    };
    if estimate.likely <= 0.0 {
        anyhow::bail!("`{text}`: the likely hours must be more than 0; {expected}");
    }
    if !(estimate.low <= estimate.likely && estimate.likely <= estimate.high) {
        anyhow::bail!("`{text}` is out of order: LOW ≤ LIKELY ≤ HIGH; {expected}");
    }
    Ok(estimate)
}

/// The brief with the change as one more must-have item. It goes last, so every other item
/// and risk keeps its random stream: with the same seed the two runs differ only by the
/// change (common random numbers).
fn with_change(brief: &Brief, title: &str, estimate: Estimate, category: Option<&str>) -> Brief {
    let mut with = brief.clone();
    let mut id = "change".to_string();
    let mut n = 1;
    while brief.item(&id).is_some() {
        n += 1;
        id = format!("change-{n}");
    }
    let spanned = |v| Spanned::new(v, 0..0);
    with.items.push(Item {
        id: spanned(id),
        title: Some(spanned(title.to_string())),
        estimate: Spanned::new(estimate, 0..0),
        priority: Some(Spanned::new(Priority::Must, 0..0)),
        value: None,
        depends: Vec::new(),
        category: category.map(|c| spanned(c.to_string())),
        alternative: None,
        span: 0..0,
    });
    with
}

/// The empirical `q` quantile of sorted samples.
fn at(sorted: &[f64], q: f64) -> f64 {
    let i = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len().max(1)) - 1;
    sorted.get(i).copied().unwrap_or(0.0)
}

fn finish_at(report: &Report, q: f64) -> Date {
    let n = report.sorted_finish_days.len();
    let i = ((q * n as f64).ceil() as usize).clamp(1, n.max(1)) - 1;
    report
        .sorted_finish_days
        .get(i)
        .and_then(|&d| report.working_days.get(d as usize))
        .copied()
        .unwrap_or(report.start)
}

fn class_name(class: VerdictClass, lang: Lang) -> &'static str {
    match class {
        VerdictClass::Realistic => lang.pick("realistisk", "realistic"),
        VerdictClass::Tight => lang.pick("stramt", "tight"),
        VerdictClass::Unrealistic => lang.pick("urealistisk", "unrealistic"),
        VerdictClass::Unknown => lang.pick("uden budget og deadline", "no budget or deadline"),
    }
}

/// The change order's content as (heading, lines), shared by Markdown and HTML.
fn sections(p: &Priced, brief: &Brief, lang: Lang) -> (String, Vec<(String, Vec<String>)>) {
    let currency = brief.currency();
    let m = |v: f64| money(v, currency, lang);
    let d = |v: Date| date(v, lang);
    let h = |v: f64| hours(v, lang);
    let conf = percent(p.confidence, lang);
    let project = brief.project.name.as_ref().map_or("", |n| n.value.as_str());
    let heading = lang.pick(
        format!("Ændringsordre: {}", p.title),
        format!("Change order: {}", p.title),
    );
    let e = &p.estimate;
    let effort = if e.point {
        format!("{} {}", h(e.likely), lang.pick("timer", "hours"))
    } else {
        lang.pick(
            format!(
                "{}–{} timer, mest sandsynligt {}",
                h(e.low),
                h(e.high),
                h(e.likely)
            ),
            format!(
                "{}–{} hours, most likely {}",
                h(e.low),
                h(e.high),
                h(e.likely)
            ),
        )
    };
    let mut out = Vec::new();
    out.push((
        lang.pick("Hvad der tilføjes", "What is added").to_string(),
        vec![
            lang.pick(
                format!("{} (projekt: {project})", p.title),
                format!("{} (project: {project})", p.title),
            ),
            lang.pick(format!("Omfang: {effort}"), format!("Effort: {effort}")),
        ],
    ));
    out.push((
        lang.pick("Pris", "Price").to_string(),
        vec![
            lang.pick(
                format!("Tillæg: {} (med {conf} sikkerhed)", m(p.added)),
                format!("Added: {} (at {conf} confidence)", m(p.added)),
            ),
            lang.pick(
                format!(
                    "Samlet pris: {} før, {} med ændringen",
                    m(p.price_before),
                    m(p.price_before + p.added)
                ),
                format!(
                    "Total price: {} before, {} with the change",
                    m(p.price_before),
                    m(p.price_before + p.added)
                ),
            ),
        ],
    ));
    out.push((
        lang.pick("Levering", "Delivery").to_string(),
        vec![lang.pick(
            format!(
                "Ny leveringsdato: {} (før {})",
                d(p.finish_after),
                d(p.finish_before)
            ),
            format!(
                "New delivery date: {} (was {})",
                d(p.finish_after),
                d(p.finish_before)
            ),
        )],
    ));
    let mut effect = Vec::new();
    if let Some(budget) = &brief.request.budget {
        let (before, after) = (
            p.before.verdict.p_budget.unwrap_or(1.0),
            p.after.verdict.p_budget.unwrap_or(1.0),
        );
        effect.push(lang.pick(
            format!(
                "Budget {}: holder i {} af udfaldene (før {})",
                m(budget.value),
                percent(after, lang),
                percent(before, lang)
            ),
            format!(
                "Budget {}: holds in {} of outcomes (was {})",
                m(budget.value),
                percent(after, lang),
                percent(before, lang)
            ),
        ));
    }
    if let Some(deadline) = &brief.request.deadline {
        let (before, after) = (
            p.before.verdict.p_deadline.unwrap_or(1.0),
            p.after.verdict.p_deadline.unwrap_or(1.0),
        );
        effect.push(lang.pick(
            format!(
                "Deadline {}: holder i {} af udfaldene (før {})",
                d(deadline.value),
                percent(after, lang),
                percent(before, lang)
            ),
            format!(
                "Deadline {}: holds in {} of outcomes (was {})",
                d(deadline.value),
                percent(after, lang),
                percent(before, lang)
            ),
        ));
    }
    effect.push(lang.pick(
        format!(
            "Vurdering: {} (begge holder i {}), før {} ({})",
            class_name(p.after.verdict.class, lang),
            percent(p.after.verdict.p_both, lang),
            class_name(p.before.verdict.class, lang),
            percent(p.before.verdict.p_both, lang)
        ),
        format!(
            "Verdict: {} (both hold in {}), was {} ({})",
            class_name(p.after.verdict.class, lang),
            percent(p.after.verdict.p_both, lang),
            class_name(p.before.verdict.class, lang),
            percent(p.before.verdict.p_both, lang)
        ),
    ));
    out.push((
        lang.pick(
            "Virkning på budget og deadline",
            "Effect on budget and deadline",
        )
        .to_string(),
        effect,
    ));
    out.push((
        lang.pick("Gyldighed", "Validity").to_string(),
        vec![lang.pick(
            format!("Tilbuddet gælder til og med {}.", d(p.valid_until)),
            format!("This offer is valid until {}.", d(p.valid_until)),
        )],
    ));
    (heading, out)
}

fn change_order_md(p: &Priced, brief: &Brief, lang: Lang) -> String {
    let (heading, sections) = sections(p, brief, lang);
    let mut out = format!("# {heading}\n");
    for (title, lines) in sections {
        out.push_str(&format!("\n## {title}\n\n"));
        for line in lines {
            out.push_str(&format!("- {line}\n"));
        }
    }
    out
}

fn change_order_html(p: &Priced, brief: &Brief, lang: Lang) -> String {
    use trekant_core::document::svg::escape;
    let (heading, sections) = sections(p, brief, lang);
    let code = lang.pick("da", "en");
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{0}</title>\n</head>\n<body>\n<h1>{0}</h1>\n",
        escape(&heading)
    );
    for (title, lines) in sections {
        out.push_str(&format!("<h2>{}</h2>\n<ul>\n", escape(&title)));
        for line in lines {
            out.push_str(&format!("<li>{}</li>\n", escape(&line)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::parse_estimate;

    #[test]
    fn estimates_parse_as_three_numbers_or_one() {
        let e = parse_estimate("4, 6,10").unwrap();
        assert_eq!(e.values(), [4.0, 6.0, 10.0]);
        assert!(parse_estimate("6").unwrap().point);
        for bad in ["", "a,b,c", "1,2", "6,4,10", "0", "-1,2,3"] {
            assert!(parse_estimate(bad).is_err(), "{bad}");
        }
    }
}
