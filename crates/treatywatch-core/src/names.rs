//! Turning what people type ("fin", "Finland", "Türkiye", "Turkey", "St. Lucia") into a
//! state code, and suggesting the closest names when nothing matches.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::model::{State, StateCode, Treaty};

/// Reduces a name to a key that ignores case, accents, punctuation, spacing, a leading
/// "the", and the abbreviation "St." for "Saint".
///
/// `normalize("Côte d'Ivoire") == normalize("cote divoire")`,
/// `normalize("St. Kitts and Nevis") == normalize("Saint Kitts & Nevis")`.
pub fn normalize(name: &str) -> String {
    let folded: String = name
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            // Letters NFKD leaves alone but people type without the mark.
            'ø' => 'o',
            'ł' => 'l',
            'đ' => 'd',
            'ß' => 's',
            'æ' => 'a',
            'œ' => 'o',
            'ı' => 'i',
            _ => c,
        })
        .collect();
    let mut out = String::with_capacity(folded.len());
    let mut first = true;
    for word in folded
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .flat_map(|w| w.split_inclusive('&'))
        .map(|w| w.trim_end_matches('&'))
        .filter(|w| !w.is_empty())
    {
        let word = match word {
            "st" | "ste" => "saint",
            "and" => "",
            "the" if first => "",
            w => w,
        };
        first = false;
        out.push_str(word);
    }
    out
}

/// Why a name could not be resolved to a state.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub struct UnknownState {
    pub query: String,
    /// The closest names, with their codes, best first.
    pub suggestions: Vec<(String, StateCode)>,
}

impl UnknownState {
    fn message(&self) -> String {
        if self.suggestions.is_empty() {
            format!(
                "unknown state `{}`: give an ISO 3166-1 alpha-3 code (FIN) or a name (Finland)",
                self.query
            )
        } else {
            let list: Vec<String> = self
                .suggestions
                .iter()
                .map(|(n, c)| format!("{n} ({c})"))
                .collect();
            format!(
                "unknown state `{}`: did you mean {}?",
                self.query,
                list.join(", ")
            )
        }
    }
}

/// Two states claiming the same name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameCollision {
    pub name: String,
    pub first: StateCode,
    pub second: StateCode,
}

/// An index from every name, alias, former name and code to the state.
#[derive(Clone, Debug, Default)]
pub struct NameIndex {
    by_key: HashMap<String, StateCode>,
    /// Every (display name, normalized key, code), for suggestions.
    names: Vec<(String, String, StateCode)>,
}

impl NameIndex {
    /// Builds the index. Names claimed by two states are left out of the index and
    /// returned, so the dataset check can report them.
    pub fn build(states: &[State]) -> (NameIndex, Vec<NameCollision>) {
        let mut index = NameIndex::default();
        let mut collisions = Vec::new();
        let mut ambiguous: Vec<String> = Vec::new();
        for state in states {
            let all = std::iter::once(&state.name)
                .chain(std::iter::once(&state.formal))
                .chain(&state.aliases)
                .chain(&state.former);
            for name in all {
                let key = normalize(name);
                if key.is_empty() {
                    continue;
                }
                match index.by_key.get(&key) {
                    Some(&other) if other != state.code => {
                        collisions.push(NameCollision {
                            name: name.clone(),
                            first: other,
                            second: state.code,
                        });
                        ambiguous.push(key.clone());
                    }
                    Some(_) => {}
                    None => {
                        index.by_key.insert(key.clone(), state.code);
                    }
                }
                index.names.push((name.clone(), key, state.code));
            }
        }
        for key in ambiguous {
            index.by_key.remove(&key);
        }
        (index, collisions)
    }

    /// Resolves a code or a name. A three-letter query is tried as a code first.
    pub fn resolve(
        &self,
        query: &str,
        codes: impl Fn(StateCode) -> bool,
    ) -> Result<StateCode, UnknownState> {
        let q = query.trim();
        if let Some(code) = self.find(q, codes) {
            return Ok(code);
        }
        Err(UnknownState {
            query: query.to_string(),
            suggestions: self.suggest(q, 5),
        })
    }

    /// Resolves a code or a name exactly (no suggestions): cheap, for a caller that
    /// looks for the closest names elsewhere.
    pub fn find(&self, query: &str, codes: impl Fn(StateCode) -> bool) -> Option<StateCode> {
        let q = query.trim();
        if let Ok(code) = q.parse::<StateCode>()
            && codes(code)
        {
            return Some(code);
        }
        self.by_key.get(&normalize(q)).copied()
    }

    /// The names closest to `query`, at most `limit`, one per state.
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<(String, StateCode)> {
        let key = normalize(query);
        if key.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(f64, &str, StateCode)> = self
            .names
            .iter()
            .map(|(name, k, code)| {
                let mut score = strsim::jaro_winkler(&key, k);
                // "Korea" should find both Koreas; "Congo" both Congos.
                if key.len() >= 4 && k.contains(&key) {
                    score = score.max(0.9);
                }
                (score, name.as_str(), *code)
            })
            .filter(|(s, _, _)| *s >= 0.75)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let mut out: Vec<(String, StateCode)> = Vec::new();
        for (_, name, code) in scored {
            if out.len() == limit {
                break;
            }
            if out.iter().all(|(_, c)| *c != code) {
                out.push((name.to_string(), code));
            }
        }
        out
    }
}

/// Every name a treaty can be found by: its id, UN reference, full and short names and
/// aliases (which hold the common names: "Ottawa Convention").
pub fn treaty_names(t: &Treaty) -> impl Iterator<Item = &str> {
    std::iter::once(t.id.as_str())
        .chain(t.untc.as_deref())
        .chain([t.name.as_str(), t.short_name.as_str()])
        .chain(t.aliases.iter().map(String::as_str))
}

/// Finds a treaty: an exact id first, then any of [`treaty_names`] compared by
/// [`normalize`] (case, accents, punctuation, "and" and a leading "the" ignored), so
/// `XXVI.5`, `xxvi-5`, `Ottawa Convention` and `the mine-ban treaty` all find the Mine Ban
/// Treaty. A key that two treaties share finds neither: it is ambiguous.
pub fn find_treaty<'t>(treaties: &'t [Treaty], query: &str) -> Option<&'t Treaty> {
    let q = query.trim();
    if let Some(t) = treaties.iter().find(|t| t.id.as_str() == q) {
        return Some(t);
    }
    let key = normalize(q);
    if key.is_empty() {
        return None;
    }
    let mut found: Option<&Treaty> = None;
    for t in treaties {
        if treaty_names(t).any(|n| normalize(n) == key) {
            if found.is_some_and(|f| f.id != t.id) {
                return None;
            }
            found = Some(t);
        }
    }
    found
}

/// The treaties whose names are closest to `query`, best first: `(id, the name that
/// matched)`, at most `limit`, one per treaty. Also lists every treaty a shared name
/// matches, for an ambiguous query.
pub fn suggest_treaties(treaties: &[Treaty], query: &str, limit: usize) -> Vec<(String, String)> {
    let key = normalize(query);
    if key.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str, &str)> = Vec::new();
    for t in treaties {
        let best = treaty_names(t)
            .map(|n| {
                let k = normalize(n);
                let mut score = strsim::jaro_winkler(&key, &k);
                if key.len() >= 4 && k.contains(&key) {
                    score = score.max(0.9);
                }
                (score, n)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((score, name)) = best
            && score >= 0.8
        {
            scored.push((score, t.id.as_str(), name));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(limit)
        .map(|(_, id, name)| (id.to_string(), name.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StateKind;

    fn state(code: &str, name: &str, aliases: &[&str], former: &[&str]) -> State {
        State {
            code: code.parse().unwrap(),
            name: name.into(),
            formal: String::new(),
            kind: StateKind::UnMember,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            former: former.iter().map(|s| s.to_string()).collect(),
            demonyms: vec![],
            independence: None,
            from: None,
            origin: Default::default(),
        }
    }

    fn index() -> NameIndex {
        let (index, collisions) = NameIndex::build(&[
            state("FIN", "Finland", &["Suomi"], &[]),
            state("TUR", "Türkiye", &["Turkiye"], &["Turkey"]),
            state(
                "KNA",
                "Saint Kitts and Nevis",
                &[],
                &["St. Kitts and Nevis"],
            ),
            state("CIV", "Côte d'Ivoire", &["Ivory Coast"], &[]),
            state("KOR", "Republic of Korea", &["South Korea"], &[]),
            state(
                "PRK",
                "Democratic People's Republic of Korea",
                &["North Korea"],
                &[],
            ),
            state(
                "USA",
                "United States of America",
                &["United States", "USA"],
                &[],
            ),
        ]);
        assert!(collisions.is_empty());
        index
    }

    #[test]
    fn normalizes_spelling_variants() {
        assert_eq!(normalize("Côte d'Ivoire"), normalize("COTE DIVOIRE"));
        assert_eq!(
            normalize("St. Kitts and Nevis"),
            normalize("saint kitts & nevis")
        );
        assert_eq!(normalize("The Gambia"), normalize("Gambia"));
        assert_eq!(normalize("Türkiye"), "turkiye");
        assert_eq!(normalize("  "), "");
    }

    #[test]
    fn resolves_codes_names_aliases_and_former_names() {
        let idx = index();
        let all = |_| true;
        for q in ["fin", "FIN", "Finland", "finland", "SUOMI", " Finland "] {
            assert_eq!(idx.resolve(q, all).unwrap().as_str(), "FIN", "{q}");
        }
        for q in ["Türkiye", "Turkey", "turkiye", "TUR"] {
            assert_eq!(idx.resolve(q, all).unwrap().as_str(), "TUR", "{q}");
        }
        assert_eq!(
            idx.resolve("St Kitts and Nevis", all).unwrap().as_str(),
            "KNA"
        );
        assert_eq!(idx.resolve("Cote d'Ivoire", all).unwrap().as_str(), "CIV");
        assert_eq!(idx.resolve("usa", all).unwrap().as_str(), "USA");
    }

    #[test]
    fn unknown_names_get_the_closest_names() {
        let idx = index();
        let err = idx.resolve("Finlnd", |_| true).unwrap_err();
        assert_eq!(err.suggestions[0].1.as_str(), "FIN");
        assert!(
            err.to_string().contains("did you mean Finland (FIN)"),
            "{err}"
        );
        let err = idx.resolve("Korea", |_| true).unwrap_err();
        let codes: Vec<&str> = err.suggestions.iter().map(|(_, c)| c.as_str()).collect();
        assert!(
            codes.contains(&"KOR") && codes.contains(&"PRK"),
            "{codes:?}"
        );
        let err = idx.resolve("xyzzy", |_| true).unwrap_err();
        assert!(err.suggestions.is_empty());
        assert!(err.to_string().contains("alpha-3"), "{err}");
        // A three-letter string that is not a known code is tried as a name.
        let err = idx.resolve("ABC", |c| c.as_str() == "FIN").unwrap_err();
        assert_eq!(err.query, "ABC");
    }

    #[test]
    fn collisions_are_reported_not_resolved() {
        let (idx, collisions) = NameIndex::build(&[
            state("COG", "Congo", &["Congo"], &[]),
            state("COD", "Democratic Republic of the Congo", &["Congo"], &[]),
        ]);
        assert_eq!(collisions.len(), 1);
        assert_eq!(collisions[0].name, "Congo");
        assert!(idx.resolve("Congo", |_| true).is_err());
    }
}
