//! Heap in use after each stage, and its peak during the stage, for memory
//! work: `cargo run --release --example heap -- left.txt right.txt`.
//!
//! The stages run as the binary runs them (both sides analysed at once,
//! default threshold, JSON rendered to /dev/null). A counting allocator
//! wraps the system one, so the figures are what the program asks for; the
//! resident peak adds what the allocator keeps (see README, "Where the
//! memory goes").

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on unchanged to the system allocator; the
// counters only observe the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Prints the heap in use and the peak since the last call, then starts a
/// new peak from what is in use.
fn report(stage: &str) {
    let now = IN_USE.load(Relaxed);
    let peak = PEAK.swap(now, Relaxed);
    eprintln!(
        "{stage:8} heap {:5} MB  peak {:5} MB",
        now >> 20,
        peak >> 20
    );
}

fn main() -> anyhow::Result<()> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let [left, right] = paths.as_slice() else {
        anyhow::bail!("usage: heap LEFT RIGHT");
    };
    let (left_text, right_text) = (
        std::fs::read_to_string(left)?,
        std::fs::read_to_string(right)?,
    );
    report("read");
    let (left_doc, right_doc) = rayon::join(
        || newsdiff::analyse_owned(left, left_text),
        || newsdiff::analyse_owned(right, right_text),
    );
    report("analyse");
    let alignment = newsdiff::align::align(
        &left_doc,
        &right_doc,
        newsdiff::align::DEFAULT_MIN_SIMILARITY,
    );
    report("align");
    let diff = newsdiff::compare::compare(&left_doc, &right_doc, &alignment);
    report("compare");
    drop((left_doc, right_doc, alignment));
    report("dropped");
    let mut out = std::io::BufWriter::new(std::fs::File::create("/dev/null")?);
    newsdiff::render::Renderer::render(&newsdiff::render::json::JsonRenderer, &diff, &mut out)?;
    report("json");
    Ok(())
}
