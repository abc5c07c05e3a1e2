//! `trekant change BRIEF --title … --estimate LOW,LIKELY,HIGH`: a client's new wish priced
//! against the triangle — added price and new finish date at the confidence, the new verdict —
//! written as a short change order, and recorded in the tracked project.

use std::io::Write;

use trekant_core::brief::Estimate;
use trekant_core::document::change_order::{self, Format};
use trekant_core::forecast::change::{Change, price_change};
use trekant_store::{ChangeRequest, Store as _};

use super::{Env, ExitStatus, brief_or_exit, settings};
use crate::args::ChangeArgs;

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
    let change = Change {
        title: args.title.trim().to_string(),
        estimate,
        category: args.category.clone(),
    };
    let priced = match price_change(&brief, &change, &settings) {
        Ok(priced) => priced,
        Err(error) => {
            return Err(super::unpriceable(&args.brief, error));
        }
    };
    let format = if html { Format::Html } else { Format::Markdown };
    let document = change_order::render(&priced, &brief, lang, format)?;
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
    let estimate = match numbers.as_slice() {
        [one] => Estimate::point(*one),
        [low, likely, high] => Estimate::three(*low, *likely, *high),
        _ => anyhow::bail!("`{text}` has {} number(s): {expected}", numbers.len()),
    };
    // The one rule for what an estimate may be, as `review` applies it to a brief's items.
    if let Some(problem) = trekant_core::review::rules::estimate_range::problem(&estimate, true) {
        anyhow::bail!(
            "`{text}`: {}; {expected}",
            problem.render(trekant_core::Lang::En)
        );
    }
    if !(estimate.low <= estimate.likely && estimate.likely <= estimate.high) {
        anyhow::bail!("`{text}` is out of order: LOW ≤ LIKELY ≤ HIGH; {expected}");
    }
    Ok(estimate)
}

#[cfg(test)]
mod tests {
    use super::parse_estimate;

    #[test]
    fn estimates_parse_as_three_numbers_or_one() {
        let e = parse_estimate("4, 6,10").unwrap();
        assert_eq!(e.values(), [4.0, 6.0, 10.0]);
        assert!(parse_estimate("6").unwrap().point);
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
            assert!(parse_estimate(bad).is_err(), "{bad}");
        }
    }
}
