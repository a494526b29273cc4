//! Targets (issue 9): an article of 20 KB checked in under 20 ms; articles per second
//! on the labelled corpus. Run with `cargo bench -p treatywatch-annotate`.
//!
//! The articles are the seed article (tests/fixtures), a 20 KB English article made of
//! the corpus's English development articles, and one article per language from the
//! corpus. The annotator is built once, as a server does; its time to build is a
//! benchmark of its own.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jiff::civil::date;
use treatywatch_annotate::{Annotator, Language, Options};
use treatywatch_core::engine::Engine;

const SEED: &str = include_str!("../tests/fixtures/2025-lithuania-finland-mine-production.txt");

/// The corpus's development articles of a language, joined, cut to `bytes` (or the
/// seed article repeated when the corpus is not there).
fn corpus_text(lang: &str, bytes: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/annotate/dev");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| {
                    p.extension().is_some_and(|x| x == "txt")
                        && p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{lang}-")))
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut text = String::new();
    for p in names {
        text.push_str(&std::fs::read_to_string(p).unwrap_or_default());
        text.push_str("\n\n");
    }
    if text.is_empty() {
        text = SEED.to_string();
    }
    while text.len() < bytes {
        let again = text.clone();
        text.push_str(&again);
    }
    let mut cut = bytes.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}

fn annotate(c: &mut Criterion) {
    let data = treatywatch_data::embedded().unwrap();
    let engine = Engine::new(&data);
    let treaty = data.treaty("apmbc").unwrap();
    c.bench_function("build the annotator (English)", |b| {
        b.iter(|| Annotator::new(black_box(&engine), treaty))
    });
    let annotator = Annotator::new(&engine, treaty);
    annotator.prepare_all();
    let opts = Options {
        article_date: Some(date(2025, 7, 9)),
        today: date(2026, 11, 1),
        language: None,
    };

    let mut g = c.benchmark_group("annotate");
    g.throughput(Throughput::Elements(1));
    g.bench_function("seed article (3 KB)", |b| {
        b.iter(|| annotator.annotate(black_box(SEED), &opts).unwrap())
    });
    let big = corpus_text("en", 20 * 1024);
    g.bench_function("English article of 20 KB", |b| {
        b.iter(|| annotator.annotate(black_box(&big), &opts).unwrap())
    });
    for l in Language::ALL.iter().skip(1) {
        let text = corpus_text(l.code(), 4 * 1024);
        g.bench_function(format!("{} article (4 KB)", l.name()), |b| {
            b.iter(|| annotator.annotate(black_box(&text), &opts).unwrap())
        });
    }
    g.finish();

    // Every development article of the corpus, one after another: articles per second.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/annotate/dev");
    let mut all: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    all.sort();
    if !all.is_empty() {
        let mut g = c.benchmark_group("corpus");
        g.throughput(Throughput::Elements(all.len() as u64));
        g.bench_function(format!("the {} development articles", all.len()), |b| {
            b.iter(|| {
                for t in &all {
                    annotator.annotate(black_box(t), &opts).unwrap();
                }
            })
        });
        g.finish();
    }
}

criterion_group!(benches, annotate);
criterion_main!(benches);
