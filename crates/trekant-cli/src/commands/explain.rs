//! `trekant explain [CODE]`: a rule's documentation, or the list of all rules.

use std::io::Write;

use anyhow::bail;
use trekant_core::review::rules;

use super::ExitStatus;
use crate::args::ExplainArgs;

pub fn run(args: &ExplainArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let lang = crate::args::output_lang(args.lang);
    let Some(code) = &args.code else {
        for rule in rules::all() {
            let first = rules::summary_in(rule.code, lang).unwrap_or_default();
            let severity =
                trekant_core::messages::text(lang, &format!("severity-{}", rule.severity.as_str()));
            writeln!(out, "{:<24} {severity:<8} {first}", rule.code)?;
        }
        writeln!(
            out,
            "\n{}",
            trekant_core::messages::text(lang, "explain-more")
        )?;
        return Ok(ExitStatus::Success);
    };
    match rules::explain_in(code.trim(), lang) {
        Some(doc) => {
            writeln!(out, "{}", doc.doc)?;
            Ok(ExitStatus::Success)
        }
        None => {
            let codes = rules::codes();
            let near = trekant_core::suggest::closest(code, codes.iter().copied())
                .map(|c| trekant_core::t!(lang, "explain-did-you-mean", code = c))
                .unwrap_or_default();
            bail!(trekant_core::t!(
                lang,
                "explain-no-such-rule",
                code = code,
                near = near
            ))
        }
    }
}
