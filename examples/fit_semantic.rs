//! Fits the weights of `align::semantic::combine` on one half of MSRP dev
//! and tests them on the other (issue 17):
//! `cargo run --release --features embed --example fit_semantic -- ../shared/eval/msrp/dev/pairs.tsv`.
//!
//! Each pair's features are the encoder's cosine and newsdiff's lexical
//! similarity of the two texts (Idf over the pair, as the aligner and
//! newsdiff-eval score a pair). A logistic regression of the paraphrase
//! label on them is fitted on the even-numbered pairs; its weights are
//! scaled to sum to 1 (a similarity, like the inputs) and shifted so that
//! the half's best-accuracy threshold lands on the aligner's 0.4. The
//! odd-numbered pairs are never seen by the fit.

use newsdiff::align::semantic::{combine_with, Weights};
use newsdiff::align::similarity::{similarity, Features, Idf};
use newsdiff::embed::{cosine, model_dir, Model};

struct Scored {
    cosine: f64,
    lexical: f64,
    paraphrase: bool,
}

fn lexical(left: &str, right: &str) -> f64 {
    let features = |text: &str| -> Vec<Features> {
        let doc = newsdiff::analyse("t", text);
        let mut f: Vec<Features> = doc.alignable().map(Features::from_sentence).collect();
        if f.is_empty() {
            f = doc.sentences.iter().map(Features::from_sentence).collect();
        }
        f
    };
    let (l, r) = (features(left), features(right));
    let idf = Idf::new(l.iter().chain(&r));
    let merged = |f: &[Features]| Features::merged(&f.iter().collect::<Vec<_>>());
    similarity(&merged(&l), &merged(&r), &idf)
}

/// Accuracy and F1 of `score >= threshold` as "paraphrase".
fn accuracy_f1(pairs: &[&Scored], score: impl Fn(&Scored) -> f64, threshold: f64) -> (f64, f64) {
    let (mut tp, mut fp, mut fneg, mut right) = (0.0, 0.0, 0.0, 0.0);
    for p in pairs {
        let yes = score(p) >= threshold;
        if yes == p.paraphrase {
            right += 1.0;
        }
        match (yes, p.paraphrase) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fneg += 1.0,
            _ => {}
        }
    }
    (
        right / pairs.len() as f64,
        2.0 * tp / (2.0 * tp + fp + fneg),
    )
}

/// The threshold of best accuracy over the scores' own values.
fn best_threshold(pairs: &[&Scored], score: impl Fn(&Scored) -> f64) -> f64 {
    let mut candidates: Vec<f64> = pairs.iter().map(|p| score(p)).collect();
    candidates.sort_by(f64::total_cmp);
    candidates
        .iter()
        .copied()
        .max_by(|&a, &b| {
            accuracy_f1(pairs, &score, a)
                .0
                .total_cmp(&accuracy_f1(pairs, &score, b).0)
        })
        .unwrap_or(0.5)
}

/// Logistic regression on (cosine, lexical) by Newton's method.
fn logistic(pairs: &[&Scored]) -> [f64; 3] {
    let mut w = [0.0f64; 3];
    for _ in 0..50 {
        let mut grad = [0.0; 3];
        let mut hess = [[0.0; 3]; 3];
        for p in pairs {
            let x = [1.0, p.cosine, p.lexical];
            let z: f64 = (0..3).map(|i| w[i] * x[i]).sum();
            let y = 1.0 / (1.0 + (-z).exp());
            let t = if p.paraphrase { 1.0 } else { 0.0 };
            for i in 0..3 {
                grad[i] += (y - t) * x[i];
                for j in 0..3 {
                    hess[i][j] += y * (1.0 - y) * x[i] * x[j];
                }
            }
        }
        let step = solve3(hess, grad);
        (0..3).for_each(|i| w[i] -= step[i]);
    }
    w
}

/// Solves a 3×3 system by Cramer's rule.
fn solve3(a: [[f64; 3]; 3], b: [f64; 3]) -> [f64; 3] {
    let det = |m: [[f64; 3]; 3]| {
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    };
    let d = det(a);
    let mut out = [0.0; 3];
    for (k, o) in out.iter_mut().enumerate() {
        let mut m = a;
        (0..3).for_each(|i| m[i][k] = b[i]);
        *o = det(m) / d;
    }
    out
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: fit_semantic msrp/dev/pairs.tsv");
    let text = std::fs::read_to_string(&path).expect("reading pairs.tsv");
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .filter(|r: &Vec<&str>| r.len() >= 5)
        .collect();
    let model = Model::open(&model_dir(None)).unwrap_or_else(|e| panic!("{e}"));
    let texts: Vec<&str> = rows.iter().flat_map(|r| [r[3], r[4]]).collect();
    let vectors = model.embed(&texts).expect("embedding");
    let scored: Vec<Scored> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| Scored {
            cosine: cosine(&vectors[2 * i], &vectors[2 * i + 1]),
            lexical: lexical(r[3], r[4]),
            paraphrase: r[1].trim() == "1",
        })
        .collect();
    let fit: Vec<&Scored> = scored.iter().step_by(2).collect();
    let test: Vec<&Scored> = scored.iter().skip(1).step_by(2).collect();
    let [b0, bc, bl] = logistic(&fit);
    let (c, l) = (bc / (bc + bl), bl / (bc + bl));
    let raw = Weights {
        cosine: c,
        lexical: l,
        bias: 0.0,
    };
    let t = best_threshold(&fit, |p| combine_with(&raw, p.cosine, p.lexical));
    let fitted = Weights {
        bias: 0.4 - t,
        ..raw
    };
    println!(
        "logistic on {} fit pairs: z = {b0:.4} + {bc:.4}·cosine + {bl:.4}·lexical",
        fit.len()
    );
    println!("weights: cosine {c:.4}, lexical {l:.4}, bias {:.4} (fit half's best threshold {t:.4} → 0.4)", fitted.bias);
    let mean = Weights {
        cosine: 0.5,
        lexical: 0.5,
        bias: 0.0,
    };
    let show = |name: &str, score: &dyn Fn(&Scored) -> f64, threshold: f64| {
        let (acc, f1) = accuracy_f1(&test, score, threshold);
        println!("  {name:<44} acc {acc:.3}  F1 {f1:.3}");
    };
    println!("on the {} test pairs (odd-numbered):", test.len());
    show("lexical at 0.4", &|p| p.lexical, 0.4);
    let lt = best_threshold(&fit, |p| p.lexical);
    show(
        &format!("lexical at fit half's best {lt:.3}"),
        &|p| p.lexical,
        lt,
    );
    let ct = best_threshold(&fit, |p| p.cosine);
    show(
        &format!("cosine at fit half's best {ct:.3}"),
        &|p| p.cosine,
        ct,
    );
    show(
        "0.5·(cosine + lexical) at 0.4",
        &|p| combine_with(&mean, p.cosine, p.lexical),
        0.4,
    );
    let mt = best_threshold(&fit, |p| combine_with(&mean, p.cosine, p.lexical));
    show(
        &format!("0.5·(cosine + lexical) at fit half's best {mt:.3}"),
        &|p| combine_with(&mean, p.cosine, p.lexical),
        mt,
    );
    show(
        "fitted combination at 0.4",
        &|p| combine_with(&fitted, p.cosine, p.lexical),
        0.4,
    );
}
