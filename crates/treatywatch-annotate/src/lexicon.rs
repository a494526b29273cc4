//! The annotator's own word lists, kept small and curated: the ways articles name the
//! treaty beyond the names in its data file, domestic bodies, and other treaties and
//! organisations whose sentences must not be read as claims about this one.

/// Phrasings of the Mine Ban Treaty seen in news writing. Matched ignoring ASCII case;
/// each phrase with "anti-personnel" is also tried as "antipersonnel" and "anti personnel",
/// and "landmine" as "land mine" and "land-mine".
pub const TREATY_PHRASES: &[&str] = &[
    "Ottawa Convention",
    "Ottawa Treaty",
    "Ottawa Mine Ban Treaty",
    "Ottawa Convention on the Prohibition of Anti-Personnel Mines",
    "Ottawa Anti-Personnel Mine Ban Convention",
    "Mine Ban Treaty",
    "Mine Ban Convention",
    "Anti-Personnel Mine Ban Convention",
    "Anti-Personnel Mine Ban Treaty",
    "Anti-Personnel Mine Convention",
    "Convention on the Prohibition of Anti-Personnel Mines",
    "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel Mines",
    "convention prohibiting anti-personnel mines",
    "convention banning anti-personnel mines",
    "treaty banning anti-personnel mines",
    "treaty prohibiting anti-personnel mines",
    "convention banning landmines",
    "treaty banning landmines",
    "landmine ban treaty",
    "landmine treaty",
    "landmine convention",
    "APMBC",
];

/// Words that refer back to a treaty already named: "the convention", "this agreement".
pub const TREATY_ANAPHORS: &[&str] = &[
    "the convention",
    "this convention",
    "the treaty",
    "this treaty",
    "the agreement",
    "this agreement",
    "the document",
    "the accord",
    "the pact",
];

/// Other treaties and organisations. A sentence naming one of them, and not this
/// treaty by name, is not read for claims: "Finland joined NATO in 2023".
pub const OTHER_TREATIES: &[&str] = &[
    "NATO",
    "North Atlantic Treaty",
    "European Union",
    "Convention on Cluster Munitions",
    "cluster munition",
    "cluster munitions",
    "Oslo Convention",
    "Dublin Convention",
    "Chemical Weapons Convention",
    "Biological Weapons Convention",
    "Non-Proliferation Treaty",
    "NPT",
    "Arms Trade Treaty",
    "Rome Statute",
    "International Criminal Court",
    "Convention on Certain Conventional Weapons",
    "CCW",
    "Amended Protocol II",
    "Geneva Conventions",
    "Schengen",
    "eurozone",
    "World Trade Organization",
    "WTO",
    "OECD",
    "Council of Europe",
    "INF Treaty",
    "New START",
];

/// Parliaments and other bodies named by their own name, with their state.
pub const NAMED_BODIES: &[(&str, &str)] = &[
    ("Verkhovna Rada", "UKR"),
    ("Seimas", "LTU"),
    ("Saeima", "LVA"),
    ("Riigikogu", "EST"),
    ("Eduskunta", "FIN"),
    ("Sejm", "POL"),
    ("Storting", "NOR"),
    ("Stortinget", "NOR"),
    ("Riksdag", "SWE"),
    ("Folketing", "DNK"),
    ("Folketinget", "DNK"),
    ("Althing", "ISL"),
    ("Bundestag", "DEU"),
    ("Nationalrat", "AUT"),
    ("State Duma", "RUS"),
    ("Knesset", "ISR"),
    ("Majlis", "IRN"),
    ("Oireachtas", "IRL"),
    ("Dáil", "IRL"),
];

/// Bodies named by what they are; their state comes from the words before them
/// ("Finland's parliament", "the Lithuanian Seimas") or from the sentence.
pub const GENERIC_BODIES: &[&str] = &[
    "parliament",
    "Parliament",
    "lawmakers",
    "legislators",
    "legislature",
    "MPs",
    "deputies",
    "government",
    "Government",
    "cabinet",
    "Cabinet",
    "Council of Ministers",
    "National Security and Defence Council",
    "National Security and Defense Council",
    "president",
    "President",
    "prime minister",
    "Prime Minister",
    "defence minister",
    "defense minister",
    "Defence Minister",
    "Defense Minister",
];

/// Words for one to twelve, for durations written out.
pub const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// Month names, in order; a trailing full stop is allowed after the abbreviations.
pub const MONTHS: &[(&str, i8)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// Every spelling variant of a phrase: hyphenation of "anti-personnel" and "landmine".
pub fn variants(phrase: &str) -> Vec<String> {
    let mut out = vec![phrase.to_string()];
    let swaps: [(&str, &[&str]); 2] = [
        ("anti-personnel", &["antipersonnel", "anti personnel"]),
        ("landmine", &["land mine", "land-mine"]),
    ];
    for (from, tos) in swaps {
        let mut more = Vec::new();
        for p in &out {
            let lower = p.to_ascii_lowercase();
            if let Some(i) = lower.find(from) {
                for to in tos {
                    more.push(format!("{}{}{}", &p[..i], to, &p[i + from.len()..]));
                }
            }
        }
        out.extend(more);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants() {
        let v = variants("Anti-Personnel Mine Ban Convention");
        assert!(v.contains(&"antipersonnel Mine Ban Convention".to_string()));
        assert!(v.contains(&"anti personnel Mine Ban Convention".to_string()));
        let v = variants("landmine treaty");
        assert_eq!(
            v,
            vec!["landmine treaty", "land mine treaty", "land-mine treaty"]
        );
    }
}
