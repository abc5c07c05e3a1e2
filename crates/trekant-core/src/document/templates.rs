//! Files trekant writes for the user to start from: a commented brief in each language.

use crate::lang::Lang;

/// A commented brief that passes review without errors (`trekant init`).
pub fn brief(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => include_str!("../../templates/brief.da.toml"),
        Lang::En => include_str!("../../templates/brief.en.toml"),
    }
}
