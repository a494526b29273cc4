//! Targets (issue 2): every state's status on one date under 50 µs; loading the embedded
//! dataset under 5 ms. Run with `cargo bench -p treatywatch-data`.

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use std::hint::black_box;
use treatywatch_core::engine::Engine;

fn load(c: &mut Criterion) {
    c.bench_function("load embedded dataset (parse)", |b| {
        b.iter(|| treatywatch_data::embedded().unwrap())
    });
    let data = treatywatch_data::embedded().unwrap();
    c.bench_function("index dataset (Engine::new)", |b| {
        b.iter(|| Engine::new(black_box(&data)))
    });
    c.bench_function("load + index embedded dataset", |b| {
        b.iter(|| {
            let d = treatywatch_data::embedded().unwrap();
            Engine::new(&d).data().states.len()
        })
    });
}

fn statuses(c: &mut Criterion) {
    let data = treatywatch_data::embedded().unwrap();
    let engine = Engine::new(&data);
    let t = data.treaty("apmbc").unwrap();
    let on = date(2026, 3, 1);
    c.bench_function("status of all 197 states on one date", |b| {
        b.iter(|| engine.statuses_on(t, black_box(on)))
    });
    c.bench_function("counts of all states on one date", |b| {
        b.iter(|| engine.counts_on(t, black_box(on)))
    });
    c.bench_function(
        "full reports (notes, sources) for all states on one date",
        |b| b.iter(|| engine.statuses(t, black_box(on))),
    );
}

criterion_group!(benches, load, statuses);
criterion_main!(benches);
