//! Times the sentence encoder: model load, then the first 1000 lines of a
//! file embedded in batches, then 50 one at a time:
//! `cargo run --release --features embed --example embed_speed -- sentences.txt [DIR]`.
//! DIR is the model folder (MiniLM or e5, told apart by its files), else
//! `$NEWSDIFF_MODEL`, else MiniLM's default folder; `RAYON_NUM_THREADS`
//! sets the threads of the batched pass.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: embed_speed sentences.txt [DIR]");
    let dir = args.next().map(std::path::PathBuf::from);
    let dir = newsdiff::embed::model_dir(dir.as_deref());
    let model = newsdiff::embed::Model::open(&dir).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{:?} model in {}", model.kind(), dir.display());
    let t = Instant::now();
    model.load().unwrap_or_else(|e| panic!("{e}"));
    eprintln!("load {:?}", t.elapsed());
    let text = std::fs::read_to_string(path).expect("reading the sentences");
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).take(1000).collect();
    let t = Instant::now();
    let v = model.embed(&lines).expect("embedding");
    let batched = t.elapsed();
    eprintln!(
        "{} sentences batched in {batched:?}: {:.0} sentences/s on {} threads",
        v.len(),
        v.len() as f64 / batched.as_secs_f64(),
        rayon::current_num_threads()
    );
    // Each text altered so that the cache does not answer.
    let single: Vec<String> = lines.iter().take(50).map(|l| format!("{l} x")).collect();
    let t = Instant::now();
    for l in &single {
        model.embed(&[l]).expect("embedding");
    }
    let alone = t.elapsed();
    eprintln!(
        "{} one at a time in {alone:?}: {:.1} ms a sentence",
        single.len(),
        alone.as_secs_f64() * 1000.0 / single.len() as f64
    );
}
