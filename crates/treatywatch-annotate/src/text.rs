//! Sentences, word boundaries and the small text tests the matchers share. All of it is
//! a single forward pass or a binary search.

use crate::model::Span;

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "art", "arts", "para", "gen", "lt", "col", "sgt",
    "prof", "rep", "sen", "gov", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "vs", "etc", "inc", "ltd", "co", "corp", "approx", "e.g", "i.e",
    // Abbreviations of the region's languages that never end a sentence: "m.in." (Polish,
    // among others), "esim." and "mm." (Finnish), "nt." (Estonian), "pvz." (Lithuanian),
    // "piem." (Latvian), "т.е.", "напр." (Russian), "зокр." (Ukrainian).
    "m.in", "np", "tzw", "t.j", "esim", "ns", "mm", "nt", "s.t", "pvz", "t.y", "piem", "t.i", "т.е",
    "т.к", "т.н", "т.зв", "зокр", "напр",
];

/// Splits text into sentences: a `.`, `!` or `?` followed by white space and something
/// that can start a sentence, or a line break. Abbreviations ("No.", "Sept.") and
/// initials ("U.S.") do not end one.
pub fn sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let end_here = match b {
            b'\n' => true,
            b'.' | b'!' | b'?' => {
                // Closing quotes and brackets stay with the sentence.
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
                    j += 1;
                }
                for close in ["\u{201d}", "\u{2019}"] {
                    if text[j..].starts_with(close) {
                        j += close.len();
                    }
                }
                let followed_by_space = j >= bytes.len() || bytes[j].is_ascii_whitespace();
                // "2008 r. w Dublinie", "No. 441": a sentence does not go on in lower case.
                let next_lower = text[j..]
                    .trim_start_matches([' ', '\t'])
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
                if followed_by_space && !(b == b'.' && (is_abbreviation(text, i) || next_lower)) {
                    i = j - 1;
                    true
                } else {
                    false
                }
            }
            _ => false,
        };
        if end_here {
            push_trimmed(text, start, i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push_trimmed(text, start, bytes.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

/// Whether the full stop at `dot` ends an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // Initials: "U.S", "U", "A.B".
    if word
        .split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
    {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// The index of the sentence holding byte `pos`, if any.
pub fn sentence_of(sentences: &[Span], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= pos);
    (i < sentences.len() && sentences[i].start <= pos).then_some(i)
}

/// Whether `pos` is inside quotation marks opened in its paragraph (up to 2,000 bytes
/// back): "...", “...”, „...“, „...”, «...».
pub fn in_quotation(text: &str, pos: usize) -> bool {
    let mut from = pos.saturating_sub(2000);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..pos];
    let para = before.rfind("\n\n").map_or(before, |i| &before[i + 2..]);
    let mut open: Option<char> = None;
    for c in para.chars() {
        open = match (open, c) {
            (None, '"') => Some('"'),
            (Some('"'), '"') => None,
            (None, '«') => Some('«'),
            (Some('«'), '»') => None,
            (None, '„') => Some('„'),
            (Some('„'), '“' | '”') => None,
            (None, '“') => Some('“'),
            (Some('“'), '”') => None,
            (o, _) => o,
        };
    }
    open.is_some()
}

/// Whether a character is part of a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `text[start..end]` stands as whole words: no word character joins it on
/// either side.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// The items of a range sorted by start that begin inside `span`.
pub fn within<T>(items: &[T], span: Span, start_of: impl Fn(&T) -> usize) -> &[T] {
    let a = items.partition_point(|x| start_of(x) < span.start);
    let b = items.partition_point(|x| start_of(x) < span.end);
    &items[a..b.max(a)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        assert_eq!(
            split("The U.S. has not signed. Decree No. 441 was signed.\nTitle\n\nNext one?  Yes!"),
            vec![
                "The U.S. has not signed.",
                "Decree No. 441 was signed.",
                "Title",
                "Next one?",
                "Yes!"
            ]
        );
        assert_eq!(
            split("\u{201c}It is done.\u{201d} Then more."),
            vec!["\u{201c}It is done.\u{201d}", "Then more."]
        );
        assert!(split("   \n\n ").is_empty());
    }

    #[test]
    fn finds_the_sentence_of_a_position() {
        let text = "One. Two. Three.";
        let s = sentences(text);
        assert_eq!(sentence_of(&s, 0), Some(0));
        assert_eq!(sentence_of(&s, 5), Some(1));
        assert_eq!(sentence_of(&s, 4), None);
        assert_eq!(sentence_of(&s, 100), None);
    }
}
