//! [`Report`] → bytes, one renderer per format behind [`Renderer`].
//!
//! Renderers compute nothing: every figure they print is in the report.

pub mod check;
pub mod escape;
pub mod github;
pub mod json;
pub mod text;

use crate::report::Report;
use std::io::{self, Write};

/// Writes a report in one output format.
pub trait Renderer {
    /// Writes `report` to `out`.
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}
