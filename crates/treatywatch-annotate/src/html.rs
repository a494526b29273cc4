//! The annotation as HTML: the article with each claim marked and its verdict beside
//! it, then the claims with the record's facts and sources, and the states' status
//! cards. [`page`] is one self-contained page (`treatywatch annotate --format html`);
//! [`fragment`] is the same annotation as one `<section>` for a page of the caller's
//! own, styled by [`STYLE`], whose rules all sit under `.tw-annotation`. Everything from
//! the text or the dataset is escaped; nothing is loaded (no scripts, no fonts, no
//! images).

use std::fmt::Write;

use crate::model::{Annotation, Claim, Span, Verdict};

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "\u{2713}",
        Verdict::Contradicted => "\u{2717}",
        Verdict::NotCheckable => "?",
    }
}

fn class(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "supported",
        Verdict::Contradicted => "contradicted",
        Verdict::NotCheckable => "not-checkable",
    }
}

/// Which verdict colours a stretch several claims share: a contradiction first.
fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Contradicted => 0,
        Verdict::Supported => 1,
        Verdict::NotCheckable => 2,
    }
}

/// The annotation's style: every rule under `.tw-annotation`, so that it can sit in a
/// page with a style of its own.
pub const STYLE: &str = "
.tw-annotation{font-family:Georgia,serif;color:#1d1d1d}
.tw-annotation .tw-columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:2rem}
@media(max-width:60rem){.tw-annotation .tw-columns{grid-template-columns:1fr}}
.tw-annotation .tw-article{white-space:pre-wrap;line-height:1.6;font-size:1.05rem}
.tw-annotation mark{padding:0 .1rem;border-radius:.2rem;color:inherit}
.tw-annotation mark.supported{background:#d9f2d9}.tw-annotation mark.contradicted{background:#f8d3d0}.tw-annotation mark.not-checkable{background:#ececec}
.tw-annotation a.badge{font:bold .75rem sans-serif;text-decoration:none;padding:0 .3rem;margin-left:.15rem;border-radius:.6rem;vertical-align:super;color:#fff}
.tw-annotation .badge.supported,.tw-annotation .verdict.supported{background:#2e7d32}.tw-annotation .badge.contradicted,.tw-annotation .verdict.contradicted{background:#c62828}.tw-annotation .badge.not-checkable,.tw-annotation .verdict.not-checkable{background:#757575}
.tw-annotation .verdict{color:#fff;font:bold .8rem sans-serif;padding:.1rem .4rem;border-radius:.3rem;text-transform:uppercase}
.tw-annotation ol.claims{padding-left:1.2rem}.tw-annotation ol.claims li{margin-bottom:1rem;font-size:.95rem}
.tw-annotation blockquote{margin:.3rem 0;padding-left:.6rem;border-left:3px solid #bbb;color:#444}
.tw-annotation .flag{font:italic .85rem sans-serif;color:#8a4b00}
.tw-annotation ul.facts,.tw-annotation ul.sources{margin:.2rem 0;padding-left:1.1rem;font-size:.85rem}
.tw-annotation table{border-collapse:collapse;font:.85rem sans-serif}.tw-annotation td,.tw-annotation th{border-bottom:1px solid #ddd;padding:.2rem .5rem;text-align:left}
.tw-annotation .notes{font:.9rem sans-serif;color:#555}
";

/// The page's own frame around the annotation.
const PAGE_STYLE: &str =
    "body{margin:0;background:#fafaf7}main{max-width:80rem;margin:0 auto;padding:1rem 1.5rem}";

/// The page for an annotation of `text`.
pub fn page(a: &Annotation<'_>, text: &str) -> String {
    let mut h = String::with_capacity(text.len() * 2 + 4096);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Article checked against the {}</title><style>{PAGE_STYLE}{STYLE}</style></head><body>\n<main>",
        escape(&a.treaty_name)
    );
    h.push_str(&fragment(a, text, 1));
    h.push_str("</main>\n</body></html>\n");
    h
}

/// The annotation of `text` as one `<section class="tw-annotation">`, its title a
/// heading of `level` (1 to 5; the parts are one level below).
pub fn fragment(a: &Annotation<'_>, text: &str, level: u8) -> String {
    let top = level.clamp(1, 5);
    let sub = top + 1;
    let mut h = String::with_capacity(text.len() * 2 + 4096);
    let date = match a.article_date {
        Some(d) => format!("article date {d}"),
        None => "no article date".to_string(),
    };
    let _ = write!(
        h,
        "<section class=\"tw-annotation\" data-claims=\"{}\" data-supported=\"{}\" \
         data-contradicted=\"{}\" data-not-checkable=\"{}\">\
         <h{top}>Article checked against the {} ({})</h{top}><p class=\"summary\">{}; claims \
         checked as of {}; today {}. <strong>{}</strong> claims: {} supported, {} contradicted, \
         {} not checkable.</p>",
        a.summary.claims,
        a.summary.supported,
        a.summary.contradicted,
        a.summary.not_checkable,
        escape(&a.treaty_name),
        escape(a.treaty.as_str()),
        escape(&date),
        a.checked_on,
        a.today,
        a.summary.claims,
        a.summary.supported,
        a.summary.contradicted,
        a.summary.not_checkable
    );
    for n in &a.notes {
        let _ = write!(h, "<p class=\"notes\">{}</p>", escape(n));
    }
    let _ = write!(
        h,
        "\n<div class=\"tw-columns\"><section><h{sub}>Article</h{sub}><div class=\"tw-article\">"
    );
    article(&mut h, text, &a.claims);
    let _ = write!(h, "</div></section>\n<section><h{sub}>Claims</h{sub}>");
    if a.claims.is_empty() {
        h.push_str("<p>No checkable claims were found.</p>");
    }
    h.push_str("<ol class=\"claims\">");
    for c in &a.claims {
        claim(&mut h, c);
    }
    let _ = write!(
        h,
        "</ol><h{sub}>States named</h{sub}><table><tr><th>State</th><th>Mentions</th>"
    );
    let _ = write!(
        h,
        "<th>On {}</th><th>Today ({})</th></tr>",
        escape(&date),
        a.today
    );
    for s in &a.states {
        let then = s
            .on_article_date
            .as_ref()
            .map_or("-".to_string(), |r| r.status.as_str().replace('_', " "));
        let _ = write!(
            h,
            "<tr><td>{} ({})</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&s.name),
            s.state,
            s.mentions,
            escape(&then),
            escape(&s.today.status.as_str().replace('_', " "))
        );
    }
    h.push_str("</table></section></div></section>\n");
    h
}

/// The article text with each stretch of claims marked and a badge per claim after it.
fn article(h: &mut String, text: &str, claims: &[Claim<'_>]) {
    // Stretches of text covered by claims, merged where they overlap.
    let mut spans: Vec<(Span, usize)> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.span, i))
        .collect();
    spans.sort_by_key(|(s, _)| (s.start, s.end));
    let mut stretches: Vec<(Span, Vec<usize>)> = Vec::new();
    for (s, i) in spans {
        match stretches.last_mut() {
            Some((last, ids)) if s.start < last.end => {
                *last = last.cover(s);
                ids.push(i);
            }
            _ => stretches.push((s, vec![i])),
        }
    }
    let mut at = 0;
    for (s, ids) in stretches {
        if s.start < at || s.end > text.len() {
            continue;
        }
        h.push_str(&escape(&text[at..s.start]));
        let worst = ids
            .iter()
            .map(|&i| claims[i].verdict)
            .min_by_key(|v| rank(*v))
            .unwrap_or(Verdict::NotCheckable);
        let _ = write!(
            h,
            "<mark class=\"{}\" id=\"t{}\">{}</mark>",
            class(worst),
            claims[ids[0]].id,
            escape(&text[s.start..s.end])
        );
        for &i in &ids {
            let c = &claims[i];
            let _ = write!(
                h,
                "<a class=\"badge {}\" href=\"#c{}\" title=\"{}\">{} {}</a>",
                class(c.verdict),
                c.id,
                escape(c.verdict.as_str()),
                c.id,
                mark(c.verdict)
            );
        }
        at = s.end;
    }
    h.push_str(&escape(&text[at..]));
}

fn claim(h: &mut String, c: &Claim<'_>) {
    let who = match (&c.state, &c.actor) {
        (Some(s), Some(a)) => format!(" \u{b7} {s} ({a})"),
        (Some(s), None) => format!(" \u{b7} {s}"),
        _ => String::new(),
    };
    let _ = write!(
        h,
        "<li id=\"c{}\" data-verdict=\"{}\"><span class=\"verdict {}\">{}</span> \
         <strong>{}</strong>{} <a href=\"#t{}\">(in the text)</a><blockquote>{}</blockquote><p>{}</p>",
        c.id,
        c.verdict.as_str(),
        class(c.verdict),
        escape(&c.verdict.as_str().replace('_', " ")),
        escape(c.kind.words()),
        escape(&who),
        c.id,
        escape(&c.text),
        escape(&c.note)
    );
    if c.domestic_step_reported_as_legal_act {
        h.push_str("<p class=\"flag\">A domestic step reported as a legal act.</p>");
    }
    if !c.facts.is_empty() {
        h.push_str("<ul class=\"facts\">");
        for f in &c.facts {
            let _ = write!(h, "<li>{}</li>", escape(&f.line()));
        }
        h.push_str("</ul>");
    }
    if !c.sources.is_empty() {
        h.push_str("<ul class=\"sources\">");
        for s in &c.sources {
            let safe = s.url.starts_with("https://") || s.url.starts_with("http://");
            let title = escape(&s.title);
            let link = if safe {
                format!(
                    "<a href=\"{}\" rel=\"noreferrer\">{title}</a>",
                    escape(&s.url)
                )
            } else {
                title
            };
            let _ = write!(
                h,
                "<li>{link}. {}, {}.</li>",
                escape(&s.publisher),
                escape(&s.date.to_string())
            );
        }
        h.push_str("</ul>");
    }
    h.push_str("</li>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_matters() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
