//! Times the sentence encoder: model load, then the first 1000 lines of a
//! file embedded in batches, then 50 one at a time:
//! `cargo run --release --features embed --example embed_speed -- sentences.txt`.

use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: embed_speed sentences.txt");
    let model = newsdiff::embed::Model::open(&newsdiff::embed::model_dir(None))
        .unwrap_or_else(|e| panic!("{e}"));
    let t = Instant::now();
    model.load().unwrap_or_else(|e| panic!("{e}"));
    eprintln!("load {:?}", t.elapsed());
    let text = std::fs::read_to_string(path).expect("reading the sentences");
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).take(1000).collect();
    let t = Instant::now();
    let v = model.embed(&lines).expect("embedding");
    eprintln!("{} sentences batched in {:?}", v.len(), t.elapsed());
    // Each text altered so that the cache does not answer.
    let single: Vec<String> = lines.iter().take(50).map(|l| format!("{l} x")).collect();
    let t = Instant::now();
    for l in &single {
        model.embed(&[l]).expect("embedding");
    }
    eprintln!("{} one at a time in {:?}", single.len(), t.elapsed());
}
