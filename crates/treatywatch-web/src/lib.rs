//! The treatywatch web server: a JSON API and map pages over the status engine.
//!
//! * [`api`]: `/api/v1/...`, the documents the command line prints as JSON, and the
//!   OpenAPI description generated from the handlers.
//! * [`pages`]: the map page (`/`) and one page per state (`/states/{CODE}`), rendered
//!   on the server so they work without JavaScript; `assets/app.js` enhances them.
//! * [`cache`]: rendered bytes cached per endpoint and resolved inputs, ETags, gzip.
//! * [`error`]: 4xx answers as JSON that say what was wrong and what to send instead.
//!
//! [`App`] holds the engine over a dataset that lives as long as the process; [`router`]
//! builds the axum router with its limits; [`run`] serves until SIGTERM or Ctrl-C.

pub mod api;
mod assets;
pub mod cache;
pub mod error;
mod log;
pub mod pages;
mod schema;
pub mod testing;

use std::future::Future;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use treatywatch_core::engine::Engine;
use treatywatch_core::{Date, State, Treaty, parse_date};
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
/// The largest request body accepted (the API takes none); larger gets 413.
pub const MAX_BODY_BYTES: usize = 1024;
/// How long one request may take before it is answered 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// The most bytes of rendered responses kept in the cache.
pub const CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// The state shared by every request: the engine, the response cache and the clock.
pub struct App {
    pub(crate) engine: Engine<'static>,
    pub(crate) cache: Cache,
    renders: tokio::sync::Semaphore,
    today: fn() -> Date,
    pub(crate) world: assets::World,
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
        // The server answers from one dataset for its whole life.
        let data: &'static treatywatch_core::Dataset = Box::leak(Box::new(data));
        Ok(App {
            engine: Engine::new(data),
            cache: Cache::new(CACHE_BYTES, fingerprint),
            renders: tokio::sync::Semaphore::new(App::render_permits()),
            today,
            world: assets::World::load()?,
        })
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
            return cache::response(headers, &r, &etag, freshness);
        }
        let Ok(_permit) = self.renders.acquire().await else {
            return ApiError::for_status(StatusCode::SERVICE_UNAVAILABLE).into_response();
        };
        // Another request may have rendered it while this one waited.
        if let Some(r) = self.cache.get(&key) {
            return cache::response(headers, &r, &etag, freshness);
        }
        let app = Arc::clone(self);
        let rendered = match tokio::task::spawn_blocking(move || render(&app)).await {
            Ok(Ok(r)) => Arc::new(r),
            Ok(Err(e)) => return e.into_response(),
            Err(e) => {
                return ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "error",
                    format!("rendering failed: {e}"),
                    "report this as a bug",
                )
                .into_response();
            }
        };
        self.cache.insert(key, Arc::clone(&rendered));
        cache::response(headers, &rendered, &etag, freshness)
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
    Router::new()
        .route("/api/v1/treaties", get(api::treaties))
        .route("/api/v1/status", get(api::status))
        .route("/api/v1/states/{state}", get(api::state))
        .route("/api/v1/states/{state}/timeline", get(api::timeline))
        .route("/api/v1/changes", get(api::changes))
        .route("/api/v1/histories", get(api::histories))
        .route("/api/v1/openapi.json", get(api::openapi))
        // Extension points (see `api`): /api/v1/deadlines and /api/v1/exports/...
        .route("/", get(pages::map))
        .route("/states/{state}", get(pages::state))
        .route("/search", get(pages::search))
        .route("/assets/{name}", get(assets::serve))
        .fallback(fallback)
        .with_state(app)
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
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
