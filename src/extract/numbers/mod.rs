//! Sentence tokens → [`NumberClaim`]s: numerals ("2,000", "2.5 million"),
//! number words ("two thousand", "twenty-five", "one and a half million"),
//! vague plurals ("hundreds", "tens of thousands"), each with the qualifier
//! before it and the unit or counted noun after it.

use super::context::Ctx;
use super::units::{measure, unit_symbol};
use crate::model::NumberClaim;
use crate::text::normalize::{is_stopword, stem};

/// Value of a number word below one hundred.
fn small_number(w: &str) -> Option<f64> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(n) = WORDS.iter().position(|x| *x == w) {
        return Some(n as f64);
    }
    TENS.iter()
        .position(|x| *x == w)
        .map(|n| (n as f64 + 2.0) * 10.0)
}

/// Value of a scale word.
fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Order of magnitude of a vague plural: "dozens" means at least two dozen,
/// but the claim compared is its scale, so each maps to its unit.
fn vague(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 12.0,
        "tens" => 10.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// True for any word that is part of a spelled-out number.
pub(crate) fn is_number_word(w: &str) -> bool {
    small_number(w).is_some() || scale(w).is_some() || vague(w).is_some() || w == "dozen"
}

/// Finds the numbers of a sentence, skipping tokens already `taken` by
/// dates, and marks their tokens.
pub(crate) fn find(ctx: &Ctx<'_>, taken: &mut [bool]) -> Vec<NumberClaim> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < ctx.toks.len() {
        if taken[k] || !ctx.toks[k].word {
            k += 1;
            continue;
        }
        let found = numeral(ctx, k)
            .map(|(v, to)| (v, to, false))
            .or_else(|| spelled(ctx, k).map(|(v, to)| (v, to, false)))
            .or_else(|| vague_amount(ctx, k).map(|(v, to)| (v, to, true)));
        let Some((value, to, is_vague)) = found else {
            k += 1;
            continue;
        };
        if taken[k..to].iter().any(|t| *t) {
            k += 1;
            continue;
        }
        taken[k..to].iter_mut().for_each(|t| *t = true);
        // "zero-day", "zero-hour": terms, not amounts.
        let measure_noun = hyphened_measure(ctx, to).filter(|_| value != 0.0);
        let (unit, unit_to) = match (measured_unit(ctx, k, to), measure_noun) {
            (_, Some(noun)) => (Some(noun), to + 2),
            (Some((u, end)), None) if !taken[to..end].iter().any(|t| *t) => {
                (Some(u.to_string()), end)
            }
            // A range's first end without a unit of its own takes the
            // second's.
            _ => (
                unit(ctx, k, to, is_vague).or_else(|| range_unit(ctx, to)),
                to,
            ),
        };
        taken[to..unit_to].iter_mut().for_each(|t| *t = true);
        // The text is the number as written: a unit glued to it stays
        // ("48km", "193km/h"), a unit word after it does not ("30 miles").
        let glued = unit_to > to && !ctx.toks[to].space_before;
        let text_to = if glued { unit_to } else { to };
        let number = NumberClaim {
            value,
            unit: unit.clone(),
            qualifier: qualifier(ctx, k).or_else(|| hyphened_qualifier(ctx, to)),
            vague: is_vague,
            text: ctx.tok_text(k, text_to).to_string(),
            span: ctx.tok_span(k, text_to),
            measure: unit.as_deref().and_then(|u| measure(value, u)),
        };
        out.push(number);
        k = unit_to;
    }
    out
}

/// The unit of a range's second end, for its first: "from 19 to 69
/// miles", "2-3 km", "between 30 and 80 pounds" (a counted noun too; `to`
/// is one past the first end). Percentages are read so by [`unit`].
fn range_unit(ctx: &Ctx<'_>, to: usize) -> Option<String> {
    let joined = ctx
        .toks
        .get(to)
        .is_some_and(|t| t.is('-') || matches!(t.folded.as_ref(), "and" | "to"));
    let second = to + 1;
    let numeral = ctx.toks.get(second).is_some_and(|t| {
        t.word
            && t.text
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    });
    if !joined || !numeral {
        return None;
    }
    match measured_unit(ctx, second, second + 1) {
        Some((unit, _)) => Some(unit.to_string()),
        None => unit(ctx, second, second + 1, false),
    }
}

/// A unit of measure right after the number: glued ("48km", "193km/h",
/// "10am"), or the next word ("30 miles", "10 a.m."). Returns the symbol and
/// one past the unit's last token.
fn measured_unit(ctx: &Ctx<'_>, k: usize, to: usize) -> Option<(&'static str, usize)> {
    let t = &ctx.toks[k];
    // "£20" is money: the sign is its unit (see `unit`).
    if k > 0 && ["$", "€", "£", "¥"].contains(&ctx.toks[k - 1].text) {
        return None;
    }
    let glued = if t.text.starts_with(|c: char| c.is_ascii_digit()) {
        t.text
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
    } else {
        ""
    };
    let scale_suffix = matches!(glued, "k" | "K" | "mn" | "M" | "bn" | "b" | "B" | "tn")
        || (glued == "m" && millions(ctx, k));
    let mut end = to;
    let symbol = if !glued.is_empty() && to == k + 1 && !scale_suffix {
        // Glued units are written in lowercase ("48km", "10am"); a capital
        // glued letter is a temperature ("30C") or no unit ("4G").
        match glued {
            "C" => "°C",
            "F" => "°F",
            _ if glued.starts_with(char::is_uppercase) => return None,
            _ => unit_symbol(glued)?,
        }
    } else {
        let next = ctx.toks.get(to).filter(|n| n.word)?;
        // "2 miles" and "2 mi" but not "2 m" nor "2 c", which are too often
        // something else; a capital "C" or "F" glued is a temperature.
        let w = &*next.folded;
        if w.len() <= 1 {
            return None;
        }
        end = to + 1;
        unit_symbol(w)?
    };
    // "217 miles per hour", "100 kilometres an hour"
    if matches!(symbol, "mi" | "km")
        && matches!(ctx.word(end), "per" | "an")
        && ctx.word(end + 1) == "hour"
    {
        let speed = if symbol == "mi" { "mph" } else { "km/h" };
        return Some((speed, end + 2));
    }
    // "km" "/" "h"
    if symbol == "km"
        && ctx
            .toks
            .get(end)
            .is_some_and(|n| n.is('/') && !n.space_before)
        && ctx
            .toks
            .get(end + 1)
            .is_some_and(|n| n.is_word("h") && !n.space_before)
    {
        return Some(("km/h", end + 2));
    }
    // "a.m." keeps its final dot.
    // ("9pm." ends its sentence: that dot is not the unit's.)
    let dotted = end
        .checked_sub(1)
        .and_then(|e| ctx.toks.get(e))
        .is_some_and(|t| t.folded.ends_with(".m"));
    if matches!(symbol, "am" | "pm")
        && dotted
        && ctx
            .toks
            .get(end)
            .is_some_and(|n| n.is('.') && !n.space_before)
    {
        end += 1;
    }
    // A lone "c"/"f" must have been written as a glued capital.
    if matches!(symbol, "°C" | "°F") && !matches!(glued, "C" | "F") {
        return None;
    }
    Some((symbol, end))
}

/// "2,000", "2.5", "1,234.5", "5bn", optionally followed by a scale word
/// ("2 million"). Numerals glued to words, paths or hyphens ("COVID-19",
/// "/2021/", "10-year") and ordinals ("15th") are not amounts.
fn numeral(ctx: &Ctx<'_>, k: usize) -> Option<(f64, usize)> {
    let t = &ctx.toks[k];
    if !t.text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if k > 0 && !t.space_before {
        let p = &ctx.toks[k - 1];
        let range_end = p.is('-') && percent_range(ctx, k.saturating_sub(2));
        if p.word || (["/", "-", ".", ":", "#", "@"].contains(&p.text) && !range_end) {
            return None;
        }
    }
    if let Some(n) = ctx.toks.get(k + 1) {
        let speed = n.is('/') && t.text.ends_with("km");
        // "the 70,000-plus detained", "an 11,000-strong crowd": an amount.
        if !n.space_before
            && (n.is('/') || n.is('-') || n.is(':'))
            && !speed
            && hyphened_amount(ctx, k + 1).is_none()
            && !percent_range(ctx, k)
            && hyphened_measure(ctx, k + 1).is_none()
            && hyphened_scale(ctx, k + 1).is_none()
            && !hyphened_currency(ctx, k + 1)
        {
            return None;
        }
    }
    let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t.text[digits.len()..];
    let factor = match suffix {
        "" => 1.0,
        "k" | "K" => 1e3,
        // "£20m" is twenty million pounds, "a 60m tower" sixty metres.
        "m" if !millions(ctx, k) => 1.0,
        "m" | "mn" | "M" => 1e6,
        "bn" | "b" | "B" => 1e9,
        "tn" => 1e12,
        "C" | "F" => 1.0,
        _ if suffix.starts_with(char::is_lowercase) && unit_symbol(suffix).is_some() => 1.0,
        _ => return None,
    };
    let value = parse_numeral(digits)? * factor;
    if let Some(s) = hyphened_scale(ctx, k + 1).filter(|_| factor == 1.0) {
        return Some((value * s, k + 3));
    }
    if let Some((part, to)) = fraction(ctx, k + 1).filter(|_| factor == 1.0 && suffix.is_empty()) {
        return Some((value + part, to));
    }
    match scale(ctx.word(k + 1)).filter(|s| *s >= 1e3 && factor == 1.0) {
        Some(s) => Some((value * s, k + 2)),
        None => Some((value, k + 1)),
    }
}

/// Fractions written as one character ("2½").
const VULGAR_FRACTIONS: &[(&str, f64)] = &[
    ("½", 0.5),
    ("¼", 0.25),
    ("¾", 0.75),
    ("⅓", 1.0 / 3.0),
    ("⅔", 2.0 / 3.0),
    ("⅛", 0.125),
    ("⅜", 0.375),
    ("⅝", 0.625),
    ("⅞", 0.875),
];

/// A proper fraction written after a whole number at `at`, "5 1/2",
/// "2½", "2 ½": its value and one past its last token.
fn fraction(ctx: &Ctx<'_>, at: usize) -> Option<(f64, usize)> {
    let one = ctx.toks.get(at).and_then(|t| {
        VULGAR_FRACTIONS
            .iter()
            .find(|(f, _)| t.text == *f)
            .map(|(_, v)| *v)
    });
    if let Some(value) = one {
        return Some((value, at + 1));
    }
    let digits = |i: usize| {
        ctx.toks
            .get(i)
            .filter(|t| t.word && !t.text.is_empty() && t.text.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|t| t.text.parse::<f64>().ok())
    };
    let slash = ctx.toks.get(at + 1).is_some_and(|t| t.is('/'));
    let (top, bottom) = (digits(at)?, digits(at + 2)?);
    let spaced = ctx.toks.get(at).is_some_and(|t| t.space_before);
    (spaced && slash && glued(ctx, at + 1) && glued(ctx, at + 2) && top < bottom && bottom <= 16.0)
        .then_some((top / bottom, at + 3))
}

/// The scale a glued hyphen at `at` joins to the numeral before it:
/// "38-million euros", as South African and some British papers write
/// "38 million".
fn hyphened_scale(ctx: &Ctx<'_>, at: usize) -> Option<f64> {
    hyphened_word(ctx, at).and_then(scale).filter(|s| *s >= 1e3)
}

/// True when the token at `i` follows the one before it with no space.
fn glued(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.toks.get(i).is_some_and(|t| !t.space_before)
}

/// The word that a hyphen at `at`, glued on both sides, joins to the
/// numeral before it: "million" in "38-million", "krone" in "5m-krone",
/// "year" in "12-year".
fn hyphened_word<'c>(ctx: &'c Ctx<'_>, at: usize) -> Option<&'c str> {
    let hyphen = ctx.toks.get(at).is_some_and(|t| t.is('-'));
    let word = ctx.word(at + 1);
    (hyphen && glued(ctx, at) && glued(ctx, at + 1) && !word.is_empty()).then_some(word)
}

/// True when the numeral at `k` starts a range of percentages written
/// with a hyphen, "75-80%": both ends are percentages.
fn percent_range(ctx: &Ctx<'_>, k: usize) -> bool {
    let digits = |i: usize| {
        ctx.toks
            .get(i)
            .is_some_and(|t| t.word && t.text.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
    };
    digits(k)
        && ctx.toks.get(k + 1).is_some_and(|t| t.is('-'))
        && glued(ctx, k + 1)
        && glued(ctx, k + 2)
        && digits(k + 2)
        && is_percent(ctx, k + 3)
}

/// True when the tokens at `at` say "per cent": "%", "percent", "per cent".
fn is_percent(ctx: &Ctx<'_>, at: usize) -> bool {
    ctx.toks.get(at).is_some_and(|next| {
        next.is('%')
            || next.is_word("percent")
            || (next.is_word("per") && ctx.word(at + 1) == "cent")
    })
}

/// Currency names that follow an amount ("20m yen", "5m pounds"): the "m"
/// before them is millions. The singular ones follow a hyphen ("a
/// 5m-krone cost", "a 5m-euro fund").
#[rustfmt::skip]
const CURRENCY_WORDS: &[&str] = &[
    "yen", "yuan", "pounds", "dollars", "euros", "rupees", "roubles", "rubles", "francs", "pesos",
    "dirhams", "riyals", "lira", "krone", "kroner", "krona", "kronor", "euro", "dollar", "pound",
];

/// True when a glued hyphen at `at` joins a currency's name to the
/// numeral before it: "a 5m-krone cost".
fn hyphened_currency(ctx: &Ctx<'_>, at: usize) -> bool {
    hyphened_word(ctx, at).is_some_and(|w| CURRENCY_WORDS.contains(&w))
}

/// True when a glued "m" after the numeral at `k` means millions: after a
/// currency sign ("£20m"), or before a plural noun ("7m people"). Otherwise
/// it is metres ("a 60m wave", "the 100m final").
fn millions(ctx: &Ctx<'_>, k: usize) -> bool {
    if k > 0 && ["$", "€", "£", "¥"].contains(&ctx.toks[k - 1].text) {
        return true;
    }
    if hyphened_currency(ctx, k + 1) {
        return true;
    }
    ctx.toks.get(k + 1).is_some_and(|n| {
        n.word && unit_symbol(&n.folded).is_some_and(|u| matches!(u, "$" | "€" | "¥"))
            || CURRENCY_WORDS.contains(&n.folded.as_ref())
            || n.word
                && !n.cap
                && n.folded.len() > 3
                && n.folded.ends_with('s')
                && !n.folded.ends_with("ss")
                && !matches!(n.folded.as_ref(), "across" | "towards" | "thus" | "always")
    })
}

/// Parses digits with thousands commas (checked to be in groups of three)
/// and at most one decimal point.
fn parse_numeral(s: &str) -> Option<f64> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (i, Some(f)),
        Some(_) => return None,
        None => (s, None),
    };
    let mut groups = int.split(',');
    let first = groups.next()?;
    if first.is_empty() || (first.len() > 3 && int.contains(',')) {
        return None;
    }
    let mut plain = first.to_string();
    for g in groups {
        if g.len() != 3 {
            return None;
        }
        plain.push_str(g);
    }
    if !plain.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(f) = frac {
        plain.push('.');
        plain.push_str(f);
    }
    plain.parse().ok()
}

/// Spelled-out numbers: "two thousand", "twenty-five", "a hundred",
/// "one hundred and twenty", "one and a half million", "a dozen".
fn spelled(ctx: &Ctx<'_>, k: usize) -> Option<(f64, usize)> {
    let w = |i: usize| ctx.word(i);
    // "half a million", "a half million", "half a dozen": half the scale,
    // not the scale ("a million" alone would read 1e6).
    let half_scale = match (w(k), w(k + 1)) {
        ("half", "a") | ("a", "half") => scale(w(k + 2)).or((w(k + 2) == "dozen").then_some(12.0)),
        _ => None,
    };
    if let Some(s) = half_scale {
        return Some((s / 2.0, k + 3));
    }
    let mut i = k;
    // "a" counts only before a scale word: "a day later" is not a number.
    if w(k) == "a" {
        if scale(w(k + 1)).is_none() && w(k + 1) != "dozen" {
            return None;
        }
        i += 1;
    } else {
        small_number(w(k))?;
    }
    let (mut total, mut current) = (0.0, if w(k) == "a" { 1.0 } else { 0.0 });
    let mut last_small = false;
    // True right after a bare tens word, which a unit may follow unhyphenated.
    let mut after_tens = false;
    while i < ctx.toks.len() {
        let word = w(i);
        if let Some(n) = small_number(word).filter(|_| !last_small) {
            current += n;
            i += 1;
            after_tens = n >= 20.0;
            // "twenty-five"
            if n >= 20.0 && ctx.toks.get(i).is_some_and(|t| t.is('-')) {
                if let Some(u) = small_number(w(i + 1)).filter(|u| *u < 10.0) {
                    current += u;
                    i += 2;
                    after_tens = false;
                }
            }
            last_small = true;
        } else if let Some(u) = small_number(word).filter(|u| after_tens && (1.0..10.0).contains(u))
        {
            // "twenty five", as "twenty-five" is often written.
            current += u;
            i += 1;
            after_tens = false;
        } else if word == "hundred" || word == "dozen" {
            let factor = if word == "hundred" { 100.0 } else { 12.0 };
            current = if current == 0.0 { 1.0 } else { current } * factor;
            i += 1;
            last_small = false;
            after_tens = false;
        } else if let Some(s) = scale(word) {
            total += if current == 0.0 { 1.0 } else { current } * s;
            current = 0.0;
            i += 1;
            last_small = false;
            after_tens = false;
        } else if word == "and" && w(i + 1) == "a" && w(i + 2) == "half" && last_small {
            current += 0.5;
            i += 3;
            last_small = false;
            after_tens = false;
        } else if word == "and" && !last_small && small_number(w(i + 1)).is_some() && i > k {
            i += 1;
        } else {
            break;
        }
    }
    // A trailing "and a half" with no scale after it still counts.
    let value = total + current;
    // "BBC One's", "one's own": a name or a pronoun, never a count.
    if w(k) == "one" && ctx.toks[k].possessive() {
        return None;
    }
    if i == k + 1 && w(k) == "one" && !counted_one(ctx, k) {
        return None;
    }
    Some((value, i))
}

/// "one" is a pronoun in "one of the", "no one", "the one": count it only
/// before a noun and not after a determiner.
fn counted_one(ctx: &Ctx<'_>, k: usize) -> bool {
    let before = ctx.word(k.wrapping_sub(1));
    let after = ctx.toks.get(k + 1);
    !matches!(
        before,
        "no" | "any" | "every" | "each" | "the" | "this" | "that" | "which" | "someone"
    ) && after.is_some_and(|t| t.word && !t.cap && t.space_before && !is_stopword(&t.folded))
}

/// "hundreds", "tens of thousands", "hundreds of thousands", "several
/// hundred".
fn vague_amount(ctx: &Ctx<'_>, k: usize) -> Option<(f64, usize)> {
    // "several hundred" is as vague as "hundreds", and of its scale.
    if ctx.word(k) == "several" {
        let next = ctx.word(k + 1);
        let v = scale(next).or((next == "dozen").then_some(12.0))?;
        return Some((v, k + 2));
    }
    let v = vague(ctx.word(k))?;
    if ctx.word(k + 1) == "of" {
        if let Some(inner) = vague(ctx.word(k + 2)) {
            return Some((v * inner, k + 3));
        }
    }
    // "tens" alone is not an amount ("tens of people" is rare, "tens" as a
    // noun rarer still): require "of".
    if ctx.word(k) == "tens" && ctx.word(k + 1) != "of" {
        return None;
    }
    Some((v, k + 1))
}

/// The bounding word or phrase right before the number, lowercased.
fn qualifier(ctx: &Ctx<'_>, k: usize) -> Option<String> {
    const TWO: [(&str, &str); 6] = [
        ("up", "to"),
        ("more", "than"),
        ("at", "least"),
        ("at", "most"),
        ("fewer", "than"),
        ("less", "than"),
    ];
    const ONE: [&str; 10] = [
        "about",
        "around",
        "roughly",
        "nearly",
        "almost",
        "some",
        "over",
        "approximately",
        "under",
        "estimated",
    ];
    // A currency sign sits between the qualifier and the number.
    let k = if k > 0 && ["$", "€", "£"].contains(&ctx.toks[k - 1].text) {
        k - 1
    } else {
        k
    };
    let w = |i: usize| ctx.word(i);
    if k >= 3 && (w(k - 3), w(k - 2), w(k - 1)) == ("as", "many", "as") {
        return Some("as many as".into());
    }
    if k >= 2 && TWO.contains(&(w(k - 2), w(k - 1))) {
        return Some(format!("{} {}", w(k - 2), w(k - 1)));
    }
    (k >= 1 && ONE.contains(&w(k - 1))).then(|| w(k - 1).to_string())
}

/// Nouns of measure that a number joins with a hyphen to make a modifier
/// that still states the amount: "a 12-year sentence", "a three-year
/// term", "the 10-mile race", "a five-member panel". Singular, as the
/// modifier writes them.
const HYPHENED_MEASURES: &[&str] = &[
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "mile",
    "kilometre",
    "kilometer",
    "metre",
    "meter",
    "foot",
    "inch",
    "storey",
    "story",
    "acre",
    "tonne",
    "ton",
    "member",
    "seat",
    "point",
];

/// The unit of a noun of measure glued by a hyphen at `at` to the number
/// before it ("12-year", "three-year"), if any: the unit "12 years" would
/// give (its symbol, else the stemmed noun). An age ("56-year-old") is
/// left as it was: a modifier, not an amount.
fn hyphened_measure(ctx: &Ctx<'_>, at: usize) -> Option<String> {
    let noun = hyphened_word(ctx, at)?;
    // "56-year-old", and "7-year old" as it is also written.
    let age = (ctx.toks.get(at + 2).is_some_and(|t| t.is('-')) && ctx.word(at + 3) == "old")
        || ctx.word(at + 2) == "old";
    (!age && HYPHENED_MEASURES.contains(&noun)).then(|| {
        unit_symbol(noun)
            .map(str::to_string)
            .unwrap_or_else(|| stem(noun))
    })
}

/// Words a hyphen joins to a number that keep it an amount, with the bound
/// each gives it: "70,000-plus" is more than 70,000, "40-odd" about 40,
/// "an 11,000-strong crowd" 11,000.
const HYPHENED_AMOUNTS: &[(&str, Option<&str>)] = &[
    ("plus", Some("more than")),
    ("odd", Some("about")),
    ("strong", None),
];

/// The [`HYPHENED_AMOUNTS`] entry of the word a glued hyphen at `at` joins
/// to the number before it, if any.
fn hyphened_amount(
    ctx: &Ctx<'_>,
    at: usize,
) -> Option<&'static (&'static str, Option<&'static str>)> {
    ctx.toks
        .get(at)
        .is_some_and(|t| t.is('-') && !t.space_before)
        .then(|| {
            HYPHENED_AMOUNTS
                .iter()
                .find(|(word, _)| ctx.word(at + 1) == *word)
        })
        .flatten()
}

/// The bound a hyphened word after the number gives it (see
/// [`HYPHENED_AMOUNTS`]).
fn hyphened_qualifier(ctx: &Ctx<'_>, to: usize) -> Option<String> {
    hyphened_amount(ctx, to).and_then(|(_, bound)| bound.map(str::to_string))
}

/// "%" / "percent" → "%"; a currency sign before the number; otherwise the
/// counted noun after it ("2,000 people", "hundreds of fighters", "14,000
/// Soviet troops"), stemmed so "troops" and "troop" agree.
fn unit(ctx: &Ctx<'_>, from: usize, to: usize, is_vague: bool) -> Option<String> {
    if from > 0 && ["$", "€", "£", "¥"].contains(&ctx.toks[from - 1].text) {
        return Some(ctx.toks[from - 1].text.to_string());
    }
    if is_percent(ctx, to) {
        return Some("%".into());
    }
    // The first end of a range of percentages: "75-80%", "between 75 and
    // 80%", "from 19 to 69 per cent".
    let next = ctx.toks.get(to)?;
    let joined = next.is('-') || matches!(next.folded.as_ref(), "and" | "to");
    let second = ctx
        .toks
        .get(to + 1)
        .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()));
    if joined && second && is_percent(ctx, to + 2) {
        return Some("%".into());
    }
    let mut p = to;
    if is_vague && ctx.word(p) == "of" {
        p += 1;
    }
    let noun = |i: usize| {
        ctx.toks
            .get(i)
            .filter(|t| t.word && !is_stopword(&t.folded) && !is_number_word(&t.folded))
    };
    let first = noun(p)?;
    // A capitalised modifier before the noun: "Soviet troops".
    if first.cap {
        if let Some(second) = noun(p + 1).filter(|t| !t.cap && !t.folded.ends_with("ed")) {
            return Some(stem(&second.folded));
        }
    }
    Some(stem(&first.folded))
}

#[cfg(test)]
mod tests;
