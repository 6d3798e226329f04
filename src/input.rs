//! Bytes → text: size limit, binary detection, UTF-8 check, BOM removal;
//! for a web page, the article's extracted text ([`crate::html`]).

use crate::html::{self, Extracted, HtmlError, InputFormat};
use thiserror::Error;

/// Default largest input accepted, per side (50 MB).
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// [`DEFAULT_MAX_BYTES`] as `--max-bytes` writes it ([`parse_size`] reads
/// it back).
pub const DEFAULT_MAX_BYTES_TEXT: &str = "50M";

/// Reads a size as `--max-bytes` takes it: a number of bytes, or a number
/// followed by `k`, `M` or `G` (either case, `iB` allowed after it) for
/// powers of 1024, as `ls -h`, `du -h` and `sort -S` count (the default,
/// 50 MiB, is `50M`). Decimal points and other suffixes are refused, with a
/// message that says what is accepted.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let accepted =
        "a number of bytes, or one followed by k, M or G (powers of 1024), such as 10k or 50M";
    let trimmed = text.trim();
    let digits = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (number, suffix) = trimmed.split_at(digits);
    let shift = match suffix.to_ascii_lowercase().as_str() {
        "" => 0,
        "k" | "kib" => 10,
        "m" | "mib" => 20,
        "g" | "gib" => 30,
        _ => return Err(format!("{text:?} is not a size: expected {accepted}")),
    };
    let number: u64 = match number.parse() {
        Ok(n) => n,
        Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => {
            return Err(format!("{text:?} is too large"))
        }
        Err(_) => return Err(format!("{text:?} is not a size: expected {accepted}")),
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("{text:?} is too large"))
}

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
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions {
            lossy: false,
            max_bytes: DEFAULT_MAX_BYTES,
            format: InputFormat::Auto,
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes an input. The UTF-8 BOM is removed (spans then count from after
/// it); CRLF is kept as is, so spans still point into the original bytes.
pub fn decode(bytes: &[u8], options: DecodeOptions) -> Result<String, InputError> {
    decode_owned(bytes.to_vec(), options)
}

/// [`decode`], taking the bytes: valid UTF-8 becomes the string in place
/// rather than a copy (megabytes, for a long input).
pub fn decode_owned(mut bytes: Vec<u8>, options: DecodeOptions) -> Result<String, InputError> {
    if bytes.len() as u64 > options.max_bytes {
        return Err(InputError::TooLarge {
            size: bytes.len() as u64,
            limit: options.max_bytes,
        });
    }
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

/// Reads one input, `-` for standard input, and when it is a web page
/// (by `options.format`, or by content under `auto`) extracts its article.
/// A page is decoded by its own declared encoding (see
/// [`html::decode_page`]), so `--lossy` does not apply to it.
pub fn read_article(path: &str, options: DecodeOptions) -> Result<Loaded, ReadError> {
    let bytes = read_bytes(path, options)?;
    if !options.format.is_html(&bytes) {
        return decode_owned(bytes, options)
            .map(Loaded::Text)
            .map_err(|cause| ReadError::Decode {
                path: path.to_string(),
                cause,
            });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::Decode {
            path: path.to_string(),
            cause: InputError::Binary { offset },
        });
    }
    match html::extract_article(&html::decode_page(&bytes)) {
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

/// Reads and decodes one input; `-` is standard input. A file larger than
/// the limit is refused before it is read.
pub fn read_input(path: &str, options: DecodeOptions) -> Result<String, ReadError> {
    let bytes = read_bytes(path, options)?;
    decode_owned(bytes, options).map_err(|source| ReadError::Decode {
        path: path.to_string(),
        cause: source,
    })
}

/// The bytes of one input, within the size limit.
fn read_bytes(path: &str, options: DecodeOptions) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let io = |source| ReadError::Io {
        path: path.to_string(),
        cause: source,
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
        if meta.len() > options.max_bytes {
            let source = InputError::TooLarge {
                size: meta.len(),
                limit: options.max_bytes,
            };
            return Err(ReadError::Decode {
                path: path.to_string(),
                cause: source,
            });
        }
        let file = std::fs::File::open(path).map_err(io)?;
        // Sized up front: read in one go, not in doubling steps from 32
        // bytes (the limit's `take` hides the file's size from read_to_end).
        bytes.reserve_exact(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
        file.take(options.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
    }
    if bytes.len() as u64 > options.max_bytes {
        return Err(ReadError::Decode {
            path: path.to_string(),
            cause: InputError::TooLarge {
                size: bytes.len() as u64,
                limit: options.max_bytes,
            },
        });
    }
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
    fn sizes_count_in_powers_of_1024() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("10k"), Ok(10 * 1024));
        assert_eq!(parse_size("10K"), Ok(10 * 1024));
        assert_eq!(parse_size("50M"), Ok(50 * 1024 * 1024));
        assert_eq!(parse_size("50MiB"), Ok(50 * 1024 * 1024));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size(" 0 "), Ok(0));
        assert_eq!(parse_size(DEFAULT_MAX_BYTES_TEXT), Ok(DEFAULT_MAX_BYTES));
    }

    #[test]
    fn junk_sizes_are_refused_with_what_is_accepted() {
        for junk in ["", "k", "junk", "1.5M", "10 k", "10kb", "10T", "-1", "M10"] {
            let err = parse_size(junk).unwrap_err();
            assert!(
                err.contains("not a size") && err.contains("10k"),
                "{junk}: {err}"
            );
        }
        assert!(parse_size("99999999999999999999")
            .unwrap_err()
            .contains("too large"));
        assert!(parse_size("17179869184G")
            .unwrap_err()
            .contains("too large"));
        assert_eq!(parse_size("18446744073709551615"), Ok(u64::MAX));
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
