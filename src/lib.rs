//! newsdiff: compare two news reports of one story.
//!
//! The pipeline is plain data flowing forward, one module per stage:
//!
//! ```text
//! text --input--> String --parse--> Document --extract--> Document{claims}
//!      --align--> Alignment --compare--> Report --render--> text | json
//! ```
//!
//! [`compare_texts`] runs the whole pipeline.

// The default build has no unsafe code at all; the `embed` feature has two
// calls, each allowed where it is alone: the matrix product in
// `embed::matmul` and the mapping of the model file in `embed::safetensors`.
#![cfg_attr(not(feature = "embed"), forbid(unsafe_code))]
#![cfg_attr(feature = "embed", deny(unsafe_code))]
// Internals are `pub(crate)`: only what the binary, the eval harness and
// the tests use is public, so the API a newcomer sees is the one they need.
#![warn(unreachable_pub)]

pub mod align;
pub mod batch;
pub mod check;
pub mod compare;
#[cfg(feature = "embed")]
pub mod embed;
pub mod extract;
pub mod html;
pub mod input;
pub(crate) mod lexicon;
pub mod model;
mod parallel;
pub mod parse;
pub mod render;
pub mod text;

use parallel::join_if;

pub use compare::Report;
pub use model::Document;

/// Settings that change what the pipeline finds (not how it is shown).
#[derive(Debug, Clone)]
pub struct Options {
    /// Pairs below this similarity are not aligned.
    pub min_similarity: f64,
    /// The sentence encoder that rescores the pairs the words leave in
    /// doubt (`--semantic`); `None` aligns on the words alone.
    #[cfg(feature = "embed")]
    pub semantic: Option<std::sync::Arc<embed::Model>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_similarity: align::DEFAULT_MIN_SIMILARITY,
            #[cfg(feature = "embed")]
            semantic: None,
        }
    }
}

/// Parses and extracts one document.
pub fn analyse(path: &str, text: &str) -> Document {
    analyse_owned(path, text.to_owned())
}

/// [`analyse`], keeping `text` as the document's text instead of a copy.
pub fn analyse_owned(path: &str, text: String) -> Document {
    extract::extract_owned(parse::parse_owned(path, text))
}

/// Reads an input held in memory as [`input::read_article`] reads a file:
/// the size limit, binary and UTF-8 checks, BOM removal, and under
/// `decode.format` a web page read as its article. `name` is the input's
/// display name in errors (and the report's `path`); nothing is read from
/// disk. For callers that hold texts rather than paths (the Python
/// package: engines keep texts in columns).
///
/// ```
/// use newsdiff::input::DecodeOptions;
/// let err = newsdiff::load("<left>", b"a\0b".to_vec(), DecodeOptions::default()).unwrap_err();
/// assert_eq!(err.to_string(), "<left>: binary data (NUL byte at offset 1); newsdiff compares text");
/// ```
pub fn load(
    name: &str,
    bytes: Vec<u8>,
    decode: input::DecodeOptions,
) -> Result<input::Loaded, input::ReadError> {
    // The same steps and messages as a file's bytes get.
    input::article_from_bytes(name, bytes, decode)
}

/// Combined input size from which the two sides are analysed in parallel.
const PARALLEL_BYTES: usize = 64 * 1024;

/// Runs the whole pipeline on two texts.
///
/// ```
/// let report = newsdiff::compare_texts(
///     "wire.txt",
///     "The minister said 2,000 people attended the rally on Friday.",
///     "site.txt",
///     "The minister confirmed two thousand people attended the rally on Friday.",
///     &newsdiff::Options::default(),
/// );
/// assert_eq!(report.pairs.len(), 1);
/// // The same value written differently is not a changed fact...
/// assert!(report.facts.changed.is_empty());
/// // ...but a stronger reporting verb is an attribution change.
/// let change = &report.attribution_changes[0];
/// assert_eq!((change.left_cue.as_deref(), change.right_cue.as_deref()), (Some("say"), Some("confirm")));
/// ```
pub fn compare_texts(
    left_path: &str,
    left: &str,
    right_path: &str,
    right: &str,
    options: &Options,
) -> Report {
    compare_owned(
        left_path,
        left.to_owned(),
        right_path,
        right.to_owned(),
        options,
    )
}

/// [`compare_texts`] on texts it may keep: each becomes its document's text
/// instead of being copied, which matters at megabytes.
pub fn compare_owned(
    left_path: &str,
    left: String,
    right_path: &str,
    right: String,
    options: &Options,
) -> Report {
    let (left, right) = analyse_pair(left_path, left, right_path, right);
    compare_documents(&left, &right, options)
}

/// Analyses two texts, at once when they are long.
pub fn analyse_pair(
    left_path: &str,
    left: String,
    right_path: &str,
    right: String,
) -> (Document, Document) {
    // The two sides are independent until alignment: analyse them at once.
    // Below a few pages the thread hand-off costs more than it saves.
    join_if(
        left.len() + right.len() >= PARALLEL_BYTES,
        || analyse_owned(left_path, left),
        || analyse_owned(right_path, right),
    )
}

/// Analyses two inputs as read: two texts as [`analyse_pair`] does (at once
/// when long), a web page by its extracted article.
pub fn analyse_loaded(
    left_path: &str,
    left: input::Loaded,
    right_path: &str,
    right: input::Loaded,
) -> (Document, Document) {
    match (left, right) {
        (input::Loaded::Text(left), input::Loaded::Text(right)) => {
            analyse_pair(left_path, left, right_path, right)
        }
        (left, right) => (left.analyse(left_path), right.analyse(right_path)),
    }
}

/// Aligns and compares two analysed documents: the rest of the pipeline.
pub fn compare_documents(left: &Document, right: &Document, options: &Options) -> Report {
    #[cfg(feature = "embed")]
    if let Some(model) = &options.semantic {
        let alignment = align::align_semantic(left, right, options.min_similarity, &**model);
        return compare::compare(left, right, &alignment);
    }
    let alignment = align::align(left, right, options.min_similarity);
    compare::compare(left, right, &alignment)
}
