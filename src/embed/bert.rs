//! Token ids → one sentence embedding: the BERT encoder forward pass
//! (Devlin et al. 2019; Hugging Face's `BertModel`, post-LayerNorm, exact
//! GELU), then sentence-transformers' mean pooling and L2 normalisation.
//!
//! A batch of sentences is one matrix of all their tokens, without padding:
//! the dense layers see every token at once, and attention runs sentence by
//! sentence, so no token attends across sentences and none is wasted.

use super::matmul::{multiply, View};
use super::q4::{FileRows, Matrix};
use super::safetensors::{Floats, SafeTensors};
use super::LoadError;

/// The shape of an encoder.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Config {
    pub(crate) hidden: usize,
    pub(crate) heads: usize,
    pub(crate) intermediate: usize,
    pub(crate) layers: usize,
    pub(crate) vocabulary: usize,
    pub(crate) positions: usize,
    pub(crate) token_types: usize,
    pub(crate) layer_norm_eps: f32,
}

/// Every weight the encoder reads, with its shape (the pooler's are not
/// read: sentence-transformers pools the last layer itself).
pub(crate) fn expected_shapes(config: &Config) -> Vec<(String, Vec<usize>)> {
    let (h, i) = (config.hidden, config.intermediate);
    let mut out = vec![
        (
            "embeddings.word_embeddings.weight".to_owned(),
            vec![config.vocabulary, h],
        ),
        (
            "embeddings.position_embeddings.weight".to_owned(),
            vec![config.positions, h],
        ),
        (
            "embeddings.token_type_embeddings.weight".to_owned(),
            vec![config.token_types, h],
        ),
        ("embeddings.LayerNorm.weight".to_owned(), vec![h]),
        ("embeddings.LayerNorm.bias".to_owned(), vec![h]),
    ];
    for layer in 0..config.layers {
        let p = format!("encoder.layer.{layer}");
        let dense = [
            ("attention.self.query", h, h),
            ("attention.self.key", h, h),
            ("attention.self.value", h, h),
            ("attention.output.dense", h, h),
            ("intermediate.dense", i, h),
            ("output.dense", h, i),
        ];
        for (name, outputs, inputs) in dense {
            out.push((format!("{p}.{name}.weight"), vec![outputs, inputs]));
            out.push((format!("{p}.{name}.bias"), vec![outputs]));
        }
        for name in ["attention.output.LayerNorm", "output.LayerNorm"] {
            out.push((format!("{p}.{name}.weight"), vec![h]));
            out.push((format!("{p}.{name}.bias"), vec![h]));
        }
    }
    out
}

/// A weight matrix, `out × in` row-major, as a stack of matrices of `in`
/// columns whose rows are the rows of the whole (query, key and value are
/// one product's three parts): f32 (MiniLM), each part where it lies in
/// the mapped file, or 4-bit blocks (multilingual-e5), expanded to f32 for
/// each product.
#[derive(Debug)]
pub(crate) enum Weight {
    F32(Vec<Floats>),
    Q4(Vec<Matrix>),
}

/// A dense layer: `y = x · weightᵀ + bias`, weight stored `out × in`.
#[derive(Debug)]
pub(crate) struct Linear {
    pub(crate) weight: Weight,
    pub(crate) bias: Vec<f32>,
    pub(crate) inputs: usize,
    pub(crate) outputs: usize,
}

#[derive(Debug)]
pub(crate) struct LayerNorm {
    pub(crate) weight: Vec<f32>,
    pub(crate) bias: Vec<f32>,
}

/// One transformer layer; query, key and value are one `3·hidden × hidden`
/// product, so each layer makes four products, not six.
#[derive(Debug)]
pub(crate) struct Layer {
    pub(crate) qkv: Linear,
    pub(crate) attention_out: Linear,
    pub(crate) attention_norm: LayerNorm,
    pub(crate) intermediate: Linear,
    pub(crate) output: Linear,
    pub(crate) output_norm: LayerNorm,
}

/// The word embeddings, `vocabulary × hidden`: f32, or 4-bit rows
/// expanded as each token looks its row up.
#[derive(Debug)]
pub(crate) enum Table {
    F32(Floats),
    Q4(Matrix),
    /// Left in the model file, each row read as a token looks it up.
    Q4File(FileRows),
}

/// The encoder's weights.
#[derive(Debug)]
pub(crate) struct Bert {
    pub(crate) config: Config,
    pub(crate) word: Table,
    pub(crate) position: Vec<f32>,
    /// Token type 0's embedding: every sentence is a single segment.
    pub(crate) token_type: Vec<f32>,
    pub(crate) embedding_norm: LayerNorm,
    pub(crate) layers: Vec<Layer>,
}

impl Bert {
    /// Reads the weights named as Hugging Face's `BertModel` names them.
    pub(crate) fn load(file: &mut SafeTensors, config: Config) -> Result<Bert, LoadError> {
        let h = config.hidden;
        let norm = |file: &mut SafeTensors, prefix: &str| -> Result<LayerNorm, LoadError> {
            Ok(LayerNorm {
                weight: file.read(&format!("{prefix}.weight"), &[h])?.to_vec(),
                bias: file.read(&format!("{prefix}.bias"), &[h])?.to_vec(),
            })
        };
        // A dense layer from one or more stacked ones (query, key, value),
        // each left where it is in the mapped file: a copy of the stack
        // would hold its 10 MB twice, mapped and copied.
        let linear =
            |file: &mut SafeTensors, prefixes: &[String], inputs: usize, outputs: usize| {
                let rows = outputs / prefixes.len();
                let (mut weights, mut bias) = (Vec::new(), Vec::new());
                for prefix in prefixes {
                    weights.push(file.read(&format!("{prefix}.weight"), &[rows, inputs])?);
                    bias.extend_from_slice(&file.read(&format!("{prefix}.bias"), &[rows])?);
                }
                Ok::<_, LoadError>(Linear {
                    weight: Weight::F32(weights),
                    bias,
                    inputs,
                    outputs,
                })
            };
        let mut layers = Vec::with_capacity(config.layers);
        for i in 0..config.layers {
            let p = format!("encoder.layer.{i}");
            let qkv = ["query", "key", "value"].map(|name| format!("{p}.attention.self.{name}"));
            let qkv = linear(file, &qkv, h, 3 * h)?;
            layers.push(Layer {
                qkv,
                attention_out: linear(file, &[format!("{p}.attention.output.dense")], h, h)?,
                attention_norm: norm(file, &format!("{p}.attention.output.LayerNorm"))?,
                intermediate: linear(
                    file,
                    &[format!("{p}.intermediate.dense")],
                    h,
                    config.intermediate,
                )?,
                output: linear(file, &[format!("{p}.output.dense")], config.intermediate, h)?,
                output_norm: norm(file, &format!("{p}.output.LayerNorm"))?,
            });
        }
        let token_type = file.read(
            "embeddings.token_type_embeddings.weight",
            &[config.token_types, h],
        )?[..h]
            .to_vec();
        Ok(Bert {
            word: Table::F32(
                file.read("embeddings.word_embeddings.weight", &[config.vocabulary, h])?,
            ),
            position: file
                .read(
                    "embeddings.position_embeddings.weight",
                    &[config.positions, h],
                )?
                .to_vec(),
            token_type,
            embedding_norm: norm(file, "embeddings.LayerNorm")?,
            layers,
            config,
        })
    }

    /// The sum of the last layer over each sentence's tokens (token ids,
    /// each sentence at most the position table long and every id below
    /// the vocabulary size): the mean pooling, before its division. Fails
    /// only when a word row left in the model file cannot be read.
    pub(crate) fn sums(&self, sentences: &[Vec<u32>]) -> Result<Vec<Vec<f32>>, String> {
        let h = self.config.hidden;
        let spans: Vec<(usize, usize)> = sentences
            .iter()
            .scan(0, |start, s| {
                let span = (*start, s.len());
                *start += s.len();
                Some(span)
            })
            .collect();
        let tokens: usize = sentences.iter().map(Vec::len).sum();
        let mut x = vec![0.0f32; tokens * h];
        let mut scratch = vec![0.0f32; h];
        for (s, &(start, _)) in sentences.iter().zip(&spans) {
            for (p, &id) in s.iter().enumerate() {
                let row = &mut x[(start + p) * h..(start + p + 1) * h];
                let word = match &self.word {
                    Table::F32(word) => &word[id as usize * h..(id as usize + 1) * h],
                    Table::Q4(word) => {
                        let ok = word.row(id as usize, &mut scratch);
                        debug_assert!(ok, "ids are below the vocabulary size");
                        &scratch
                    }
                    Table::Q4File(word) => {
                        word.row(id as usize, &mut scratch)?;
                        &scratch
                    }
                };
                let position = &self.position[p * h..(p + 1) * h];
                for (i, r) in row.iter_mut().enumerate() {
                    *r = word[i] + position[i] + self.token_type[i];
                }
            }
        }
        self.norm(&mut x, &self.embedding_norm);
        for layer in &self.layers {
            self.layer(&mut x, layer, &spans);
        }
        Ok(spans
            .iter()
            .map(|&(start, len)| {
                let mut mean = vec![0.0f32; h];
                for row in x[start * h..(start + len) * h].chunks_exact(h) {
                    mean.iter_mut().zip(row).for_each(|(m, v)| *m += v);
                }
                mean
            })
            .collect())
    }

    fn layer(&self, x: &mut [f32], layer: &Layer, spans: &[(usize, usize)]) {
        let h = self.config.hidden;
        let heads = self.config.heads;
        let d = h / heads;
        let qkv = linear(x, &layer.qkv);
        let mut context = vec![0.0f32; x.len()];
        let scale = 1.0 / (d as f32).sqrt();
        let mut scores = Vec::new();
        for &(start, n) in spans {
            scores.resize(n * n, 0.0);
            let rows = &qkv[start * 3 * h..(start + n) * 3 * h];
            for head in 0..heads {
                let q = View::rows(&rows[head * d..], n, d, 3 * h);
                let k = View::transposed(&rows[h + head * d..], n, d, 3 * h);
                multiply(q, k, &mut scores, n, false);
                for row in scores.chunks_exact_mut(n) {
                    softmax(row, scale);
                }
                let v = View::rows(&rows[2 * h + head * d..], n, d, 3 * h);
                let out = &mut context[start * h + head * d..];
                multiply(View::rows(&scores, n, n, n), v, out, h, false);
            }
        }
        let attended = linear(&context, &layer.attention_out);
        x.iter_mut().zip(&attended).for_each(|(x, a)| *x += a);
        self.norm(x, &layer.attention_norm);
        let mut inner = linear(x, &layer.intermediate);
        inner.iter_mut().for_each(|v| *v = gelu(*v));
        let out = linear(&inner, &layer.output);
        x.iter_mut().zip(&out).for_each(|(x, o)| *x += o);
        self.norm(x, &layer.output_norm);
    }

    /// LayerNorm of each row of `x`, in place.
    fn norm(&self, x: &mut [f32], norm: &LayerNorm) {
        let h = self.config.hidden;
        for row in x.chunks_exact_mut(h) {
            let mean = row.iter().sum::<f32>() / h as f32;
            let variance = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / h as f32;
            let inv = 1.0 / (variance + self.config.layer_norm_eps).sqrt();
            for ((v, w), b) in row.iter_mut().zip(norm.weight.iter()).zip(norm.bias.iter()) {
                *v = (*v - mean) * inv * w + b;
            }
        }
    }
}

/// Scales `v` to unit length (a zero vector stays zero).
pub(crate) fn unit(v: &mut [f32]) {
    let norm = v.iter().map(|v| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|m| *m /= norm);
    }
}

thread_local! {
    /// A 4-bit matrix expanded for one product, kept per thread so that a
    /// batch reuses one buffer (2.4 MB for e5's largest) for all its
    /// products instead of allocating one for each.
    static EXPANDED: std::cell::RefCell<Vec<f32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `x · weightᵀ + bias` for the rows of `x`.
fn linear(x: &[f32], layer: &Linear) -> Vec<f32> {
    let rows = x.len() / layer.inputs;
    let mut out: Vec<f32> = Vec::with_capacity(rows * layer.outputs);
    for _ in 0..rows {
        out.extend_from_slice(&layer.bias);
    }
    // `weight`'s rows are the outputs from column `first` on.
    let product = |weight: &[f32], first: usize, out: &mut [f32]| {
        let outputs = weight.len() / layer.inputs.max(1);
        first + outputs <= layer.outputs
            && multiply(
                View::rows(x, rows, layer.inputs, layer.inputs),
                View::transposed(weight, outputs, layer.inputs, layer.inputs),
                out.get_mut(first..).unwrap_or_default(),
                layer.outputs,
                true,
            )
    };
    let ok = match &layer.weight {
        Weight::F32(parts) => {
            let mut first = 0;
            let mut ok = true;
            for part in parts {
                ok &= product(part, first, &mut out);
                first += part.len() / layer.inputs.max(1);
            }
            ok && first == layer.outputs
        }
        Weight::Q4(parts) => EXPANDED.with(|expanded| {
            let mut expanded = expanded.borrow_mut();
            expanded.resize(layer.outputs * layer.inputs, 0.0);
            let mut at = 0;
            let mut ok = true;
            for part in parts {
                let n = part.rows() * part.cols();
                ok &= part.cols() == layer.inputs
                    && at + n <= expanded.len()
                    && part.all(&mut expanded[at..at + n]);
                at += n;
            }
            ok && at == expanded.len() && product(&expanded, 0, &mut out)
        }),
    };
    debug_assert!(ok, "the shapes are the loader's");
    out
}

/// Softmax of `scale · row`, in place.
fn softmax(row: &mut [f32], scale: f32) {
    let max = row.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v * scale));
    let mut sum = 0.0;
    for v in row.iter_mut() {
        *v = (*v * scale - max).exp();
        sum += *v;
    }
    row.iter_mut().for_each(|v| *v /= sum);
}

/// GELU as BERT defines it, `x·Φ(x)` with the exact normal CDF, in f32:
/// the intermediate layer's million values a batch made it a tenth of the
/// encoder's time in f64.
pub(crate) fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// The error function (Abramowitz and Stegun 7.1.26: absolute error below
/// 1.5e-7, and below 5e-7 evaluated in f32, a few units of an f32 at
/// GELU's scale).
pub(crate) fn erf(x: f32) -> f32 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs());
    let poly = t
        * (0.254_829_6
            + t * (-0.284_496_74 + t * (1.421_413_7 + t * (-1.453_152_1 + t * 1.061_405_4))));
    let y = 1.0 - poly * (-x * x).exp();
    if x < 0.0 {
        -y
    } else {
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erf_matches_known_values() {
        // Values from Abramowitz and Stegun, table 7.1.
        for (x, want) in [
            (0.0f32, 0.0f64),
            (0.5, 0.520_499_878),
            (1.0, 0.842_700_793),
            (2.0, 0.995_322_265),
        ] {
            assert!((f64::from(erf(x)) - want).abs() < 5e-7, "erf({x})");
            assert!((f64::from(erf(-x)) + want).abs() < 5e-7, "erf(-{x})");
        }
    }

    #[test]
    fn gelu_is_zero_at_zero_and_near_identity_for_large_inputs() {
        assert_eq!(gelu(0.0), 0.0);
        assert!((gelu(6.0) - 6.0).abs() < 1e-6);
        assert!(gelu(-6.0).abs() < 1e-6);
        assert!((gelu(1.0) - 0.841_344_7).abs() < 1e-6);
    }

    #[test]
    fn softmax_sums_to_one_and_keeps_order() {
        let mut row = [1.0, 3.0, 2.0];
        softmax(&mut row, 0.5);
        assert!((row.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(row[1] > row[2] && row[2] > row[0]);
    }
}
