//! `trekant proposal FILE`: the offer document, in Markdown, HTML, Typst or PDF.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, bail};
use trekant_core::document::proposal::{self, Format, Input};
use trekant_core::forecast::run::Forecast;
use trekant_core::review::questions::questions;

use super::{Env, ExitStatus, Forecasted, SoundBrief, forecast, note};
use crate::args::ProposalArgs;

/// What `-o` asks for: a text format, or a PDF typeset from the Typst one.
#[derive(Clone, Copy)]
enum Target {
    Text(Format),
    Pdf,
}

pub fn run(args: &ProposalArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let path = args.output.as_deref();
    let target = match path.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        None | Some("md" | "markdown") => Target::Text(Format::Markdown),
        Some("html" | "htm") => Target::Text(Format::Html),
        Some("typ") => Target::Text(Format::Typst),
        Some("pdf") if cfg!(feature = "pdf") => Target::Pdf,
        Some("pdf") => return pdf_unavailable(),
        Some(other) => {
            let lang = crate::args::output_lang(args.lang);
            bail!(trekant_core::t!(
                lang,
                "proposal-bad-extension",
                extension = other
            ))
        }
    };
    let format = match target {
        Target::Text(format) => format,
        Target::Pdf => Format::Typst,
    };
    // One review, with today's date, and one simulation: the questions in the offer are the
    // ones `review` and `questions` ask, the triangle's judged on the offer's own figures.
    let forecasted = forecast(
        &args.file,
        crate::args::asked_lang(args.lang),
        env,
        &args.simulation,
        true,
        |_, _| Ok(()),
    )?;
    let Forecasted {
        sound: SoundBrief {
            brief,
            lang,
            reviewed,
        },
        settings,
        forecast: Forecast { report, options },
    } = forecasted;
    let Some(options) = options else {
        bail!("the options were not simulated");
    };
    // The open questions, from the same review the brief passed.
    let file = crate::render::Located::new(&reviewed.source.name, &reviewed.source.text);
    let groups = questions(&reviewed.review.diagnostics, lang, |o| {
        file.position(o).line
    });
    let template = match &args.template {
        Some(dir) => Some(read_template(dir, format, lang)?),
        None => None,
    };
    let logo = logo(&brief, &args.file, &reviewed, lang, env)?;
    let input = Input {
        brief: &brief,
        lang,
        options: &options,
        report: &report,
        questions: &groups,
        issued: settings.today,
        number: number(&args.file, settings.today, env),
        logo,
    };
    let document = match target {
        Target::Text(format) => proposal::render(&input, format, template.as_deref())?.into_bytes(),
        Target::Pdf => pdf(&input, template.as_deref(), args.template.as_deref())?,
    };
    match path {
        None => out.write_all(&document)?,
        Some(path) => {
            let mut inputs = vec![args.file.as_path()];
            let template_file = args
                .template
                .as_ref()
                .map(|d| d.join(format.template_name()));
            inputs.extend(template_file.as_deref());
            let profile = env.profile_path();
            inputs.extend(profile.as_deref());
            crate::output::write_file(path, &document, &inputs)?;
            let file = path.display().to_string();
            note(format_args!(
                "{}",
                trekant_core::t!(lang, "wrote", file = file.as_str())
            ));
        }
    }
    Ok(ExitStatus::Success)
}

/// The offer's number: the next of the year in the store when there is one (a proposal
/// never creates it), else from the brief's file name.
fn number(file: &Path, today: jiff::civil::Date, env: &Env) -> String {
    let recorded: Option<Vec<String>> = env
        .db_path()
        .ok()
        .filter(|p| p.is_file())
        .and_then(|_| env.open_store().ok())
        .and_then(|store| trekant_store::Store::offers(&store).ok())
        .map(|offers| offers.into_iter().map(|o| o.number).collect());
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    proposal::offer_number(today.year(), recorded.as_deref(), &stem)
}

/// The sender's logo as a data URI; a logo that cannot be used is a located error in the
/// brief (a profile's logo was checked, and made absolute, when the profile was read).
fn logo(
    brief: &trekant_core::Brief,
    file: &Path,
    reviewed: &super::Reviewed,
    lang: trekant_core::Lang,
    env: &Env,
) -> anyhow::Result<Option<String>> {
    let Some(name) = &brief.me.logo else {
        return Ok(None);
    };
    let base = file.parent().unwrap_or(Path::new(""));
    let path = base.join(&name.value);
    match crate::input::read_logo(&path) {
        Ok((kind, bytes)) => Ok(Some(trekant_core::brief::logo::data_uri(kind, &bytes))),
        Err(error) => {
            let shown = path.display().to_string();
            let diagnostic =
                trekant_core::brief::logo::diagnostic(lang, &error, &shown, name.span.clone());
            let source = crate::render::Located::new(&reviewed.source.name, &reviewed.source.text);
            let text = crate::render::human(&source, &[diagnostic], lang, env.styled);
            Err(super::Findings(text).into())
        }
    }
}

fn read_template(dir: &Path, format: Format, lang: trekant_core::Lang) -> anyhow::Result<String> {
    let path = dir.join(format.template_name());
    std::fs::read_to_string(&path).with_context(|| {
        trekant_core::t!(
            lang,
            "proposal-cannot-read-template",
            file = path.display().to_string(),
            dir = dir.display().to_string(),
        )
    })
}

/// Typesets the proposal; a failure names the template it came from.
#[cfg(feature = "pdf")]
fn pdf(input: &Input, template: Option<&str>, dir: Option<&Path>) -> anyhow::Result<Vec<u8>> {
    let name = Format::Typst.template_name();
    let lang = input.lang;
    proposal::render_pdf(input, template).with_context(|| match dir {
        Some(dir) => {
            let file = dir.join(name).display().to_string();
            trekant_core::t!(lang, "error-pdf-template", file = file)
        }
        None => trekant_core::t!(lang, "error-pdf-built-in", file = name),
    })
}

#[cfg(not(feature = "pdf"))]
fn pdf(_: &Input, _: Option<&str>, _: Option<&Path>) -> anyhow::Result<Vec<u8>> {
    pdf_unavailable().map(|_| Vec::new())
}

fn pdf_unavailable() -> anyhow::Result<ExitStatus> {
    bail!(trekant_core::t!(
        crate::args::spoken_lang(),
        "error-no-pdf-support"
    ))
}
