//! A URL → the body's bytes and what the response says about them
//! (its charset, whether it is a web page), within a time and size limit.
//!
//! Behind the `fetch` cargo feature (on by default), with ureq 3: a
//! blocking client, rustls with Mozilla's root certificates, proxies from
//! `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` (and `NO_PROXY`) as ureq reads
//! them. Without the feature a URL is refused with [`FetchError::Disabled`].

use encoding_rs::Encoding;
use std::time::Duration;
use thiserror::Error;

/// Time allowed for one URL, from the DNS lookup to the body's last byte,
/// redirects included (`--timeout`). 30 s is curl's and wget's order of
/// magnitude for a page and well above a news page's usual second or two.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Redirects followed before giving up. Browsers allow 20, curl 50 with
/// `-L`; a news page is one or two hops from its link (http → https, a
/// short link → the article), so 5 fails a loop fast.
pub const MAX_REDIRECTS: u32 = 5;

/// Whether an input names a URL rather than a file: it starts with
/// `http://` or `https://` (ASCII case ignored). A file whose name starts
/// so is reached as `./http://...`.
pub fn is_url(input: &str) -> bool {
    let starts = |prefix: &str| {
        input
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    starts("http://") || starts("https://")
}

/// The `User-Agent` newsdiff sends: its name and version, so a site's
/// operators can tell what fetched the page, and the repository when
/// Cargo.toml names one.
pub fn user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match env!("CARGO_PKG_REPOSITORY") {
        "" => format!("newsdiff/{version} (news report comparison)"),
        repository => format!("newsdiff/{version} (+{repository})"),
    }
}

/// Why a URL gave no body.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum FetchError {
    /// The server answered with a status other than 2xx.
    #[error("HTTP {code}{}", reason.map(|r| format!(" {r}")).unwrap_or_default())]
    Status {
        /// The status code.
        code: u16,
        /// Its standard reason phrase, when it has one.
        reason: Option<&'static str>,
    },
    /// More than [`MAX_REDIRECTS`] redirects.
    #[error("more than {MAX_REDIRECTS} redirects (a redirect loop?)")]
    TooManyRedirects,
    /// The whole fetch took longer than the limit.
    #[error("no complete answer within {0:?} (change the limit with --timeout)")]
    Timeout(Duration),
    /// The body is larger than `--max-bytes`.
    #[error("body is over the size limit of {limit} bytes (raise it with --max-bytes)")]
    TooLarge {
        /// The limit in force.
        limit: u64,
    },
    /// Nothing listens at the address.
    #[error("connection refused")]
    ConnectionRefused,
    /// The host name does not resolve.
    #[error("host not found")]
    HostNotFound,
    /// The TLS handshake or certificate check failed.
    #[error("TLS: {0}")]
    Tls(String),
    /// Any other network or protocol failure, as the client words it.
    #[error("{0}")]
    Other(String),
    /// This build has no URL support.
    #[error("this newsdiff was built without URL support (cargo feature `fetch`); save the page and give its file")]
    Disabled,
}

/// A fetched body and what its `Content-Type` says.
#[derive(Debug, Clone, PartialEq)]
pub struct Fetched {
    /// The body, at most the size limit.
    pub bytes: Vec<u8>,
    /// The encoding the `charset` parameter names, when it names one that
    /// is known.
    pub charset: Option<&'static Encoding>,
    /// The media type is `text/html` or `application/xhtml+xml`.
    pub is_html: bool,
}

/// How to fetch.
#[derive(Debug, Clone, Copy)]
pub struct FetchOptions {
    /// Time allowed for the whole fetch.
    pub timeout: Duration,
    /// Largest body accepted.
    pub max_bytes: u64,
}

/// What a `Content-Type` value says: the encoding of its `charset`, and
/// whether it is a web page. Unknown charsets are ignored (the page's own
/// declaration, or UTF-8, is used then).
pub fn content_type(value: &str) -> (Option<&'static Encoding>, bool) {
    let mut parts = value.split(';');
    let mime = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let is_html = mime == "text/html" || mime == "application/xhtml+xml";
    let charset = parts
        .filter_map(|p| p.split_once('='))
        .find(|(key, _)| key.trim().eq_ignore_ascii_case("charset"))
        .and_then(|(_, label)| Encoding::for_label(label.trim().trim_matches('"').as_bytes()));
    (charset, is_html)
}

/// Fetches `url` with a GET.
#[cfg(feature = "fetch")]
pub fn fetch(url: &str, options: FetchOptions) -> Result<Fetched, FetchError> {
    use std::io::Read;
    use ureq::http::header::CONTENT_TYPE;

    let config = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(user_agent())
        // A 404 page has a body too, but it is not the article: the status
        // is the error, checked below with its reason phrase.
        .http_status_as_error(false)
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let response = agent.get(url).call().map_err(|e| from_ureq(e, options))?;
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status {
            code: status.as_u16(),
            reason: status.canonical_reason(),
        });
    }
    let (charset, is_html) = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map_or((None, false), content_type);
    let body = response.into_body();
    let declared = body.content_length();
    if declared.is_some_and(|length| length > options.max_bytes) {
        return Err(FetchError::TooLarge {
            limit: options.max_bytes,
        });
    }
    // One byte past the limit tells an over-long body from one that is
    // exactly the limit; no more than that is ever held.
    let mut bytes = Vec::new();
    if let Some(length) = declared {
        bytes.reserve_exact(usize::try_from(length).unwrap_or(0));
    }
    body.into_reader()
        .take(options.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| from_ureq(ureq::Error::from(e), options))?;
    if bytes.len() as u64 > options.max_bytes {
        return Err(FetchError::TooLarge {
            limit: options.max_bytes,
        });
    }
    Ok(Fetched {
        bytes,
        charset,
        is_html,
    })
}

/// Without the `fetch` feature every URL is refused.
#[cfg(not(feature = "fetch"))]
pub fn fetch(_url: &str, _options: FetchOptions) -> Result<Fetched, FetchError> {
    Err(FetchError::Disabled)
}

/// ureq's error in the words of [`FetchError`].
#[cfg(feature = "fetch")]
fn from_ureq(error: ureq::Error, options: FetchOptions) -> FetchError {
    use ureq::Error;
    match error {
        Error::StatusCode(code) => FetchError::Status {
            code,
            reason: ureq::http::StatusCode::from_u16(code)
                .ok()
                .and_then(|s| s.canonical_reason()),
        },
        Error::TooManyRedirects => FetchError::TooManyRedirects,
        Error::Timeout(_) => FetchError::Timeout(options.timeout),
        Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            limit: options.max_bytes,
        },
        Error::HostNotFound => FetchError::HostNotFound,
        Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            FetchError::ConnectionRefused
        }
        Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => {
            FetchError::Timeout(options.timeout)
        }
        // rustls reports a failed handshake through the transport's I/O.
        Error::Io(e) if e.get_ref().is_some_and(|inner| inner.is::<rustls::Error>()) => {
            FetchError::Tls(e.get_ref().map(ToString::to_string).unwrap_or_default())
        }
        Error::Io(e) => FetchError::Other(e.to_string()),
        Error::Tls(message) => FetchError::Tls(message.to_string()),
        Error::Rustls(e) => FetchError::Tls(e.to_string()),
        Error::BadUri(uri) => FetchError::Other(format!("not a valid URL: {uri}")),
        other => FetchError::Other(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths_by_their_scheme() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://EXAMPLE.ORG/"));
        assert!(!is_url("./https://example.org"));
        assert!(!is_url("ftp://example.org/a"));
        assert!(!is_url("http:/one-slash"));
        assert!(!is_url("wire/story.txt"));
        assert!(!is_url("-"));
        assert!(!is_url("é"));
    }

    #[test]
    fn content_type_gives_charset_and_page() {
        let (charset, html) = content_type("text/html; charset=ISO-8859-1");
        assert_eq!(charset, Some(encoding_rs::WINDOWS_1252));
        assert!(html);
        let (charset, html) = content_type("text/plain;charset=\"utf-8\"");
        assert_eq!(charset, Some(encoding_rs::UTF_8));
        assert!(!html);
        assert_eq!(content_type("Application/XHTML+XML"), (None, true));
        assert_eq!(content_type("text/html; charset=nonsense"), (None, true));
        assert_eq!(content_type(""), (None, false));
    }

    #[test]
    fn status_errors_read_as_the_status_line() {
        let error = FetchError::Status {
            code: 404,
            reason: Some("Not Found"),
        };
        assert_eq!(error.to_string(), "HTTP 404 Not Found");
        let error = FetchError::Status {
            code: 599,
            reason: None,
        };
        assert_eq!(error.to_string(), "HTTP 599");
    }

    #[test]
    fn user_agent_names_newsdiff_and_its_version() {
        let agent = user_agent();
        assert!(agent.starts_with(&format!("newsdiff/{} (", env!("CARGO_PKG_VERSION"))));
    }

    #[cfg(not(feature = "fetch"))]
    #[test]
    fn without_the_feature_a_url_is_refused() {
        let options = FetchOptions {
            timeout: DEFAULT_TIMEOUT,
            max_bytes: 1,
        };
        assert_eq!(
            fetch("https://example.org/", options),
            Err(FetchError::Disabled)
        );
    }

    #[test]
    fn timeout_error_says_how_to_change_it() {
        let message = FetchError::Timeout(Duration::from_millis(500)).to_string();
        assert!(
            message.contains("500ms") && message.contains("--timeout"),
            "{message}"
        );
    }
}
