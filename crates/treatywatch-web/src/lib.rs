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
mod log;
pub mod pages;
mod schema;
pub mod testing;

use std::future::Future;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use treatywatch_annotate::Annotator;
use treatywatch_core::engine::Engine;
use treatywatch_core::{Dataset, Date, State, Treaty, parse_date};
use treatywatch_data::DataFile;

use crate::cache::{Cache, FNV_OFFSET, Freshness, Key, Rendered, fnv1a};
use crate::error::ApiError;

/// The treaty answered when a request names none.
pub const DEFAULT_TREATY: &str = "apmbc";
/// The longest request target (path and query) accepted; longer gets 414.
pub const MAX_URI_BYTES: usize = 2048;
/// The most bytes of request headers accepted; more gets 431. (hyper itself closes
/// connections whose headers pass about 400 KB before this is checked.)
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

/// The state shared by every request: the engine, the response cache and the clock.
pub struct App {
    pub(crate) engine: &'static Engine<'static>,
    pub(crate) cache: Cache,
    renders: tokio::sync::Semaphore,
    today: fn() -> Date,
    pub(crate) world: assets::World,
    /// The dataset as known on a day (`known_on=`), for the last few days asked.
    views: quick_cache::sync::Cache<Date, Arc<Dataset>>,
    /// One article checker per treaty (by position), built when first asked for.
    annotators: Vec<OnceLock<Annotator<'static, 'static>>>,
}

/// Today's date in UTC, the default for `on` and `to`.
pub fn today_utc() -> Date {
    jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date()
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
        Ok(App {
            engine,
            cache: Cache::new(CACHE_BYTES, fingerprint),
            renders: tokio::sync::Semaphore::new(App::render_permits()),
            today,
            world: assets::World::load()?,
            views: quick_cache::sync::Cache::new(KNOWN_ON_VIEWS),
            annotators: data.treaties.iter().map(|_| OnceLock::new()).collect(),
        })
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

    /// The answer to `key`: 304 if the client has it, else the cached bytes, else
    /// `render`'s, kept for next time. Renders run on the blocking pool, at most
    /// [`App::render_permits`] at once, so a flood of distinct requests (every day of
    /// the calendar) cannot stall the answers that are already cached. Errors from
    /// `render` are answered and not cached.
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
        if let Some(resp) = cache::not_modified(headers, &etag, freshness) {
            return resp;
        }
        if let Some(r) = self.cache.get(&key) {
            return cache::response(headers, &r, Some(&etag), freshness);
        }
        let rendered = self
            .render(move |app| {
                // Another request may have rendered it while this one waited.
                if let Some(r) = app.cache.get(&key) {
                    return Ok(r);
                }
                let r = Arc::new(render(app)?);
                app.cache.insert(key, Arc::clone(&r));
                Ok(r)
            })
            .await;
        match rendered {
            Ok(r) => cache::response(headers, &r, Some(&etag), freshness),
            Err(e) => e.into_response(),
        }
    }

    /// Runs `f` on the blocking pool, at most [`App::render_permits`] at once: every
    /// render and every article check goes through here, so that they never hold up
    /// the async workers that answer from the cache.
    pub(crate) async fn render<R, F>(self: &Arc<Self>, f: F) -> Result<R, ApiError>
    where
        R: Send + 'static,
        F: FnOnce(&App) -> Result<R, ApiError> + Send + 'static,
    {
        let Ok(_permit) = self.renders.acquire().await else {
            return Err(ApiError::for_status(StatusCode::SERVICE_UNAVAILABLE));
        };
        let app = Arc::clone(self);
        match tokio::task::spawn_blocking(move || f(&app)).await {
            Ok(r) => r,
            Err(e) => Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "error",
                format!("rendering failed: {e}"),
                "report this as a bug",
            )),
        }
    }

    /// How many answers may be rendered at once: one core is left for the answers
    /// already cached.
    pub fn render_permits() -> usize {
        std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1).max(1))
    }

    /// Today, by the app's clock.
    pub(crate) fn today(&self) -> Date {
        (self.today)()
    }

    /// The same app with a response cache of at most `bytes`.
    pub fn with_cache_limit(mut self, bytes: u64) -> App {
        self.cache = Cache::new(bytes, self.cache.fingerprint());
        self
    }

    /// The number of responses in the cache.
    pub fn cached(&self) -> usize {
        self.cache.len()
    }

    /// Resolves `treaty=` (default [`DEFAULT_TREATY`]) to its position and the treaty.
    pub(crate) fn treaty(&self, q: Option<&str>) -> Result<(usize, &'static Treaty), ApiError> {
        let q = q.unwrap_or(DEFAULT_TREATY);
        let t = self.engine.resolve_treaty(q).map_err(|e| {
            ApiError::bad(
                "unknown_treaty",
                format!("treaty: {e}"),
                format!("send treaty= one of {}", e.known.join(", ")),
            )
        })?;
        if !self.engine.has_actions(t) {
            let with: Vec<String> = self
                .engine
                .data()
                .treaties
                .iter()
                .filter(|x| self.engine.has_actions(x))
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

    /// Resolves a date parameter; no value means today, which is fresh for less long.
    pub(crate) fn date(&self, q: Option<&str>, name: &str) -> Result<(Date, Freshness), ApiError> {
        match q {
            None => Ok(((self.today)(), Freshness::Today)),
            Some(s) => parse_date(s.trim())
                .map(|d| (d, Freshness::Release))
                .map_err(|e| {
                    ApiError::bad(
                        "invalid_date",
                        format!("{name}: {e}"),
                        format!("send {name}=YYYY-MM-DD, for example {name}=2026-03-01"),
                    )
                }),
        }
    }

    /// Resolves a state's code or name; unknown gets 404 with the closest names.
    pub(crate) fn state(&self, q: &str) -> Result<&'static State, ApiError> {
        self.engine.resolve_state(q).map_err(|e| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "unknown_state",
                e.to_string(),
                "send an ISO 3166-1 alpha-3 code such as FIN, or a name such as Finland",
            )
        })
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
}

/// The router: API, pages and assets, with the request limits and the access log.
pub fn router(app: Arc<App>) -> Router {
    // Everything but the article checks takes no body: 1 KiB at most.
    let bodiless = Router::new()
        .route("/api/v1/treaties", get(api::treaties))
        .route("/api/v1/status", get(api::status))
        .route("/api/v1/states/{state}", get(api::state))
        .route("/api/v1/states/{state}/timeline", get(api::timeline))
        .route("/api/v1/changes", get(api::changes))
        .route("/api/v1/histories", get(api::histories))
        .route("/api/v1/deadlines", get(api::deadlines))
        .route("/api/v1/exports/panel", get(exports::panel))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/", get(pages::map))
        .route("/states/{state}", get(pages::state))
        .route("/search", get(pages::search))
        .route("/assets/{name}", get(assets::serve))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES));
    // The article checks read at most MAX_ARTICLE_BODY_BYTES themselves, so that an
    // article too large gets an answer that says so (JSON, or the page with the form).
    let articles = Router::new()
        .route("/api/v1/annotate", post(annotate::api))
        .route("/annotate", get(annotate::form).post(annotate::page));
    bodiless
        .merge(articles)
        .fallback(fallback)
        .with_state(app)
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(middleware::from_fn(guard_and_log))
}

async fn fallback(req: Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        ApiError::for_status(StatusCode::NOT_FOUND).into_response()
    } else {
        pages::not_found("No such page.", &[]).into_response()
    }
}

/// Refuses over-long targets and headers, gives lower layers' error answers a JSON body, and logs each
/// request on one line: method, target, status, microseconds.
async fn guard_and_log(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let target = req
        .uri()
        .path_and_query()
        .map_or_else(|| req.uri().path().to_string(), |p| p.as_str().to_string());
    let header_bytes: usize = req
        .headers()
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len())
        .sum();
    let resp = if target.len() > MAX_URI_BYTES {
        ApiError::for_status(StatusCode::URI_TOO_LONG).into_response()
    } else if header_bytes > MAX_HEADER_BYTES {
        ApiError::for_status(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE).into_response()
    } else {
        let resp = next.run(req).await;
        // Ours are JSON or HTML; lower layers answer with no body or plain text.
        let bare = !resp
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("application/json") || ct.starts_with("text/html"));
        if bare && (resp.status().is_client_error() || resp.status().is_server_error()) {
            let mut fixed = ApiError::for_status(resp.status()).into_response();
            if let Some(allow) = resp.headers().get(header::ALLOW) {
                fixed.headers_mut().insert(header::ALLOW, allow.clone());
            }
            fixed
        } else {
            resp
        }
    };
    let shown: String = target.chars().take(200).collect();
    tracing::info!(
        target: "access",
        "{method} {shown} {} {}us",
        resp.status().as_u16(),
        start.elapsed().as_micros()
    );
    resp
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

/// Serves `app` on `listener` until `shutdown` resolves, then finishes the requests
/// in flight and returns.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown)
        .await
}

/// `treatywatch serve`: loads the dataset (built in, or `data_dir`), listens on `addr`
/// and serves until SIGTERM or Ctrl-C. Logs go to standard error.
pub fn run(addr: SocketAddr, data_dir: Option<&Path>) -> Result<(), String> {
    use std::io::IsTerminal;
    let _ = tracing_subscriber::fmt()
        .with_writer(|| log::Writer)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
    let app = match data_dir {
        None => App::embedded(today_utc)?,
        Some(dir) => App::from_dir(dir, today_utc)?,
    };
    let app = Arc::new(app);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server's runtime: {e}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let local = listener.local_addr().map_err(|e| e.to_string())?;
        tracing::info!("treatywatch serving on http://{local}/ (API under /api/v1/)");
        log::flush();
        let flusher = tokio::spawn(log::flush_periodically());
        let served = serve(listener, app, shutdown_signal()).await;
        flusher.abort();
        match &served {
            Ok(()) => tracing::info!("treatywatch stopped"),
            Err(e) => tracing::error!("the server failed: {e}"),
        }
        log::flush();
        served.map_err(|e| format!("the server failed: {e}"))
    })
}

/// A response with a body and content type, for small fixed answers.
pub(crate) fn body(status: StatusCode, content_type: &'static str, body: String) -> Response {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static(content_type),
    );
    r
}
