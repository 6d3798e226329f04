//! What newsdiff knows about English news text, in one place. Stages read
//! these tables; none keeps a word list of its own for the same job.
//!
//! - [`cues`]: reporting cues (lemma, forms, certainty and its source), typed
//!   by `build.rs` from `data/lexicon/cues.tsv`.
//! - [`calendar`]: month and weekday names.
//! - [`speakers`]: the nouns and modifiers of speaker phrases.
//! - [`stopwords`]: function words that carry no topic.
//! - [`demonyms`]: aliases, demonyms and US state abbreviations of places.
//! - [`names`]: titles, legal forms, and the head words of place and
//!   organisation names.
//! - [`wordnet`]: WordNet synonyms and antonyms (tables built from
//!   `data/wordnet/`).
//! - [`reversals`]: word pairs that reverse a statement.
//! - [`negation`]: negators (contractions with or without their
//!   apostrophe), negation without a negator, auxiliary classes.
//! - [`quotes`]: quotation marks, by the job they do.
//! - [`hedges`]: reporting hedges ("reportedly") and the words that make a
//!   claim a likelihood ("probably").

pub(crate) mod calendar;
pub(crate) mod cues;
pub(crate) mod demonyms;
pub(crate) mod hedges;
// build.rs expands the cue table with it; the library tests it.
#[cfg(test)]
mod inflect;
pub(crate) mod names;
pub(crate) mod negation;
pub(crate) mod quotes;
pub(crate) mod reversals;
pub(crate) mod speakers;
pub(crate) mod stopwords;
pub(crate) mod wordnet;

pub(crate) use reversals::{listed_reversal, may_oppose, negated_by_prefix, reverses};
pub(crate) use wordnet::{are_synonyms, synonym_groups, Group};
