//! One comparison scored against a hand-made gold pair: the ecbplus-pairs
//! rule, exactly as the set's reference scorer (`scripts/score.py`) computes
//! it, so that `newsdiff-eval` and the script print the same figures.
//!
//! Gold substrings are located in the comparator's own sentences: the gold
//! sentence is the first sentence whose text contains the substring. An item
//! no sentence contains cannot be matched and counts as missed.
//! - alignment: micro precision and recall over distinct (left, right)
//!   sentence pairs, n:m groups expanded;
//! - facts: a gold fact is found when a reported fact of its side contains
//!   it or is contained in it (case-insensitive), or when a sentence the
//!   report lists as one side only contains it. A reported fact is on the
//!   gold when the same test holds for some gold fact (its text trimmed);
//! - sure-false facts: a reported omitted (added) fact whose text, three
//!   characters or more, the other text carries as whole words,
//!   case-insensitive. Gold facts never pass this test, by construction;
//! - attribution changes: a gold dropped/added credit is found by any report
//!   of a dropped or added credit, a quote made indirect or a speaker change
//!   on the same left or the same right sentence; every other gold kind by
//!   any change on the same (left, right) pair. A reported change is on the
//!   gold when its left (or right) sentence carries a gold change;
//! - changed numbers: found when a changed fact is reported on the gold
//!   (left, right) pair; a reported changed number is on the gold when its
//!   pair is a gold pair.

use super::metrics::Confusion;
use newsdiff::model::report::{AttributionChangeKind, FactKind, Report};
use serde::Deserialize;
use std::collections::HashSet;
use std::ops::AddAssign;

/// One gold file of ecbplus-pairs (the keys the scorer reads).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Gold {
    /// Left text, relative to the set's folder.
    pub left: String,
    /// Right text, relative to the set's folder.
    pub right: String,
    /// Corresponding sentences, as (left, right) substrings.
    #[serde(default)]
    pub pairs: Vec<(String, String)>,
    /// The subset of `pairs` whose relative order differs.
    #[serde(default)]
    pub moved: Vec<(String, String)>,
    /// Facts of the left text the right lacks (substrings of the left).
    #[serde(default)]
    pub omitted_facts: Vec<String>,
    /// Facts of the right text the left lacks (substrings of the right).
    #[serde(default)]
    pub added_facts: Vec<String>,
    /// Substrings of two aligned sentences giving different numbers.
    #[serde(default)]
    pub changed_numbers: Vec<(String, String)>,
    /// Attribution changes on aligned sentences.
    #[serde(default)]
    pub attribution_changes: Vec<GoldAttribution>,
}

/// One gold attribution change.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldAttribution {
    /// Substring of the left sentence (absent or empty: none).
    #[serde(default)]
    pub left: Option<String>,
    /// Substring of the right sentence (absent or empty: none).
    #[serde(default)]
    pub right: Option<String>,
    /// `cue_changed`, `speaker_changed`, `attribution_dropped`, …
    pub kind: String,
}

/// What the scorer reads of a report: the fields `score.py` reads of the
/// JSON contract, taken from the [`Report`] the JSON is made of.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// Left sentence texts, by index.
    pub left_sentences: Vec<String>,
    /// Right sentence texts, by index.
    pub right_sentences: Vec<String>,
    /// Aligned groups: left indices, right indices, moved.
    pub pairs: Vec<(Vec<usize>, Vec<usize>, bool)>,
    /// Left sentences without a partner.
    pub left_only: Vec<usize>,
    /// Right sentences without a partner.
    pub right_only: Vec<usize>,
    /// Texts of the reported omitted facts.
    pub omitted: Vec<String>,
    /// Texts of the reported added facts.
    pub added: Vec<String>,
    /// Changed facts: kind, left sentence, right sentence.
    pub changed: Vec<(FactKind, usize, usize)>,
    /// Attribution changes: kind, left sentence, right sentence.
    pub attribution: Vec<(AttributionChangeKind, Option<usize>, Option<usize>)>,
}

impl From<&Report> for Findings {
    fn from(report: &Report) -> Findings {
        let texts = |side: &newsdiff::model::report::SideReport| {
            side.sentences.iter().map(|s| s.text.to_string()).collect()
        };
        Findings {
            left_sentences: texts(&report.left),
            right_sentences: texts(&report.right),
            pairs: report
                .pairs
                .iter()
                .map(|p| (p.left.clone(), p.right.clone(), p.moved))
                .collect(),
            left_only: report.left_only.clone(),
            right_only: report.right_only.clone(),
            omitted: report
                .facts
                .omitted
                .iter()
                .map(|f| f.text.clone())
                .collect(),
            added: report.facts.added.iter().map(|f| f.text.clone()).collect(),
            changed: report
                .facts
                .changed
                .iter()
                .map(|c| (c.kind, c.left, c.right))
                .collect(),
            attribution: report
                .attribution_changes
                .iter()
                .map(|c| (c.kind, c.left, c.right))
                .collect(),
        }
    }
}

/// The counts of one pair (or, added up, of the set).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// Alignment links: true positives, false positives, false negatives
    /// (unlocated gold pairs included).
    pub alignment: Confusion,
    /// Distinct gold pairs, unlocated ones included.
    pub gold_pairs: usize,
    /// Distinct gold pairs with a side no sentence contains.
    pub unlocated_pairs: usize,
    /// Gold moved pairs.
    pub moved_gold: usize,
    /// Gold moved pairs the report aligns and marks moved.
    pub moved_found: usize,
    /// Gold omitted facts.
    pub omitted_gold: usize,
    /// Gold omitted facts found.
    pub omitted_found: usize,
    /// Gold added facts.
    pub added_gold: usize,
    /// Gold added facts found.
    pub added_found: usize,
    /// Facts reported, omitted and added.
    pub facts_reported: usize,
    /// Reported facts that match a gold fact of their side.
    pub facts_on_gold: usize,
    /// Sure-false facts: `omitted 'text'` or `added 'text'`.
    pub sure_false: Vec<String>,
    /// Reported attribution changes on no sentence with a gold change: the
    /// kind and the sentences, for reading (`--examples`).
    pub attribution_off_gold: Vec<String>,
    /// Gold attribution changes.
    pub attribution_gold: usize,
    /// Gold attribution changes found.
    pub attribution_found: usize,
    /// Gold attribution changes with a given side no sentence contains.
    pub attribution_unlocated: usize,
    /// Attribution changes reported.
    pub attribution_reported: usize,
    /// Reported attribution changes on a sentence carrying a gold change.
    pub attribution_on_gold: usize,
    /// Gold changed numbers.
    pub numbers_gold: usize,
    /// Gold changed numbers found.
    pub numbers_found: usize,
    /// Gold changed numbers with a side no sentence contains.
    pub numbers_unlocated: usize,
    /// Changed numbers reported.
    pub numbers_reported: usize,
    /// Reported changed numbers on a gold pair.
    pub numbers_on_gold: usize,
}

impl AddAssign<&Score> for Score {
    fn add_assign(&mut self, o: &Score) {
        self.alignment += o.alignment;
        self.gold_pairs += o.gold_pairs;
        self.unlocated_pairs += o.unlocated_pairs;
        self.moved_gold += o.moved_gold;
        self.moved_found += o.moved_found;
        self.omitted_gold += o.omitted_gold;
        self.omitted_found += o.omitted_found;
        self.added_gold += o.added_gold;
        self.added_found += o.added_found;
        self.facts_reported += o.facts_reported;
        self.facts_on_gold += o.facts_on_gold;
        self.sure_false.extend(o.sure_false.iter().cloned());
        self.attribution_off_gold
            .extend(o.attribution_off_gold.iter().cloned());
        self.attribution_gold += o.attribution_gold;
        self.attribution_found += o.attribution_found;
        self.attribution_unlocated += o.attribution_unlocated;
        self.attribution_reported += o.attribution_reported;
        self.attribution_on_gold += o.attribution_on_gold;
        self.numbers_gold += o.numbers_gold;
        self.numbers_found += o.numbers_found;
        self.numbers_unlocated += o.numbers_unlocated;
        self.numbers_reported += o.numbers_reported;
        self.numbers_on_gold += o.numbers_on_gold;
    }
}

/// The first sentence containing `needle` (the rule that locates gold items).
fn locate(sentences: &[String], needle: &str) -> Option<usize> {
    sentences.iter().position(|s| s.contains(needle))
}

/// Python's `\w` on text: a letter, a digit or `_`.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The character case-insensitive matching compares (simple lower case).
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// True when `needle` occurs in `haystack` as whole words, case-insensitive:
/// no word character right before or after it (the scorer's
/// `(?<!\w)needle(?!\w)` with `re.I`). An empty needle never occurs.
pub fn occurs_as_whole_words(needle: &str, haystack: &str) -> bool {
    let needle: Vec<char> = needle.chars().map(fold).collect();
    let hay: Vec<char> = haystack.chars().collect();
    if needle.is_empty() || needle.len() > hay.len() {
        return false;
    }
    (0..=hay.len() - needle.len()).any(|start| {
        let end = start + needle.len();
        (start == 0 || !is_word(hay[start - 1]))
            && (end == hay.len() || !is_word(hay[end]))
            && hay[start..end]
                .iter()
                .map(|&c| fold(c))
                .eq(needle.iter().copied())
    })
}

/// One text contains the other, case-insensitive (the fact match).
fn either_contains(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a.contains(&b) || b.contains(&a)
}

/// Scores one report's findings against its gold; `left_text` and
/// `right_text` are the two inputs (for the sure-false test).
pub fn score(gold: &Gold, f: &Findings, left_text: &str, right_text: &str) -> Score {
    let mut s = Score::default();
    let left = |needle: &str| locate(&f.left_sentences, needle);
    let right = |needle: &str| locate(&f.right_sentences, needle);

    // Alignment, over distinct located pairs.
    let gold_links: HashSet<(Option<usize>, Option<usize>)> = gold
        .pairs
        .iter()
        .map(|(l, r)| (left(l), right(r)))
        .collect();
    let located: HashSet<(usize, usize)> =
        gold_links.iter().filter_map(|&(l, r)| l.zip(r)).collect();
    s.gold_pairs = gold_links.len();
    s.unlocated_pairs = gold_links.len() - located.len();
    let links = |moved_only: bool| -> HashSet<(usize, usize)> {
        f.pairs
            .iter()
            .filter(|(_, _, moved)| *moved || !moved_only)
            .flat_map(|(l, r, _)| l.iter().flat_map(move |&i| r.iter().map(move |&j| (i, j))))
            .collect()
    };
    let predicted = links(false);
    s.alignment.true_positive = predicted.intersection(&located).count();
    s.alignment.false_positive = predicted.difference(&located).count();
    s.alignment.false_negative = located.difference(&predicted).count() + s.unlocated_pairs;
    let moved = links(true);
    s.moved_gold = gold.moved.len();
    s.moved_found = gold
        .moved
        .iter()
        .filter(|(l, r)| left(l).zip(right(r)).is_some_and(|p| moved.contains(&p)))
        .count();

    // Facts, each side against its own gold and the other text.
    let sides = [
        (
            "omitted",
            &gold.omitted_facts,
            &f.omitted,
            &f.left_only,
            &f.left_sentences,
            right_text,
        ),
        (
            "added",
            &gold.added_facts,
            &f.added,
            &f.right_only,
            &f.right_sentences,
            left_text,
        ),
    ];
    for (name, gold_facts, reported, only, sentences, other) in sides {
        s.facts_reported += reported.len();
        for text in reported {
            let text = text.trim();
            if !text.is_empty() && gold_facts.iter().any(|g| either_contains(text, g)) {
                s.facts_on_gold += 1;
            }
            if text.chars().count() >= 3 && occurs_as_whole_words(text, other) {
                s.sure_false.push(format!("{name} {text:?}"));
            }
        }
        let found = gold_facts
            .iter()
            .filter(|fact| {
                reported
                    .iter()
                    .any(|r| !r.is_empty() && either_contains(fact, r))
                    || only
                        .iter()
                        .any(|&i| sentences.get(i).is_some_and(|t| t.contains(fact.as_str())))
            })
            .count();
        if name == "omitted" {
            (s.omitted_gold, s.omitted_found) = (gold_facts.len(), found);
        } else {
            (s.added_gold, s.added_found) = (gold_facts.len(), found);
        }
    }

    // Changed numbers, by pair.
    let gold_numbers: Vec<(Option<usize>, Option<usize>)> = gold
        .changed_numbers
        .iter()
        .map(|(l, r)| (left(l), right(r)))
        .collect();
    s.numbers_gold = gold_numbers.len();
    s.numbers_unlocated = gold_numbers
        .iter()
        .filter(|(l, r)| l.is_none() || r.is_none())
        .count();
    s.numbers_found = gold_numbers
        .iter()
        .filter(|&&(l, r)| {
            f.changed
                .iter()
                .any(|&(_, cl, cr)| l == Some(cl) && r == Some(cr))
        })
        .count();
    for &(kind, l, r) in &f.changed {
        if kind == FactKind::Number {
            s.numbers_reported += 1;
            s.numbers_on_gold += usize::from(gold_numbers.contains(&(Some(l), Some(r))));
        }
    }

    // Attribution changes.
    let gold_attr: Vec<(&GoldAttribution, Option<usize>, Option<usize>)> = gold
        .attribution_changes
        .iter()
        .map(|a| {
            (
                a,
                given(&a.left).and_then(left),
                given(&a.right).and_then(right),
            )
        })
        .collect();
    let gold_left: HashSet<usize> = gold_attr.iter().filter_map(|&(_, l, _)| l).collect();
    let gold_right: HashSet<usize> = gold_attr.iter().filter_map(|&(_, _, r)| r).collect();
    s.attribution_reported = f.attribution.len();
    for &(kind, l, r) in &f.attribution {
        if l.is_some_and(|l| gold_left.contains(&l)) || r.is_some_and(|r| gold_right.contains(&r)) {
            s.attribution_on_gold += 1;
        } else {
            let text = |sentences: &[String], i: Option<usize>| {
                i.and_then(|i| sentences.get(i))
                    .map_or("-".to_string(), |t| super::clip(t, 90))
            };
            s.attribution_off_gold.push(format!(
                "{}: {} ‖ {}",
                kind.name(),
                text(&f.left_sentences, l),
                text(&f.right_sentences, r)
            ));
        }
    }
    s.attribution_gold = gold_attr.len();
    s.attribution_unlocated = gold_attr
        .iter()
        .filter(|&&(a, l, r)| {
            (given(&a.left).is_some() && l.is_none()) || (given(&a.right).is_some() && r.is_none())
        })
        .count();
    s.attribution_found = gold_attr
        .iter()
        .filter(|&&(a, li, ri)| {
            if matches!(a.kind.as_str(), "attribution_dropped" | "attribution_added") {
                f.attribution.iter().any(|&(kind, l, r)| {
                    credit_kind(kind) && ((li.is_some() && l == li) || (ri.is_some() && r == ri))
                })
            } else {
                f.attribution.iter().any(|&(_, l, r)| l == li && r == ri)
            }
        })
        .count();
    s
}

/// A gold side's substring, when given (absent or empty: none).
fn given(side: &Option<String>) -> Option<&str> {
    side.as_deref().filter(|t| !t.is_empty())
}

/// Reported kinds that can stand for a gold dropped or added credit.
fn credit_kind(kind: AttributionChangeKind) -> bool {
    use AttributionChangeKind::*;
    matches!(
        kind,
        AttributionDropped | AttributionAdded | QuoteMadeIndirect | SpeakerChanged
    )
}

#[cfg(test)]
mod tests;
