//! Times each pipeline stage on two files, cold (first call, including
//! one-time table set-up) and warm (second call on the same input):
//! `cargo run --release --example stages -- left.txt right.txt`.
//! Whole-process figures against peers come from `scripts/bench`.

use std::time::{Duration, Instant};

/// Peak resident memory so far, from /proc (Linux); empty elsewhere.
fn peak() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| format!("  peak {}", l[6..].trim()))
        })
        .unwrap_or_default()
}

fn timed<T>(f: impl Fn() -> T) -> (T, Duration, Duration) {
    let t = Instant::now();
    let _ = f();
    let cold = t.elapsed();
    let t = Instant::now();
    let out = f();
    (out, cold, t.elapsed())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [left, right] = [&args[0], &args[1]].map(|p| std::fs::read_to_string(p).unwrap());
    let (parsed, cold, warm) = timed(|| {
        (
            newsdiff::parse::parse("l", &left),
            newsdiff::parse::parse("r", &right),
        )
    });
    eprintln!(
        "parse   cold {cold:>10.2?}  warm {warm:>10.2?}  ({} + {} sentences){}",
        parsed.0.sentences.len(),
        parsed.1.sentences.len(),
        peak()
    );
    let ((l, r), cold, warm) = timed(|| {
        (
            newsdiff::extract::extract(&parsed.0),
            newsdiff::extract::extract(&parsed.1),
        )
    });
    eprintln!("extract cold {cold:>10.2?}  warm {warm:>10.2?}{}", peak());
    let (alignment, cold, warm) = timed(|| newsdiff::align::align(&l, &r, 0.3));
    eprintln!("align   cold {cold:>10.2?}  warm {warm:>10.2?}{}", peak());
    let (report, cold, warm) = timed(|| newsdiff::compare::compare(&l, &r, &alignment));
    eprintln!(
        "compare cold {cold:>10.2?}  warm {warm:>10.2?}  ({} pairs){}",
        report.pairs.len(),
        peak()
    );
    let (json, cold, warm) = timed(|| {
        let mut out = Vec::new();
        newsdiff::render::Renderer::render(
            &newsdiff::render::json::JsonRenderer,
            &report,
            &mut out,
        )
        .unwrap();
        out
    });
    eprintln!(
        "json    cold {cold:>10.2?}  warm {warm:>10.2?}  ({} bytes)",
        json.len()
    );
}
