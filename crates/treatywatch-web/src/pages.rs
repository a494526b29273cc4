//! The HTML pages, rendered on the server so that they work without JavaScript and
//! have stable addresses to cite:
//!
//! * `/?treaty=&on=`: the world map coloured by status on a date, the legend with the
//!   count for each status, a date form, a search box and the list of every state.
//!   `assets/app.js` adds the timeline slider and opens a state's story beside the map.
//! * `/states/{CODE}?treaty=&on=`: one state's status, the notes that explain it, its
//!   dated story and numbered sources. Names and lower-case codes redirect (308) to the
//!   canonical upper-case code.
//! * `/search?q=`: resolves a name and redirects to the state's page.
//!
//! The page that checks an article (`/annotate`) is in [`crate::annotate`], in the same
//! frame ([`page_with_style`]).

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde::Deserialize;
use treatywatch_core::{Date, Source, Status, TimelineEvent, Treaty};

use crate::App;
use crate::api::params;
use crate::cache::{ExportFormat, Key, Region, Rendered};
use crate::error::ApiError;
use crate::query::{Q, QueryError};

pub(crate) const HTML: &str = "text/html; charset=utf-8";

/// `treaty` and `on`. Pages ignore parameters they do not take (a shared link may carry
/// any), and tracking parameters are dropped before anything is read.
#[derive(Deserialize)]
pub struct PageParams {
    treaty: Option<String>,
    on: Option<String>,
}

/// The map page's: `treaty`, `on`, `focus` (a region) and `state` (the state opened
/// beside the map, which the script reads).
#[derive(Deserialize)]
pub struct MapPageParams {
    treaty: Option<String>,
    on: Option<String>,
    focus: Option<String>,
}

/// `q`, `treaty` and `on`.
#[derive(Deserialize)]
pub struct SearchParams {
    q: Option<String>,
    treaty: Option<String>,
    on: Option<String>,
}

/// The legend's words for a status, and its pattern's description for readers who
/// cannot tell the colours apart.
pub fn label(s: Status) -> &'static str {
    match s {
        Status::NotSignatory => "Not signed",
        Status::Signatory => "Signatories, not bound",
        Status::ConsentDeposited => "Consented, not yet bound",
        Status::Party => "States Parties",
        Status::WithdrawalPending => "Withdrawal pending (still bound)",
        Status::Withdrawn => "Withdrawn",
    }
}

fn pattern_note(s: Status) -> &'static str {
    match s {
        Status::NotSignatory => "light grey",
        Status::Signatory => "yellow, horizontal lines",
        Status::ConsentDeposited => "green, dots",
        Status::Party => "dark blue, solid",
        Status::WithdrawalPending => "orange, diagonal stripes",
        Status::Withdrawn => "vermilion, cross-hatched",
    }
}

/// What the site says of itself on every page: the dataset's version and latest fact,
/// and the public address that links shared elsewhere start with. Set when an [`App`]
/// is made (a server has one).
#[derive(Clone, Debug, Default)]
pub struct Site {
    /// "treatywatch dataset 2026.2".
    pub dataset: String,
    pub version: String,
    pub latest_fact: Option<Date>,
    pub license: String,
    /// `https://example.org` (no trailing slash), for absolute links in Open Graph and
    /// Twitter card tags; without it they are relative to the page.
    pub public_url: Option<String>,
}

static SITE: std::sync::RwLock<Option<Arc<Site>>> = std::sync::RwLock::new(None);

/// Sets what every page says of the site.
pub fn set_site(site: Site) {
    *SITE.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(site));
}

pub(crate) fn site() -> Arc<Site> {
    SITE.read()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
        .unwrap_or_default()
}

/// What a page says of itself when it is shared: a description and the image of the
/// map it shows (Open Graph and Twitter card tags).
pub struct Meta {
    pub description: String,
    /// The path and query of the page, for `og:url` and `rel=canonical`.
    pub path: String,
    /// The path and query of the map image (`/map.png?...`).
    pub image: String,
    pub image_alt: String,
}

impl Meta {
    fn generic() -> Meta {
        Meta {
            description: "Where every state stands on the Mine Ban Treaty and other humanitarian-disarmament treaties, on any date, with sources.".into(),
            path: "/".into(),
            image: "/map.png?treaty=apmbc".into(),
            image_alt: "World map of the Mine Ban Treaty's States Parties".into(),
        }
    }
}

fn page(title: &str, body: Markup) -> Markup {
    page_with_style(title, None, body)
}

/// A page in the site's frame, with one more stylesheet if given.
pub(crate) fn page_with_style(title: &str, stylesheet: Option<&str>, body: Markup) -> Markup {
    page_full(title, stylesheet, &Meta::generic(), "", body)
}

/// The address of a path as shared elsewhere: absolute with `--public-url`.
fn absolute(site: &Site, path: &str) -> String {
    // The static site has one image per treaty, for the day it was built.
    let path = match (is_static(), path.strip_prefix("/map.png?treaty=")) {
        (true, Some(rest)) => format!("/{}/map.png", rest.split('&').next().unwrap_or("apmbc")),
        _ => path.to_string(),
    };
    let path = path.as_str();
    match &site.public_url {
        Some(base) => format!("{base}{path}"),
        None => path.to_string(),
    }
}

/// A page in the site's frame: head with the sharing tags, body, and a footer that says
/// which data answered and how current it is. `class` is the body's class.
pub(crate) fn page_full(
    title: &str,
    stylesheet: Option<&str>,
    meta: &Meta,
    class: &str,
    body: Markup,
) -> Markup {
    let site = site();
    let image = absolute(&site, &meta.image);
    let url = absolute(&site, &meta.path);
    let latest = site
        .latest_fact
        .map_or_else(|| "none".to_string(), |d| d.to_string());
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                meta name="description" content=(meta.description);
                link rel="canonical" href=(url);
                meta property="og:type" content="website";
                meta property="og:site_name" content="treatywatch";
                meta property="og:title" content=(title);
                meta property="og:description" content=(meta.description);
                meta property="og:url" content=(url);
                meta property="og:image" content=(image);
                meta property="og:image:type" content="image/png";
                meta property="og:image:width" content="1200";
                meta property="og:image:height" content="630";
                meta property="og:image:alt" content=(meta.image_alt);
                meta name="twitter:card" content="summary_large_image";
                meta name="twitter:title" content=(title);
                meta name="twitter:description" content=(meta.description);
                meta name="twitter:image" content=(image);
                meta name="twitter:image:alt" content=(meta.image_alt);
                meta name="treatywatch:dataset-version" content=(site.version);
                link rel="icon" href="data:,";
                link rel="stylesheet" href="/assets/app.css";
                @if let Some(css) = stylesheet { link rel="stylesheet" href=(css); }
                script src="/assets/app.js" defer {}
            }
            body class=(class) {
                svg.defs width="0" height="0" aria-hidden="true" focusable="false" { (patterns()) }
                a.skip href="#main" { "Skip to the content" }
                (body)
                footer {
                    p.dataset data-version=(site.version) data-latest-fact=(latest) {
                        "Data: " (site.dataset) " " strong { (site.version) } ", latest fact "
                        @match site.latest_fact {
                            Some(d) => time datetime=(d) { (d) },
                            None => "none",
                        }
                        " (" (site.license) ")."
                    }
                    p {
                        "treatywatch: statuses computed from the depositary's actions and the treaty's clauses, every fact with its public source. "
                        a href="/annotate" { "Check an article" }
                        ". "
                        a href="/api/v1/openapi.json" { "JSON API (OpenAPI)" }
                        ". Map: Natural Earth via world-atlas ("
                        a href="/assets/NOTICE.txt" { "notice" }
                        "); borders say nothing about the status of any territory."
                    }
                }
            }
        }
    }
}

fn html_response(status: StatusCode, markup: Markup) -> Response {
    crate::body(status, HTML, markup.into_string())
}

/// An error page: what was wrong, what to do, and links to the closest states.
pub fn error_page(
    status: StatusCode,
    message: &str,
    hint: &str,
    links: &[(String, String)],
) -> Response {
    html_response(
        status,
        page(
            "Not found: treatywatch",
            html! {
                main #main {
                    h1 { "Sorry" }
                    p.message { (message) }
                    @if !hint.is_empty() { p { (hint) } }
                    @if !links.is_empty() {
                        p { "Did you mean:" }
                        ul { @for (name, href) in links { li { a href=(href) { (name) } } } }
                    }
                    p { a href="/" { "Back to the map" } }
                }
            },
        ),
    )
}

pub fn not_found(message: &str, links: &[(String, String)]) -> Response {
    error_page(StatusCode::NOT_FOUND, message, "", links)
}

fn api_error_page(e: ApiError) -> Response {
    error_page(e.status, &e.message, &capitalise_first(&e.hint), &[])
}

fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Whether pages are being rendered for the static site (`treatywatch site`), whose
/// addresses are files: `/{treaty}/index.html`, `/{treaty}/states/{CODE}.html`, ...
static STATIC_SITE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Renders pages for the static site from now on (the `site` command; never a server).
pub fn set_static_site() {
    STATIC_SITE.store(true, std::sync::atomic::Ordering::Relaxed);
}

pub(crate) fn is_static() -> bool {
    STATIC_SITE.load(std::sync::atomic::Ordering::Relaxed)
}

fn state_href(code: &str, treaty: &Treaty, on: Option<Date>) -> String {
    if is_static() {
        return format!("/{}/states/{code}.html", treaty.id);
    }
    match on {
        Some(d) => format!("/states/{code}?treaty={}&on={d}", treaty.id),
        None => format!("/states/{code}?treaty={}", treaty.id),
    }
}

/// The map's address for a treaty and day.
fn map_href(treaty: &Treaty, on: Date) -> String {
    if is_static() {
        format!("/{}/index.html?on={on}", treaty.id)
    } else {
        format!("/?treaty={}&on={on}", treaty.id)
    }
}

fn patterns() -> Markup {
    // Okabe-Ito colours, each with a different texture so that the statuses stay
    // apart in greyscale and for colour-blind readers.
    PreEscaped(
        r##"<defs>
<pattern id="pat-signatory" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#F0E442"></rect><path d="M0 1.5H6M0 4.5H6" stroke="#000" stroke-opacity=".55" stroke-width=".8"></path></pattern>
<pattern id="pat-consent_deposited" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#009E73"></rect><circle cx="3" cy="3" r="1.3" fill="#fff" fill-opacity=".9"></circle></pattern>
<pattern id="pat-withdrawal_pending" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#E69F00"></rect><path d="M1.5 0V6" stroke="#000" stroke-opacity=".6" stroke-width="1.6"></path></pattern>
<pattern id="pat-withdrawn" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#D55E00"></rect><path d="M0 0L6 6M6 0L0 6" stroke="#fff" stroke-width="1.1"></path></pattern>
</defs>"##
            .to_string(),
    )
}

fn swatch(s: Status) -> Markup {
    html! {
        svg class="swatch" viewBox="0 0 18 12" width="18" height="12" aria-hidden="true" focusable="false" {
            rect class=(format!("s-{}", s.as_str())) width="18" height="12" rx="2" {}
        }
    }
}

/// `GET /`: the map page.
pub async fn map(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    q: Result<Q<MapPageParams>, QueryError>,
) -> Response {
    map_or_embed(app, headers, q, false).await
}

/// `GET /embed?treaty=&on=&focus=`: the map for another site's iframe (640x480 or
/// 320x480): the map first, the legend, and a link back.
pub async fn embed(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    q: Result<Q<MapPageParams>, QueryError>,
) -> Response {
    map_or_embed(app, headers, q, true).await
}

async fn map_or_embed(
    app: Arc<App>,
    headers: HeaderMap,
    q: Result<Q<MapPageParams>, QueryError>,
    embed: bool,
) -> Response {
    let resolved = (|| {
        let p = params(q, "treaty, on and focus")?;
        crate::image::resolve(
            &app,
            &crate::image::MapParams {
                treaty: p.treaty,
                on: p.on,
                focus: p.focus,
            },
        )
    })();
    match resolved {
        Err(e) => api_error_page(e),
        Ok((ti, treaty, on, fresh, focus)) => {
            let key = if embed {
                Key::Embed {
                    treaty: ti,
                    on,
                    focus,
                }
            } else {
                Key::MapPage {
                    treaty: ti,
                    on,
                    focus,
                }
            };
            app.respond(&headers, key, fresh, move |app| {
                let page = if embed {
                    embed_page(app, treaty, on, focus)
                } else {
                    map_page(app, treaty, on, focus)
                };
                Ok(Rendered::new(page.into_string().into_bytes(), HTML))
            })
            .await
        }
    }
}

/// The map's query for a treaty, date and region.
fn map_query(treaty: &Treaty, on: Date, focus: Region) -> String {
    let mut q = format!("treaty={}&on={on}", treaty.id);
    if focus != Region::World {
        q.push_str("&focus=");
        q.push_str(focus.as_str());
    }
    q
}

/// The SVG map's shapes and dots, each state a link to its page.
fn map_svg(
    app: &App,
    treaty: &'static Treaty,
    on: Date,
    focus: Region,
    by_code: &HashMap<&str, Status>,
    link_target: Option<&str>,
) -> Markup {
    let world = &app.world;
    let (vx, vy, vw, vh) = world.view_box(focus);
    let short = &treaty.short_name;
    html! {
        svg #map viewBox=(format!("{vx} {vy} {vw} {vh}")) data-focus=(focus.as_str())
            data-views=(Region::ALL.iter().map(|r| { let (x, y, w, h) = world.view_box(*r); format!("{}:{x} {y} {w} {h}", r.as_str()) }).collect::<Vec<_>>().join(";"))
            aria-label=(format!("Map of the {short} on {on}; every state is also in the list")) {
            g.shapes {
                @for shape in &world.shapes {
                    @match shape.id.as_deref().and_then(|c| by_code.get(c).map(|st| (c, *st))) {
                        Some((code, st)) => {
                            a class=(format!("st s-{}", st.as_str())) href=(state_href(code, treaty, Some(on)))
                                target=[link_target] data-state=(code) data-status=(st.as_str())
                                aria-label=(format!("{}: {}", shape.name, st.as_str().replace('_', " "))) {
                                title { (shape.name) ": " (st.as_str().replace('_', " ")) }
                                path d=(shape.d) {}
                            }
                        }
                        None => {
                            path.nodata d=(shape.d) { title { (shape.name) ": not in the dataset" } }
                        }
                    }
                }
            }
            g.points {
                @for p in &world.points {
                    @if let Some(st) = by_code.get(p.id.as_str()) {
                        a class=(format!("st dot s-{}", st.as_str())) href=(state_href(&p.id, treaty, Some(on)))
                            target=[link_target] data-state=(p.id) data-status=(st.as_str())
                            aria-label=(format!("{}: {}", p.name, st.as_str().replace('_', " "))) {
                            title { (p.name) ": " (st.as_str().replace('_', " ")) }
                            circle cx=(p.x) cy=(p.y) r="2.6" {}
                        }
                    }
                }
            }
        }
    }
}

pub(crate) fn embed_page(app: &App, treaty: &'static Treaty, on: Date, focus: Region) -> Markup {
    let statuses = app.engine.statuses_on(treaty, on);
    let by_code: HashMap<&str, Status> = statuses
        .iter()
        .map(|(s, st)| (s.code.as_str(), *st))
        .collect();
    let mut counts = Status::ALL.map(|s| (s, 0usize));
    for (_, st) in &statuses {
        counts[*st as usize].1 += 1;
    }
    let short = &treaty.short_name;
    let query = map_query(treaty, on, focus);
    let meta = Meta {
        description: format!(
            "Map of the {short} ({}) on {on}: which states are bound, with sources.",
            treaty.name
        ),
        path: format!("/embed?{query}"),
        image: format!("/map.png?{query}"),
        image_alt: format!("World map of the {short} on {on}"),
    };
    page_full(
        &format!("{short} on {on}: treatywatch"),
        None,
        &meta,
        "embed",
        html! {
            main #main.embed data-treaty=(treaty.id) data-on=(on) {
                figure.map {
                    (map_svg(app, treaty, on, focus, &by_code, Some("_blank")))
                }
                p.embed-title {
                    strong { (short) } " on " time datetime=(on) { (on) }
                    @if focus != Region::World { " · " (focus.label()) }
                }
                ul.legend-compact {
                    @for (s, n) in counts {
                        li data-status=(s.as_str()) {
                            (swatch(s)) " " span.label { (label(s)) } " " strong data-count=(s.as_str()) { (n) }
                        }
                    }
                }
                p.back {
                    a #open-full href=(format!("/?{query}")) target="_blank" rel="noopener" {
                        "Full map and sources on treatywatch ↗"
                    }
                }
            }
        },
    )
}

pub(crate) fn map_page(app: &App, treaty: &'static Treaty, on: Date, focus: Region) -> Markup {
    let statuses = app.engine.statuses_on(treaty, on);
    let by_code: HashMap<&str, Status> = statuses
        .iter()
        .map(|(s, st)| (s.code.as_str(), *st))
        .collect();
    let mut counts = Status::ALL.map(|s| (s, 0usize));
    for (_, st) in &statuses {
        counts[*st as usize].1 += 1;
    }
    let bound: usize = counts
        .iter()
        .filter(|(s, _)| s.is_bound())
        .map(|(_, n)| n)
        .sum();
    let (first, last) = app.span(treaty);
    // The slider runs to the latest day in the data, or to today if that is later.
    let end = last.max(app.today());
    let days = (end - first).get_days();
    let mut sorted: Vec<&(&treatywatch_core::State, Status)> = statuses.iter().collect();
    sorted.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    let short = &treaty.short_name;
    let query = map_query(treaty, on, focus);
    let meta = Meta {
        description: format!(
            "On {on}, {bound} of {} states are bound by the {} ({}). Every state's status, its story and sources.",
            statuses.len(),
            treaty.name,
            treaty.untc.as_deref().unwrap_or(treaty.id.as_str())
        ),
        path: format!("/?{query}"),
        image: format!("/map.png?{query}"),
        image_alt: format!("World map of the {short} on {on}, each state coloured by its status"),
    };
    let treaties = app.answerable_treaties();
    page_full(
        &format!("{short} on {on}: treatywatch"),
        None,
        &meta,
        "map-page",
        html! {
            header {
                h1 { "Where every state stands on the " (short) }
                p.lede {
                    "On " time #on-label datetime=(on) { (on) } ", "
                    strong #bound { (bound) } " of " (statuses.len()) " states are bound by the "
                    (treaty.name) " (" (treaty.untc.as_deref().unwrap_or(treaty.id.as_str())) ")."
                }
                @if is_static() {
                    nav.more aria-label="More" {
                        "A static copy for " time datetime=(app.today()) { (app.today()) } ": every state's page gives its status on that day. "
                        "Data: " a href=(format!("/api/v1/histories/{}.json", treaty.id)) { "histories (JSON)" } ", "
                        a href=(format!("/api/v1/status/{}.json", treaty.id)) { "every state's status (JSON)" } "."
                    }
                } @else {
                nav.more aria-label="More" {
                    a #annotate-link href=(format!("/annotate?treaty={}", treaty.id)) { "Check an article against the record" }
                    " · "
                    a #deadlines-link href=(format!("/api/v1/deadlines?treaty={}&on={on}", treaty.id)) {
                        "Deadlines in the year after " time.on datetime=(on) { (on) } " (JSON)"
                    }
                    " · Download every state's status, each year "
                    (first.year()) "–" (end.year()) ": "
                    @for (i, f) in ExportFormat::ALL.into_iter().enumerate() {
                        @if i > 0 { ", " }
                        a.download href=(format!("/api/v1/exports/panel?treaty={}&from={}&to={}&format={}", treaty.id, first.year(), end.year(), f.as_str()))
                            download { (f.label()) }
                    }
                }
                }
            }
            main #main data-treaty=(treaty.id) data-on=(on) data-first=(first) data-last=(last) data-end=(end)
                data-static=[is_static().then_some("true")] {
                div.toolbar {
                    form #date-form method="get" action=(if is_static() { format!("/{}/index.html", treaty.id) } else { "/".to_string() }) {
                        label for="treaty-select" { "Treaty" }
                        select #treaty-select name="treaty" {
                            @for t in &treaties {
                                option value=(t.id) selected[t.id == treaty.id] { (t.short_name) }
                            }
                        }
                        label for="focus" { "Region" }
                        select #focus name="focus" {
                            @for r in Region::ALL {
                                option value=(r.as_str()) selected[r == focus] { (r.label()) }
                            }
                        }
                        label for="on" { "Date" }
                        input #on type="date" name="on" value=(on) required;
                        button type="submit" { "Show" }
                        div #timeline hidden {
                            button #prev type="button" title="Previous change" aria-label="Previous change" { "◀" }
                            input #slider type="range" min="0" max=(days) value=((on - first).get_days().clamp(0, days))
                                aria-label="Date on the timeline" aria-valuetext=(on);
                            button #next type="button" title="Next change" aria-label="Next change" { "▶" }
                            span.span { (first) " – " (end) }
                        }
                    }
                    form #search role="search" method="get" action="/search" hidden[is_static()] {
                        label for="q" { "Find a state" }
                        input #q type="search" name="q" list="state-names" placeholder="Finland, UKR, Türkiye…" autocomplete="off" required;
                        input type="hidden" name="treaty" value=(treaty.id);
                        input type="hidden" name="on" value=(on);
                        button type="submit" { "Open" }
                        datalist #state-names {
                            @for (s, _) in &sorted { option value=(s.name) {} }
                        }
                        p #search-msg role="status" {}
                    }
                }
                section.legend aria-labelledby="legend-title" {
                    h2 #legend-title { "On " time.on datetime=(on) { (on) } }
                    ul {
                        @for (s, n) in counts {
                            li data-status=(s.as_str()) {
                                (swatch(s))
                                span.label { (label(s)) }
                                " "
                                strong data-count=(s.as_str()) { (n) }
                                span.visually-hidden { " (" (pattern_note(s)) ")" }
                            }
                        }
                    }
                }
                div.layout {
                    figure.map {
                        (map_svg(app, treaty, on, focus, &by_code, None))
                        figcaption {
                            "Click a state, or tab to it and press Enter, to read its story with sources. Small states are dots; every state is in the list below. "
                            @if !is_static() {
                                "Share: " a href=(format!("/map.png?{query}")) { "image (PNG)" } ", " a href=(format!("/map.svg?{query}")) { "SVG" } ", "
                                a #embed-link href=(format!("/embed?{query}")) { "embed" } " ("
                                code { "<iframe src=\"/embed?" (query) "\" width=\"640\" height=\"480\"></iframe>" } ")."
                            }
                        }
                    }
                    aside #panel hidden tabindex="-1" aria-label="The selected state's story" {
                        button #close type="button" { "Close" }
                        div #panel-body aria-live="polite" {}
                    }
                }
                section #states aria-labelledby="states-title" {
                    h2 #states-title { "Every state on " time.on datetime=(on) { (on) } }
                    table {
                        thead { tr { th scope="col" { "State" } th scope="col" { "Code" } th scope="col" { "Status" } } }
                        tbody {
                            @for (s, st) in &sorted {
                                tr data-state=(s.code) {
                                    td { a href=(state_href(s.code.as_str(), treaty, Some(on))) { (s.name) } }
                                    td { (s.code) }
                                    td.status data-status=(st.as_str()) { (swatch(*st)) " " span { (st.as_str().replace('_', " ")) } }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// `GET /states/{state}`: one state's page.
pub async fn state(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    code: Result<Path<String>, PathRejection>,
    q: Result<Q<PageParams>, QueryError>,
    uri: axum::http::Uri,
) -> Response {
    let Ok(Path(code)) = code else {
        return not_found("That is not a state's address.", &[]);
    };
    let resolved = (|| {
        let p = params(q, "treaty and on")?;
        let (ti, treaty) = app.treaty(p.treaty.as_deref())?;
        let (on, fresh) = app.date(p.on.as_deref(), "on")?;
        Ok::<_, ApiError>((ti, treaty, on, fresh, p.on.is_some()))
    })();
    let (ti, treaty, on, fresh, dated) = match resolved {
        Ok(r) => r,
        Err(e) => return api_error_page(e),
    };
    let state = match app.lookup(&code).await {
        crate::Lookup::Found(s) => s,
        crate::Lookup::Refused(e) => return api_error_page(e),
        crate::Lookup::Unknown(e) => {
            let links: Vec<(String, String)> = e
                .suggestions
                .iter()
                .map(|(n, c)| {
                    (
                        format!("{n} ({c})"),
                        state_href(c.as_str(), treaty, dated.then_some(on)),
                    )
                })
                .collect();
            return not_found(&e.to_string(), &links);
        }
    };
    if code != state.code.as_str() {
        let mut to = format!("/states/{}", state.code);
        if let Some(q) = uri.query() {
            to.push('?');
            to.push_str(q);
        }
        return redirect(StatusCode::PERMANENT_REDIRECT, &to);
    }
    let key = Key::StatePage {
        treaty: ti,
        state: state.code,
        on,
    };
    app.respond(&headers, key, fresh, move |app| {
        Ok(Rendered::new(
            state_page(app, treaty, state, on)
                .into_string()
                .into_bytes(),
            HTML,
        ))
    })
    .await
}

/// A redirect a CDN may keep: a permanent one (a name to its code) as long as an answer
/// about a date, a search's for five minutes.
fn redirect(status: StatusCode, to: &str) -> Response {
    let mut r = status.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(LOCATION, v);
    }
    let freshness = if status == StatusCode::PERMANENT_REDIRECT {
        crate::cache::Freshness::Release
    } else {
        crate::cache::Freshness::Today
    };
    r.headers_mut()
        .insert(axum::http::header::CACHE_CONTROL, freshness.header());
    r
}

/// Numbers sources in order of first use.
#[derive(Default)]
struct Citations<'d> {
    list: Vec<&'d Source>,
}

impl<'d> Citations<'d> {
    fn refs(&mut self, sources: &[&'d Source]) -> Vec<usize> {
        let mut nums: Vec<usize> = sources
            .iter()
            .map(
                |s| match self.list.iter().position(|c| std::ptr::eq(*c, *s)) {
                    Some(i) => i + 1,
                    None => {
                        self.list.push(s);
                        self.list.len()
                    }
                },
            )
            .collect();
        nums.sort_unstable();
        nums.dedup();
        nums
    }
}

fn refs_markup(nums: &[usize]) -> Markup {
    html! {
        span.refs {
            @for n in nums { " " a href=(format!("#src-{n}")) aria-label=(format!("source {n}")) { "[" (n) "]" } }
        }
    }
}

fn date_row(label: &str, field: &str, d: Option<Date>) -> Markup {
    html! {
        dt { (label) }
        dd data-field=(field) {
            @match d { Some(d) => time datetime=(d) { (d) }, None => "—" }
        }
    }
}

/// A date as precisely as it is known: `2025-07` stays `2025-07`, never `2025-07-01`.
fn when(d: &treatywatch_core::SourceDate) -> Markup {
    use treatywatch_core::SourceDate;
    match d {
        SourceDate::Day(_) | SourceDate::Month(..) | SourceDate::Year(_) => {
            html! { time datetime=(d.to_string()) { (d.to_string()) } }
        }
        other => html! { span.date { (other.to_string()) } },
    }
}

fn event_text(e: &TimelineEvent<'_>) -> String {
    let mut t = e.text.clone();
    if let Some(f) = t.get(..1) {
        t = f.to_uppercase() + &t[1..];
    }
    t
}

pub(crate) fn state_page(
    app: &App,
    treaty: &'static Treaty,
    state: &'static treatywatch_core::State,
    on: Date,
) -> Markup {
    let report = app.engine.status(treaty, state, on);
    let events = app.engine.timeline(treaty, state);
    let mut cite = Citations::default();
    let timeline: Vec<(&TimelineEvent<'_>, Vec<usize>)> =
        events.iter().map(|e| (e, cite.refs(&e.sources))).collect();
    let status_refs = cite.refs(&report.sources);
    let cite_url = state_href(state.code.as_str(), treaty, None);
    let effect_label = match report.withdrawal_effective {
        Some(d) if d <= on => "Withdrawal took effect",
        _ => "Withdrawal takes effect",
    };
    let st = report.status;
    let meta = Meta {
        description: format!(
            "{} and the {} on {on}: {}. Its story, with the depositary's actions and every source.",
            state.name,
            treaty.short_name,
            st.as_str().replace('_', " ")
        ),
        path: format!("/states/{}?treaty={}&on={on}", state.code, treaty.id),
        image: format!("/map.png?treaty={}&on={on}", treaty.id),
        image_alt: format!("World map of the {} on {on}", treaty.short_name),
    };
    page_full(
        &format!("{} and the {}: treatywatch", state.name, treaty.short_name),
        None,
        &meta,
        "state-page",
        html! {
            header {
                p.crumbs { a href=(map_href(treaty, on)) { "← The map on " (on) } }
            }
            main #main {
                article #story data-state=(state.code) data-status=(st.as_str()) {
                    h1 { (state.name) " " small { "(" (state.code) ")" } }
                    p.status {
                        (treaty.short_name) " on " time datetime=(on) { (on) } ": "
                        strong class=(format!("badge b-{}", st.as_str())) data-status=(st.as_str()) {
                            (swatch(st)) " " (st.as_str().replace('_', " "))
                        }
                        @if st.phrase() != st.as_str().replace('_', " ") { " (" (st.phrase()) ")" }
                    }
                    dl.dates {
                        (date_row("Signed", "signed", report.signed))
                        dt { "Consent deposited" }
                        dd data-field="consent_deposited" {
                            @match report.consent_deposited {
                                Some(d) => { time datetime=(d) { (d) } @if let Some(k) = report.consent_kind { " (" (k.as_str().replace('_', " ")) ")" } }
                                None => "—",
                            }
                        }
                        (date_row("In force for it", "entry_into_force", report.entry_into_force))
                        (date_row("Withdrawal notified", "withdrawal_notified", report.withdrawal_notified))
                        (date_row(effect_label, "withdrawal_effective", report.withdrawal_effective))
                    }
                    h2 { "Why" }
                    ul.notes { @for n in &report.notes { li { (n) } } }
                    p.small { "Sources for this status:" (refs_markup(&status_refs)) }
                    h2 { "Story" }
                    @if timeline.is_empty() {
                        p { "No action is recorded: " (state.name) " has neither signed nor joined." }
                    } @else {
                        ol.timeline {
                            @for (e, nums) in &timeline {
                                li class=(if e.kind.is_derived() { "derived" } else { "action" }) {
                                    (when(&e.when)) " "
                                    span.text { (event_text(e)) }
                                    @if e.kind.is_derived() { " " span.rule title="Computed from the treaty's clauses" { "rule" } }
                                    (refs_markup(nums))
                                    @if !e.note.is_empty() { p.note { "Note: " (e.note) } }
                                }
                            }
                        }
                        p.small { "Lines marked " span.rule { "rule" } " are computed from the treaty's clauses; the others are recorded actions." }
                    }
                    h2 { "Sources" }
                    ol.sources {
                        @for (i, s) in cite.list.iter().enumerate() {
                            li id=(format!("src-{}", i + 1)) {
                                a.source href=(s.url) rel="noopener" { (s.title) } ". " (s.publisher) ", " (s.date.to_string()) "."
                            }
                        }
                    }
                    p.cite {
                        "Cite this page: " a href=(cite_url) { (cite_url) }
                        " (the status today), or with " code { "&on=" (on) } " for this date. "
                        @if is_static() {
                            "Data: " a href=(format!("/api/v1/states/{}/{}.json", state.code, treaty.id)) { "JSON" } ", "
                            a href=(format!("/api/v1/states/{}/timeline/{}.json", state.code, treaty.id)) { "timeline JSON" } "."
                        } @else {
                            "Data: " a href=(format!("/api/v1/states/{}?treaty={}&on={on}", state.code, treaty.id)) { "JSON" } ", "
                            a href=(format!("/api/v1/states/{}/timeline?treaty={}", state.code, treaty.id)) { "timeline JSON" } "."
                        }
                    }
                }
            }
        },
    )
}

/// `GET /search?q=`: to the state's page, or a page with the closest names.
pub async fn search(
    State(app): State<Arc<App>>,
    q: Result<Q<SearchParams>, QueryError>,
) -> Response {
    let p = match params(q, "q, treaty and on") {
        Ok(p) => p,
        Err(e) => return api_error_page(e),
    };
    let (_, treaty) = match app.treaty(p.treaty.as_deref()) {
        Ok(t) => t,
        Err(e) => return api_error_page(e),
    };
    let on = match p.on.as_deref().map(|s| app.date(Some(s), "on")).transpose() {
        Ok(d) => d.map(|(d, _)| d),
        Err(e) => return api_error_page(e),
    };
    let q = p.q.unwrap_or_default();
    if q.trim().is_empty() {
        return redirect(StatusCode::SEE_OTHER, "/");
    }
    match app.lookup(&q).await {
        crate::Lookup::Found(s) => redirect(
            StatusCode::SEE_OTHER,
            &state_href(s.code.as_str(), treaty, on),
        ),
        crate::Lookup::Refused(e) => api_error_page(e),
        crate::Lookup::Unknown(e) => {
            let links: Vec<(String, String)> = e
                .suggestions
                .iter()
                .map(|(n, c)| (format!("{n} ({c})"), state_href(c.as_str(), treaty, on)))
                .collect();
            not_found(&e.to_string(), &links)
        }
    }
}
