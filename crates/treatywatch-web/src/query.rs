//! Query strings. The API is strict: a parameter an endpoint does not take is a 400
//! that names the ones it takes, so that a typo is not silently ignored. Links shared
//! on social media and in newsletters carry tracking parameters (`utm_*`, `fbclid`,
//! `gclid`, `ref`, ...): those are dropped before anything is read, on the API and the
//! pages alike. Pages ignore any other parameter they do not take, too.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// Whether a query parameter is a well-known tracking or referral parameter, dropped
/// before a query is read.
pub fn is_tracking(key: &str) -> bool {
    key.starts_with("utm_")
        || matches!(
            key,
            "fbclid"
                | "gclid"
                | "gclsrc"
                | "dclid"
                | "gbraid"
                | "wbraid"
                | "msclkid"
                | "twclid"
                | "li_fat_id"
                | "igshid"
                | "yclid"
                | "ttclid"
                | "mc_cid"
                | "mc_eid"
                | "mkt_tok"
                | "_ga"
                | "_gl"
                | "_hsenc"
                | "_hsmi"
                | "s_cid"
                | "ref"
                | "ref_src"
                | "ref_url"
        )
}

/// Whether a raw query string names a tracking parameter (a quick scan, so that the
/// common query is read as it is).
fn has_tracking(query: &str) -> bool {
    query
        .split('&')
        .any(|pair| is_tracking(pair.split_once('=').map_or(pair, |(k, _)| k)))
}

/// The query string without its tracking parameters.
pub fn without_tracking(query: &str) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        if !is_tracking(&k) {
            out.append_pair(&k, &v);
        }
    }
    out.finish()
}

/// A query that could not be read: serde's words for what was wrong.
#[derive(Debug)]
pub struct QueryError(pub String);

impl axum::response::IntoResponse for QueryError {
    fn into_response(self) -> axum::response::Response {
        crate::error::ApiError::bad("bad_query", self.0, "see /api/v1/openapi.json").into_response()
    }
}

impl QueryError {
    pub fn body_text(&self) -> String {
        self.0.clone()
    }
}

/// The query, its tracking parameters dropped, read into `T`. An API endpoint's `T`
/// refuses unknown fields; a page's ignores them.
pub struct Q<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Q<T> {
    type Rejection = QueryError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let raw = parts.uri.query().unwrap_or("");
        let cleaned;
        let query = if has_tracking(raw) {
            cleaned = without_tracking(raw);
            cleaned.as_str()
        } else {
            raw
        };
        serde_urlencoded::from_str::<T>(query)
            .map(Q)
            .map_err(|e| QueryError(format!("Failed to deserialize query string: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_parameters_are_dropped() {
        assert_eq!(
            without_tracking("on=2026-03-01&utm_source=x&fbclid=IwAR0&treaty=apmbc&ref=tw"),
            "on=2026-03-01&treaty=apmbc"
        );
        assert_eq!(without_tracking(""), "");
        assert_eq!(without_tracking("q=C%C3%B4te"), "q=C%C3%B4te");
        assert!(!is_tracking("on"));
        assert!(!is_tracking("refs"));
        assert!(has_tracking("on=1&fbclid=x"));
        assert!(!has_tracking("on=2026-03-01&treaty=apmbc"));
    }
}
