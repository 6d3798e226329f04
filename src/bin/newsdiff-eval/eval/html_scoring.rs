//! The scoring rule of `shared/html-pages/README.md`, as plain functions:
//! body token F1 (Unicode words, lower-cased, multiset overlap), reference
//! HTML to text, and title or byline agreement after trimming the site's
//! name and "By ".

use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// The Unicode words of a text (UAX #29), lower-cased.
pub fn words(text: &str) -> Vec<String> {
    text.unicode_words().map(str::to_lowercase).collect()
}

/// Token F1 of `found` against `reference`: precision and recall of the
/// multiset of words both share. Two empty texts agree (1.0); one empty
/// text against a non-empty one scores 0.
pub fn token_f1(found: &str, reference: &str) -> f64 {
    let (found, reference) = (words(found), words(reference));
    if found.is_empty() || reference.is_empty() {
        return if found.is_empty() && reference.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in &reference {
        *counts.entry(w).or_default() += 1;
    }
    let mut shared = 0usize;
    for w in &found {
        if let Some(n) = counts.get_mut(w.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            shared += 1;
        }
    }
    if shared == 0 {
        return 0.0;
    }
    let precision = shared as f64 / found.len() as f64;
    let recall = shared as f64 / reference.len() as f64;
    2.0 * precision * recall / (precision + recall)
}

/// Elements that end a paragraph when a reference HTML is read as text.
const BREAKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figcaption",
    "figure",
    "tr",
    "section",
    "article",
    "ul",
    "ol",
    "pre",
    "table",
];

/// A reference article (Readability's `expected.html`) as text: tags
/// stripped (block elements end a paragraph, so the text parser cuts the
/// same paragraphs; an element opening right after one closed counts as a
/// space), entities decoded,
/// whitespace folded. Written apart
/// from newsdiff's own HTML reader on purpose: the reference must not be
/// read by the code it scores.
pub fn reference_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    // True right after an end tag with no text since: an element that
    // opens there stands apart from the one that closed ("<span>Credit
    // </span><span>Jo Roe</span>" lays out as two words), while one that
    // opens inside a word ("19<sup>th</sup>") does not.
    let mut after_end_tag = false;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        if !text.is_empty() {
            after_end_tag = false;
        }
        out.push_str(&decode_entities(text));
        let after = &rest[open + 1..];
        let close = after.find('>').map_or(after.len(), |c| c + 1);
        let tag = &after[..close.saturating_sub(1)];
        let end_tag = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &after[close.min(after.len())..];
        if !end_tag && (name == "script" || name == "style") {
            let end = format!("</{name}");
            let at = rest.to_ascii_lowercase().find(&end).unwrap_or(rest.len());
            rest = &rest[at..];
            continue;
        }
        if BREAKS.contains(&name.as_str()) {
            out.push_str("\n\n");
        } else if !end_tag && after_end_tag {
            out.push(' ');
        }
        after_end_tag = end_tag;
    }
    out.push_str(&decode_entities(rest));
    out.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Decodes the entities the reference pages use: the five of XML,
/// `&nbsp;` and numeric references.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&tail[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Separators between a headline and a site's name.
const SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " :: "];

/// A title or byline as the rule compares it: whitespace folded,
/// lower-cased, a leading "By " and a trailing "<separator> <site>" (for
/// any of `sites`) removed.
pub fn normalise_meta(text: &str, sites: &[&str]) -> String {
    let mut t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.get(..3).is_some_and(|by| by.eq_ignore_ascii_case("by ")) {
        t = t[3..].to_string();
    }
    for site in sites.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        for separator in SEPARATORS {
            if let Some(head) = t.strip_suffix(&format!("{separator}{site}")) {
                t = head.trim().to_string();
            }
        }
    }
    t.to_lowercase()
}

/// Whether a found title or byline agrees with the reference's.
pub fn meta_agrees(found: Option<&str>, reference: &str, sites: &[&str]) -> bool {
    found.is_some_and(|f| normalise_meta(f, sites) == normalise_meta(reference, sites))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_f1_is_a_multiset_overlap() {
        // found: the(2) cat sat; reference: the cat sat on mat.
        // shared: the, cat, sat = 3; P = 3/4, R = 3/5, F1 = 2PR/(P+R) = 2/3.
        let f1 = token_f1("The the cat sat", "the CAT sat on mat");
        assert!((f1 - 2.0 / 3.0).abs() < 1e-9, "{f1}");
        assert_eq!(token_f1("Same words.", "same, words"), 1.0);
        assert_eq!(token_f1("", ""), 1.0);
        assert_eq!(token_f1("", "words"), 0.0);
        assert_eq!(token_f1("other", "words"), 0.0);
    }

    #[test]
    fn words_are_unicode_words() {
        assert_eq!(
            words("Ça va, l'été 2019!"),
            vec!["ça", "va", "l'été", "2019"]
        );
    }

    #[test]
    fn reference_html_reads_as_paragraphs() {
        let html = "<div><p>One &amp; <b>two</b>&#160;three.</p>\
                    <script>var x = 1;</script><p>Four&nbsp;five &bogus; six</p>\
                    <span>Credit</span><span>Jo Roe</span></div><p>19<sup>th</sup> century</p>";
        assert_eq!(
            reference_text(html),
            "One & two three.\n\nFour five &bogus; six\n\nCredit Jo Roe\n\n19th century"
        );
    }

    #[test]
    fn titles_agree_without_site_and_by() {
        let sites = ["The Guardian"];
        assert!(meta_agrees(
            Some("Storm hits"),
            "Storm  hits | The Guardian",
            &sites
        ));
        assert!(meta_agrees(Some("By Ana Ruiz"), "ana ruiz", &sites));
        assert!(!meta_agrees(Some("Storm"), "Storm hits", &sites));
        assert!(!meta_agrees(None, "Storm hits", &sites));
    }
}
