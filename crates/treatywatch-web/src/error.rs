//! Errors as the API answers them: a 4xx status and a JSON body that says what was
//! wrong and what to send instead. The messages are the engine's own (unknown state with
//! the closest names, the date form, the known treaties), so the web and the command
//! line explain a mistake in the same words.

use axum::http::header::{CACHE_CONTROL, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every error response.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApiError {
    #[serde(skip)]
    pub status: StatusCode,
    /// A stable machine-readable code: `invalid_date`, `unknown_state`,
    /// `unknown_treaty`, `no_participants`, `bad_query`, `missing_parameter`, `uri_too_long`,
    /// `headers_too_large`, `method_not_allowed`, `body_not_allowed`, `not_found`,
    /// `timeout`, `bad_path`, `bad_range`, `bad_year`, `export_too_large`,
    /// `unsupported_media_type`, `bad_json`, `empty_text`, `not_text`, `article_too_large`,
    /// `date_out_of_range`, `too_many_results`, `overloaded` (503, with `Retry-After`).
    #[schema(example = "invalid_date")]
    pub error: &'static str,
    /// What was wrong, in words.
    #[schema(example = "on: `2026-13-01` is not a real day: there is no month 13")]
    pub message: String,
    /// What to send instead.
    #[schema(example = "send on=YYYY-MM-DD, for example on=2026-03-01")]
    pub hint: String,
    /// For a 503: the seconds to wait, sent as `Retry-After`.
    #[serde(skip)]
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        error: &'static str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> ApiError {
        ApiError {
            status,
            error,
            message: message.into(),
            hint: hint.into(),
            retry_after: (status == StatusCode::SERVICE_UNAVAILABLE).then_some(2),
        }
    }

    pub fn bad(error: &'static str, message: impl Into<String>, hint: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, error, message, hint)
    }

    /// The JSON error that stands for a bare status code from a lower layer (the
    /// router's 404 and 405, the body limit's 413, the timeout's 503).
    pub fn for_status(status: StatusCode) -> ApiError {
        let (error, message, hint) = match status {
            StatusCode::NOT_FOUND => (
                "not_found",
                "no such page or endpoint",
                "see /api/v1/openapi.json for the endpoints, or / for the map",
            ),
            StatusCode::METHOD_NOT_ALLOWED => (
                "method_not_allowed",
                "this endpoint does not answer that method",
                "send one of the methods in the Allow header: GET for every endpoint but \
                 POST /api/v1/annotate",
            ),
            StatusCode::PAYLOAD_TOO_LARGE => (
                "body_not_allowed",
                "the request has a body larger than this server accepts",
                "send GET requests without a body",
            ),
            StatusCode::SERVICE_UNAVAILABLE | StatusCode::REQUEST_TIMEOUT => (
                "timeout",
                "the request took too long",
                "try again in a few seconds",
            ),
            StatusCode::URI_TOO_LONG => (
                "uri_too_long",
                "the request's address is too long",
                "send at most a few short query parameters, such as treaty=apmbc&on=2026-03-01",
            ),
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => (
                "headers_too_large",
                "the request's headers are larger than this server accepts (16 KiB)",
                "send fewer or shorter headers",
            ),
            _ => ("error", "the request failed", "see /api/v1/openapi.json"),
        };
        ApiError::new(status, error, message, hint)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status;
        let retry = self.retry_after;
        let mut resp = axum::Json(self).into_response();
        *resp.status_mut() = status;
        let h = resp.headers_mut();
        h.insert(CACHE_CONTROL, error_cache_control(status));
        if let Some(s) = retry {
            h.insert(RETRY_AFTER, HeaderValue::from(s));
        }
        resp
    }
}

/// How long caches may keep an error: a 404 (no such state, page or endpoint) as long
/// as an answer about today, since only a new release changes it; anything else not at
/// all.
pub fn error_cache_control(status: StatusCode) -> HeaderValue {
    if status == StatusCode::NOT_FOUND {
        HeaderValue::from_static("public, max-age=300, stale-while-revalidate=3600")
    } else {
        HeaderValue::from_static("no-store")
    }
}
