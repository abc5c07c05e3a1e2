//! How each stretch of a client's text is meant: as something the client asks for, or as
//! something else — a description of what exists, a negation, a quoted label or slogan, legal
//! boilerplate, a purpose, examples given in passing.
//!
//! The wording rules look for words that leave a requirement open ("modern", "etc."). The
//! same word asks for nothing when the text describes the system the client has today ("e-QIP
//! is a secure website currently managed by OPM"), denies it ("it need not be modern"),
//! quotes a button or a slogan (»Hurtig bestilling«), or sits in a clause about data rights.
//! This module reads the text once, sentence by sentence, and gives every word the
//! [`Settings`] it stands in; [`super::find_all`] drops the hits a phrase does not count
//! there ([`super::Phrase::skip`]).
//!
//! Sentences end at a full stop before a capital, `!`, `?`, `;`, a blank line or a new list
//! bullet — not after an abbreviation ("e.g.", "f.eks.", "bl.a.", "jf.", "ca."), nor inside
//! a number ("1.5"); a single line break is a wrapped line, not a new sentence. An
//! introduction that ends in a colon ("Currently we have:", "… to the public domain:") passes
//! what it describes on to the bullets under it.
//!
//! Every step is one pass over the words of a sentence, so reading stays linear in the text.

use std::ops::Range;

use super::Words;
use crate::lang::Lang;

/// One way a stretch of text can stand apart from what the client asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Setting {
    /// The sentence describes what exists: "the current site is slow", "i dag bruger vi …".
    Existing,
    /// The word is in the scope of a negation: "need not be modern", "ikke nødvendigvis lækker".
    Negated,
    /// The word is part of a quoted label or slogan: the button "Simple search".
    Quoted,
    /// The sentence is legal boilerplate about rights: public domain, FAR clauses, ophavsret.
    Boilerplate,
    /// The word is in a purpose clause: "in order to enable modern development of other tools".
    Purpose,
    /// The word is in a list of examples given in passing ("(e.g. CSV, JSON, etc.)",
    /// "such as …"), outside a bulleted list. Only list closers skip it: "etc." after "e.g."
    /// adds nothing the "e.g." did not say.
    Examples,
}

/// A set of [`Setting`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Settings(u8);

impl Settings {
    pub const NONE: Settings = Settings(0);

    /// Where a word asks for nothing: every setting but [`Setting::Examples`]. What a phrase
    /// skips unless it says otherwise.
    pub const NOT_ASKED: Settings = Settings::NONE
        .with(Setting::Existing)
        .with(Setting::Negated)
        .with(Setting::Quoted)
        .with(Setting::Boilerplate)
        .with(Setting::Purpose);

    const fn bit(setting: Setting) -> u8 {
        1 << setting as u8
    }

    pub const fn with(self, setting: Setting) -> Settings {
        Settings(self.0 | Settings::bit(setting))
    }

    pub const fn without(self, setting: Setting) -> Settings {
        Settings(self.0 & !Settings::bit(setting))
    }

    pub const fn has(self, setting: Setting) -> bool {
        self.0 & Settings::bit(setting) != 0
    }

    /// Whether the two sets share a setting.
    pub const fn meets(self, other: Settings) -> bool {
        self.0 & other.0 != 0
    }

    const fn union(self, other: Settings) -> Settings {
        Settings(self.0 | other.0)
    }
}

/// One sentence (or list entry) of a text.
#[derive(Clone, Debug)]
pub(crate) struct Sentence {
    /// Its words.
    pub words: Range<usize>,
    /// It is an entry of a bulleted list.
    pub bullet: bool,
}

/// A text read in context: its sentences and each word's settings.
#[derive(Debug, Default)]
pub(crate) struct Reading {
    settings: Vec<Settings>,
    /// The sentence each word belongs to.
    sentence_of: Vec<u32>,
    sentences: Vec<Sentence>,
}

impl Reading {
    /// The settings word `i` stands in.
    pub fn settings(&self, i: usize) -> Settings {
        self.settings.get(i).copied().unwrap_or_default()
    }

    /// The sentence word `i` belongs to.
    pub fn sentence(&self, i: usize) -> Option<&Sentence> {
        let k = *self.sentence_of.get(i)?;
        self.sentences.get(k as usize)
    }
}

/// Reads a text cut into words; `lang` is the language it is in.
pub(crate) fn read(words: &Words, lang: Lang) -> Reading {
    let n = words.len();
    let mut reading = Reading {
        settings: vec![Settings::NONE; n],
        sentence_of: vec![0; n],
        sentences: Vec::new(),
    };
    let mut start = 0;
    for i in 1..=n {
        if i == n || words.get(i).is_some_and(|w| w.gap.clause) {
            if start < i {
                let bullet = words.get(start).is_some_and(|w| w.gap.bullet);
                reading.sentences.push(Sentence {
                    words: start..i,
                    bullet,
                });
            }
            start = i;
        }
    }
    // What an introduction ending in a colon passes on to the bullets under it.
    let mut intro = Settings::NONE;
    for (k, sentence) in reading.sentences.iter().enumerate() {
        let range = sentence.words.clone();
        let mut own = Settings::NONE;
        if describes_existing(words, range.clone()) {
            own = own.with(Setting::Existing);
        }
        if is_boilerplate(words, range.clone()) {
            own = own.with(Setting::Boilerplate);
        }
        let whole = if sentence.bullet {
            own.union(intro)
        } else {
            intro = if ends_with_colon(words, &range) {
                own
            } else {
                Settings::NONE
            };
            own
        };
        for i in range.clone() {
            reading.settings[i] = whole;
            reading.sentence_of[i] = k as u32;
        }
        negations(words, range.clone(), &mut reading.settings);
        quotes(words, range.clone(), &mut reading.settings);
        purposes(words, range.clone(), lang, &mut reading.settings);
        if !sentence.bullet {
            examples(words, range, &mut reading.settings);
        }
    }
    reading
}

/// The text between word `i` and the word before it (before the first word: all of it);
/// empty when it holds nothing but white space.
fn gap_before<'a>(words: &Words<'a>, i: usize) -> &'a str {
    let Some(word) = words.get(i).filter(|w| w.gap.marked) else {
        return "";
    };
    let from = i
        .checked_sub(1)
        .and_then(|j| words.get(j))
        .map_or(0, |w| w.span.end);
    words.raw.get(from..word.span.start).unwrap_or("")
}

fn ends_with_colon(words: &Words, range: &Range<usize>) -> bool {
    range
        .end
        .checked_sub(1)
        .is_some_and(|last| words.rest_after(last).trim_start().starts_with(':'))
}

/// Whether a word says the client wants something — "must", "skal", "ønsker", "new" — which a
/// description of what exists does not. (A `match`, as it is asked of every word.)
pub(crate) fn is_wanted(word: &str) -> bool {
    matches!(
        word,
        "must"
            | "shall"
            | "should"
            | "need"
            | "needs"
            | "want"
            | "wants"
            | "will"
            | "would"
            | "require"
            | "requires"
            | "required"
            | "expect"
            | "expects"
            | "new"
            | "skal"
            | "bør"
            | "skulle"
            | "burde"
            | "ønsker"
            | "ønsket"
            | "ønske"
            | "vil"
            | "ville"
            | "gerne"
            | "kræver"
            | "krav"
            | "brug"
            | "mangler"
            | "ny"
            | "nye"
            | "nyt"
    )
}

/// Words that describe what exists wherever they stand.
fn is_now(word: &str) -> bool {
    matches!(
        word,
        "currently" | "presently" | "hitherto" | "hidtil" | "p.t" | "pt"
    )
}

/// Words that describe what exists when they open the sentence: "The current system is
/// slow" (but "integrate with the existing CRM" asks for something).
fn is_now_subject(word: &str) -> bool {
    matches!(
        word,
        "current"
            | "existing"
            | "legacy"
            | "old"
            | "nuværende"
            | "eksisterende"
            | "gamle"
            | "hidtidige"
    )
}

/// "is managed by", "is hosted by": someone already runs it.
fn is_run_by(word: &str) -> bool {
    matches!(
        word,
        "managed"
            | "maintained"
            | "operated"
            | "hosted"
            | "run"
            | "owned"
            | "administered"
            | "developed"
            | "built"
    )
}

/// Whether the sentence describes what exists rather than what is wanted.
fn describes_existing(words: &Words, range: Range<usize>) -> bool {
    let mut now = false;
    for i in range.clone() {
        let w = words.norm(i);
        if is_wanted(w) {
            return false;
        }
        if now {
            continue;
        }
        let first = i == range.start;
        let next = || words.after(i + 1).unwrap_or("");
        now = is_now(w)
            || (i < range.start + 3 && is_now_subject(w))
            || (w == "today" && (first || i + 1 == range.end))
            || (w == "at" && next() == "present")
            || (w == "i" && matches!(next(), "dag" | "øjeblikket"))
            || (w == "for" && next() == "tiden")
            || (is_run_by(w)
                && next() == "by"
                && matches!(
                    words.before(i),
                    Some("is" | "are" | "was" | "were" | "currently")
                ))
            || (w.len() > 4 && w.ends_with("es") && !first && next() == "af");
    }
    now
}

/// Whether the sentence is legal boilerplate about rights in the work.
fn is_boilerplate(words: &Words, range: Range<usize>) -> bool {
    range.clone().any(|i| {
        let w = words.norm(i);
        let next = || words.after(i + 1).unwrap_or("");
        match w {
            "public" => next() == "domain",
            "unlimited" | "data" => next() == "rights",
            "intellectual" => next() == "property",
            "far" => next().starts_with(|c: char| c.is_ascii_digit()),
            "immaterielle" | "copyright" | "copyrights" | "dfars" => true,
            _ => w.starts_with("ophavsret"),
        }
    })
}

/// Words that negate what follows them.
fn is_negator(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "never"
            | "no"
            | "without"
            | "neither"
            | "nor"
            | "cannot"
            | "ikke"
            | "aldrig"
            | "ingen"
            | "intet"
            | "hverken"
            | "uden"
    ) || w.ends_with("n't")
}

/// After a negator, these make it something else: "not only", "ikke kun", "no more than".
const NOT_A_NEGATION: &[&str] = &[
    "only", "just", "merely", "alene", "kun", "blot", "bare", "mindst", "less", "more", "later",
    "fewer", "mere", "mindre", "senere", "end",
];

/// Words that end a negation's reach: "ikke moderne, bare overskuelig", "not X but Y".
const CONTRAST: &[&str] = &[
    "but", "rather", "instead", "just", "only", "men", "bare", "snarere", "derimod", "blot",
];

/// How many words a negation reaches.
const NEGATION_REACH: usize = 6;

/// Marks the words in the scope of a negation: from the negator to the next comma, contrast
/// word or the end of the sentence, at most [`NEGATION_REACH`] words.
fn negations(words: &Words, range: Range<usize>, settings: &mut [Settings]) {
    let mut left = 0;
    for i in range {
        if left > 0 {
            let broken = gap_before(words, i).contains([',', ';', ':', '(', ')']);
            if broken || CONTRAST.contains(&words.norm(i)) {
                left = 0;
            }
        }
        if left > 0 {
            settings[i] = settings[i].with(Setting::Negated);
            left -= 1;
        }
        let w = words.norm(i);
        if is_negator(w)
            && !words
                .after(i + 1)
                .is_some_and(|n| NOT_A_NEGATION.contains(&n))
        {
            left = NEGATION_REACH;
        }
    }
}

/// Words before a quote that make it a label: the button "Simple search".
const LABEL_BEFORE: &[&str] = &[
    "button",
    "buttons",
    "label",
    "labelled",
    "labeled",
    "called",
    "named",
    "titled",
    "entitled",
    "slogan",
    "tagline",
    "heading",
    "headline",
    "menu",
    "tab",
    "link",
    "text",
    "reads",
    "knap",
    "knappen",
    "overskrift",
    "overskriften",
    "menupunkt",
    "menupunktet",
    "fanen",
    "teksten",
    "kaldet",
    "hedder",
    "sloganet",
    "mærket",
];

/// Words that make a quote speech rather than a label: "den skal være lækker".
const SPEECH: &[&str] = &[
    "must", "shall", "should", "will", "be", "is", "are", "skal", "være", "er", "bør", "vil",
];

/// How many words a label or slogan may have.
const LABEL_WORDS: usize = 6;

/// Whether `c` closes a quote opened by `open`.
fn closes(open: char, c: char) -> bool {
    matches!(
        (open, c),
        ('"', '"') | ('“', '”') | ('„', '“') | ('«', '»') | ('»', '«') | ('‘', '’')
    )
}

/// Marks the words of quoted labels and slogans. A quote of two to six words with no verb of
/// speech in it is a label ("fast, fresh, friendly"); so is any quote after a word such as
/// "button" or "knappen". One quoted word with no such word before it is a requirement the
/// client put in quotes ("it must be "simple"").
fn quotes(words: &Words, range: Range<usize>, settings: &mut [Settings]) {
    let mut open: Option<(char, usize)> = None;
    let end = range.end;
    for i in range.chain(std::iter::once(end)) {
        let gap = if i == end {
            end.checked_sub(1).map_or("", |last| words.rest_after(last))
        } else {
            gap_before(words, i)
        };
        for c in gap.chars() {
            match open {
                Some((o, start)) if closes(o, c) => {
                    open = None;
                    let count = i - start;
                    let label_before = (start.saturating_sub(3)..start)
                        .any(|j| LABEL_BEFORE.contains(&words.norm(j)));
                    let speech = (start..i).any(|j| SPEECH.contains(&words.norm(j)));
                    let label = label_before || ((2..=LABEL_WORDS).contains(&count) && !speech);
                    if label {
                        for s in &mut settings[start..i] {
                            *s = s.with(Setting::Quoted);
                        }
                    }
                }
                None if matches!(c, '"' | '“' | '„' | '«' | '»' | '‘') => {
                    open = Some((c, i))
                }
                _ => {}
            }
        }
    }
}

/// Marks purpose clauses: "in order to …", "so as to …", "for at …", "med henblik på …", up
/// to the end of the sentence or a semicolon.
fn purposes(words: &Words, range: Range<usize>, lang: Lang, settings: &mut [Settings]) {
    let mut inside = false;
    for i in range {
        if inside && gap_before(words, i).contains([';', ':']) {
            inside = false;
        }
        if inside {
            settings[i] = settings[i].with(Setting::Purpose);
            continue;
        }
        let next = || words.after(i + 1).unwrap_or("");
        let before = || words.before(i);
        inside = match words.norm(i) {
            "order" => next() == "to" && before() == Some("in"),
            "view" => next() == "to" && before() == Some("a"),
            "henblik" => next() == "på" && before() == Some("med"),
            "so" => next() == "as" && words.after(i + 2) == Some("to"),
            "for" => lang == Lang::Da && next() == "at",
            _ => false,
        };
    }
}

/// Words that open a list of examples.
fn opens_examples(words: &Words, i: usize) -> bool {
    let next = || words.after(i + 1).unwrap_or("");
    match words.norm(i) {
        "e.g" | "f.eks" | "fx" | "eksempelvis" | "herunder" | "såsom" | "including" | "incl"
        | "inkl" | "inklusive" | "bl.a" => true,
        "such" => next() == "as",
        "for" => matches!(next(), "example" | "instance" | "eksempel"),
        "blandt" => next() == "andet",
        _ => false,
    }
}

/// Marks lists of examples given in passing: inside a parenthesis from "e.g." to its close,
/// else from the marker to the end of the sentence or a semicolon or colon.
fn examples(words: &Words, range: Range<usize>, settings: &mut [Settings]) {
    let mut depth = 0usize;
    // The parenthesis depth the examples began at, while inside them.
    let mut inside: Option<usize> = None;
    for i in range {
        for c in gap_before(words, i).chars() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => {
                    depth = depth.saturating_sub(1);
                    if inside.is_some_and(|d| depth < d) {
                        inside = None;
                    }
                }
                ';' | ':' if inside == Some(0) => inside = None,
                _ => {}
            }
        }
        if inside.is_some() {
            settings[i] = settings[i].with(Setting::Examples);
        } else if opens_examples(words, i) {
            inside = Some(depth);
        }
    }
}
