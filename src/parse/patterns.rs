//! Text patterns for front matter and site furniture: bylines, dates,
//! photo credits, boilerplate. All take reader text (markup removed) and
//! its lowercase form, and look only at short blocks.

use crate::lexicon::calendar::{is_month, is_weekday, WEEKDAY_ABBREVIATIONS};

/// News agencies whose name alone, before the body, is a byline.
const AGENCIES: &[&str] = &[
    "afp",
    "agence france-presse",
    "agence france presse",
    "reuters",
    "ap",
    "associated press",
    "the associated press",
    "tass",
    "ria novosti",
    "xinhua",
    "dpa",
    "efe",
    "anadolu agency",
    "bloomberg",
    "upi",
    "ansa",
    "agencies",
    "staff and agencies",
];

/// Phrases that open site furniture ("Read more: …", "Sign up for …").
const FURNITURE_OPENERS: &[&str] = &[
    "original url",
    "original article",
    "source url",
    "read more",
    "read also",
    "see also",
    "sign up for",
    "sign up to",
    "subscribe to",
    "subscribe now",
    "subscribe for",
    "share this",
    "click here",
    "advertisement",
    "related:",
    "related articles",
];

/// Phrases that mark a photo caption or credit.
const CREDITS: &[&str] = &[
    "archive photo",
    "file photo",
    "photo:",
    "photos:",
    "photo by",
    "photograph:",
    "photo credit",
    "afp photo",
    "ap photo",
    "getty images",
    "©",
    "(photo",
    "image:",
    "image credit",
    "credit:",
    "illustrative photo",
    "illustration:",
    "shutterstock",
];

/// Words that may accompany a date in a date line ("Updated: Friday,
/// October 15, 2021 10:30 am GMT").
const DATE_FILLER: &[&str] = &[
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "msk",
    "est",
    "edt",
    "cet",
    "cest",
    "bst",
    "pst",
    "pdt",
    // Web timestamp lines ("Published: Tuesday, Dec. 20 2005 12:00 a.m.
    // MST", "Posted: Nov 27, 2005 8:20 AM ET"): more zones.
    "et",
    "pt",
    "ct",
    "mt",
    "mst",
    "mdt",
    "cst",
    "cdt",
    "hst",
    "akst",
    "ast",
    "adt",
    "hkt",
    "sgt",
    "jst",
    "kst",
    "ist",
    "aest",
    "aedt",
    "awst",
    "nzst",
    "nzdt",
    "eet",
    "eest",
    "wet",
    "west",
    "sast",
    "eat",
    "wat",
    "updated",
    "first",
    "published",
    "posted",
    "last",
    "at",
    "on",
    "of",
];

/// A block that is only a web address, bare or in `<…>`.
pub(crate) fn is_only_url(raw: &str) -> bool {
    let t = raw.trim();
    let t = t
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(t);
    let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    ["http://", "https://", "www."]
        .iter()
        .any(|p| lower.starts_with(p))
        && !t.contains(char::is_whitespace)
}

/// Site furniture: "Follow our latest … news", "Read more:", "Sign up for
/// …", "All rights reserved", "Copyright 2021 …".
pub(crate) fn is_boilerplate(lower: &str, words: usize) -> bool {
    let t = lower.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©');
    if FURNITURE_OPENERS.iter().any(|p| t.starts_with(p)) || t == "subscribe" {
        return true;
    }
    if t.contains("all rights reserved") {
        return true;
    }
    // "Copyright 2021 AFP", "© 2021 Reuters"; a bare "© AFP" is a photo credit.
    if (t.starts_with("copyright") || t.starts_with('©'))
        && (t.contains(|c: char| c.is_ascii_digit()) || words <= 4 && t.starts_with('c'))
    {
        return true;
    }
    // "Follow our latest news via Google News", "Follow us on Telegram";
    // not "Follow the news, Putin said" (needs "us"/"our" or "… on <network>").
    let social = [
        "twitter",
        "facebook",
        "telegram",
        "instagram",
        "google",
        "x.com",
    ];
    t.starts_with("follow us")
        || t.starts_with("follow our")
        || t.starts_with("follow ") && t.contains(" on ") && social.iter().any(|w| t.contains(w))
}

/// A photo caption or credit: "Hoshang Hashimi / AFP", "(archive photo)",
/// "Photo: Reuters", "© Getty Images".
pub(crate) fn is_photo_credit(reader: &str, lower: &str) -> bool {
    if CREDITS.iter().any(|p| lower.contains(p)) {
        return true;
    }
    // "Name / Agency": a short single line whose last " / " part is a
    // capitalised name of at most four words.
    let Some((_, source)) = reader.rsplit_once(" / ") else {
        return false;
    };
    reader.split_whitespace().count() <= 12
        && !reader.contains('\n')
        && (1..=4).contains(&source.split_whitespace().count())
        && source.chars().next().is_some_and(char::is_uppercase)
        && !source.ends_with('.')
}

/// "By AFP", "By Jane Doe and John Roe", "Staff and agencies".
pub(crate) fn is_byline(reader: &str, lower: &str, words: usize) -> bool {
    if lower.ends_with("and agencies") && words <= 8 {
        return true;
    }
    let Some(rest) = lower.strip_prefix("by ") else {
        return false;
    };
    // "By Tuesday, talks had failed." is a sentence, not a byline.
    let name_follows = reader
        .get(3..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase);
    name_follows && words <= 12 && !rest.trim_end().ends_with(['.', '!', '?'])
}

/// A block that is only an agency name ("AFP", "Reuters").
pub(crate) fn is_agency(lower: &str) -> bool {
    AGENCIES.contains(&lower.trim_end_matches('.'))
}

/// The wire dateline that opens a story's first paragraph, as the byte
/// length of its prefix up to and including the dash: "MOSCOW (AP) — A
/// cargo ship…", "WASHINGTON, Jan 5 (Reuters) - …", "Paris (AFP) - …",
/// "LONDON — …" (AP Stylebook, "datelines": the place in capitals, the
/// source in parentheses, then a dash). Without a source in parentheses
/// the place must be in capitals, so "Rome – a city…" is no dateline.
pub(crate) fn wire_dateline(text: &str) -> Option<usize> {
    // An em or en dash may touch its words ("LONDON—The"); a hyphen is a
    // dash only between spaces.
    let (head_end, dash_end) = text
        .char_indices()
        .take_while(|&(at, _)| at <= MAX_DATELINE_BYTES)
        .find_map(|(at, c)| match c {
            '—' | '–' => Some((at, at + c.len_utf8())),
            '-' if text[at..].starts_with("- ") && text[..at].ends_with(' ') => Some((at, at + 1)),
            _ => None,
        })?;
    let head = text[..head_end].trim_end();
    if text[dash_end..].trim().is_empty() {
        return None;
    }
    let place = match dateline_source(head) {
        Some(_) => head[..head.rfind('(')?].trim_end(),
        None => {
            let letters = head.chars().filter(|c| c.is_alphabetic()).count();
            let capitals = head.chars().all(|c| {
                c.is_uppercase() || c.is_whitespace() || matches!(c, '.' | ',' | '\'' | '’' | '-')
            });
            if !(capitals && letters >= 3 && head.split_whitespace().count() <= 4) {
                return None;
            }
            head
        }
    };
    let starts_capital = place.chars().next().is_some_and(char::is_uppercase);
    (starts_capital && place.split_whitespace().count() <= 6).then_some(dash_end)
}

/// The longest dateline read ("WASHINGTON, Jan 5 (Reuters) -" is 29 bytes).
const MAX_DATELINE_BYTES: usize = 60;

/// The source a dateline names in parentheses: "MOSCOW (AP) —" → "AP". A
/// known agency after any place, or one to four capitalised words after a
/// place in capitals ("LONDON (Our Foreign Staff) —"), so that a date
/// line's "(GMT)" is no source.
pub(crate) fn dateline_source(head: &str) -> Option<&str> {
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '-'));
    let inner = head.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (place, source) = (inner[..open].trim(), inner[open + 1..].trim());
    if place.is_empty() {
        return None;
    }
    if AGENCIES.contains(&source.to_lowercase().as_str()) {
        return Some(source);
    }
    let words = source.split_whitespace().count();
    let capitalised = source
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let place_in_capitals = place
        .chars()
        .all(|c| c.is_uppercase() || c.is_whitespace() || matches!(c, '.' | ',' | '\'' | '-'));
    ((1..=4).contains(&words) && capitalised && place_in_capitals).then_some(source)
}

/// A block that is only a date, optionally with a weekday and a time:
/// "October 15, 2021", "15 October 2021", "Fri, Oct. 15, 2021 10:30 GMT",
/// "2021-10-15", "15/10/2021".
pub(crate) fn is_date_only(lower: &str) -> bool {
    let tokens = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '–' | '—' | '(' | ')'))
        .map(|t| t.trim_end_matches(['.', ':']))
        .filter(|t| !t.is_empty() && *t != "-");
    let (mut month, mut number, mut full_date) = (false, false, false);
    // A timestamp line may give two stamps ("Posted: ... Last Updated:
    // ..."): it may run longer than a bare date.
    let stamp = ["published", "updated", "posted", "last", "first"]
        .iter()
        .any(|w| lower.trim_start().starts_with(w));
    let limit = if stamp { 24 } else { 10 };
    // Most blocks fail on their first word: look at the words one by one.
    for (count, token) in tokens.enumerate() {
        if count == limit {
            return false;
        }
        if is_month(token) {
            month = true;
        } else if is_day_or_year(token) {
            number = true;
        } else if is_numeric_date(token) {
            full_date = true;
        } else if !(is_weekday(token)
            || WEEKDAY_ABBREVIATIONS.contains(&token)
            || DATE_FILLER.contains(&token)
            || is_time(token))
        {
            return false;
        }
    }
    full_date || month && number
}

/// "15", "15th", "2021".
fn is_day_or_year(token: &str) -> bool {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token[digits.len()..];
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.len() == 4 && suffix.is_empty()
            || digits.len() <= 2 && ["", "st", "nd", "rd", "th"].contains(&suffix))
}

/// "2021-10-15", "15/10/2021", "15.10.2021" (optionally "2021-10-15t10:30").
fn is_numeric_date(token: &str) -> bool {
    let date = token.split('t').next().unwrap_or(token);
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        && parts.iter().any(|p| p.len() == 4)
}

/// "10:30", "10:30:05", "10:30am".
fn is_time(token: &str) -> bool {
    let t = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let parts: Vec<&str> = t.split(':').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for date in [
            "october 15, 2021",
            "15 october 2021",
            "2021-10-15",
            "friday, oct. 15, 2021 10:30 gmt",
            "updated: 15/10/2021",
            "oct 15th",
        ] {
            assert!(is_date_only(date), "{date}");
        }
    }

    #[test]
    fn web_timestamp_lines_are_date_lines() {
        for stamp in [
            "published: tuesday, dec. 20 2005 12:00 a.m. mst",
            "posted: nov 27, 2005 8:20 am et last updated: nov 27, 2005 8:10 pm et",
            "posted: 1052 gmt (1852 hkt), april 10, 2007",
            "updated thu 6 may 2010, 9:03am aest",
            "updated 12/19/2005 2:48:40 pm et",
            "last updated 13:26 14/09/2013",
        ] {
            assert!(is_date_only(stamp), "{stamp}");
        }
        // A sentence that names a date is no timestamp.
        assert!(!is_date_only(
            "published on april 10, 2007, the report said prices rose"
        ));
        for not_date in [
            "may i help",
            "2021",
            "october",
            "on friday he said",
            "",
            "1.5.2",
        ] {
            assert!(!is_date_only(not_date), "{not_date}");
        }
    }

    #[test]
    fn bylines() {
        assert!(is_byline("By AFP", "by afp", 2));
        assert!(is_byline(
            "By Jane Doe and John Roe",
            "by jane doe and john roe",
            6
        ));
        assert!(is_byline("Staff and agencies", "staff and agencies", 3));
        assert!(!is_byline(
            "By Tuesday, talks had failed.",
            "by tuesday, talks had failed.",
            5
        ));
        assert!(!is_byline("By the way", "by the way", 3));
        assert!(is_agency("reuters") && is_agency("associated press") && !is_agency("putin"));
    }

    #[test]
    fn wire_datelines_open_a_paragraph() {
        let cut = |t: &str| wire_dateline(t).map(|n| t[..n].trim().to_string());
        assert_eq!(
            cut("MOSCOW (AP) — An unmanned cargo ship broke up.").as_deref(),
            Some("MOSCOW (AP) —")
        );
        assert_eq!(
            cut("WASHINGTON, Jan 5 (Reuters) - The Senate voted.").as_deref(),
            Some("WASHINGTON, Jan 5 (Reuters) -")
        );
        assert_eq!(
            cut("Paris (AFP) - Police said.").as_deref(),
            Some("Paris (AFP) -")
        );
        assert_eq!(cut("LONDON — Talks failed.").as_deref(), Some("LONDON —"));
        assert_eq!(cut("NEW YORK—Stocks fell.").as_deref(), Some("NEW YORK—"));
        for not_dateline in [
            "Rome – a city of fountains – woke up.",
            "US — China talks resumed.",
            "The well-known port reopened.",
            "MOSCOW (AP) —",
            "A long opening sentence that runs well past sixty bytes before it reaches a dash — here.",
            "",
        ] {
            assert_eq!(cut(not_dateline), None, "{not_dateline}");
        }
        assert_eq!(dateline_source("MOSCOW (AP) —"), Some("AP"));
        assert_eq!(dateline_source("Bonn (dpa) -"), Some("dpa"));
        assert_eq!(dateline_source("LONDON —"), None);
        assert_eq!(
            dateline_source("LONDON (Our Foreign Staff) —"),
            Some("Our Foreign Staff")
        );
        assert_eq!(dateline_source("Updated Friday 10:30 (GMT)"), None);
        assert_eq!(dateline_source("(AP)"), None);
    }

    #[test]
    fn credits_and_furniture() {
        assert!(is_photo_credit(
            "Hoshang Hashimi / AFP",
            "hoshang hashimi / afp"
        ));
        assert!(is_photo_credit("(archive photo)", "(archive photo)"));
        assert!(!is_photo_credit("Yes / no. He said.", "yes / no. he said."));
        assert!(is_boilerplate("original url:", 2));
        assert!(is_boilerplate(
            "follow our latest local news via google news",
            8
        ));
        assert!(is_boilerplate("© 2021 afp. all rights reserved", 6));
        assert!(is_boilerplate("read more: putin talks", 4));
        assert!(!is_boilerplate("subscribers rose by 20%.", 4));
        assert!(is_only_url("<https://example.com/a>") && is_only_url("https://x.y"));
        assert!(!is_only_url("https://x.y is a site"));
    }
}
