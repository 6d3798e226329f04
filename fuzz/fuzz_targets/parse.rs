//! The parser on arbitrary bytes: decode as the binary does (lossy, so every
//! input reaches the parser), then check the span invariants that
//! tests/properties.rs states.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdiff::input::{decode, DecodeOptions};
use newsdiff::parse::{parse, MAX_SENTENCE_BYTES};

fuzz_target!(|bytes: &[u8]| {
    let options = DecodeOptions {
        lossy: true,
        ..DecodeOptions::default()
    };
    let Ok(text) = decode(bytes, options) else {
        return; // NUL bytes: refused as binary before parsing.
    };
    let doc = parse("fuzz", &text);
    let mut previous_end = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        assert_eq!(s.index, i);
        assert!(previous_end <= s.span.start && s.span.start < s.span.end);
        let slice = text.get(s.span.start..s.span.end).expect("char boundaries");
        assert_eq!(slice.trim(), slice);
        assert!(s.span.len() <= MAX_SENTENCE_BYTES);
        let block = doc.blocks[s.block].span;
        assert!(block.start <= s.span.start && s.span.end <= block.end);
        previous_end = s.span.end;
    }
    for (b, block) in doc.blocks.iter().enumerate() {
        for (offset, c) in block.span.slice(&text).char_indices() {
            let at = block.span.start + offset;
            let holders = doc
                .sentences
                .iter()
                .filter(|s| s.block == b && s.span.start <= at && at < s.span.end)
                .count();
            assert!(c.is_whitespace() || holders == 1, "byte {at} in {holders} sentences");
        }
    }
});
