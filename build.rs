//! Builds the background word-frequency table that `align::similarity`
//! searches: `data/word_frequency.tsv` (word, Zipf frequency) → sorted
//! 12-byte records (stem key as little-endian u64, Zipf as f32) in OUT_DIR.
//!
//! Also builds the WordNet tables that `lexicon` searches, from
//! `data/wordnet/{synonyms,antonyms}.tsv`: synonym records (stem key `u64`,
//! group id `u32`, 12 bytes) and
//! antonym records (stem key `u64`, antonym
//! stem key `u64`, 16 bytes, both directions), sorted.
//!
//! And the typed reporting-cue table `lexicon::cues::CUES` (Rust source)
//! from `data/lexicon/cues.tsv`, with regular forms expanded.
//!
//! Stems and keys come from the library's own `src/text/normalize.rs`, so the
//! tables agree with the tokens the aligner makes.

#[path = "src/text/normalize.rs"]
#[allow(dead_code)]
mod normalize;

// `normalize` splits words with it.
#[path = "src/text/segment.rs"]
#[allow(dead_code)]
mod segment;

// `normalize` asks the lexicon for stopwords, by the path the library uses.
#[path = "src/lexicon"]
mod lexicon {
    pub mod stopwords;
}

// The curated reversal word lists, stemmed here once.
#[path = "src/lexicon/reversal_words.rs"]
mod reversal_words;

// The cue table's regular forms are expanded with it.
#[path = "src/lexicon/inflect.rs"]
mod inflect;

use std::collections::HashMap;
use std::path::PathBuf;

fn main() {
    let source = "data/word_frequency.tsv";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=src/text/normalize.rs");
    println!("cargo:rerun-if-changed=src/text/segment.rs");
    println!("cargo:rerun-if-changed=src/lexicon/stopwords.rs");
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
    wordnet_tables();
    cue_table();
    reversal_tables();
}

fn stem_key(word: &str) -> u64 {
    normalize::key(&normalize::stem(&normalize::fold(word)))
}

fn table_lines(source: &str) -> Vec<String> {
    println!("cargo:rerun-if-changed={source}");
    std::fs::read_to_string(source)
        .unwrap_or_else(|_| panic!("{source} is part of the repository"))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

fn wordnet_tables() {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let mut synonyms: Vec<(u64, u32)> = Vec::new();
    for (group, line) in table_lines("data/wordnet/synonyms.tsv").iter().enumerate() {
        let group = u32::try_from(group).expect("fewer than 2^32 groups");
        synonyms.extend(line.split_whitespace().map(|w| (stem_key(w), group)));
    }
    synonyms.sort_unstable();
    synonyms.dedup();
    let mut bytes = Vec::with_capacity(synonyms.len() * 12);
    for (key, group) in synonyms {
        bytes.extend_from_slice(&key.to_le_bytes());
        bytes.extend_from_slice(&group.to_le_bytes());
    }
    std::fs::write(out_dir.join("wordnet_synonyms.bin"), bytes).expect("write synonyms");

    let mut antonyms: Vec<(u64, u64)> = Vec::new();
    for line in table_lines("data/wordnet/antonyms.tsv") {
        let Some((a, b)) = line.split_once('\t') else {
            continue;
        };
        let (a, b) = (stem_key(a.trim()), stem_key(b.trim()));
        // Words sharing a stem cannot be told apart in a sentence's tokens.
        if a != b {
            antonyms.push((a, b));
            antonyms.push((b, a));
        }
    }
    antonyms.sort_unstable();
    antonyms.dedup();
    let mut bytes = Vec::with_capacity(antonyms.len() * 16);
    for (key, antonym) in antonyms {
        bytes.extend_from_slice(&key.to_le_bytes());
        bytes.extend_from_slice(&antonym.to_le_bytes());
    }
    std::fs::write(out_dir.join("wordnet_antonyms.bin"), bytes).expect("write antonyms");
}

/// `data/lexicon/cues.tsv` → `cues.rs`: one `Cue` a row, forms expanded.
/// A row it cannot read stops the build with its line number, so a typo in
/// the table never becomes a cue that silently never matches.
fn cue_table() {
    let source = "data/lexicon/cues.tsv";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=src/lexicon/inflect.rs");
    let text =
        std::fs::read_to_string(source).expect("data/lexicon/cues.tsv is part of the repository");
    let mut seen = std::collections::HashSet::new();
    let mut rows = String::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fail = |why: &str| panic!("{source}:{}: {why}: {line:?}", n + 1);
        let cols: Vec<&str> = line.split('\t').collect();
        let [lemma, certainty, provenance, forms] = cols[..] else {
            fail("expected 4 tab-separated columns")
        };
        if !seen.insert(lemma) {
            fail("lemma listed twice");
        }
        let certainty = match certainty {
            "neutral" => "Neutral",
            "stronger" => "Stronger",
            "weaker" => "Weaker",
            _ => fail("certainty must be neutral, stronger or weaker"),
        };
        let provenance = match provenance {
            "ap" => "Ap",
            "hyland" => "Hyland",
            "unjudged" => "Unjudged",
            _ => fail("source must be ap, hyland or unjudged"),
        };
        let mut expanded: Vec<String> = Vec::new();
        for form in forms.split('|').map(str::trim) {
            if form == "regular" {
                let (verb, rest) = lemma.split_once(' ').map_or((lemma, ""), |(v, r)| (v, r));
                for inflected in inflect::regular_forms(verb) {
                    expanded.push(if rest.is_empty() {
                        inflected
                    } else {
                        format!("{inflected} {rest}")
                    });
                }
            } else if form.is_empty() || form != form.to_lowercase() {
                fail("forms are lowercase and not empty");
            } else {
                expanded.push(form.to_string());
            }
        }
        expanded.dedup();
        rows.push_str(&format!(
            "    Cue {{ lemma: {lemma:?}, certainty: Certainty::{certainty}, source: Source::{provenance}, forms: &{expanded:?} }},\n"
        ));
    }
    let code = format!(
        "/// The reporting cues, from `data/lexicon/cues.tsv` (generated by build.rs).\npub(crate) static CUES: &[Cue] = &[\n{rows}];\n"
    );
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("cues.rs");
    std::fs::write(out, code).expect("write cues.rs");
}

/// `src/lexicon/reversal_words.rs` → sorted stem-key tables: reversal
/// families (key, pair, side; 16 bytes), converse pairs (key, key, both
/// directions; 16 bytes) and polysemous verbs (key; 8 bytes).
fn reversal_tables() {
    println!("cargo:rerun-if-changed=src/lexicon/reversal_words.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut families: Vec<(u64, u32, u32)> = Vec::new();
    for (n, (first, second)) in reversal_words::REVERSALS.iter().enumerate() {
        let n = u32::try_from(n).expect("fewer than 2^32 pairs");
        for (words, side) in [(first, 0u32), (second, 1u32)] {
            families.extend(words.iter().map(|w| (stem_key(w), n, side)));
        }
    }
    families.sort_unstable();
    families.dedup();
    let mut bytes = Vec::with_capacity(families.len() * 16);
    for (key, n, side) in families {
        bytes.extend_from_slice(&key.to_le_bytes());
        bytes.extend_from_slice(&n.to_le_bytes());
        bytes.extend_from_slice(&side.to_le_bytes());
    }
    std::fs::write(out_dir.join("reversals.bin"), bytes).expect("write reversals");
    let mut converses: Vec<(u64, u64)> = Vec::new();
    for (a, b) in reversal_words::CONVERSES {
        let (a, b) = (stem_key(a), stem_key(b));
        converses.extend([(a, b), (b, a)]);
    }
    converses.sort_unstable();
    converses.dedup();
    let mut bytes = Vec::with_capacity(converses.len() * 16);
    for (a, b) in converses {
        bytes.extend_from_slice(&a.to_le_bytes());
        bytes.extend_from_slice(&b.to_le_bytes());
    }
    std::fs::write(out_dir.join("converses.bin"), bytes).expect("write converses");
    let mut keys: Vec<u64> = reversal_words::POLYSEMOUS
        .iter()
        .map(|w| stem_key(w))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let bytes: Vec<u8> = keys.iter().flat_map(|k| k.to_le_bytes()).collect();
    std::fs::write(out_dir.join("polysemous.bin"), bytes).expect("write polysemous");
}
