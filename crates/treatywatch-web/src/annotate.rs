//! Checking a news article against the record, with `treatywatch-annotate`:
//!
//! * `POST /api/v1/annotate`: a JSON body `{"text", "date"?, "treaty"?}`, or the text
//!   itself as `text/plain` with `?date=&treaty=`; the answer is the JSON that
//!   `treatywatch annotate --format json` prints.
//! * `GET /annotate`: a page with a text box; `POST /annotate` (the form, which works
//!   without JavaScript) answers the same page with the article marked up, each claim
//!   with its verdict, facts and sources (the annotator's own HTML).
//!
//! Bodies are read up to [`MAX_ARTICLE_BODY_BYTES`] (the 1 KiB limit of the other
//! routes does not apply here), and only once the articles' queue has a place for the
//! check ([`crate::queue`]): a flood of large articles is shed with 503 before their
//! bodies are read. The text is held to the annotator's 2 MiB once decoded. A check
//! runs on the blocking pool holding its place, under the server's request timeout;
//! the annotator's passes are linear in the text (a 2 MiB article takes about a
//! second). Answers are not cached.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;
use treatywatch_annotate::{
    Annotation, ArticleDateSource, InputError, Language, MAX_INPUT_BYTES, Options,
};
use treatywatch_core::Date;
use utoipa::IntoParams;

use crate::api::{Shared, json, params};
use crate::cache::{self, Freshness};
use crate::error::ApiError;
use crate::query::{Q, QueryError};
use crate::queue::Slot;
use crate::{App, MAX_ARTICLE_BODY_BYTES};

/// `date` and `treaty`, for a `text/plain` article.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AnnotateParams {
    /// The article's date, `YYYY-MM-DD`, for a `text/plain` body (a JSON body carries
    /// its own). Default: a dateline in the text, else today.
    #[param(example = "2025-07-09")]
    pub date: Option<String>,
    /// Treaty id or UN reference. Default `apmbc`.
    #[param(example = "apmbc")]
    pub treaty: Option<String>,
    /// The article's language (`en`, `lt`, `lv`, `et`, `fi`, `pl`, `uk`, `ru`), for a
    /// `text/plain` body. Default: told from the text.
    #[param(example = "fi")]
    pub language: Option<String>,
}

/// A JSON body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonBody {
    text: String,
    date: Option<String>,
    treaty: Option<String>,
    language: Option<String>,
}

/// The fields of the page's form.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FormBody {
    #[serde(default)]
    text: String,
    date: Option<String>,
    treaty: Option<String>,
    language: Option<String>,
}

/// The kinds of body the article checks read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Media {
    Json,
    Text,
    Form,
}

/// The body's media type, from `Content-Type`; `accepted` lists the ones this route
/// reads. Text must be UTF-8 (or ASCII, a part of it).
fn media(headers: &HeaderMap, accepted: &[Media], hint: &str) -> Result<Media, ApiError> {
    let unsupported = |what: String| {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            what,
            hint.to_string(),
        )
    };
    let Some(ct) = headers.get(CONTENT_TYPE) else {
        return Err(unsupported("the request has no Content-Type".into()));
    };
    let ct = ct.to_str().unwrap_or("").to_ascii_lowercase();
    let mut parts = ct.split(';').map(str::trim);
    let essence = parts.next().unwrap_or("");
    let found = match essence {
        "application/json" => Media::Json,
        "text/plain" => Media::Text,
        "application/x-www-form-urlencoded" => Media::Form,
        _ => return Err(unsupported(format!("Content-Type `{ct}` is not read here"))),
    };
    if !accepted.contains(&found) {
        return Err(unsupported(format!("Content-Type `{ct}` is not read here")));
    }
    let charset = parts
        .filter_map(|p| p.strip_prefix("charset="))
        .map(|c| c.trim_matches('"'))
        .next();
    if found == Media::Text
        && let Some(c) = charset
        && !matches!(c, "utf-8" | "utf8" | "us-ascii")
    {
        return Err(unsupported(format!(
            "the text is in the character set `{c}`; only UTF-8 is read"
        )));
    }
    Ok(found)
}

/// A body declared this small is read before the article takes its place in the queue
/// (so that a bad request is answered 4xx at once); a larger one, or one of unknown
/// length, only once it has its place.
const SMALL_BODY: u64 = 64 * 1024;

/// A place in the articles' queue: at once for a large body (before it is read), or
/// `None`, to be taken after reading a small one.
async fn place_before_reading(app: &App, headers: &HeaderMap) -> Result<Option<Slot>, ApiError> {
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n <= SMALL_BODY) {
        Ok(None)
    } else {
        app.queues.articles.enter().await.map(Some)
    }
}

/// 413: the article is larger than an article may be.
fn too_large(size: Option<u64>) -> ApiError {
    let size = size.map_or_else(|| "larger than that".to_string(), |n| format!("{n} bytes"));
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "article_too_large",
        format!(
            "an article may have at most {MAX_INPUT_BYTES} bytes (2 MiB) of text, in a body of \
             at most {MAX_ARTICLE_BODY_BYTES} bytes; this body is {size}"
        ),
        "send one article at a time",
    )
}

/// Reads the body, at most [`MAX_ARTICLE_BODY_BYTES`]; a declared length over it is
/// refused before anything is read.
async fn read_body(headers: &HeaderMap, body: Body) -> Result<Bytes, ApiError> {
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if let Some(n) = declared
        && n > MAX_ARTICLE_BODY_BYTES as u64
    {
        return Err(too_large(Some(n)));
    }
    axum::body::to_bytes(body, MAX_ARTICLE_BODY_BYTES)
        .await
        .map_err(|e| {
            if e.to_string().contains("length limit") {
                too_large(None)
            } else {
                ApiError::bad(
                    "bad_body",
                    format!("the request's body could not be read: {e}"),
                    "send the whole body, with a correct Content-Length",
                )
            }
        })
}

/// The annotator's refusal of a text, as an answer.
fn input_error(e: InputError) -> ApiError {
    match e {
        InputError::TooLarge { size, .. } => too_large(Some(size as u64)),
        other => ApiError::bad(
            "not_text",
            other.to_string(),
            "send the article as UTF-8 text, with no NUL bytes",
        ),
    }
}

fn empty_text() -> ApiError {
    ApiError::bad(
        "empty_text",
        "the article's text is empty",
        "send the article's text: {\"text\": \"...\"} as JSON, or the text itself as text/plain",
    )
}

/// One parameter from the JSON body, else the query: the body's value wins when both
/// are given (a JSON body carries its own date and treaty; the query's are for a
/// `text/plain` body). Both are checked.
fn one_of(
    app: &App,
    query: Option<String>,
    body: Option<String>,
    name: &str,
) -> Result<Option<String>, ApiError> {
    for v in [&query, &body].into_iter().flatten() {
        match name {
            "date" => {
                app.optional_date(Some(v), "date")?;
            }
            "language" => {
                parse_language(v)?;
            }
            _ => {
                app.treaty(Some(v))?;
            }
        }
    }
    Ok(body.or(query))
}

/// The article's language as asked for; empty means "tell it from the text".
/// Exactly a code of `LANGUAGE_CODES` (as the OpenAPI description says), or empty.
fn parse_language(l: &str) -> Result<Option<Language>, ApiError> {
    if l.is_empty() {
        return Ok(None);
    }
    Language::ALL
        .into_iter()
        .find(|x| x.code() == l)
        .map(Some)
        .ok_or_else(|| {
            ApiError::bad(
                "unknown_language",
                format!(
                    "unknown language `{}`: expected one of {}",
                    l.chars().take(40).collect::<String>(),
                    LANGUAGE_CODES[1..].join(", ")
                ),
                "send one of en, lt, lv, et, fi, pl, uk, ru, or leave it out (or empty) to \
                 have the language told from the text",
            )
        })
}

/// The values `language` takes: empty (tell it from the text) and each language's code.
pub const LANGUAGE_CODES: [&str; 9] = ["", "en", "lt", "lv", "et", "fi", "pl", "uk", "ru"];

/// An article to check, its words resolved.
struct Article {
    text: String,
    date: Option<Date>,
    treaty: usize,
    language: Option<Language>,
}

impl App {
    fn article(
        &self,
        text: String,
        date: Option<&str>,
        treaty: Option<&str>,
        language: Option<&str>,
    ) -> Result<Article, ApiError> {
        let (treaty, _) = self.treaty(treaty)?;
        let date = self.optional_date(date, "date")?;
        let language = language.map(parse_language).transpose()?.flatten();
        if text.trim().is_empty() {
            return Err(empty_text());
        }
        treatywatch_annotate::input::check_text(&text).map_err(input_error)?;
        Ok(Article {
            text,
            date,
            treaty,
            language,
        })
    }

    /// Checks an article on the blocking pool, holding its place in the articles'
    /// queue, and renders the result with `render`.
    async fn check<R, F>(
        self: &Arc<Self>,
        slot: Slot,
        article: Article,
        render: F,
    ) -> Result<R, ApiError>
    where
        R: Send + 'static,
        F: FnOnce(&Annotation<'_>, &str) -> Result<R, ApiError> + Send + 'static,
    {
        let app = Arc::clone(self);
        self.queues
            .articles
            .run(slot, move || {
                let opts = Options {
                    article_date: article.date,
                    today: app.today(),
                    language: article.language,
                };
                let annotation = app
                    .annotator(article.treaty)
                    .annotate(&article.text, &opts)
                    .map_err(input_error)?;
                render(&annotation, &article.text)
            })
            .await
    }
}

const API_HINT: &str = "send Content-Type: application/json with {\"text\": \"...\", \"date\": \
                        \"YYYY-MM-DD\"}, or the article itself as text/plain; charset=utf-8";

#[utoipa::path(post, path = "/api/v1/annotate", tag = "annotate", operation_id = "annotate", params(AnnotateParams),
    request_body(description = "The article: JSON with its text (and optionally its date and the treaty), or the text itself. At most 2 MiB of UTF-8 text.",
        content(
            (crate::schema::AnnotateRequest = "application/json"),
            (String = "text/plain"))),
    responses(
        (status = 200, description = "The article checked against the record: the states, treaty names and dates it mentions, each claim with its verdict (`supported`, `contradicted`, `not_checkable`), the record's facts and sources, and each state's status on the article's date and today. The document `treatywatch annotate --format json` prints. Not cached (`Cache-Control: no-store`).", body = crate::schema::Annotation),
        (status = 400, description = "Bad JSON, an empty text, text that is not UTF-8 or has NUL bytes, or a bad date, treaty or parameter.", body = ApiError),
        (status = 413, description = "More than 2 MiB of text.", body = ApiError),
        (status = 415, description = "A body that is neither `application/json` nor UTF-8 `text/plain`.", body = ApiError)))]
pub async fn api(
    State(app): State<Shared>,
    headers: HeaderMap,
    q: Result<Q<AnnotateParams>, QueryError>,
    body: Body,
) -> Result<Response, ApiError> {
    let p = params(q, "date, treaty and language")?;
    let kind = media(&headers, &[Media::Json, Media::Text], API_HINT)?;
    let early = place_before_reading(&app, &headers).await?;
    let bytes = read_body(&headers, body).await?;
    let article = match kind {
        Media::Json => {
            let b: JsonBody = serde_json::from_slice(&bytes).map_err(|e| {
                ApiError::bad(
                    "bad_json",
                    format!("the body is not the JSON this endpoint reads: {e}"),
                    "send {\"text\": \"...\"}, optionally with \"date\": \"YYYY-MM-DD\" and \
                     \"treaty\": \"apmbc\"",
                )
            })?;
            let date = one_of(&app, p.date, b.date, "date")?;
            let treaty = one_of(&app, p.treaty, b.treaty, "treaty")?;
            let language = one_of(&app, p.language, b.language, "language")?;
            app.article(
                b.text,
                date.as_deref(),
                treaty.as_deref(),
                language.as_deref(),
            )?
        }
        _ => {
            let text = treatywatch_annotate::input::text_from_bytes(&bytes)
                .map_err(input_error)?
                .to_string();
            app.article(
                text,
                p.date.as_deref(),
                p.treaty.as_deref(),
                p.language.as_deref(),
            )?
        }
    };
    let slot = match early {
        Some(s) => s,
        None => app.queues.articles.enter().await?,
    };
    let data = app.engine.data();
    let rendered = app
        .check(slot, article, move |a, _| {
            json(&treatywatch_core::Identified::new(data, a))
        })
        .await?;
    Ok(cache::response(&headers, &rendered, None, Freshness::Never))
}

/// `treaty`, for the empty form.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormParams {
    treaty: Option<String>,
}

/// What the page shows besides the form.
enum Outcome {
    Empty,
    /// The annotation as HTML, and whether no article date was given or found.
    Checked(String, bool),
    Refused(ApiError),
}

/// `GET /annotate`: the page with an empty form.
pub async fn form(State(app): State<Shared>, q: Result<Q<FormParams>, QueryError>) -> Response {
    let treaty = match params(q, "treaty") {
        Ok(p) => p.treaty,
        Err(e) => return page_response(&app, &FormBody::default(), Outcome::Refused(e)),
    };
    let fields = FormBody {
        treaty,
        ..FormBody::default()
    };
    page_response(&app, &fields, Outcome::Empty)
}

/// `POST /annotate`: the form sent; the page again, with the annotation or what was
/// wrong (and the text kept in the box).
pub async fn page(State(app): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    let form_hint = "send the form on this page (application/x-www-form-urlencoded with the \
                     field text); programs can POST to /api/v1/annotate";
    let read = async {
        media(&headers, &[Media::Form], form_hint)?;
        let slot = place_before_reading(&app, &headers).await?;
        let bytes = read_body(&headers, body).await?;
        serde_urlencoded::from_bytes::<FormBody>(&bytes)
            .map(|f| (slot, f))
            .map_err(|e| {
                ApiError::bad(
                    "bad_query",
                    format!("the form could not be read: {e}"),
                    "send the form on this page",
                )
            })
    };
    let (slot, fields) = match read.await {
        Ok(f) => f,
        Err(e) => return page_response(&app, &FormBody::default(), Outcome::Refused(e)),
    };
    let date = fields.date.as_deref().filter(|d| !d.trim().is_empty());
    let checked = match app.article(
        fields.text.clone(),
        date,
        fields.treaty.as_deref(),
        fields.language.as_deref(),
    ) {
        Ok(article) => {
            let slot = match slot {
                Some(s) => Ok(s),
                None => app.queues.articles.enter().await,
            };
            match slot {
                Err(e) => Err(e),
                Ok(slot) => {
                    app.check(slot, article, |a, text| {
                        Ok((
                            treatywatch_annotate::html::fragment(a, text, 2),
                            a.article_date_source == ArticleDateSource::None,
                        ))
                    })
                    .await
                }
            }
        }
        Err(e) => Err(e),
    };
    let outcome = match checked {
        Ok((h, no_date)) => Outcome::Checked(h, no_date),
        Err(e) => Outcome::Refused(e),
    };
    page_response(&app, &fields, outcome)
}

fn page_response(app: &App, fields: &FormBody, outcome: Outcome) -> Response {
    let status = match &outcome {
        Outcome::Refused(e) => e.status,
        _ => StatusCode::OK,
    };
    let markup = crate::pages::page_with_style(
        "Check an article: treatywatch",
        Some("/assets/annotate.css"),
        form_markup(app, fields, &outcome),
    );
    let mut r = crate::body(status, crate::pages::HTML, markup.into_string());
    r.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    r
}

fn form_markup(app: &App, fields: &FormBody, outcome: &Outcome) -> Markup {
    let data = app.engine.data();
    let chosen = fields
        .treaty
        .as_deref()
        .and_then(|t| app.engine.resolve_treaty(t).ok())
        .map_or(crate::DEFAULT_TREATY, |t| t.id.as_str());
    let date = fields.date.as_deref().unwrap_or("");
    let language = fields.language.as_deref().unwrap_or("").trim();
    html! {
        header {
            p.crumbs { a href="/" { "← The map" } }
            h1 { "Check an article against the record" }
            p.lede {
                "Paste a news article. Each claim it makes about the treaty (who signed, joined or "
                "withdrew, and when; how many states are parties) is checked against the depositary's "
                "record, with the facts and the sources: supported, contradicted, or not checkable. "
                "Articles in English, Lithuanian, Latvian, Estonian, Finnish, Polish, Ukrainian and "
                "Russian are read; the notes are in English. Nothing you paste is kept."
            }
        }
        main #main {
            form #annotate-form method="post" action="/annotate" {
                label for="text" { "Article" }
                textarea #text name="text" rows="14" required
                    placeholder="Helsinki, 10 July 2025. Finland has notified the UN Secretary-General of its withdrawal from the Ottawa Convention…" {
                    (fields.text)
                }
                div.fields {
                    label for="date" { "Article date (optional)" }
                    input #date type="date" name="date" value=(date);
                    label for="language" { "Language" }
                    select #language name="language" {
                        option value="" selected[language.is_empty()] { "Tell from the text" }
                        @for l in Language::ALL {
                            option value=(l.code()) selected[language == l.code()] { (l.name()) }
                        }
                    }
                    label for="treaty" { "Treaty" }
                    select #treaty name="treaty" {
                        @for t in data.treaties.iter().filter(|t| app.engine.has_actions(t)) {
                            option value=(t.id) selected[t.id.as_str() == chosen] { (t.short_name) }
                        }
                    }
                    button type="submit" { "Check" }
                }
                p.small {
                    "Without a date, a dateline at the top of the text is used, else today. At most 2 MiB of text. "
                    "Programs: " code { "POST /api/v1/annotate" } " (see the "
                    a href="/api/v1/openapi.json" { "OpenAPI description" } ")."
                }
            }
            @match outcome {
                Outcome::Empty => {},
                Outcome::Refused(e) => {
                    div.error role="alert" data-error=(e.error) {
                        p.message { (e.message) }
                        p { (e.hint) }
                    }
                },
                Outcome::Checked(h, no_date) => {
                    @if *no_date {
                        p.hint role="note" {
                            "No article date was given or found in the text, so the claims were "
                            "checked as of today. Fill in the article date above and check again to "
                            "check them as of the day it was published."
                        }
                    }
                    (PreEscaped(h.as_str()))
                },
            }
        }
    }
}

#[cfg(test)]
mod language_tests {
    use super::*;

    #[test]
    fn the_described_codes_are_the_languages_read() {
        let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(&LANGUAGE_CODES[1..], codes.as_slice());
        assert_eq!(parse_language("").ok().flatten(), None);
        assert!(parse_language("fi").is_ok_and(|l| l == Some(Language::Fi)));
        // Anything else is refused, as the description says: no case, spaces or names.
        for bad in ["FI", " fi", "Finnish", "±Sï"] {
            assert!(parse_language(bad).is_err(), "{bad}");
        }
    }
}
