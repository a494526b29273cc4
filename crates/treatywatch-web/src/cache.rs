//! Rendered responses, cached by what they answer, with ETags and Cache-Control.
//!
//! A response is identified by a [`Key`]: the endpoint and its resolved inputs (treaty,
//! state code, dates), never the raw query string, so `on=2026-03-01&treaty=apmbc` and
//! `treaty=APMBC&on=2026-03-01` share one entry. The bytes are rendered once, with a
//! gzip copy, and kept in a cache bounded by size. The ETag is a hash of the release,
//! the dataset and the key: it is known before anything is rendered, so a matching
//! `If-None-Match` gets a 304 at once. [`crate::App::respond`] ties these together and
//! renders misses off the async workers.
//!
//! Downloads (panel exports, up to about 20 MB each) are kept apart from the documents
//! and pages, in their own share of the bytes, so that one large file cannot push out
//! hundreds of small answers that are asked for all the time.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::http::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_TYPE, ETAG,
    IF_NONE_MATCH, VARY,
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
    },
    StatePage {
        treaty: usize,
        state: StateCode,
        on: Date,
    },
    Asset(&'static str),
}

impl Key {
    /// Whether the answer is a download, kept in the downloads' share of the cache.
    fn is_download(&self) -> bool {
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
    fn header(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Freshness::Release => "public, max-age=3600, stale-while-revalidate=86400",
            Freshness::Today => "public, max-age=300",
            Freshness::Never => "no-store",
        })
    }
}

/// A rendered response body, with its gzip copy when that is smaller, and for a
/// download the `Content-Disposition` that names the file.
pub struct Rendered {
    body: Bytes,
    gzip: Option<Bytes>,
    content_type: &'static str,
    disposition: Option<HeaderValue>,
}

impl Rendered {
    pub fn new(body: Vec<u8>, content_type: &'static str) -> Rendered {
        let gzip = (body.len() > 1024)
            .then(|| gzip(&body))
            .flatten()
            .filter(|g| g.len() < body.len());
        Rendered {
            body: Bytes::from(body),
            gzip: gzip.map(Bytes::from),
            content_type,
            disposition: None,
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
        (self.body.len() + self.gzip.as_ref().map_or(0, |g| g.len()) + 128) as u64
    }
}

fn gzip(body: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(body).ok()?;
    enc.finish().ok()
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
        }
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

/// The gzip variant's ETag.
fn gz_etag(etag: &str) -> String {
    format!("{}-gz\"", &etag[..etag.len() - 1])
}

/// 304 Not Modified if the client's If-None-Match names this answer.
pub fn not_modified(headers: &HeaderMap, etag: &str, freshness: Freshness) -> Option<Response> {
    let gz = gz_etag(etag);
    let matched = headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| etag_matches(v, etag, &gz));
    if !matched {
        return None;
    }
    let mut resp = StatusCode::NOT_MODIFIED.into_response();
    let h = resp.headers_mut();
    h.insert(CACHE_CONTROL, freshness.header());
    h.insert(VARY, HeaderValue::from_static("accept-encoding"));
    if let Ok(v) = HeaderValue::from_str(etag) {
        h.insert(ETAG, v);
    }
    Some(resp)
}

/// The answer with its headers, gzip-encoded if the client accepts it. An answer with
/// no ETag is one request's own (an article checked).
pub fn response(
    headers: &HeaderMap,
    rendered: &Rendered,
    etag: Option<&str>,
    freshness: Freshness,
) -> Response {
    let (body, etag, encoded) = match &rendered.gzip {
        Some(gz) if accepts_gzip(headers) => (gz.clone(), etag.map(gz_etag), true),
        _ => (rendered.body.clone(), etag.map(str::to_string), false),
    };
    let mut resp = Response::new(Body::from(body));
    let h = resp.headers_mut();
    h.insert(
        CONTENT_TYPE,
        HeaderValue::from_static(rendered.content_type),
    );
    h.insert(CACHE_CONTROL, freshness.header());
    h.insert(VARY, HeaderValue::from_static("accept-encoding"));
    if encoded {
        h.insert(CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    if let Some(d) = &rendered.disposition {
        h.insert(CONTENT_DISPOSITION, d.clone());
    }
    if let Some(v) = etag.and_then(|e| HeaderValue::from_str(&e).ok()) {
        h.insert(ETAG, v);
    }
    resp
}

/// Whether an If-None-Match value names this response (either encoding), by the weak
/// comparison RFC 9110 prescribes for If-None-Match.
fn etag_matches(header: &str, etag: &str, gz_etag: &str) -> bool {
    header.split(',').map(str::trim).any(|tag| {
        let tag = tag.strip_prefix("W/").unwrap_or(tag);
        tag == "*" || tag == etag || tag == gz_etag
    })
}

/// Whether the client accepts gzip (`gzip` or `*` listed without `q=0`).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_negotiation() {
        let h = |v: &str| {
            let mut m = HeaderMap::new();
            m.insert(ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            m
        };
        assert!(accepts_gzip(&h("gzip, deflate, br")));
        assert!(accepts_gzip(&h("br;q=1.0, gzip;q=0.8")));
        assert!(accepts_gzip(&h("*")));
        assert!(!accepts_gzip(&h("gzip;q=0")));
        assert!(!accepts_gzip(&h("identity")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn if_none_match_forms() {
        assert!(etag_matches("\"a\"", "\"a\"", "\"a-gz\""));
        assert!(etag_matches("W/\"a-gz\", \"b\"", "\"a\"", "\"a-gz\""));
        assert!(etag_matches("*", "\"a\"", "\"a-gz\""));
        assert!(!etag_matches("\"b\"", "\"a\"", "\"a-gz\""));
    }
}
