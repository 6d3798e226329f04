//! A file, standard input or a URL → text: size limit, binary detection,
//! UTF-8 check, BOM removal; for a web page, the article's extracted text
//! ([`crate::html`]).

pub mod fetch;
mod size;

pub use size::parse_size;

use crate::html::{self, Extracted, HtmlError, InputFormat};
use encoding_rs::{Encoding, UTF_8};
use fetch::{FetchError, FetchOptions};
use std::time::Duration;
use thiserror::Error;

/// Default largest input accepted, per side (50 MB).
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// [`DEFAULT_MAX_BYTES`] as `--max-bytes` writes it ([`parse_size`] reads
/// it back).
pub const DEFAULT_MAX_BYTES_TEXT: &str = "50M";

/// Why an input cannot be compared.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum InputError {
    /// The input is larger than the limit.
    #[error("input is over the size limit of {limit} bytes (raise it with --max-bytes)")]
    TooLarge {
        /// Size of the input (for standard input: as much as was read).
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The input holds a NUL byte, as binary files do (diff and ripgrep use the same test).
    #[error("binary data (NUL byte at offset {offset}); newsdiff compares text")]
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8 at byte offset {offset} (use --lossy to replace bad bytes)")]
    InvalidUtf8 {
        /// Byte offset of the first bad byte, counted in the input as read.
        offset: usize,
    },
}

/// How to turn bytes into text.
#[derive(Debug, Clone, Copy)]
pub struct DecodeOptions {
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    pub lossy: bool,
    /// Largest input accepted.
    pub max_bytes: u64,
    /// Text, Markdown, a web page, or decided by content.
    pub format: InputFormat,
    /// For a URL: time allowed for the whole fetch.
    pub timeout: Duration,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions {
            lossy: false,
            max_bytes: DEFAULT_MAX_BYTES,
            format: InputFormat::Auto,
            timeout: fetch::DEFAULT_TIMEOUT,
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes an input. The UTF-8 BOM is removed (spans then count from after
/// it); CRLF is kept as is, so spans still point into the original bytes.
pub fn decode(bytes: &[u8], options: DecodeOptions) -> Result<String, InputError> {
    decode_owned(bytes.to_vec(), options)
}

/// `Err(TooLarge)` when `size` bytes are over `options.max_bytes`: the one
/// size check every way in (a file, standard input, inline text, decoding).
fn within_limit(size: u64, options: DecodeOptions) -> Result<(), InputError> {
    if size > options.max_bytes {
        return Err(InputError::TooLarge {
            size,
            limit: options.max_bytes,
        });
    }
    Ok(())
}

/// [`decode`], taking the bytes: valid UTF-8 becomes the string in place
/// rather than a copy (megabytes, for a long input).
pub fn decode_owned(mut bytes: Vec<u8>, options: DecodeOptions) -> Result<String, InputError> {
    within_limit(bytes.len() as u64, options)?;
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary { offset });
    }
    let skipped = if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
        BOM.len()
    } else {
        0
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if options.lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(InputError::InvalidUtf8 {
            offset: skipped + e.utf8_error().valid_up_to(),
        }),
    }
}

/// Why an input could not be read or decoded.
#[derive(Debug, Error)]
pub enum ReadError {
    /// The operating system refused.
    // The cause is part of the message, not a `source`, so that `{:#}`
    // chains do not print it twice.
    #[error("{path}: {cause}")]
    Io {
        /// Display name of the input.
        path: String,
        /// The cause.
        cause: std::io::Error,
    },
    /// The path is a folder.
    #[error("{path}: is a directory, not a file")]
    Directory {
        /// Display name of the input.
        path: String,
    },
    /// The bytes are not acceptable text.
    #[error("{path}: {cause}")]
    Decode {
        /// Display name of the input.
        path: String,
        /// The cause.
        cause: InputError,
    },
    /// The input is a URL that gave no body.
    #[error("cannot fetch {url}: {cause}")]
    Fetch {
        /// The URL.
        url: String,
        /// The cause.
        cause: FetchError,
    },
    /// The input is a web page with no article in it.
    #[error("no article text found in {path}")]
    NoArticle {
        /// Display name of the input.
        path: String,
    },
    /// The input is a web page that cannot be read safely.
    #[error("{path}: {cause}")]
    Page {
        /// Display name of the input.
        path: String,
        /// The cause.
        cause: HtmlError,
    },
}

/// An input as read: text to parse, or the article of a web page.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Plain text or Markdown.
    Text(String),
    /// A web page's article: extracted text and block kinds.
    Page(Extracted),
}

impl Loaded {
    /// The text the parser reads (for a page, the extracted text).
    pub fn text(&self) -> &str {
        match self {
            Loaded::Text(text) => text,
            Loaded::Page(page) => &page.text,
        }
    }

    /// Parses and extracts the input.
    pub fn analyse(self, path: &str) -> crate::Document {
        match self {
            Loaded::Text(text) => crate::analyse_owned(path, text),
            Loaded::Page(page) => html::analyse_extracted(path, page),
        }
    }
}

/// Reads one input (a file, `-` for standard input, or a URL) and when it
/// is a web page (by `options.format`, or under `auto` by content or by a
/// URL's `text/html` content type) extracts its article. A page is decoded
/// by the charset of a URL's `Content-Type`, else by its own declared
/// encoding (see [`html::decode_page`]), so `--lossy` does not apply to it.
pub fn read_article(path: &str, options: DecodeOptions) -> Result<Loaded, ReadError> {
    let raw = read_raw(path, options)?;
    load(path, raw, options)
}

/// [`read_article`] on bytes already in hand (a batch manifest's inline
/// text), named `name` in messages: the same size limit, checks and web
/// page detection as a file's bytes.
pub fn article_from_bytes(
    name: &str,
    bytes: Vec<u8>,
    options: DecodeOptions,
) -> Result<Loaded, ReadError> {
    within_limit(bytes.len() as u64, options).map_err(|cause| ReadError::Decode {
        path: name.to_string(),
        cause,
    })?;
    let raw = Raw {
        bytes,
        charset: None,
        served_as_html: false,
    };
    load(name, raw, options)
}

/// Text or a page's article from an input's bytes.
fn load(path: &str, raw: Raw, options: DecodeOptions) -> Result<Loaded, ReadError> {
    let served_as_html = options.format == InputFormat::Auto && raw.served_as_html;
    if !(served_as_html || options.format.is_html(&raw.bytes)) {
        return decode_raw(path, raw, options).map(Loaded::Text);
    }
    let bytes = raw.bytes;
    // UTF-16, which a server may name, is full of NUL bytes; its text is not.
    let wide = raw
        .charset
        .is_some_and(|e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE);
    let nul = if wide {
        None
    } else {
        bytes.iter().position(|&b| b == 0)
    };
    if let Some(offset) = nul {
        return Err(ReadError::Decode {
            path: path.to_string(),
            cause: InputError::Binary { offset },
        });
    }
    // The HTML standard's order: a BOM, then the transport's charset, then
    // the page's own declaration (encoding_rs's `decode` sniffs the BOM).
    let text = match raw.charset {
        Some(encoding) => encoding.decode(&bytes).0.into_owned(),
        None => html::decode_page(&bytes),
    };
    match html::extract_article(&text) {
        Ok(page) => Ok(Loaded::Page(page)),
        Err(HtmlError::NoArticle) => Err(ReadError::NoArticle {
            path: path.to_string(),
        }),
        Err(cause) => Err(ReadError::Page {
            path: path.to_string(),
            cause,
        }),
    }
}

/// Reads and decodes one input as text (a file, `-` for standard input, or
/// a URL). A file larger than the limit is refused before it is read.
pub fn read_input(path: &str, options: DecodeOptions) -> Result<String, ReadError> {
    let raw = read_raw(path, options)?;
    decode_raw(path, raw, options)
}

/// An input's bytes and what its source says about them.
struct Raw {
    bytes: Vec<u8>,
    /// A URL's `Content-Type` charset.
    charset: Option<&'static Encoding>,
    /// A URL's `Content-Type` is a web page's.
    served_as_html: bool,
}

/// The bytes of a file, standard input or a URL, within the size limit.
fn read_raw(path: &str, options: DecodeOptions) -> Result<Raw, ReadError> {
    if !fetch::is_url(path) {
        return Ok(Raw {
            bytes: read_bytes(path, options)?,
            charset: None,
            served_as_html: false,
        });
    }
    let fetch_options = FetchOptions {
        timeout: options.timeout,
        max_bytes: options.max_bytes,
    };
    let fetched = fetch::fetch(path, fetch_options).map_err(|cause| ReadError::Fetch {
        url: path.to_string(),
        cause,
    })?;
    Ok(Raw {
        bytes: fetched.bytes,
        charset: fetched.charset,
        served_as_html: fetched.is_html,
    })
}

/// Text from raw bytes: UTF-8 as [`decode_owned`] reads it, or, when a
/// URL's `Content-Type` names another charset, converted from it (bad bytes
/// become U+FFFD, as a browser shows them).
fn decode_raw(path: &str, raw: Raw, options: DecodeOptions) -> Result<String, ReadError> {
    let failed = |cause| ReadError::Decode {
        path: path.to_string(),
        cause,
    };
    match raw.charset {
        Some(encoding) if encoding != UTF_8 => {
            let text = encoding.decode(&raw.bytes).0.into_owned();
            match text.bytes().position(|b| b == 0) {
                Some(offset) => Err(failed(InputError::Binary { offset })),
                None => Ok(text),
            }
        }
        _ => decode_owned(raw.bytes, options).map_err(failed),
    }
}

/// The bytes of one input, within the size limit.
fn read_bytes(path: &str, options: DecodeOptions) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let io = |source| ReadError::Io {
        path: path.to_string(),
        cause: source,
    };
    let too_large = |size: u64| {
        within_limit(size, options).map_err(|cause| ReadError::Decode {
            path: path.to_string(),
            cause,
        })
    };
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(options.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
    } else {
        let meta = std::fs::metadata(path).map_err(io)?;
        if meta.is_dir() {
            return Err(ReadError::Directory {
                path: path.to_string(),
            });
        }
        too_large(meta.len())?;
        let file = std::fs::File::open(path).map_err(io)?;
        // Sized up front: read in one go, not in doubling steps from 32
        // bytes (the limit's `take` hides the file's size from read_to_end).
        bytes.reserve_exact(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
        file.take(options.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
    }
    too_large(bytes.len() as u64)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_removed() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFHi.", DecodeOptions::default()).unwrap(),
            "Hi."
        );
    }

    #[test]
    fn invalid_utf8_names_offset_in_original_bytes() {
        let err = decode(b"\xEF\xBB\xBFab\xFFc", DecodeOptions::default()).unwrap_err();
        assert_eq!(err, InputError::InvalidUtf8 { offset: 5 });
    }

    #[test]
    fn lossy_replaces_bad_bytes() {
        let opts = DecodeOptions {
            lossy: true,
            ..Default::default()
        };
        assert_eq!(decode(b"a\xFFb", opts).unwrap(), "a\u{FFFD}b");
    }

    #[test]
    fn nul_byte_is_binary() {
        assert_eq!(
            decode(b"abc\0def", DecodeOptions::default()).unwrap_err(),
            InputError::Binary { offset: 3 }
        );
    }

    #[test]
    fn bytes_in_hand_are_read_as_a_file_is() {
        let page = b"<!doctype html><html><head><title>T</title></head><body><article><p>The council approved the new bridge on Monday, the mayor said, after a long debate.</p></article></body></html>".to_vec();
        let loaded = article_from_bytes("<left_text>", page, DecodeOptions::default()).unwrap();
        assert!(matches!(loaded, Loaded::Page(_)), "{loaded:?}");
        assert!(!loaded.text().contains("<p>"));
        let text = article_from_bytes(
            "t",
            b"\xEF\xBB\xBFPlain.".to_vec(),
            DecodeOptions::default(),
        );
        assert_eq!(text.unwrap(), Loaded::Text("Plain.".into()));
        let opts = DecodeOptions {
            max_bytes: 3,
            ..Default::default()
        };
        let error = article_from_bytes("t", b"four".to_vec(), opts).unwrap_err();
        assert_eq!(
            error.to_string(),
            "t: input is over the size limit of 3 bytes (raise it with --max-bytes)"
        );
    }

    #[test]
    fn a_served_charset_converts_a_text_and_utf8_stays_strict() {
        let raw = |bytes: &[u8], charset| Raw {
            bytes: bytes.to_vec(),
            charset,
            served_as_html: false,
        };
        let opts = DecodeOptions::default();
        let latin1 = Some(encoding_rs::WINDOWS_1252);
        assert_eq!(
            decode_raw("u", raw(b"caf\xE9", latin1), opts).unwrap(),
            "caf\u{e9}"
        );
        assert!(matches!(
            decode_raw("u", raw(b"a\0b", latin1), opts),
            Err(ReadError::Decode {
                cause: InputError::Binary { offset: 1 },
                ..
            })
        ));
        // A UTF-8 charset (or none) is checked as a file is.
        assert!(matches!(
            decode_raw("u", raw(b"caf\xE9", Some(UTF_8)), opts),
            Err(ReadError::Decode {
                cause: InputError::InvalidUtf8 { offset: 3 },
                ..
            })
        ));
    }

    #[test]
    fn a_page_served_as_utf16_is_not_binary() {
        let page: Vec<u8> = "<!doctype html><html><body><article><p>The council approved the new bridge on Monday, the mayor said, after a long debate.</p></article></body></html>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let raw = Raw {
            bytes: page,
            charset: Some(encoding_rs::UTF_16LE),
            served_as_html: true,
        };
        let loaded = load("u", raw, DecodeOptions::default()).unwrap();
        assert!(
            loaded.text().contains("approved the new bridge"),
            "{loaded:?}"
        );
    }

    #[test]
    fn size_limit_is_enforced() {
        let opts = DecodeOptions {
            max_bytes: 3,
            ..Default::default()
        };
        assert!(matches!(
            decode(b"abcd", opts),
            Err(InputError::TooLarge { size: 4, limit: 3 })
        ));
    }
}
