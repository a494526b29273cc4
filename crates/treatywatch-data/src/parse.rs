//! Reading the dataset's text files into the model, keeping the file and line of every
//! fact. Parsing stops at nothing: every problem in every file is collected.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;
use treatywatch_core::evidence::{Aim, Record, RecordKind, Step, StepKind, Vote};
use treatywatch_core::obligations::ObligationRule;
use treatywatch_core::{
    Action, ActionKind, CodeSystem, ConflictPeriod, Dataset, Dated, Entity, EntityKind, Origin,
    PartialDate, Rules, Source, SourceDate, SourceId, SourceKind, State, StateCode, StateKind,
    SystemCode, Treaty, TreatyId, parse_date,
};

use crate::problem::{LineIndex, Problem};

/// A data file: its path relative to the data directory, and its text.
#[derive(Clone, Debug)]
pub struct DataFile {
    pub path: String,
    pub text: String,
}

/// Collects problems while parsing.
#[derive(Default)]
pub struct Parser {
    pub problems: Vec<Problem>,
    pub data: Dataset,
}

fn parse_toml<T: for<'de> Deserialize<'de>>(
    file: &DataFile,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match toml::from_str::<T>(&file.text) {
        Ok(v) => Some(v),
        Err(e) => {
            let line = e
                .span()
                .map_or(0, |s| LineIndex::new(&file.text).line(s.start));
            let message = e.message().trim().to_string();
            problems.push(Problem::error(&file.path, line, None, message));
            None
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: Spanned<String>,
    publisher: Spanned<String>,
    date: Spanned<String>,
    url: Spanned<String>,
    /// `publication` (default) or `record`.
    #[serde(default)]
    kind: SourceKind,
    /// Facts the source supports, in the curator's words (kept for curators).
    #[serde(default)]
    #[allow(dead_code)]
    supports: Vec<String>,
    /// A curator's note on the source.
    #[serde(default)]
    #[allow(dead_code)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawState {
    name: Spanned<String>,
    #[serde(default)]
    formal: String,
    kind: StateKind,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    former: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    independence: Option<Spanned<String>>,
    independence_source: Option<Spanned<String>>,
    from: Option<Spanned<String>>,
    from_source: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    name: Spanned<String>,
    kind: EntityKind,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    successors: Vec<Spanned<String>>,
    continued_by: Option<Spanned<String>>,
    part_of: Option<Spanned<String>>,
    from: Option<Spanned<String>>,
    until: Option<Spanned<String>>,
    #[serde(default)]
    sources: Vec<Spanned<String>>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTreaty {
    id: Spanned<String>,
    name: String,
    short_name: String,
    #[serde(default)]
    aliases: Vec<String>,
    untc: Option<String>,
    adopted: Option<Spanned<String>>,
    opened_for_signature: Option<Spanned<String>>,
    entry_into_force: Option<Spanned<String>>,
    known_until: Option<Spanned<String>>,
    #[serde(default)]
    sources: Vec<Spanned<String>>,
    #[serde(default)]
    status_sources: Vec<Spanned<String>>,
    #[serde(default)]
    rules: Rules,
    #[serde(default)]
    obligations: Vec<Spanned<ObligationRule>>,
}

/// `dataset.toml`: the dataset's name, version and licence.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDatasetMeta {
    title: String,
    version: Spanned<String>,
    license: String,
    license_url: Spanned<String>,
}

impl Parser {
    fn origin(path: &Arc<str>, line: u32) -> Origin {
        Origin {
            file: path.clone(),
            line,
        }
    }

    fn date_field(
        &mut self,
        file: &DataFile,
        lines: &LineIndex,
        field: &str,
        value: &Spanned<String>,
    ) -> Option<treatywatch_core::Date> {
        match parse_date(value.get_ref().trim()) {
            Ok(d) => Some(d),
            Err(e) => {
                let line = lines.line(value.span().start);
                self.problems
                    .push(Problem::error(&file.path, line, Some(field), e.to_string()));
                None
            }
        }
    }

    /// `dataset.toml`: the dataset's name, version and licence.
    pub fn dataset_meta(&mut self, file: &DataFile) {
        let lines = LineIndex::new(&file.text);
        let Some(raw) = parse_toml::<RawDatasetMeta>(file, &mut self.problems) else {
            return;
        };
        let version = raw.version.get_ref().trim();
        if version.is_empty()
            || !version
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
        {
            self.problems.push(Problem::error(
                &file.path,
                lines.line(raw.version.span().start),
                Some("version"),
                "a version is letters, digits, `.`, `-` or `+`, such as `2026.1`",
            ));
        }
        let url = raw.license_url.get_ref().trim();
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            self.problems.push(Problem::error(
                &file.path,
                lines.line(raw.license_url.span().start),
                Some("license_url"),
                "an http(s) URL of the licence's text",
            ));
        }
        self.data.meta.title = raw.title.trim().to_string();
        self.data.meta.version = version.to_string();
        self.data.meta.license = raw.license.trim().to_string();
        self.data.meta.license_url = url.to_string();
    }

    /// `sources.toml`: one table per source, keyed by its id.
    pub fn sources(&mut self, file: &DataFile) {
        let lines = LineIndex::new(&file.text);
        let Some(raw) =
            parse_toml::<BTreeMap<Spanned<String>, RawSource>>(file, &mut self.problems)
        else {
            return;
        };
        let path: Arc<str> = file.path.as_str().into();
        for (id, s) in raw {
            let line = lines.line(id.span().start);
            let mut ok = true;
            for (field, value) in [
                ("title", &s.title),
                ("publisher", &s.publisher),
                ("url", &s.url),
            ] {
                if value.get_ref().trim().is_empty() {
                    let l = lines.line(value.span().start);
                    self.problems.push(Problem::error(
                        &file.path,
                        l,
                        Some(field),
                        format!("source `{}` has an empty {field}", id.get_ref()),
                    ));
                    ok = false;
                }
            }
            let date = match s.date.get_ref().trim().parse::<SourceDate>() {
                Ok(d) => Some(d),
                Err(e) => {
                    let l = lines.line(s.date.span().start);
                    self.problems
                        .push(Problem::error(&file.path, l, Some("date"), e.to_string()));
                    None
                }
            };
            let url = s.url.get_ref().trim();
            match url::Url::parse(url) {
                Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {}
                _ if url.is_empty() => {}
                _ => {
                    let l = lines.line(s.url.span().start);
                    self.problems.push(Problem::error(
                        &file.path,
                        l,
                        Some("url"),
                        format!("`{url}` is not an http(s) URL"),
                    ));
                    ok = false;
                }
            }
            if !id_is_valid(id.get_ref()) {
                self.problems.push(Problem::error(
                    &file.path,
                    line,
                    Some("id"),
                    format!(
                        "source id `{}` must be lower-case letters, digits, `-` and `.`",
                        id.get_ref()
                    ),
                ));
                ok = false;
            }
            if let (true, Some(date)) = (ok, date) {
                self.data.sources.push(Source {
                    id: SourceId(id.into_inner()),
                    title: s.title.into_inner().trim().to_string(),
                    publisher: s.publisher.into_inner().trim().to_string(),
                    date,
                    url: url.to_string(),
                    kind: s.kind,
                    origin: Parser::origin(&path, line),
                });
            }
        }
    }

    /// `states.toml`: one table per state, keyed by its alpha-3 code.
    pub fn states(&mut self, file: &DataFile) {
        let lines = LineIndex::new(&file.text);
        let Some(raw) = parse_toml::<BTreeMap<Spanned<String>, RawState>>(file, &mut self.problems)
        else {
            return;
        };
        let path: Arc<str> = file.path.as_str().into();
        for (code, s) in raw {
            let line = lines.line(code.span().start);
            let parsed: StateCode = match code.get_ref().parse() {
                Ok(c) if code.get_ref().bytes().all(|b| b.is_ascii_uppercase()) => c,
                Ok(_) => {
                    self.problems.push(Problem::error(
                        &file.path,
                        line,
                        Some("code"),
                        format!("state code `{}` must be upper-case", code.get_ref()),
                    ));
                    continue;
                }
                Err(e) => {
                    self.problems.push(Problem::error(
                        &file.path,
                        line,
                        Some("code"),
                        e.to_string(),
                    ));
                    continue;
                }
            };
            if s.name.get_ref().trim().is_empty() {
                let l = lines.line(s.name.span().start);
                self.problems
                    .push(Problem::error(&file.path, l, Some("name"), "empty name"));
            }
            let independence = match (&s.independence, &s.independence_source) {
                (None, None) => None,
                (Some(d), Some(src)) => {
                    self.date_field(file, &lines, "independence", d)
                        .map(|date| Dated {
                            date,
                            source: SourceId(src.get_ref().trim().to_string()),
                        })
                }
                (Some(d), None) => {
                    let l = lines.line(d.span().start);
                    self.problems.push(Problem::error(
                        &file.path,
                        l,
                        Some("independence_source"),
                        "an independence date needs an `independence_source`",
                    ));
                    None
                }
                (None, Some(src)) => {
                    let l = lines.line(src.span().start);
                    self.problems.push(Problem::error(
                        &file.path,
                        l,
                        Some("independence"),
                        "`independence_source` without an `independence` date",
                    ));
                    None
                }
            };
            let from = match (&s.from, &s.from_source) {
                (None, None) => None,
                (Some(d), Some(src)) => {
                    self.date_field(file, &lines, "from", d).map(|date| Dated {
                        date,
                        source: SourceId(src.get_ref().trim().to_string()),
                    })
                }
                (Some(d), None) => {
                    let l = lines.line(d.span().start);
                    self.problems.push(Problem::error(
                        &file.path,
                        l,
                        Some("from_source"),
                        "a `from` day needs a `from_source`",
                    ));
                    None
                }
                (None, Some(src)) => {
                    let l = lines.line(src.span().start);
                    self.problems.push(Problem::error(
                        &file.path,
                        l,
                        Some("from"),
                        "`from_source` without a `from` day",
                    ));
                    None
                }
            };
            self.data.states.push(State {
                code: parsed,
                name: s.name.into_inner().trim().to_string(),
                formal: s.formal,
                kind: s.kind,
                aliases: s.aliases,
                former: s.former,
                demonyms: s.demonyms,
                independence,
                from,
                origin: Parser::origin(&path, line),
            });
        }
    }

    /// `entities.toml`: participants that are not states (former states,
    /// organisations, territories), one table per entity, keyed by its id.
    pub fn entities(&mut self, file: &DataFile) {
        let lines = LineIndex::new(&file.text);
        let Some(raw) =
            parse_toml::<BTreeMap<Spanned<String>, RawEntity>>(file, &mut self.problems)
        else {
            return;
        };
        let path: Arc<str> = file.path.as_str().into();
        for (id, e) in raw {
            let line = lines.line(id.span().start);
            let id_ok = (2..=16).contains(&id.get_ref().len())
                && id.get_ref().as_bytes()[0].is_ascii_uppercase()
                && id
                    .get_ref()
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
            if !id_ok {
                self.problems.push(Problem::error(
                    &file.path,
                    line,
                    Some("id"),
                    format!(
                        "entity id `{}` must be 2 to 16 upper-case letters, digits or `-`, \
                         starting with a letter (YUG, EU)",
                        id.get_ref()
                    ),
                ));
                continue;
            }
            if e.name.get_ref().trim().is_empty() {
                let l = lines.line(e.name.span().start);
                self.problems
                    .push(Problem::error(&file.path, l, Some("name"), "empty name"));
            }
            let mut code = |field: &str, v: &Spanned<String>| -> Option<StateCode> {
                let l = lines.line(v.span().start);
                match v.get_ref().parse::<StateCode>() {
                    Ok(c) if v.get_ref().bytes().all(|b| b.is_ascii_uppercase()) => Some(c),
                    _ => {
                        self.problems.push(Problem::error(
                            &file.path,
                            l,
                            Some(field),
                            format!(
                                "`{}` is not an upper-case ISO 3166-1 alpha-3 code",
                                v.get_ref()
                            ),
                        ));
                        None
                    }
                }
            };
            let successors: Vec<StateCode> = e
                .successors
                .iter()
                .filter_map(|v| code("successors", v))
                .collect();
            let continued_by = e
                .continued_by
                .as_ref()
                .and_then(|v| code("continued_by", v));
            let part_of = e.part_of.as_ref().and_then(|v| code("part_of", v));
            let from = e
                .from
                .as_ref()
                .and_then(|d| self.date_field(file, &lines, "from", d));
            let until = e
                .until
                .as_ref()
                .and_then(|d| self.date_field(file, &lines, "until", d));
            if e.sources.is_empty() {
                self.problems.push(Problem::error(
                    &file.path,
                    line,
                    Some("sources"),
                    "every entity needs at least one source id from sources.toml",
                ));
            }
            self.data.entities.push(Entity {
                id: id.into_inner(),
                name: e.name.into_inner().trim().to_string(),
                kind: e.kind,
                aliases: e.aliases,
                successors,
                continued_by,
                part_of,
                from,
                until,
                sources: e
                    .sources
                    .into_iter()
                    .map(|s| SourceId(s.into_inner().trim().to_string()))
                    .collect(),
                note: e.note,
                origin: Parser::origin(&path, line),
            });
        }
    }

    /// `treaties/<id>.toml`: one treaty and its rules.
    pub fn treaty(&mut self, file: &DataFile) {
        let lines = LineIndex::new(&file.text);
        let Some(raw) = parse_toml::<RawTreaty>(file, &mut self.problems) else {
            return;
        };
        let stem = file_stem(&file.path);
        let id_line = lines.line(raw.id.span().start);
        if !TreatyId::is_valid(raw.id.get_ref()) {
            self.problems.push(Problem::error(
                &file.path,
                id_line,
                Some("id"),
                format!(
                    "treaty id `{}` must be a lower-case slug such as `apmbc`",
                    raw.id.get_ref()
                ),
            ));
            return;
        }
        if raw.id.get_ref() != stem {
            self.problems.push(Problem::error(
                &file.path,
                id_line,
                Some("id"),
                format!(
                    "treaty id `{}` does not match the file name `{stem}.toml`",
                    raw.id.get_ref()
                ),
            ));
        }
        let adopted = raw
            .adopted
            .as_ref()
            .and_then(|d| self.date_field(file, &lines, "adopted", d));
        let opened = raw
            .opened_for_signature
            .as_ref()
            .and_then(|d| self.date_field(file, &lines, "opened_for_signature", d));
        let eif = raw
            .entry_into_force
            .as_ref()
            .and_then(|d| self.date_field(file, &lines, "entry_into_force", d));
        let known_until = raw
            .known_until
            .as_ref()
            .and_then(|d| self.date_field(file, &lines, "known_until", d));
        let ids = |v: Vec<Spanned<String>>| -> Vec<SourceId> {
            v.into_iter()
                .map(|s| SourceId(s.into_inner().trim().to_string()))
                .collect()
        };
        let mut obligations = Vec::new();
        let rules: Vec<ObligationRule> = raw
            .obligations
            .iter()
            .map(|o| o.get_ref().clone())
            .collect();
        for o in &raw.obligations {
            match o.get_ref().validate(&rules) {
                Ok(()) => obligations.push(o.get_ref().clone()),
                Err(e) => self.problems.push(Problem::error(
                    &file.path,
                    lines.line(o.span().start),
                    Some("obligations"),
                    e,
                )),
            }
        }
        for (i, o) in rules.iter().enumerate() {
            if rules[..i].iter().any(|p| p.id == o.id) {
                self.problems.push(Problem::error(
                    &file.path,
                    lines.line(raw.obligations[i].span().start),
                    Some("obligations"),
                    format!("a second obligation with the id `{}`", o.id),
                ));
            }
        }
        let path: Arc<str> = file.path.as_str().into();
        let mut field_origins = Vec::new();
        let mut note = |field: &'static str, start: Option<usize>| {
            if let Some(start) = start {
                field_origins.push((field, Parser::origin(&path, lines.line(start))));
            }
        };
        note("adopted", raw.adopted.as_ref().map(|s| s.span().start));
        note(
            "opened_for_signature",
            raw.opened_for_signature.as_ref().map(|s| s.span().start),
        );
        note(
            "entry_into_force",
            raw.entry_into_force.as_ref().map(|s| s.span().start),
        );
        note("sources", raw.sources.first().map(|s| s.span().start));
        note(
            "status_sources",
            raw.status_sources.first().map(|s| s.span().start),
        );
        self.data.treaties.push(Treaty {
            id: TreatyId(raw.id.into_inner()),
            aliases: raw.aliases,
            name: raw.name,
            short_name: raw.short_name,
            untc: raw.untc,
            adopted,
            opened_for_signature: opened,
            entry_into_force: eif,
            known_until,
            rules: raw.rules,
            sources: ids(raw.sources),
            status_sources: ids(raw.status_sources),
            obligations,
            origin: Parser::origin(&path, id_line),
            field_origins,
        });
    }

    /// `actions/<treaty>.csv`: `state,action,date,source,note`.
    pub fn actions(&mut self, file: &DataFile) {
        let treaty = TreatyId(file_stem(&file.path).to_string());
        let path: Arc<str> = file.path.as_str().into();
        let header = ["state", "action", "date", "source", "note"];
        self.csv(file, &header, |p, line, row| {
            let state = p.code_field(file, line, row[0]);
            let kind = match row[1].parse::<ActionKind>() {
                Ok(k) => Some(k),
                Err(e) => {
                    p.problems
                        .push(Problem::error(&file.path, line, Some("action"), e));
                    None
                }
            };
            let date = p.csv_date(file, line, "date", row[2]);
            let source = p.source_field(file, line, row[3]);
            if let (Some(state), Some(kind), Some(date), Some(source)) = (state, kind, date, source)
            {
                p.data.actions.push(Action {
                    treaty: treaty.clone(),
                    state,
                    kind,
                    date,
                    sources: source,
                    note: row[4].to_string(),
                    origin: Parser::origin(&path, line),
                });
            }
        });
    }

    /// `conflicts.csv`: `state,start,end,description,source`.
    pub fn conflicts(&mut self, file: &DataFile) {
        let path: Arc<str> = file.path.as_str().into();
        let header = ["state", "start", "end", "description", "source"];
        self.csv(file, &header, |p, line, row| {
            let state = p.code_field(file, line, row[0]);
            let start = p.csv_date(file, line, "start", row[1]);
            let end = if row[2].is_empty() {
                Some(None)
            } else {
                p.csv_date(file, line, "end", row[2]).map(Some)
            };
            if row[3].is_empty() {
                p.problems.push(Problem::error(
                    &file.path,
                    line,
                    Some("description"),
                    "describe the conflict (for example: Russia-Ukraine international armed conflict)",
                ));
            }
            let source = p.source_field(file, line, row[4]);
            if let (Some(state), Some(start), Some(end), Some(source)) = (state, start, end, source)
            {
                p.data.conflicts.push(ConflictPeriod {
                    state,
                    start,
                    end,
                    description: row[3].to_string(),
                    sources: source,
                    origin: Parser::origin(&path, line),
                });
            }
        });
    }

    /// `codes.csv`: research codes of states, `id,system,code,from,until,source`.
    pub fn codes(&mut self, file: &DataFile) {
        let path: Arc<str> = file.path.as_str().into();
        let header = ["id", "system", "code", "from", "until", "source"];
        self.csv(file, &header, |p, line, row| {
            let id = row[0];
            let id_ok = (2..=8).contains(&id.len())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
            if !id_ok {
                p.problems.push(Problem::error(
                    &file.path,
                    line,
                    Some("id"),
                    format!(
                        "`{id}` is not a state's alpha-3 code or an entity's id (upper case, \
                         such as FIN or CSK)"
                    ),
                ));
            }
            let system = match row[1] {
                "iso3n" => Some(CodeSystem::Iso3n),
                "cow" => Some(CodeSystem::Cow),
                "gw" => Some(CodeSystem::Gw),
                other => {
                    p.problems.push(Problem::error(
                        &file.path,
                        line,
                        Some("system"),
                        format!("unknown code system `{other}`: expected iso3n, cow or gw"),
                    ));
                    None
                }
            };
            let code = match row[2].parse::<u16>() {
                Ok(c) if c > 0 && c < 1000 => Some(c),
                _ => {
                    p.problems.push(Problem::error(
                        &file.path,
                        line,
                        Some("code"),
                        format!("`{}` is not a code from 1 to 999", row[2]),
                    ));
                    None
                }
            };
            let bound = |p: &mut Parser, field: &str, v: &str| {
                if v.is_empty() {
                    Some(None)
                } else {
                    p.csv_date(file, line, field, v).map(Some)
                }
            };
            let from = bound(p, "from", row[3]);
            let until = bound(p, "until", row[4]);
            if let (Some(Some(f)), Some(Some(u))) = (from, until)
                && u < f
            {
                p.problems.push(Problem::error(
                    &file.path,
                    line,
                    Some("until"),
                    format!("until {u} is before from {f}"),
                ));
            }
            let source = p.source_field(file, line, row[5]);
            if let (true, Some(system), Some(code), Some(from), Some(until), Some(mut source)) =
                (id_ok, system, code, from, until, source)
            {
                p.data.codes.push(SystemCode {
                    id: id.to_string(),
                    system,
                    code,
                    from,
                    until,
                    source: source.remove(0),
                    origin: Parser::origin(&path, line),
                });
            }
        });
    }

    /// `evidence/<treaty>.csv`: domestic steps,
    /// `state,date,step,aim,body,vote,summary,source`.
    pub fn steps(&mut self, file: &DataFile) {
        let treaty = TreatyId(file_stem(&file.path).to_string());
        let path: Arc<str> = file.path.as_str().into();
        let header = [
            "state", "date", "step", "aim", "body", "vote", "summary", "source",
        ];
        self.csv(file, &header, |p, line, row| {
            let state = p.code_field(file, line, row[0]);
            let date = p.partial_date(file, line, "date", row[1]);
            let kind = p.named::<StepKind>(file, line, "step", row[2]);
            let aim = p.named::<Aim>(file, line, "aim", row[3]);
            let vote = if row[5].is_empty() {
                Some(None)
            } else {
                p.named::<Vote>(file, line, "vote", row[5]).map(Some)
            };
            if row[6].is_empty() {
                p.problems.push(Problem::error(
                    &file.path,
                    line,
                    Some("summary"),
                    "say what happened, in our own words",
                ));
            }
            let sources = p.source_field(file, line, row[7]);
            if let (Some(state), Some(date), Some(kind), Some(aim), Some(vote), Some(sources)) =
                (state, date, kind, aim, vote, sources)
            {
                p.data.steps.push(Step {
                    treaty: treaty.clone(),
                    state,
                    date,
                    kind,
                    aim,
                    body: row[4].to_string(),
                    vote,
                    summary: row[6].to_string(),
                    sources,
                    origin: Parser::origin(&path, line),
                });
            }
        });
    }

    /// `records/<treaty>.csv`: `state,kind,date,value,detail,source,note`.
    pub fn records(&mut self, file: &DataFile) {
        let treaty = TreatyId(file_stem(&file.path).to_string());
        let path: Arc<str> = file.path.as_str().into();
        let header = ["state", "kind", "date", "value", "detail", "source", "note"];
        self.csv(file, &header, |p, line, row| {
            let state = p.code_field(file, line, row[0]);
            let kind = p.named::<RecordKind>(file, line, "kind", row[1]);
            let date = p.partial_date(file, line, "date", row[2]);
            let value = kind.and_then(|k| match k.parse_value(row[3]) {
                Ok(v) => Some(v),
                Err(e) => {
                    p.problems
                        .push(Problem::error(&file.path, line, Some("value"), e));
                    None
                }
            });
            if kind == Some(RecordKind::UseAllegation) && row[4].is_empty() {
                p.problems.push(Problem::error(
                    &file.path,
                    line,
                    Some("detail"),
                    "an allegation of use needs where it happened and how it was confirmed",
                ));
            }
            let sources = p.source_field(file, line, row[5]);
            if let (Some(state), Some(kind), Some(date), Some(value), Some(sources)) =
                (state, kind, date, value, sources)
            {
                p.data.records.push(Record {
                    treaty: treaty.clone(),
                    state,
                    kind,
                    date,
                    value,
                    detail: row[4].to_string(),
                    note: row[6].to_string(),
                    sources,
                    origin: Parser::origin(&path, line),
                });
            }
        });
    }

    fn partial_date(
        &mut self,
        file: &DataFile,
        line: u32,
        field: &str,
        value: &str,
    ) -> Option<PartialDate> {
        match value.parse::<PartialDate>() {
            Ok(PartialDate::Undated) => {
                self.problems.push(Problem::error(
                    &file.path,
                    line,
                    Some(field),
                    "a fact needs a date: YYYY-MM-DD, YYYY-MM or YYYY",
                ));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                self.problems
                    .push(Problem::error(&file.path, line, Some(field), e.to_string()));
                None
            }
        }
    }

    fn named<T: std::str::FromStr<Err = String>>(
        &mut self,
        file: &DataFile,
        line: u32,
        field: &str,
        value: &str,
    ) -> Option<T> {
        match value.parse::<T>() {
            Ok(v) => Some(v),
            Err(e) => {
                self.problems
                    .push(Problem::error(&file.path, line, Some(field), e));
                None
            }
        }
    }

    fn code_field(&mut self, file: &DataFile, line: u32, value: &str) -> Option<StateCode> {
        match value.parse::<StateCode>() {
            Ok(c) if value.bytes().all(|b| b.is_ascii_uppercase()) => Some(c),
            Ok(_) => {
                self.problems.push(Problem::error(
                    &file.path,
                    line,
                    Some("state"),
                    format!("state code `{value}` must be upper-case"),
                ));
                None
            }
            Err(e) => {
                self.problems.push(Problem::error(
                    &file.path,
                    line,
                    Some("state"),
                    e.to_string(),
                ));
                None
            }
        }
    }

    fn csv_date(
        &mut self,
        file: &DataFile,
        line: u32,
        field: &str,
        value: &str,
    ) -> Option<treatywatch_core::Date> {
        match parse_date(value) {
            Ok(d) => Some(d),
            Err(e) => {
                self.problems
                    .push(Problem::error(&file.path, line, Some(field), e.to_string()));
                None
            }
        }
    }

    /// One or more source ids, separated by `;`.
    fn source_field(&mut self, file: &DataFile, line: u32, value: &str) -> Option<Vec<SourceId>> {
        let ids: Vec<SourceId> = value
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| SourceId(s.to_string()))
            .collect();
        if ids.is_empty() {
            self.problems.push(Problem::error(
                &file.path,
                line,
                Some("source"),
                "every row needs a source: one or more ids from sources.toml, separated by `;`",
            ));
            return None;
        }
        Some(ids)
    }

    /// Reads a CSV file with the exact `header`, `#` comment lines, and trimmed fields,
    /// calling `row` for each record with its line number.
    fn csv(
        &mut self,
        file: &DataFile,
        header: &[&str],
        mut row: impl FnMut(&mut Parser, u32, &[&str]),
    ) {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .comment(Some(b'#'))
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(file.text.as_bytes());
        let lines = LineIndex::new(&file.text);
        let mut seen_header = false;
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e
                        .position()
                        .map_or(0, |p| record_line(&file.text, &lines, p.byte() as usize));
                    self.problems.push(Problem::error(
                        &file.path,
                        line,
                        None,
                        format!("unreadable CSV: {e}"),
                    ));
                    return;
                }
            };
            let line = record
                .position()
                .map_or(0, |p| record_line(&file.text, &lines, p.byte() as usize));
            let fields: Vec<&str> = record.iter().collect();
            if !seen_header {
                seen_header = true;
                if fields != header {
                    self.problems.push(Problem::error(
                        &file.path,
                        line,
                        None,
                        format!(
                            "the header must be `{}`, found `{}`",
                            header.join(","),
                            fields.join(",")
                        ),
                    ));
                    return;
                }
                continue;
            }
            if fields.len() != header.len() {
                self.problems.push(Problem::error(
                    &file.path,
                    line,
                    None,
                    format!(
                        "expected {} fields ({}), found {}",
                        header.len(),
                        header.join(","),
                        fields.len()
                    ),
                ));
                continue;
            }
            row(self, line, &fields);
        }
        if !seen_header {
            self.problems.push(Problem::error(
                &file.path,
                1,
                None,
                format!("empty file: expected the header `{}`", header.join(",")),
            ));
        }
    }
}

/// The line a CSV record starts on. The csv crate reports the position where it began
/// skipping blank and comment lines before the record, so skip them here too.
fn record_line(text: &str, lines: &LineIndex, mut offset: usize) -> u32 {
    while offset < text.len() {
        let rest = &text[offset..];
        let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = rest[..end].trim_end_matches(['\n', '\r']);
        if !(line.is_empty() || line.starts_with('#')) {
            break;
        }
        offset += end;
    }
    lines.line(offset)
}

fn id_is_valid(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

/// `actions/apmbc.csv` -> `apmbc`.
pub fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.split_once('.').map_or(name, |(stem, _)| stem)
}
