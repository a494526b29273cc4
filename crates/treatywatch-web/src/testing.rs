//! Calling the router in-process, without a socket: for this crate's tests and for the
//! command line's test that the API and `--format json` give the same documents.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use tower::ServiceExt;

use crate::{App, router};

/// A response, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as JSON (panics if it is not: for tests).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// Sends one request through the whole router (limits, log, handlers).
pub fn request(
    app: &Arc<App>,
    method: Method,
    uri: &str,
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> Reply {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req.body(Body::from(body)).expect("a valid request");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let resp = router(app.clone())
            .oneshot(req)
            .await
            .expect("the router never fails");
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .expect("a body")
            .to_vec();
        Reply {
            status,
            headers,
            body,
        }
    })
}

/// `GET uri` with headers.
pub fn get(app: &Arc<App>, uri: &str, headers: &[(&str, &str)]) -> Reply {
    request(app, Method::GET, uri, headers, Vec::new())
}

/// `POST uri` with a body of the given content type.
pub fn post(app: &Arc<App>, uri: &str, content_type: &str, body: Vec<u8>) -> Reply {
    request(
        app,
        Method::POST,
        uri,
        &[("content-type", content_type)],
        body,
    )
}
