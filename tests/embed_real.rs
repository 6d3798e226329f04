//! The real all-MiniLM-L6-v2 (`scripts/get-model`), when installed: its
//! token ids and embeddings against a reference computed once outside
//! newsdiff, and the properties the aligner relies on.
//!
//! The reference is Hugging Face `tokenizers` (the model's own
//! tokenizer.json, padding off) for the ids, and a float64 NumPy forward
//! pass of the same weights for the embeddings (written from the BERT
//! paper's equations, sharing no code with newsdiff). CI installs the model
//! first and sets NEWSDIFF_REQUIRE_MODEL=1, so there a missing model fails
//! instead of skipping.
#![cfg(feature = "embed")]

mod common;

use newsdiff::embed::{cosine, model_dir, Model};

/// (text, token ids, first 8 dimensions of the unit embedding).
const REFERENCE: [(&str, &[u32], [f32; 8]); 5] = [
    (
        "We had a blast.",
        &[101, 2057, 2018, 1037, 8479, 1012, 102],
        [
            -0.009195, 0.045736, 0.000849, 0.035432, 0.013996, -0.008038, -0.005764, -0.022058,
        ],
    ),
    (
        "We had a great time.",
        &[101, 2057, 2018, 1037, 2307, 2051, 1012, 102],
        [
            -0.047686, 0.071280, 0.038951, -0.016447, 0.004063, -0.011227, -0.029609, -0.031388,
        ],
    ),
    (
        "The central bank raised interest rates by half a point on Tuesday.",
        &[
            101, 1996, 2430, 2924, 2992, 3037, 6165, 2011, 2431, 1037, 2391, 2006, 9857, 1012, 102,
        ],
        [
            0.030595, -0.033780, -0.026422, -0.002479, 0.053906, -0.087087, -0.115005, 0.100630,
        ],
    ),
    (
        "Rescuers pulled three survivors from the rubble of the collapsed hotel.",
        &[
            101, 5343, 2869, 2766, 2093, 8643, 2013, 1996, 17538, 1997, 1996, 7798, 3309, 1012, 102,
        ],
        [
            -0.043853, 0.026892, -0.013080, 0.003167, 0.063416, 0.052205, -0.030081, 0.043487,
        ],
    ),
    (
        "Café owners in Zürich said “no” — again.",
        &[
            101, 7668, 5608, 1999, 10204, 2056, 1523, 2053, 1524, 1517, 2153, 1012, 102,
        ],
        [
            0.057762, 0.041793, 0.028181, 0.030200, 0.011685, 0.009529, 0.049001, -0.032144,
        ],
    ),
];

/// Cosines between the reference embeddings above (float64).
const COSINES: [[f64; 5]; 5] = [
    [1.000000, 0.732299, 0.010699, 0.224928, 0.027133],
    [0.732299, 1.000000, 0.039225, 0.102138, 0.033161],
    [0.010699, 0.039225, 1.000000, -0.030315, -0.004168],
    [0.224928, 0.102138, -0.030315, 1.000000, 0.005538],
    [0.027133, 0.033161, -0.004168, 0.005538, 1.000000],
];

/// The installed model (see `common::installed_model`).
fn model() -> Option<Model> {
    common::installed_model(&model_dir(None))
}

#[test]
fn token_ids_match_the_models_own_tokenizer() {
    let Some(model) = model() else { return };
    assert_eq!(model.kind(), newsdiff::embed::Kind::MiniLm);
    for (text, ids, _) in REFERENCE {
        assert_eq!(model.token_ids(text).unwrap(), ids, "{text}");
    }
}

#[test]
fn embeddings_match_the_float64_reference() {
    let Some(model) = model() else { return };
    let texts: Vec<&str> = REFERENCE.iter().map(|r| r.0).collect();
    let vectors = model.embed(&texts).unwrap();
    for ((text, _, head), v) in REFERENCE.iter().zip(&vectors) {
        assert_eq!(v.len(), 384);
        for (got, want) in v.iter().zip(head) {
            assert!((got - want).abs() < 2e-5, "{text}: {got} vs {want}");
        }
    }
    for (i, row) in COSINES.iter().enumerate() {
        for (j, want) in row.iter().enumerate() {
            let got = cosine(&vectors[i], &vectors[j]);
            assert!((got - want).abs() < 1e-5, "cosine {i},{j}: {got} vs {want}");
        }
    }
}

#[test]
fn a_paraphrase_scores_high_and_unrelated_news_low() {
    let Some(model) = model() else { return };
    let v = model
        .embed(&[
            "We had a blast.",
            "We had a great time.",
            "The most important work of the day is done.",
            "You've finished the most important work of the day.",
            "The central bank raised interest rates by half a point on Tuesday.",
        ])
        .unwrap();
    assert!(cosine(&v[0], &v[1]) > 0.7);
    assert!(cosine(&v[2], &v[3]) > 0.8);
    assert!(cosine(&v[0], &v[4]) < 0.2);
    assert!(cosine(&v[3], &v[4]) < 0.2);
}
