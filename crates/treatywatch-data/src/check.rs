//! The dataset check: every reference resolves, every fact is sourced, and the record of
//! each state makes sense in time.

use std::collections::{HashMap, HashSet};

use jiff::ToSpan;
use treatywatch_core::engine::Engine;
use treatywatch_core::names::normalize;
use treatywatch_core::rules::{GeneralEntry, SignatureRule, SuccessionRule};
use treatywatch_core::{
    ActionKind, ConsentKind, Dataset, Date, Origin, SourceId, StateCode, Status,
};

use crate::problem::Problem;

fn at(origin: &Origin, field: Option<&str>, message: impl Into<String>) -> Problem {
    Problem::error(&origin.file, origin.line, field, message)
}

/// Checks a parsed dataset. `today` bounds the dates of facts: nothing recorded can have
/// happened after it.
pub fn check(data: &Dataset, today: Date) -> Vec<Problem> {
    let mut problems = Vec::new();
    let sources: HashSet<&str> = data.sources.iter().map(|s| s.id.0.as_str()).collect();
    let mut used: HashSet<String> = HashSet::new();
    let states: HashSet<_> = data.states.iter().map(|s| s.code).collect();

    let mut need_source =
        |origin: &Origin, field: &str, id: &SourceId, problems: &mut Vec<Problem>| {
            if sources.contains(id.0.as_str()) {
                used.insert(id.0.clone());
            } else {
                problems.push(at(
                    origin,
                    Some(field),
                    format!("source `{id}` is not defined in sources.toml"),
                ));
            }
        };

    if data.meta.version.is_empty() {
        problems.push(Problem::warning(
            "dataset.toml",
            0,
            None,
            "no dataset.toml: the data has no version or licence, and every document will call \
             it `unversioned`; copy the repository's data/dataset.toml and set its version",
        ));
    }

    // Duplicate definitions (the TOML tables already forbid duplicate keys in one file).
    let mut seen_treaties = HashMap::new();
    for t in &data.treaties {
        if let Some(first) = seen_treaties.insert(t.id.clone(), &t.origin) {
            problems.push(at(
                &t.origin,
                Some("id"),
                format!("treaty `{}` is already defined at {first}", t.id),
            ));
        }
        for id in t.sources.iter() {
            need_source(t.origin_of("sources"), "sources", id, &mut problems);
        }
        for id in t.status_sources.iter() {
            need_source(
                t.origin_of("status_sources"),
                "status_sources",
                id,
                &mut problems,
            );
        }
        if t.sources.is_empty() {
            problems.push(at(
                &t.origin,
                Some("sources"),
                "a treaty needs at least one source for its text and rules",
            ));
        }
    }
    for s in &data.states {
        if let Some(from) = &s.from {
            need_source(&s.origin, "from_source", &from.source, &mut problems);
        }
        if let Some(ind) = &s.independence {
            need_source(&s.origin, "independence_source", &ind.source, &mut problems);
            if ind.date > today {
                problems.push(at(&s.origin, Some("independence"), "date is in the future"));
            }
        }
    }
    for e in &data.entities {
        for id in &e.sources {
            need_source(&e.origin, "sources", id, &mut problems);
        }
    }
    check_entities(data, &states, &mut problems);
    for s in &data.sources {
        if s.date == treatywatch_core::SourceDate::Undated
            && s.kind == treatywatch_core::SourceKind::Publication
        {
            problems.push(Problem::warning(
                &s.origin.file,
                s.origin.line,
                Some("date"),
                format!(
                    "source `{}` is undated: facts resting on it alone never count as public \
                     for --known-on (a record page can say `kind = \"record\"`)",
                    s.id
                ),
            ));
        }
        if s.date.earliest().is_some_and(|d| d > today) {
            problems.push(at(
                &s.origin,
                Some("date"),
                "the source's date is in the future",
            ));
        }
    }

    // Research codes: each names a state or a historical state, once per system and day.
    let entity_ids: HashSet<&str> = data
        .entities
        .iter()
        .filter(|e| e.kind == treatywatch_core::EntityKind::HistoricalState)
        .map(|e| e.id.as_str())
        .collect();
    for (i, c) in data.codes.iter().enumerate() {
        let is_state =
            c.id.parse::<treatywatch_core::StateCode>()
                .is_ok_and(|code| states.contains(&code));
        if !is_state && !entity_ids.contains(c.id.as_str()) {
            problems.push(at(
                &c.origin,
                Some("id"),
                format!(
                    "`{}` is neither a state in states.toml nor a historical state in \
                     entities.toml",
                    c.id
                ),
            ));
        }
        need_source(&c.origin, "source", &c.source, &mut problems);
        if let Some(o) = data.codes[..i].iter().find(|o| {
            o.id == c.id
                && o.system == c.system
                && o.from.is_none_or(|f| c.until.is_none_or(|u| f <= u))
                && c.from.is_none_or(|f| o.until.is_none_or(|u| f <= u))
        }) {
            problems.push(at(
                &c.origin,
                Some("from"),
                format!(
                    "a second {} code for {} over days that {}:{} already covers",
                    c.system.as_str(),
                    c.id,
                    o.origin.file,
                    o.origin.line
                ),
            ));
        }
    }

    // Conflicts.
    for c in &data.conflicts {
        if !states.contains(&c.state) {
            problems.push(at(
                &c.origin,
                Some("state"),
                format!("unknown state code `{}`: not in states.toml", c.state),
            ));
        }
        for id in &c.sources {
            need_source(&c.origin, "source", id, &mut problems);
        }
        if let Some(end) = c.end {
            if end <= c.start {
                problems.push(at(
                    &c.origin,
                    Some("end"),
                    "the conflict ends before it starts",
                ));
            }
            if end > today {
                problems.push(at(&c.origin, Some("end"), "date is in the future"));
            }
        }
        if c.start > today {
            problems.push(at(&c.origin, Some("start"), "date is in the future"));
        }
    }

    // Actions: references, duplicates, dates.
    let treaty_ids: HashSet<_> = data.treaties.iter().map(|t| t.id.clone()).collect();
    let mut seen_rows: HashMap<(String, String, ActionKind, Date), &Origin> = HashMap::new();
    for a in &data.actions {
        if !treaty_ids.contains(&a.treaty) {
            problems.push(at(
                &a.origin,
                None,
                format!(
                    "no treaty `{}` is defined: add treaties/{}.toml",
                    a.treaty, a.treaty
                ),
            ));
        }
        if !states.contains(&a.state) {
            problems.push(at(
                &a.origin,
                Some("state"),
                format!("unknown state code `{}`: not in states.toml", a.state),
            ));
        }
        for id in &a.sources {
            need_source(&a.origin, "source", id, &mut problems);
        }
        if a.date > today {
            problems.push(at(
                &a.origin,
                Some("date"),
                format!(
                    "{} is in the future: only facts that happened belong here",
                    a.date
                ),
            ));
        }
        let key = (a.treaty.0.clone(), a.state.to_string(), a.kind, a.date);
        if let Some(first) = seen_rows.insert(key, &a.origin) {
            problems.push(at(
                &a.origin,
                None,
                format!("duplicate row: the same action is already recorded at {first}"),
            ));
        }
    }

    // Domestic steps and records: references and dates.
    let treaty_ids_all: HashSet<_> = data.treaties.iter().map(|t| t.id.clone()).collect();
    let facts = data
        .steps
        .iter()
        .map(|st| (&st.treaty, st.state, &st.date, &st.sources, &st.origin))
        .chain(
            data.records
                .iter()
                .map(|r| (&r.treaty, r.state, &r.date, &r.sources, &r.origin)),
        );
    for (treaty, state, date, srcs, origin) in facts {
        if !treaty_ids_all.contains(treaty) {
            problems.push(at(
                origin,
                None,
                format!("no treaty `{treaty}` is defined: add treaties/{treaty}.toml"),
            ));
        }
        if !states.contains(&state) {
            problems.push(at(
                origin,
                Some("state"),
                format!("unknown state code `{state}`: not in states.toml"),
            ));
        }
        for id in srcs {
            need_source(origin, "source", id, &mut problems);
        }
        if date.earliest().is_some_and(|d| d > today) {
            problems.push(at(origin, Some("date"), format!("{date} is in the future")));
        }
    }
    for r in &data.records {
        if let (treatywatch_core::evidence::RecordValue::Date(deadline), Some(decided)) =
            (r.value, r.date.earliest())
            && r.kind.is_deadline_decision()
            && deadline <= decided
        {
            problems.push(at(
                &r.origin,
                Some("value"),
                format!(
                    "an extension granted on {} must set a later deadline, not {deadline}",
                    r.date
                ),
            ));
        }
    }

    check_source_hygiene(data, &mut problems);
    check_obligation_records(data, &mut problems);

    for s in &data.sources {
        if !used.contains(&s.id.0) {
            problems.push(Problem::warning(
                &s.origin.file,
                s.origin.line,
                None,
                format!("source `{}` is not cited by any fact", s.id),
            ));
        }
    }

    // From here on, reasoning needs a consistent set of references.
    if problems.iter().any(Problem::is_error) {
        return problems;
    }

    let engine = Engine::new(data);
    for c in engine.name_collisions() {
        let second = data
            .state(c.second)
            .expect("collision between known states");
        problems.push(at(
            &second.origin,
            None,
            format!(
                "the name `{}` is claimed by both {} and {}: names must be unique",
                c.name, c.first, c.second
            ),
        ));
    }

    // No obligation outlives a withdrawal: no milestone after the withdrawal took effect.
    for r in &data.records {
        let (Some(treaty), Some(state)) = (data.treaty(&r.treaty.0), data.state(r.state)) else {
            continue;
        };
        if !r.kind.is_obligation_milestone() {
            continue;
        }
        let Some(day) = r.date.earliest() else {
            continue;
        };
        if engine.status_only(treaty, state, day) == Status::Withdrawn {
            problems.push(at(
                &r.origin,
                Some("kind"),
                format!(
                    "a {} dated {} after {}'s withdrawal took effect: obligations end with it",
                    r.kind, r.date, state.code
                ),
            ));
        }
    }

    for treaty in &data.treaties {
        let general_date = match engine.general_entry(treaty) {
            GeneralEntry::InForce { date, .. } => Some(*date),
            _ => None,
        };
        let general = engine.computed_general_entry(treaty);
        // A treaty with no recorded action (only its rules) has nothing to check.
        let recorded = treaty
            .entry_into_force
            .filter(|_| engine.has_actions(treaty));
        if let Some(recorded) = recorded {
            match general {
                GeneralEntry::InForce { date, .. } if *date == recorded => {}
                GeneralEntry::InForce {
                    date,
                    threshold_date,
                    ..
                } if *date > recorded => problems.push(recorded_used(
                    treaty,
                    format!(
                        "recorded as {recorded}; the recorded deposits give {date} (threshold \
                         instrument deposited {threshold_date}): instruments that counted are \
                         missing from the record, so the recorded date is used"
                    ),
                )),
                GeneralEntry::InForce {
                    date,
                    threshold_date,
                    ..
                } => problems.push(at(
                    treaty.origin_of("entry_into_force"),
                    Some("entry_into_force"),
                    format!(
                        "recorded as {recorded}, but the rules and the deposits give {date} \
                         (threshold instrument deposited {threshold_date})"
                    ),
                )),
                GeneralEntry::NotYet { deposited, needed } => problems.push(recorded_used(
                    treaty,
                    format!(
                        "recorded as {recorded}, but only {deposited} of the {needed} \
                         instruments the rules require are recorded: the recorded date is used"
                    ),
                )),
                GeneralEntry::RuleUnknown | GeneralEntry::Overflow => {}
            }
        }
        for state in &data.states {
            let actions: Vec<_> = engine.actions(treaty, state).collect();
            let signed: Option<Date> = actions
                .iter()
                .find(|a| a.kind == ActionKind::Signature)
                .map(|a| a.date);
            let mut signatures = 0;
            for a in &actions {
                // A succession counts from independence, where that is the rule.
                let counts_from =
                    treatywatch_core::engine::counts_from(a, Some(&treaty.rules), Some(state));
                let day_before = counts_from.checked_sub(1.day()).unwrap_or(counts_from);
                let before = match a.kind {
                    // Declared with the signature or the instrument of the same day, which
                    // count first on that day.
                    ActionKind::SuspensionDeclared | ActionKind::ProvisionalApplication => {
                        engine.status_only(treaty, state, counts_from)
                    }
                    _ => engine.status_only(treaty, state, day_before),
                };
                match a.kind {
                    ActionKind::Signature => {
                        if let Some(opened) = treaty.opened_for_signature
                            && a.date < opened
                        {
                            problems.push(at(
                                &a.origin,
                                Some("date"),
                                format!(
                                    "signature on {} is before the treaty opened for \
                                         signature on {opened}",
                                    a.date
                                ),
                            ));
                        }
                        if let (SignatureRule::UntilEntryIntoForce, Some(eif)) =
                            (&treaty.rules.signature, general_date)
                            && a.date >= eif
                        {
                            problems.push(at(
                                &a.origin,
                                Some("date"),
                                format!(
                                    "signature on {} is after the treaty entered into \
                                         force ({eif}); from then on states join by accession",
                                    a.date
                                ),
                            ));
                        }
                        signatures += 1;
                        if signatures > 1 {
                            problems.push(at(&a.origin, Some("action"), "a second signature"));
                        }
                    }
                    ActionKind::Consent(kind) => {
                        // Acceptance and approval are also open to states that did not
                        // sign (the UN records such acceptances); ratification is not.
                        if kind == ConsentKind::Ratification
                            && !matches!(treaty.rules.signature, SignatureRule::Unknown)
                        {
                            match signed {
                                None => problems.push(at(
                                    &a.origin,
                                    Some("action"),
                                    format!(
                                        "{kind} without a signature: a state that did not sign \
                                         joins by accession"
                                    ),
                                )),
                                Some(s) if s > a.date => problems.push(at(
                                    &a.origin,
                                    Some("date"),
                                    format!("{kind} on {} is before the signature on {s}", a.date),
                                )),
                                _ => {}
                            }
                        }
                        if matches!(kind, ConsentKind::Succession)
                            && matches!(treaty.rules.succession, SuccessionRule::FromIndependence)
                            && state.independence.is_none()
                        {
                            problems.push(at(
                                &a.origin,
                                Some("action"),
                                format!(
                                    "a succession takes effect from independence: add \
                                     `independence` and `independence_source` for {} in \
                                     states.toml",
                                    state.code
                                ),
                            ));
                        }
                        if before.has_consented() {
                            problems.push(at(
                                &a.origin,
                                Some("action"),
                                format!(
                                    "{kind} by a state that has already consented and not left \
                                     (status the day before: {before})"
                                ),
                            ));
                        }
                        if let Some(adopted) = treaty.adopted
                            && a.date < adopted
                        {
                            problems.push(at(
                                &a.origin,
                                Some("date"),
                                format!("{kind} before the treaty was adopted ({adopted})"),
                            ));
                        }
                    }
                    ActionKind::Withdrawal => {
                        if before != Status::Party {
                            problems.push(at(
                                &a.origin,
                                Some("action"),
                                format!(
                                    "withdrawal by a state that is not a party: the day before \
                                     ({day_before}) its status is {before}"
                                ),
                            ));
                        }
                    }
                    ActionKind::WithdrawalRetracted => {
                        if before != Status::WithdrawalPending {
                            problems.push(at(
                                &a.origin,
                                Some("action"),
                                format!(
                                    "retraction without a pending withdrawal: the day before \
                                     ({day_before}) its status is {before}"
                                ),
                            ));
                        }
                    }
                    // A provisional application may come first: some treaties apply
                    // provisionally on a notification alone.
                    ActionKind::ProvisionalApplication => {}
                    ActionKind::SuspensionDeclared => {
                        if before == Status::NotSignatory {
                            problems.push(at(
                                &a.origin,
                                Some("action"),
                                format!(
                                    "{} by a state with no signature or consent recorded",
                                    a.kind
                                ),
                            ));
                        }
                    }
                }
            }
        }
    }
    problems
}

/// The warning that a treaty's recorded date of entry into force is used because the
/// recorded deposits cannot reach it.
/// What a vulnerability scanner leaves in a crawled URL's query or fragment: quotes,
/// markup, SQL. A clean citation never carries them.
const PROBE_MARKS: &[&str] = &[
    "'",
    "\"",
    "<",
    ">",
    "`",
    "{",
    "}",
    "\\",
    "select ",
    "union ",
    "sleep(",
    "benchmark(",
    "waitfor ",
    "1=1",
    "/*",
    "*/",
    "--",
    "javascript:",
    "fileadmin/",
    "%00",
];

/// Publishers whose own pages live on known hosts: a source naming one of them and
/// pointing elsewhere is likely a repost (a warning: cite the publisher's own page).
const PUBLISHER_HOSTS: &[(&str, &[&str])] = &[
    ("Human Rights Watch", &["hrw.org"]),
    ("Landmine Monitor", &["the-monitor.org"]),
    ("Cluster Munition Monitor", &["the-monitor.org"]),
    (
        "Implementation Support Unit, Anti-Personnel Mine Ban Convention",
        &["apminebanconvention.org"],
    ),
    ("Mine Action Review", &["mineactionreview.org"]),
    (
        "United Nations Treaty Collection",
        &["treaties.un.org", "un.org"],
    ),
    (
        "International Campaign to Ban Landmines",
        &["icbl.org", "icblcmc.org"],
    ),
    ("Arms Control Association", &["armscontrol.org"]),
    ("Reuters", &["reuters.com"]),
];

/// Sources must be cited cleanly: no scanner probes in a URL's query or fragment, no
/// local file path in a title (errors); a known publisher's page on another host is a
/// warning (a repost: cite the publisher's own page).
fn check_source_hygiene(data: &Dataset, problems: &mut Vec<Problem>) {
    let path_in_title = regex_lite_path();
    for s in &data.sources {
        let problem = |field: &str, message: String| {
            Problem::error(&s.origin.file, s.origin.line, Some(field), message)
        };
        match url::Url::parse(&s.url) {
            Ok(u) => {
                let tail = [u.query(), u.fragment()]
                    .into_iter()
                    .flatten()
                    .map(|t| {
                        url::form_urlencoded::parse(t.as_bytes())
                            .map(|(k, v)| format!("{k}={v}"))
                            .collect::<Vec<_>>()
                            .join("&")
                    })
                    .collect::<Vec<_>>()
                    .join("#")
                    .to_lowercase();
                if let Some(mark) = PROBE_MARKS.iter().find(|m| tail.contains(*m)) {
                    problems.push(problem(
                        "url",
                        format!(
                            "source `{}`: the URL's query carries `{}`, a mark of a scanner's \
                             probe, not of the page: cite the page's clean address",
                            s.id,
                            mark.trim()
                        ),
                    ));
                }
                let host = u.host_str().unwrap_or("").to_ascii_lowercase();
                for (publisher, hosts) in PUBLISHER_HOSTS {
                    if s.publisher.contains(publisher)
                        && !hosts
                            .iter()
                            .any(|h| host == *h || host.ends_with(&format!(".{h}")))
                    {
                        problems.push(Problem::warning(
                            &s.origin.file,
                            s.origin.line,
                            Some("url"),
                            format!(
                                "source `{}` names {publisher} as its publisher but is on {host}: \
                                 cite the publisher's own page ({}) rather than a copy",
                                s.id,
                                hosts.join(" or ")
                            ),
                        ));
                    }
                }
            }
            Err(e) => problems.push(problem(
                "url",
                format!("source `{}`: `{}` is not a URL: {e}", s.id, s.url),
            )),
        }
        if let Some(path) = path_in_title(&s.title) {
            problems.push(problem(
                "title",
                format!(
                    "source `{}`: the title carries a local file path (`{path}`): give the \
                     document's own title",
                    s.id
                ),
            ));
        }
    }
}

/// Finds a local file path in a title: `/home/...`, `C:\...`, `file://`, `~/...`. A UN
/// document symbol such as `A/RES/45/158` is not one (it does not start with `/`).
fn regex_lite_path() -> impl Fn(&str) -> Option<String> {
    |title: &str| {
        for word in title.split_whitespace() {
            let w = word.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ',' | ';'));
            let drive = w.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
                && w.get(1..3) == Some(":\\")
                && w.len() > 3;
            let unix = w.strip_prefix('/').is_some_and(|rest| rest.contains('/'));
            if drive || unix || w.starts_with("file:") || w.starts_with("~/") {
                return Some(w.to_string());
            }
        }
        None
    }
}

/// The records of each state's obligations agree with each other: a completion is not
/// dated after its declaration (unless contamination or stocks were found in between),
/// and a granted extension moves the deadline later than every one granted before.
fn check_obligation_records(data: &Dataset, problems: &mut Vec<Problem>) {
    use treatywatch_core::evidence::{Record, RecordValue};
    let mut by: HashMap<(&str, StateCode), Vec<&Record>> = HashMap::new();
    for r in &data.records {
        by.entry((r.treaty.0.as_str(), r.state))
            .or_default()
            .push(r);
    }
    for ((treaty, _), records) in &by {
        let Some(t) = data.treaty(treaty) else {
            continue;
        };
        for rule in &t.obligations {
            let of = |kinds: &[treatywatch_core::evidence::RecordKind]| -> Vec<&Record> {
                let mut v: Vec<&Record> = records
                    .iter()
                    .copied()
                    .filter(|r| kinds.contains(&r.kind))
                    .collect();
                v.sort_by_key(|r| r.date.sort_key());
                v
            };
            let reopenings = of(&rule.reopened_by);
            for d in of(&rule.declared_by) {
                let (Some(declared), Some(declared_start)) = (d.date.latest(), d.date.earliest())
                else {
                    continue;
                };
                for c in of(&rule.completed_by) {
                    let Some(done) = c.date.earliest() else {
                        continue;
                    };
                    let reopened_between = reopenings.iter().any(|x| {
                        x.date
                            .earliest()
                            .is_some_and(|x| x >= declared_start && x <= done)
                    });
                    if done > declared && !reopened_between {
                        problems.push(at(
                            &c.origin,
                            Some("date"),
                            format!(
                                "a {} dated {} is later than its declaration ({} of {}, at {}): \
                                 the work is done before it is declared",
                                c.kind, c.date, d.kind, d.date, d.origin
                            ),
                        ));
                    }
                }
            }
            let mut latest: Option<(Date, &Record)> = None;
            for r in of(&rule.extended_by) {
                let RecordValue::Date(deadline) = r.value else {
                    continue;
                };
                if !r.kind.is_deadline_decision() {
                    continue;
                }
                if let Some((before, b)) = latest
                    && deadline < before
                {
                    problems.push(at(
                        &r.origin,
                        Some("value"),
                        format!(
                            "a {} of {} sets the deadline to {deadline}, earlier than {before}, \
                             set by the decision of {} (at {}): extensions only move a deadline \
                             later",
                            r.kind, r.date, b.date, b.origin
                        ),
                    ));
                }
                if latest.is_none_or(|(d, _)| deadline > d) {
                    latest = Some((deadline, r));
                }
            }
        }
    }
}

fn recorded_used(treaty: &treatywatch_core::Treaty, message: String) -> Problem {
    let o = treaty.origin_of("entry_into_force");
    Problem::warning(&o.file, o.line, Some("entry_into_force"), message)
}

/// Entities: ids apart from state codes, references to known states, names that no state
/// claims.
fn check_entities(data: &Dataset, states: &HashSet<StateCode>, problems: &mut Vec<Problem>) {
    let mut state_names: HashMap<String, StateCode> = HashMap::new();
    for s in &data.states {
        for n in std::iter::once(&s.name)
            .chain(std::iter::once(&s.formal))
            .chain(&s.aliases)
            .chain(&s.former)
        {
            state_names.insert(normalize(n), s.code);
        }
    }
    let mut seen: HashMap<String, &str> = HashMap::new();
    for e in &data.entities {
        if e.id.parse::<StateCode>().is_ok_and(|c| states.contains(&c)) {
            problems.push(at(
                &e.origin,
                Some("id"),
                format!("entity id `{}` is a state's code in states.toml", e.id),
            ));
        }
        let refs = e
            .successors
            .iter()
            .map(|c| ("successors", c))
            .chain(e.continued_by.iter().map(|c| ("continued_by", c)))
            .chain(e.part_of.iter().map(|c| ("part_of", c)));
        for (field, c) in refs {
            if !states.contains(c) {
                problems.push(at(
                    &e.origin,
                    Some(field),
                    format!("unknown state code `{c}`: not in states.toml"),
                ));
            }
        }
        if let (Some(from), Some(until)) = (e.from, e.until)
            && until < from
        {
            problems.push(at(&e.origin, Some("until"), "ends before it starts"));
        }
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            let key = normalize(n);
            if key.is_empty() {
                continue;
            }
            if let Some(code) = state_names.get(&key) {
                problems.push(at(
                    &e.origin,
                    Some("aliases"),
                    format!("the name `{n}` belongs to the state {code}: names must be unique"),
                ));
            }
            if let Some(other) = seen.insert(key, &e.id)
                && other != e.id
            {
                problems.push(at(
                    &e.origin,
                    Some("aliases"),
                    format!("the name `{n}` is also claimed by the entity {other}"),
                ));
            }
        }
    }
}
