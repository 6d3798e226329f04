//! The encoder's loading and forward pass on a tiny random-weight model
//! that this test writes itself (safetensors, vocab.txt, config.json), and
//! the `--semantic` command line around it. The real model has its own test
//! (tests/embed_real.rs).
#![cfg(feature = "embed")]

#[path = "common/bert_reference.rs"]
mod bert_reference;
mod common;

use common::{newsdiff_cmd, LEFT, RIGHT};
use newsdiff::embed::{cosine, safetensors, LoadError, Model};
use std::path::{Path, PathBuf};

const VOCAB: &[&str] = &[
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "minister", "said", "rally", "people", ".", ",",
    "we", "had", "a", "blast", "great", "time", "##s", "on", "friday",
];
const HIDDEN: usize = 8;
const HEADS: usize = 2;
const INTERMEDIATE: usize = 12;
const LAYERS: usize = 2;
const POSITIONS: usize = 16;

/// Deterministic pseudo-random weights in [-0.5, 0.5) (a 64-bit LCG).
struct Random(u64);

impl Random {
    fn values(&mut self, n: usize) -> Vec<f32> {
        (0..n)
            .map(|_| {
                self.0 = self
                    .0
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((self.0 >> 40) as f32 / (1u64 << 24) as f32) - 0.5
            })
            .collect()
    }
}

/// The tiny model's tensors, as (name, shape, values).
fn tensors() -> Vec<(String, Vec<usize>, Vec<f32>)> {
    let mut random = Random(17);
    let mut out = Vec::new();
    let mut add = |name: String, shape: Vec<usize>, random: &mut Random| {
        let n = shape.iter().product();
        let mut values = random.values(n);
        if name.ends_with("LayerNorm.weight") {
            values.iter_mut().for_each(|v| *v += 1.0);
        }
        out.push((name, shape, values));
    };
    let h = HIDDEN;
    add(
        "embeddings.word_embeddings.weight".into(),
        vec![VOCAB.len(), h],
        &mut random,
    );
    add(
        "embeddings.position_embeddings.weight".into(),
        vec![POSITIONS, h],
        &mut random,
    );
    add(
        "embeddings.token_type_embeddings.weight".into(),
        vec![2, h],
        &mut random,
    );
    add("embeddings.LayerNorm.weight".into(), vec![h], &mut random);
    add("embeddings.LayerNorm.bias".into(), vec![h], &mut random);
    for l in 0..LAYERS {
        let p = format!("encoder.layer.{l}");
        for (name, o, i) in [
            ("attention.self.query", h, h),
            ("attention.self.key", h, h),
            ("attention.self.value", h, h),
            ("attention.output.dense", h, h),
            ("intermediate.dense", INTERMEDIATE, h),
            ("output.dense", h, INTERMEDIATE),
        ] {
            add(format!("{p}.{name}.weight"), vec![o, i], &mut random);
            add(format!("{p}.{name}.bias"), vec![o], &mut random);
        }
        for name in ["attention.output.LayerNorm", "output.LayerNorm"] {
            add(format!("{p}.{name}.weight"), vec![h], &mut random);
            add(format!("{p}.{name}.bias"), vec![h], &mut random);
        }
    }
    out
}

/// Writes the tiny model into a fresh folder named after the test.
fn write_model(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsdiff-tiny-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = serde_json::json!({
        "hidden_size": HIDDEN, "num_attention_heads": HEADS, "intermediate_size": INTERMEDIATE,
        "num_hidden_layers": LAYERS, "vocab_size": VOCAB.len(), "max_position_embeddings": POSITIONS,
        "type_vocab_size": 2, "layer_norm_eps": 1e-12, "hidden_act": "gelu"
    });
    std::fs::write(dir.join("config.json"), config.to_string()).unwrap();
    std::fs::write(dir.join("vocab.txt"), VOCAB.join("\n")).unwrap();
    let tensors = tensors();
    let borrowed: Vec<(&str, Vec<usize>, Vec<f32>)> = tensors
        .iter()
        .map(|(n, s, v)| (n.as_str(), s.clone(), v.clone()))
        .collect();
    safetensors::write(&dir.join("model.safetensors"), &borrowed).unwrap();
    dir
}

/// The reference forward pass (`tests/common/bert_reference.rs`) on the
/// tiny model's weights, mean-pooled and unit length.
fn reference(ids: &[u32]) -> Vec<f64> {
    use bert_reference::Tensor::*;
    let weights: std::collections::HashMap<String, Vec<f64>> = tensors()
        .into_iter()
        .map(|(n, _, v)| (n, v.into_iter().map(f64::from).collect()))
        .collect();
    let name = |t: bert_reference::Tensor, bias: bool| -> String {
        let part = if bias { "bias" } else { "weight" };
        let layer = |l: usize, name: &str| format!("encoder.layer.{l}.{name}.{part}");
        match t {
            Word => "embeddings.word_embeddings.weight".into(),
            Position => "embeddings.position_embeddings.weight".into(),
            TokenType => "embeddings.token_type_embeddings.weight".into(),
            EmbeddingNorm => format!("embeddings.LayerNorm.{part}"),
            Query(l) => layer(l, "attention.self.query"),
            Key(l) => layer(l, "attention.self.key"),
            Value(l) => layer(l, "attention.self.value"),
            AttentionOut(l) => layer(l, "attention.output.dense"),
            AttentionNorm(l) => layer(l, "attention.output.LayerNorm"),
            Intermediate(l) => layer(l, "intermediate.dense"),
            Output(l) => layer(l, "output.dense"),
            OutputNorm(l) => layer(l, "output.LayerNorm"),
        }
    };
    let shape = bert_reference::Shape {
        hidden: HIDDEN,
        heads: HEADS,
        intermediate: INTERMEDIATE,
        layers: LAYERS,
    };
    bert_reference::unit(bert_reference::reference_sum(
        &shape,
        &|t, bias| &weights[&name(t, bias)],
        ids,
    ))
}

#[test]
fn the_forward_pass_matches_a_float64_reference() {
    let model = Model::open(&write_model("forward")).unwrap();
    let texts = [
        "The minister said.",
        "We had a blast.",
        "people on friday, the rally",
    ];
    let vectors = model.embed(&texts).unwrap();
    for (text, v) in texts.iter().zip(&vectors) {
        let ids = model.token_ids(text).unwrap();
        let want = reference(&ids);
        for (got, want) in v.iter().zip(&want) {
            assert!(
                (f64::from(*got) - want).abs() < 1e-5,
                "{text}: {got} vs {want}"
            );
        }
        assert!((cosine(v, v) - 1.0).abs() < 1e-5, "unit length");
    }
}

#[test]
fn tokens_unknown_to_the_vocabulary_and_long_texts_still_embed() {
    let model = Model::open(&write_model("long")).unwrap();
    assert_eq!(model.token_ids("Ministers zzz").unwrap(), [2, 5, 17, 1, 3]);
    // Truncated to the 16 positions of the tiny model.
    let long = "the ".repeat(100);
    assert_eq!(model.token_ids(&long).unwrap().len(), POSITIONS);
    let v = model.embed(&[&long, ""]).unwrap();
    assert!(v.iter().all(|v| v.iter().all(|x| x.is_finite())));
}

#[test]
fn a_text_embeds_the_same_alone_in_a_batch_and_from_the_cache() {
    let model = Model::open(&write_model("cache")).unwrap();
    let alone = model.embed(&["We had a great time."]).unwrap();
    let batch = model
        .embed(&["The minister said.", "We had a great time.", "the rally"])
        .unwrap();
    let again = model.embed(&["We had a great time."]).unwrap();
    for (a, b) in alone[0].iter().zip(batch[1].iter()) {
        assert!((a - b).abs() < 1e-6);
    }
    assert_eq!(alone[0], again[0]);
}

#[test]
fn a_model_released_after_use_reads_its_weights_again() {
    // A single comparison lets the weights go after embedding; a later
    // call (a new text, not in the cache) reads them again and gives the
    // same vector a model that kept them gives.
    let kept = Model::open(&write_model("kept")).unwrap();
    let released = Model::open(&write_model("released")).unwrap();
    released.release_after_use();
    let first = released.embed(&["We had a great time."]).unwrap();
    let second = released.embed(&["The minister said."]).unwrap();
    assert_eq!(first, kept.embed(&["We had a great time."]).unwrap());
    assert_eq!(second, kept.embed(&["The minister said."]).unwrap());
    // A broken model stays broken: the error is kept, not retried.
    let dir = write_model("released-broken");
    let released = Model::open(&dir).unwrap();
    released.release_after_use();
    let vocabulary = std::fs::read(dir.join("vocab.txt")).unwrap();
    std::fs::write(dir.join("vocab.txt"), "[PAD]\n").unwrap();
    let first = released.embed(&["We had a great time."]).unwrap_err();
    // Mended on disk, the model is still the broken one it was.
    std::fs::write(dir.join("vocab.txt"), vocabulary).unwrap();
    let second = released.embed(&["We had a great time."]).unwrap_err();
    assert_eq!(first.to_string(), second.to_string());
}

fn open_error(dir: &Path) -> LoadError {
    Model::open(dir).expect_err("the model should not open")
}

#[test]
fn a_missing_model_names_the_setup_command() {
    let err = open_error(Path::new("/nonexistent/newsdiff-model"));
    assert!(matches!(err, LoadError::Missing { .. }));
    let text = err.to_string();
    assert!(
        text.contains("scripts/get-model") && !text.contains('\n'),
        "{text}"
    );
}

#[test]
fn a_truncated_model_is_corrupt_and_names_the_setup_command() {
    let dir = write_model("truncated");
    let path = dir.join("model.safetensors");
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let err = open_error(&dir);
    assert!(matches!(err, LoadError::Corrupt { .. }), "{err}");
    let text = err.to_string();
    assert!(
        text.contains("truncated") && text.contains("scripts/get-model"),
        "{text}"
    );
}

#[test]
fn a_model_with_a_missing_tensor_or_other_vocabulary_is_corrupt() {
    let dir = write_model("missing-tensor");
    let tensors = tensors();
    let kept: Vec<(&str, Vec<usize>, Vec<f32>)> = tensors
        .iter()
        .filter(|(n, _, _)| !n.contains("layer.1.output.dense.weight"))
        .map(|(n, s, v)| (n.as_str(), s.clone(), v.clone()))
        .collect();
    safetensors::write(&dir.join("model.safetensors"), &kept).unwrap();
    assert!(open_error(&dir)
        .to_string()
        .contains("no tensor encoder.layer.1.output.dense.weight"));

    // The vocabulary is read on first use: a short one fails there.
    let dir = write_model("vocabulary");
    std::fs::write(dir.join("vocab.txt"), VOCAB[..10].join("\n")).unwrap();
    let model = Model::open(&dir).unwrap();
    let err = model.embed(&["the rally"]).unwrap_err();
    assert!(matches!(err, LoadError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("scripts/get-model"));
}

#[test]
fn a_non_finite_weight_is_corrupt_when_a_text_reads_it() {
    // The weights are read in place and not scanned at load (that would
    // page in the whole word table): a NaN shows in the embeddings of the
    // texts that use it, and those are refused, never returned.
    let dir = write_model("nan-weight");
    let mut tensors = tensors();
    for (name, _, values) in &mut tensors {
        if name == "encoder.layer.0.intermediate.dense.weight" {
            values[3] = f32::NAN;
        }
    }
    let borrowed: Vec<(&str, Vec<usize>, Vec<f32>)> = tensors
        .iter()
        .map(|(n, s, v)| (n.as_str(), s.clone(), v.clone()))
        .collect();
    safetensors::write(&dir.join("model.safetensors"), &borrowed).unwrap();
    let model = Model::open(&dir).unwrap();
    let err = model.embed(&["the rally"]).unwrap_err();
    assert!(matches!(err, LoadError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("non-finite"), "{err}");
}

#[test]
fn semantic_without_a_model_is_one_line_of_trouble() {
    let output = newsdiff_cmd()
        .args([
            "--semantic",
            "--model",
            "/nonexistent/newsdiff-model",
            LEFT,
            RIGHT,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("scripts/get-model"), "{stderr}");
}

#[test]
fn every_pair_says_its_scorer_with_a_model_and_none_without() {
    let dir = write_model("cli");
    let run = |args: &[&str]| -> serde_json::Value {
        let output = newsdiff_cmd().args(args).output().unwrap();
        assert!(output.status.code().is_some_and(|c| c < 2), "{output:?}");
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let with = run(&[
        "--model",
        dir.to_str().unwrap(),
        "--format",
        "json",
        LEFT,
        RIGHT,
    ]);
    let pairs = with["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty());
    for pair in pairs {
        let scorer = pair["scorer"].as_str().unwrap();
        assert!(scorer == "lexical" || scorer == "semantic", "{scorer}");
        let similarity = pair["similarity"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&similarity));
    }
    let without = run(&["--format", "json", LEFT, RIGHT]);
    assert!(without["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p.get("scorer").is_none()));
}
