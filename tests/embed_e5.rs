//! The e5 encoder's loading and forward pass on a tiny random model that
//! this test writes itself (an E5S1 file, `embed::e5::write::tiny`), and
//! `--model` with it. The real model has its own test
//! (tests/embed_e5_real.rs).
#![cfg(feature = "embed")]

#[path = "common/bert_reference.rs"]
mod bert_reference;
mod common;

use common::{newsdiff_cmd, LEFT, RIGHT};
use newsdiff::embed::e5::write::{quantised, tiny, Spec};
use newsdiff::embed::{cosine, model_dir_for, Kind, LoadError, Model};
use std::collections::HashMap;
use std::path::PathBuf;

/// Writes `spec` into a fresh folder named after the test.
fn write_model(name: &str, spec: &Spec) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsdiff-e5-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("e5-small-q4.bin"), spec.to_bytes()).unwrap();
    dir
}

/// The sum over tokens of the last layer of the reference forward pass
/// (`tests/common/bert_reference.rs`), on the weights as the encoder reads
/// them (the 4-bit ones quantised and expanded).
fn reference_sum(spec: &Spec, ids: &[u32]) -> Vec<f64> {
    use bert_reference::Tensor::*;
    let four_bit: HashMap<String, bool> = spec
        .tensor_names()
        .into_iter()
        .map(|(n, q, _)| (n, q))
        .collect();
    let weights: HashMap<&str, Vec<f64>> = spec
        .tensors
        .iter()
        .map(|(n, v)| {
            let v = if four_bit[n] { quantised(v) } else { v.clone() };
            (n.as_str(), v.into_iter().map(f64::from).collect())
        })
        .collect();
    let name = |t: bert_reference::Tensor, bias: bool| -> String {
        let part = if bias { "b" } else { "w" };
        match t {
            Word => "emb.word".into(),
            Position => "emb.pos".into(),
            TokenType => "emb.type".into(),
            EmbeddingNorm => format!("emb.ln.{part}"),
            Query(l) => format!("l{l}.q.{part}"),
            Key(l) => format!("l{l}.k.{part}"),
            Value(l) => format!("l{l}.v.{part}"),
            AttentionOut(l) => format!("l{l}.ao.{part}"),
            AttentionNorm(l) => format!("l{l}.aln.{part}"),
            Intermediate(l) => format!("l{l}.fi.{part}"),
            Output(l) => format!("l{l}.fo.{part}"),
            OutputNorm(l) => format!("l{l}.oln.{part}"),
        }
    };
    let shape = bert_reference::Shape {
        hidden: spec.hidden,
        heads: spec.heads,
        intermediate: spec.intermediate,
        layers: spec.layers,
    };
    bert_reference::reference_sum(&shape, &|t, bias| &weights[name(t, bias).as_str()], ids)
}

use bert_reference::unit;

#[test]
fn the_forward_pass_matches_a_float64_reference() {
    let spec = tiny();
    let model = Model::open(&write_model("forward", &spec)).unwrap();
    assert_eq!(model.kind(), Kind::E5);
    let texts = ["the rally", "the minister said.", "fine é", "zz"];
    let vectors = model.embed(&texts).unwrap();
    for (text, v) in texts.iter().zip(&vectors) {
        let ids = model.token_ids(text).unwrap();
        assert!(ids.len() <= spec.positions, "one window: {ids:?}");
        let want = unit(reference_sum(&spec, &ids));
        for (got, want) in v.iter().zip(&want) {
            assert!(
                (f64::from(*got) - want).abs() < 1e-5,
                "{text}: {got} vs {want}"
            );
        }
    }
}

#[test]
fn a_long_text_is_the_weighted_mean_of_its_windows() {
    let spec = tiny();
    let model = Model::open(&write_model("windows", &spec)).unwrap();
    // 14 pieces: windows of 6, 6 and 2, each <s> … </s>.
    let text = ["the"; 12].join(" ");
    let ids = model.token_ids(&text).unwrap();
    let content = &ids[1..ids.len() - 1];
    let mut total = vec![0.0; spec.hidden];
    for chunk in content.chunks(spec.positions - 2) {
        let window: Vec<u32> = [&[0], chunk, &[2]].concat();
        let sum = reference_sum(&spec, &window);
        for (t, s) in total.iter_mut().zip(sum) {
            *t += chunk.len() as f64 * s / window.len() as f64;
        }
    }
    let want = unit(total);
    let got = model.embed(&[&text]).unwrap();
    for (got, want) in got[0].iter().zip(&want) {
        assert!((f64::from(*got) - want).abs() < 1e-5, "{got} vs {want}");
    }
}

#[test]
fn a_text_embeds_the_same_alone_in_a_batch_and_from_the_cache() {
    let model = Model::open(&write_model("cache", &tiny())).unwrap();
    let alone = model.embed(&["the rally said"]).unwrap();
    let batch = model
        .embed(&["the minister", "the rally said", &["the"; 12].join(" ")])
        .unwrap();
    let again = model.embed(&["the rally said"]).unwrap();
    assert!(cosine(&alone[0], &batch[1]) > 1.0 - 1e-6);
    assert_eq!(alone[0], again[0]);
}

#[test]
fn a_truncated_file_is_corrupt_and_names_the_e5_setup() {
    let spec = tiny();
    let bytes = spec.to_bytes();
    let dir = write_model("truncated", &spec);
    for len in [0, 3, 40, 100, bytes.len() / 2, bytes.len() - 1] {
        std::fs::write(dir.join("e5-small-q4.bin"), &bytes[..len]).unwrap();
        let err = Model::open(&dir).expect_err("a truncated file should not open");
        assert!(matches!(err, LoadError::Corrupt { .. }), "{len}: {err}");
        let text = err.to_string();
        assert!(
            text.contains("scripts/get-model e5") && !text.contains('\n'),
            "{text}"
        );
    }
}

#[test]
fn a_file_that_changes_after_opening_fails_at_first_use() {
    let spec = tiny();
    let dir = write_model("changed", &spec);
    let model = Model::open(&dir).unwrap();
    std::fs::write(dir.join("e5-small-q4.bin"), &spec.to_bytes()[..500]).unwrap();
    let err = model.embed(&["the rally"]).unwrap_err();
    assert!(matches!(err, LoadError::Corrupt { .. }), "{err}");
}

#[test]
fn the_e5_model_aligns_a_pair_through_the_command_line() {
    let dir = write_model("cli", &tiny());
    let output = newsdiff_cmd()
        .args([
            "--model",
            dir.to_str().unwrap(),
            "--format",
            "json",
            LEFT,
            RIGHT,
        ])
        .output()
        .unwrap();
    assert!(output.status.code().is_some_and(|c| c < 2), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let pairs = json["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty());
    for pair in pairs {
        let scorer = pair["scorer"].as_str().unwrap();
        assert!(scorer == "lexical" || scorer == "semantic", "{scorer}");
    }
}

#[test]
fn each_model_has_its_own_default_folder() {
    let e5 = model_dir_for(Kind::E5);
    let minilm = model_dir_for(Kind::MiniLm);
    assert!(e5.ends_with("newsdiff/multilingual-e5-small-q4"), "{e5:?}");
    assert!(minilm.ends_with("newsdiff/all-minilm-l6-v2"), "{minilm:?}");
    assert_eq!(e5.parent(), minilm.parent());
}

#[test]
fn a_word_row_the_file_no_longer_holds_is_an_error_not_a_panic() {
    let spec = tiny();
    let dir = write_model("shrunk", &spec);
    let model = Model::open(&dir).unwrap();
    model.embed(&["the rally"]).unwrap();
    // The word table is read row by row from the file: cut it short (the
    // same file, so the open handle sees it) and a new text fails.
    let path = dir.join("e5-small-q4.bin");
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(200).unwrap();
    let err = model.embed(&["the minister"]).unwrap_err();
    assert!(matches!(err, LoadError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("scripts/get-model e5"), "{err}");
    // What the cache holds is still answered.
    assert!(model.embed(&["the rally"]).is_ok());
}

#[test]
fn the_aligner_combines_e5_cosines_with_e5_weights() {
    use newsdiff::align::semantic::{Embedder, E5_WEIGHTS, WEIGHTS};
    let model = Model::open(&write_model("weights", &tiny())).unwrap();
    assert_eq!(Embedder::weights(&model), E5_WEIGHTS);
    assert_ne!(E5_WEIGHTS, WEIGHTS, "each model has its own fit");
}

#[test]
fn a_short_name_stands_for_its_default_folder_unless_a_folder_has_that_name() {
    use newsdiff::embed::model_dir;
    use std::path::Path;
    assert_eq!(model_dir(Some(Path::new("e5"))), model_dir_for(Kind::E5));
    assert_eq!(
        model_dir(Some(Path::new("minilm"))),
        model_dir_for(Kind::MiniLm)
    );
    let elsewhere = Path::new("/no/such/place/e5");
    assert_eq!(model_dir(Some(elsewhere)), elsewhere, "a path is a path");
}

#[test]
fn e5_not_installed_names_the_command_that_installs_it() {
    let dir = std::env::temp_dir()
        .join(format!("newsdiff-e5-absent-{}", std::process::id()))
        .join("multilingual-e5-small-q4");
    let err = Model::open(&dir).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, LoadError::Missing { .. }), "{text}");
    assert!(text.contains("e5-small-q4.bin"), "{text}");
    assert!(text.ends_with("run scripts/get-model e5"), "{text}");
}
