//! Rendered responses, cached by what they answer, with ETags and Cache-Control.
//!
//! A response is identified by a [`Key`]: the endpoint and its resolved inputs (treaty,
//! state code, dates), never the raw query string, so `on=2026-03-01&treaty=apmbc` and
//! `treaty=APMBC&on=2026-03-01` share one entry. The bytes are rendered once, with a
//! gzip and a brotli copy, and kept in a cache bounded by size. The ETag is a hash of
//! the release, the dataset and the key, with `-gz` or `-br` for the compressed copies:
//! it is known before anything is rendered (the copy a request gets depends only on its
//! `Accept-Encoding`), so a matching `If-None-Match` gets a 304 at once, carrying the
//! ETag of the copy this request would get. [`crate::App::respond`] ties these together
//! and renders misses off the async workers.
//!
//! Downloads (panel exports, up to about 20 MB each) are kept apart from the documents
//! and pages, in their own share of the bytes, so that one large file cannot push out
//! hundreds of small answers that are asked for all the time.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::http::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_TYPE, ETAG,
    IF_NONE_MATCH, LAST_MODIFIED, VARY,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use quick_cache::Weighter;
use treatywatch_core::{Date, DeadlineWindow, StateCode};

/// What a response answers. `known_on` is the day of the dataset's view
/// ([`treatywatch_core::Dataset::as_known_on`]); `None` is the whole dataset.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Treaties,
    OpenApi,
    Status {
        treaty: usize,
        on: Date,
        known_on: Option<Date>,
    },
    State {
        treaty: usize,
        state: StateCode,
        on: Date,
        known_on: Option<Date>,
    },
    Deadlines {
        treaty: usize,
        state: Option<StateCode>,
        on: Date,
        known_on: Option<Date>,
        window: DeadlineWindow,
    },
    /// A panel download: treaties by position, years, one row per day or per year
    /// (taken on `as_of`), and the file format.
    Export {
        treaties: Vec<usize>,
        from: i16,
        to: i16,
        daily: bool,
        as_of: (i8, i8),
        format: ExportFormat,
    },
    Timeline {
        treaty: usize,
        state: StateCode,
    },
    Changes {
        treaty: usize,
        from: Date,
        to: Date,
    },
    Histories {
        treaty: usize,
    },
    MapPage {
        treaty: usize,
        on: Date,
        focus: Region,
    },
    StatePage {
        treaty: usize,
        state: StateCode,
        on: Date,
    },
    /// The embed view: treaty, date, region focus.
    Embed {
        treaty: usize,
        on: Date,
        focus: Region,
    },
    /// The map as an image, SVG or PNG.
    MapImage {
        treaty: usize,
        on: Date,
        focus: Region,
        png: bool,
    },
    Asset(&'static str),
}

/// The part of the world a map shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Region {
    World,
    Africa,
    Americas,
    Asia,
    Europe,
    Oceania,
}

impl Region {
    pub const ALL: [Region; 6] = [
        Region::World,
        Region::Africa,
        Region::Americas,
        Region::Asia,
        Region::Europe,
        Region::Oceania,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Region::World => "world",
            Region::Africa => "africa",
            Region::Americas => "americas",
            Region::Asia => "asia",
            Region::Europe => "europe",
            Region::Oceania => "oceania",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Region::World => "World",
            Region::Africa => "Africa",
            Region::Americas => "Americas",
            Region::Asia => "Asia",
            Region::Europe => "Europe",
            Region::Oceania => "Oceania",
        }
    }

    pub fn parse(s: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl Key {
    /// Whether the answer is a download, kept in the downloads' share of the cache.
    pub fn is_download(&self) -> bool {
        matches!(self, Key::Export { .. })
    }
}

/// The file formats of a panel download.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Csv,
    Parquet,
    Sqlite,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [
        ExportFormat::Csv,
        ExportFormat::Parquet,
        ExportFormat::Sqlite,
    ];

    /// The name in `format=` and the file's extension.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Parquet => "parquet",
            ExportFormat::Sqlite => "sqlite",
        }
    }

    /// The format's name, for people.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Csv => "CSV",
            ExportFormat::Parquet => "Parquet",
            ExportFormat::Sqlite => "SQLite",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Parquet => "application/vnd.apache.parquet",
            ExportFormat::Sqlite => "application/vnd.sqlite3",
        }
    }
}

/// How long shared caches may keep a response without asking again.
#[derive(Clone, Copy, Debug)]
pub enum Freshness {
    /// The answer for an explicit date or about the dataset: it changes only with a
    /// release, and the ETag tells when it did.
    Release,
    /// An answer about "today" (no date given): it changes at midnight.
    Today,
    /// An answer to one request's body (an article checked): never kept.
    Never,
}

impl Freshness {
    /// `Cache-Control`. Shared caches may serve a stale copy while they ask again
    /// (`stale-while-revalidate`) and while this server fails (`stale-if-error`).
    pub fn header(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Freshness::Release => {
                "public, max-age=3600, stale-while-revalidate=86400, stale-if-error=86400"
            }
            Freshness::Today => {
                "public, max-age=300, stale-while-revalidate=600, stale-if-error=86400"
            }
            Freshness::Never => "no-store",
        })
    }
}

/// The copies of a rendered answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    /// The copy a request gets: the client's most preferred of `br`, `gzip` and
    /// `identity` (by `q`; on a tie, the smaller copy).
    pub fn negotiate(headers: &HeaderMap) -> Encoding {
        let mut best = (Encoding::Identity, 0.001f32);
        let mut star_q = None;
        for item in headers
            .get_all(ACCEPT_ENCODING)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
        {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let enc = match coding.as_str() {
                "br" => Encoding::Brotli,
                "gzip" | "x-gzip" => Encoding::Gzip,
                // `identity` is always acceptable here; a client cannot refuse it.
                "identity" => continue,
                "*" => {
                    star_q = Some(q);
                    continue;
                }
                _ => continue,
            };
            if q > best.1 || (q == best.1 && enc == Encoding::Brotli) {
                best = (enc, q);
            }
        }
        if best.0 == Encoding::Identity
            && let Some(q) = star_q
            && q > 0.0
        {
            return Encoding::Brotli;
        }
        best.0
    }

    fn etag_suffix(self) -> &'static str {
        match self {
            Encoding::Identity => "",
            Encoding::Gzip => "-gz",
            Encoding::Brotli => "-br",
        }
    }
}

/// A rendered response body, with its gzip and brotli copies, and for a download the
/// `Content-Disposition` that names the file.
pub struct Rendered {
    body: Bytes,
    gzip: Bytes,
    br: Bytes,
    content_type: &'static str,
    disposition: Option<HeaderValue>,
}

impl Rendered {
    pub fn new(body: Vec<u8>, content_type: &'static str) -> Rendered {
        let gzip = gzip(&body).unwrap_or_default();
        let br = brotli(&body);
        Rendered {
            body: Bytes::from(body),
            gzip: Bytes::from(gzip),
            br: Bytes::from(br),
            content_type,
            disposition: None,
        }
    }

    /// The copy for `enc`.
    fn copy(&self, enc: Encoding) -> &Bytes {
        match enc {
            Encoding::Identity => &self.body,
            Encoding::Gzip => &self.gzip,
            Encoding::Brotli => &self.br,
        }
    }

    /// A file to save: `Content-Disposition: attachment` with its name (ASCII letters,
    /// digits, `-`, `_` and `.` only; anything else becomes `_`).
    pub fn download(body: Vec<u8>, content_type: &'static str, filename: &str) -> Rendered {
        let safe: String = filename
            .chars()
            .map(|c| match c {
                'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '_' | '.' => c,
                _ => '_',
            })
            .collect();
        let mut r = Rendered::new(body, content_type);
        r.disposition = HeaderValue::from_str(&format!("attachment; filename=\"{safe}\"")).ok();
        r
    }

    /// The size of the body, before any compression.
    pub fn len(&self) -> usize {
        self.body.len()
    }

    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }

    fn weight(&self) -> u64 {
        (self.body.len() + self.gzip.len() + self.br.len() + 128) as u64
    }
}

fn gzip(body: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(body).ok()?;
    enc.finish().ok()
}

/// Brotli at quality 9 (quality 5 past 1 MiB, so that a large download is compressed
/// in well under a second), window 2^22.
fn brotli(body: &[u8]) -> Vec<u8> {
    let quality = if body.len() > 1 << 20 { 5 } else { 9 };
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: 22,
        size_hint: body.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(body.len() / 4 + 64);
    let mut input = body;
    match brotli::BrotliCompress(&mut input, &mut out, &params) {
        Ok(_) => out,
        Err(_) => Vec::new(),
    }
}

#[derive(Clone)]
pub struct ByBytes;

impl Weighter<Key, Arc<Rendered>> for ByBytes {
    fn weight(&self, _key: &Key, val: &Arc<Rendered>) -> u64 {
        val.weight()
    }
}

type Inner = quick_cache::sync::Cache<Key, Arc<Rendered>, ByBytes>;

/// The cache of rendered responses, bounded by the bytes it holds: documents and pages
/// in one part, downloads in another.
pub struct Cache {
    inner: Inner,
    downloads: Inner,
    /// Hash of the release and the dataset, the base of every ETag.
    fingerprint: u64,
    /// `Last-Modified`: the date of the dataset's latest fact.
    last_modified: Option<HeaderValue>,
}

/// The downloads' share of the cache's bytes, in eighths: 3/8 (24 MiB of 64), enough
/// for the largest download the API makes.
const DOWNLOAD_EIGHTHS: u64 = 3;

/// 64-bit FNV-1a: a small, stable hash for ETags (not for security).
pub fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

impl Cache {
    /// A cache holding at most `max_bytes` of rendered bodies, 3/8 of them for
    /// downloads. Each part is split in shards that evict on their own; the downloads'
    /// part has one shard, so that a download as large as [`Cache::largest_download`]
    /// fits.
    pub fn new(max_bytes: u64, fingerprint: u64) -> Cache {
        let downloads = max_bytes / 8 * DOWNLOAD_EIGHTHS;
        Cache {
            inner: quick_cache::sync::Cache::with_weighter(256, max_bytes - downloads, ByBytes),
            // Few, large entries: fewer than 32 expected items makes one shard.
            downloads: quick_cache::sync::Cache::with_weighter(8, downloads, ByBytes),
            fingerprint,
            last_modified: None,
        }
    }

    /// Sets `Last-Modified` to midnight (GMT) of `day`, the date of the dataset's latest
    /// fact. Answers change with a release too, which the ETag tells: clients and CDNs
    /// revalidate with `If-None-Match`, and `If-Modified-Since` alone gets no 304.
    pub fn set_last_modified(&mut self, day: Option<Date>) {
        self.last_modified = day.and_then(|d| HeaderValue::from_str(&http_date(d)).ok());
    }

    /// 304 Not Modified if the client's If-None-Match names this answer (any copy),
    /// with the ETag of the copy this request would get.
    pub fn not_modified(
        &self,
        headers: &HeaderMap,
        etag: &str,
        freshness: Freshness,
    ) -> Option<Response> {
        let mut resp = not_modified(headers, etag, freshness)?;
        if let Some(lm) = &self.last_modified {
            resp.headers_mut().insert(LAST_MODIFIED, lm.clone());
        }
        Some(resp)
    }

    /// The answer with its headers and `Last-Modified`.
    pub fn response(
        &self,
        headers: &HeaderMap,
        rendered: &Rendered,
        etag: Option<&str>,
        freshness: Freshness,
    ) -> Response {
        let mut resp = response(headers, rendered, etag, freshness);
        if let Some(lm) = &self.last_modified {
            resp.headers_mut().insert(LAST_MODIFIED, lm.clone());
        }
        resp
    }

    /// The largest download (body and gzip copy) the cache keeps.
    pub fn largest_download(&self) -> u64 {
        // quick_cache admits an entry up to 97% of a shard's capacity.
        self.downloads.shard_capacity() / 100 * 97
    }

    fn part(&self, key: &Key) -> &Inner {
        if key.is_download() {
            &self.downloads
        } else {
            &self.inner
        }
    }

    /// The ETag of the answer to `key`, known before anything is rendered.
    pub fn etag(&self, key: &Key) -> String {
        let h = fnv1a(self.fingerprint, format!("{key:?}").as_bytes());
        format!("\"{h:016x}\"")
    }

    /// The cached answer to `key`.
    pub fn get(&self, key: &Key) -> Option<Arc<Rendered>> {
        self.part(key).get(key)
    }

    /// Keeps an answer; the cache drops the least used ones beyond its size.
    pub fn insert(&self, key: Key, rendered: Arc<Rendered>) {
        self.part(&key).insert(key, rendered);
    }

    /// The hash of the release and the dataset that every ETag starts from.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The number of responses cached.
    pub fn len(&self) -> usize {
        self.inner.len() + self.downloads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.inner.is_empty() && self.downloads.is_empty()
    }

    /// The bytes held, documents and downloads.
    pub fn weight(&self) -> u64 {
        self.inner.weight() + self.downloads.weight()
    }
}

/// `day` at midnight GMT as an HTTP date: `Sun, 01 Mar 2026 00:00:00 GMT`.
pub fn http_date(day: Date) -> String {
    day.strftime("%a, %d %b %Y 00:00:00 GMT").to_string()
}

/// The ETag of one copy.
fn variant_etag(etag: &str, enc: Encoding) -> String {
    format!("{}{}\"", &etag[..etag.len() - 1], enc.etag_suffix())
}

/// 304 Not Modified if the client's If-None-Match names this answer (any copy). It
/// carries the ETag of the copy this request would get, so that a CDN revalidating its
/// gzip copy is told that copy's ETag.
pub fn not_modified(headers: &HeaderMap, etag: &str, freshness: Freshness) -> Option<Response> {
    let gz = variant_etag(etag, Encoding::Gzip);
    let br = variant_etag(etag, Encoding::Brotli);
    let matched = headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| etag_matches(v, &[etag, &gz, &br]));
    if !matched {
        return None;
    }
    let mut resp = StatusCode::NOT_MODIFIED.into_response();
    let h = resp.headers_mut();
    h.insert(CACHE_CONTROL, freshness.header());
    h.insert(VARY, HeaderValue::from_static("accept-encoding"));
    let this = variant_etag(etag, Encoding::negotiate(headers));
    if let Ok(v) = HeaderValue::from_str(&this) {
        h.insert(ETAG, v);
    }
    Some(resp)
}

/// The answer with its headers, in the copy the client prefers (brotli, gzip or
/// none). An answer with no ETag is one request's own (an article checked).
pub fn response(
    headers: &HeaderMap,
    rendered: &Rendered,
    etag: Option<&str>,
    freshness: Freshness,
) -> Response {
    let mut enc = Encoding::negotiate(headers);
    if rendered.copy(enc).is_empty() && !rendered.body.is_empty() {
        // Compression failed (it does not): the plain copy.
        enc = Encoding::Identity;
    }
    let body = rendered.copy(enc).clone();
    let etag = etag.map(|e| variant_etag(e, enc));
    let encoded = enc != Encoding::Identity;
    let mut resp = Response::new(Body::from(body));
    let h = resp.headers_mut();
    h.insert(
        CONTENT_TYPE,
        HeaderValue::from_static(rendered.content_type),
    );
    h.insert(CACHE_CONTROL, freshness.header());
    h.insert(VARY, HeaderValue::from_static("accept-encoding"));
    if encoded {
        h.insert(
            CONTENT_ENCODING,
            HeaderValue::from_static(if enc == Encoding::Gzip { "gzip" } else { "br" }),
        );
    }
    if let Some(d) = &rendered.disposition {
        h.insert(CONTENT_DISPOSITION, d.clone());
    }
    if let Some(v) = etag.and_then(|e| HeaderValue::from_str(&e).ok()) {
        h.insert(ETAG, v);
    }
    resp
}

/// Whether an If-None-Match value names this response (any copy), by the weak
/// comparison RFC 9110 prescribes for If-None-Match.
fn etag_matches(header: &str, etags: &[&str]) -> bool {
    header.split(',').map(str::trim).any(|tag| {
        let tag = tag.strip_prefix("W/").unwrap_or(tag);
        tag == "*" || etags.contains(&tag)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_negotiation() {
        let h = |v: &str| {
            let mut m = HeaderMap::new();
            m.insert(ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            m
        };
        use Encoding::*;
        assert_eq!(Encoding::negotiate(&h("gzip, deflate, br")), Brotli);
        assert_eq!(Encoding::negotiate(&h("gzip, deflate")), Gzip);
        assert_eq!(Encoding::negotiate(&h("br;q=0.5, gzip;q=0.8")), Gzip);
        assert_eq!(Encoding::negotiate(&h("br;q=1.0, gzip;q=0.8")), Brotli);
        assert_eq!(Encoding::negotiate(&h("*")), Brotli);
        assert_eq!(Encoding::negotiate(&h("gzip;q=0")), Identity);
        assert_eq!(Encoding::negotiate(&h("identity")), Identity);
        assert_eq!(Encoding::negotiate(&HeaderMap::new()), Identity);
    }

    #[test]
    fn if_none_match_forms() {
        let tags = ["\"a\"", "\"a-gz\"", "\"a-br\""];
        assert!(etag_matches("\"a\"", &tags));
        assert!(etag_matches("W/\"a-gz\", \"b\"", &tags));
        assert!(etag_matches("\"a-br\"", &tags));
        assert!(etag_matches("*", &tags));
        assert!(!etag_matches("\"b\"", &tags));
    }

    #[test]
    fn http_dates() {
        assert_eq!(
            http_date(jiff::civil::date(2026, 3, 1)),
            "Sun, 01 Mar 2026 00:00:00 GMT"
        );
    }

    #[test]
    fn copies_decompress_to_the_body() {
        use std::io::Read;
        let body = b"{\"a\": 1}".repeat(100);
        let r = Rendered::new(body.clone(), "application/json");
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&r.gzip[..])
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, body);
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &r.br[..], &mut out).unwrap();
        assert_eq!(out, body);
    }
}
