//! The map as an image, rendered on the server: `GET /map.svg` and `GET /map.png`
//! (`?treaty=&on=&focus=`), 1200 x 630, the size Open Graph and Twitter cards show. Every
//! page names the PNG in its sharing tags; a newsroom can download either.
//!
//! The SVG stands alone: colours and textures are attributes, not a stylesheet, so it
//! looks the same opened directly, in an `<img>`, or rasterised. The PNG is the SVG
//! rasterised by resvg, with the system's fonts (DejaVu Sans in the Docker image) for
//! the title and the legend.

use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use treatywatch_core::{Date, Status, Treaty};

use crate::App;
use crate::cache::{Key, Region, Rendered};
use crate::error::ApiError;
use crate::query::{Q, QueryError};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// `treaty`, `on` and `focus`, for the images and the embed view.
#[derive(Deserialize)]
pub struct MapParams {
    pub treaty: Option<String>,
    pub on: Option<String>,
    pub focus: Option<String>,
}

/// The fill of a status: a colour, or a pattern's reference.
pub fn fill(s: Status) -> &'static str {
    match s {
        Status::NotSignatory => "#e6e6e6",
        Status::Signatory => "url(#i-signatory)",
        Status::ConsentDeposited => "url(#i-consent_deposited)",
        Status::Party => "#0072B2",
        Status::WithdrawalPending => "url(#i-withdrawal_pending)",
        Status::Withdrawn => "url(#i-withdrawn)",
    }
}

/// The textures, scaled by `k` so that they keep their size on the screen in a zoomed view.
fn patterns(k: f64) -> String {
    PATTERNS.replace("{k}", &format!("{k:.4}"))
}

const PATTERNS: &str = r##"<defs>
<pattern id="i-signatory" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="scale({k})"><rect width="6" height="6" fill="#F0E442"/><path d="M0 1.5H6M0 4.5H6" stroke="#000" stroke-opacity=".55" stroke-width=".8"/></pattern>
<pattern id="i-consent_deposited" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="scale({k})"><rect width="6" height="6" fill="#009E73"/><circle cx="3" cy="3" r="1.3" fill="#fff" fill-opacity=".9"/></pattern>
<pattern id="i-withdrawal_pending" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="scale({k}) rotate(45)"><rect width="6" height="6" fill="#E69F00"/><path d="M1.5 0V6" stroke="#000" stroke-opacity=".6" stroke-width="1.6"/></pattern>
<pattern id="i-withdrawn" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="scale({k})"><rect width="6" height="6" fill="#D55E00"/><path d="M0 0L6 6M6 0L0 6" stroke="#fff" stroke-width="1.1"/></pattern>
</defs>"##;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The map of `treaty` on `on`, showing `focus`, as a standalone SVG document.
pub fn svg(app: &App, treaty: &'static Treaty, on: Date, focus: Region) -> String {
    let statuses = app.engine.statuses_on(treaty, on);
    let by_code: std::collections::HashMap<&str, Status> = statuses
        .iter()
        .map(|(s, st)| (s.code.as_str(), *st))
        .collect();
    let mut counts = Status::ALL.map(|s| (s, 0usize));
    for (_, st) in &statuses {
        counts[*st as usize].1 += 1;
    }
    let world = &app.world;
    let (vx, vy, vw, vh) = world.view_box(focus);
    // The map fills the area under the title, left of the legend.
    let (mx, my, mw, mh) = (20.0, 90.0, 860.0, 520.0);
    let scale = (mw / vw).min(mh / vh);
    let (ox, oy) = (
        mx + (mw - vw * scale) / 2.0 - vx * scale,
        my + (mh - vh * scale) / 2.0 - vy * scale,
    );
    let mut out = String::with_capacity(256 * 1024);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans, Verdana, sans-serif">"#
    );
    // Map units per pixel of the image: strokes, dots and textures keep their size.
    let k = 1.0 / scale;
    out.push_str(&patterns(k.min(1.2)));
    let _ = write!(
        out,
        r##"<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/><text x="20" y="48" font-size="30" font-weight="bold" fill="#1b1b1b">{}</text><text x="20" y="78" font-size="20" fill="#555555">{} · {}{}</text>"##,
        esc(&treaty.short_name),
        esc(treaty.untc.as_deref().unwrap_or(treaty.id.as_str())),
        on,
        if focus == Region::World {
            String::new()
        } else {
            format!(": {}", focus.label())
        }
    );
    let _ = write!(
        out,
        r##"<svg x="{mx}" y="{my}" width="{mw}" height="{mh}" viewBox="{} {} {} {}"><rect x="{}" y="{}" width="{}" height="{}" fill="#f3f7fb"/><g stroke="#4d4d4d" stroke-width="{:.2}">"##,
        vx - (mw / scale - vw) / 2.0,
        vy - (mh / scale - vh) / 2.0,
        mw / scale,
        mh / scale,
        vx - (mw / scale - vw) / 2.0,
        vy - (mh / scale - vh) / 2.0,
        mw / scale,
        mh / scale,
        0.5 * k,
    );
    let _ = (ox, oy);
    for shape in &world.shapes {
        let f = shape
            .id
            .as_deref()
            .and_then(|c| by_code.get(c))
            .map_or("#ffffff", |st| fill(*st));
        let _ = write!(out, r#"<path d="{}" fill="{f}"/>"#, shape.d);
    }
    for p in &world.points {
        if let Some(st) = by_code.get(p.id.as_str()) {
            let _ = write!(
                out,
                r##"<circle cx="{}" cy="{}" r="{:.2}" fill="{}" stroke="#1b1b1b" stroke-width="{:.3}"/>"##,
                p.x,
                p.y,
                3.0 * k,
                fill(*st),
                0.6 * k
            );
        }
    }
    out.push_str("</g></svg>");
    // The legend.
    let (lx, mut ly) = (895.0, 130.0);
    let _ = write!(
        out,
        r##"<text x="{lx}" y="{}" font-size="20" font-weight="bold" fill="#1b1b1b">On {on}</text>"##,
        ly - 20.0
    );
    for (s, n) in counts {
        let _ = write!(
            out,
            r##"<rect x="{lx}" y="{ly}" width="30" height="20" rx="3" fill="{}" stroke="#444444" stroke-width=".8"/><text x="{}" y="{}" font-size="15" fill="#1b1b1b">{} <tspan font-weight="bold">{n}</tspan></text>"##,
            fill(s),
            lx + 40.0,
            ly + 16.0,
            esc(crate::pages::label(s)),
        );
        ly += 36.0;
    }
    let site = crate::pages::site();
    let _ = write!(
        out,
        r##"<text x="{lx}" y="{}" font-size="14" fill="#555555">treatywatch · data {} </text><text x="{lx}" y="{}" font-size="14" fill="#555555">latest fact {}</text><text x="20" y="622" font-size="11" fill="#777777">Map: Natural Earth. Borders say nothing about the status of any territory.</text></svg>"##,
        ly + 20.0,
        esc(&site.version),
        ly + 40.0,
        site.latest_fact
            .map_or_else(|| "none".to_string(), |d| d.to_string()),
    );
    out
}

/// The fonts for the PNG's text, loaded once.
fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
    static DB: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_system_fonts();
        db.set_sans_serif_family("DejaVu Sans");
        Arc::new(db)
    })
    .clone()
}

/// The SVG rasterised.
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    let opts = resvg::usvg::Options {
        fontdb: fonts(),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(svg, &opts).map_err(|e| e.to_string())?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("cannot make the image")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// Resolves `treaty`, `on` and `focus` (pages and images: an unknown focus is the world).
pub(crate) fn resolve(
    app: &App,
    p: &MapParams,
) -> Result<
    (
        usize,
        &'static Treaty,
        Date,
        crate::cache::Freshness,
        Region,
    ),
    ApiError,
> {
    let (ti, treaty) = app.treaty(p.treaty.as_deref())?;
    let (on, fresh) = app.date(p.on.as_deref(), "on")?;
    let focus = p
        .focus
        .as_deref()
        .and_then(Region::parse)
        .unwrap_or(Region::World);
    Ok((ti, treaty, on, fresh, focus))
}

async fn image(
    app: Arc<App>,
    headers: HeaderMap,
    q: Result<Q<MapParams>, QueryError>,
    png_wanted: bool,
) -> Response {
    let p = match crate::api::params(q, "treaty, on and focus") {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let (ti, treaty, on, fresh, focus) = match resolve(&app, &p) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let key = Key::MapImage {
        treaty: ti,
        on,
        focus,
        png: png_wanted,
    };
    app.respond(&headers, key, fresh, move |app| {
        let svg = svg(app, treaty, on, focus);
        if png_wanted {
            let bytes = png(&svg).map_err(|e| {
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "error",
                    format!("the image could not be made: {e}"),
                    "report this as a bug",
                )
            })?;
            Ok(Rendered::new(bytes, "image/png"))
        } else {
            Ok(Rendered::new(svg.into_bytes(), "image/svg+xml"))
        }
    })
    .await
}

/// `GET /map.svg`.
pub async fn map_svg(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    q: Result<Q<MapParams>, QueryError>,
) -> Response {
    image(app, headers, q, false).await
}

/// `GET /map.png`.
pub async fn map_png(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    q: Result<Q<MapParams>, QueryError>,
) -> Response {
    image(app, headers, q, true).await
}
