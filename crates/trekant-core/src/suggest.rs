//! "Did you mean …?": the one place that decides which known word a misspelt one was meant
//! to be, for unknown keys in a brief, unknown item ids, rule codes and CSV columns alike.

/// How alike two words must be (Jaro–Winkler) for the known one to be a likely meaning of the
/// typed one: `dedline` → `deadline` (0.95), `budget` → `budgets`; `shop` is not `design`.
const LIKELY_TYPO: f64 = 0.8;

/// The known word closest to `typed`, if it is close enough to be a likely typo of it.
pub fn closest<'a>(typed: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(typed, candidate), candidate))
        .filter(|(score, _)| *score >= LIKELY_TYPO)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn a_typo_finds_its_word_and_a_stranger_finds_none() {
        let keys = ["deadline", "budget", "text", "fixed"];
        assert_eq!(closest("dedline", keys), Some("deadline"));
        assert_eq!(closest("budgte", keys), Some("budget"));
        assert_eq!(closest("colour", keys), None);
        assert_eq!(closest("anything", []), None);
    }

    #[test]
    fn the_closest_of_several_wins() {
        assert_eq!(
            closest("shop-2", ["shop", "shop-2x", "design"]),
            Some("shop-2x")
        );
    }
}
