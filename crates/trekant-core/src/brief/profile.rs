//! The provider's profile file: `[me]` defaults shared by every brief.
//!
//! A freelancer's rate, capacity and calendar rarely change between briefs, so they live in
//! `$XDG_CONFIG_HOME/trekant/profile.toml`; a brief's own `[me]` overrides any of them. So
//! do the usual terms of an offer (`[terms]`), which a brief's `[terms]` overrides key by key.

use toml::de::{DeTable, DeValue};

use super::parse::Reader;
use super::syntax;
use super::{Me, Terms};
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::span::Spanned;

/// A parsed profile and what was wrong with it (spans point into the profile file).
#[derive(Clone, Debug, Default)]
pub struct Profile {
    pub me: Me,
    pub terms: Terms,
    /// `language = "da"`: the language the commands speak when `--lang` does not say;
    /// it comes before a brief's own language and the system locale.
    pub language: Option<Spanned<Lang>>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a profile file: a `[me]` and a `[terms]` table, as in a brief, and the top-level
/// `language`. Only its form is checked here;
/// `review::review_profile` also checks that its settings are in range.
pub fn parse_profile(source: &str, lang: Lang) -> Profile {
    let root = match DeTable::parse(source) {
        Ok(root) => root,
        Err(error) => {
            return Profile {
                me: Me::default(),
                terms: Terms::default(),
                language: None,
                diagnostics: vec![syntax::from_toml_error(lang, source, &error)],
            };
        }
    };
    let mut reader = Reader {
        lang,
        diagnostics: Vec::new(),
        rejected: Vec::new(),
    };
    reader.check_keys(root.get_ref(), &["language", "me", "terms"], "");
    let language = reader.parse_enum(root.get_ref(), "language", "", &["da", "en"], |s| {
        Lang::from_code(s).filter(|_| matches!(s, "da" | "en"))
    });
    let me = match root.get_ref().get("me").map(|v| v.get_ref()) {
        Some(DeValue::Table(table)) => reader.me(table, "me"),
        _ => Me::default(),
    };
    let terms = match root.get_ref().get("terms").map(|v| v.get_ref()) {
        Some(DeValue::Table(table)) => reader.terms(table, "terms"),
        _ => Terms::default(),
    };
    Profile {
        me,
        terms,
        language,
        diagnostics: reader.diagnostics,
    }
}

/// Fills `mine` from `theirs` when unset; the value carries an empty span at the start of
/// the brief: it was not written in it.
fn fill<T: Clone>(mine: &mut Option<Spanned<T>>, theirs: &Option<Spanned<T>>) {
    if mine.is_none() {
        *mine = theirs.as_ref().map(|v| Spanned::new(v.value.clone(), 0..0));
    }
}

impl Profile {
    /// Fills what the brief left out of `[me]` and `[terms]` from the profile.
    pub fn fill(&self, me: &mut Me, terms: &mut Terms) {
        me.fill_from(&self.me);
        terms.fill_from(&self.terms);
    }
}

impl Terms {
    /// Fills every term the brief left out from the profile, key by key.
    pub fn fill_from(&mut self, profile: &Terms) {
        fill(&mut self.revisions, &profile.revisions);
        fill(&mut self.valid_days, &profile.valid_days);
        // Words and plan are one key: the brief's either replaces the profile's.
        if self.payment.is_none() && self.payment_plan.is_none() {
            fill(&mut self.payment, &profile.payment);
            fill(&mut self.payment_plan, &profile.payment_plan);
        }
        fill(&mut self.customer, &profile.customer);
        fill(&mut self.vat, &profile.vat);
        fill(&mut self.round_to, &profile.round_to);
        fill(&mut self.payment_days, &profile.payment_days);
        fill(&mut self.change_rate, &profile.change_rate);
    }
}

impl Me {
    /// Fills every setting the brief left out from the profile. Filled values carry an empty
    /// span at the start of the brief: they were not written in it.
    pub fn fill_from(&mut self, profile: &Me) {
        fill(&mut self.rate, &profile.rate);
        fill(&mut self.hours_per_week, &profile.hours_per_week);
        fill(&mut self.max_hours_per_week, &profile.max_hours_per_week);
        fill(&mut self.rush_surcharge, &profile.rush_surcharge);
        fill(&mut self.holidays, &profile.holidays);
        fill(&mut self.days_off, &profile.days_off);
        fill(&mut self.workdays, &profile.workdays);
        fill(&mut self.confidence, &profile.confidence);
        fill(&mut self.name, &profile.name);
        fill(&mut self.company, &profile.company);
        fill(&mut self.cvr, &profile.cvr);
        fill(&mut self.email, &profile.email);
        fill(&mut self.phone, &profile.phone);
        fill(&mut self.address, &profile.address);
        fill(&mut self.logo, &profile.logo);
        fill(&mut self.voice, &profile.voice);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_key_is_read_and_checked() {
        let profile = parse_profile("language = \"da\"\n[me]\nrate = 850\n", Lang::En);
        assert!(profile.diagnostics.is_empty(), "{:?}", profile.diagnostics);
        assert_eq!(profile.language.map(|l| l.value), Some(Lang::Da));
        assert_eq!(parse_profile("[me]\nrate = 850\n", Lang::En).language, None);

        let wrong = parse_profile("language = \"de\"\n", Lang::En);
        assert_eq!(wrong.language, None);
        assert_eq!(wrong.diagnostics.len(), 1);
        assert!(
            wrong.diagnostics[0].message.contains("language"),
            "{:?}",
            wrong.diagnostics
        );
        // Only at the top: `[me] language` is not a key.
        let misplaced = parse_profile("[me]\nlanguage = \"da\"\n", Lang::En);
        assert_eq!(misplaced.diagnostics.len(), 1);
    }
}
