//! Finding words and phrases from a lexicon in client-written text, for the wording rules.
//!
//! Text is cut into words first and phrases are matched word by word, so a word boundary is
//! never in doubt: "fast" is not found in "breakfast", nor "just" in "just-in-time" (a
//! hyphenated word is one word). Inflected forms are written out in the lexicon with a
//! brace shorthand (`brugervenlig{,e,t}`), which is exact where a stemmer would guess: Danish
//! adjectives bend irregularly (`enkel`/`enkle`, `sikker`/`sikre`).
//!
//! Matching is linear in the length of the text. Each word is looked up once in a hash map
//! from word form to the phrases that begin with it, and a phrase is a few words long, so
//! there is no backtracking over the text and no rescanning after a match. Danish and English
//! share one lexicon, since Danish requests mix in English words; a phrase can be limited to
//! texts in one language where a word means something else in the other (Danish "fast" is
//! "fixed", as in "fast pris").
//!
//! Every text is also read in context ([`context`]): each word knows its sentence and whether
//! it describes what exists, is negated, quoted, boilerplate, a purpose or examples given in
//! passing; and some words' senses are told by their neighbours ([`senses`]). [`find_all`]
//! applies both to every rule's hits, so a rule gets them by using it. A phrase that counts
//! in one of those settings says so with [`Phrase::found_in`]. Findings of one phrase on one
//! word are folded once per document by the rules' runner, from the places [`find_all`]
//! records ([`Scanned::take_marks`]).

pub(crate) mod context;
pub(crate) mod inflect;
pub(crate) mod senses;

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::lang::Lang;
pub(crate) use context::{Reading, Setting, Settings};

/// A piece of client-written text, as it stands in the source.
#[derive(Clone, Copy, Debug)]
pub struct Text<'a> {
    pub kind: TextKind,
    /// The raw source of the text (inside the quotes, escapes not decoded), so that a match
    /// at byte `i` of `raw` is at byte `offset + i` of the source.
    pub raw: &'a str,
    pub offset: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// `request.text`
    Request,
    /// `project.purpose`
    Purpose,
    /// One entry of `project.success`
    Success,
    /// An item's (or its alternative's) title
    ItemTitle,
    /// A whole free-text file
    Document,
}

/// A text cut into words, each with its place in the text and its normalised form.
pub(crate) struct Words<'a> {
    pub(crate) raw: &'a str,
    /// Every word's normalised form, one after another; `Word::norm` indexes into it.
    norm: String,
    words: Vec<Word>,
    /// Each word's key ([`key_of`]), for the lexicons' quick test, packed for a fast walk.
    keys: Vec<u16>,
}

/// One word of a text.
#[derive(Clone, Debug)]
pub(crate) struct Word {
    /// Byte range in the text.
    pub span: Range<usize>,
    norm: Range<usize>,
    /// The first letter is a capital.
    pub upper_initial: bool,
    /// Two or more letters, every one a capital ("ASAP", "IKEA").
    pub all_upper: bool,
    /// What stands between this word and the one before it.
    pub gap: Gap,
}

/// What separates a word from the word before it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Gap {
    /// A new sentence, line or list entry starts here, so a capital letter is no sign of a name.
    pub sentence: bool,
    /// A clause ends between the two words: a full stop before a capital, `!`, `?`, `;`, a
    /// blank line or a new bullet.
    pub clause: bool,
    /// A phrase cannot run across: a clause break, or a full stop, colon, bracket or quote.
    pub phrase: bool,
    /// A list bullet starts a new line here.
    pub bullet: bool,
    /// Punctuation stands here (a comma, colon, bracket or quote): the context reading looks
    /// closer only at these gaps.
    pub marked: bool,
}

/// Abbreviations whose full stop never ends a sentence: "e.g. The", "ca. 300", "jf. Bilag".
/// ("etc." and "osv." often do, so they are not here.)
fn is_abbreviation(norm: &str) -> bool {
    matches!(
        norm,
        "e.g"
            | "i.e"
            | "f.eks"
            | "bl.a"
            | "jf"
            | "ca"
            | "nr"
            | "no"
            | "evt"
            | "inkl"
            | "incl"
            | "approx"
            | "vs"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "pr"
            | "dvs"
            | "mht"
            | "ift"
            | "pga"
            | "tlf"
            | "ref"
            | "fig"
            | "vol"
            | "cf"
            | "hhv"
            | "el"
            | "sec"
            | "art"
            | "stk"
    )
}

/// Characters that join two word characters into one word: "user-friendly", "we're",
/// "bl.a", "www.example.dk", "2.5", "info@example.dk".
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '@' | '\u{2010}' | '\u{2011}')
}

impl<'a> Words<'a> {
    /// Cuts `raw` into words. With `toml_escapes`, a backslash escape (`\n`, `\"`) separates
    /// words, as the text is the raw inside of a TOML string.
    pub fn new(raw: &'a str, toml_escapes: bool) -> Words<'a> {
        let mut norm = String::with_capacity(raw.len());
        let mut words = Vec::new();
        let mut keys = Vec::new();
        let mut start: Option<usize> = None;
        let mut prev_end = 0;
        // Ends the current word at `end`, if one is open.
        let mut close = |start: &mut Option<usize>, end: usize, prev_end: &mut usize| {
            if let Some(s) = start.take() {
                let text = &raw[s..end];
                let norm_start = norm.len();
                if text.is_ascii() {
                    norm.push_str(text);
                    norm[norm_start..].make_ascii_lowercase();
                } else {
                    for c in text.chars() {
                        match c {
                            '’' => norm.push('\''),
                            '\u{2010}' | '\u{2011}' => norm.push('-'),
                            c => norm.extend(c.to_lowercase()),
                        }
                    }
                }
                let upper_initial = text.chars().next().is_some_and(char::is_uppercase);
                // Every letter a capital (asked first: most words fail on their first
                // letter), and two or more of them.
                let letters = || text.chars().filter(|c| c.is_alphabetic());
                let all_upper = letters().all(char::is_uppercase) && letters().nth(1).is_some();
                let between = &raw[*prev_end..s];
                let gap = if !words.is_empty() && between.bytes().all(|b| b == b' ') {
                    // One or more plain spaces: the usual gap, which says nothing.
                    Gap::default()
                } else {
                    // Only a full stop asks whether the word before is an abbreviation.
                    let abbreviation = (between.contains('.') || between.contains('…'))
                        && words
                            .last()
                            .is_some_and(|w: &Word| is_abbreviation(&norm[w.norm.clone()]));
                    gap(between, text, words.is_empty(), toml_escapes, abbreviation)
                };
                keys.push(key_of(&norm[norm_start..]));
                words.push(Word {
                    span: s..end,
                    norm: norm_start..norm.len(),
                    upper_initial,
                    all_upper,
                    gap,
                });
                *prev_end = end;
            }
        };
        // Walked by bytes, with ASCII read directly and other characters decoded where they
        // stand: the same cut as walking `char_indices`, at a fraction of the cost.
        let bytes = raw.as_bytes();
        let char_at = |pos: usize| -> (char, usize) {
            match bytes.get(pos) {
                Some(&b) if b.is_ascii() => (char::from(b), 1),
                _ => raw
                    .get(pos..)
                    .and_then(|rest| rest.chars().next())
                    .map_or(('\0', 1), |c| (c, c.len_utf8())),
            }
        };
        let is_word_char = |c: char| {
            if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                c.is_alphanumeric()
            }
        };
        let mut pos = 0;
        while pos < bytes.len() {
            if bytes[pos].is_ascii_alphanumeric() {
                start.get_or_insert(pos);
                pos += 1;
                while bytes.get(pos).is_some_and(u8::is_ascii_alphanumeric) {
                    pos += 1;
                }
                continue;
            }
            let (c, len) = char_at(pos);
            if is_word_char(c) {
                start.get_or_insert(pos);
                pos += len;
                continue;
            }
            if start.is_some()
                && is_joiner(c)
                && pos + len < bytes.len()
                && is_word_char(char_at(pos + len).0)
            {
                pos += len;
                continue;
            }
            close(&mut start, pos, &mut prev_end);
            pos += len;
            if toml_escapes && c == '\\' && pos < bytes.len() {
                // Skip the escaped character, so `\nmodern` reads as a line break and "modern".
                let (next, len) = char_at(pos);
                if next.is_ascii_alphanumeric() || next == '\\' {
                    pos += len;
                }
            }
        }
        close(&mut start, raw.len(), &mut prev_end);
        Words {
            raw,
            norm,
            words,
            keys,
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn get(&self, i: usize) -> Option<&Word> {
        self.words.get(i)
    }

    /// The normalised form of word `i` (lower case, typographic apostrophe made plain).
    pub fn norm(&self, i: usize) -> &str {
        self.words
            .get(i)
            .and_then(|w| self.norm.get(w.norm.clone()))
            .unwrap_or("")
    }

    /// The word before `i`, if it belongs to the same phrase.
    pub fn before(&self, i: usize) -> Option<&str> {
        let word = self.words.get(i)?;
        (i > 0 && !word.gap.phrase).then(|| self.norm(i - 1))
    }

    /// The word at `i`, if it continues the phrase that ends just before it.
    pub fn after(&self, i: usize) -> Option<&str> {
        let word = self.words.get(i)?;
        (!word.gap.phrase).then(|| self.norm(i))
    }

    /// What follows word `i` in the text, up to the next word.
    pub fn rest_after(&self, i: usize) -> &'a str {
        let Some(word) = self.words.get(i) else {
            return "";
        };
        let end = self
            .words
            .get(i + 1)
            .map_or(self.raw.len(), |w| w.span.start);
        self.raw.get(word.span.end..end).unwrap_or("")
    }

    /// Whether word `i` reads as (part of) a name: capitalised in mid-sentence ("Simple
    /// Analytics", "Lille Mølle"), or at the start of a sentence with a capitalised word
    /// after it. A word in capitals throughout ("SIMPLE") is shouting, not a name.
    pub fn is_name(&self, i: usize) -> bool {
        let Some(word) = self.words.get(i) else {
            return false;
        };
        if !word.upper_initial || word.all_upper {
            return false;
        }
        if !word.gap.sentence {
            return true;
        }
        self.words
            .get(i + 1)
            .is_some_and(|next| !next.gap.phrase && next.upper_initial && !next.all_upper)
    }

    /// The language the words are in, when their function words tell.
    pub fn lang(&self) -> Option<Lang> {
        crate::lang::detect::detect_words((0..self.len()).map(|i| self.norm(i)))
    }

    /// Byte range in the text of words `range`.
    pub fn span(&self, range: &Range<usize>) -> Range<usize> {
        let start = self.words.get(range.start).map_or(0, |w| w.span.start);
        let end = range
            .end
            .checked_sub(1)
            .and_then(|last| self.words.get(last))
            .map_or(start, |w| w.span.end);
        start..end.max(start)
    }
}

/// Reads the gap between two words; `after_abbreviation` when the word before is one whose
/// full stop does not end a sentence.
fn gap(
    between: &str,
    next_word: &str,
    first: bool,
    toml_escapes: bool,
    after_abbreviation: bool,
) -> Gap {
    let mut newlines = 0;
    let mut after_newline = false;
    let mut bullet = false;
    let mut stop = false;
    let mut hard_stop = false;
    let mut other_break = false;
    let mut marked = false;
    let mut chars = between.chars().peekable();
    while let Some(c) = chars.next() {
        let newline = c == '\n' || (toml_escapes && c == '\\' && chars.next_if_eq(&'n').is_some());
        if newline {
            newlines += 1;
            after_newline = true;
            continue;
        }
        if after_newline && !c.is_whitespace() {
            bullet |= matches!(c, '-' | '*' | '•' | '·' | '–' | '#' | '>');
            after_newline = false;
        }
        marked |= !c.is_whitespace();
        match c {
            '.' | '…' => stop = true,
            '!' | '?' | ';' => hard_stop = true,
            ':' | '(' | ')' | '[' | ']' | '{' | '}' | '"' | '“' | '”' | '«' | '»' | '„' | '|'
            | '<' | '>' | '•' => other_break = true,
            _ => {}
        }
    }
    // A full stop before a lower-case word is an abbreviation ("e.g. under 2 s"), not the
    // end of a sentence.
    let lower_next = next_word.chars().next().is_some_and(char::is_lowercase);
    let sentence_end = stop && !lower_next && !after_abbreviation;
    let clause = first || hard_stop || newlines >= 2 || bullet || sentence_end;
    Gap {
        sentence: clause || newlines > 0 || other_break,
        clause,
        phrase: clause || stop || other_break,
        bullet,
        marked,
    }
}

/// One entry of a lexicon: a phrase and the conditions under which it counts.
///
/// The pattern is words separated by spaces. A word is one or more forms separated by `|`;
/// a form may end in one brace group of endings (`hurtig{,e,t}` is hurtig, hurtige,
/// hurtigt); a word starting with `?` may be left out (not the first). A pattern whose
/// last word ends in `.` also takes in a full stop after it ("osv.").
pub(crate) struct Phrase<T: 'static> {
    pub pattern: &'static str,
    pub tag: T,
    /// Only in texts of this language.
    pub lang: Option<Lang>,
    /// Not when the word before is one of these.
    pub not_before: &'static [&'static str],
    /// Not when the word after is one of these.
    pub not_after: &'static [&'static str],
    /// When not empty: only when the word before is one of these.
    pub only_before: &'static [&'static str],
    /// A last say, for conditions lists cannot express: given the words and the matched
    /// word range, the end of the match to keep (which may take in more words), or `None`.
    pub guard: Option<Guard>,
    /// The settings in which the phrase is not a finding ([`Settings::NOT_ASKED`] unless the
    /// phrase says otherwise with [`Phrase::found_in`]).
    pub skip: Settings,
}

/// See [`Phrase::guard`].
pub(crate) type Guard = fn(&Words, Range<usize>) -> Option<usize>;

impl<T: Copy> Phrase<T> {
    pub const fn new(pattern: &'static str, tag: T) -> Phrase<T> {
        Phrase {
            pattern,
            tag,
            lang: None,
            not_before: &[],
            not_after: &[],
            only_before: &[],
            guard: None,
            skip: Settings::NOT_ASKED,
        }
    }

    /// Counts the phrase in `setting` too, where wording findings are dropped by default: a
    /// rule about a negation ("no caveats") counts it under a negation.
    pub const fn found_in(mut self, setting: Setting) -> Self {
        self.skip = self.skip.without(setting);
        self
    }

    pub const fn lang(mut self, lang: Lang) -> Self {
        self.lang = Some(lang);
        self
    }

    pub const fn not_before(mut self, words: &'static [&'static str]) -> Self {
        self.not_before = words;
        self
    }

    pub const fn not_after(mut self, words: &'static [&'static str]) -> Self {
        self.not_after = words;
        self
    }

    pub const fn only_before(mut self, words: &'static [&'static str]) -> Self {
        self.only_before = words;
        self
    }

    pub const fn guard(mut self, guard: Guard) -> Self {
        self.guard = Some(guard);
        self
    }
}

/// A word of a compiled pattern.
#[derive(Debug)]
struct Slot {
    forms: Vec<String>,
    optional: bool,
    /// For each form, the word it is a form of: forms written together that share their
    /// first three letters ("simpel|simplere|simpleste", "lækker~") are one word; "sleek" and
    /// "stylish" in one pattern are two.
    word_of: Vec<u16>,
}

#[derive(Debug)]
struct Compiled {
    slots: Vec<Slot>,
    /// Takes in a full stop after the last word.
    dot: bool,
}

/// FNV-1a: every word of a text is looked up, and the keys are a fixed lexicon, so a fast
/// hash matters and resistance to chosen collisions does not (the table's contents cannot
/// be chosen by the input).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A set of phrases, ready to match.
pub(crate) struct Lexicon<T: 'static> {
    phrases: &'static [Phrase<T>],
    compiled: Vec<Compiled>,
    /// First-word form → the phrases that begin with it.
    first: HashMap<String, Vec<usize>, BuildHasherDefault<Fnv>>,
    /// The bits of the first-word forms' keys ([`key_of`]), so that most words are passed
    /// over without a lookup: a word whose bit is clear begins no phrase.
    first_keys: Box<[u64; 1 << 10]>,
}

/// A word's key: 16 bits of its FNV-1a hash, computed once when the text is cut into words,
/// so that each lexicon tests a word with one load instead of a hash of its letters.
fn key_of(norm: &str) -> u16 {
    let mut hash = Fnv::default();
    hash.write(norm.as_bytes());
    let h = hash.finish();
    (h ^ (h >> 32) ^ (h >> 16)) as u16
}

/// Whether `key`'s bit is set in a lexicon's `first_keys`.
fn has_key(bits: &[u64; 1 << 10], key: u16) -> bool {
    bits[usize::from(key >> 6)] >> (key & 63) & 1 == 1
}

/// First-word forms this long or longer are never looked up.
const LONGEST_FIRST: usize = 32;

/// A match of a phrase in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    /// Index of the phrase in the lexicon.
    pub phrase: usize,
    /// The matched words.
    pub words: Range<usize>,
    /// Byte range in the text.
    pub span: Range<usize>,
    /// Which word of the phrase's first slot matched ([`Slot::word_of`]).
    pub word: u16,
}

/// Expands one form with its brace group: `hurtig{,e,t}` → hurtig, hurtige, hurtigt; a
/// form ending in `~` is a Danish adjective, with all its forms (`lækker~` → lækker,
/// lækkert, lækre, lækrere, lækreste).
fn expand(form: &str, out: &mut Vec<String>) {
    if let Some(base) = form.strip_suffix('~') {
        out.extend(inflect::danish_adjective(&base.to_lowercase()));
        return;
    }
    match (form.find('{'), form.find('}')) {
        (Some(open), Some(close)) if open < close => {
            let (stem, tail) = (&form[..open], &form[close + 1..]);
            for ending in form[open + 1..close].split(',') {
                out.push(format!("{stem}{ending}{tail}").to_lowercase());
            }
        }
        _ => out.push(form.to_lowercase()),
    }
}

fn compile(pattern: &str) -> Compiled {
    let mut slots: Vec<Slot> = pattern
        .split_whitespace()
        .enumerate()
        .map(|(i, word)| {
            let optional = i > 0 && word.starts_with('?');
            let word = word.trim_start_matches('?');
            let mut forms = Vec::new();
            let mut word_of = Vec::new();
            // The first form of each word so far.
            let mut heads: Vec<String> = Vec::new();
            for form in word.split('|') {
                let before = forms.len();
                expand(form, &mut forms);
                let Some(head) = forms.get(before).cloned() else {
                    continue;
                };
                let same = heads.iter().position(|h| {
                    let shared = h.chars().zip(head.chars()).take_while(|(a, b)| a == b);
                    shared.count() >= 3
                });
                let id = same.unwrap_or_else(|| {
                    heads.push(head);
                    heads.len() - 1
                });
                word_of.resize(forms.len(), id as u16);
            }
            Slot {
                forms,
                optional,
                word_of,
            }
        })
        .collect();
    let mut dot = false;
    if let Some(last) = slots.last_mut() {
        for form in &mut last.forms {
            if form.len() > 1 && form.ends_with('.') {
                form.pop();
                dot = true;
            }
        }
    }
    Compiled { slots, dot }
}

impl<T: Copy> Lexicon<T> {
    pub fn new(phrases: &'static [Phrase<T>]) -> Lexicon<T> {
        let compiled: Vec<Compiled> = phrases.iter().map(|p| compile(p.pattern)).collect();
        let mut first: HashMap<String, Vec<usize>, BuildHasherDefault<Fnv>> = HashMap::default();
        for (id, c) in compiled.iter().enumerate() {
            for form in c.slots.first().map_or(&[][..], |s| &s.forms[..]) {
                first.entry(form.clone()).or_default().push(id);
            }
        }
        let mut first_keys = Box::new([0u64; 1 << 10]);
        for form in first
            .keys()
            .filter(|f| !f.is_empty() && f.len() < LONGEST_FIRST)
        {
            let key = key_of(form);
            first_keys[usize::from(key >> 6)] |= 1 << (key & 63);
        }
        Lexicon {
            phrases,
            compiled,
            first,
            first_keys,
        }
    }

    /// The phrase a hit is of.
    pub fn phrase(&self, hit: &Hit) -> &Phrase<T> {
        &self.phrases[hit.phrase]
    }

    /// Every match in the text, left to right, none overlapping; where several phrases match
    /// at a word, the longest that passes its conditions wins.
    pub fn find(&self, words: &Words, lang: Lang) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut i = 0;
        let keys = &words.keys;
        while i < keys.len() {
            if !has_key(&self.first_keys, keys[i]) {
                i += 1;
                continue;
            }
            let norm = words.norm(i);
            if norm.is_empty() || norm.len() >= LONGEST_FIRST {
                i += 1;
                continue;
            }
            let best = self.first.get(norm).and_then(|ids| {
                ids.iter()
                    .filter_map(|&id| self.try_at(id, words, i, lang))
                    .max_by_key(|hit| (hit.words.end, std::cmp::Reverse(hit.phrase)))
            });
            match best {
                Some(hit) => {
                    i = hit.words.end.max(i + 1);
                    hits.push(hit);
                }
                None => i += 1,
            }
        }
        hits
    }

    fn try_at(&self, id: usize, words: &Words, start: usize, lang: Lang) -> Option<Hit> {
        let phrase = &self.phrases[id];
        if phrase.lang.is_some_and(|l| l != lang) {
            return None;
        }
        let compiled = &self.compiled[id];
        let end = match_slots(&compiled.slots[1..], words, start + 1)?;
        let before = words.before(start);
        if before.is_some_and(|b| phrase.not_before.contains(&b)) {
            return None;
        }
        if !phrase.only_before.is_empty()
            && !before.is_some_and(|b| phrase.only_before.contains(&b))
        {
            return None;
        }
        if words
            .after(end)
            .is_some_and(|a| phrase.not_after.contains(&a))
        {
            return None;
        }
        let matched = end;
        let end = match phrase.guard {
            Some(guard) => guard(words, start..end)?.max(end),
            None => end,
        };
        let mut span = words.span(&(start..end));
        if compiled.dot && end == matched && words.rest_after(end - 1).starts_with('.') {
            span.end += 1;
        }
        let first = &compiled.slots[0];
        let norm = words.norm(start);
        let word = first
            .forms
            .iter()
            .position(|f| f == norm)
            .and_then(|k| first.word_of.get(k))
            .copied()
            .unwrap_or(0);
        Some(Hit {
            phrase: id,
            words: start..end,
            span,
            word,
        })
    }
}

/// Matches `slots` from word `i` on; returns the end of the longest match.
fn match_slots(slots: &[Slot], words: &Words, i: usize) -> Option<usize> {
    let Some((slot, rest)) = slots.split_first() else {
        return Some(i);
    };
    let here = words
        .after(i)
        .is_some_and(|w| slot.forms.iter().any(|f| f == w));
    let taken = if here {
        match_slots(rest, words, i + 1)
    } else {
        None
    };
    let skipped = if slot.optional {
        match_slots(rest, words, i)
    } else {
        None
    };
    taken.max(skipped)
}

/// The client-written texts of a review, each cut into words with the language it is in.
pub(crate) struct Scanned<'a> {
    pub text: Text<'a>,
    pub words: Words<'a>,
    pub lang: Lang,
    /// The text read in context.
    pub reading: Reading,
    /// The findings [`find_all`] made in this text, for folding repeats.
    marks: RefCell<Vec<Mark>>,
}

/// Where [`find_all`] found a phrase, and what it found: the findings of a rule with the
/// same key are one word found again.
#[derive(Clone, Debug)]
pub(crate) struct Mark {
    /// Byte range in the whole source.
    pub span: Range<usize>,
    pub key: MarkKey,
}

/// Which lexicon, which phrase of it, which word of the phrase's first slot, and (hashed)
/// the words after the first: "ligesom hos Magasin" and "ligesom Zalando" are two
/// references, "Easier" and "easier" one word.
pub(crate) type MarkKey = (usize, usize, u16, u64);

/// Cuts every client-written text of the context into words.
///
/// A text's language is read from its own words where they tell; a short text (an item
/// title) takes the brief's `project.language`, else the language of the request.
pub(crate) fn scan<'a>(
    texts: &[Text<'a>],
    language: Option<Lang>,
    fallback: Lang,
) -> Vec<Scanned<'a>> {
    let words: Vec<Words<'a>> = texts
        .iter()
        .map(|text| Words::new(text.raw, text.kind != TextKind::Document))
        .collect();
    let document_lang = language
        .or_else(|| {
            let main = texts
                .iter()
                .position(|t| matches!(t.kind, TextKind::Request | TextKind::Document))?;
            words[main].lang()
        })
        .unwrap_or(fallback);
    texts
        .iter()
        .zip(words)
        .map(|(&text, words)| {
            // A few words say too little about their language.
            let own = if words.len() >= 4 { words.lang() } else { None };
            let lang = own.unwrap_or(document_lang);
            Scanned {
                text,
                lang,
                reading: context::read(&words, lang),
                words,
                marks: RefCell::new(Vec::new()),
            }
        })
        .collect()
}

impl Scanned<'_> {
    /// The places [`find_all`] has found phrases in this text since it was last asked.
    pub fn take_marks(&self) -> Vec<Mark> {
        std::mem::take(&mut *self.marks.borrow_mut())
    }

    /// Whether a hit counts where it stands: not in a setting its phrase skips, and not in a
    /// sense of its word that no rule means.
    fn counts<T: Copy>(&self, lexicon: &Lexicon<T>, hit: &Hit) -> bool {
        let skip = lexicon.phrase(hit).skip;
        !self.reading.settings(hit.words.start).meets(skip)
            && !senses::other_sense(&self.words, &self.reading, &hit.words, self.lang)
    }

    /// Byte range of a hit in the whole source.
    pub fn source_span(&self, hit: &Hit) -> Range<usize> {
        self.text.offset + hit.span.start..self.text.offset + hit.span.end
    }

    /// The matched text as written, on one line.
    pub fn excerpt(&self, hit: &Hit) -> String {
        let raw = self.text.raw.get(hit.span.clone()).unwrap_or("");
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// A finding of a lexicon in the source: where, the words as written, and the phrase's tag.
pub(crate) struct Found<T> {
    pub span: Range<usize>,
    pub excerpt: String,
    pub tag: T,
}

impl<T> Found<T> {
    /// The words to quote back in a message: as written, except that a capital the words
    /// only have for starting a sentence is dropped ("Unlimited revisions" → "unlimited
    /// revisions"; "ASAP" stays).
    pub fn quoted(&self) -> String {
        let first_word = self.excerpt.split_whitespace().next().unwrap_or("");
        let mut letters = first_word.chars().filter(|c| c.is_alphabetic());
        let title_case =
            letters.next().is_some_and(char::is_uppercase) && letters.all(char::is_lowercase);
        if !title_case {
            return self.excerpt.clone();
        }
        let mut chars = self.excerpt.chars();
        chars
            .next()
            .map(|first| first.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    }
}

/// Runs a lexicon over every client-written text. Hits in a setting their phrase skips
/// (what exists, a negation, a quoted label, boilerplate, a purpose) or in another sense of
/// their word are dropped first; then `keep` sees each text's hits and returns those to
/// report, for conditions that look at more than one hit (a measure that answers a vague
/// word). Each finding's place is recorded, so that the rules' runner can fold the repeats
/// of one word into one finding.
pub(crate) fn find_all<T: Copy>(
    scanned: &[Scanned],
    lexicon: &Lexicon<T>,
    mut keep: impl FnMut(&Scanned, Vec<Hit>) -> Vec<Hit>,
) -> Vec<Found<T>> {
    let mut found = Vec::new();
    let identity = std::ptr::from_ref(lexicon) as usize;
    for scanned in scanned {
        let mut hits = lexicon.find(&scanned.words, scanned.lang);
        hits.retain(|hit| scanned.counts(lexicon, hit));
        let kept = keep(scanned, hits);
        let mut marks = scanned.marks.borrow_mut();
        for hit in kept {
            let span = scanned.source_span(&hit);
            let mut rest = Fnv::default();
            for i in hit.words.start + 1..hit.words.end {
                rest.write(scanned.words.norm(i).as_bytes());
                rest.write_u8(0);
            }
            marks.push(Mark {
                span: span.clone(),
                key: (identity, hit.phrase, hit.word, rest.finish()),
            });
            found.push(Found {
                span,
                excerpt: scanned.excerpt(&hit),
                tag: lexicon.phrase(&hit).tag,
            });
        }
    }
    found
}

/// Drops hits that begin with a name ("Simple Analytics", "Lille Mølle Bageri").
pub(crate) fn without_names(scanned: &Scanned, hits: Vec<Hit>) -> Vec<Hit> {
    hits.into_iter()
        .filter(|hit| !scanned.words.is_name(hit.words.start))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        let words = Words::new(text, false);
        (0..words.len()).map(|i| words.norm(i).to_owned()).collect()
    }

    #[test]
    fn words_keep_joined_forms_and_spans() {
        assert_eq!(
            norms("User-friendly, we’re bl.a. at www.kaffe.dk (2.5 s)!"),
            [
                "user-friendly",
                "we're",
                "bl.a",
                "at",
                "www.kaffe.dk",
                "2.5",
                "s"
            ]
        );
        assert_eq!(
            norms("Brugervenlig ÆBLE-grød"),
            ["brugervenlig", "æble-grød"]
        );
        let text = "en lækker side";
        let words = Words::new(text, false);
        assert_eq!(&text[words.get(1).unwrap().span.clone()], "lækker");
        assert!(Words::new("", false).len() == 0);
        assert!(Words::new("  -- '' ", false).len() == 0);
    }

    #[test]
    fn escapes_separate_words_in_toml() {
        assert_eq!(
            Words::new(r"simple\nmodern", true)
                .words
                .iter()
                .map(|w| w.span.clone())
                .collect::<Vec<_>>(),
            [0..6, 8..14]
        );
        let words = Words::new(r"done.\n\nSimple", true);
        assert!(words.get(1).unwrap().gap.clause);
    }

    #[test]
    fn gaps_mark_clauses_and_sentences() {
        let words = Words::new("fast, e.g. under 2 s. Next one\n\n- item", false);
        let gap = |i: usize| words.get(i).unwrap().gap;
        assert!(!gap(1).clause && !gap(1).phrase); // ", e.g"
        assert!(!gap(2).clause && gap(2).phrase); // "e.g. under"
        assert!(gap(5).clause && gap(5).sentence); // "s. Next"
        assert!(gap(7).clause); // blank line, bullet
    }

    #[test]
    fn names_are_capitalised_mid_sentence() {
        let words = Words::new("We use Simple Analytics. Simple is best. SIMPLE", false);
        assert!(words.is_name(2));
        assert!(!words.is_name(4));
        assert!(!words.is_name(7));
    }

    static PHRASES: &[Phrase<u8>] = &[
        Phrase::new("brugervenlig{,e,t}", 0),
        Phrase::new("as soon as possible", 1),
        Phrase::new("as soon", 2),
        Phrase::new("unlimited ?number ?of changes|revisions", 3),
        Phrase::new("osv.", 4),
        Phrase::new("fast", 5).lang(Lang::En).not_before(&["as"]),
    ];

    fn find(text: &str, lang: Lang) -> Vec<(u8, String)> {
        let lexicon = Lexicon::new(PHRASES);
        let words = Words::new(text, false);
        lexicon
            .find(&words, lang)
            .into_iter()
            .map(|hit| (lexicon.phrase(&hit).tag, text[hit.span].to_owned()))
            .collect()
    }

    #[test]
    fn matches_forms_phrases_and_conditions() {
        assert_eq!(
            find(
                "Brugervenlige sider, brugervenligt og brugervenlighed",
                Lang::Da
            ),
            [(0, "Brugervenlige".into()), (0, "brugervenligt".into())]
        );
        assert_eq!(
            find("As soon as possible, or as soon. As. Soon", Lang::En),
            [(1, "As soon as possible".into()), (2, "as soon".into())]
        );
        assert_eq!(
            find(
                "unlimited changes, unlimited number of revisions, unlimited of",
                Lang::En
            ),
            [
                (3, "unlimited changes".into()),
                (3, "unlimited number of revisions".into())
            ]
        );
        assert_eq!(
            find("webshop, blog osv. og osv", Lang::Da),
            [(4, "osv.".into()), (4, "osv".into())]
        );
        assert_eq!(
            find("breakfast, as fast, fast", Lang::En),
            [(5, "fast".into())]
        );
        assert_eq!(find("fast pris", Lang::Da), []);
    }

    #[test]
    fn long_input_is_matched_in_one_pass() {
        let text = "as soon as ".repeat(50_000);
        let started = std::time::Instant::now();
        assert_eq!(find(&text, Lang::En).len(), 50_000);
        assert!(started.elapsed().as_secs() < 10);
    }
}
