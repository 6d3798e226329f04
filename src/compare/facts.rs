//! Facts one side carries and the other lacks, and facts that changed value
//! between aligned sentences.

use super::carried::Carrier;
use super::changed::changed_facts;
use super::values;
use crate::align::Alignment;
use crate::extract::{is_country, is_state};
use crate::model::report::{DiffOp, Fact, FactKind, Facts};
use crate::model::{Claim, Document, EntityClaim, Sentence};
use crate::text::normalize;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

/// A fact found in a sentence, with the key that identifies it. Text and
/// most keys are borrowed from the document: a long transcript holds
/// hundreds of thousands of facts, and few end up in the report.
#[derive(Debug, Clone)]
pub(super) struct Found<'a> {
    pub(super) kind: FactKind,
    pub(super) key: Cow<'a, str>,
    pub(super) text: &'a str,
    pub(super) value: Option<f64>,
    pub(super) sentence: usize,
    /// For a state or country after a place ("Biloxi, Miss."), the place it
    /// qualifies: a qualifier of a place both reports name is no fact of
    /// its own.
    pub(super) qualifies: Option<&'a str>,
}

/// Two quotes carry the same words when their token Dice overlap reaches
/// this; below it the quote counts as missing on the other side.
const QUOTE_OVERLAP: f64 = 0.5;

/// Facts omitted, added and changed.
/// `diffs` are the word diffs of `alignment.pairs`, in order.
pub(super) fn compare_facts(
    left: &Document,
    right: &Document,
    alignment: &Alignment,
    diffs: &[Vec<DiffOp>],
) -> Facts {
    let left_facts = DocFacts::of(left);
    let right_facts = DocFacts::of(right);
    let changed = changed_facts(left, right, alignment, diffs, &left_facts, &right_facts);
    let (left_facts, right_facts) = (left_facts.all, right_facts.all);
    // A value reported as changed is not also reported as omitted and added.
    let changed_left: FxHashSet<(usize, &str)> =
        changed.iter().map(|(c, lk, _)| (c.left, &**lk)).collect();
    let changed_right: FxHashSet<(usize, &str)> =
        changed.iter().map(|(c, _, rk)| (c.right, &**rk)).collect();
    // A quote whose aligned partner also quotes is an altered quote
    // (reported under attribution changes), not an omitted one.
    // (A quote its partner gives as reported speech was made indirect: the
    // comparison drops it from the omitted facts, `compare::compare`, so
    // it is one finding, under attribution changes.)
    let (left_quoted, right_quoted) = partners_quoting(left, right, alignment);
    // A quote whose aligned partner keeps half its words was rewritten
    // there ("I can ask someone to clean the streets" → "I can have the
    // streets cleaned"), not dropped.
    let (mut left_partners, mut right_partners) = (FxHashMap::default(), FxHashMap::default());
    for pair in &alignment.pairs {
        left_partners.extend(pair.left.iter().map(|&i| (i, pair.right.as_slice())));
        right_partners.extend(pair.right.iter().map(|&j| (j, pair.left.as_slice())));
    }
    let rewritten = |f: &Found, partners: &FxHashMap<usize, &[usize]>, other: &Carrier| {
        f.kind == FactKind::Quote
            && partners
                .get(&f.sentence)
                .is_some_and(|group| other.keeps_quote(&f.key, group))
    };
    // One side's index at a time: each holds its document's words again,
    // and both at once were the peak of a long comparison's memory.
    let right_carrier = Carrier::new(right, &right_facts);
    let omitted = missing(&left_facts, &right_facts, &right_carrier, |f| {
        changed_left.contains(&(f.sentence, &*f.key))
            || (f.kind == FactKind::Quote && left_quoted.contains(&f.sentence))
            || rewritten(f, &left_partners, &right_carrier)
    });
    drop(right_carrier);
    let left_carrier = Carrier::new(left, &left_facts);
    let added = missing(&right_facts, &left_facts, &left_carrier, |f| {
        changed_right.contains(&(f.sentence, &*f.key))
            || (f.kind == FactKind::Quote && right_quoted.contains(&f.sentence))
            || rewritten(f, &right_partners, &left_carrier)
    });
    Facts {
        omitted,
        added,
        changed: changed.into_iter().map(|(c, _, _)| c).collect(),
    }
}

/// Sentences on each side whose aligned partner group carries a quote.
fn partners_quoting(
    left: &Document,
    right: &Document,
    alignment: &Alignment,
) -> (FxHashSet<usize>, FxHashSet<usize>) {
    let quotes = |doc: &Document, group: &[usize]| {
        group
            .iter()
            .any(|&i| doc.sentences[i].attributions().any(|a| a.quote.is_some()))
    };
    let (mut left_quoted, mut right_quoted) = (FxHashSet::default(), FxHashSet::default());
    for pair in &alignment.pairs {
        if quotes(right, &pair.right) {
            left_quoted.extend(pair.left.iter().copied());
        }
        if quotes(left, &pair.left) {
            right_quoted.extend(pair.right.iter().copied());
        }
    }
    (left_quoted, right_quoted)
}

/// Facts of `from` whose key `other` has nowhere, first mention only. An
/// entity or a quote is missing only when the other report's text carries
/// it in no form either (see [`Carrier`]).
fn missing(
    from: &[Found],
    other: &[Found],
    carrier: &Carrier,
    is_changed: impl Fn(&Found) -> bool,
) -> Vec<Fact> {
    let other_keys: FxHashSet<(FactKind, &str)> = other.iter().map(|f| (f.kind, &*f.key)).collect();
    let other_quotes = QuoteIndex::new(other.iter().filter(|f| f.kind == FactKind::Quote));
    let other_numbers = values::NumberIndex::new(other.iter());
    let other_dates = values::DateIndex::new(other.iter());
    let mut seen = FxHashSet::default();
    from.iter()
        .filter(|f| !is_changed(f))
        .filter(|f| f.kind != FactKind::Number || stands_alone(f))
        .filter(|f| seen.insert((f.kind, &*f.key)))
        .filter(|f| match f.kind {
            FactKind::Quote => other_quotes.best_overlap(&f.key) < QUOTE_OVERLAP,
            // Other wordings of a value: "48km" for "30 miles", "April
            // 2014" for "April", "on Tuesday" for "yesterday".
            FactKind::Number => !other_numbers.carries(f),
            FactKind::Date => !other_dates.carries(&f.key),
            _ => !other_keys.contains(&(f.kind, &*f.key)),
        })
        .filter(|f| !carrier.carries(f))
        .map(|f| Fact {
            kind: f.kind,
            text: f.text.to_string(),
            value: f.value,
            sentence: f.sentence,
        })
        .collect()
}

/// Every fact of the body sentences of a document, in reading order, and
/// where each sentence's facts start (so aligned pairs reuse them).
pub(super) struct DocFacts<'a> {
    all: Vec<Found<'a>>,
    /// `all[start[i]..start[i + 1]]` are the facts of sentence `i`.
    start: Vec<usize>,
}

impl<'a> DocFacts<'a> {
    fn of(doc: &'a Document) -> DocFacts<'a> {
        // A claim gives at most one fact: reserved at once, the list is
        // not copied as it grows (a text of names has a fact every few bytes).
        let claims = doc.sentences.iter().filter(|s| s.kind.is_body());
        let mut all = Vec::with_capacity(claims.map(|s| s.claims.len()).sum());
        let mut start = Vec::with_capacity(doc.sentences.len() + 1);
        for sentence in &doc.sentences {
            start.push(all.len());
            if sentence.kind.is_body() {
                all.extend(sentence_facts(doc, sentence));
            }
        }
        start.push(all.len());
        DocFacts { all, start }
    }

    pub(super) fn of_group(&self, group: &[usize]) -> Vec<&Found<'a>> {
        group
            .iter()
            .filter(|&&i| i + 1 < self.start.len())
            .flat_map(|&i| &self.all[self.start[i]..self.start[i + 1]])
            .collect()
    }
}

fn sentence_facts<'a>(doc: &Document, sentence: &'a Sentence) -> Vec<Found<'a>> {
    let text: &str = &doc.text;
    let mut out = Vec::new();
    let mut numbers: Vec<&crate::model::NumberClaim> = Vec::new();
    let mut place: Option<&EntityClaim> = None;
    for claim in &sentence.claims {
        let found = |kind, key, text, value| Found {
            kind,
            key,
            text,
            value,
            sentence: sentence.index,
            qualifies: None,
        };
        match claim {
            Claim::Number(n) => {
                // "30 miles (48km)": a conversion of the number before it
                // is no fact of its own; nor is a value the text garbled
                // ("4\u{fffd} months", a lost "4½": its value is unknown).
                if !numbers.iter().any(|p| values::restates(p, n)) && !garbled(text, n.span) {
                    out.push(found(
                        FactKind::Number,
                        Cow::Owned(number_key(n)),
                        &n.text,
                        Some(n.value),
                    ));
                }
                numbers.push(n);
            }
            Claim::Date(d) => out.push(found(FactKind::Date, Cow::Borrowed(&d.key), &d.text, None)),
            Claim::Entity(e) => {
                let qualifies = place
                    .filter(|p| qualifier(text, sentence.span.end, p, e))
                    .map(|p| p.text.as_str());
                out.push(Found {
                    qualifies,
                    ..found(FactKind::Entity, Cow::Borrowed(&e.key), &e.text, None)
                });
                place = Some(e);
            }
            Claim::Attribution(a) => {
                if let Some(q) = &a.quote {
                    let key = quote_key(doc, q);
                    if !key.is_empty() {
                        out.push(found(FactKind::Quote, Cow::Owned(key), &q.text, None));
                    }
                }
            }
        }
    }
    out
}

/// A quote's content-word stems, in order, joined by spaces: what two
/// quotes are compared by. Read off the tokens of the sentence that holds
/// it.
fn quote_key(doc: &Document, quote: &crate::model::Quote) -> String {
    let Some(sentence) = doc.sentence_holding(quote.span) else {
        return normalize::content_tokens(&quote.text).join(" ");
    };
    let mut key = String::new();
    for word in doc
        .words_in(sentence, quote.span)
        .filter(|w| !w.is_stopword())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&word.stem);
    }
    key
}

/// True when a replacement character (U+FFFD, left by a lost byte) touches
/// the number: what it said cannot be read back.
fn garbled(text: &str, span: crate::model::Span) -> bool {
    let after = text.get(span.end..).and_then(|t| t.chars().next());
    let before = text.get(..span.start).and_then(|t| t.chars().next_back());
    [after, before].contains(&Some('\u{fffd}'))
        || text
            .get(span.start..span.end)
            .is_some_and(|t| t.contains('\u{fffd}'))
}

/// True when a number can stand as an omitted or added fact on its own:
/// not "one" or "zero" written as a word without a unit, which are
/// pronouns and idioms far more often than counts ("one of the offices",
/// "one another", "zero-day"), so the other report's wording of the same
/// count cannot be told apart from them. They still take part in changed
/// numbers ("one dead" → "two dead").
fn stands_alone(f: &Found) -> bool {
    let word = f.text.chars().all(char::is_alphabetic);
    !(word && f.value.is_some_and(|v| v <= 1.0) && !f.key.contains(':'))
}

/// True when `e` is a state or country qualifying the place `p` before it
/// ("Biloxi, Miss.", "Canberra, Australia"), not the next item of a list
/// ("Russia, China and Pakistan", "Texas, Ohio, Utah").
fn qualifier(text: &str, sentence_end: usize, p: &EntityClaim, e: &EntityClaim) -> bool {
    let region = |k: &str| is_state(k) || is_country(k);
    if !region(&e.key) || region(&p.key) {
        return false;
    }
    let comma = text
        .get(p.span.end..e.span.start)
        .is_some_and(|gap| gap.trim() == ",");
    // After the qualifier: the sentence goes on, no list does.
    let after = text.get(e.span.end..sentence_end).unwrap_or_default();
    let after = after.trim_start_matches('.').trim_start();
    let rest = after.trim_start_matches(',').trim_start();
    let list =
        rest.starts_with(char::is_uppercase) || ["and ", "or "].iter().any(|w| rest.starts_with(w));
    comma && !list
}

/// Numbers are the same fact when their values are equal, however written.
/// A quantity with a unit of measure or a currency is keyed by what it
/// measures, its unit and its value in the base unit (`length:km:48000`),
/// so that conversions can be matched ([`super::values`]); a count by its
/// value, `~` when vague ("hundreds"), and `#` its counted noun.
fn number_key(n: &crate::model::NumberClaim) -> String {
    let unit = n.unit.as_deref();
    if let Some(((dimension, _), unit)) =
        unit.and_then(|u| Some((crate::extract::dimension(u)?, u)))
    {
        let base = crate::extract::base_value(n.value, unit).unwrap_or(n.value);
        return format!("{dimension}:{unit}:{base}");
    }
    let vague = if n.vague { "~" } else { "" };
    match unit {
        Some(noun) => format!("{}{vague}#{noun}", n.value),
        None => format!("{}{vague}", n.value),
    }
}

/// The other side's quotes, indexed by word, so that finding a quote's best
/// match costs the words it shares rather than a scan of every quote.
struct QuoteIndex {
    sizes: Vec<usize>,
    by_word: FxHashMap<String, Vec<usize>>,
}

impl QuoteIndex {
    fn new<'a: 'b, 'b>(quotes: impl Iterator<Item = &'b Found<'a>>) -> QuoteIndex {
        let mut index = QuoteIndex {
            sizes: Vec::new(),
            by_word: FxHashMap::default(),
        };
        let mut keys = FxHashSet::default();
        for quote in quotes.filter(|q| keys.insert(&*q.key)) {
            let q = index.sizes.len();
            let words: FxHashSet<&str> = quote.key.split(' ').collect();
            index.sizes.push(words.len());
            for w in words {
                index.by_word.entry(w.to_string()).or_default().push(q);
            }
        }
        index
    }

    /// Highest word Dice overlap of `key` with any indexed quote.
    fn best_overlap(&self, key: &str) -> f64 {
        let words: FxHashSet<&str> = key.split(' ').collect();
        let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
        for w in &words {
            for &q in self.by_word.get(*w).map(Vec::as_slice).unwrap_or_default() {
                *shared.entry(q).or_default() += 1;
            }
        }
        shared
            .into_iter()
            .map(|(q, n)| 2.0 * n as f64 / (words.len() + self.sizes[q]) as f64)
            .fold(0.0, f64::max)
    }
}
