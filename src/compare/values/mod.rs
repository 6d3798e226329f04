//! When two numbers or two dates say the same thing, however written:
//! "30 miles" and "48km", "four decades" and "forty years", "April" and
//! "April 2014", "yesterday" and "on Tuesday".
//!
//! Numbers are read from their typed keys ([`NumberKey`]: a quantity by
//! dimension, unit and base value, a count by value and noun). Date keys
//! are those of `extract::dates`.

mod unwritten;

use super::facts::{FactKey, Found};
use crate::model::{Document, Measure, NumberClaim, NumberKey};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::OnceCell;

/// A number fact, read back from its key and text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Quantity<'a> {
    /// What it measures ("length", "money"), for quantities with a unit.
    pub(super) dimension: Option<&'a str>,
    unit: &'a str,
    /// The value in the dimension's base unit, or the count.
    base: f64,
    /// The value as written, before any unit.
    value: f64,
    /// Half the last written digit, relative to the value: how far a
    /// rounded conversion may lie off ("48" ± 0.5 is ± 1%).
    rounding: f64,
    /// The counted noun of a count ("people"), if any.
    noun: Option<&'a str>,
    vague: bool,
    /// Counted in dozens ("two dozen"), which writers use loosely.
    dozens: bool,
    /// For a number written with dots between groups of three digits
    /// ("30.000", "1.250.000"), how much larger it is read with the dots
    /// as thousands separators, as much of Europe writes them.
    thousands: Option<f64>,
}

impl<'a> Quantity<'a> {
    /// The quantity a number fact states. (Any other fact reads as a bare
    /// count of its value, never matched by unit or noun.)
    pub(super) fn of(found: &'a Found<'_>) -> Quantity<'a> {
        let value = found.value.unwrap_or_default();
        let key = match found.key {
            FactKey::Number(number) => number.key(),
            _ => NumberKey::Count {
                value: value.to_bits(),
                vague: false,
                noun: None,
            },
        };
        Quantity::new(key, found.text, value)
    }

    fn new(key: NumberKey<'a>, text: &str, value: f64) -> Quantity<'a> {
        // "dozens" is vague, "two dozen" a count.
        let vague = matches!(key, NumberKey::Count { vague: true, .. });
        let dozens = !vague && text.to_ascii_lowercase().contains("dozen");
        // A dozen is a round figure: "two dozen" for anything from 20 to 30.
        let rounding = if dozens { 0.2 } else { rounding(text, value) };
        match key {
            NumberKey::Measure {
                dimension,
                unit,
                base,
            } => Quantity {
                dimension: Some(dimension),
                unit,
                base: f64::from_bits(base),
                value,
                rounding,
                noun: None,
                vague: false,
                dozens,
                thousands: dotted_thousands(text),
            },
            NumberKey::Count { noun, vague, .. } => Quantity {
                dimension: None,
                unit: "",
                base: value,
                value,
                rounding,
                noun,
                vague,
                dozens,
                thousands: dotted_thousands(text),
            },
        }
    }

    /// An amount the text states without a number fact (see `unwritten`):
    /// exact, so only a conversion within the other's rounding matches it.
    /// A measure ("a decade") has a dimension and unit; a count ("one",
    /// "26-year-old") has neither.
    fn exact(
        dimension: Option<&'static str>,
        unit: &'static str,
        base: f64,
        value: f64,
    ) -> Quantity<'static> {
        Quantity {
            dimension,
            unit,
            base,
            value,
            rounding: 0.0,
            noun: None,
            vague: false,
            dozens: false,
            thousands: None,
        }
    }

    /// An amount written without a numeral ("a decade"), in `unit`.
    fn unwritten(unit: &'static str, measure: Measure, value: f64) -> Quantity<'static> {
        Quantity::exact(Some(measure.dimension), unit, measure.base, value)
    }

    /// The amount in the dimension's base unit, or the count: what two
    /// numbers are compared by in size.
    pub(super) fn magnitude(&self) -> f64 {
        self.base
    }

    /// A count the extractor reads as no amount ("26-year-old", "one").
    fn unread_count(value: f64) -> Quantity<'static> {
        Quantity::exact(None, "", value, value)
    }

    /// True when the two say the same amount: equal counts, equal amounts in
    /// one unit, or conversions within rounding ("30 miles" / "48km"). An
    /// amount in two currencies is never the same ("£20m" / "$20m"). A
    /// count matches a quantity of the same value ("60" / "60 metres").
    /// A number written with dots between groups of three is read both
    /// ways: "$ 30.000" is $30,000 where the writer's dots are thousands.
    pub(super) fn same(&self, other: &Quantity<'_>) -> bool {
        self.same_as_read(other)
            || self
                .thousands
                .is_some_and(|f| self.scaled(f).same_as_read(other))
            || other
                .thousands
                .is_some_and(|f| self.same_as_read(&other.scaled(f)))
    }

    /// The quantity `factor` times larger, its rounding kept.
    fn scaled(&self, factor: f64) -> Quantity<'a> {
        Quantity {
            base: self.base * factor,
            value: self.value * factor,
            thousands: None,
            ..*self
        }
    }

    fn same_as_read(&self, other: &Quantity<'_>) -> bool {
        if let Some(weight) = self
            .pounds_weight()
            .filter(|_| other.dimension == Some("mass"))
        {
            return weight.same_as_read(other);
        }
        if let Some(weight) = other
            .pounds_weight()
            .filter(|_| self.dimension == Some("mass"))
        {
            return self.same_as_read(&weight);
        }
        match (self.dimension, other.dimension) {
            (Some(a), Some(b)) => {
                a == b
                    && if self.unit == other.unit {
                        self.base == other.base
                    } else {
                        a != "money" && close(self, other)
                    }
            }
            // "two dozen" is a loose count: "20" or "25" may say it.
            _ => self.value == other.value || ((self.dozens || other.dozens) && close(self, other)),
        }
    }

    /// A count of pounds ("220 pounds") read as a weight, for comparing with
    /// a mass ("100 kilograms"). "Pounds" alone is a weight or a sum of
    /// money, so it is extracted as a count, which a sum of as many pounds
    /// sterling matches; beside a mass it is the weight.
    fn pounds_weight(&self) -> Option<Quantity<'a>> {
        let pounds = self.dimension.is_none() && matches!(self.noun, Some("pound" | "pounds"));
        pounds.then_some(Quantity {
            dimension: Some("mass"),
            unit: "lb",
            base: self.value * POUND_KG,
            ..*self
        })
    }

    /// True when a change from one to the other is worth reporting as a
    /// changed number: the same kind of quantity (one dimension, or two
    /// counts of the same noun), neither vague ("hundreds").
    pub(super) fn comparable(&self, other: &Quantity<'_>) -> bool {
        if self.vague || other.vague {
            return false;
        }
        let weighed = |a: &Quantity<'_>, b: &Quantity<'_>| {
            a.pounds_weight().is_some() && b.dimension == Some("mass")
        };
        if weighed(self, other) || weighed(other, self) {
            return true;
        }
        match (self.dimension, other.dimension) {
            (Some(a), Some(b)) => a == b,
            (None, None) => match (self.noun, other.noun) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            },
            _ => false,
        }
    }
}

/// Kilograms in a pound.
const POUND_KG: f64 = 0.453_592_37;

/// Bytes between two numbers of a sentence for the second to be read as
/// restating the first: " miles (", " ft (about ".
const RESTATE_GAP: usize = 16;

/// True when `number` restates `head` in other units right after it: "30
/// miles (48km)", "58km (36 miles)", "100F (38C)". The same dimension in
/// another unit, the values agreeing within rounding. Amounts of money in
/// two currencies cannot be checked, and are left as they are.
pub(super) fn restates(head: &NumberClaim, number: &NumberClaim) -> bool {
    fn quantity(n: &NumberClaim) -> Option<Quantity<'_>> {
        let unit = n.unit.as_deref()?;
        let measure = n.measure?;
        Some(Quantity {
            dimension: Some(measure.dimension),
            unit,
            base: measure.base,
            value: n.value,
            rounding: rounding(&n.text, n.value),
            noun: None,
            vague: false,
            dozens: false,
            thousands: None,
        })
    }
    let adjacent =
        number.span.start >= head.span.end && number.span.start - head.span.end <= RESTATE_GAP;
    match (quantity(head), quantity(number)) {
        (Some(h), Some(n)) => {
            adjacent
                && h.dimension == n.dimension
                && h.unit != n.unit
                && h.dimension != Some("money")
                && close(&h, &n)
        }
        _ => false,
    }
}

/// True when `number`, a sum of money, stands alone in brackets right
/// after `head`, a sum or a bare amount: "38 million euros ($43.63
/// million)", "110-billion ($143-billion)", "£20m (about $32m)". A
/// writer's conversion into another currency, which cannot be checked
/// (rates move), and no fact of its own; "$5m ($2m more than planned)" is
/// one. `between` is the text from `head` to `number`, `after` the text
/// after `number`.
pub(super) fn converts_money(
    head: &NumberClaim,
    number: &NumberClaim,
    between: &str,
    after: &str,
) -> bool {
    let money = |n: &NumberClaim| n.measure.is_some_and(|m| m.dimension == "money");
    let bare = head.measure.is_none() && head.unit.is_none();
    // The head's currency written after it: "38 million euros (".
    let between = between.trim_start();
    let between = if money(head) {
        between.trim_start_matches(char::is_alphabetic)
    } else {
        between
    };
    let Some(inside) = between.trim_start().strip_prefix('(') else {
        return false;
    };
    let inside = inside.trim_start();
    let inside = [
        "about",
        "around",
        "some",
        "roughly",
        "nearly",
        "approximately",
        "or",
    ]
    .iter()
    .find_map(|q| inside.strip_prefix(q).filter(|r| r.starts_with(' ')))
    .unwrap_or(inside)
    .trim();
    let sign_only = inside.chars().all(|c| !c.is_alphanumeric()) && inside.chars().count() <= 2;
    // Its currency may follow it: "(43.63 million dollars)", "($70.6
    // million US)".
    let closes = after
        .trim_start()
        .trim_start_matches(char::is_alphabetic)
        .trim_start()
        .starts_with(')');
    money(number) && (money(head) || bare) && sign_only && closes
}

/// Conversions agree when each lies within the other's rounding, plus half
/// a percent for the rounding of the conversion factor itself.
fn close(a: &Quantity<'_>, b: &Quantity<'_>) -> bool {
    let scale = a.base.abs().max(b.base.abs());
    if scale == 0.0 {
        return true;
    }
    (a.base - b.base).abs() / scale <= a.rounding.max(b.rounding) + 0.005
}

/// For a number written with dots between groups of three digits ("30.000",
/// "1.250.000"), the factor its value grows by when the dots are thousands
/// separators: 1000 a dot.
fn dotted_thousands(text: &str) -> Option<f64> {
    let digits: &str = text
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .next()?;
    let mut groups = digits.trim_end_matches('.').split('.');
    let head = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let dotted =
        !rest.is_empty() && (1..=3).contains(&head.len()) && rest.iter().all(|g| g.len() == 3);
    dotted.then(|| 1000f64.powi(i32::try_from(rest.len()).unwrap_or(1)))
}

/// Half the last written digit relative to the value: "48" → 0.5/48,
/// "2.5 million" → 0.05/2.5, "200" → 5/200 (a trailing zero may be
/// rounding), "20,000" → 500/20,000, "forty" → 5/40.
fn rounding(text: &str, value: f64) -> f64 {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let (written, step) = if digits.is_empty() {
        (
            value,
            if value >= 10.0 && value % 10.0 == 0.0 {
                10.0
            } else {
                1.0
            },
        )
    } else if let Some((_, frac)) = digits.split_once('.') {
        let step = 10f64.powi(-i32::try_from(frac.len()).unwrap_or(6));
        (digits.parse().unwrap_or(value), step)
    } else {
        // A trailing zero may be rounding ("200" ± 5); a run of them all
        // but the last ("20,000 acres" for 8,000 hectares, ± 500): "100
        // mph" still is no "193km/h".
        let zeros = digits.len() - digits.trim_end_matches('0').len();
        let zeros = zeros.min(digits.len().saturating_sub(1));
        let step = match i32::try_from(zeros).unwrap_or(0) {
            0 => 1.0,
            1 => 10.0,
            n => 10f64.powi(n - 1),
        };
        (digits.parse().unwrap_or(value), step)
    };
    if written == 0.0 {
        return 0.0;
    }
    0.5 * step / written.abs()
}

/// The other side's numbers, indexed, so that a fact's match costs the
/// numbers of its value or dimension rather than a scan of all.
pub(super) struct NumberIndex<'a> {
    by_value: FxHashMap<u64, Vec<Quantity<'a>>>,
    by_dimension: FxHashMap<&'a str, Vec<Quantity<'a>>>,
    /// Counts in dozens, matched loosely (few in any text).
    dozens: Vec<Quantity<'a>>,
    /// Every counted noun ("people"), for vague amounts.
    nouns: FxHashSet<&'a str>,
    /// The side's document, for its amounts written without a numeral,
    /// read the first time a number is not carried otherwise.
    doc: &'a Document,
    unwritten: OnceCell<Vec<Quantity<'static>>>,
}

impl<'a> NumberIndex<'a> {
    /// Indexes `facts`, the number facts of `doc`.
    pub(super) fn new<'f: 'a>(
        facts: impl Iterator<Item = &'a Found<'f>>,
        doc: &'a Document,
    ) -> NumberIndex<'a> {
        let mut index = NumberIndex {
            by_value: FxHashMap::default(),
            by_dimension: FxHashMap::default(),
            dozens: Vec::new(),
            nouns: FxHashSet::default(),
            doc,
            unwritten: OnceCell::new(),
        };
        let mut seen = FxHashSet::default();
        for f in facts.filter(|f| matches!(f.key, FactKey::Number(_))) {
            if !seen.insert((&f.key, f.text)) {
                continue;
            }
            let q = Quantity::of(f);
            index.by_value.entry(q.value.to_bits()).or_default().push(q);
            if let Some(d) = q.dimension {
                index.by_dimension.entry(d).or_default().push(q);
            }
            if let Some(weight) = q.pounds_weight() {
                index.by_dimension.entry("mass").or_default().push(weight);
            }
            if q.dozens {
                index.dozens.push(q);
            }
            if let Some(noun) = q.noun {
                index.nouns.insert(noun);
            }
        }
        index
    }

    /// True when some indexed number says the same amount as `found`. A
    /// vague amount ("hundreds of people") is carried by any count of the
    /// same noun ("612 people"): the careful-editor standard calls it
    /// another wording of the exact figure, not a fact of its own. An
    /// amount the document writes without a numeral carries a measure too
    /// ("a decade" for "ten years"), and a count with no noun its age or
    /// "one" ("Kilpatrick, 26" for "26-year-old Kilpatrick").
    pub(super) fn carries(&self, found: &Found<'_>) -> bool {
        let q = Quantity::of(found);
        let unwritten_kind = q.dimension.is_some() || (q.noun.is_none() && !q.vague);
        self.carries_written(&q)
            || unwritten_kind
                && self
                    .unwritten
                    .get_or_init(|| unwritten::unwritten_quantities(self.doc))
                    .iter()
                    .any(|o| o.dimension.is_some() == q.dimension.is_some() && q.same(o))
    }

    fn carries_written(&self, q: &Quantity<'_>) -> bool {
        if q.vague && q.noun.is_some_and(|n| self.nouns.contains(n)) {
            return true;
        }
        let same_value = self
            .by_value
            .get(&q.value.to_bits())
            .is_some_and(|v| v.iter().any(|o| q.same(o)));
        same_value
            || self.dozens.iter().any(|o| q.same(o))
            || (q.dozens
                && self
                    .by_value
                    .values()
                    .flatten()
                    .any(|o| o.dimension.is_none() && q.same(o)))
            || q.dimension.is_some_and(|d| {
                self.by_dimension
                    .get(d)
                    .is_some_and(|v| v.iter().any(|o| q.same(o)))
            })
            || q.pounds_weight().is_some_and(|w| {
                self.by_dimension
                    .get("mass")
                    .is_some_and(|v| v.iter().any(|o| w.same(o)))
            })
    }
}

/// A date key, read back: a calendar date (fields may be missing), a
/// weekday, a day relative to the day of writing ("today"), or another
/// relative expression.
#[derive(Debug, Clone, PartialEq)]
enum When<'a> {
    Calendar {
        years: Option<(u32, u32)>,
        month: Option<u32>,
        day: Option<u32>,
        part: Option<&'a str>,
    },
    Weekday(u32),
    Deictic,
    Relative,
}

fn when(key: &str) -> When<'_> {
    let (part, rest) = match key.split_once('-') {
        Some((p @ ("early" | "mid" | "late"), rest)) => (Some(p), rest),
        _ => (None, key),
    };
    if let Some(w) = weekday_number(key) {
        return When::Weekday(w);
    }
    if matches!(
        key,
        "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
            | "this-morning"
            | "this-evening"
            | "this-night"
            | "this-afternoon"
    ) {
        return When::Deictic;
    }
    let numbers: Vec<&str> = rest.split('-').collect();
    let all_digits = numbers
        .iter()
        .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if let Some(decade) = rest.strip_suffix('s').filter(|d| d.len() == 4) {
        if let Ok(y) = decade.parse::<u32>() {
            return When::Calendar {
                years: Some((y, y + 9)),
                month: None,
                day: None,
                part,
            };
        }
    }
    if !all_digits {
        return When::Relative;
    }
    let n: Vec<u32> = numbers.iter().filter_map(|n| n.parse().ok()).collect();
    let (years, month, day) = match (numbers.first().map(|n| n.len()), n.as_slice()) {
        (Some(4), [y]) => (Some((*y, *y)), None, None),
        (Some(4), [y, m]) => (Some((*y, *y)), Some(*m), None),
        (Some(4), [y, m, d]) => (Some((*y, *y)), Some(*m), Some(*d)),
        (_, [m]) => (None, Some(*m), None),
        (_, [m, d]) => (None, Some(*m), Some(*d)),
        _ => return When::Relative,
    };
    When::Calendar {
        years,
        month,
        day,
        part,
    }
}

fn weekday_number(key: &str) -> Option<u32> {
    let day = key
        .strip_prefix("previous-")
        .or_else(|| key.strip_prefix("next-"))
        .unwrap_or(key);
    crate::lexicon::calendar::WEEKDAY_NAMES
        .iter()
        .position(|w| *w == day)
        .and_then(|p| u32::try_from(p).ok())
}

/// The weekday of a Gregorian calendar date, numbered as in
/// `WEEKDAY_NAMES` (Monday 0), by Sakamoto's method.
fn weekday_of(year: u32, month: u32, day: u32) -> Option<u32> {
    const T: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || year < 1 {
        return None;
    }
    let y = if month < 3 { year - 1 } else { year };
    let sunday_based = (y + y / 4 - y / 100 + y / 400 + T[month as usize - 1] + day) % 7;
    Some((sunday_based + 6) % 7)
}

/// True when two dates can name the same time: one refines the other
/// ("April" / "April 2014", "mid-August" / "August"), a weekday falls on a
/// calendar date, or one is relative to a date the other names ("today" /
/// "Wednesday", "the next day" / "on Tuesday").
/// A relative date measured in days or weeks ("next-day",
/// "earlier-this-week", "previous-night"): one a named day can resolve.
fn day_scale(key: &str) -> bool {
    let unit = key.rsplit('-').next().unwrap_or(key);
    matches!(
        unit.trim_end_matches('s'),
        "day" | "week" | "night" | "morning" | "afternoon" | "evening" | "weekend"
    )
}

pub(super) fn dates_agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    match (when(a), when(b)) {
        (When::Relative, When::Relative) => false,
        // "the next day", "last week": relative to a day the other names.
        // Not "in recent years" or "last month": a named day says nothing
        // of those.
        (When::Relative, other) | (other, When::Relative) => {
            let relative = if matches!(when(a), When::Relative) {
                a
            } else {
                b
            };
            day_scale(relative)
                && (matches!(other, When::Weekday(_) | When::Deictic) || day_level(&other))
        }
        (When::Deictic, When::Deictic) => false,
        (When::Deictic, other) | (other, When::Deictic) => {
            matches!(other, When::Weekday(_)) || day_level(&other)
        }
        (When::Weekday(x), When::Weekday(y)) => x == y,
        (When::Weekday(w), c @ When::Calendar { .. })
        | (c @ When::Calendar { .. }, When::Weekday(w)) => match c {
            When::Calendar {
                years: Some((y, y2)),
                month: Some(m),
                day: Some(d),
                ..
            } if y == y2 => weekday_of(y, m, d).is_none_or(|x| x == w),
            When::Calendar { day: Some(_), .. } => true,
            _ => false,
        },
        (
            When::Calendar {
                years: ya,
                month: ma,
                day: da,
                part: pa,
            },
            When::Calendar {
                years: yb,
                month: mb,
                day: db,
                part: pb,
            },
        ) => {
            let mut shared = false;
            let mut agree = true;
            if let (Some((a0, a1)), Some((b0, b1))) = (ya, yb) {
                shared = true;
                agree &= a0 <= b1 && b0 <= a1;
            }
            if let (Some(x), Some(y)) = (ma, mb) {
                shared = true;
                agree &= x == y;
            }
            if let (Some(x), Some(y)) = (da, db) {
                agree &= x == y;
            }
            if let (Some(x), Some(y)) = (pa, pb) {
                agree &= x == y;
            }
            shared && agree
        }
    }
}

fn day_level(w: &When<'_>) -> bool {
    matches!(w, When::Calendar { day: Some(_), .. })
}

/// True when a change between two dates that do not agree is worth
/// reporting: both name the same kind of time (two calendar dates sharing
/// a year or a month, two weekdays, two days relative to the day of
/// writing).
pub(super) fn dates_comparable(a: &str, b: &str) -> bool {
    match (when(a), when(b)) {
        // "on 29 May" and "in 2012" name no field in common: neither is a
        // changed form of the other.
        (
            When::Calendar {
                years: ya,
                month: ma,
                ..
            },
            When::Calendar {
                years: yb,
                month: mb,
                ..
            },
        ) => (ya.is_some() && yb.is_some()) || (ma.is_some() && mb.is_some()),
        (When::Weekday(_), When::Weekday(_)) | (When::Deictic, When::Deictic) => true,
        _ => false,
    }
}

/// The other side's dates, for [`dates_agree`] lookups.
pub(super) struct DateIndex<'a> {
    keys: FxHashSet<&'a str>,
    /// Every distinct key, for the looser matches.
    loose: Vec<&'a str>,
}

impl<'a> DateIndex<'a> {
    pub(super) fn new<'b>(facts: impl Iterator<Item = &'b Found<'a>>) -> DateIndex<'a>
    where
        'a: 'b,
    {
        let keys: FxHashSet<&'a str> = facts
            .filter_map(|f| match f.key {
                FactKey::Date(key) => Some(key),
                _ => None,
            })
            .collect();
        let mut loose: Vec<&'a str> = keys.iter().copied().collect();
        loose.sort_unstable();
        DateIndex { keys, loose }
    }

    /// True when some indexed date agrees with `key`.
    pub(super) fn carries(&self, key: &str) -> bool {
        // Past this many distinct dates a side names nearly every day; the
        // exact keys answer alone, so that a transcript stays linear.
        const LOOSE_LIMIT: usize = 2000;
        self.keys.contains(key)
            || (self.loose.len() <= LOOSE_LIMIT && self.loose.iter().any(|k| dates_agree(key, k)))
    }
}

#[cfg(test)]
mod tests;
