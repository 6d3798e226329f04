//! What newsdiff knows about English news text, in one place: the
//! reporting cues with their certainty, WordNet synonyms and antonyms, and
//! the word pairs that reverse a statement. Stages read these tables; none
//! keeps a word list of its own for the same job.

pub mod cues;
// build.rs expands the cue table with it; the library tests it.
#[cfg(test)]
mod inflect;
pub mod reversals;
pub mod wordnet;

pub use reversals::{are_reversals, listed_reversal, negated_by_prefix, reverses};
pub use wordnet::{antonyms, are_antonyms, are_synonyms, synonym_groups, synonyms, Group};
