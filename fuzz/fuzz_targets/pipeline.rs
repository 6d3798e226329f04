//! The whole pipeline on two arbitrary texts (the input split at its first
//! 0xFF byte): no panic, and the JSON report parses back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdiff::input::{decode, DecodeOptions};
use newsdiff::render::{json::JsonRenderer, Renderer};

fuzz_target!(|bytes: &[u8]| {
    let options = DecodeOptions {
        lossy: true,
        ..DecodeOptions::default()
    };
    let cut = bytes.iter().position(|&b| b == 0xFF).unwrap_or(bytes.len());
    let (left, right) = (&bytes[..cut], bytes.get(cut + 1..).unwrap_or_default());
    let (Ok(left), Ok(right)) = (decode(left, options), decode(right, options)) else {
        return;
    };
    let report = newsdiff::compare_texts("l", &left, "r", &right, &newsdiff::Options::default());
    let mut json = Vec::new();
    JsonRenderer.render(&report, &mut json).unwrap();
    serde_json::from_slice::<serde_json::Value>(&json).expect("valid JSON");
});
