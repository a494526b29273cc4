//! The treatywatch web server: a JSON API and map pages over the status engine.
//!
//! * [`api`]: `/api/v1/...`, the documents the command line prints as JSON, and the
//!   OpenAPI description generated from the handlers.
//! * [`pages`]: the map page (`/`) and one page per state (`/states/{CODE}`), rendered
//!   on the server so they work without JavaScript; `assets/app.js` enhances them.
//! * [`cache`]: rendered bytes cached per endpoint and resolved inputs, ETags, gzip.
//! * [`error`]: 4xx answers as JSON that say what was wrong and what to send instead.
//! * [`exports`]: the research panel as a download (CSV, Parquet, SQLite).
//! * [`annotate`]: an article checked against the record, as JSON (`POST
//!   /api/v1/annotate`) or as a page with a form (`/annotate`).
//!
//! [`App`] holds the engine over a dataset that lives as long as the process; [`router`]
//! builds the axum router with its limits; [`run`] serves until SIGTERM or Ctrl-C.

pub mod annotate;
pub mod api;
mod assets;
pub mod cache;
pub mod error;
pub mod exports;
mod image;
mod log;
pub mod metrics;
mod observe;
pub mod pages;
pub mod query;
pub mod queue;
mod schema;
pub mod server;
pub mod site;
pub mod testing;

use std::future::Future;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::cors::CorsLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use treatywatch_annotate::Annotator;
use treatywatch_core::engine::Engine;
use treatywatch_core::{Dataset, DatasetIdentity, Date, State, Treaty, UnknownState, parse_date};
use treatywatch_data::DataFile;

use crate::cache::{Cache, FNV_OFFSET, Freshness, Key, Rendered, fnv1a};
use crate::error::ApiError;
use crate::metrics::{CacheOutcome, Metrics};
use crate::queue::Queues;

pub use crate::observe::AccessLog;
pub use crate::server::Limits;

// The system allocator keeps the memory of a burst of large answers long after it;
// jemalloc, with its background threads, hands it back to the system within seconds.
#[cfg(all(unix, not(target_env = "musl"), not(feature = "system-allocator")))]
#[global_allocator]
static ALLOC: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// The treaty answered when a request names none.
pub const DEFAULT_TREATY: &str = "apmbc";
/// The longest request target (path and query) accepted; longer gets 414.
pub const MAX_URI_BYTES: usize = 2048;
/// The most bytes of request headers accepted; more gets 431. (hyper closes connections
/// whose head passes 64 KiB before this is checked.)
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// The largest request body accepted by every route but the article checks (the rest
/// of the API takes none); larger gets 413.
pub const MAX_BODY_BYTES: usize = 1024;
/// The largest body of an article check (`POST /api/v1/annotate`, `POST /annotate`):
/// the annotator's 2 MiB of text, with room for JSON escapes and form encoding, which
/// can take three bytes for one. The text itself is held to 2 MiB once decoded.
pub const MAX_ARTICLE_BODY_BYTES: usize = 3 * treatywatch_annotate::MAX_INPUT_BYTES + 64 * 1024;
/// How many days' views of the dataset (`known_on=`) are kept at once.
pub const KNOWN_ON_VIEWS: usize = 8;
/// How long one request may take before it is answered 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// The most bytes of rendered responses kept in the cache.
pub const CACHE_BYTES: u64 = 64 * 1024 * 1024;
/// The earliest date any parameter may name.
pub const MIN_DATE: Date = Date::constant(1900, 1, 1);
/// The latest date any parameter may name.
pub const MAX_DATE: Date = Date::constant(2099, 12, 31);
/// The pattern of a date parameter, as the OpenAPI description gives it.
pub const DATE_PATTERN: &str = "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
/// The longest state name or code looked up, in characters (the longest name in the
/// dataset has 54); longer is unknown at once, without looking for the closest names.
pub const MAX_NAME_CHARS: usize = 100;
/// How many unknown names' closest matches are kept, so that a name asked again is not
/// matched again.
pub const NAME_CACHE_ENTRIES: usize = 4096;

/// The state shared by every request: the engine, the response cache, the queues, the
/// counters and the clock.
pub struct App {
    pub(crate) engine: &'static Engine<'static>,
    pub(crate) cache: Cache,
    pub(crate) queues: Queues,
    pub(crate) metrics: Arc<Metrics>,
    today: fn() -> Date,
    pub(crate) world: assets::World,
    /// The dataset as known on a day (`known_on=`), for the last few days asked.
    views: quick_cache::sync::Cache<Date, Arc<Dataset>>,
    /// One article checker per treaty (by position), built when first asked for.
    annotators: Vec<OnceLock<Annotator<'static, 'static>>>,
    /// The dataset's identity, and `Last-Modified` from the date of its latest fact.
    pub(crate) identity: DatasetIdentity,
    /// The closest names to names that matched no state, by the name asked.
    unknown_names: quick_cache::sync::Cache<String, Arc<UnknownState>>,
    pub(crate) access_log: AccessLog,
    started: std::time::Instant,
    /// How long one request may take before it is answered 503.
    request_timeout: Duration,
}

/// Today's date in UTC, the default for `on` and `to`.
pub fn today_utc() -> Date {
    jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date()
}

/// A state looked up by code or name.
pub(crate) enum Lookup {
    Found(&'static State),
    /// No such state: the closest names, for the message or links.
    Unknown(Arc<UnknownState>),
    /// The lookup could not run (its queue is full).
    Refused(ApiError),
}

impl App {
    /// An app over the dataset built into the binary.
    pub fn embedded(today: fn() -> Date) -> Result<App, String> {
        App::from_files(treatywatch_data::embedded_files(), false, today)
    }

    /// An app over a copy of `data/` on disk, fully checked.
    pub fn from_dir(dir: &Path, today: fn() -> Date) -> Result<App, String> {
        let files = treatywatch_data::read_dir(dir).map_err(|e| {
            format!(
                "cannot use the dataset in {}: {e}run `treatywatch check --data {}` for details",
                dir.display(),
                dir.display()
            )
        })?;
        App::from_files(files, true, today)
    }

    fn from_files(files: Vec<DataFile>, check: bool, today: fn() -> Date) -> Result<App, String> {
        // The ETags change with the release and with any byte of the dataset.
        let mut fingerprint = fnv1a(FNV_OFFSET, env!("CARGO_PKG_VERSION").as_bytes());
        for f in &files {
            fingerprint = fnv1a(fingerprint, f.path.as_bytes());
            fingerprint = fnv1a(fingerprint, f.text.as_bytes());
        }
        let data = if check {
            treatywatch_data::load(&files, today())
                .map(|(d, _warnings)| d)
                .map_err(|e| format!("the dataset does not load: {e}"))?
        } else {
            treatywatch_data::parse(&files)
                .map_err(|e| format!("the built-in dataset does not load (a bug): {e}"))?
        };
        if data.treaty(DEFAULT_TREATY).is_none() {
            return Err(format!("the dataset has no treaty `{DEFAULT_TREATY}`"));
        }
        // The server answers from one dataset, and one engine over it, for its whole
        // life; the article checkers borrow the engine.
        let data: &'static Dataset = Box::leak(Box::new(data));
        let engine: &'static Engine<'static> = Box::leak(Box::new(Engine::new(data)));
        let identity = data.identity();
        pages::set_site(pages::Site {
            dataset: identity.title.clone(),
            version: identity.version.clone(),
            latest_fact: identity.latest_fact,
            license: identity.license.clone(),
            public_url: None,
        });
        let mut cache = Cache::new(CACHE_BYTES, fingerprint);
        cache.set_last_modified(identity.latest_fact);
        Ok(App {
            engine,
            cache,
            queues: Queues::new(),
            metrics: Arc::new(Metrics::default()),
            today,
            world: assets::World::load()?,
            views: quick_cache::sync::Cache::new(KNOWN_ON_VIEWS),
            annotators: data.treaties.iter().map(|_| OnceLock::new()).collect(),
            identity,
            unknown_names: quick_cache::sync::Cache::new(NAME_CACHE_ENTRIES),
            access_log: AccessLog::Text,
            started: std::time::Instant::now(),
            request_timeout: REQUEST_TIMEOUT,
        })
    }

    /// The same app, its pages' shared links (Open Graph and Twitter card tags)
    /// absolute under `url` (`https://example.org`).
    pub fn with_public_url(self, url: Option<String>) -> App {
        let id = &self.identity;
        pages::set_site(pages::Site {
            dataset: id.title.clone(),
            version: id.version.clone(),
            latest_fact: id.latest_fact,
            license: id.license.clone(),
            public_url: url.map(|u| u.trim_end_matches('/').to_string()),
        });
        self
    }

    /// The same app with `workers` per queue, a wait limit of `max_wait` in each, and a
    /// request timeout of `request_timeout`: for tests that send many requests at once to
    /// a debug build.
    pub fn with_work_limits(
        mut self,
        workers: usize,
        max_wait: Duration,
        request_timeout: Duration,
    ) -> App {
        self.queues = Queues::with(workers, max_wait);
        self.request_timeout = request_timeout;
        self
    }

    /// The same app with another access log format.
    pub fn with_access_log(mut self, log: AccessLog) -> App {
        self.access_log = log;
        self
    }

    /// The article checker for the treaty at position `pos`, built on first use (tens
    /// of milliseconds: it compiles the matchers for every state's names).
    pub(crate) fn annotator(&self, pos: usize) -> &Annotator<'static, 'static> {
        self.annotators[pos]
            .get_or_init(|| Annotator::new(self.engine, &self.engine.data().treaties[pos]))
    }

    /// Runs `f` with the engine over the dataset as known on `known_on` (the whole
    /// dataset when `None`). The view of a day is kept for the next requests, for the
    /// last [`KNOWN_ON_VIEWS`] days asked; its engine is indexed for each render (well
    /// under a millisecond on the built-in dataset).
    pub(crate) fn with_engine<R>(
        &self,
        known_on: Option<Date>,
        f: impl for<'d> FnOnce(&Engine<'d>) -> R,
    ) -> R {
        match known_on {
            None => f(self.engine),
            Some(day) => {
                let view = match self.views.get(&day) {
                    Some(v) => v,
                    None => {
                        let v = Arc::new(self.engine.data().as_known_on(day));
                        self.views.insert(day, Arc::clone(&v));
                        v
                    }
                };
                f(&Engine::new(&view))
            }
        }
    }

    /// The number of days' views of the dataset kept.
    pub fn views_kept(&self) -> usize {
        self.views.len()
    }

    /// The server's counters.
    pub fn metrics(&self) -> &Arc<Metrics> {
        &self.metrics
    }

    /// The answer to `key`: 304 if the client has it, else the cached bytes, else
    /// `render`'s, kept for next time. Renders run on the blocking pool through the
    /// documents' queue (downloads through their own), so a flood of distinct requests
    /// (every day of the calendar) cannot stall the answers that are already cached, and
    /// is shed with 503 when its queue is full. Errors from `render` are answered and
    /// not cached.
    pub(crate) async fn respond<F>(
        self: &Arc<Self>,
        headers: &HeaderMap,
        key: Key,
        freshness: Freshness,
        render: F,
    ) -> Response
    where
        F: FnOnce(&App) -> Result<Rendered, ApiError> + Send + 'static,
    {
        let etag = self.cache.etag(&key);
        if let Some(resp) = self.cache.not_modified(headers, &etag, freshness) {
            self.metrics.cache(CacheOutcome::NotModified);
            return resp;
        }
        if let Some(r) = self.cache.get(&key) {
            self.metrics.cache(CacheOutcome::Hit);
            return self.cache.response(headers, &r, Some(&etag), freshness);
        }
        self.metrics.cache(CacheOutcome::Miss);
        let queue = if key.is_download() {
            &self.queues.downloads
        } else {
            &self.queues.documents
        };
        let app = Arc::clone(self);
        let rendered = queue
            .call(move || {
                // Another request may have rendered it while this one waited.
                if let Some(r) = app.cache.get(&key) {
                    return Ok(r);
                }
                let r = Arc::new(render(&app)?);
                app.cache.insert(key, Arc::clone(&r));
                Ok(r)
            })
            .await;
        match rendered {
            Ok(r) => self.cache.response(headers, &r, Some(&etag), freshness),
            Err(e) => e.into_response(),
        }
    }

    /// Today, by the app's clock.
    pub(crate) fn today(&self) -> Date {
        (self.today)()
    }

    /// The same app with a response cache of at most `bytes`.
    pub fn with_cache_limit(mut self, bytes: u64) -> App {
        let mut cache = Cache::new(bytes, self.cache.fingerprint());
        cache.set_last_modified(self.identity.latest_fact);
        self.cache = cache;
        self
    }

    /// The number of responses in the cache.
    pub fn cached(&self) -> usize {
        self.cache.len()
    }

    /// The treaties whose participants the dataset holds: what `treaty=` may name.
    pub fn answerable_treaties(&self) -> Vec<&'static Treaty> {
        self.engine
            .data()
            .treaties
            .iter()
            .filter(|t| self.engine.has_actions(t))
            .collect()
    }

    /// Resolves `treaty=` (default [`DEFAULT_TREATY`]) to its position and the treaty.
    pub(crate) fn treaty(&self, q: Option<&str>) -> Result<(usize, &'static Treaty), ApiError> {
        let q = q.unwrap_or(DEFAULT_TREATY);
        // Strict: no spaces around the name (the engine would trim them).
        let t = if q.trim() == q && !q.is_empty() {
            self.engine.resolve_treaty(q)
        } else {
            self.engine.resolve_treaty("\u{0}")
        };
        let t = t.map_err(|e| {
            ApiError::bad(
                "unknown_treaty",
                format!("treaty: {e}"),
                format!("send treaty= one of {}", e.known.join(", ")),
            )
        })?;
        if !self.engine.has_actions(t) {
            let with: Vec<String> = self
                .answerable_treaties()
                .iter()
                .map(|x| x.id.to_string())
                .collect();
            return Err(ApiError::bad(
                "no_participants",
                format!(
                    "treaty: the dataset holds the rules of `{}` but none of its participants' \
                     actions, so every state would wrongly show as a non-signatory",
                    t.id
                ),
                format!("send treaty= one of {}", with.join(", ")),
            ));
        }
        let pos = self
            .engine
            .data()
            .treaties
            .iter()
            .position(|x| x.id == t.id)
            .unwrap_or(0);
        Ok((pos, t))
    }

    /// Resolves `on` and `known_on`: `on` defaults to `known_on`, else to today (as on
    /// the command line); only an answer about today is fresh for less long.
    pub(crate) fn on_known(
        &self,
        on: Option<&str>,
        known_on: Option<&str>,
    ) -> Result<(Date, Option<Date>, Freshness), ApiError> {
        let known_on = self.optional_date(known_on, "known_on")?;
        match (on, known_on) {
            (None, Some(k)) => Ok((k, Some(k), Freshness::Release)),
            (on, _) => self.date(on, "on").map(|(d, f)| (d, known_on, f)),
        }
    }

    /// Resolves a date parameter that has no default.
    pub(crate) fn optional_date(
        &self,
        q: Option<&str>,
        name: &str,
    ) -> Result<Option<Date>, ApiError> {
        q.map(|s| self.date(Some(s), name).map(|(d, _)| d))
            .transpose()
    }

    /// Resolves a date parameter, `YYYY-MM-DD` from [`MIN_DATE`] to [`MAX_DATE`]; no value
    /// means today, which is fresh for less long.
    pub(crate) fn date(&self, q: Option<&str>, name: &str) -> Result<(Date, Freshness), ApiError> {
        match q {
            None => Ok(((self.today)(), Freshness::Today)),
            Some(s) => {
                let d = parse_date(s).map_err(|e| {
                    ApiError::bad(
                        "invalid_date",
                        format!("{name}: {e}"),
                        format!("send {name}=YYYY-MM-DD, for example {name}=2026-03-01"),
                    )
                })?;
                if !(MIN_DATE..=MAX_DATE).contains(&d) {
                    return Err(ApiError::bad(
                        "date_out_of_range",
                        format!(
                            "{name}: {d} is outside the days this server answers for, {MIN_DATE} to {MAX_DATE}"
                        ),
                        format!("send {name}= a day from {MIN_DATE} to {MAX_DATE}"),
                    ));
                }
                Ok((d, Freshness::Release))
            }
        }
    }

    /// Looks up a state by code or name. An exact match is found at once; a name that
    /// matches nothing is compared with every name for the closest ones on the
    /// documents' queue, off the async workers, and the result kept for the next time
    /// it is asked. Names over [`MAX_NAME_CHARS`] are unknown at once.
    pub(crate) async fn lookup(self: &Arc<Self>, q: &str) -> Lookup {
        if let Some(s) = self.engine.find_state(q) {
            return Lookup::Found(s);
        }
        if q.chars().count() > MAX_NAME_CHARS {
            let shown: String = q.chars().take(40).collect();
            return Lookup::Unknown(Arc::new(UnknownState {
                query: format!("{shown}…"),
                suggestions: Vec::new(),
            }));
        }
        if let Some(u) = self.unknown_names.get(q) {
            return Lookup::Unknown(u);
        }
        let app = Arc::clone(self);
        let query = q.to_string();
        let matched = self
            .queues
            .documents
            .call(move || {
                Ok(match app.engine.resolve_state(&query) {
                    Ok(s) => Ok(s),
                    Err(e) => {
                        let e = Arc::new(e);
                        app.unknown_names.insert(query, Arc::clone(&e));
                        Err(e)
                    }
                })
            })
            .await;
        match matched {
            Ok(Ok(s)) => Lookup::Found(s),
            Ok(Err(e)) => Lookup::Unknown(e),
            Err(e) => Lookup::Refused(e),
        }
    }

    /// Resolves a state's code or name for the API; unknown gets 404 with the closest
    /// names.
    pub(crate) async fn state(self: &Arc<Self>, q: &str) -> Result<&'static State, ApiError> {
        match self.lookup(q).await {
            Lookup::Found(s) => Ok(s),
            Lookup::Unknown(e) => Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "unknown_state",
                e.to_string(),
                "send an ISO 3166-1 alpha-3 code such as FIN, or a name such as Finland",
            )),
            Lookup::Refused(e) => Err(e),
        }
    }

    /// The days worth showing for a treaty: from its adoption (or first action) to the
    /// latest day in the data, including withdrawals that take effect later.
    pub(crate) fn span(&self, treaty: &'static Treaty) -> (Date, Date) {
        let data = self.engine.data();
        let mut days: Vec<Date> = data
            .actions
            .iter()
            .filter(|a| a.treaty == treaty.id)
            .map(|a| a.date)
            .collect();
        for s in &data.states {
            days.extend(self.engine.history(treaty, s).into_iter().map(|(d, _)| d));
        }
        let first_action = days.iter().min().copied();
        let first = [treaty.adopted, treaty.opened_for_signature, first_action]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or_else(self.today);
        let last = days.into_iter().max().unwrap_or(first);
        (first, last)
    }

    /// `GET /healthz`: the server is up and its dataset loaded.
    async fn healthz(axum::extract::State(app): axum::extract::State<Arc<App>>) -> Response {
        let body = serde_json::json!({
            "status": "ok",
            "release": env!("CARGO_PKG_VERSION"),
            "dataset": app.identity,
            "uptime_seconds": app.started.elapsed().as_secs(),
        });
        let mut r = axum::Json(body).into_response();
        r.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        r
    }

    /// `GET /metrics`: the counters, for Prometheus.
    async fn metrics_page(axum::extract::State(app): axum::extract::State<Arc<App>>) -> Response {
        let mut extra = app.queues.exposition();
        use std::fmt::Write as _;
        let _ = writeln!(
            extra,
            "# HELP treatywatch_cache_bytes Bytes of rendered answers in the cache.\n# TYPE treatywatch_cache_bytes gauge\ntreatywatch_cache_bytes {}\n# HELP treatywatch_cache_entries Answers in the cache.\n# TYPE treatywatch_cache_entries gauge\ntreatywatch_cache_entries {}",
            app.cache.weight(),
            app.cache.len()
        );
        if let Some(rss) = metrics::resident_bytes() {
            let _ = writeln!(
                extra,
                "# HELP process_resident_memory_bytes Resident memory size in bytes.\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes {rss}"
            );
        }
        let _ = writeln!(
            extra,
            "# HELP treatywatch_info The release and the dataset's version.\n# TYPE treatywatch_info gauge\ntreatywatch_info{{release=\"{}\",dataset=\"{}\",digest=\"{}\"}} 1",
            env!("CARGO_PKG_VERSION"),
            app.identity.version.replace(['"', '\\', '\n'], "_"),
            app.identity.digest,
        );
        let mut r = body(
            StatusCode::OK,
            "text/plain; version=0.0.4; charset=utf-8",
            app.metrics.render(&extra),
        );
        r.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        r
    }
}

/// The read-only API's CORS: any origin may GET (and HEAD) it and read the caching
/// headers; preflight requests are answered here.
fn cors() -> CorsLayer {
    use axum::http::HeaderName;
    CorsLayer::new()
        .allow_origin(tower_http::cors::Any)
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([
            header::ACCEPT,
            header::ACCEPT_LANGUAGE,
            header::CONTENT_LANGUAGE,
            header::IF_NONE_MATCH,
            header::IF_MODIFIED_SINCE,
            HeaderName::from_static("x-request-id"),
        ])
        .expose_headers([
            header::ETAG,
            header::LAST_MODIFIED,
            header::RETRY_AFTER,
            header::CONTENT_DISPOSITION,
            HeaderName::from_static("x-request-id"),
        ])
        .max_age(Duration::from_secs(86400))
        // Any origin gets the same answer: no Vary on Origin, one copy in a CDN.
        .vary([])
}

/// The router: API, pages and assets, with the request limits, headers and access log.
pub fn router(app: Arc<App>) -> Router {
    let timeout = app.request_timeout;
    // The read-only API: CORS for every origin; no body (1 KiB at most).
    let api = Router::new()
        .route("/api/v1/treaties", get(api::treaties))
        .route("/api/v1/status", get(api::status))
        .route("/api/v1/states/{state}", get(api::state))
        .route("/api/v1/states/{state}/timeline", get(api::timeline))
        .route("/api/v1/changes", get(api::changes))
        .route("/api/v1/histories", get(api::histories))
        .route("/api/v1/deadlines", get(api::deadlines))
        .route("/api/v1/exports/panel", get(exports::panel))
        .route("/api/v1/openapi.json", get(api::openapi))
        .layer(cors());
    let pages = Router::new()
        .route("/", get(pages::map))
        .route("/states/{state}", get(pages::state))
        .route("/search", get(pages::search))
        .route("/embed", get(pages::embed))
        .route("/map.svg", get(image::map_svg))
        .route("/map.png", get(image::map_png))
        .route("/assets/{name}", get(assets::serve))
        .route("/healthz", get(App::healthz))
        .route("/metrics", get(App::metrics_page));
    let bodiless = api
        .merge(pages)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES));
    // The article checks read at most MAX_ARTICLE_BODY_BYTES themselves, once their
    // queue has a place for them, so that an article too large gets an answer that
    // says so (JSON, or the page with the form).
    let articles = Router::new()
        .route("/api/v1/annotate", post(annotate::api))
        .route("/annotate", get(annotate::form).post(annotate::page));
    bodiless
        .merge(articles)
        .fallback(fallback)
        .with_state(Arc::clone(&app))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        .layer(middleware::from_fn_with_state(app, observe::observe))
}

async fn fallback(req: axum::extract::Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        ApiError::for_status(StatusCode::NOT_FOUND).into_response()
    } else {
        pages::not_found("No such page.", &[]).into_response()
    }
}

/// Resolves when the process gets SIGTERM or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// Serves `app` on `listener` with the default [`Limits`] until `shutdown` resolves,
/// then lets the requests in flight finish (for the shutdown timeout at most) and
/// returns.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with_limits(listener, app, Limits::default(), shutdown).await
}

/// [`serve`] with other limits.
pub async fn serve_with_limits(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let metrics = Arc::clone(&app.metrics);
    server::serve_with(listener, router(app), metrics, limits, shutdown).await
}

/// How `treatywatch serve` runs: where, on which dataset, with which limits and log.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub addr: SocketAddr,
    pub data_dir: Option<std::path::PathBuf>,
    pub limits: Limits,
    pub access_log: AccessLog,
    /// The public address (`https://example.org`) for absolute links in the pages'
    /// sharing tags.
    pub public_url: Option<String>,
}

/// `treatywatch serve`: loads the dataset (built in, or `data_dir`), listens on `addr`
/// and serves until SIGTERM or Ctrl-C. Logs go to standard error.
pub fn run(addr: SocketAddr, data_dir: Option<&Path>) -> Result<(), String> {
    run_with(ServeOptions {
        addr,
        data_dir: data_dir.map(Path::to_path_buf),
        limits: Limits::default(),
        access_log: AccessLog::Text,
        public_url: None,
    })
}

/// [`run`] with every option.
pub fn run_with(opts: ServeOptions) -> Result<(), String> {
    use std::io::IsTerminal;
    let _ = tracing_subscriber::fmt()
        .with_writer(|| log::Writer)
        .with_ansi(std::io::stderr().is_terminal() && opts.access_log != AccessLog::Json)
        .with_target(false)
        .try_init();
    memory::return_freed_memory();
    let files = server::raise_file_limit();
    let app = match &opts.data_dir {
        None => App::embedded(today_utc)?,
        Some(dir) => App::from_dir(dir, today_utc)?,
    };
    let app = Arc::new(
        app.with_access_log(opts.access_log)
            .with_public_url(opts.public_url.clone()),
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server's runtime: {e}"))?;
    let addr = opts.addr;
    let limits = opts.limits;
    let served = runtime.block_on(async move {
        let listener = server::listen(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let local = listener.local_addr().map_err(|e| e.to_string())?;
        tracing::info!(
            "treatywatch serving on http://{local}/ (API under /api/v1/); dataset {}; at most {} connections (open files: {})",
            app.identity.line(),
            limits.max_connections,
            files.map_or_else(|| "unknown".to_string(), |n| n.to_string()),
        );
        log::flush();
        let flusher = tokio::spawn(log::flush_periodically());
        let served = serve_with_limits(listener, app, limits, shutdown_signal()).await;
        flusher.abort();
        match &served {
            Ok(()) => tracing::info!("treatywatch stopped"),
            Err(e) => tracing::error!("the server failed: {e}"),
        }
        log::flush();
        served.map_err(|e| format!("the server failed: {e}"))
    });
    // Renders still running on the blocking pool are bounded; do not wait for them.
    runtime.shutdown_timeout(Duration::from_millis(500));
    served
}

/// Memory handed back to the system after bursts.
mod memory {
    /// Starts jemalloc's background threads, which return freed pages to the system
    /// within seconds (its decay is 10 s) even when no request comes to trigger it.
    pub fn return_freed_memory() {
        #[cfg(all(unix, not(target_env = "musl"), not(feature = "system-allocator")))]
        {
            let _ = tikv_jemalloc_ctl::background_thread::write(true);
        }
    }
}

/// A response with a body and content type, for small fixed answers.
pub(crate) fn body(status: StatusCode, content_type: &'static str, body: String) -> Response {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    r
}
