//! "Bedoelde u …?": the closest known name to a mistyped one.

/// The candidate closest to `typed`, if it is close enough to be a typo, or
/// the one that holds `typed` as a whole part (`raadpleging` for
/// `voorafgaande-raadpleging`).
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| {
            let part = typed.chars().count() >= 5
                && c.split(['-', '_', '.', '/'])
                    .any(|p| p.eq_ignore_ascii_case(typed));
            let score = strsim::normalized_damerau_levenshtein(typed, c);
            (if part { score.max(0.6) } else { score }, c)
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggests_close_names_only() {
        let names = ["brief.typ", "avg-verzoek/besluit.md"];
        assert_eq!(super::closest("brief.tpy", names), Some("brief.typ"));
        assert_eq!(super::closest("iets-anders.md", names), None);
        let soorten = ["avg-verzoek", "voorafgaande-raadpleging"];
        assert_eq!(
            super::closest("raadpleging", soorten),
            Some("voorafgaande-raadpleging")
        );
        assert_eq!(super::closest("verzoek", soorten), Some("avg-verzoek"));
        assert_eq!(super::closest("avg", soorten), None);
    }
}
