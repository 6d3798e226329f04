//! A plain float64 forward pass of BERT, written from the equations with
//! loops, to check the encoder's matrix-product version against: one
//! reference for both models' tiny test files, which differ only in how
//! they name their tensors.

/// A tensor of the reference forward, by its place in the model.
#[derive(Debug, Clone, Copy)]
pub enum Tensor {
    Word,
    Position,
    TokenType,
    /// The embeddings' LayerNorm (`weight` and `bias`).
    EmbeddingNorm,
    /// Layer `l`'s dense layers and norms, in forward order.
    Query(usize),
    Key(usize),
    Value(usize),
    AttentionOut(usize),
    AttentionNorm(usize),
    Intermediate(usize),
    Output(usize),
    OutputNorm(usize),
}

/// The shape of the model.
pub struct Shape {
    pub hidden: usize,
    pub heads: usize,
    pub intermediate: usize,
    pub layers: usize,
}

/// The sum over tokens of the last layer for `ids` (the mean pooling
/// before its division). `weights(tensor, bias)` gives a tensor's values
/// (a dense layer's or norm's bias when `bias`; the table itself for the
/// embeddings, with `bias` false).
pub fn reference_sum<'w>(
    shape: &Shape,
    weights: &dyn Fn(Tensor, bool) -> &'w [f64],
    ids: &[u32],
) -> Vec<f64> {
    let (h, f, n) = (shape.hidden, shape.intermediate, ids.len());
    let norm = |x: &mut Vec<Vec<f64>>, t: Tensor| {
        let (w, b) = (weights(t, false), weights(t, true));
        for row in x.iter_mut() {
            let mean = row.iter().sum::<f64>() / h as f64;
            let var = row.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / h as f64;
            for (i, v) in row.iter_mut().enumerate() {
                *v = (*v - mean) / (var + 1e-12).sqrt() * w[i] + b[i];
            }
        }
    };
    let dense = |x: &Vec<Vec<f64>>, t: Tensor, inputs: usize, outputs: usize| -> Vec<Vec<f64>> {
        let (w, b) = (weights(t, false), weights(t, true));
        x.iter()
            .map(|row| {
                (0..outputs)
                    .map(|o| b[o] + (0..inputs).map(|i| row[i] * w[o * inputs + i]).sum::<f64>())
                    .collect()
            })
            .collect()
    };
    let add = |a: &Vec<Vec<f64>>, b: &Vec<Vec<f64>>| -> Vec<Vec<f64>> {
        a.iter()
            .zip(b)
            .map(|(a, b)| a.iter().zip(b).map(|(a, b)| a + b).collect())
            .collect()
    };
    let (word, position, token_type) = (
        weights(Tensor::Word, false),
        weights(Tensor::Position, false),
        weights(Tensor::TokenType, false),
    );
    let mut x: Vec<Vec<f64>> = ids
        .iter()
        .enumerate()
        .map(|(p, &id)| {
            (0..h)
                .map(|i| word[id as usize * h + i] + position[p * h + i] + token_type[i])
                .collect()
        })
        .collect();
    norm(&mut x, Tensor::EmbeddingNorm);
    let d = h / shape.heads;
    for l in 0..shape.layers {
        let q = dense(&x, Tensor::Query(l), h, h);
        let k = dense(&x, Tensor::Key(l), h, h);
        let v = dense(&x, Tensor::Value(l), h, h);
        let mut context = vec![vec![0.0; h]; n];
        for head in 0..shape.heads {
            for i in 0..n {
                let scores: Vec<f64> = (0..n)
                    .map(|j| {
                        (0..d)
                            .map(|e| q[i][head * d + e] * k[j][head * d + e])
                            .sum::<f64>()
                            / (d as f64).sqrt()
                    })
                    .collect();
                let max = scores.iter().cloned().fold(f64::MIN, f64::max);
                let exp: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
                let sum: f64 = exp.iter().sum();
                for e in 0..d {
                    context[i][head * d + e] =
                        (0..n).map(|j| exp[j] / sum * v[j][head * d + e]).sum();
                }
            }
        }
        x = add(&x, &dense(&context, Tensor::AttentionOut(l), h, h));
        norm(&mut x, Tensor::AttentionNorm(l));
        let mut inner = dense(&x, Tensor::Intermediate(l), h, f);
        // GELU with the exact normal CDF; erf by its Taylor series, which
        // converges fast for the small values of a random tiny model.
        let erf = |z: f64| {
            let (mut term, mut sum) = (z, z);
            for k in 1..80 {
                term *= -z * z / k as f64;
                sum += term / (2 * k + 1) as f64;
            }
            2.0 / std::f64::consts::PI.sqrt() * sum
        };
        inner
            .iter_mut()
            .flatten()
            .for_each(|v| *v = 0.5 * *v * (1.0 + erf(*v / 2f64.sqrt())));
        x = add(&x, &dense(&inner, Tensor::Output(l), f, h));
        norm(&mut x, Tensor::OutputNorm(l));
    }
    (0..h).map(|i| x.iter().map(|r| r[i]).sum()).collect()
}

/// `v` scaled to unit length.
pub fn unit(mut v: Vec<f64>) -> Vec<f64> {
    let length = v.iter().map(|x| x * x).sum::<f64>().sqrt();
    v.iter_mut().for_each(|x| *x /= length);
    v
}
