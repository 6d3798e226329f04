//! Facts one side carries and the other lacks, and facts that changed value
//! between aligned sentences.

use super::carried::Carrier;
use super::changed::changed_facts;
use super::values;
use crate::align::Alignment;
use crate::extract::{is_country, is_state};
use crate::model::report::{DiffOp, Fact, FactKind, Facts};
use crate::model::{Claim, Document, EntityClaim, NumberClaim, NumberKey, Sentence};
use rustc_hash::{FxHashMap, FxHashSet};

/// What identifies a fact on both sides, typed: no stage builds a string
/// key and another reads it back. Everything is borrowed from the
/// document, and the key is two words wide: a long transcript holds
/// hundreds of thousands of facts, both sides' at once, and few end up in
/// the report.
#[derive(Debug, Clone)]
pub(super) enum FactKey<'a> {
    /// A number, identified by its [`NumberKey`] (value, unit and counted
    /// noun), read off the claim when compared.
    Number(&'a NumberClaim),
    /// A date by its normalised key ("2021-10-15", "friday", "mid-08").
    Date(&'a str),
    /// An entity by its canonical key ("islamic state").
    Entity(&'a str),
    /// A quote by its content-word stems, in order.
    Quote(Box<[&'a str]>),
}

impl PartialEq for FactKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (FactKey::Number(a), FactKey::Number(b)) => a.key() == b.key(),
            (FactKey::Date(a), FactKey::Date(b)) | (FactKey::Entity(a), FactKey::Entity(b)) => {
                a == b
            }
            (FactKey::Quote(a), FactKey::Quote(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for FactKey<'_> {}

impl std::hash::Hash for FactKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            FactKey::Number(n) => n.key().hash(state),
            FactKey::Date(k) | FactKey::Entity(k) => k.hash(state),
            FactKey::Quote(words) => words.hash(state),
        }
    }
}

impl FactKey<'_> {
    /// The kind of fact the key identifies.
    pub(super) fn kind(&self) -> FactKind {
        match self {
            FactKey::Number(_) => FactKind::Number,
            FactKey::Date(_) => FactKind::Date,
            FactKey::Entity(_) => FactKind::Entity,
            FactKey::Quote(_) => FactKind::Quote,
        }
    }
}

/// A fact found in a sentence, with the key that identifies it.
#[derive(Debug, Clone)]
pub(super) struct Found<'a> {
    pub(super) key: FactKey<'a>,
    pub(super) text: &'a str,
    pub(super) value: Option<f64>,
    pub(super) sentence: usize,
    /// For a state or country after a place ("Biloxi, Miss."), the place it
    /// qualifies: a qualifier of a place both reports name is no fact of
    /// its own.
    pub(super) qualifies: Option<&'a str>,
    /// For a date, true when it dates a credit ("said Sunday", "on Tuesday
    /// told reporters"): the day a source spoke, not the day of the event.
    pub(super) reporting: bool,
    /// For a number, true when it converts the number before it ("30
    /// miles (48km)", "€800 (£625)"): no fact of its own, never reported,
    /// but a wording of the value that carries the other report's.
    pub(super) converts: bool,
}

impl Found<'_> {
    /// The kind of fact: its key's.
    pub(super) fn kind(&self) -> FactKind {
        self.key.kind()
    }
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
    let changed_left: FxHashSet<(usize, &FactKey)> = changed
        .iter()
        .filter_map(|(c, keys)| Some((c.left, &keys.as_ref()?.0)))
        .collect();
    let changed_right: FxHashSet<(usize, &FactKey)> = changed
        .iter()
        .filter_map(|(c, keys)| Some((c.right, &keys.as_ref()?.1)))
        .collect();
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
        let FactKey::Quote(words) = &f.key else {
            return false;
        };
        partners
            .get(&f.sentence)
            .is_some_and(|group| other.keeps_quote(words, group))
    };
    // One side's index at a time: each holds its document's words again,
    // and both at once were the peak of a long comparison's memory.
    let right_carrier = Carrier::new(right, &right_facts);
    let omitted = missing(&left_facts, (right, &right_facts), &right_carrier, |f| {
        f.converts
            || changed_left.contains(&(f.sentence, &f.key))
            || (f.kind() == FactKind::Quote && left_quoted.contains(&f.sentence))
            || rewritten(f, &left_partners, &right_carrier)
    });
    drop(right_carrier);
    let left_carrier = Carrier::new(left, &left_facts);
    let added = missing(&right_facts, (left, &left_facts), &left_carrier, |f| {
        f.converts
            || changed_right.contains(&(f.sentence, &f.key))
            || (f.kind() == FactKind::Quote && right_quoted.contains(&f.sentence))
            || rewritten(f, &right_partners, &left_carrier)
    });
    Facts {
        omitted,
        added,
        changed: changed.into_iter().map(|(c, _)| c).collect(),
    }
}

/// Bytes between a reporting cue and a date for the date to be the day of
/// the credit: "said Sunday", "said in an interview Tuesday", "said late
/// on Monday".
const CREDIT_DATE_GAP: usize = 24;

/// True when the date at `span` stands right after a cue of the sentence
/// ("said Sunday", "said in an interview Tuesday") or right before one
/// ("on Tuesday told reporters"): it dates the credit.
fn dates_a_credit(sentence: &Sentence, span: crate::model::Span) -> bool {
    sentence.attributions().any(|a| {
        let cue = a.cue_span;
        let after = span.start >= cue.end && span.start - cue.end <= CREDIT_DATE_GAP;
        let before = span.end <= cue.start && cue.start - span.end <= 2;
        after || before
    })
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
    (other_doc, other): (&Document, &[Found]),
    carrier: &Carrier,
    is_changed: impl Fn(&Found) -> bool,
) -> Vec<Fact> {
    let other_keys: FxHashSet<&FactKey> = other.iter().map(|f| &f.key).collect();
    let other_quotes = QuoteIndex::new(other.iter());
    let other_numbers = values::NumberIndex::new(other.iter(), other_doc);
    let other_dates = values::DateIndex::new(other.iter());
    let mut seen = FxHashSet::default();
    from.iter()
        .filter(|f| !is_changed(f))
        .filter(|f| stands_alone(f))
        .filter(|f| seen.insert(&f.key))
        .filter(|f| match &f.key {
            FactKey::Quote(words) => other_quotes.best_overlap(words) < QUOTE_OVERLAP,
            // Other wordings of a value: "48km" for "30 miles", "April
            // 2014" for "April", "on Tuesday" for "yesterday".
            FactKey::Number(_) => !other_numbers.carries(f),
            FactKey::Date(key) => !other_dates.carries(key),
            FactKey::Entity(_) => !other_keys.contains(&f.key),
        })
        .filter(|f| !carrier.carries(f))
        .map(|f| Fact {
            kind: f.kind(),
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

fn sentence_facts<'a>(doc: &'a Document, sentence: &'a Sentence) -> Vec<Found<'a>> {
    let text: &str = &doc.text;
    let mut out = Vec::new();
    let mut numbers: Vec<&crate::model::NumberClaim> = Vec::new();
    let mut place: Option<&EntityClaim> = None;
    for claim in &sentence.claims {
        let found = |key, text, value| Found {
            key,
            text,
            value,
            sentence: sentence.index,
            qualifies: None,
            reporting: false,
            converts: false,
        };
        match claim {
            Claim::Number(n) => {
                // "30 miles (48km)", "£20m ($32m)": a conversion of the
                // number before it is no fact of its own; nor is a value
                // the text garbled ("4\u{fffd} months", a lost "4½": its
                // value is unknown).
                let after = text.get(n.span.end..).unwrap_or_default();
                let converted = |p: &&crate::model::NumberClaim| {
                    let between = text.get(p.span.end..n.span.start).unwrap_or_default();
                    values::restates(p, n) || values::converts_money(p, n, between, after)
                };
                if !garbled(text, n.span) {
                    out.push(Found {
                        converts: numbers.iter().any(converted),
                        ..found(FactKey::Number(n), &n.text, Some(n.value))
                    });
                }
                numbers.push(n);
            }
            Claim::Date(d) => out.push(Found {
                reporting: dates_a_credit(sentence, d.span),
                ..found(FactKey::Date(&d.key), &d.text, None)
            }),
            Claim::Entity(e) => {
                let qualifies = place
                    .filter(|p| qualifier(text, sentence.span.end, p, e))
                    .map(|p| p.text.as_str());
                out.push(Found {
                    qualifies,
                    ..found(FactKey::Entity(&e.key), &e.text, None)
                });
                place = Some(e);
            }
            Claim::Attribution(a) => {
                if let Some(q) = &a.quote {
                    let words = quote_stems(doc, q);
                    if !words.is_empty() {
                        out.push(found(FactKey::Quote(words.into()), &q.text, None));
                    }
                }
            }
        }
    }
    out
}

/// A quote's content-word stems, in order: what two quotes are compared
/// by. Read off the document's tokens (a quotation may run over several
/// sentences).
fn quote_stems<'a>(doc: &'a Document, quote: &crate::model::Quote) -> Vec<&'a str> {
    doc.words_within(quote.span)
        .filter(|w| !w.is_stopword())
        .map(|w| &*w.stem)
        .collect()
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
    let FactKey::Number(number) = f.key else {
        return true;
    };
    let key = number.key();
    let word = f.text.chars().all(char::is_alphabetic);
    !(word && f.value.is_some_and(|v| v <= 1.0) && matches!(key, NumberKey::Count { .. }))
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

/// The other side's quotes, indexed by word, so that finding a quote's best
/// match costs the words it shares rather than a scan of every quote.
struct QuoteIndex {
    sizes: Vec<usize>,
    by_word: FxHashMap<String, Vec<usize>>,
}

impl QuoteIndex {
    /// Indexes the quotes among `facts`.
    fn new<'a: 'b, 'b>(facts: impl Iterator<Item = &'b Found<'a>>) -> QuoteIndex {
        let mut index = QuoteIndex {
            sizes: Vec::new(),
            by_word: FxHashMap::default(),
        };
        let mut keys = FxHashSet::default();
        for words in facts.filter_map(|f| match &f.key {
            FactKey::Quote(words) => Some(words),
            _ => None,
        }) {
            if !keys.insert(words) {
                continue;
            }
            let q = index.sizes.len();
            let words: FxHashSet<&str> = words.iter().copied().collect();
            index.sizes.push(words.len());
            for w in words {
                index.by_word.entry(w.to_string()).or_default().push(q);
            }
        }
        index
    }

    /// Highest word Dice overlap of a quote's `words` with any indexed
    /// quote.
    fn best_overlap(&self, words: &[&str]) -> f64 {
        let words: FxHashSet<&str> = words.iter().copied().collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_stays_small() {
        // Both sides' facts are held at once: at 5 MB a side, hundreds of
        // thousands. A key is two words and a tag; a fact under 11 words.
        assert!(std::mem::size_of::<FactKey>() <= 24);
        assert!(std::mem::size_of::<Found>() <= 88);
    }

    #[test]
    fn numbers_are_one_fact_by_value_unit_and_noun_however_written() {
        let doc = crate::analyse(
            "a",
            "They drove 30 miles. Then 30 miles more. 12 people and 12 cars.",
        );
        let facts = DocFacts::of(&doc);
        let numbers: Vec<&Found> = facts
            .all
            .iter()
            .filter(|f| f.kind() == FactKind::Number)
            .collect();
        assert_eq!(numbers.len(), 4, "{numbers:?}");
        assert_eq!(numbers[0].key, numbers[1].key);
        assert_ne!(numbers[2].key, numbers[3].key, "people are not cars");
        let set: FxHashSet<&FactKey> = numbers.iter().map(|f| &f.key).collect();
        assert_eq!(set.len(), 3);
    }
}
