//! The HTTP API and pages, through the whole router (limits, errors, cache), on the
//! embedded dataset, with "today" fixed at 2026-03-01.

use std::collections::BTreeSet;
use std::io::Read;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

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
    APP.get_or_init(|| {
        // Every test at once on a debug build: more workers, longer waits.
        Arc::new(
            App::embedded(today)
                .expect("the app starts")
                .with_work_limits(4, Duration::from_secs(120), Duration::from_secs(300)),
        )
    })
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
    assert_eq!(j["dataset"]["version"], "2026.2");
    let t = j["treaties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "apmbc")
        .unwrap();
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
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=300, stale-while-revalidate=600, stale-if-error=86400")
    );
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
        serde_json::to_value(treatywatch_core::Identified::new(
            d,
            e.status(t, s, date(2026, 3, 1)),
        ))
        .unwrap()
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
        serde_json::to_value(e.timeline_doc(t, s)).unwrap()
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
    assert!(
        e["hint"]
            .as_str()
            .unwrap()
            .contains("apmbc, att, ccm, tpnw"),
        "{e}"
    );
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
fn gzip_and_brotli_when_asked() {
    let uri = "/api/v1/status?on=2025-06-01";
    let plain = ok(uri);
    let gz = get(&app(), uri, &[("accept-encoding", "gzip, deflate")]);
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert!(gz.body.len() * 5 < plain.body.len());
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&gz.body[..])
        .read_to_end(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, plain.body);
    let br = get(&app(), uri, &[("accept-encoding", "gzip, deflate, br")]);
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert!(br.body.len() < gz.body.len());
    let mut unbr = Vec::new();
    brotli_decompress(&br.body, &mut unbr);
    assert_eq!(unbr, plain.body);
    let etags = [plain.header("etag"), gz.header("etag"), br.header("etag")];
    assert!(etags[0] != etags[1] && etags[1] != etags[2] && etags[0] != etags[2]);
    for (r, enc) in [(&plain, ""), (&gz, "gzip"), (&br, "br")] {
        assert_eq!(r.header("vary"), Some("accept-encoding"));
        assert!(
            r.header("last-modified")
                .unwrap()
                .ends_with(" 00:00:00 GMT")
        );
        // Any copy's ETag revalidates; the 304 carries the ETag of the copy this
        // request would get, so that a CDN refreshing its gzip copy is told the gzip
        // copy's ETag.
        for tag in etags.iter().flatten() {
            let nm = get(
                &app(),
                uri,
                &[("if-none-match", tag), ("accept-encoding", enc)],
            );
            assert_eq!(nm.status, StatusCode::NOT_MODIFIED);
            assert_eq!(nm.header("etag"), r.header("etag"), "{enc} with {tag}");
            assert!(
                nm.header("cache-control")
                    .unwrap()
                    .contains("stale-while-revalidate")
            );
            assert!(nm.header("last-modified").is_some());
        }
    }
}

fn brotli_decompress(input: &[u8], out: &mut Vec<u8>) {
    let mut r = brotli::Decompressor::new(input, 4096);
    r.read_to_end(out).unwrap();
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
        "/api/v1/deadlines",
        "/api/v1/exports/panel",
        "/api/v1/annotate",
        "/api/v1/openapi.json",
    ] {
        assert!(paths.contains(p), "{p} missing from {paths:?}");
    }
    assert!(doc["paths"]["/api/v1/annotate"]["post"].is_object());
    let export_types =
        keys(&doc["paths"]["/api/v1/exports/panel"]["get"]["responses"]["200"]["content"]);
    assert_eq!(
        export_types,
        BTreeSet::from([
            "application/vnd.apache.parquet".to_string(),
            "application/vnd.sqlite3".to_string(),
            "text/csv; charset=utf-8".to_string()
        ])
    );
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
    let one = ok("/api/v1/states/FIN?on=2026-03-01").json();
    assert_eq!(schema_props(&doc, "StateStatus"), keys(&one));
    assert_eq!(
        schema_props(&doc, "DatasetIdentity"),
        keys(&parties["dataset"])
    );
    let timeline = ok("/api/v1/states/FIN/timeline").json();
    assert_eq!(schema_props(&doc, "Timeline"), keys(&timeline));
    assert_eq!(schema_props(&doc, "Event"), keys(&timeline["events"][0]));
    let changes = ok("/api/v1/changes?from=2026-01-01").json();
    assert_eq!(schema_props(&doc, "Changes"), keys(&changes));
    assert_eq!(schema_props(&doc, "Change"), keys(&changes["changes"][0]));
    let treaties = ok("/api/v1/treaties").json();
    assert_eq!(schema_props(&doc, "Treaties"), keys(&treaties));
    assert_eq!(schema_props(&doc, "Treaty"), keys(&treaties["treaties"][0]));
    let hist = ok("/api/v1/histories").json();
    assert_eq!(schema_props(&doc, "Histories"), keys(&hist));
    assert_eq!(schema_props(&doc, "StateHistory"), keys(&hist["states"][0]));
    assert_eq!(
        schema_props(&doc, "HistoryEntry"),
        keys(&hist["states"][0]["history"][0])
    );
    let error = get(&app(), "/api/v1/status?on=x", &[]).json();
    assert_eq!(schema_props(&doc, "ApiError"), keys(&error));
    let listing = ok("/api/v1/deadlines?state=UKR&on=2026-03-01&obligation=art4,art5,art7").json();
    assert_eq!(schema_props(&doc, "Deadlines"), keys(&listing));
    let deadlines = listing["deadlines"].clone();
    let annual = deadlines
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["covers_year"].is_number())
        .expect("a yearly deadline");
    assert_eq!(schema_props(&doc, "Deadline"), keys(annual));
    assert_eq!(schema_props(&doc, "Deadline"), keys(&deadlines[0]));
    let with_history = deadlines
        .as_array()
        .unwrap()
        .iter()
        .find(|d| !d["history"].as_array().unwrap().is_empty())
        .expect("a deadline with records");
    assert_eq!(
        schema_props(&doc, "ObligationRecord"),
        keys(&with_history["history"][0])
    );
    let body = serde_json::json!({"text": ARTICLE, "date": "2025-07-09"}).to_string();
    let a = post("/api/v1/annotate", Some("application/json"), body).json();
    assert_eq!(schema_props(&doc, "Annotation"), keys(&a));
    assert_eq!(schema_props(&doc, "Summary"), keys(&a["summary"]));
    assert_eq!(schema_props(&doc, "Span"), keys(&a["claims"][0]["span"]));
    assert_eq!(
        schema_props(&doc, "TreatyMention"),
        keys(&a["treaty_mentions"][0])
    );
    assert_eq!(
        schema_props(&doc, "StateMention"),
        keys(&a["state_mentions"][0])
    );
    assert_eq!(schema_props(&doc, "DateMention"), keys(&a["dates"][0]));
    assert_eq!(schema_props(&doc, "StateCard"), keys(&a["states"][0]));
    assert_eq!(
        schema_props(&doc, "StatusObject"),
        keys(&a["states"][0]["today"])
    );
    let claim = a["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            !c["facts"].as_array().unwrap().is_empty()
                && !c["sources"].as_array().unwrap().is_empty()
        })
        .expect("a claim with facts and sources");
    assert_eq!(schema_props(&doc, "Claim"), keys(claim));
    assert_eq!(schema_props(&doc, "Fact"), keys(&claim["facts"][0]));
    assert_eq!(schema_props(&doc, "Source"), keys(&claim["sources"][0]));
    assert_eq!(
        schema_props(&doc, "AnnotateRequest"),
        BTreeSet::from([
            "text".to_string(),
            "date".to_string(),
            "treaty".to_string(),
            "language".to_string()
        ])
    );
    // The enums list every value the documents use.
    let values = |name: &str| -> BTreeSet<String> {
        doc["components"]["schemas"][name]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{name} is not a plain enum"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let used = |v: &Value, field: &str| -> BTreeSet<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x[field].as_str().unwrap().to_string())
            .collect()
    };
    assert!(values("DeadlineStatus").is_superset(&used(&deadlines, "status")));
    assert!(values("DeadlineStatus").contains("overdue"));
    assert!(values("Verdict").is_superset(&used(&a["claims"], "verdict")));
    assert_eq!(values("Verdict").len(), 3);
    assert!(values("ClaimKind").is_superset(&used(&a["claims"], "kind")));
    assert!(values("Reading").is_superset(&used(&a["claims"], "reading")));
    assert!(values("NameKind").is_superset(&used(&a["state_mentions"], "via")));
    assert!(values("DateKind").is_superset(&used(&a["dates"], "kind")));
    assert!(values("ArticleDateSource").contains(a["article_date_source"].as_str().unwrap()));
    // As strict as the server: dates, treaties, years, required parameters, errors.
    let param = |path: &str, name: &str| -> Value {
        doc["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{path} has no parameter {name}"))
            .clone()
    };
    let on = param("/api/v1/status", "on");
    assert_eq!(on["schema"]["format"], "date");
    assert_eq!(on["schema"]["pattern"], treatywatch_web::DATE_PATTERN);
    assert_eq!(
        param("/api/v1/status", "treaty")["schema"]["enum"],
        serde_json::json!(["apmbc", "att", "ccm", "tpnw"])
    );
    assert_eq!(param("/api/v1/changes", "from")["required"], true);
    assert_eq!(param("/api/v1/exports/panel", "from")["required"], true);
    assert_eq!(
        param("/api/v1/exports/panel", "to")["schema"]["maximum"],
        2099
    );
    assert_eq!(
        param("/api/v1/deadlines", "overdue")["schema"]["type"],
        "boolean"
    );
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            for code in ["414", "431", "503"] {
                assert!(responses.contains_key(code), "{method} {path}: no {code}");
            }
        }
    }
    assert_eq!(doc["info"]["version"], "0.1.0+data.2026.2");
    assert!(
        doc["info"]["description"]
            .as_str()
            .unwrap()
            .contains("latest fact")
    );
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

// ---------------------------------------------------------------------------------
// Deadlines, and `known_on`

/// The engine's deadlines listing, serialized: what `deadlines --format json` prints.
fn engine_deadlines(
    state: Option<&str>,
    on: Date,
    known_on: Option<Date>,
    from: Option<Date>,
    to: Option<Date>,
    overdue: bool,
) -> Value {
    let full = treatywatch_data::embedded().unwrap();
    let data = known_on.map_or_else(|| full.clone(), |k| full.as_known_on(k));
    let engine = treatywatch_core::Engine::new(&data);
    let t = data.treaty("apmbc").unwrap();
    let states: Vec<_> = state
        .into_iter()
        .map(|s| engine.resolve_state(s).unwrap())
        .collect();
    let w =
        treatywatch_core::DeadlineWindow::new(on, from, to, overdue, !states.is_empty()).unwrap();
    serde_json::to_value(engine.deadlines_doc(t, &states, on, &w)).unwrap()
}

#[test]
fn deadlines_are_the_command_lines_list() {
    let j = ok("/api/v1/deadlines?overdue=true&on=2020-01-01").json();
    let due: Vec<(&str, &str, &str)> = j["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["due"].as_str().unwrap(),
                d["state"].as_str().unwrap(),
                d["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        due,
        [
            ("2008-03-01", "GRC", "overdue"),
            ("2010-06-01", "UKR", "overdue"),
            ("2012-03-01", "NGA", "overdue"),
            ("2013-03-01", "CMR", "overdue")
        ]
    );
    assert!(
        j["deadlines"][0]["sources"][0]["url"]
            .as_str()
            .unwrap()
            .starts_with("http")
    );
    assert_eq!(
        j,
        engine_deadlines(None, date(2020, 1, 1), None, None, None, true)
    );
    // One state, by name: its whole record.
    let oman = ok("/api/v1/deadlines?state=oman&on=2026-03-01").json();
    assert!(!oman["deadlines"].as_array().unwrap().is_empty());
    assert!(
        oman["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["state"] == "OMN")
    );
    assert_eq!(
        oman,
        engine_deadlines(Some("OMN"), date(2026, 3, 1), None, None, None, false)
    );
    // A window.
    let w = ok("/api/v1/deadlines?from=2000-01-01&to=2005-12-31&on=2026-03-01").json();
    assert!(w["deadlines"].as_array().unwrap().iter().all(|d| {
        let due = d["due"].as_str().unwrap();
        ("2000-01-01"..="2005-12-31").contains(&due)
    }));
    assert_eq!(
        w,
        engine_deadlines(
            None,
            date(2026, 3, 1),
            None,
            Some(date(2000, 1, 1)),
            Some(date(2005, 12, 31)),
            false
        )
    );
}

#[test]
fn deadlines_default_to_the_year_after_today() {
    let r = ok("/api/v1/deadlines");
    assert!(
        r.header("cache-control")
            .unwrap()
            .starts_with("public, max-age=300,")
    );
    let j = r.json();
    assert!(!j["deadlines"].as_array().unwrap().is_empty());
    for d in j["deadlines"].as_array().unwrap() {
        let due = d["due"].as_str().unwrap();
        assert!(("2026-03-01"..="2027-03-01").contains(&due), "{due}");
        assert_eq!(d["on"], "2026-03-01");
    }
    assert_eq!(j, engine_deadlines(None, today(), None, None, None, false));
    // The same resolved window, spelt out, is the same answer and the same ETag.
    let spelt = ok("/api/v1/deadlines?treaty=APMBC&on=2026-03-01&from=2026-03-01&to=2027-03-01");
    assert_eq!(spelt.json(), j);
    assert_eq!(spelt.header("etag"), r.header("etag"));
}

#[test]
fn deadlines_as_known_on_a_day() {
    // `on` defaults to `known_on`.
    let j = ok("/api/v1/deadlines?known_on=2020-01-01&overdue=true").json();
    assert!(
        j["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["on"] == "2020-01-01")
    );
    assert_eq!(
        j,
        engine_deadlines(
            None,
            date(2020, 1, 1),
            Some(date(2020, 1, 1)),
            None,
            None,
            true
        )
    );
    let r = ok("/api/v1/deadlines?known_on=2020-01-01&overdue=true");
    assert!(r.header("cache-control").unwrap().contains("max-age=3600"));
}

#[test]
fn deadlines_errors_say_what_to_send() {
    let e = err(
        "/api/v1/deadlines?on=2020-13-01",
        StatusCode::BAD_REQUEST,
        "invalid_date",
    );
    assert!(e["hint"].as_str().unwrap().contains("on=YYYY-MM-DD"), "{e}");
    err(
        "/api/v1/deadlines?known_on=yesterday",
        StatusCode::BAD_REQUEST,
        "invalid_date",
    );
    let e = err(
        "/api/v1/deadlines?from=2030-01-01&to=2020-01-01",
        StatusCode::BAD_REQUEST,
        "bad_range",
    );
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("2030-01-01 is after to 2020-01-01"),
        "{e}"
    );
    let e = err(
        "/api/v1/deadlines?state=Finlnd",
        StatusCode::BAD_REQUEST,
        "unknown_state",
    );
    assert!(
        e["message"].as_str().unwrap().contains("Finland (FIN)"),
        "{e}"
    );
    err(
        "/api/v1/deadlines?treaty=nope",
        StatusCode::BAD_REQUEST,
        "unknown_treaty",
    );
    let e = err(
        "/api/v1/deadlines?overdue=maybe",
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
    assert!(e["hint"].as_str().unwrap().contains("overdue=true"), "{e}");
    err(
        "/api/v1/deadlines?states=FIN",
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
}

#[test]
fn status_and_states_as_known_on_a_day() {
    // As known on 5 July 2025, nobody knew Finland would withdraw: on 2026-03-01 it
    // would still be a party.
    let fin = ok("/api/v1/states/FIN?on=2026-03-01&known_on=2025-07-05").json();
    assert_eq!(fin["status"], "party");
    assert_eq!(fin["withdrawal_notified"], Value::Null);
    assert_eq!(
        ok("/api/v1/states/FIN?on=2026-03-01").json()["status"],
        "withdrawn"
    );
    let view = treatywatch_data::embedded()
        .unwrap()
        .as_known_on(date(2025, 7, 5));
    let engine = treatywatch_core::Engine::new(&view);
    let t = view.treaty("apmbc").unwrap();
    let s = engine.resolve_state("FIN").unwrap();
    assert_eq!(
        fin,
        serde_json::to_value(treatywatch_core::Identified::new(
            &view,
            engine.status(t, s, date(2026, 3, 1))
        ))
        .unwrap()
    );
    // `on` defaults to `known_on`, which is a fixed day: fresh for an hour.
    let r = ok("/api/v1/status?known_on=2025-07-05");
    assert!(r.header("cache-control").unwrap().contains("max-age=3600"));
    let j = r.json();
    assert_eq!(j["on"], "2025-07-05");
    assert_eq!(
        j,
        serde_json::to_value(engine.parties(t, date(2025, 7, 5))).unwrap()
    );
    let e = err(
        "/api/v1/status?known_on=2025-07-32",
        StatusCode::BAD_REQUEST,
        "invalid_date",
    );
    assert!(
        e["message"].as_str().unwrap().starts_with("known_on:"),
        "{e}"
    );
    err(
        "/api/v1/states/Finlnd?known_on=2025-07-05",
        StatusCode::NOT_FOUND,
        "unknown_state",
    );
}

#[test]
fn known_on_views_are_bounded() {
    let fresh = Arc::new(App::embedded(today).unwrap().with_work_limits(
        4,
        Duration::from_secs(120),
        Duration::from_secs(300),
    ));
    for day in 1..=12 {
        let r = get(
            &fresh,
            &format!("/api/v1/states/FIN?known_on=2025-06-{day:02}"),
            &[],
        );
        assert_eq!(r.status, StatusCode::OK);
    }
    assert!(
        fresh.views_kept() <= treatywatch_web::KNOWN_ON_VIEWS,
        "{} views kept",
        fresh.views_kept()
    );
    assert!(fresh.views_kept() >= 1);
}

// ---------------------------------------------------------------------------------
// Panel downloads

fn panel(
    treaties: &[&str],
    from: i16,
    to: i16,
    daily: bool,
    as_of: (i8, i8),
    format: &str,
) -> Vec<u8> {
    let data = treatywatch_data::embedded().unwrap();
    let engine = treatywatch_core::Engine::new(&data);
    let ts: Vec<_> = treaties.iter().map(|t| data.treaty(t).unwrap()).collect();
    let g = if daily {
        treatywatch_export::Granularity::Day
    } else {
        treatywatch_export::Granularity::Year
    };
    let p = treatywatch_export::periods(from, to, g, as_of).unwrap();
    let mut out = Vec::new();
    match format {
        "csv" => treatywatch_export::write_csv(&mut out, &engine, &ts, &p).unwrap(),
        "parquet" => treatywatch_export::write_parquet_to(&mut out, &engine, &ts, &p, g).unwrap(),
        _ => out = treatywatch_export::sqlite_bytes(&data, &engine, &ts, &p).unwrap(),
    }
    out
}

#[test]
fn panel_downloads_are_the_export_commands_files() {
    let r = ok("/api/v1/exports/panel?treaty=apmbc,ccm&from=2024&to=2026&as_of=03-06");
    assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        r.header("content-disposition"),
        Some("attachment; filename=\"treatywatch-panel-apmbc_ccm-2024-2026-03-06.csv\"")
    );
    assert!(r.header("etag").is_some());
    assert_eq!(
        r.body,
        panel(&["apmbc", "ccm"], 2024, 2026, false, (3, 6), "csv")
    );
    assert_eq!(r.text().lines().count(), 1 + 197 * 2 * 3);
    assert!(r.text().contains(
        "XXVI-6,2025,2025-03-06,withdrawn,1,0,0,1,2008-12-03,2011-03-24,ratification,2011-09-01,2024-09-06,2025-03-06,"
    ));

    let r = ok("/api/v1/exports/panel?from=1997&to=2026&format=parquet");
    assert_eq!(
        r.header("content-type"),
        Some("application/vnd.apache.parquet")
    );
    assert_eq!(
        r.header("content-disposition"),
        Some("attachment; filename=\"treatywatch-panel-apmbc-1997-2026.parquet\"")
    );
    assert!(r.body.starts_with(b"PAR1") && r.body.ends_with(b"PAR1"));
    assert_eq!(
        r.body,
        panel(&["apmbc"], 1997, 2026, false, (12, 31), "parquet")
    );

    let r = ok("/api/v1/exports/panel?treaty=all&from=2020&to=2026&format=sqlite");
    assert_eq!(r.header("content-type"), Some("application/vnd.sqlite3"));
    assert!(r.body.starts_with(b"SQLite format 3\0"));
    let dir = std::env::temp_dir().join(format!("treatywatch-web-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("panel.sqlite");
    std::fs::write(&path, &r.body).unwrap();
    let db = rusqlite::Connection::open(&path).unwrap();
    let n: i64 = db
        .query_row("SELECT count(*) FROM panel", [], |r| r.get(0))
        .unwrap();
    // Four curated treaties: apmbc, att, ccm, tpnw.
    assert_eq!(n, 197 * 4 * 7);
    let fin: String = db
        .query_row(
            "SELECT status FROM panel WHERE state = 'FIN' AND treaty = 'apmbc' AND year = 2026",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fin, "withdrawn");
    drop(db);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn panel_downloads_are_cached_with_etags() {
    let fresh = Arc::new(App::embedded(today).unwrap().with_work_limits(
        4,
        Duration::from_secs(120),
        Duration::from_secs(300),
    ));
    // The largest kind of download allowed: a year of days, as SQLite.
    let uri = "/api/v1/exports/panel?treaty=apmbc&from=2025&to=2025&granularity=day&format=sqlite";
    let r = get(&fresh, uri, &[("accept-encoding", "gzip")]);
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.header("content-encoding"), Some("gzip"));
    assert_eq!(
        r.header("content-disposition"),
        Some("attachment; filename=\"treatywatch-panel-apmbc-2025-2025-daily.sqlite\"")
    );
    assert_eq!(fresh.cached(), 1, "the download is kept");
    let again = get(&fresh, uri, &[("accept-encoding", "gzip")]);
    assert_eq!(again.body, r.body);
    assert_eq!(fresh.cached(), 1);
    let etag = r.header("etag").unwrap();
    let r = get(&fresh, uri, &[("if-none-match", etag)]);
    assert_eq!(r.status, StatusCode::NOT_MODIFIED);
    // Downloads do not push the documents out.
    ok("/api/v1/status?on=2026-03-01");
    let status = get(&fresh, "/api/v1/status?on=2026-03-01", &[]);
    assert_eq!(status.status, StatusCode::OK);
    get(
        &fresh,
        "/api/v1/exports/panel?from=2000&to=2026&format=sqlite",
        &[],
    );
    assert_eq!(fresh.cached(), 3);
}

#[test]
fn panel_downloads_are_bounded_and_errors_say_what_to_send() {
    let e = err(
        "/api/v1/exports/panel?treaty=all&from=2000&to=2026&granularity=day",
        StatusCode::BAD_REQUEST,
        "export_too_large",
    );
    let m = e["message"].as_str().unwrap();
    assert!(
        m.contains("7771256 rows (4 treaties x 197 states x 9862 days)")
            && m.contains("at most 100000"),
        "{e}"
    );
    assert!(e["hint"].as_str().unwrap().contains("fewer years"), "{e}");
    err(
        "/api/v1/exports/panel?from=1900&to=2099&granularity=day",
        StatusCode::BAD_REQUEST,
        "export_too_large",
    );
    let e = err(
        "/api/v1/exports/panel?to=2026",
        StatusCode::BAD_REQUEST,
        "missing_parameter",
    );
    assert!(e["hint"].as_str().unwrap().contains("from=YEAR"), "{e}");
    err(
        "/api/v1/exports/panel?from=2020",
        StatusCode::BAD_REQUEST,
        "missing_parameter",
    );
    err(
        "/api/v1/exports/panel?from=twenty&to=2026",
        StatusCode::BAD_REQUEST,
        "bad_year",
    );
    err(
        "/api/v1/exports/panel?from=999&to=2026",
        StatusCode::BAD_REQUEST,
        "bad_year",
    );
    err(
        "/api/v1/exports/panel?from=2026&to=2020",
        StatusCode::BAD_REQUEST,
        "bad_range",
    );
    err(
        "/api/v1/exports/panel?from=2020&to=2026&granularity=week",
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
    let e = err(
        "/api/v1/exports/panel?from=2020&to=2026&format=xlsx",
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
    assert!(
        e["hint"].as_str().unwrap().contains("format=parquet"),
        "{e}"
    );
    err(
        "/api/v1/exports/panel?from=2020&to=2026&as_of=02-30",
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
    err(
        "/api/v1/exports/panel?treaty=apmbc,nope&from=2020&to=2026",
        StatusCode::BAD_REQUEST,
        "unknown_treaty",
    );
    err(
        "/api/v1/exports/panel?treaty=cwc&from=2020&to=2026",
        StatusCode::BAD_REQUEST,
        "no_participants",
    );
    err(
        "/api/v1/exports/panel?from=2020&to=2026&out=x.csv",
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
}

// ---------------------------------------------------------------------------------
// Article checks

const ARTICLE: &str = include_str!(
    "../../treatywatch-annotate/tests/fixtures/2025-lithuania-finland-mine-production.txt"
);

fn post(uri: &str, content_type: Option<&str>, body: impl Into<Vec<u8>>) -> Reply {
    let mut headers = Vec::new();
    if let Some(ct) = content_type {
        headers.push(("content-type", ct));
    }
    request(&app(), Method::POST, uri, &headers, body.into())
}

fn post_err(
    uri: &str,
    content_type: Option<&str>,
    body: impl Into<Vec<u8>>,
    status: StatusCode,
    code: &str,
) -> Value {
    let r = post(uri, content_type, body);
    assert_eq!(r.status, status, "{uri}: {}", r.text());
    let j = r.json();
    assert_eq!(j["error"], code, "{j}");
    assert!(!j["message"].as_str().unwrap().is_empty());
    assert!(!j["hint"].as_str().unwrap().is_empty());
    j
}

/// The annotator's own answer, serialized: what `annotate --format json` prints.
fn engine_annotation(text: &str, article_date: Option<Date>) -> Value {
    let data = treatywatch_data::embedded().unwrap();
    let engine = treatywatch_core::Engine::new(&data);
    let a = treatywatch_annotate::Annotator::new(&engine, data.treaty("apmbc").unwrap());
    let opts = treatywatch_annotate::Options {
        article_date,
        today: today(),
        language: None,
    };
    serde_json::to_value(treatywatch_core::Identified::new(
        &data,
        a.annotate(text, &opts).unwrap(),
    ))
    .unwrap()
}

#[test]
fn annotate_takes_json_or_plain_text() {
    let body = serde_json::json!({"text": ARTICLE, "date": "2025-07-09"}).to_string();
    let r = post("/api/v1/annotate", Some("application/json"), body);
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert!(r.header("etag").is_none());
    let j = r.json();
    assert_eq!(j, engine_annotation(ARTICLE, Some(date(2025, 7, 9))));
    assert_eq!(j["article_date"], "2025-07-09");
    assert_eq!(j["summary"]["contradicted"], 1);
    let joined = j["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "joined" && c["state"] == "FIN")
        .unwrap();
    assert_eq!(joined["verdict"], "contradicted");
    // The same as plain text, the date in the address; the treaty by its UN reference.
    let r = post(
        "/api/v1/annotate?date=2025-07-09&treaty=XXVI-5",
        Some("text/plain; charset=utf-8"),
        ARTICLE,
    );
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json(), j);
    // No date: a dateline, else today, and the annotation says which.
    let r = post("/api/v1/annotate", Some("text/plain"), ARTICLE);
    assert_eq!(r.json()["article_date_source"], "none");
    assert_eq!(r.json()["checked_on"], "2026-03-01");
    // Gzip for clients that take it.
    let r = request(
        &app(),
        Method::POST,
        "/api/v1/annotate?date=2025-07-09",
        &[("content-type", "text/plain"), ("accept-encoding", "gzip")],
        ARTICLE.as_bytes().to_vec(),
    );
    assert_eq!(r.header("content-encoding"), Some("gzip"));
}

#[test]
fn annotate_refuses_what_it_cannot_read() {
    let uri = "/api/v1/annotate";
    let json = Some("application/json");
    let e = post_err(
        uri,
        json,
        r#"{"text": "  "}"#,
        StatusCode::BAD_REQUEST,
        "empty_text",
    );
    assert!(e["hint"].as_str().unwrap().contains("text"), "{e}");
    post_err(
        uri,
        Some("text/plain"),
        "",
        StatusCode::BAD_REQUEST,
        "empty_text",
    );
    let e = post_err(
        uri,
        None,
        ARTICLE,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    assert!(
        e["hint"].as_str().unwrap().contains("application/json"),
        "{e}"
    );
    post_err(
        uri,
        Some("text/html"),
        ARTICLE,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    post_err(
        uri,
        Some("application/x-www-form-urlencoded"),
        "text=x",
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    let e = post_err(
        uri,
        Some("text/plain; charset=iso-8859-1"),
        ARTICLE,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    assert!(e["message"].as_str().unwrap().contains("iso-8859-1"), "{e}");
    let e = post_err(
        uri,
        json,
        r#"{"txt": "x"}"#,
        StatusCode::BAD_REQUEST,
        "bad_json",
    );
    assert!(e["message"].as_str().unwrap().contains("txt"), "{e}");
    post_err(
        uri,
        json,
        "{\"text\": ",
        StatusCode::BAD_REQUEST,
        "bad_json",
    );
    post_err(
        uri,
        json,
        r#"{"text": 5}"#,
        StatusCode::BAD_REQUEST,
        "bad_json",
    );
    let e = post_err(
        uri,
        Some("text/plain"),
        b"Finland \xff".to_vec(),
        StatusCode::BAD_REQUEST,
        "not_text",
    );
    assert!(e["message"].as_str().unwrap().contains("offset 8"), "{e}");
    post_err(
        uri,
        json,
        r#"{"text": "a\u0000b"}"#,
        StatusCode::BAD_REQUEST,
        "not_text",
    );
    post_err(
        uri,
        json,
        r#"{"text": "Finland", "date": "2025-02-30"}"#,
        StatusCode::BAD_REQUEST,
        "invalid_date",
    );
    post_err(
        "/api/v1/annotate?date=July",
        Some("text/plain"),
        "Finland",
        StatusCode::BAD_REQUEST,
        "invalid_date",
    );
    post_err(
        uri,
        json,
        r#"{"text": "Finland", "treaty": "nope"}"#,
        StatusCode::BAD_REQUEST,
        "unknown_treaty",
    );
    // The date both in the address and in the JSON body: the body's wins, and both must
    // be dates.
    let both = post(
        "/api/v1/annotate?date=2025-07-09",
        json,
        r#"{"text": "Finland", "date": "2025-07-10"}"#,
    );
    assert_eq!(both.status, StatusCode::OK);
    assert_eq!(both.json()["article_date"], "2025-07-10");
    post_err(
        "/api/v1/annotate?date=2025-07-32",
        json,
        r#"{"text": "Finland", "date": "2025-07-10"}"#,
        StatusCode::BAD_REQUEST,
        "invalid_date",
    );
    post_err(
        "/api/v1/annotate?on=2025-07-09",
        Some("text/plain"),
        "Finland",
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
    // GET is not an article check.
    let r = get(&app(), uri, &[]);
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.json()["error"], "method_not_allowed");
    assert!(r.header("allow").unwrap().contains("POST"));
}

#[test]
fn annotate_takes_a_long_article_and_refuses_a_larger_one() {
    let max = treatywatch_annotate::MAX_INPUT_BYTES;
    // A real article far over the 1 KiB other routes take.
    let mut long = String::new();
    while long.len() + ARTICLE.len() <= 200 * 1024 {
        long.push_str(ARTICLE);
        long.push_str("\n\n");
    }
    let r = post(
        "/api/v1/annotate?date=2025-07-09",
        Some("text/plain"),
        long.clone(),
    );
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["bytes"], long.len());
    // One byte over 2 MiB of text.
    let e = post_err(
        "/api/v1/annotate",
        Some("text/plain"),
        vec![b'a'; max + 1],
        StatusCode::PAYLOAD_TOO_LARGE,
        "article_too_large",
    );
    assert!(e["message"].as_str().unwrap().contains("2 MiB"), "{e}");
    // As JSON: the text counts once decoded.
    let body = serde_json::json!({ "text": "a".repeat(max + 1) }).to_string();
    post_err(
        "/api/v1/annotate",
        Some("application/json"),
        body,
        StatusCode::PAYLOAD_TOO_LARGE,
        "article_too_large",
    );
    // A body over the route's limit is refused, declared or not.
    let huge = vec![b'a'; treatywatch_web::MAX_ARTICLE_BODY_BYTES + 1];
    post_err(
        "/api/v1/annotate",
        Some("text/plain"),
        huge.clone(),
        StatusCode::PAYLOAD_TOO_LARGE,
        "article_too_large",
    );
    let r = request(
        &app(),
        Method::POST,
        "/api/v1/annotate",
        &[
            ("content-type", "text/plain"),
            ("content-length", &huge.len().to_string()),
        ],
        huge,
    );
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    // Other routes still take no body.
    let r = request(&app(), Method::GET, "/annotate", &[], Vec::new());
    assert_eq!(r.status, StatusCode::OK);
}

#[test]
fn the_annotate_page_works_without_javascript() {
    let r = ok("/annotate");
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    let html = r.text();
    assert!(html.contains(r#"<form id="annotate-form" method="post" action="/annotate">"#));
    assert!(html.contains(r#"<textarea id="text" name="text""#));
    assert!(html.contains(r#"href="/assets/annotate.css""#));
    assert!(ok("/assets/annotate.css").text().contains(".tw-annotation"));
    // The form as a browser sends it.
    let form = serde_urlencoded::to_string([
        ("text", ARTICLE),
        ("date", "2025-07-09"),
        ("treaty", "apmbc"),
    ])
    .unwrap();
    let r = post("/annotate", Some("application/x-www-form-urlencoded"), form);
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let html = r.text();
    assert!(
        html.contains(r#"<section class="tw-annotation" data-claims="27""#),
        "{html}"
    );
    assert!(html.contains(r#"data-verdict="contradicted""#));
    assert!(html.contains(r#"data-verdict="supported""#));
    assert!(html.contains("<mark class=\"contradicted\""));
    // The text stays in the box, escaped, and the date in its field.
    assert!(html.contains("Karolis Aleksa, Deputy Minister"));
    assert!(html.contains(r#"value="2025-07-09""#));
    let hostile = serde_urlencoded::to_string([
        (
            "text",
            "<script>alert(1)</script> Finland joined the Ottawa Convention in 2011.",
        ),
        ("date", ""),
    ])
    .unwrap();
    let r = post(
        "/annotate",
        Some("application/x-www-form-urlencoded"),
        hostile,
    );
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.text().contains("<script>alert"));
    assert!(r.text().contains("&lt;script&gt;alert(1)"));
    // What was wrong, on the page, with the form.
    let r = post(
        "/annotate",
        Some("application/x-www-form-urlencoded"),
        "text=+&date=",
    );
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains(r#"data-error="empty_text""#));
    assert!(r.text().contains(r#"<textarea id="text""#));
    let r = post(
        "/annotate",
        Some("application/x-www-form-urlencoded"),
        "text=Finland&date=2025-13-01",
    );
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains(r#"data-error="invalid_date""#));
    let r = post(
        "/annotate",
        Some("multipart/form-data; boundary=x"),
        "--x--",
    );
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(r.text().contains("unsupported_media_type"));
    let r = post(
        "/annotate",
        Some("application/x-www-form-urlencoded"),
        vec![b'a'; treatywatch_web::MAX_ARTICLE_BODY_BYTES + 1],
    );
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.text().contains(r#"data-error="article_too_large""#));
    let r = get(&app(), "/annotate?q=x", &[]);
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // The map links to it, and to the deadlines and downloads.
    let map = ok("/?treaty=apmbc&on=2026-03-01").text();
    assert!(map.contains(r#"href="/annotate?treaty=apmbc""#));
    assert!(map.contains(r#"href="/api/v1/deadlines?treaty=apmbc&amp;on=2026-03-01""#));
    assert!(map.contains(
        r#"href="/api/v1/exports/panel?treaty=apmbc&amp;from=1997&amp;to=2026&amp;format=parquet""#
    ));
}

// ---------------------------------------------------------------------------------
// Issue 12: the web in production

#[test]
fn every_answer_carries_the_browser_headers_and_a_request_id() {
    let page = ok("/?treaty=apmbc&on=2026-03-01");
    let csp = page.header("content-security-policy").unwrap();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(page.header("x-frame-options"), Some("DENY"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(
        page.header("referrer-policy"),
        Some("strict-origin-when-cross-origin")
    );
    assert_eq!(page.header("x-request-id").unwrap().len(), 16);
    // No inline script in any page: every <script> has a src.
    let html = page.text();
    assert_eq!(
        html.matches("<script").count(),
        html.matches("<script src=").count()
    );
    // Only the embed view may be framed by other sites.
    let embed = ok("/embed?treaty=apmbc&on=2026-03-01");
    assert!(
        embed
            .header("content-security-policy")
            .unwrap()
            .contains("frame-ancestors *")
    );
    assert!(embed.header("x-frame-options").is_none());
    let api = ok("/api/v1/status?on=2026-03-01");
    assert_eq!(
        api.header("content-security-policy"),
        Some("default-src 'none'; frame-ancestors 'none'")
    );
    // A client's request id is kept when it is well formed.
    let r = get(
        &app(),
        "/api/v1/treaties",
        &[("x-request-id", "cdn-abc.123")],
    );
    assert_eq!(r.header("x-request-id"), Some("cdn-abc.123"));
    let r = get(
        &app(),
        "/api/v1/treaties",
        &[("x-request-id", "bad id with spaces")],
    );
    assert_ne!(r.header("x-request-id"), Some("bad id with spaces"));
}

#[test]
fn the_read_only_api_is_open_to_other_origins() {
    let r = get(
        &app(),
        "/api/v1/status?on=2026-03-01",
        &[("origin", "https://news.example")],
    );
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(
        r.header("access-control-expose-headers")
            .unwrap()
            .contains("etag")
    );
    let pre = request(
        &app(),
        Method::OPTIONS,
        "/api/v1/states/FIN",
        &[
            ("origin", "https://news.example"),
            ("access-control-request-method", "GET"),
            ("access-control-request-headers", "if-none-match"),
        ],
        Vec::new(),
    );
    assert_eq!(pre.status, StatusCode::OK);
    assert_eq!(pre.header("access-control-allow-origin"), Some("*"));
    assert!(
        pre.header("access-control-allow-methods")
            .unwrap()
            .contains("GET")
    );
    assert!(
        pre.header("access-control-allow-headers")
            .unwrap()
            .contains("if-none-match")
    );
    // Not the article check, and not the pages.
    let pre = request(
        &app(),
        Method::OPTIONS,
        "/api/v1/annotate",
        &[
            ("origin", "https://news.example"),
            ("access-control-request-method", "POST"),
        ],
        Vec::new(),
    );
    assert!(pre.header("access-control-allow-origin").is_none());
}

#[test]
fn tracking_parameters_are_ignored_and_pages_ignore_what_they_do_not_take() {
    let clean = ok("/api/v1/status?on=2026-03-01");
    let tracked =
        ok("/api/v1/status?on=2026-03-01&utm_source=x&utm_campaign=y&fbclid=IwAR0&gclid=1&ref=tw");
    assert_eq!(clean.body, tracked.body);
    assert_eq!(clean.header("etag"), tracked.header("etag"));
    // The API stays strict about other parameters.
    err(
        "/api/v1/status?on=2026-03-01&nope=1",
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
    // Pages take any.
    ok("/?treaty=apmbc&on=2026-03-01&fbclid=IwAR0&whatever=1");
    ok("/states/FIN?treaty=apmbc&on=2026-03-01&utm_medium=social&x=y");
    ok("/embed?treaty=apmbc&on=2026-03-01&fbclid=1");
}

#[test]
fn dates_names_and_windows_are_bounded() {
    for uri in [
        "/api/v1/deadlines?to=9999-12-31",
        "/api/v1/deadlines?on=9999-01-01",
        "/api/v1/status?on=1899-12-31",
        "/api/v1/changes?from=2026-01-01&to=2100-01-01",
    ] {
        err(uri, StatusCode::BAD_REQUEST, "date_out_of_range");
    }
    err(
        "/api/v1/status?on=%202026-03-01",
        StatusCode::BAD_REQUEST,
        "invalid_date",
    );
    let e = err(
        "/api/v1/deadlines?from=1900-01-01&to=2099-12-31&obligation=art7",
        StatusCode::BAD_REQUEST,
        "too_many_results",
    );
    assert!(e["hint"].as_str().unwrap().contains("state="), "{e}");
    ok("/api/v1/deadlines?on=2099-01-01");
    // A long name is unknown at once, and its message does not echo it whole.
    let long = "x".repeat(2000);
    let e = err(
        &format!("/api/v1/states/{long}"),
        StatusCode::NOT_FOUND,
        "unknown_state",
    );
    assert!(e["message"].as_str().unwrap().len() < 300, "{e}");
    // A 404 may be cached by a CDN for a while.
    let r = get(&app(), "/api/v1/states/Atlantis", &[]);
    assert!(
        r.header("cache-control")
            .unwrap()
            .contains("stale-while-revalidate")
    );
    // Redirects too.
    let r = get(&app(), "/states/finland?treaty=apmbc", &[]);
    assert_eq!(r.status, StatusCode::PERMANENT_REDIRECT);
    assert!(
        r.header("cache-control")
            .unwrap()
            .contains("stale-while-revalidate")
    );
    let r = get(&app(), "/search?q=finland", &[]);
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.header("cache-control").unwrap().contains("max-age=300"));
}

#[test]
fn every_document_names_the_dataset() {
    let id = |v: &Value| v["dataset"]["version"].as_str().unwrap().to_string();
    for uri in [
        "/api/v1/treaties",
        "/api/v1/status?on=2026-03-01",
        "/api/v1/states/FIN?on=2026-03-01",
        "/api/v1/states/FIN/timeline",
        "/api/v1/changes?from=2026-01-01&to=2026-03-01",
        "/api/v1/deadlines?on=2026-03-01",
        "/api/v1/histories",
    ] {
        assert_eq!(id(&ok(uri).json()), "2026.2", "{uri}");
    }
    let r = ok("/api/v1/status?on=2026-03-01");
    let latest = r.json()["dataset"]["latest_fact"]
        .as_str()
        .unwrap()
        .to_string();
    let d: Date = latest.parse().unwrap();
    assert_eq!(
        r.header("last-modified").unwrap(),
        treatywatch_web::cache::http_date(d)
    );
    // Every page names the version and the latest fact, and has its sharing tags.
    for uri in [
        "/?on=2026-03-01",
        "/states/POL?on=2026-03-01",
        "/embed",
        "/annotate",
    ] {
        let html = ok(uri).text();
        assert!(html.contains(r#"data-version="2026.2""#), "{uri}");
        assert!(
            html.contains(&format!(r#"data-latest-fact="{latest}""#)),
            "{uri}"
        );
        assert!(
            html.contains(r#"<meta property="og:image" content="/map.png"#),
            "{uri}"
        );
        assert!(
            html.contains(r#"<meta name="twitter:card" content="summary_large_image">"#),
            "{uri}"
        );
    }
}

#[test]
fn dates_are_shown_as_precisely_as_they_are_known() {
    let html = ok("/states/POL?treaty=apmbc&on=2026-03-01").text();
    assert!(
        html.contains(r#"<time datetime="2025-07">2025-07</time>"#) || !html.contains("2025-07-01"),
        "a month stays a month"
    );
    assert!(!html.contains(">2025-07-01<"), "no invented day");
}

#[test]
fn the_map_as_an_image_and_the_embed_view() {
    let svg = ok("/map.svg?treaty=apmbc&on=2026-03-01&focus=europe");
    assert_eq!(svg.header("content-type"), Some("image/svg+xml"));
    let text = svg.text();
    assert!(
        text.starts_with("<svg") && text.contains("States Parties") && !text.contains("<style")
    );
    let png = ok("/map.png?treaty=apmbc&on=2026-03-01");
    assert_eq!(png.header("content-type"), Some("image/png"));
    assert_eq!(&png.body[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(
        u32::from_be_bytes(png.body[16..20].try_into().unwrap()),
        1200
    );
    err(
        "/map.png?on=9999-01-01",
        StatusCode::BAD_REQUEST,
        "date_out_of_range",
    );
    let embed = ok("/embed?treaty=ccm&on=2026-03-01&focus=africa").text();
    assert!(embed.contains(r#"data-focus="africa""#));
    assert!(
        embed.contains(r#"id="open-full" href="/?treaty=ccm&amp;on=2026-03-01&amp;focus=africa""#)
    );
    // The map page: a treaty switcher and a region focus.
    let map = ok("/?treaty=apmbc&on=2026-03-01&focus=europe").text();
    assert!(map.contains(r#"<select id="treaty-select" name="treaty">"#));
    assert!(map.contains(r#"<option value="europe" selected>"#));
}

#[test]
fn health_and_metrics() {
    let h = ok("/healthz");
    assert_eq!(h.json()["status"], "ok");
    assert_eq!(h.header("cache-control"), Some("no-store"));
    ok("/api/v1/status?on=2026-03-01");
    let m = ok("/metrics").text();
    for series in [
        "treatywatch_requests_total{route=\"/api/v1/status\",status=\"200\"}",
        "treatywatch_request_duration_seconds_bucket{route=\"/api/v1/status\",le=\"+Inf\"}",
        "treatywatch_queue_waiting{queue=\"documents\"}",
        "treatywatch_shed_total{queue=\"articles\"}",
        "treatywatch_cache_hit_ratio",
        "treatywatch_connections_open",
        "process_resident_memory_bytes",
    ] {
        assert!(m.contains(series), "{series} missing");
    }
}

#[test]
fn a_full_queue_sheds_with_retry_after() {
    // One worker, no wait: the second of two simultaneous renders is shed.
    let q = treatywatch_web::queue::Queue::new("documents", 1, 0, Duration::from_millis(10));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let held = q.enter().await.unwrap();
        let shed = q.enter().await.err().expect("shed");
        assert_eq!(shed.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(shed.error, "overloaded");
        assert!(shed.retry_after.is_some());
        assert_eq!(q.shed(), 1);
        drop(held);
        assert!(q.enter().await.is_ok());
    });
}
