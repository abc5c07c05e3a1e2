//! The provider's profile file: `[me]` defaults shared by every brief.
//!
//! A freelancer's rate, capacity and calendar rarely change between briefs, so they live in
//! `$XDG_CONFIG_HOME/trekant/profile.toml`; a brief's own `[me]` overrides any of them.

use toml::de::{DeTable, DeValue};

use super::Me;
use super::parse::Reader;
use super::syntax;
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::span::Spanned;

/// A parsed profile and what was wrong with it (spans point into the profile file).
#[derive(Clone, Debug, Default)]
pub struct Profile {
    pub me: Me,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a profile file: a `[me]` table, as in a brief. Only its form is checked here;
/// `review::review_profile` also checks that its settings are in range.
pub fn parse_profile(source: &str, lang: Lang) -> Profile {
    let root = match DeTable::parse(source) {
        Ok(root) => root,
        Err(error) => {
            return Profile {
                me: Me::default(),
                diagnostics: vec![syntax::from_toml_error(lang, source, &error)],
            };
        }
    };
    let mut reader = Reader {
        lang,
        diagnostics: Vec::new(),
        rejected: Vec::new(),
    };
    reader.check_keys(root.get_ref(), &["me"], "");
    let me = match root.get_ref().get("me").map(|v| v.get_ref()) {
        Some(DeValue::Table(table)) => reader.me(table, "me"),
        _ => Me::default(),
    };
    Profile {
        me,
        diagnostics: reader.diagnostics,
    }
}

impl Me {
    /// Fills every setting the brief left out from the profile. Filled values carry an empty
    /// span at the start of the brief: they were not written in it.
    pub fn fill_from(&mut self, profile: &Me) {
        fn fill<T: Clone>(mine: &mut Option<Spanned<T>>, theirs: &Option<Spanned<T>>) {
            if mine.is_none() {
                *mine = theirs.as_ref().map(|v| Spanned::new(v.value.clone(), 0..0));
            }
        }
        fill(&mut self.rate, &profile.rate);
        fill(&mut self.hours_per_week, &profile.hours_per_week);
        fill(&mut self.max_hours_per_week, &profile.max_hours_per_week);
        fill(&mut self.rush_surcharge, &profile.rush_surcharge);
        fill(&mut self.holidays, &profile.holidays);
        fill(&mut self.days_off, &profile.days_off);
        fill(&mut self.workdays, &profile.workdays);
        fill(&mut self.confidence, &profile.confidence);
    }
}
