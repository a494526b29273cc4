//! Files compiled into the binary: the map shapes (built from the world-atlas npm
//! package by `web/build-assets.mjs` and committed), the page's script and style, and
//! the notice for the map data. Nothing is fetched from elsewhere at run time.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::App;
use crate::cache::{Freshness, Key, Rendered};

pub const WORLD_JSON: &[u8] = include_bytes!("../assets/world.json");
pub const APP_JS: &[u8] = include_bytes!("../assets/app.js");
pub const APP_CSS: &[u8] = include_bytes!("../assets/app.css");
pub const NOTICE: &[u8] = include_bytes!("../assets/NOTICE.txt");

/// The served files: name, content type, bytes. `annotate.css` is the article
/// checker's own style (`treatywatch_annotate::html::STYLE`).
const FILES: [(&str, &str, &[u8]); 4] = [
    ("app.js", "text/javascript; charset=utf-8", APP_JS),
    ("app.css", "text/css; charset=utf-8", APP_CSS),
    (
        "annotate.css",
        "text/css; charset=utf-8",
        treatywatch_annotate::html::STYLE.as_bytes(),
    ),
    ("NOTICE.txt", "text/plain; charset=utf-8", NOTICE),
];

/// A country's outline, keyed by ISO 3166-1 alpha-3 code (none for a few disputed
/// areas the map shows without a code).
#[derive(Deserialize)]
pub struct Shape {
    pub id: Option<String>,
    pub name: String,
    /// SVG path data in the map's coordinates.
    pub d: String,
}

/// A country too small for the 1:110m outlines, drawn as a dot at its centroid.
#[derive(Deserialize)]
pub struct Point {
    pub id: String,
    pub name: String,
    pub x: f64,
    pub y: f64,
}

/// The map: outlines and dots in a `width` x `height` box.
#[derive(Deserialize)]
pub struct World {
    pub width: u32,
    pub height: u32,
    pub shapes: Vec<Shape>,
    pub points: Vec<Point>,
}

impl World {
    pub fn load() -> Result<World, String> {
        serde_json::from_slice(WORLD_JSON)
            .map_err(|e| format!("the built-in map shapes do not load (a bug): {e}"))
    }
}

/// `GET /assets/{name}`.
pub async fn serve(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Response {
    match FILES.iter().find(|(n, _, _)| *n == name) {
        Some(&(n, ct, bytes)) => {
            app.respond(&headers, Key::Asset(n), Freshness::Release, move |_| {
                Ok(Rendered::new(bytes.to_vec(), ct))
            })
            .await
        }
        None => crate::pages::not_found("No such file.", &[]).into_response(),
    }
}
