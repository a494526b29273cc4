//! `index.csv`: the list of treaties, with their UN references and pages.

/// One treaty of the index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreatyMeta {
    /// The table's file name without `.csv`: `26-5`, `26-2-a`, `3-2-12a`.
    pub stem: String,
    /// The UN reference (MTDSG number): `XXVI-5`, `XI-A-10`.
    pub reference: String,
    pub chapter: u32,
    pub chapter_name: String,
    /// The title as the index gives it, with place and date ("... Oslo, 18 September 1997").
    pub title: String,
    /// The treaty's status page.
    pub url: String,
}

impl TreatyMeta {
    /// The title without the trailing ". Place, day month year".
    pub fn short_title(&self) -> &str {
        match self.title.rsplit_once(". ") {
            Some((name, tail)) if tail.chars().last().is_some_and(|c| c.is_ascii_digit()) => name,
            _ => &self.title,
        }
    }
}

/// Reads `index.csv` (`chapter_no,treaty_no,treaty_name,url,chapter_url,chapter_name`).
/// Returns the treaties and, for each row that cannot be read, its line and why.
pub fn read_index(text: &str) -> (Vec<TreatyMeta>, Vec<(u32, String)>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push((1, format!("unreadable header: {e}")));
            return (out, problems);
        }
    };
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (Some(ch), Some(no), Some(title), Some(url)) = (
        col("chapter_no"),
        col("treaty_no"),
        col("treaty_name"),
        col("url"),
    ) else {
        problems.push((
            1,
            "the header must name chapter_no, treaty_no, treaty_name and url".to_string(),
        ));
        return (out, problems);
    };
    let chapter_name = col("chapter_name");
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as u32);
                problems.push((line, format!("unreadable row: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as u32);
        let get = |i: usize| record.get(i).unwrap_or("").trim();
        let chapter: u32 = match get(ch).parse() {
            Ok(c) => c,
            Err(_) => {
                problems.push((line, format!("chapter_no `{}` is not a number", get(ch))));
                continue;
            }
        };
        let number = get(no);
        if number.is_empty() {
            problems.push((line, "empty treaty_no".to_string()));
            continue;
        }
        let url = get(url).to_string();
        let reference = url
            .split(['?', '&'])
            .find_map(|kv| kv.strip_prefix("mtdsg_no="))
            .map(str::to_string)
            .unwrap_or_else(|| format!("{}-{}", roman(chapter), number.replace('.', "-")));
        out.push(TreatyMeta {
            stem: format!("{chapter}-{}", number.replace('.', "-")),
            reference,
            chapter,
            chapter_name: chapter_name.map(get).unwrap_or("").to_string(),
            title: get(title).to_string(),
            url,
        });
    }
    (out, problems)
}

/// A chapter number in Roman numerals, as the UN writes it (26 -> XXVI).
pub fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in NUMERALS {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_references_and_stems() {
        let text = "chapter_no,treaty_no,treaty_name,url,chapter_url,chapter_name\n\
            26,5,\"Convention on the Prohibition of Mines. Oslo, 18 September 1997\",http://treaties.un.org/pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-5&chapter=26&lang=en,x,Disarmament\n\
            26,2.a,\"Additional Protocol. Vienna, 13 October 1995\",http://x/?mtdsg_no=XXVI-2-a&chapter=26,x,Disarmament\n\
            11,10,\"Customs Convention. Geneva, 18 May 1956\",http://x/?src=TREATY&mtdsg_no=XI-A-10&chapter=11,x,Transport\n\
            x,1,t,u,x,y\n";
        let (list, problems) = read_index(text);
        assert_eq!(problems.len(), 1);
        assert_eq!(list[0].stem, "26-5");
        assert_eq!(list[0].reference, "XXVI-5");
        assert_eq!(
            list[0].short_title(),
            "Convention on the Prohibition of Mines"
        );
        assert_eq!(list[1].stem, "26-2-a");
        assert_eq!(list[1].reference, "XXVI-2-a");
        assert_eq!(list[2].reference, "XI-A-10");
        assert_eq!(roman(26), "XXVI");
        assert_eq!(roman(19), "XIX");
    }
}
