//! Sentences → unit-length embeddings, from a BERT sentence encoder
//! (all-MiniLM-L6-v2) read from disk: the `embed` feature.
//!
//! The weights are never in the repository and never fetched at run time:
//! `scripts/get-model` downloads them once into a folder ([`model_dir`]),
//! and [`Model::open`] checks that folder at start-up. The weights
//! themselves are read the first time a sentence is embedded, so a
//! comparison the lexical pass settles alone never pays for them.

mod bert;
mod matmul;
pub mod safetensors;
mod wordpiece;

use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

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
/// [`SETUP_COMMAND`].
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    /// A file of the model is not there (or cannot be read).
    #[error("no model at {} ({why}): run {SETUP_COMMAND}", path.display())]
    Missing {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        why: String,
    },
    /// A file of the model is there but is not a model.
    #[error("the model file {} is corrupt ({why}): run {SETUP_COMMAND} again", path.display())]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        why: String,
    },
}

/// The model folder: `explicit` (`--model DIR`), else `$NEWSDIFF_MODEL`,
/// else where `scripts/get-model` puts it,
/// `${XDG_CACHE_HOME:-$HOME/.cache}/newsdiff/all-minilm-l6-v2`.
pub fn model_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_owned();
    }
    if let Some(dir) = std::env::var_os(MODEL_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from(".cache"));
    cache.join("newsdiff").join("all-minilm-l6-v2")
}

/// A model folder checked at start-up, its weights read on first use.
pub struct Model {
    dir: PathBuf,
    config: bert::Config,
    /// The vocabulary and the weights, read on first use: a 30,000-word
    /// table and 90 MB that a comparison the words settle never needs.
    encoder: OnceLock<Result<Loaded, LoadError>>,
    cache: Mutex<FxHashMap<Box<str>, Arc<[f32]>>>,
}

/// What [`Model`] reads on first use.
struct Loaded {
    vocabulary: wordpiece::WordPiece,
    bert: bert::Bert,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl Model {
    /// Checks the folder `dir`: `config.json`, a `vocab.txt`, and a
    /// `model.safetensors` whose header lists every weight the encoder
    /// needs, with the shapes the config gives, inside the file.
    pub fn open(dir: &Path) -> Result<Model, LoadError> {
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
            config,
            encoder: OnceLock::new(),
            cache: Mutex::default(),
        })
    }

    /// The folder the model was opened from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The token ids the encoder reads for `text`: `[CLS] … [SEP]`,
    /// truncated as the encoder truncates.
    pub fn token_ids(&self, text: &str) -> Result<Vec<u32>, LoadError> {
        Ok(self.encoder()?.token_ids(text, &self.config))
    }

    /// Reads the weights now (they are otherwise read on first use).
    pub fn load(&self) -> Result<(), LoadError> {
        self.encoder().map(|_| ())
    }

    fn encoder(&self) -> Result<&Loaded, LoadError> {
        self.encoder
            .get_or_init(|| {
                let vocabulary = wordpiece::WordPiece::load(&self.dir.join("vocab.txt"))?;
                let weights = self.dir.join("model.safetensors");
                if vocabulary.len() != self.config.vocabulary {
                    return Err(LoadError::Corrupt {
                        why: format!(
                            "{} tokens in vocab.txt, {} in the model",
                            vocabulary.len(),
                            self.config.vocabulary
                        ),
                        path: weights,
                    });
                }
                let mut file = safetensors::SafeTensors::open(&weights)?;
                let bert = bert::Bert::load(&mut file, self.config)?;
                Ok(Loaded { vocabulary, bert })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The unit-length embedding of each text, in order. Each distinct text
    /// is encoded once per model (a cache), the rest in batches on the
    /// rayon pool.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Arc<[f32]>>, LoadError> {
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
            let mut ids: Vec<(usize, Vec<u32>)> = missing
                .iter()
                .enumerate()
                .map(|(i, t)| (i, encoder.token_ids(t, &self.config)))
                .collect();
            // Batches of like lengths keep each product's rows even.
            ids.sort_by_key(|(_, ids)| ids.len());
            use rayon::prelude::*;
            // A few sentences are shared out over the cores too, rather
            // than made one batch for one core.
            let batch = BATCH.min(ids.len().div_ceil(rayon::current_num_threads().max(1)));
            let embedded: Vec<(usize, Vec<f32>)> = ids
                .par_chunks(batch.max(1))
                .flat_map_iter(|batch| {
                    let sentences: Vec<Vec<u32>> = batch.iter().map(|(_, s)| s.clone()).collect();
                    let vectors = encoder.bert.embed(&sentences);
                    batch
                        .iter()
                        .map(|(i, _)| *i)
                        .zip(vectors)
                        .collect::<Vec<_>>()
                })
                .collect();
            // The weights are not checked when loaded (that would page in
            // all of them): a non-finite weight shows as a non-finite
            // embedding, whichever sentence reads it.
            if embedded
                .iter()
                .any(|(_, v)| v.iter().any(|x| !x.is_finite()))
            {
                return Err(LoadError::Corrupt {
                    path: self.dir.join("model.safetensors"),
                    why: "its weights give non-finite values".into(),
                });
            }
            let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            if cache.len() + embedded.len() > CACHE_LIMIT {
                cache.clear();
            }
            for (i, vector) in embedded {
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
                    let ids = encoder.token_ids(t, &self.config);
                    Ok(encoder.bert.embed(&[ids]).swap_remove(0).into())
                }
            })
            .collect()
    }
}

impl Loaded {
    fn token_ids(&self, text: &str, config: &bert::Config) -> Vec<u32> {
        self.vocabulary
            .encode(text, MAX_TOKENS.min(config.positions))
    }
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
