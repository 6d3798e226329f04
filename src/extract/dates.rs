//! Sentence tokens → [`DateClaim`]s: weekdays, month dates, decades, years
//! and relative expressions, each with a normalised key.
//!
//! Keys: weekdays by name ("friday"); month dates as ISO-like
//! `YYYY-MM-DD`, `YYYY-MM`, `MM-DD` or `MM`, prefixed by a part-of-period
//! word ("mid-08", "early-03"); decades "1980s"; years "2021". Relative
//! expressions use the small table in [`relative`]: "the next day", "the
//! following day" and "a day later" all give "next-day", "the previous day",
//! "a day earlier" and "a day ago" give "previous-day", "next week" gives "next-week",
//! "earlier this week" gives "earlier-this-week", "in recent years" gives
//! "recent-years". Deictic ("next week") and anaphoric ("the following
//! week") forms share a key on purpose: two reports of one story use them
//! interchangeably.

use super::context::Ctx;
use crate::model::DateClaim;

pub(crate) use crate::lexicon::calendar::{is_weekday, month_number};

/// Units of time that relative expressions count in.
fn time_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "day" => "day",
        "week" => "week",
        "weekend" => "weekend",
        "month" => "month",
        "year" => "year",
        "decade" => "decade",
        "century" => "century",
        "morning" => "morning",
        "evening" => "evening",
        "night" => "night",
        _ => return None,
    })
}

/// A four-digit year 1900–2100 written without separators.
pub(crate) fn year_value(w: &str) -> Option<u32> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|y| (1900..=2100).contains(y))
}

/// A day of month, "15" or "15th".
fn day_value(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !["", "st", "nd", "rd", "th"].contains(&suffix) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// Finds the dates of a sentence and marks their tokens in `taken`.
pub(crate) fn find(ctx: &Ctx<'_>, taken: &mut [bool]) -> Vec<DateClaim> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < ctx.toks.len() {
        let found = relative(ctx, k)
            .or_else(|| month_date(ctx, k))
            .or_else(|| weekday(ctx, k))
            .or_else(|| decade_or_year(ctx, k));
        match found {
            Some((from, to, key)) => {
                let span = ctx.span(ctx.toks[from].start, ctx.toks[to - 1].name_end());
                out.push(DateClaim {
                    text: span_text(ctx, span.start, span.end).to_string(),
                    key,
                    span,
                });
                taken[from..to].iter_mut().for_each(|t| *t = true);
                k = to;
            }
            None => k += 1,
        }
    }
    out
}

fn span_text<'a>(ctx: &Ctx<'a>, start: usize, end: usize) -> &'a str {
    &ctx.text[start - ctx.base..end - ctx.base]
}

/// A dated match: first token, one past the last, key.
type Found = Option<(usize, usize, String)>;

/// "early", "mid", "late" before `k` ("mid-August", "early March"), giving
/// the first token of the match and the prefix.
fn period_prefix(ctx: &Ctx<'_>, k: usize) -> (usize, Option<&'static str>) {
    let prefix = |w: &str| match w {
        "early" => Some("early"),
        "mid" | "middle" => Some("mid"),
        "late" => Some("late"),
        _ => None,
    };
    if k >= 2 && ctx.toks[k - 1].is('-') {
        if let Some(p) = prefix(ctx.word(k - 2)) {
            return (k - 2, Some(p));
        }
    }
    if k >= 1 {
        if let Some(p) = prefix(ctx.word(k - 1)) {
            return (k - 1, Some(p));
        }
    }
    (k, None)
}

fn with_prefix(prefix: Option<&str>, key: String) -> String {
    match prefix {
        Some(p) => format!("{p}-{key}"),
        None => key,
    }
}

fn month_date(ctx: &Ctx<'_>, k: usize) -> Found {
    let t = &ctx.toks[k];
    let month = month_number(&t.folded).filter(|_| t.cap)?;
    let mut to = k + 1;
    // "Oct." and "Sept." keep their dot; "May", "June" and "July" are
    // whole words, and a dot after one ends the sentence ("on 22 July.").
    if t.folded.len() <= 4
        && !matches!(t.folded.as_ref(), "may" | "june" | "july")
        && ctx
            .toks
            .get(to)
            .is_some_and(|n| n.is('.') && !n.space_before)
    {
        to += 1;
    }
    let (mut from, prefix) = period_prefix(ctx, k);
    let mut day = None;
    if let Some(d) = day_value(ctx.word(to)) {
        day = Some(d);
        to += 1;
    } else if from == k && k > 0 {
        // "15 October"
        if let Some(d) = day_value(ctx.word(k - 1)) {
            day = Some(d);
            from = k - 1;
        }
    }
    let comma = ctx.toks.get(to).is_some_and(|n| n.is(','));
    let year_at = if comma { to + 1 } else { to };
    let year = year_value(ctx.word(year_at));
    if year.is_some() {
        to = year_at + 1;
    }
    // "May" and "March" are also words: accept them only with a day, a year,
    // or a period word, or after "in"/"since"/"until"/"by"/"of".
    let ambiguous = matches!(t.folded.as_ref(), "may" | "march");
    let anchored = day.is_some()
        || year.is_some()
        || prefix.is_some()
        || matches!(
            ctx.word(k.wrapping_sub(1)),
            "in" | "since" | "until" | "by" | "of" | "from"
        );
    if ambiguous && !anchored {
        return None;
    }
    let key = match (year, day) {
        (Some(y), Some(d)) => format!("{y}-{month:02}-{d:02}"),
        (Some(y), None) => format!("{y}-{month:02}"),
        (None, Some(d)) => format!("{month:02}-{d:02}"),
        (None, None) => format!("{month:02}"),
    };
    Some((from, to, with_prefix(prefix, key)))
}

fn weekday(ctx: &Ctx<'_>, k: usize) -> Found {
    let t = &ctx.toks[k];
    if !t.cap || !is_weekday(&t.folded) {
        return None;
    }
    // "last Friday", "next Tuesday"
    let modifier = match ctx.word(k.wrapping_sub(1)) {
        "last" | "previous" => Some("previous"),
        "next" | "coming" => Some("next"),
        _ => None,
    };
    let from = if modifier.is_some() { k - 1 } else { k };
    Some((from, k + 1, with_prefix(modifier, t.folded.to_string())))
}

fn decade_or_year(ctx: &Ctx<'_>, k: usize) -> Found {
    let t = &ctx.toks[k];
    if !t.word {
        return None;
    }
    let (prefix_from, prefix) = period_prefix(ctx, k);
    if let Some(digits) = t.folded.strip_suffix('s') {
        year_value(digits)?;
        // "the 1980s" keeps its article: it is how the decade is written.
        let from = if prefix.is_none() && ctx.word(k.wrapping_sub(1)) == "the" {
            k - 1
        } else {
            prefix_from
        };
        return Some((from, k + 1, with_prefix(prefix, t.folded.to_string())));
    }
    let year = year_value(&t.folded)?;
    // "$2000", "2000%": an amount, not a year. Numerals joined to words or
    // paths ("COVID-2019", "/2021/") are not years either.
    let prev = k.checked_sub(1).map(|p| &ctx.toks[p]);
    let next = ctx.toks.get(k + 1);
    let glued_before = !t.space_before
        && prev
            .is_some_and(|p| p.word || ["/", "-", "$", "€", "£", ".", ":", "#"].contains(&p.text));
    let glued_after = next.is_some_and(|n| !n.space_before && (n.word || n.is('/') || n.is('-')));
    if glued_before && prefix.is_none() || glued_after || next.is_some_and(|n| n.is('%')) {
        return None;
    }
    if matches!(ctx.word(k + 1), "percent" | "per") {
        return None;
    }
    Some((prefix_from, k + 1, with_prefix(prefix, year.to_string())))
}

/// Relative expressions. The table, by pattern:
/// - "yesterday", "today", "tomorrow", "tonight" → themselves;
/// - "(earlier|later) this UNIT" → "earlier-this-UNIT";
/// - "this UNIT" → "this-UNIT";
/// - "(the) next|following|coming UNIT", "a|one UNIT later", "the UNIT
///   after" → "next-UNIT";
/// - "last|previous|preceding UNIT", "a|one UNIT earlier|before|ago", "the
///   UNIT before", "UNIT-ago" → "previous-UNIT";
/// - "(the) past UNIT" → "past-UNIT";
/// - "(in) recent UNITs" → "recent-UNITs".
fn relative(ctx: &Ctx<'_>, k: usize) -> Found {
    let w = |i: usize| ctx.word(i);
    match w(k) {
        // "USA Today", "BBC Today": a capitalised "Today" after a
        // capitalised word is part of a name, not a day.
        "today" | "tonight"
            if ctx.toks[k].cap
                && k > 0
                && ctx.toks[k - 1].word
                && ctx.toks[k - 1].cap
                && !ctx.clause_initial(k) =>
        {
            return None
        }
        "yesterday" | "today" | "tomorrow" | "tonight" => return Some((k, k + 1, w(k).into())),
        "earlier" | "later" if w(k + 1) == "this" => {
            let unit = time_unit(w(k + 2))?;
            return Some((k, k + 3, format!("{}-this-{unit}", w(k))));
        }
        "this" => return Some((k, k + 2, format!("this-{}", time_unit(w(k + 1))?))),
        "in" if w(k + 1) == "recent" => {
            let unit = time_unit(w(k + 2).strip_suffix('s')?)?;
            return Some((k, k + 3, format!("recent-{unit}s")));
        }
        "recent" => {
            let unit = time_unit(w(k + 1).strip_suffix('s')?)?;
            return Some((k, k + 2, format!("recent-{unit}s")));
        }
        _ => {}
    }
    // "the year-ago quarter": a year ago.
    if let Some(unit) = time_unit(w(k)) {
        if ctx.toks.get(k + 1).is_some_and(|t| t.is('-')) && w(k + 2) == "ago" {
            return Some((k, k + 3, format!("previous-{unit}")));
        }
    }
    let article = matches!(w(k), "the" | "a" | "one");
    let at = if article { k + 1 } else { k };
    let direction = match w(at) {
        "next" | "following" | "coming" => Some("next"),
        "last" | "previous" | "preceding" => Some("previous"),
        "past" => Some("past"),
        _ => None,
    };
    if let Some(dir) = direction {
        if w(k) == "a" || w(k) == "one" {
            return None;
        }
        let unit = time_unit(w(at + 1))?;
        return Some((k, at + 2, format!("{dir}-{unit}")));
    }
    if article {
        let unit = time_unit(w(at))?;
        let dir = match (w(k), w(at + 1)) {
            (_, "later") | ("the", "after") => "next",
            (_, "earlier") | (_, "before") | ("a" | "one", "ago") => "previous",
            _ => return None,
        };
        return Some((k, at + 2, format!("{dir}-{unit}")));
    }
    None
}
