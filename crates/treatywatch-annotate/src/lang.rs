//! The languages articles are read in, and how an article's language is told when the
//! caller does not give it.
//!
//! Detection is a count, over the first 20,000 bytes, of letters and short words that
//! belong to one language of the eight: Cyrillic letters only Ukrainian uses (і ї є ґ)
//! or only Russian uses (ы э ъ ё), Latin letters with the diacritics of Lithuanian,
//! Latvian, Estonian, Finnish and Polish, and each language's commonest function words.
//! It is meant for news text of a paragraph or more; a caller who knows the language
//! passes it.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// A language the annotator reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Language {
    En,
    Lt,
    Lv,
    Et,
    Fi,
    Pl,
    Uk,
    Ru,
}

impl Language {
    pub const ALL: [Language; 8] = [
        Language::En,
        Language::Lt,
        Language::Lv,
        Language::Et,
        Language::Fi,
        Language::Pl,
        Language::Uk,
        Language::Ru,
    ];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Lt => "lt",
            Language::Lv => "lv",
            Language::Et => "et",
            Language::Fi => "fi",
            Language::Pl => "pl",
            Language::Uk => "uk",
            Language::Ru => "ru",
        }
    }

    /// The language's name in English.
    pub fn name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Lt => "Lithuanian",
            Language::Lv => "Latvian",
            Language::Et => "Estonian",
            Language::Fi => "Finnish",
            Language::Pl => "Polish",
            Language::Uk => "Ukrainian",
            Language::Ru => "Russian",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// Reads a code (`fi`) or an English name (`Finnish`), in any case.
    pub fn parse(s: &str) -> Result<Language, String> {
        let t = s.trim().to_lowercase();
        Language::ALL
            .into_iter()
            .find(|l| l.code() == t || l.name().to_lowercase() == t)
            .ok_or_else(|| {
                format!(
                    "unknown language `{s}`: expected one of {}",
                    Language::ALL.map(|l| l.code()).join(", ")
                )
            })
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Language {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::parse(s)
    }
}

/// Where the article's language came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum LanguageSource {
    /// Given by the caller.
    Given,
    /// Told from the text.
    Detected,
}

/// Letters that only one of the eight languages uses (among them), with a weight.
const LETTERS: &[(char, Language, u32)] = &[
    // Ukrainian Cyrillic letters Russian does not have.
    ('і', Language::Uk, 3),
    ('ї', Language::Uk, 3),
    ('є', Language::Uk, 3),
    ('ґ', Language::Uk, 3),
    // Russian Cyrillic letters Ukrainian does not have.
    ('ы', Language::Ru, 3),
    ('э', Language::Ru, 3),
    ('ъ', Language::Ru, 3),
    ('ё', Language::Ru, 3),
    // Lithuanian: nosinės and ė (ū and č, š, ž are shared with Latvian).
    ('ą', Language::Lt, 1),
    ('ę', Language::Lt, 1),
    ('ė', Language::Lt, 3),
    ('į', Language::Lt, 3),
    ('ų', Language::Lt, 3),
    // Latvian: long vowels with macrons and the cedilla consonants.
    ('ā', Language::Lv, 3),
    ('ē', Language::Lv, 3),
    ('ī', Language::Lv, 3),
    ('ķ', Language::Lv, 3),
    ('ļ', Language::Lv, 3),
    ('ņ', Language::Lv, 3),
    ('ģ', Language::Lv, 3),
    // Estonian õ.
    ('õ', Language::Et, 4),
    // Polish.
    ('ł', Language::Pl, 3),
    ('ś', Language::Pl, 3),
    ('ć', Language::Pl, 3),
    ('ń', Language::Pl, 3),
    ('ź', Language::Pl, 3),
    ('ż', Language::Pl, 3),
];

/// The commonest short words of each language, lower case. A word shared by two
/// languages ("ja" in Estonian and Finnish) is listed under neither.
const WORDS: &[(Language, &[&str])] = &[
    (
        Language::En,
        &[
            "the", "and", "of", "to", "in", "is", "was", "that", "for", "it", "with", "has",
            "have", "by", "from", "which", "its", "on", "are", "not",
        ],
    ),
    (
        Language::Lt,
        &[
            "ir", "kad", "yra", "buvo", "su", "iš", "dėl", "bei", "jau", "tai", "kuri", "kurią",
            "nuo", "taip", "pat", "nebus", "metų", "m",
        ],
    ),
    (
        Language::Lv,
        &[
            "un", "ka", "ir", "ar", "par", "no", "uz", "tika", "arī", "kas", "gada", "vai", "bija",
        ],
    ),
    (
        Language::Et,
        &[
            "ja", "on", "et", "ei", "see", "oli", "ka", "mis", "kes", "aga", "või", "aasta",
            "aastal", "seda", "mille", "poolt", "ning", "pole", "sellega",
        ],
    ),
    (
        Language::Fi,
        &[
            "ja", "on", "että", "ei", "oli", "myös", "kuin", "sen", "joka", "mutta", "vuonna",
            "tai", "se", "ovat",
        ],
    ),
    (
        Language::Pl,
        &[
            "i", "w", "się", "nie", "że", "na", "z", "do", "jest", "to", "przez", "oraz", "od",
            "roku", "który", "jak",
        ],
    ),
    (
        Language::Uk,
        &[
            "і",
            "та",
            "що",
            "не",
            "на",
            "з",
            "до",
            "від",
            "це",
            "також",
            "який",
            "році",
            "року",
            "як",
            "був",
            "була",
        ],
    ),
    (
        Language::Ru,
        &[
            "и",
            "что",
            "не",
            "на",
            "с",
            "по",
            "от",
            "это",
            "также",
            "который",
            "году",
            "года",
            "как",
            "был",
            "была",
        ],
    ),
];

/// Tells the language of a text, with how sure the count is (`None` for a text with
/// no word of any of them; English is then assumed by the caller).
pub fn detect(text: &str) -> Option<Language> {
    let mut end = text.len().min(20_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let mut score = [0u32; 8];
    let mut cyrillic = 0u32;
    let mut latin = 0u32;
    for c in sample.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        if ('\u{0400}'..='\u{04ff}').contains(&lower) {
            cyrillic += 1;
        } else if lower.is_ascii_alphabetic() {
            latin += 1;
        }
        for (l, lang, w) in LETTERS {
            if *l == lower {
                score[lang.index()] += w;
            }
        }
        // ü: Estonian, not Finnish.
        if lower == 'ü' {
            score[Language::Et.index()] += 3;
        }
        // ä and ö: Finnish and Estonian (and neither of the others).
        if lower == 'ä' || lower == 'ö' {
            score[Language::Fi.index()] += 1;
            score[Language::Et.index()] += 1;
        }
    }
    // Words as Unicode defines them (UAX #29): "прем'єр" and "д'Італії" stay whole.
    for word in sample.unicode_words() {
        let w = word.to_lowercase();
        for (lang, list) in WORDS {
            if list.contains(&w.as_str()) {
                score[lang.index()] += 2;
            }
        }
        // Finnish double vowels and consonants; Estonian shares some, so little weight.
        if w.contains("aa") || w.contains("ää") || w.contains("uu") || w.contains("yy") {
            score[Language::Fi.index()] += 1;
        }
    }
    // The script decides between the Cyrillic and the Latin languages; Cyrillic text
    // with none of the letters only Ukrainian has is Russian.
    let cyr = cyrillic > latin;
    if cyr && !sample.contains(['і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ']) {
        score[Language::Ru.index()] += 4;
    }
    for lang in Language::ALL {
        let is_cyr = matches!(lang, Language::Uk | Language::Ru);
        if is_cyr != cyr {
            score[lang.index()] = 0;
        }
    }
    let (best, &s) = score
        .iter()
        .enumerate()
        .max_by_key(|(i, s)| (**s, 8 - *i))?;
    (s > 0).then(|| Language::ALL[best])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_eight_languages_apart() {
        for (text, want) in [
            (
                "Finland joined the Ottawa Convention in 2012 and it was a party.",
                Language::En,
            ),
            (
                "Lietuva pasitraukė iš Otavos konvencijos, kuri draudžia priešpėstines minas.",
                Language::Lt,
            ),
            (
                "Latvija ir izstājusies no Otavas konvencijas, ko Saeima atbalstīja 2025. gadā.",
                Language::Lv,
            ),
            (
                "Eesti lahkus Ottawa konventsioonist, mille Riigikogu otsustas juunis.",
                Language::Et,
            ),
            (
                "Suomi on eroamassa Ottawan sopimuksesta, jonka eduskunta hyväksyi kesäkuussa.",
                Language::Fi,
            ),
            (
                "Polska wystąpiła z konwencji ottawskiej, którą Sejm przegłosował w czerwcu.",
                Language::Pl,
            ),
            (
                "Україна підписала Оттавську конвенцію у 1999 році, а Верховна Рада її ратифікувала.",
                Language::Uk,
            ),
            (
                "Россия не подписала Оттавскую конвенцию, которая запрещает противопехотные мины.",
                Language::Ru,
            ),
        ] {
            assert_eq!(detect(text), Some(want), "{text}");
        }
        assert_eq!(detect("1234 --- !!"), None);
    }

    #[test]
    fn parses_codes_and_names() {
        assert_eq!(Language::parse("FI"), Ok(Language::Fi));
        assert_eq!(Language::parse("ukrainian"), Ok(Language::Uk));
        assert!(Language::parse("de").unwrap_err().contains("en, lt, lv"));
    }
}
