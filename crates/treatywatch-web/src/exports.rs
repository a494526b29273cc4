//! `GET /api/v1/exports/panel`: the research panel of `treatywatch export panel` as a
//! file to download (CSV, Parquet or SQLite), built by `treatywatch-export` in memory.
//!
//! A panel has one row per state, treaty and period, so a request is bounded by its
//! rows ([`MAX_EXPORT_ROWS`]) before anything is built: a larger one gets a 400 that
//! says how many rows it would have and what to ask for instead. The bytes are cached
//! like every other answer, in the downloads' share of the cache.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use treatywatch_core::Treaty;
use treatywatch_export::{ExportError, Granularity};
use utoipa::IntoParams;

use crate::api::{Shared, params};
use crate::cache::{ExportFormat, Freshness, Key, Rendered};
use crate::error::ApiError;
use crate::query::{Q, QueryError};
use crate::{App, DEFAULT_TREATY};

/// The most rows a download may have: a year of days for one treaty (72,270 rows at
/// most), or every year since 1800 for two. The largest file this allows (SQLite, with
/// its gzip copy) fits the downloads' share of the cache.
pub const MAX_EXPORT_ROWS: u64 = 100_000;

/// The parameters of `/api/v1/exports/panel`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PanelParams {
    /// Treaty ids or UN references, separated by commas, or `all` for every treaty
    /// whose participants the dataset holds. Default `apmbc`.
    #[param(example = "apmbc,ccm")]
    pub treaty: Option<String>,
    /// The first year (required).
    #[param(example = 1997)]
    pub from: Option<String>,
    /// The last year (required).
    #[param(example = 2026)]
    pub to: Option<String>,
    /// `year` (one row per year, taken on `as_of`) or `day` (one row per day). Default
    /// `year`.
    #[param(example = "year")]
    pub granularity: Option<String>,
    /// For yearly panels, the day of each year the status is taken on, `MM-DD`. Default
    /// `12-31`.
    #[param(example = "12-31")]
    pub as_of: Option<String>,
    /// `csv`, `parquet` or `sqlite`. Default `csv`.
    #[param(example = "csv")]
    pub format: Option<String>,
}

/// A year parameter: 1900 to 2099, digits only.
fn year(q: Option<&str>, name: &str) -> Result<i16, ApiError> {
    let Some(s) = q else {
        return Err(ApiError::bad(
            "missing_parameter",
            format!(
                "{name}: the {} year is required",
                if name == "from" { "first" } else { "last" }
            ),
            format!(
                "send {name}=YEAR, for example {name}={}",
                if name == "from" { 1997 } else { 2026 }
            ),
        ));
    };
    let (lo, hi) = (crate::MIN_DATE.year(), crate::MAX_DATE.year());
    Some(s)
        .filter(|s| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|s| s.parse::<i16>().ok())
        .filter(|y| (lo..=hi).contains(y))
        .ok_or_else(|| {
            ApiError::bad(
                "bad_year",
                format!("{name}: `{s}` is not a year from {lo} to {hi}"),
                format!("send {name}=YEAR, for example {name}=2026"),
            )
        })
}

impl App {
    /// Resolves `treaty=` of a panel: a comma-separated list, or `all`.
    fn panel_treaties(&self, q: Option<&str>) -> Result<Vec<usize>, ApiError> {
        let q = q.unwrap_or(DEFAULT_TREATY);
        if q.eq_ignore_ascii_case("all") {
            // The default treaty is checked first, so that a dataset with no
            // participants at all gets its `no_participants` answer.
            self.treaty(None)?;
            return Ok(self
                .engine
                .data()
                .treaties
                .iter()
                .enumerate()
                .filter(|(_, t)| self.engine.has_actions(t))
                .map(|(i, _)| i)
                .collect());
        }
        let mut out = Vec::new();
        for part in q.split(',') {
            let (i, _) = self.treaty(Some(part))?;
            if !out.contains(&i) {
                out.push(i);
            }
        }
        Ok(out)
    }
}

#[utoipa::path(get, path = "/api/v1/exports/panel", tag = "exports", operation_id = "export_panel", params(PanelParams),
    responses(
        (status = 200, description = "The panel as a file (`Content-Disposition: attachment`): one row per state, treaty and period, with the columns documented in docs/exports.md; the SQLite file also holds the dataset's states, treaties, actions and sources. The same file `treatywatch export panel` writes.",
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"treatywatch-panel-....csv\"`")),
            content(
                (String = "text/csv; charset=utf-8"),
                ("application/vnd.apache.parquet"),
                ("application/vnd.sqlite3"))),
        (status = 304, description = "Not modified (If-None-Match)."),
        (status = 400, description = "A missing or bad year, a bad treaty, granularity, day or format, `from` after `to`, or a panel of more than 100,000 rows (`export_too_large`).", body = ApiError)))]
pub async fn panel(
    State(app): State<Shared>,
    headers: HeaderMap,
    q: Result<Q<PanelParams>, QueryError>,
) -> Result<Response, ApiError> {
    let p = params(q, "treaty, from, to, granularity, as_of and format")?;
    let treaties = app.panel_treaties(p.treaty.as_deref())?;
    let from = year(p.from.as_deref(), "from")?;
    let to = year(p.to.as_deref(), "to")?;
    if from > to {
        return Err(ApiError::bad(
            "bad_range",
            format!("from ({from}) is after to ({to})"),
            "send a from that is on or before to",
        ));
    }
    let granularity = match p.granularity.as_deref() {
        None | Some("year") => Granularity::Year,
        Some("day") => Granularity::Day,
        Some(other) => {
            return Err(ApiError::bad(
                "bad_query",
                format!("granularity: `{other}` is not year or day"),
                "send granularity=year (one row per year) or granularity=day",
            ));
        }
    };
    let as_of = match (granularity, p.as_of.as_deref()) {
        // Every day is in a daily panel: the day of the year does not matter.
        (Granularity::Day, _) | (Granularity::Year, None) => (12, 31),
        (Granularity::Year, Some(s)) => Some(s)
            .filter(|s| {
                let b = s.as_bytes();
                b.len() == 5
                    && b[2] == b'-'
                    && b.iter()
                        .enumerate()
                        .all(|(i, c)| i == 2 || c.is_ascii_digit())
            })
            .and_then(|s| treatywatch_export::parse_as_of(s).ok())
            .filter(|&(m, d)| jiff::civil::Date::new(2000, m, d).is_ok())
            .ok_or_else(|| {
                ApiError::bad(
                    "bad_query",
                    format!("as_of: `{s}` is not a day of the year as MM-DD"),
                    "send as_of=MM-DD, for example as_of=12-31",
                )
            })?,
    };
    let format = match p.format.as_deref() {
        None => ExportFormat::Csv,
        Some(f) => ExportFormat::ALL
            .into_iter()
            .find(|x| x.as_str() == f)
            .ok_or_else(|| {
                ApiError::bad(
                    "bad_query",
                    format!("format: `{f}` is not csv, parquet or sqlite"),
                    "send format=csv, format=parquet or format=sqlite",
                )
            })?,
    };
    let periods = treatywatch_export::period_count(from, to, granularity);
    let rows = periods * treaties.len() as u64 * app.engine.data().states.len() as u64;
    if rows > MAX_EXPORT_ROWS {
        return Err(ApiError::bad(
            "export_too_large",
            format!(
                "this panel would have {rows} rows ({} treaties x {} states x {periods} {}s); \
                 a download may have at most {MAX_EXPORT_ROWS}",
                treaties.len(),
                app.engine.data().states.len(),
                if granularity == Granularity::Day {
                    "day"
                } else {
                    "year"
                },
            ),
            "ask for fewer years, one treaty, or granularity=year; or run `treatywatch export \
             panel`, which writes a panel of any size",
        ));
    }
    let daily = granularity == Granularity::Day;
    let key = Key::Export {
        treaties: treaties.clone(),
        from,
        to,
        daily,
        as_of,
        format,
    };
    Ok(app
        .respond(&headers, key, Freshness::Release, move |app| {
            let engine = app.engine;
            let data = engine.data();
            let chosen: Vec<&Treaty> = treaties.iter().map(|&i| &data.treaties[i]).collect();
            let periods =
                treatywatch_export::periods(from, to, granularity, as_of).map_err(export_failed)?;
            let mut bytes = Vec::new();
            match format {
                ExportFormat::Csv => {
                    treatywatch_export::write_csv(&mut bytes, engine, &chosen, &periods)
                        .map_err(export_failed)?;
                }
                ExportFormat::Parquet => {
                    treatywatch_export::write_parquet_to(
                        &mut bytes,
                        engine,
                        &chosen,
                        &periods,
                        granularity,
                    )
                    .map_err(export_failed)?;
                }
                ExportFormat::Sqlite => {
                    bytes = treatywatch_export::sqlite_bytes(data, engine, &chosen, &periods)
                        .map_err(export_failed)?;
                }
            }
            let treaty_part = match chosen.len() {
                0..=3 => chosen
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect::<Vec<_>>()
                    .join("_"),
                n => format!("{n}-treaties"),
            };
            let mut name = format!("treatywatch-panel-{treaty_part}-{from}-{to}");
            match (daily, as_of) {
                (true, _) => name.push_str("-daily"),
                (false, (12, 31)) => {}
                (false, (m, d)) => name.push_str(&format!("-{m:02}-{d:02}")),
            }
            name.push('.');
            name.push_str(format.as_str());
            Ok(Rendered::download(bytes, format.content_type(), &name))
        })
        .await)
}

fn export_failed(e: ExportError) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "error",
        format!("the panel could not be built: {e}"),
        "report this as a bug",
    )
}
