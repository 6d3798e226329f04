//! The data every stage passes forward.
//!
//! - [`document`]: a parsed article: blocks, sentences with byte spans, and
//!   the claims `extract` finds in them (attributions, numbers, entities,
//!   dates).
//! - [`report`]: every finding of a comparison, typed; the JSON contract is
//!   these types serialised.
//! - [`severity`]: how much each kind of finding matters.
//! - `text`: the sentence text shared with the input where it reads as written.
//!
//! Plain data only: no stage's logic lives here.

pub mod document;
pub mod report;
pub mod severity;
mod text;

pub use document::*;
pub use text::SharedText;
