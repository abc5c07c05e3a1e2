//! Word senses the lexicons cannot tell apart by the word alone, told by its neighbours.
//!
//! One word can leave scope open in one sentence and mean something harmless in the next:
//! Danish "bare" is "just" in "det er bare en lille ændring" but "as long as" in "bare det
//! virker"; "straks" rushes in "vi skal bruge siden straks" but is a step of a procedure in
//! "fejl meldes straks til IT"; "bl.a." opens a list in "siden skal bl.a. have en blog, en
//! shop og et nyhedsbrev" but not in "vi har bl.a. talt med to bureauer"; "etc." after "e.g."
//! closes a list already given as examples. These tests hold for every wording rule, so they
//! live here and [`super::find_all`] applies them to every hit.

use std::ops::Range;

use super::Words;
use super::context::{Reading, Setting, is_wanted};
use crate::lang::Lang;

/// Whether the hit on `hit` words is a sense of its first word that no wording rule means.
pub(crate) fn other_sense(
    words: &Words,
    reading: &Reading,
    hit: &Range<usize>,
    lang: Lang,
) -> bool {
    let i = hit.start;
    let w = words.norm(i);
    let closer = hit
        .end
        .checked_sub(1)
        .is_some_and(|last| is_list_closer(words.norm(last)));
    if closer && reading.settings(hit.end - 1).has(Setting::Examples) {
        return true;
    }
    match w {
        "bare" if lang == Lang::Da => as_long_as(words, reading, i),
        "straks" | "omgående" | "omgaende" | "øjeblikkeligt" => in_a_procedure(words, reading, i),
        "bl.a" | "blandt" => !opens_scope(words, reading, hit.end),
        _ => false,
    }
}

/// Words that close a list: "etc.", "osv.", "and the like", "among others".
fn is_list_closer(w: &str) -> bool {
    matches!(
        w,
        "etc"
            | "ect"
            | "etcetera"
            | "cetera"
            | "osv"
            | "o.s.v"
            | "m.m"
            | "mv"
            | "m.v"
            | "m.fl"
            | "others"
            | "forth"
            | "like"
            | "similar"
            | "lignende"
            | "lign"
            | "slags"
            | "videre"
    )
}

/// Subjects after "bare" that make it "as long as": "bare det virker", "bare den er klar".
const SUBJECTS: &[&str] = &[
    "det", "den", "de", "du", "vi", "jeg", "man", "i", "siden", "han", "hun", "alt", "tingene",
];

/// "bare det virker" (as long as it works), and "ikke moderne, bare overskuelig" (not this
/// but that): neither makes the work small.
fn as_long_as(words: &Words, reading: &Reading, i: usize) -> bool {
    if words
        .after(i + 1)
        .is_some_and(|next| SUBJECTS.contains(&next))
    {
        return true;
    }
    let after_comma = words.get(i).is_some_and(|w| {
        let from = i
            .checked_sub(1)
            .and_then(|j| words.get(j))
            .map_or(0, |p| p.span.end);
        words
            .raw
            .get(from..w.span.start)
            .is_some_and(|g| g.contains(','))
    });
    let negated_before = reading.sentence(i).is_some_and(|s| {
        (s.words.start..i).any(|j| matches!(words.norm(j), "ikke" | "aldrig" | "hverken"))
    });
    after_comma && negated_before
}

/// Words that make a sentence a procedure: a condition ("hvis", "opstår der").
const CONDITIONS: &[&str] = &[
    "hvis", "når", "såfremt", "dersom", "opstår", "ved", "i", "if", "when", "whenever", "upon",
];

/// "Fejl meldes straks til IT", "Opstår der nedbrud, skal leverandøren straks give besked":
/// a step of a procedure, not a rush. Told by a condition earlier in the sentence, or a
/// passive verb just before ("meldes", "rettes") in a sentence that wants nothing.
fn in_a_procedure(words: &Words, reading: &Reading, i: usize) -> bool {
    let Some(sentence) = reading.sentence(i) else {
        return false;
    };
    let condition = (sentence.words.start..i).any(|j| {
        let w = words.norm(j);
        CONDITIONS.contains(&w) && (w != "i" || words.after(j + 1) == Some("tilfælde"))
    });
    // "Fejl meldes straks": a passive with no one wanting it; "en opgave, som skal løses
    // omgående" wants it.
    let passive = (i.saturating_sub(2).max(sentence.words.start)..i).any(|j| {
        let w = words.norm(j);
        w.chars().count() > 4 && w.ends_with("es")
    });
    let wanted = (sentence.words.start..i).any(|j| is_wanted(words.norm(j)));
    condition || (passive && !wanted)
}

/// Whether "bl.a." leaves scope open: in a requirement ("siden skal bl.a. have booking") or
/// before a list ("bl.a. kaffe, te og kakao"); "vi har bl.a. talt med to bureauer" does not.
fn opens_scope(words: &Words, reading: &Reading, from: usize) -> bool {
    let wanted = reading
        .sentence(from.saturating_sub(1))
        .is_some_and(|s| s.words.clone().any(|j| is_wanted(words.norm(j))));
    wanted || starts_a_list(words, reading, from)
}

/// How far after "bl.a." a list must show itself.
const LIST_REACH: usize = 15;

/// Whether a list follows word `from` in its sentence: a comma between two words, or "og",
/// "eller", "samt", "and", "or" joining two.
fn starts_a_list(words: &Words, reading: &Reading, from: usize) -> bool {
    let Some(sentence) = reading.sentence(from.saturating_sub(1)) else {
        return false;
    };
    let end = sentence.words.end.min(from + LIST_REACH);
    (from..end).any(|j| {
        let comma = j > from
            && words.get(j).is_some_and(|w| {
                let prev_end = words.get(j - 1).map_or(0, |p| p.span.end);
                words
                    .raw
                    .get(prev_end..w.span.start)
                    .is_some_and(|g| g.contains(','))
            });
        comma || matches!(words.norm(j), "og" | "eller" | "samt" | "and" | "or")
    })
}
