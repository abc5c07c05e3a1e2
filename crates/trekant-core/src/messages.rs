//! Every sentence trekant says to a person, from per-locale message catalogs.
//!
//! The catalogs are [Fluent](https://projectfluent.org) files, one folder per locale under
//! `crates/trekant-core/locales/` (`da/`, `en/`), embedded in the binary with
//! `include_str!`. A message has an id and named arguments (`{ $word }`); plurals and other
//! choices are Fluent selectors, and numeric selectors use the CLDR plural rules of the
//! locale (`intl_pluralrules`, through Fluent) rather than hand-written `if n == 1`.
//!
//! Why `fluent-bundle` and not `fluent-templates` or `fluent`: `fluent-bundle` is the
//! reference implementation kept by Project Fluent itself, and it is all a CLI with embedded
//! catalogs needs: a bundle per locale built once from `&'static str` sources.
//! `fluent-templates` adds a loader for folders read at run time or through its own
//! macros and a fallback chain we do not need (every message exists in every locale, which
//! a test checks), and `fluent` is a thin re-export of `fluent-bundle`.
//!
//! Numbers and dates are formatted before they become arguments (see
//! the `format` module, which uses this one): Fluent's own number formatting does not know Danish
//! decimal commas. Numbers passed as [`Arg::Number`] are meant for selectors.
//!
//! Placeables are not wrapped in Unicode isolation marks (`set_use_isolating(false)`): the
//! output goes to terminals, Markdown and JSON, where the invisible marks would only change
//! bytes that tests and users compare.
//!
//! # The pseudo-locale
//!
//! Setting the environment variable `TREKANT_PSEUDO_LOCALE=1` makes every message come out
//! of the English catalog wrapped in `⟦…⟧`. It exists for one test, which runs every
//! command through the binary and fails on any letters outside the brackets that are not
//! data (client text, file names, codes): text that did not come through the catalog.
//! Adding a language is adding a folder of `.ftl` files and a line in [`LOCALES`].

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::lang::Lang;

/// The catalog files of each locale, in load order. Ids must be unique within a locale.
pub const LOCALES: &[(&str, &[&str])] = &[
    (
        "da",
        &[
            include_str!("../locales/da/common.ftl"),
            include_str!("../locales/da/review.ftl"),
            include_str!("../locales/da/forecast.ftl"),
            include_str!("../locales/da/document.ftl"),
            include_str!("../locales/da/cli.ftl"),
            include_str!("../locales/da/import.ftl"),
            include_str!("../locales/da/web.ftl"),
            include_str!("../locales/da/offer.ftl"),
            include_str!("../locales/da/loop.ftl"),
            include_str!("../locales/da/clauses.ftl"),
            include_str!("../locales/da/context.ftl"),
            include_str!("../locales/da/person.ftl"),
            include_str!("../locales/da/team.ftl"),
            include_str!("../locales/da/errors.ftl"),
            include_str!("../locales/da/explain.ftl"),
            include_str!("../locales/da/webhistory.ftl"),
            include_str!("../locales/da/patch.ftl"),
            include_str!("../locales/da/login.ftl"),
            include_str!("../locales/da/teambriefs.ftl"),
            include_str!("../locales/da/teamcalibration.ftl"),
            include_str!("../locales/da/share.ftl"),
            include_str!("../locales/da/reliability.ftl"),
        ],
    ),
    (
        "en",
        &[
            include_str!("../locales/en/common.ftl"),
            include_str!("../locales/en/review.ftl"),
            include_str!("../locales/en/forecast.ftl"),
            include_str!("../locales/en/document.ftl"),
            include_str!("../locales/en/cli.ftl"),
            include_str!("../locales/en/import.ftl"),
            include_str!("../locales/en/web.ftl"),
            include_str!("../locales/en/offer.ftl"),
            include_str!("../locales/en/loop.ftl"),
            include_str!("../locales/en/clauses.ftl"),
            include_str!("../locales/en/context.ftl"),
            include_str!("../locales/en/person.ftl"),
            include_str!("../locales/en/team.ftl"),
            include_str!("../locales/en/errors.ftl"),
            include_str!("../locales/en/explain.ftl"),
            include_str!("../locales/en/webhistory.ftl"),
            include_str!("../locales/en/patch.ftl"),
            include_str!("../locales/en/login.ftl"),
            include_str!("../locales/en/teambriefs.ftl"),
            include_str!("../locales/en/teamcalibration.ftl"),
            include_str!("../locales/en/share.ftl"),
            include_str!("../locales/en/reliability.ftl"),
        ],
    ),
];

/// The environment variable that turns the test pseudo-locale on.
pub const PSEUDO_ENV: &str = "TREKANT_PSEUDO_LOCALE";

/// An argument of a message: text (already formatted) or a number (for selectors).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
    /// A message of its own, put into words in the same language.
    Message(Box<Message>),
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Message(Box::new(m))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Number(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(f64::from(n))
    }
}

impl From<i8> for Arg {
    fn from(n: i8) -> Self {
        Arg::Number(f64::from(n))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n as f64)
    }
}

/// A message not yet put into words: its id in the catalogs and its named arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(id: &'static str) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// The message with one more named argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.set(name, value);
        self
    }

    /// Sets (or replaces) a named argument.
    pub fn set(&mut self, name: &'static str, value: impl Into<Arg>) {
        let value = value.into();
        match self.args.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => *v = value,
            None => self.args.push((name, value)),
        }
    }

    /// The value of a named argument.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The message in words, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        format(lang, self.id, &self.args)
    }
}

struct Catalogs {
    bundles: Vec<(&'static str, FluentBundle<FluentResource>)>,
}

static CATALOGS: LazyLock<Catalogs> = LazyLock::new(|| Catalogs {
    bundles: LOCALES
        .iter()
        .map(|(code, files)| (*code, bundle(code, files)))
        .collect(),
});

/// Builds one locale's bundle. The catalogs are part of the program, so a syntax error or
/// a duplicate id is a bug caught by the tests, not a user's problem: it panics.
fn bundle(code: &str, files: &[&str]) -> FluentBundle<FluentResource> {
    let langid = code.parse().expect("a valid locale code");
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    for source in files {
        let resource = FluentResource::try_new((*source).to_owned())
            .unwrap_or_else(|(_, errors)| panic!("catalog {code}: {errors:?}"));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("catalog {code}: {errors:?}"));
    }
    bundle
}

fn pseudo() -> bool {
    static PSEUDO: LazyLock<bool> =
        LazyLock::new(|| std::env::var_os(PSEUDO_ENV).is_some_and(|v| !v.is_empty() && v != "0"));
    *PSEUDO
}

fn bundle_for(code: &str) -> &'static FluentBundle<FluentResource> {
    let catalogs = &*CATALOGS;
    catalogs
        .bundles
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, b)| b)
        .unwrap_or(&catalogs.bundles[0].1)
}

/// The ids of every message of a locale, for the tests that compare catalogs.
pub fn ids(code: &str) -> Vec<String> {
    LOCALES
        .iter()
        .filter(|(c, _)| *c == code)
        .flat_map(|(_, files)| files.iter())
        .flat_map(|source| {
            source.lines().filter_map(|line| {
                let (id, _) = line.split_once(" =")?;
                (!id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .then(|| id.to_owned())
            })
        })
        .collect()
}

/// The message `id` in `lang`, with its arguments filled in.
///
/// A missing id or argument is a bug in the program; it shows as the id in braces rather
/// than a panic, and the catalog tests catch it.
pub fn format(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let code = if pseudo() { "en" } else { lang.code() };
    let bundle = bundle_for(code);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return format!("{{{id}}}");
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Text(s) => FluentValue::String(Cow::Borrowed(s.as_str())),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Message(m) => FluentValue::String(Cow::Owned(m.render(lang))),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "message {id}: {errors:?}");
    if pseudo() {
        format!("⟦{text}⟧")
    } else {
        text.into_owned()
    }
}

/// `f` applied to a message's text inside the pseudo-locale's brackets, which stay around
/// the result: for a piece cut from a message (a rule's summary line from its documentation).
pub fn within(text: &str, f: impl FnOnce(&str) -> String) -> String {
    match text.strip_prefix('⟦').and_then(|t| t.strip_suffix('⟧')) {
        Some(inner) if pseudo() => format!("⟦{}⟧", f(inner)),
        _ => f(text),
    }
}

/// A locale setting from the catalog, such as a number separator: never wrapped by the
/// pseudo-locale, since it is a piece of a number, not a sentence.
pub fn setting(lang: Lang, id: &str) -> String {
    let code = if pseudo() { "en" } else { lang.code() };
    let bundle = bundle_for(code);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return format!("{{{id}}}");
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, None, &mut errors)
        .into_owned()
}

/// The language of the system locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
/// set and not empty decides, Danish when it starts with `da`, else English; `None` when
/// none is set.
pub fn system_lang() -> Option<Lang> {
    let var = |name| std::env::var(name).ok();
    lang_of_locale(var("LC_ALL"), var("LC_MESSAGES"), var("LANG"))
}

/// [`system_lang`] over given values, for tests.
pub fn lang_of_locale(
    lc_all: Option<String>,
    lc_messages: Option<String>,
    lang: Option<String>,
) -> Option<Lang> {
    let locale = [lc_all, lc_messages, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty())?;
    Some(if locale.to_ascii_lowercase().starts_with("da") {
        Lang::Da
    } else {
        Lang::En
    })
}

/// The message `id` in `lang`, without arguments.
pub fn text(lang: Lang, id: &str) -> String {
    format(lang, id, &[])
}

/// Implements `Display` (the English catalog) and `Error` for an error type with a
/// `fn message(&self) -> Message`: the words of an error come from the catalogs, and a
/// front end that knows the user's language renders the
/// [`Message`](crate::messages::Message) in it instead.
#[macro_export]
macro_rules! catalog_error {
    ($type:ty) => {
        impl ::std::fmt::Display for $type {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.message().render($crate::lang::Lang::En))
            }
        }

        impl ::std::error::Error for $type {}
    };
}

/// Shorthand for [`format()`]: `t!(lang, "id", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::format(
            $lang,
            $id,
            &[$((stringify!($name), $crate::messages::Arg::from(::std::clone::Clone::clone(&$value)))),*],
        )
    };
}

/// Shorthand for a [`Message`]: `msg!("id", name = value, …)`.
#[macro_export]
macro_rules! msg {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message {
            id: $id,
            args: vec![$((stringify!($name), $crate::messages::Arg::from(::std::clone::Clone::clone(&$value)))),*],
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_the_same_ids() {
        let mut da = ids("da");
        let mut en = ids("en");
        da.sort();
        en.sort();
        let mut unique = en.clone();
        unique.dedup();
        assert_eq!(unique.len(), en.len(), "duplicate ids in en");
        let missing_da: Vec<_> = en.iter().filter(|id| !da.contains(id)).collect();
        let missing_en: Vec<_> = da.iter().filter(|id| !en.contains(id)).collect();
        assert!(missing_da.is_empty(), "missing in da: {missing_da:?}");
        assert!(missing_en.is_empty(), "missing in en: {missing_en:?}");
    }

    #[test]
    fn every_catalog_parses() {
        for (code, _) in LOCALES {
            assert!(!bundle_for(code).has_message("no-such-message"));
            for id in ids(code) {
                assert!(bundle_for(code).has_message(&id), "{code}: {id}");
            }
        }
    }

    #[test]
    fn named_arguments_and_cldr_plurals() {
        let one = t!(Lang::En, "list-verb-do", count = 1usize);
        let two = t!(Lang::En, "list-verb-do", count = 2usize);
        assert_eq!((one.as_str(), two.as_str()), ("does", "do"));
        assert_eq!(
            t!(Lang::Da, "list-and", rest = "'a', 'b'", last = "'c'"),
            "'a', 'b' og 'c'"
        );
        assert_eq!(msg!("quoted", w = "x").render(Lang::En), "'x'");
    }

    #[test]
    fn the_system_locale_decides_in_posix_order() {
        let s = |v: &str| Some(v.to_owned());
        assert_eq!(lang_of_locale(None, None, s("da_DK.UTF-8")), Some(Lang::Da));
        assert_eq!(
            lang_of_locale(s("en_GB.UTF-8"), None, s("da_DK.UTF-8")),
            Some(Lang::En)
        );
        assert_eq!(lang_of_locale(s(""), s("da"), s("C")), Some(Lang::Da));
        assert_eq!(lang_of_locale(None, None, None), None);
    }

    /// Every id the code asks for (`t!(lang, "id"…)`, `msg!("id"…)`, `text(lang, "id")`)
    /// exists in the catalogs: a typo would otherwise show as `{id}` at run time.
    #[test]
    fn every_id_the_code_uses_exists() {
        fn sources(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        sources(&root.join("src"), &mut files);
        sources(&root.join("../trekant-cli/src"), &mut files);
        let known = ids("en");
        let mut missing = Vec::new();
        for file in &files {
            for (marker, skip_comma) in [("t!(", true), ("msg!(", false), ("text(lang, ", false)] {
                for (at, _) in file.match_indices(marker) {
                    let before = file[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let mut rest = file[at + marker.len()..].trim_start();
                    if skip_comma {
                        let Some((_, after)) = rest.split_once(',') else {
                            continue;
                        };
                        rest = after.trim_start();
                    }
                    let Some(quoted) = rest.strip_prefix('"') else {
                        continue;
                    };
                    let Some((id, _)) = quoted.split_once('"') else {
                        continue;
                    };
                    let plain = !id.is_empty()
                        && id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if plain
                        && !known.iter().any(|k| k == id)
                        && !matches!(id, "id" | "no-such-message")
                    {
                        missing.push(id.to_owned());
                    }
                }
            }
        }
        assert!(missing.is_empty(), "ids not in the catalogs: {missing:?}");
    }

    #[test]
    fn a_missing_id_shows_itself() {
        assert_eq!(text(Lang::En, "no-such-message"), "{no-such-message}");
    }
}
