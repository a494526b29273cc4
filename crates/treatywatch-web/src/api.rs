//! The JSON API under `/api/v1/`. Each handler resolves the user's words with the
//! engine's own errors, builds a cache [`Key`] from the resolved inputs, and renders
//! the same document types the command line prints.
//!
//! Extension points, not served yet (they are not faked):
//! * `GET /api/v1/deadlines?treaty=&state=&from=&to=`: the Art. 4, 5 and 7 deadlines,
//!   once the engine computes them. Add a `Key::Deadlines`, a handler here built on the
//!   engine, and list it in [`ApiDoc`].
//! * `GET /api/v1/exports/{name}.{csv,json}`: the command line's exports as downloads,
//!   with `Content-Disposition: attachment`, once they exist; they fit [`crate::cache::Cache::respond`]
//!   unchanged, with a `text/csv` [`Rendered`].

use std::sync::Arc;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use treatywatch_core::{Date, Source, Status};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::App;
use crate::cache::{Freshness, Key, Rendered};
use crate::error::ApiError;
use crate::schema;

pub type Shared = Arc<App>;

/// Renders a value as compact JSON.
pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<Rendered, ApiError> {
    serde_json::to_vec(value)
        .map(|b| Rendered::new(b, "application/json"))
        .map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "error",
                format!("cannot render the answer: {e}"),
                "report this as a bug",
            )
        })
}

/// The query, or a 400 that names the parameters the endpoint takes.
pub fn params<T>(q: Result<Query<T>, QueryRejection>, takes: &str) -> Result<T, ApiError> {
    q.map(|Query(t)| t).map_err(|e| {
        ApiError::bad(
            "bad_query",
            e.body_text(),
            format!("this endpoint takes {takes}"),
        )
    })
}

fn path(p: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    p.map(|Path(s)| s).map_err(|e| {
        ApiError::bad(
            "bad_path",
            e.body_text(),
            "send a state's alpha-3 code (FIN) or its name, percent-encoded",
        )
    })
}

/// `treaty` and `on`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DatedParams {
    /// Treaty id or UN reference, in any case. Default `apmbc`.
    #[param(example = "apmbc")]
    pub treaty: Option<String>,
    /// The date, `YYYY-MM-DD`. Default: today (UTC).
    #[param(example = "2026-03-01")]
    pub on: Option<String>,
}

/// `treaty`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct TreatyParams {
    /// Treaty id or UN reference, in any case. Default `apmbc`.
    #[param(example = "apmbc")]
    pub treaty: Option<String>,
}

/// `from`, `to` and `treaty`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ChangesParams {
    /// The first day, `YYYY-MM-DD` (required).
    #[param(example = "2025-01-01")]
    pub from: Option<String>,
    /// The last day, `YYYY-MM-DD`. Default: today (UTC).
    #[param(example = "2026-03-01")]
    pub to: Option<String>,
    /// Treaty id or UN reference, in any case. Default `apmbc`.
    #[param(example = "apmbc")]
    pub treaty: Option<String>,
}

/// A treaty in the dataset.
#[derive(Serialize, ToSchema)]
#[schema(as = Treaty)]
pub struct TreatyDoc {
    #[schema(example = "apmbc")]
    id: &'static str,
    name: &'static str,
    short_name: &'static str,
    /// The UN Treaty Collection reference.
    #[schema(example = "XXVI-5", required = true)]
    untc: Option<&'static str>,
    /// Other names accepted for `treaty=`.
    aliases: &'static [String],
    #[schema(value_type = Option<String>, format = Date, required = true)]
    adopted: Option<Date>,
    #[schema(value_type = Option<String>, format = Date, required = true)]
    opened_for_signature: Option<Date>,
    /// The general entry into force, computed from the deposits and the rules.
    #[schema(value_type = Option<String>, format = Date, required = true)]
    entry_into_force: Option<Date>,
    #[schema(value_type = Vec<schema::Source>)]
    sources: Vec<&'static Source>,
    /// Whether the dataset holds the participants' actions. Without them the status
    /// endpoints refuse the treaty (`no_participants`) rather than show every state as a
    /// non-signatory.
    has_participants: bool,
}

/// A day and the status from that day on.
#[derive(Serialize, ToSchema)]
pub struct HistoryEntry {
    #[schema(value_type = String, format = Date)]
    date: Date,
    status: Status,
}

/// One state's status history.
#[derive(Serialize, ToSchema)]
pub struct StateHistory {
    state: &'static str,
    name: &'static str,
    /// The days the status changed; before the first, `not_signatory`.
    history: Vec<HistoryEntry>,
}

/// Every state's status history under a treaty: what the map's timeline slider needs
/// to colour any day without asking again.
#[derive(Serialize, ToSchema)]
pub struct Histories {
    treaty: &'static str,
    /// The first day worth showing: the treaty's adoption (or its first action).
    #[schema(value_type = String, format = Date)]
    first: Date,
    /// The latest day in the data, including withdrawals that take effect later.
    #[schema(value_type = String, format = Date)]
    last: Date,
    /// Every day on which some state's status changes, in order.
    #[schema(value_type = Vec<String>)]
    dates: Vec<Date>,
    states: Vec<StateHistory>,
}

impl App {
    pub(crate) fn treaty_docs(&self) -> Vec<TreatyDoc> {
        let data = self.engine.data();
        data.treaties
            .iter()
            .map(|t| TreatyDoc {
                id: t.id.as_str(),
                name: &t.name,
                short_name: &t.short_name,
                untc: t.untc.as_deref(),
                aliases: &t.aliases,
                adopted: t.adopted,
                opened_for_signature: t.opened_for_signature,
                entry_into_force: match self.engine.general_entry(t) {
                    treatywatch_core::rules::GeneralEntry::InForce { date, .. } => Some(*date),
                    _ => None,
                },
                sources: t.sources.iter().filter_map(|id| data.source(id)).collect(),
                has_participants: self.engine.has_actions(t),
            })
            .collect()
    }

    pub(crate) fn histories(&self, treaty: &'static treatywatch_core::Treaty) -> Histories {
        let data = self.engine.data();
        let mut dates = Vec::new();
        let states: Vec<StateHistory> = data
            .states
            .iter()
            .map(|s| StateHistory {
                state: s.code.as_str(),
                name: &s.name,
                history: self
                    .engine
                    .history(treaty, s)
                    .into_iter()
                    .map(|(date, status)| {
                        dates.push(date);
                        HistoryEntry { date, status }
                    })
                    .collect(),
            })
            .collect();
        dates.sort();
        dates.dedup();
        let (first, last) = self.span(treaty);
        Histories {
            treaty: treaty.id.as_str(),
            first,
            last,
            dates,
            states,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/treaties", tag = "treaties",
    responses((status = 200, description = "The treaties in the dataset.", body = Vec<TreatyDoc>)))]
pub async fn treaties(State(app): State<Shared>, headers: HeaderMap) -> Response {
    app.respond(&headers, Key::Treaties, Freshness::Release, move |app| {
        json(&app.treaty_docs())
    })
    .await
}

#[utoipa::path(get, path = "/api/v1/status", tag = "status", params(DatedParams),
    responses(
        (status = 200, description = "Every state's status on the date, with the count for each status: the document `treatywatch parties --format json` prints.", body = schema::Parties),
        (status = 304, description = "Not modified (If-None-Match)."),
        (status = 400, description = "A bad date, treaty or parameter.", body = ApiError)))]
pub async fn status(
    State(app): State<Shared>,
    headers: HeaderMap,
    q: Result<Query<DatedParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = params(q, "treaty and on")?;
    let (ti, treaty) = app.treaty(p.treaty.as_deref())?;
    let (on, fresh) = app.date(p.on.as_deref(), "on")?;
    Ok(app
        .respond(
            &headers,
            Key::Status { treaty: ti, on },
            fresh,
            move |app| json(&app.engine.parties(treaty, on)),
        )
        .await)
}

#[utoipa::path(get, path = "/api/v1/states/{state}", tag = "status",
    params(("state" = String, Path, description = "An alpha-3 code (`FIN`) or any name, alias or former name (`Finland`, `Turkey`), in any case.", example = "FIN"), DatedParams),
    responses(
        (status = 200, description = "The state's status on the date, with notes and sources: one object of `treatywatch status --format json`.", body = schema::StatusObject),
        (status = 304, description = "Not modified (If-None-Match)."),
        (status = 400, description = "A bad date, treaty or parameter.", body = ApiError),
        (status = 404, description = "No such state; the message names the closest ones.", body = ApiError)))]
pub async fn state(
    State(app): State<Shared>,
    headers: HeaderMap,
    code: Result<Path<String>, PathRejection>,
    q: Result<Query<DatedParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let code = path(code)?;
    let p = params(q, "treaty and on")?;
    let (ti, treaty) = app.treaty(p.treaty.as_deref())?;
    let (on, fresh) = app.date(p.on.as_deref(), "on")?;
    let state = app.state(&code)?;
    let key = Key::State {
        treaty: ti,
        state: state.code,
        on,
    };
    Ok(app
        .respond(&headers, key, fresh, move |app| {
            json(&app.engine.status(treaty, state, on))
        })
        .await)
}

#[utoipa::path(get, path = "/api/v1/states/{state}/timeline", tag = "status",
    params(("state" = String, Path, description = "An alpha-3 code or a name.", example = "FIN"), TreatyParams),
    responses(
        (status = 200, description = "The state's dated story, each line with its sources: the document `treatywatch timeline --format json` prints.", body = schema::Timeline),
        (status = 304, description = "Not modified (If-None-Match)."),
        (status = 400, description = "A bad treaty or parameter.", body = ApiError),
        (status = 404, description = "No such state.", body = ApiError)))]
pub async fn timeline(
    State(app): State<Shared>,
    headers: HeaderMap,
    code: Result<Path<String>, PathRejection>,
    q: Result<Query<TreatyParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let code = path(code)?;
    let p = params(q, "treaty")?;
    let (ti, treaty) = app.treaty(p.treaty.as_deref())?;
    let state = app.state(&code)?;
    let key = Key::Timeline {
        treaty: ti,
        state: state.code,
    };
    Ok(app
        .respond(&headers, key, Freshness::Release, move |app| {
            json(&treatywatch_core::TimelineDoc {
                treaty,
                state,
                events: app.engine.timeline(treaty, state),
            })
        })
        .await)
}

#[utoipa::path(get, path = "/api/v1/changes", tag = "status", params(ChangesParams),
    responses(
        (status = 200, description = "Every status change on a day from `from` to `to`, both included, by day then state, each with the actions and derived events of that day and their sources.", body = schema::Changes),
        (status = 304, description = "Not modified (If-None-Match)."),
        (status = 400, description = "A missing or bad date, a bad treaty, or `from` after `to`.", body = ApiError)))]
pub async fn changes(
    State(app): State<Shared>,
    headers: HeaderMap,
    q: Result<Query<ChangesParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = params(q, "from, to and treaty")?;
    let (ti, treaty) = app.treaty(p.treaty.as_deref())?;
    let Some(from) = p.from.as_deref() else {
        return Err(ApiError::bad(
            "missing_parameter",
            "from: the first day is required",
            "send from=YYYY-MM-DD, for example from=2025-01-01",
        ));
    };
    let (from, _) = app.date(Some(from), "from")?;
    let (to, fresh) = app.date(p.to.as_deref(), "to")?;
    if from > to {
        return Err(ApiError::bad(
            "bad_range",
            format!("from ({from}) is after to ({to})"),
            "send a from that is on or before to",
        ));
    }
    let key = Key::Changes {
        treaty: ti,
        from,
        to,
    };
    Ok(app
        .respond(&headers, key, fresh, move |app| {
            json(&app.engine.changes_doc(treaty, from, to))
        })
        .await)
}

#[utoipa::path(get, path = "/api/v1/histories", tag = "status", params(TreatyParams),
    responses(
        (status = 200, description = "Every state's status history, and the span of days worth showing.", body = Histories),
        (status = 304, description = "Not modified (If-None-Match)."),
        (status = 400, description = "A bad treaty or parameter.", body = ApiError)))]
pub async fn histories(
    State(app): State<Shared>,
    headers: HeaderMap,
    q: Result<Query<TreatyParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = params(q, "treaty")?;
    let (ti, treaty) = app.treaty(p.treaty.as_deref())?;
    Ok(app
        .respond(
            &headers,
            Key::Histories { treaty: ti },
            Freshness::Release,
            move |app| json(&app.histories(treaty)),
        )
        .await)
}

#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "This document (OpenAPI 3.1), generated from the server's code.")))]
pub async fn openapi(State(app): State<Shared>, headers: HeaderMap) -> Response {
    app.respond(&headers, Key::OpenApi, Freshness::Release, move |_| {
        ApiDoc::openapi()
            .to_json()
            .map(|s| Rendered::new(s.into_bytes(), "application/json"))
            .map_err(|e| {
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "error",
                    e.to_string(),
                    "report this as a bug",
                )
            })
    })
    .await
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "treatywatch API",
        description = "Where every state stands on the Mine Ban Treaty (and other treaties) on any date, with sources. \
The documents are the ones the `treatywatch` command line prints with `--format json`. \
Responses carry an ETag and Cache-Control; send If-None-Match to get 304 Not Modified. \
Errors are JSON objects with `error`, `message` (what was wrong) and `hint` (what to send instead)."
    ),
    paths(treaties, status, state, timeline, changes, histories, openapi),
    components(schemas(ApiError, Status, treatywatch_core::ConsentKind)),
    tags(
        (name = "status", description = "Statuses, stories and changes, computed from the depositary actions and the treaty's rules."),
        (name = "treaties", description = "The treaties in the dataset."),
        (name = "meta", description = "This description.")
    )
)]
pub struct ApiDoc;
