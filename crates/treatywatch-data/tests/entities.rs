//! entities.toml: problems name the file, the line and the field.

use std::path::Path;

use jiff::civil::date;
use treatywatch_data::{DataFile, Problem};

fn files(entities: &str) -> Vec<DataFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let mut files = treatywatch_data::read_dir(&dir).unwrap();
    files.push(DataFile {
        path: "entities.toml".into(),
        text: entities.into(),
    });
    files
}

fn errors(entities: &str) -> Vec<Problem> {
    match treatywatch_data::load(&files(entities), date(2026, 11, 26)) {
        Ok((_, warnings)) => warnings.into_iter().filter(Problem::is_error).collect(),
        Err(e) => e.problems.into_iter().filter(Problem::is_error).collect(),
    }
}

fn source() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini/sources.toml");
    let text = std::fs::read_to_string(dir).unwrap();
    let line = text.lines().find(|l| l.starts_with('[')).unwrap();
    line.trim_matches(['[', ']']).to_string()
}

#[test]
fn a_good_entity_loads() {
    let text = format!(
        "[EU]\nname = \"European Union\"\nkind = \"organisation\"\nsources = [\"{}\"]\n",
        source()
    );
    let (data, _) = treatywatch_data::load(&files(&text), date(2026, 11, 26)).unwrap();
    assert_eq!(data.entities.len(), 1);
    assert_eq!(data.entities[0].id, "EU");
}

#[test]
fn broken_entities_are_located() {
    let src = source();
    for (text, line, field, words) in [
        (
            format!("[eu]\nname = \"E\"\nkind = \"organisation\"\nsources = [\"{src}\"]\n"),
            1,
            Some("id"),
            "upper-case",
        ),
        (
            "[EU]\nname = \"E\"\nkind = \"organisation\"\n".to_string(),
            1,
            Some("sources"),
            "at least one source",
        ),
        (
            format!(
                "[SUN]\nname = \"USSR\"\nkind = \"historical_state\"\nsuccessors = [\"rus\"]\nsources = [\"{src}\"]\n"
            ),
            4,
            Some("successors"),
            "alpha-3",
        ),
        (
            format!(
                "[SUN]\nname = \"USSR\"\nkind = \"historical_state\"\nuntil = \"1991-13-01\"\nsources = [\"{src}\"]\n"
            ),
            4,
            Some("until"),
            "no month 13",
        ),
        (
            "[EU]\nname = \"E\"\nkind = \"union\"\nsources = [\"x\"]\n".to_string(),
            3,
            None,
            "unknown variant",
        ),
        (
            "[EU]\nname = \"E\"\nkind = \"organisation\"\nsources = [\"nowhere\"]\n".to_string(),
            1,
            Some("sources"),
            "not defined",
        ),
    ] {
        let errs = errors(&text);
        assert_eq!(errs.len(), 1, "{text}: {errs:#?}");
        let e = &errs[0];
        assert_eq!(e.file, "entities.toml", "{e}");
        assert_eq!(e.line, line, "{text}: {e}");
        assert_eq!(e.field.as_deref(), field, "{e}");
        assert!(e.message.contains(words), "{e}");
    }
}
