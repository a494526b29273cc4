//! `treatywatch site --out DIR`: the site as static files, for any object store or CDN,
//! with no server. For each treaty whose participants the dataset holds:
//!
//! ```text
//! index.html                          the map of the default treaty (a copy of apmbc/index.html)
//! {treaty}/index.html                 the map on the build day; the slider and ?on= show any day
//! {treaty}/embed.html                 the embed view
//! {treaty}/states/{CODE}.html         every state's page, its status on the build day
//! {treaty}/map.svg, map.png           the map as an image (the pages' sharing tags)
//! api/v1/histories/{treaty}.json      every state's history: what the slider needs
//! api/v1/status/{treaty}.json         every state's status on the build day
//! api/v1/states/{CODE}/{treaty}.json  and /timeline/{treaty}.json: each state's documents
//! api/v1/treaties.json                the treaties
//! assets/...                          script, style, notice
//! ```
//!
//! Addresses are absolute from the site's root: serve the directory at a domain's root.

use std::path::Path;

use treatywatch_core::{Date, Identified};

use crate::App;
use crate::cache::Region;

/// What was written.
pub struct SiteReport {
    pub files: usize,
    pub bytes: u64,
    pub treaties: Vec<String>,
    pub on: Date,
}

fn write(out: &Path, rel: &str, bytes: &[u8], report: &mut SiteReport) -> Result<(), String> {
    let path = out.join(rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    report.files += 1;
    report.bytes += bytes.len() as u64;
    Ok(())
}

fn json<T: serde::Serialize>(v: &T) -> Result<Vec<u8>, String> {
    serde_json::to_vec(v).map_err(|e| e.to_string())
}

/// Writes the static site for the dataset of `app`, as of its today, into `out`.
pub fn build(app: &App, out: &Path) -> Result<SiteReport, String> {
    crate::pages::set_static_site();
    let on = app.today();
    let mut report = SiteReport {
        files: 0,
        bytes: 0,
        treaties: Vec::new(),
        on,
    };
    let engine = app.engine;
    let data = engine.data();
    for (name, _, bytes) in crate::assets::FILES {
        write(out, &format!("assets/{name}"), bytes, &mut report)?;
    }
    write(
        out,
        "api/v1/treaties.json",
        &json(&Identified::new(
            data,
            serde_json::json!({ "treaties": app.treaty_docs() }),
        ))?,
        &mut report,
    )?;
    for treaty in app.answerable_treaties() {
        let id = treaty.id.as_str();
        report.treaties.push(id.to_string());
        let map = crate::pages::map_page(app, treaty, on, Region::World).into_string();
        write(
            out,
            &format!("{id}/index.html"),
            map.as_bytes(),
            &mut report,
        )?;
        if id == crate::DEFAULT_TREATY {
            write(out, "index.html", map.as_bytes(), &mut report)?;
        }
        let embed = crate::pages::embed_page(app, treaty, on, Region::World).into_string();
        write(
            out,
            &format!("{id}/embed.html"),
            embed.as_bytes(),
            &mut report,
        )?;
        let svg = crate::image::svg(app, treaty, on, Region::World);
        write(out, &format!("{id}/map.svg"), svg.as_bytes(), &mut report)?;
        write(
            out,
            &format!("{id}/map.png"),
            &crate::image::png(&svg)?,
            &mut report,
        )?;
        write(
            out,
            &format!("api/v1/histories/{id}.json"),
            &json(&app.histories(treaty))?,
            &mut report,
        )?;
        write(
            out,
            &format!("api/v1/status/{id}.json"),
            &json(&engine.parties(treaty, on))?,
            &mut report,
        )?;
        for state in &data.states {
            let code = state.code.as_str();
            let page = crate::pages::state_page(app, treaty, state, on).into_string();
            write(
                out,
                &format!("{id}/states/{code}.html"),
                page.as_bytes(),
                &mut report,
            )?;
            write(
                out,
                &format!("api/v1/states/{code}/{id}.json"),
                &json(&Identified::new(data, engine.status(treaty, state, on)))?,
                &mut report,
            )?;
            write(
                out,
                &format!("api/v1/states/{code}/timeline/{id}.json"),
                &json(&engine.timeline_doc(treaty, state))?,
                &mut report,
            )?;
        }
    }
    Ok(report)
}

/// `treatywatch site --out DIR`: the site for the dataset built in (or `data_dir`), as
/// of today (UTC). Returns the summary line to print.
pub fn run(out: &Path, data_dir: Option<&Path>) -> Result<String, String> {
    let app = match data_dir {
        None => App::embedded(crate::today_utc)?,
        Some(dir) => App::from_dir(dir, crate::today_utc)?,
    };
    let r = build(&app, out)?;
    Ok(format!(
        "wrote {} files ({:.1} MB) to {}: the map, every state's page and the documents for {} on {}; serve the directory at a site's root",
        r.files,
        r.bytes as f64 / 1e6,
        out.display(),
        r.treaties.join(", "),
        r.on
    ))
}
