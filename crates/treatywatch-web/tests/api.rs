//! The HTTP API and pages, through the whole router (limits, errors, cache), on the
//! embedded dataset, with "today" fixed at 2026-03-01.

use std::collections::BTreeSet;
use std::io::Read;
use std::sync::{Arc, OnceLock};

use axum::http::{Method, StatusCode};
use jiff::civil::{Date, date};
use serde_json::Value;
use treatywatch_web::App;
use treatywatch_web::testing::{Reply, get, request};

fn today() -> Date {
    date(2026, 3, 1)
}

fn app() -> Arc<App> {
    static APP: OnceLock<Arc<App>> = OnceLock::new();
    APP.get_or_init(|| Arc::new(App::embedded(today).expect("the app starts")))
        .clone()
}

fn ok(uri: &str) -> Reply {
    let r = get(&app(), uri, &[]);
    assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
    r
}

/// An error answer: the status, and a JSON body with `error`, `message` and `hint`.
fn err(uri: &str, status: StatusCode, code: &str) -> Value {
    let r = get(&app(), uri, &[]);
    assert_eq!(r.status, status, "{uri}: {}", r.text());
    let j = r.json();
    assert_eq!(j["error"], code, "{uri}: {j}");
    assert!(!j["message"].as_str().unwrap().is_empty());
    assert!(!j["hint"].as_str().unwrap().is_empty());
    j
}

/// The engine's own document, serialized: what the command line prints.
fn engine_json(
    f: impl FnOnce(&treatywatch_core::Engine<'_>, &treatywatch_core::Dataset) -> Value,
) -> Value {
    let data = treatywatch_data::embedded().unwrap();
    let engine = treatywatch_core::Engine::new(&data);
    f(&engine, &data)
}

#[test]
fn treaties() {
    let j = ok("/api/v1/treaties").json();
    let t = &j[0];
    assert_eq!(t["id"], "apmbc");
    assert_eq!(t["untc"], "XXVI-5");
    assert_eq!(t["entry_into_force"], "1999-03-01");
    assert!(t["sources"][0]["url"].as_str().unwrap().starts_with("http"));
}

#[test]
fn status_is_the_parties_document() {
    let r = ok("/api/v1/status?treaty=apmbc&on=2026-03-01");
    assert_eq!(r.header("content-type"), Some("application/json"));
    let j = r.json();
    assert_eq!(j["treaty"], "apmbc");
    assert_eq!(j["on"], "2026-03-01");
    assert_eq!(j["counts"]["party"], 161);
    assert_eq!(j["counts"]["withdrawn"], 5);
    assert_eq!(j["states"].as_array().unwrap().len(), 197);
    let expected = engine_json(|e, d| {
        serde_json::to_value(e.parties(d.treaty("apmbc").unwrap(), date(2026, 3, 1))).unwrap()
    });
    assert_eq!(j, expected);
    // The treaty by its UN reference, in any case; the same answer.
    assert_eq!(ok("/api/v1/status?treaty=xxvi-5&on=2026-03-01").json(), j);
}

#[test]
fn status_defaults_to_today_and_says_so_in_its_freshness() {
    let r = ok("/api/v1/status");
    assert_eq!(r.json()["on"], "2026-03-01");
    assert_eq!(r.header("cache-control"), Some("public, max-age=300"));
    let dated = ok("/api/v1/status?on=2026-03-01");
    assert!(
        dated
            .header("cache-control")
            .unwrap()
            .contains("max-age=3600")
    );
}

#[test]
fn one_state_by_code_or_name() {
    let j = ok("/api/v1/states/FIN?on=2026-03-01").json();
    assert_eq!(j["status"], "withdrawn");
    assert_eq!(j["withdrawal_effective"], "2026-01-10");
    let expected = engine_json(|e, d| {
        let t = d.treaty("apmbc").unwrap();
        let s = e.resolve_state("FIN").unwrap();
        serde_json::to_value(e.status(t, s, date(2026, 3, 1))).unwrap()
    });
    assert_eq!(j, expected);
    for other in ["fin", "Finland", "finland", "Suomi"] {
        let r = get(
            &app(),
            &format!("/api/v1/states/{other}?on=2026-03-01"),
            &[],
        );
        if r.status == StatusCode::OK {
            assert_eq!(r.json(), j, "{other}");
        } else {
            assert_eq!(other, "Suomi", "{other}: {}", r.text());
        }
    }
    assert_eq!(
        ok("/api/v1/states/C%C3%B4te%20d'Ivoire?on=2026-03-01").json()["state"],
        "CIV"
    );
    let ukr = ok("/api/v1/states/UKR?on=2026-03-01").json();
    assert_eq!(ukr["status"], "party");
}

#[test]
fn timeline_is_the_cli_document() {
    let j = ok("/api/v1/states/FIN/timeline?treaty=apmbc").json();
    assert_eq!(j["state"], "FIN");
    let kinds: Vec<&str> = j["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["class"] == "action" || e["class"] == "rule")
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "accession",
            "entry_into_force",
            "withdrawal",
            "withdrawal_takes_effect"
        ]
    );
    let expected = engine_json(|e, d| {
        let t = d.treaty("apmbc").unwrap();
        let s = e.resolve_state("FIN").unwrap();
        serde_json::to_value(treatywatch_core::TimelineDoc {
            treaty: t,
            state: s,
            events: e.timeline(t, s),
        })
        .unwrap()
    });
    assert_eq!(j, expected);
}

#[test]
fn changes_between_two_days() {
    let j = ok("/api/v1/changes?from=2026-01-01&to=2026-03-01").json();
    let states: Vec<&str> = j["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["FIN", "POL"]);
    let fin = &j["changes"][0];
    assert_eq!(fin["from"], "withdrawal_pending");
    assert_eq!(fin["to"], "withdrawn");
    assert_eq!(fin["events"][0]["kind"], "withdrawal_takes_effect");
    assert!(fin["events"][0]["sources"][0]["url"].is_string());
    // `to` defaults to today.
    assert_eq!(ok("/api/v1/changes?from=2026-01-01").json(), j);
    let e = err(
        "/api/v1/changes?to=2026-01-01",
        StatusCode::BAD_REQUEST,
        "missing_parameter",
    );
    assert!(e["hint"].as_str().unwrap().contains("from=YYYY-MM-DD"));
    err(
        "/api/v1/changes?from=2026-03-01&to=2026-01-01",
        StatusCode::BAD_REQUEST,
        "bad_range",
    );
    err(
        "/api/v1/changes?from=2026-02-30",
        StatusCode::BAD_REQUEST,
        "invalid_date",
    );
}

#[test]
fn histories_cover_the_slider() {
    let j = ok("/api/v1/histories").json();
    assert_eq!(j["first"], "1997-09-18");
    assert_eq!(
        j["last"], "2026-02-20",
        "Poland's withdrawal takes effect last"
    );
    let fin = j["states"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["state"] == "FIN")
        .unwrap();
    let last = fin["history"].as_array().unwrap().last().unwrap();
    assert_eq!(last["date"], "2026-01-10");
    assert_eq!(last["status"], "withdrawn");
    assert!(j["dates"].as_array().unwrap().len() > 100);
}

#[test]
fn bad_dates_states_treaties_and_parameters_say_what_to_send() {
    let e = err(
        "/api/v1/status?on=2026-02-30",
        StatusCode::BAD_REQUEST,
        "invalid_date",
    );
    assert!(e["message"].as_str().unwrap().contains("2026-02-30"), "{e}");
    assert!(e["hint"].as_str().unwrap().contains("YYYY-MM-DD"), "{e}");
    let e = err(
        "/api/v1/status?on=1%2F3%2F2026",
        StatusCode::BAD_REQUEST,
        "invalid_date",
    );
    assert!(e["message"].as_str().unwrap().contains("YYYY-MM-DD"), "{e}");
    let e = err(
        "/api/v1/states/Finlnd",
        StatusCode::NOT_FOUND,
        "unknown_state",
    );
    assert!(
        e["message"].as_str().unwrap().contains("Finland (FIN)"),
        "{e}"
    );
    err(
        "/api/v1/states/Finlnd/timeline",
        StatusCode::NOT_FOUND,
        "unknown_state",
    );
    let e = err(
        "/api/v1/status?treaty=nope",
        StatusCode::BAD_REQUEST,
        "unknown_treaty",
    );
    assert!(e["hint"].as_str().unwrap().contains("apmbc"), "{e}");
    // A treaty whose rules are known but whose participants are not in the dataset.
    let e = err(
        "/api/v1/status?treaty=cwc",
        StatusCode::BAD_REQUEST,
        "no_participants",
    );
    assert!(e["hint"].as_str().unwrap().contains("apmbc, ccm"), "{e}");
    let e = err(
        "/api/v1/status?date=2026-03-01",
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
    assert!(e["message"].as_str().unwrap().contains("`on`"), "{e}");
    err(
        "/api/v1/status?on=2026-03-01&on=2026-03-02",
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
    err("/api/v1/nothing", StatusCode::NOT_FOUND, "not_found");
}

#[test]
fn oversized_requests_are_refused() {
    let long = format!("/api/v1/status?on=2026-03-01&treaty={}", "a".repeat(3000));
    err(&long, StatusCode::URI_TOO_LONG, "uri_too_long");
    let r = request(
        &app(),
        Method::GET,
        "/api/v1/status?on=2026-03-01",
        &[("content-length", "4096")],
        vec![b'x'; 4096],
    );
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text());
    assert_eq!(r.json()["error"], "body_not_allowed");
    let big = "a".repeat(20_000);
    let r = get(&app(), "/api/v1/status?on=2026-03-01", &[("x-big", &big)]);
    assert_eq!(r.status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    assert_eq!(r.json()["error"], "headers_too_large");
}

#[test]
fn wrong_method() {
    for m in [Method::POST, Method::PUT, Method::DELETE] {
        let r = request(&app(), m.clone(), "/api/v1/status", &[], Vec::new());
        assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{m}");
        assert_eq!(r.json()["error"], "method_not_allowed");
        assert!(r.header("allow").unwrap().contains("GET"));
    }
    let r = request(
        &app(),
        Method::HEAD,
        "/api/v1/status?on=2026-03-01",
        &[],
        Vec::new(),
    );
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.is_empty());
}

#[test]
fn etags_and_not_modified() {
    let uri = "/api/v1/status?on=2026-03-01";
    let r = ok(uri);
    let etag = r.header("etag").unwrap().to_string();
    assert!(etag.starts_with('"') && etag.ends_with('"'));
    assert_eq!(r.header("vary"), Some("accept-encoding"));
    // Same inputs in another spelling: same ETag. Another date: another ETag.
    assert_eq!(
        ok("/api/v1/status?on=2026-03-01&treaty=APMBC").header("etag"),
        Some(etag.as_str())
    );
    assert_ne!(
        ok("/api/v1/status?on=2026-03-02").header("etag"),
        Some(etag.as_str())
    );
    let r = get(&app(), uri, &[("if-none-match", &etag)]);
    assert_eq!(r.status, StatusCode::NOT_MODIFIED);
    assert!(r.body.is_empty());
    assert_eq!(r.header("etag"), Some(etag.as_str()));
    let r = get(&app(), uri, &[("if-none-match", "\"something-else\"")]);
    assert_eq!(r.status, StatusCode::OK);
}

#[test]
fn gzip_when_asked() {
    let uri = "/api/v1/status?on=2025-06-01";
    let plain = ok(uri);
    let gz = get(&app(), uri, &[("accept-encoding", "gzip, br")]);
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert!(gz.body.len() * 5 < plain.body.len());
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&gz.body[..])
        .read_to_end(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, plain.body);
    assert_ne!(gz.header("etag"), plain.header("etag"));
    // Either ETag revalidates.
    let r = get(
        &app(),
        uri,
        &[("if-none-match", gz.header("etag").unwrap())],
    );
    assert_eq!(r.status, StatusCode::NOT_MODIFIED);
}

#[test]
fn the_cache_is_bounded() {
    let small = Arc::new(App::embedded(today).unwrap().with_cache_limit(1_000_000));
    for day in 1..=12 {
        let r = get(&small, &format!("/api/v1/status?on=2020-01-{day:02}"), &[]);
        assert_eq!(r.status, StatusCode::OK);
    }
    assert!(small.cached() <= 4, "{} responses cached", small.cached());
}

/// Every property name used at any depth of a JSON value, by object kind.
fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

fn schema_props(doc: &Value, name: &str) -> BTreeSet<String> {
    let s = &doc["components"]["schemas"][name];
    assert!(s.is_object(), "no schema {name}");
    keys(&s["properties"])
}

#[test]
fn the_openapi_document_describes_every_endpoint_and_every_response() {
    let doc = ok("/api/v1/openapi.json").json();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths: BTreeSet<String> = keys(&doc["paths"]);
    for p in [
        "/api/v1/treaties",
        "/api/v1/status",
        "/api/v1/states/{state}",
        "/api/v1/states/{state}/timeline",
        "/api/v1/changes",
        "/api/v1/histories",
        "/api/v1/openapi.json",
    ] {
        assert!(paths.contains(p), "{p} missing from {paths:?}");
    }
    // The statuses in the schema are the engine's.
    let statuses: Vec<&str> = doc["components"]["schemas"]["Status"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let engine: Vec<&str> = treatywatch_core::Status::ALL
        .iter()
        .map(|s| s.as_str())
        .collect();
    assert_eq!(statuses, engine);
    // Every schema lists exactly the properties the responses have.
    let parties = ok("/api/v1/status?on=2026-03-01").json();
    assert_eq!(schema_props(&doc, "Parties"), keys(&parties));
    assert_eq!(schema_props(&doc, "Counts"), keys(&parties["counts"]));
    assert_eq!(
        schema_props(&doc, "StatusObject"),
        keys(&parties["states"][0])
    );
    assert_eq!(
        schema_props(&doc, "Source"),
        keys(&parties["states"][0]["sources"][0])
    );
    let timeline = ok("/api/v1/states/FIN/timeline").json();
    assert_eq!(schema_props(&doc, "Timeline"), keys(&timeline));
    assert_eq!(schema_props(&doc, "Event"), keys(&timeline["events"][0]));
    let changes = ok("/api/v1/changes?from=2026-01-01").json();
    assert_eq!(schema_props(&doc, "Changes"), keys(&changes));
    assert_eq!(schema_props(&doc, "Change"), keys(&changes["changes"][0]));
    let treaties = ok("/api/v1/treaties").json();
    assert_eq!(schema_props(&doc, "Treaty"), keys(&treaties[0]));
    let hist = ok("/api/v1/histories").json();
    assert_eq!(schema_props(&doc, "Histories"), keys(&hist));
    assert_eq!(schema_props(&doc, "StateHistory"), keys(&hist["states"][0]));
    assert_eq!(
        schema_props(&doc, "HistoryEntry"),
        keys(&hist["states"][0]["history"][0])
    );
    let error = get(&app(), "/api/v1/status?on=x", &[]).json();
    assert_eq!(schema_props(&doc, "ApiError"), keys(&error));
}

#[test]
fn the_map_page_works_without_javascript() {
    let r = ok("/?treaty=apmbc&on=2026-03-01");
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    let html = r.text();
    assert!(
        html.contains(r#"data-count="party">161<"#),
        "count of States Parties"
    );
    assert!(html.contains(r#"data-state="FIN" data-status="withdrawn""#));
    assert!(html.contains(r#"data-state="UKR" data-status="party""#));
    assert!(html.contains(r#"href="/states/FIN?treaty=apmbc&amp;on=2026-03-01""#));
    assert!(!html.contains("https://cdn"), "nothing from a CDN");
    // Every state is listed, with or without a shape on the map.
    assert_eq!(html.matches("<tr data-state=").count(), 197);
    let r = get(&app(), "/?on=2026-13-01", &[]);
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("YYYY-MM-DD"));
}

#[test]
fn state_pages_have_stable_addresses() {
    let r = get(&app(), "/states/finland?treaty=apmbc&on=2026-03-01", &[]);
    assert_eq!(r.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(
        r.header("location"),
        Some("/states/FIN?treaty=apmbc&on=2026-03-01")
    );
    let html = ok("/states/FIN?treaty=apmbc&on=2026-03-01").text();
    assert!(html.contains(r#"data-field="withdrawal_effective"><time datetime="2026-01-10">"#));
    assert!(html.contains(r#"<a class="source" href="https://"#));
    assert!(html.contains("Withdrawal took effect"));
    let html = ok("/states/UKR?on=2026-03-01").text();
    assert!(html.contains("suspends the treaty"));
    let r = get(&app(), "/states/Finlnd", &[]);
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.text().contains(r#"href="/states/FIN?treaty=apmbc""#));
}

#[test]
fn search_goes_to_the_state() {
    let r = get(&app(), "/search?q=Turkey&treaty=apmbc&on=2026-03-01", &[]);
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.header("location"),
        Some("/states/TUR?treaty=apmbc&on=2026-03-01")
    );
    let r = get(&app(), "/search?q=Atlantis", &[]);
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[test]
fn assets_are_built_in() {
    let js = ok("/assets/app.js");
    assert!(
        js.header("content-type")
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(js.header("etag").is_some());
    ok("/assets/app.css");
    assert!(ok("/assets/NOTICE.txt").text().contains("Natural Earth"));
    assert_eq!(
        get(&app(), "/assets/world.json", &[]).status,
        StatusCode::NOT_FOUND
    );
}
