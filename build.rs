//! Builds the background word-frequency table that `align::similarity`
//! searches: `data/word_frequency.tsv` (word, Zipf frequency) → sorted
//! 12-byte records (stem key as little-endian u64, Zipf as f32) in OUT_DIR.
//!
//! Stems and keys come from the library's own `src/normalize.rs`, so the
//! table agrees with the tokens the aligner makes.

#[path = "src/normalize.rs"]
#[allow(dead_code)]
mod normalize;

use std::collections::HashMap;
use std::path::PathBuf;

fn main() {
    let source = "data/word_frequency.tsv";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=src/normalize.rs");
    let text =
        std::fs::read_to_string(source).expect("data/word_frequency.tsv is part of the repository");
    // Frequencies of words sharing a stem add up ("say", "says", "said").
    let mut per_stem: HashMap<u64, f64> = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((word, zipf)) = line.split_once('\t') else {
            continue;
        };
        let Ok(zipf) = zipf.trim().parse::<f64>() else {
            continue;
        };
        let stem = normalize::key(&normalize::stem(&normalize::fold(word)));
        *per_stem.entry(stem).or_default() += 10f64.powf(zipf);
    }
    let mut records: Vec<(u64, f32)> = per_stem
        .into_iter()
        .map(|(k, f)| (k, f.log10() as f32))
        .collect();
    records.sort_unstable_by_key(|r| r.0);
    let mut bytes = Vec::with_capacity(records.len() * 12);
    for (key, zipf) in records {
        bytes.extend_from_slice(&key.to_le_bytes());
        bytes.extend_from_slice(&zipf.to_le_bytes());
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("word_frequency.bin");
    std::fs::write(out, bytes).expect("write word_frequency.bin");
}
