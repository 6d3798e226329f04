//! [`Alignment`] → [`Report`]: word diffs, attribution changes, fact changes.

use crate::align::Alignment;
use crate::model::Document;
pub use crate::report::Report;

/// Compares two extracted documents along an alignment.
pub fn compare(left: &Document, right: &Document, alignment: &Alignment) -> Report {
    let _ = (left, right, alignment);
    todo!()
}
