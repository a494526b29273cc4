//! The outermost layer every request passes: limits on the target and headers, a
//! request id, the headers every answer carries for browsers and embedding sites, the
//! counters, and the access log.
//!
//! Headers on every answer:
//!
//! * `X-Request-Id`: the client's own (1 to 64 of `A-Z a-z 0-9 - _ . :`, as a CDN
//!   forwards it), else one made here; it is in the access log line too.
//! * `X-Content-Type-Options: nosniff`, `Referrer-Policy: strict-origin-when-cross-origin`.
//! * `Content-Security-Policy`: pages load only this server's script, style and images
//!   and have no inline script; no page may be framed by another site
//!   (`frame-ancestors 'none'`, and `X-Frame-Options: DENY`) but the embed view
//!   (`/embed`), which any site may frame.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::body::HttpBody as _;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::metrics::route_of;
use crate::{App, MAX_HEADER_BYTES, MAX_URI_BYTES};

/// The access log's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessLog {
    /// One line per request: method, target, status, microseconds, request id.
    Text,
    /// One JSON object per line: time, request id, client address, method, target,
    /// status, bytes, microseconds, user agent.
    Json,
    /// No access log (errors and the server's own messages are still written).
    Off,
}

impl std::str::FromStr for AccessLog {
    type Err = String;
    fn from_str(s: &str) -> Result<AccessLog, String> {
        match s {
            "text" => Ok(AccessLog::Text),
            "json" => Ok(AccessLog::Json),
            "off" => Ok(AccessLog::Off),
            other => Err(format!("`{other}` is not text, json or off")),
        }
    }
}

pub const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The policy of every page but the embed view.
const CSP_PAGE: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; \
frame-ancestors 'none'";
/// The embed view: the same, but any site may frame it.
const CSP_EMBED: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; \
frame-ancestors *";
/// Documents, files and images: nothing to run, nothing to frame.
const CSP_OTHER: &str = "default-src 'none'; frame-ancestors 'none'";

/// A request id: 16 hex digits, a per-process random start and a counter.
fn new_request_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let seed = *SEED.get_or_init(|| {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        crate::cache::fnv1a(
            crate::cache::FNV_OFFSET,
            &[t.to_le_bytes(), u64::from(std::process::id()).to_le_bytes()].concat(),
        )
    });
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!(
        "{:016x}",
        seed.wrapping_add(n.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    )
}

fn usable_request_id(v: &HeaderValue) -> Option<String> {
    let s = v.to_str().ok()?;
    (!s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
    .then(|| s.to_string())
}

/// The layer: see the module's documentation.
pub async fn observe(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let target = req
        .uri()
        .path_and_query()
        .map_or_else(|| path.clone(), |p| p.as_str().to_string());
    let id = req
        .headers()
        .get(&X_REQUEST_ID)
        .and_then(usable_request_id)
        .unwrap_or_else(new_request_id);
    let client = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    let agent = req
        .headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.chars().take(200).collect::<String>());
    let header_bytes: usize = req
        .headers()
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len())
        .sum();
    let mut resp = if target.len() > MAX_URI_BYTES {
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
            if resp.status() == StatusCode::SERVICE_UNAVAILABLE {
                // The request timeout's answer.
                app.metrics.timeout();
            }
            let mut fixed = ApiError::for_status(resp.status()).into_response();
            for h in [header::ALLOW, header::ACCESS_CONTROL_ALLOW_ORIGIN] {
                if let Some(v) = resp.headers().get(&h) {
                    fixed.headers_mut().insert(h, v.clone());
                }
            }
            fixed
        } else {
            resp
        }
    };
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&id) {
        h.insert(X_REQUEST_ID, v);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    let html = h
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    let csp = if !html {
        CSP_OTHER
    } else if path == "/embed" {
        CSP_EMBED
    } else {
        CSP_PAGE
    };
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(csp),
    );
    if path != "/embed" {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    let status = resp.status().as_u16();
    let micros = start.elapsed().as_micros() as u64;
    let bytes = resp.body().size_hint().exact().unwrap_or(0);
    app.metrics.request(route_of(&path), status, micros, bytes);
    match app.access_log {
        AccessLog::Off => {}
        AccessLog::Text => {
            let shown: String = target.chars().take(200).collect();
            tracing::info!(target: "access", "{method} {shown} {status} {micros}us id={id}");
        }
        AccessLog::Json => {
            let line = serde_json::json!({
                "time": jiff::Timestamp::now().to_string(),
                "id": id,
                "client": client.map(|c| c.to_string()),
                "method": method.as_str(),
                "target": target.chars().take(500).collect::<String>(),
                "route": crate::metrics::ROUTES[route_of(&path)],
                "status": status,
                "bytes": bytes,
                "duration_us": micros,
                "user_agent": agent,
            });
            crate::log::line(&line.to_string());
        }
    }
    resp
}
