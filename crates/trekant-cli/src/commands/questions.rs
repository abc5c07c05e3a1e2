//! `trekant questions FILE`: the questions to send the client, ready to paste into an e-mail.

use std::io::Write;

use serde_json::json;
use trekant_core::review::questions::{self, QuestionGroup};
use trekant_core::{Brief, Lang};

use super::{Env, ExitStatus, read_and_review, review_errors};
use crate::args::{QuestionsArgs, QuestionsFormat};
use crate::render::Located;

pub fn run(args: &QuestionsArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let reviewed = read_and_review(&args.file, crate::args::asked_lang(args.lang), env)?;
    let review = &reviewed.review;
    let lang = review.lang;
    let file = Located::new(&reviewed.source.name, &reviewed.source.text);
    if review.has_errors() {
        // The questions would rest on a brief that could not be read: fix it first.
        return Err(review_errors(&reviewed, env.styled));
    }
    let groups = questions::questions(&review.diagnostics, lang, |offset| {
        file.position(offset).line
    });
    let brief = review.brief.as_ref();
    match args.format {
        QuestionsFormat::Json => {
            let value = json!({ "file": file.name, "lang": lang, "groups": groups });
            serde_json::to_writer_pretty(&mut *out, &value)?;
            writeln!(out)?;
        }
        QuestionsFormat::Md => out.write_all(markdown(&groups, lang, brief).as_bytes())?,
        QuestionsFormat::Text => out.write_all(text(&groups, lang, brief).as_bytes())?,
    }
    Ok(ExitStatus::Success)
}

fn intro(lang: Lang, brief: Option<&Brief>, any: bool, name: impl Fn(&str) -> String) -> String {
    let greeting = questions::greeting(brief, lang, name);
    let body = questions::intro(brief, lang, any);
    format!("{greeting},\n\n{body}\n")
}

/// The questions in Markdown; the client's words in them are escaped, so they stay text.
fn markdown(groups: &[QuestionGroup], lang: Lang, brief: Option<&Brief>) -> String {
    use trekant_core::document::markdown_escape::markdown as escape;
    let mut out = intro(lang, brief, !groups.is_empty(), escape);
    let mut n = 0;
    for group in groups {
        out.push_str(&format!("\n## {}\n\n", escape(&group.title)));
        for question in &group.questions {
            n += 1;
            out.push_str(&format!("{n}. {}\n", escape(&question.text)));
        }
    }
    out
}

fn text(groups: &[QuestionGroup], lang: Lang, brief: Option<&Brief>) -> String {
    let mut out = intro(lang, brief, !groups.is_empty(), str::to_string);
    let mut n = 0;
    for group in groups {
        out.push_str(&format!(
            "\n{}\n{}\n",
            group.title,
            "-".repeat(group.title.chars().count())
        ));
        for question in &group.questions {
            n += 1;
            out.push_str(&format!("{n}. {}\n", question.text));
        }
    }
    out
}
