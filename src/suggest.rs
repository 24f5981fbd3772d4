//! "Bedoelde u …?": the closest known name to a mistyped one.

/// The candidate closest to `typed`, if it is close enough to be a typo.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::normalized_damerau_levenshtein(typed, c), c))
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
    }
}
