//! `trekant proposal FILE`: the offer document, in Markdown, HTML, Typst or PDF.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, bail};
use trekant_core::document::proposal::{self, Format, Input};
use trekant_core::forecast::{estimate, options};
use trekant_core::review::questions::questions;

use super::{Env, ExitStatus, SoundBrief, note, settings, sound_brief};
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
    // One review, with today's date: the questions in the offer are the ones `review` and
    // `questions` ask (the triangle questions need the date when the brief has no start).
    let SoundBrief {
        brief,
        lang,
        reviewed,
    } = sound_brief(&args.file, args.lang.map(Into::into), env)?;
    let settings = settings(&brief, &args.simulation, env)?;
    let (report, options) = match (
        estimate::estimate(&brief, &settings),
        options::options(&brief, &settings),
    ) {
        (Ok(report), Ok(options)) => (report, options),
        (Err(error), _) | (_, Err(error)) => {
            return Err(super::unpriceable(&args.file, error));
        }
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
    let input = Input {
        brief: &brief,
        lang,
        options: &options,
        report: &report,
        questions: &groups,
        issued: settings.today,
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
    proposal::render_pdf(input, template).with_context(|| match dir {
        Some(dir) => format!(
            "cannot make the PDF from the template {}",
            dir.join(name).display()
        ),
        None => format!("cannot make the PDF from the built-in template {name}"),
    })
}

#[cfg(not(feature = "pdf"))]
fn pdf(_: &Input, _: Option<&str>, _: Option<&Path>) -> anyhow::Result<Vec<u8>> {
    pdf_unavailable().map(|_| Vec::new())
}

fn pdf_unavailable() -> anyhow::Result<ExitStatus> {
    bail!(
        "this trekant was built without PDF support; install it with \
         `cargo install --path crates/trekant-cli --features pdf`, or write Typst (-o offer.typ) \
         and run `typst compile offer.typ`, or write HTML (-o offer.html) and print it to PDF from a browser"
    )
}
