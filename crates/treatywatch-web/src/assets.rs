//! Files compiled into the binary: the map shapes (built from the world-atlas npm
//! package by `web/build-assets.mjs` and committed), the page's script and style, and
//! the notice for the map data. Nothing is fetched from elsewhere at run time.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::App;
use crate::cache::{Freshness, Key, Region, Rendered};

pub const WORLD_JSON: &[u8] = include_bytes!("../assets/world.json");
pub const APP_JS: &[u8] = include_bytes!("../assets/app.js");
pub const APP_CSS: &[u8] = include_bytes!("../assets/app.css");
pub const NOTICE: &[u8] = include_bytes!("../assets/NOTICE.txt");

/// The served files: name, content type, bytes. `annotate.css` is the article
/// checker's own style (`treatywatch_annotate::html::STYLE`).
pub(crate) const FILES: [(&str, &str, &[u8]); 4] = [
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

    /// The box (x, y, width, height) a region's map shows: the states listed for it
    /// (whole shapes that do not reach across oceans), with a margin; the whole map for
    /// the world.
    pub fn view_box(&self, region: Region) -> (f64, f64, f64, f64) {
        let anchors: &[&str] = match region {
            Region::World => return (0.0, 0.0, f64::from(self.width), f64::from(self.height)),
            Region::Europe => &[
                "ISL", "IRL", "PRT", "ESP", "NOR", "SWE", "FIN", "EST", "LVA", "LTU", "POL", "GRC",
                "CYP", "ITA", "ROU", "UKR", "BLR",
            ],
            Region::Africa => &[
                "MAR", "EGY", "ZAF", "SEN", "SOM", "MDG", "TUN", "DZA", "NAM",
            ],
            Region::Americas => &["CAN", "BRA", "ARG", "CHL", "MEX", "COL", "CUB"],
            Region::Asia => &[
                "TUR", "SAU", "YEM", "IND", "LKA", "IDN", "PHL", "JPN", "MNG", "KAZ", "CHN",
            ],
            Region::Oceania => &["AUS", "NZL", "PNG", "SLB", "VUT"],
        };
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for shape in self
            .shapes
            .iter()
            .filter(|s| s.id.as_deref().is_some_and(|id| anchors.contains(&id)))
        {
            for (x, y) in points(&shape.d) {
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
        }
        if x0 > x1 {
            return (0.0, 0.0, f64::from(self.width), f64::from(self.height));
        }
        let m = ((x1 - x0).max(y1 - y0) * 0.04).max(4.0);
        let (x0, y0) = ((x0 - m).max(0.0), (y0 - m).max(0.0));
        let (x1, y1) = (
            (x1 + m).min(f64::from(self.width)),
            (y1 + m).min(f64::from(self.height)),
        );
        let r = |v: f64| (v * 10.0).round() / 10.0;
        (r(x0), r(y0), r(x1 - x0), r(y1 - y0))
    }
}

/// The points of an SVG path made of absolute `M`, `L` and `Z` commands.
fn points(d: &str) -> impl Iterator<Item = (f64, f64)> + '_ {
    d.split(['M', 'L', 'Z'])
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            let (x, y) = p.split_once(',')?;
            Some((x.trim().parse().ok()?, y.trim().parse().ok()?))
        })
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
