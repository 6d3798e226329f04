//! Report → one JSON document (contract version 1, see `DESIGN.md`).
//!
//! Control characters in the input stay JSON string escapes (`\u001b`), so
//! the document is safe to print and exact to parse.

use super::Renderer;
use crate::model::report::Report;
use serde::Serialize;
use std::io::{self, Write};

/// Pretty-printed JSON, one document, newline-terminated.
pub struct JsonRenderer;

impl Renderer for JsonRenderer {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        write_pretty(report, out)
    }
}

/// `value` as pretty-printed JSON and a newline.
pub(crate) fn write_pretty(value: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    // serde_json writes a long report in millions of small pieces; through
    // `dyn Write` each is a virtual call. A buffer of our own takes them
    // inline and hands `out` a few large writes.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, value)?;
    writeln!(buffered)?;
    buffered.flush()
}
