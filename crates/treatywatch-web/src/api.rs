//! The JSON API under `/api/v1/`. Each handler resolves the user's words with the
//! engine's own errors, builds a cache [`Key`] from the resolved inputs, and renders
//! the same document types the command line prints. The panel downloads are in
//! [`crate::exports`], the article checks in [`crate::annotate`]; all are listed in
//! [`ApiDoc`].

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use treatywatch_core::{Date, DeadlineWindow, Source, Status};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::App;
use crate::cache::{Freshness, Key, Rendered};
use crate::error::ApiError;
use crate::query::{Q, QueryError};
use crate::schema;

/// The most deadlines one listing may have; a window that would list more is a 400
/// that says to narrow it. (About 2 KB each in JSON: 8 MB at most.)
pub const MAX_DEADLINES: usize = 4_000;

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
pub fn params<T>(q: Result<Q<T>, QueryError>, takes: &str) -> Result<T, ApiError> {
    q.map(|Q(t)| t).map_err(|e| {
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

/// `treaty`, `on` and `known_on`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DatedParams {
    /// Treaty id or UN reference, in any case. Default `apmbc`.
    #[param(example = "apmbc")]
    pub treaty: Option<String>,
    /// The date, `YYYY-MM-DD`. Default: `known_on` if given, else today (UTC).
    #[param(example = "2026-03-01")]
    pub on: Option<String>,
    /// Answer as a careful reader would have on this day, `YYYY-MM-DD`: every fact made
    /// public later (by its sources' dates) is left out. Default: everything known.
    #[param(example = "2025-07-05")]
    pub known_on: Option<String>,
}

/// The parameters of `/api/v1/deadlines`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DeadlinesParams {
    /// Treaty id or UN reference, in any case. Default `apmbc`.
    #[param(example = "apmbc")]
    pub treaty: Option<String>,
    /// One state, by alpha-3 code or name. Default: every state.
    #[param(example = "UKR")]
    pub state: Option<String>,
    /// Deadlines due on or after this day, `YYYY-MM-DD`. Default: `on`; with `state`,
    /// or with `overdue=true`, no lower bound.
    #[param(example = "2026-01-01")]
    pub from: Option<String>,
    /// Deadlines due on or before this day, `YYYY-MM-DD`. Default: a year after `on`;
    /// with `overdue=true`, `on`; with `state`, no upper bound.
    #[param(example = "2027-01-01")]
    pub to: Option<String>,
    /// `true`: only the deadlines overdue on `on`. Default `false`.
    #[param(example = "true")]
    pub overdue: Option<String>,
    /// Only these obligations, comma-separated: ids (`stockpile_destruction`,
    /// `clearance`, `initial_report`, `annual_report`) or articles (`art4`, `art5`,
    /// `art7`). Default: every obligation but the yearly reports.
    #[param(example = "art5")]
    pub obligation: Option<String>,
    /// The day the deadlines' statuses are for, `YYYY-MM-DD`. Default: `known_on` if
    /// given, else today (UTC).
    #[param(example = "2020-01-01")]
    pub on: Option<String>,
    /// Answer as a careful reader would have on this day: facts made public later are
    /// left out.
    #[param(example = "2020-01-01")]
    pub known_on: Option<String>,
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

/// The treaties in the dataset.
#[derive(Serialize, ToSchema)]
#[schema(as = Treaties)]
pub struct TreatiesDoc {
    dataset: treatywatch_core::DatasetIdentity,
    treaties: Vec<TreatyDoc>,
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
    dataset: treatywatch_core::DatasetIdentity,
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
            dataset: self.identity.clone(),
            treaty: treaty.id.as_str(),
            first,
            last,
            dates,
            states,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/treaties", tag = "treaties",
    responses((status = 200, description = "The treaties in the dataset.", body = TreatiesDoc),
        (status = 304, description = "Not modified (If-None-Match).")))]
pub async fn treaties(State(app): State<Shared>, headers: HeaderMap) -> Response {
    app.respond(&headers, Key::Treaties, Freshness::Release, move |app| {
        json(&TreatiesDoc {
            dataset: app.identity.clone(),
            treaties: app.treaty_docs(),
        })
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
    q: Result<Q<DatedParams>, QueryError>,
) -> Result<Response, ApiError> {
    let p = params(q, "treaty, on and known_on")?;
    let (ti, treaty) = app.treaty(p.treaty.as_deref())?;
    let (on, known_on, fresh) = app.on_known(p.on.as_deref(), p.known_on.as_deref())?;
    let key = Key::Status {
        treaty: ti,
        on,
        known_on,
    };
    Ok(app
        .respond(&headers, key, fresh, move |app| {
            app.with_engine(known_on, |engine| json(&engine.parties(treaty, on)))
        })
        .await)
}

#[utoipa::path(get, path = "/api/v1/states/{state}", tag = "status",
    params(("state" = String, Path, description = "An alpha-3 code (`FIN`) or any name, alias or former name (`Finland`, `Turkey`), in any case.", example = "FIN"), DatedParams),
    responses(
        (status = 200, description = "The state's status on the date, with notes and sources: one object of `treatywatch status --format json`.", body = schema::StateStatus),
        (status = 304, description = "Not modified (If-None-Match)."),
        (status = 400, description = "A bad date, treaty or parameter.", body = ApiError),
        (status = 404, description = "No such state; the message names the closest ones.", body = ApiError)))]
pub async fn state(
    State(app): State<Shared>,
    headers: HeaderMap,
    code: Result<Path<String>, PathRejection>,
    q: Result<Q<DatedParams>, QueryError>,
) -> Result<Response, ApiError> {
    let code = path(code)?;
    let p = params(q, "treaty, on and known_on")?;
    let (ti, treaty) = app.treaty(p.treaty.as_deref())?;
    let (on, known_on, fresh) = app.on_known(p.on.as_deref(), p.known_on.as_deref())?;
    let state = app.state(&code).await?;
    let key = Key::State {
        treaty: ti,
        state: state.code,
        on,
        known_on,
    };
    Ok(app
        .respond(&headers, key, fresh, move |app| {
            app.with_engine(known_on, |engine| {
                json(&treatywatch_core::Identified::new(
                    engine.data(),
                    engine.status(treaty, state, on),
                ))
            })
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
    q: Result<Q<TreatyParams>, QueryError>,
) -> Result<Response, ApiError> {
    let code = path(code)?;
    let p = params(q, "treaty")?;
    let (ti, treaty) = app.treaty(p.treaty.as_deref())?;
    let state = app.state(&code).await?;
    let key = Key::Timeline {
        treaty: ti,
        state: state.code,
    };
    Ok(app
        .respond(&headers, key, Freshness::Release, move |app| {
            json(&app.engine.timeline_doc(treaty, state))
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
    q: Result<Q<ChangesParams>, QueryError>,
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

#[utoipa::path(get, path = "/api/v1/deadlines", tag = "status", params(DeadlinesParams),
    responses(
        (status = 200, description = "The deadlines of the treaty's obligations (Art. 4 stockpile destruction, Art. 5 clearance with its extensions, Art. 7 reports) due in the window, with their status on `on`, the reason and the sources, by due date: the list `treatywatch deadlines --format json` prints. A deadline is `overdue` only when a record shows the obligation unmet after it; with no record either way it is `unknown`.", body = schema::Deadlines),
        (status = 304, description = "Not modified (If-None-Match)."),
        (status = 400, description = "A bad date, treaty, state or parameter, `from` after `to`, or a window with more than 4,000 deadlines (`too_many_results`).", body = ApiError)))]
pub async fn deadlines(
    State(app): State<Shared>,
    headers: HeaderMap,
    q: Result<Q<DeadlinesParams>, QueryError>,
) -> Result<Response, ApiError> {
    let p = params(
        q,
        "treaty, state, from, to, overdue, obligation, on and known_on",
    )?;
    let (ti, treaty) = app.treaty(p.treaty.as_deref())?;
    let (on, known_on, fresh) = app.on_known(p.on.as_deref(), p.known_on.as_deref())?;
    let state = match p.state.as_deref() {
        None => None,
        Some(s) => Some(app.state(s).await.map_err(|mut e| {
            // A parameter, not the resource asked for.
            if e.status == StatusCode::NOT_FOUND {
                e.status = StatusCode::BAD_REQUEST;
            }
            e
        })?),
    };
    let from = p
        .from
        .as_deref()
        .map(|d| app.date(Some(d), "from").map(|(d, _)| d))
        .transpose()?;
    let to =
        p.to.as_deref()
            .map(|d| app.date(Some(d), "to").map(|(d, _)| d))
            .transpose()?;
    let overdue = match p.overdue.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(other) => {
            return Err(ApiError::bad(
                "bad_query",
                format!("overdue: `{other}` is not true or false"),
                "send overdue=true for the overdue deadlines only, or leave it out",
            ));
        }
    };
    let obligations: Vec<String> = p
        .obligation
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .take(16)
        .map(str::to_string)
        .collect();
    let window = DeadlineWindow::new(on, from, to, overdue, state.is_some())
        .map_err(|e| {
            ApiError::bad(
                "bad_range",
                e.to_string(),
                "send a from that is on or before to",
            )
        })?
        .with_obligations(treaty, &obligations)
        .map_err(|e| {
            ApiError::bad(
                "bad_obligation",
                format!("obligation: {e}"),
                "send an obligation id or article of the treaty, or leave it out",
            )
        })?;
    let key = Key::Deadlines {
        treaty: ti,
        state: state.map(|s| s.code),
        on,
        known_on,
        window: window.clone(),
    };
    let states: Vec<&'static treatywatch_core::State> = state.into_iter().collect();
    Ok(app
        .respond(&headers, key, fresh, move |app| {
            app.with_engine(known_on, |engine| {
                let doc = engine.deadlines_doc(treaty, &states, on, &window);
                // The listing's work is bounded by the dates (1900 to 2099); its size
                // is bounded here, before any JSON is written.
                if doc.deadlines.len() > MAX_DEADLINES {
                    return Err(ApiError::bad(
                        "too_many_results",
                        format!(
                            "this listing would have {} deadlines; one request may list at most {MAX_DEADLINES}",
                            doc.deadlines.len()
                        ),
                        "narrow the window (from= and to=), ask for one state (state=), or only \
                         the overdue ones (overdue=true)",
                    ));
                }
                json(&doc)
            })
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
    q: Result<Q<TreatyParams>, QueryError>,
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
    app.respond(&headers, Key::OpenApi, Freshness::Release, move |app| {
        json(&app.openapi_document())
    })
    .await
}

/// The OpenAPI description's parameter schemas, as strict as the handlers.
mod strict {
    use serde_json::{Value, json};

    /// A date parameter: `YYYY-MM-DD` from 1900-01-01 to 2099-12-31.
    pub fn date() -> Value {
        json!({"type": "string", "format": "date", "pattern": crate::DATE_PATTERN,
               "minLength": 10, "maxLength": 10})
    }

    /// A year of a panel.
    pub fn year() -> Value {
        json!({"type": "integer", "minimum": crate::MIN_DATE.year(), "maximum": crate::MAX_DATE.year()})
    }

    /// A day of the year, `MM-DD`, that exists in a leap year.
    pub fn day_of_year() -> Value {
        json!({"type": "string", "pattern":
            "^((01|03|05|07|08|10|12)-(0[1-9]|[12][0-9]|3[01])|(04|06|09|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-9]))$"})
    }

    pub fn one_of(values: &[&str]) -> Value {
        json!({"type": "string", "enum": values})
    }

    /// A state's code or name (in the path, or `state=`).
    pub fn state() -> Value {
        json!({"type": "string", "minLength": 1, "maxLength": crate::MAX_NAME_CHARS})
    }
}

impl App {
    /// The OpenAPI document: generated from the handlers by utoipa, then made as strict
    /// as the server: required parameters marked, dates as `format: date` with their
    /// pattern, treaties (those whose participants the dataset holds) and other values
    /// as enums, bounds as `minimum`/`maximum`, every error response described; `info`
    /// names the release and the dataset.
    pub fn openapi_document(&self) -> serde_json::Value {
        use serde_json::{Value, json};
        let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or(Value::Null);
        let id = &self.identity;
        doc["info"]["version"] =
            json!(format!("{}+data.{}", env!("CARGO_PKG_VERSION"), id.version));
        let description = doc["info"]["description"]
            .as_str()
            .unwrap_or("")
            .to_string();
        doc["info"]["description"] = json!(format!(
            "{description}\n\nDataset: {} {} (latest fact {}, licence {}, digest {}). Every JSON \
             document carries the same identity as `dataset`.",
            id.title,
            id.version,
            id.latest_fact
                .map_or_else(|| "none".to_string(), |d| d.to_string()),
            id.license,
            id.digest
        ));
        doc["info"]["license"] =
            json!({"name": "MIT OR Apache-2.0 (code); the data: ".to_string() + &id.license});
        let treaties: Vec<String> = self
            .answerable_treaties()
            .iter()
            .map(|t| t.id.to_string())
            .collect();
        let ids: Vec<&str> = treaties.iter().map(String::as_str).collect();
        let list = format!("({})", ids.join("|"));
        let panel_treaties =
            json!({"type": "string", "pattern": format!("^(all|{list}(,{list})*)$")});
        let errors = [
            (
                "414",
                "The request's address is longer than 2 KiB (`uri_too_long`).",
            ),
            (
                "431",
                "The request's headers are larger than 16 KiB (`headers_too_large`).",
            ),
            (
                "503",
                "The server is overloaded (`overloaded`: the queue for this kind of work is full) or the request took longer than 10 s (`timeout`); `Retry-After` says when to try again.",
            ),
        ];
        // The article check's body: `text` with something in it but spaces, no NUL byte;
        // no other fields.
        let text = json!({"type": "string", "pattern": "^[^\\x00]*[^\\s\\x00][^\\x00]*$",
            "description": "The article, UTF-8 text of at most 2 MiB (larger: 413), not only spaces, with no NUL byte."});
        if let Some(req) = doc.pointer_mut("/components/schemas/AnnotateRequest") {
            req["additionalProperties"] = json!(false);
            req["properties"]["text"] = text.clone();
            // `null` reads as absent, as the server reads it.
            let mut date = strict::date();
            date["type"] = json!(["string", "null"]);
            req["properties"]["date"] = date;
            let mut treaty_or_null: Vec<Value> = ids.iter().map(|t| json!(t)).collect();
            treaty_or_null.push(Value::Null);
            req["properties"]["treaty"] =
                json!({"type": ["string", "null"], "enum": treaty_or_null});
            let mut language_or_null: Vec<Value> = crate::annotate::LANGUAGE_CODES
                .iter()
                .map(|l| json!(l))
                .collect();
            language_or_null.push(Value::Null);
            req["properties"]["language"] =
                json!({"type": ["string", "null"], "enum": language_or_null});
        }
        if let Some(plain) = doc
            .pointer_mut("/paths/~1api~1v1~1annotate/post/requestBody/content/text~1plain/schema")
        {
            *plain = text;
        }
        let Some(paths) = doc["paths"].as_object_mut() else {
            return doc;
        };
        for (path, item) in paths.iter_mut() {
            let Some(ops) = item.as_object_mut() else {
                continue;
            };
            for (method, op) in ops.iter_mut() {
                if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
                    for p in params.iter_mut() {
                        let name = p["name"].as_str().unwrap_or("").to_string();
                        let schema = match (path.as_str(), name.as_str()) {
                            ("/api/v1/exports/panel", "from" | "to") => {
                                p["required"] = json!(true);
                                strict::year()
                            }
                            ("/api/v1/exports/panel", "treaty") => panel_treaties.clone(),
                            ("/api/v1/exports/panel", "granularity") => {
                                strict::one_of(&["year", "day"])
                            }
                            ("/api/v1/exports/panel", "format") => {
                                strict::one_of(&["csv", "parquet", "sqlite"])
                            }
                            ("/api/v1/exports/panel", "as_of") => strict::day_of_year(),
                            ("/api/v1/changes", "from") => {
                                p["required"] = json!(true);
                                strict::date()
                            }
                            (_, "on" | "known_on" | "from" | "to" | "date") => strict::date(),
                            (_, "treaty") => strict::one_of(&ids),
                            (_, "language") => strict::one_of(&crate::annotate::LANGUAGE_CODES),
                            (_, "overdue") => json!({"type": "boolean"}),
                            (_, "state") => strict::state(),
                            _ => continue,
                        };
                        p["schema"] = schema;
                    }
                }
                if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) {
                    let error_body = json!({"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}});
                    for (code, what) in errors {
                        responses.entry(code).or_insert_with(
                            || json!({"description": what, "content": error_body.clone()}),
                        );
                    }
                    if method == "get" {
                        responses.entry("304").or_insert_with(|| json!({"description": "Not modified: the client's `If-None-Match` names this answer."}));
                    }
                }
            }
        }
        doc
    }
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
    paths(treaties, status, state, timeline, changes, deadlines, histories,
        crate::exports::panel, crate::annotate::api, openapi),
    components(schemas(ApiError, Status, treatywatch_core::ConsentKind,
        treatywatch_core::obligations::DeadlineStatus)),
    tags(
        (name = "status", description = "Statuses, stories, changes and deadlines, computed from the depositary actions and the treaty's rules."),
        (name = "treaties", description = "The treaties in the dataset."),
        (name = "exports", description = "The research panel as a file to download."),
        (name = "annotate", description = "A news article checked against the record."),
        (name = "meta", description = "This description.")
    )
)]
pub struct ApiDoc;
