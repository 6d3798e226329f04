//! A page's metadata: headline without the site's name, byline with where
//! it came from, publication date, site name.

pub use crate::model::BylineSource;
use crate::text::fold_whitespace;
use dom_smoothie::Readability;

/// What a page says about its article besides the text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageMeta {
    /// The headline, the site's name removed; `None` when the page has none.
    pub title: Option<String>,
    /// The byline as the page gives it ("Jane Doe", "By Our Foreign Staff").
    pub byline: Option<String>,
    /// Where [`PageMeta::byline`] came from.
    pub byline_source: Option<BylineSource>,
    /// Publication date as written (JSON-LD `datePublished`,
    /// `article:published_time`).
    pub published: Option<String>,
    /// The site's name (`og:site_name`, JSON-LD publisher).
    pub site_name: Option<String>,
}

/// Where the byline the extractor will pick comes from. Must be called
/// before [`Readability::parse`], which rewrites the page. The extractor
/// takes JSON-LD first, then `<meta>` tags, then a visible byline element,
/// so the first of the first two that names one is its source.
pub(super) fn byline_source(readability: &Readability) -> BylineSource {
    let json_ld = readability.parse_json_ld();
    if json_ld.as_ref().is_some_and(|m| m.byline.is_some()) {
        return BylineSource::JsonLd;
    }
    if readability.get_article_metadata(None).byline.is_some() {
        BylineSource::Meta
    } else {
        BylineSource::Visible
    }
}

/// Folded, or `None` when nothing is left.
pub(super) fn non_empty(text: Option<&str>) -> Option<String> {
    text.map(fold_whitespace).filter(|t| !t.is_empty())
}

/// Words a time stamp holds besides numbers, months and weekdays.
const STAMP_WORDS: [&str; 12] = [
    "at",
    "on",
    "am",
    "pm",
    "a.m",
    "p.m",
    "updated",
    "published",
    "posted",
    "gmt",
    "utc",
    "et",
];

/// True when every word of `text` is a number, a time, a month, a weekday
/// or a time stamp's filler ("April 28, 2019 at 6:01 am Updated April 29,
/// 2019 at 3:33 pm"): no name in it.
pub(super) fn is_time_stamp(text: &str) -> bool {
    use crate::lexicon::calendar::{is_month, is_weekday, WEEKDAY_ABBREVIATIONS};
    let mut words = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                || is_month(&w)
                || is_weekday(&w)
                || WEEKDAY_ABBREVIATIONS.contains(&w.as_str())
                || STAMP_WORDS.contains(&w.trim_end_matches('.'))
        })
}

/// Separators between a headline and the site's name in a `<title>`.
const TITLE_SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " :: "];

/// The headline without the site's name: "Storm hits coast | The Guardian"
/// gives "Storm hits coast" (the extractor removes most suffixes; this
/// removes one that names the site exactly).
pub(crate) fn clean_title(title: &str, site: Option<&str>) -> String {
    let title = fold_whitespace(title);
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title;
    };
    for separator in TITLE_SEPARATORS {
        if let Some(head) = title.strip_suffix(&format!("{separator}{site}")) {
            return head.trim().to_string();
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source_of(head: &str, body: &str) -> BylineSource {
        let page = format!("<html><head>{head}</head><body>{body}</body></html>");
        byline_source(&Readability::new(page.as_str(), None, None).unwrap())
    }

    #[test]
    fn byline_source_follows_the_extractors_order() {
        let json_ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x","author":{"@type":"Person","name":"Ana Ruiz"}}</script>"#;
        let meta = r#"<meta name="author" content="Lee Chan">"#;
        assert_eq!(
            source_of(&format!("{json_ld}{meta}"), ""),
            BylineSource::JsonLd
        );
        assert_eq!(source_of(meta, ""), BylineSource::Meta);
        assert_eq!(
            source_of("", r#"<p class="byline">By Our Foreign Staff</p>"#),
            BylineSource::Visible
        );
    }

    #[test]
    fn a_time_stamp_is_no_byline() {
        assert!(is_time_stamp(
            "April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm"
        ));
        assert!(is_time_stamp("Tue, Nov 19, 2019"));
        assert!(!is_time_stamp("Benjamin Romano"));
        assert!(!is_time_stamp("By April Smith, May 2, 2019"));
        assert!(!is_time_stamp(""));
    }

    #[test]
    fn site_suffix_is_removed_from_title() {
        assert_eq!(
            clean_title("Storm hits | The Guardian", Some("The Guardian")),
            "Storm hits"
        );
        assert_eq!(
            clean_title("Storm hits - Reuters", Some("Reuters")),
            "Storm hits"
        );
        assert_eq!(clean_title("Storm - hits", Some("Reuters")), "Storm - hits");
        assert_eq!(clean_title("Storm hits", None), "Storm hits");
    }
}
