//! Polarity changes between aligned groups: a statement turned into its
//! denial ("was approved" → "was not approved") or a predicate swapped for
//! its opposite ("rose" → "fell").
//!
//! Both are read off the word diff of the pair, one change (a run of
//! deleted and inserted words between two unchanged runs) at a time, so that
//! a rewrite that drops a clause with a "not" in it, or adds a "no"
//! somewhere else, is no reversal: the negator must attach to a predicate
//! both sides keep, and an opposite must replace the word it opposes.

use crate::lexicon;
use crate::lexicon::negation::{
    auxiliary_class, is_implicit_negator, is_negator, is_split_contraction, negates_the_verb_after,
};
use crate::model::report::{DiffOp, DiffTag, FactChange, FactKind};
use crate::text::normalize::{self, Key};
use crate::text::vocabulary::Vocabulary;
use std::borrow::Cow;

/// A word of one side's joined text.
struct Word<'a> {
    text: &'a str,
    folded: Cow<'a, str>,
    /// Stem key of the folded word (stopwords included).
    stem: Key,
    /// True for content words (not stopwords).
    content: bool,
    start: usize,
    end: usize,
}

/// One change of the word diff: the words each side has between two
/// unchanged runs, as ranges into the side's words.
struct Change {
    left: std::ops::Range<usize>,
    right: std::ops::Range<usize>,
}

/// The words of both sides and the changes between them.
struct Diffed<'a> {
    left: Vec<Word<'a>>,
    right: Vec<Word<'a>>,
    changes: Vec<Change>,
}

/// A polarity change between the joined texts of two aligned groups, if
/// any: a negation first, then an exchanged opposite. `left_starts` and
/// `right_starts` are the byte offsets where each sentence of the group
/// starts in its joined text (for the sentence indices of the finding).
/// Each side's words are read in its document's vocabulary.
/// `diff` is the pair's word diff from `left.0` to `right.0`, the one the
/// report shows (computed once, in `compare`).
pub(super) fn polarity_change(
    vocabularies: [&Vocabulary; 2],
    diff: &[DiffOp],
    left: (&str, &[usize], &[usize]),
    right: (&str, &[usize], &[usize]),
) -> Option<FactChange> {
    let diffed = diffed(vocabularies, diff, left.0, right.0);
    let (l, r) = (&diffed.left, &diffed.right);
    let sentence = |starts: &[usize], group: &[usize], at: usize| {
        let k = starts.partition_point(|&s| s <= at).saturating_sub(1);
        group.get(k).or(group.first()).copied().unwrap_or_default()
    };
    // A question asserts nothing for the other side to deny: "Do you
    // really want ...?" → "We don't want ...".
    // A question asserts nothing for the other side to deny: "Do you
    // really want ...?" → "We don't want ...". The finding is in a question
    // when a question mark follows it in its sentence.
    let question = |full: &str, starts: &[usize], at: usize| {
        let k = starts.partition_point(|&s| s <= at);
        let end = starts
            .get(k)
            .map_or(full.len(), |&next| next.saturating_sub(1));
        full.get(at..end).is_some_and(|rest| rest.contains('?'))
    };
    let finding = |(ls, le): (usize, usize), (rs, re): (usize, usize)| {
        let text = |words: &[Word<'_>], full: &str, s: usize, e: usize| {
            full.get(words[s].start..words[e].end)
                .unwrap_or_default()
                .to_string()
        };
        if question(left.0, left.2, l[ls].start) || question(right.0, right.2, r[rs].start) {
            return None;
        }
        let (left_text, right_text) = (text(l, left.0, ls, le), text(r, right.0, rs, re));
        (!left_text.is_empty() && !right_text.is_empty()).then(|| FactChange {
            kind: FactKind::Polarity,
            left_text,
            right_text,
            left: sentence(left.2, left.1, l[ls].start),
            right: sentence(right.2, right.1, r[rs].start),
        })
    };
    if let Some((ls, rs)) = negation(&diffed) {
        return finding(ls, rs);
    }
    exchanged_opposite(&diffed).and_then(|(a, b)| finding((a, a), (b, b)))
}

fn diffed<'a>(
    [left_vocabulary, right_vocabulary]: [&'a Vocabulary; 2],
    diff: &[DiffOp],
    left: &'a str,
    right: &'a str,
) -> Diffed<'a> {
    let mut out = Diffed {
        left: Vec::new(),
        right: Vec::new(),
        changes: Vec::new(),
    };
    let (mut at_left, mut at_right) = (0, 0);
    let mut open: Option<Change> = None;
    let push_words = |vocabulary: &'a Vocabulary,
                      words: &mut Vec<Word<'a>>,
                      full: &'a str,
                      at: usize,
                      len: usize| {
        let Some(run) = full.get(at..at + len) else {
            return;
        };
        for (offset, word) in normalize::words(run) {
            let (folded, stem, content) = read_word(vocabulary, word);
            words.push(Word {
                text: word,
                folded,
                stem,
                content,
                start: at + offset,
                end: at + offset + word.len(),
            });
        }
    };
    for op in diff {
        let len = op.text.len();
        match op.op {
            DiffTag::Equal => {
                if let Some(change) = open.take() {
                    out.changes.push(change);
                }
                push_words(left_vocabulary, &mut out.left, left, at_left, len);
                push_words(right_vocabulary, &mut out.right, right, at_right, len);
                at_left += len;
                at_right += len;
            }
            DiffTag::Delete | DiffTag::Insert => {
                let change = open.get_or_insert(Change {
                    left: out.left.len()..out.left.len(),
                    right: out.right.len()..out.right.len(),
                });
                if op.op == DiffTag::Delete {
                    push_words(left_vocabulary, &mut out.left, left, at_left, len);
                    at_left += len;
                    change.left.end = out.left.len();
                } else {
                    push_words(right_vocabulary, &mut out.right, right, at_right, len);
                    at_right += len;
                    change.right.end = out.right.len();
                }
            }
        }
    }
    out.changes.extend(open);
    out
}

/// A word of a side's text as its document's vocabulary knows it: folded,
/// its stem key, and whether it is a content word. A word the vocabulary
/// lacks (the diff reads the reader's text, whose words are the tokens'
/// but for the odd escape) is folded and stemmed here.
fn read_word<'v>(vocabulary: &'v Vocabulary, word: &str) -> (Cow<'v, str>, Key, bool) {
    if let Some(id) = vocabulary.id(word) {
        let w = vocabulary.word(id);
        return (Cow::Borrowed(&w.folded), w.stem_key, !w.is_stopword());
    }
    let folded = normalize::fold(word);
    let stem = normalize::key(&normalize::stem(&folded));
    let content = !normalize::is_stopword(&folded);
    (Cow::Owned(folded), stem, content)
}

/// Words between a negator and the predicate it negates ("did not *even*
/// try", "has not *yet been* approved", "no *longer*").
fn is_bridge(folded: &str) -> bool {
    matches!(
        folded,
        "be" | "been"
            | "being"
            | "is"
            | "are"
            | "was"
            | "were"
            | "do"
            | "does"
            | "did"
            | "have"
            | "has"
            | "had"
            | "to"
            | "yet"
            | "ever"
            | "even"
            | "any"
            | "longer"
            | "always"
            | "a"
            | "an"
            | "the"
            | "one"
            | "so"
            | "very"
            | "really"
            | "quite"
            | "too"
            | "only"
            | "get"
            | "got"
            | "before"
    )
}

/// Words that negate the clause they are in (folded). "fail to" and
/// "refuse to" negate the verb after them like "not" does, so "failed to
/// fall" and "did not fall" say the same. "not only" and "whether or not"
/// negate nothing. A contraction split at its apostrophe ("couldn ’ t")
/// negates at its first part.
fn negator_at(words: &[Word<'_>], k: usize) -> bool {
    let folded = &*words[k].folded;
    let next = words.get(k + 1).map_or("", |w| &*w.folded);
    if folded == "not"
        && (matches!(next, "only" | "just" | "simply" | "merely")
            || (k > 0 && &*words[k - 1].folded == "or"))
    {
        return false;
    }
    // "three no votes": the votes against, counted.
    if folded == "no" && k > 0 && is_count(&words[k - 1].folded) {
        return false;
    }
    is_negator(folded)
        || is_split_contraction(folded, next)
        || (negates_the_verb_after(folded) && next == "to" && !to_a_number(words, k + 2))
}

/// True when the word at `k` is a number: "declined to 61.3 percent" is a
/// fall, not a refusal.
fn to_a_number(words: &[Word<'_>], k: usize) -> bool {
    words
        .get(k)
        .is_some_and(|w| w.folded.starts_with(|c: char| c.is_ascii_digit()) || is_count(&w.folded))
}

/// True for a number, in digits or words ("three", "12").
fn is_count(folded: &str) -> bool {
    folded.bytes().all(|b| b.is_ascii_digit()) || crate::extract::is_number_word(folded)
}

/// True when the word at `k` names a time, not a quality: "old" in "a
/// 14-year-old", "last" in "last year" (the year before, not the final
/// one). Neither opposes "young" or "first".
fn names_a_time(words: &[Word<'_>], k: usize) -> bool {
    let before = k.checked_sub(1).map_or("", |p| &*words[p].folded);
    let next = words.get(k + 1).map_or("", |w| &*w.folded);
    let time = |w: &str| {
        matches!(
            w.trim_end_matches('s'),
            "year" | "month" | "week" | "day" | "night" | "weekend" | "season" | "time"
        )
    };
    match &*words[k].folded {
        "old" => time(before),
        "last" => time(next),
        _ => false,
    }
}

/// Words that negate without a negator ("unable to", "the lack of",
/// "rather than", "denied that"): a rewrite that puts a "not" where the
/// other side has one of these says the same thing. They weigh in the
/// count of negations, but a reversal is only reported for a negator.
fn implicit_negator_at(words: &[Word<'_>], k: usize) -> bool {
    let next = words.get(k + 1).map_or("", |w| &*w.folded);
    let before = k.checked_sub(1).map_or("", |p| &*words[p].folded);
    is_implicit_negator(before, &words[k].folded, next)
}

/// Negations in a stretch of words, explicit and implicit.
fn negations_in(words: &[Word<'_>], range: &std::ops::Range<usize>) -> usize {
    range
        .clone()
        .filter(|&k| negator_at(words, k) || implicit_negator_at(words, k))
        .count()
}

/// Longest change (in words a side) in which an added negator is read as
/// denying a predicate the other side keeps: "reported" → "didn't report
/// anything about" is one, a rewritten clause is not.
const LOCAL_CHANGE: usize = 6;

/// Changes this close (in words) to one that adds a negation, and that take
/// one away, move the negation rather than add it ("no one was hurt" →
/// "people were not hurt").
const NEARBY: usize = 4;

/// True when a change near `change` moves negation the other way, so the
/// two together keep the polarity.
fn cancelled_nearby(d: &Diffed<'_>, change: &Change, direction: std::cmp::Ordering) -> bool {
    d.changes.iter().any(|other| {
        let near = other.left.start <= change.left.end + NEARBY
            && change.left.start <= other.left.end + NEARBY;
        let delta = negations_in(&d.left, &other.left).cmp(&negations_in(&d.right, &other.right));
        near && delta == direction.reverse()
    })
}

/// True when a change just before `change` adds a negation on the same
/// side: the two negate each other ("That is not to say rates might not
/// change" / "Rates might change"; "shatters the myth that farming does
/// not affect food" / "farming affects food"), so the clause keeps its
/// polarity. Only a negation before the added one governs it; two
/// negations added to two clauses ("did not attend and did not vote") are
/// still a reversal, found at the first.
fn doubled_before(d: &Diffed<'_>, change: &Change, direction: std::cmp::Ordering) -> bool {
    d.changes.iter().any(|other| {
        let before = other.left.end <= change.left.start
            && other.right.end <= change.right.start
            && other.left.end + NEARBY >= change.left.start
            && (other.left.start, other.right.start) != (change.left.start, change.right.start);
        let delta = negations_in(&d.left, &other.left).cmp(&negations_in(&d.right, &other.right));
        before && delta == direction
    })
}

/// The predicate a negator at `k` attaches to: the next word that is not a
/// bridge word or another negator, within `limit`. An auxiliary contraction
/// ("won't", "can't") is its own predicate when a bare auxiliary stands in
/// for it on the other side, so the search starts at it.
fn predicate_after(words: &[Word<'_>], k: usize) -> Option<usize> {
    let mut p = k + 1;
    let next = words.get(p).map_or("", |w| &*w.folded);
    // Past the "to" of "failed to", the "t" of "couldn ’ t".
    if negates_the_verb_after(&words[k].folded) || is_split_contraction(&words[k].folded, next) {
        p += 1;
    }
    while p < words.len() && p <= k + 4 {
        let w = &*words[p].folded;
        if !is_bridge(w) && !negator_at(words, p) {
            return Some(p);
        }
        p += 1;
    }
    None
}

/// Two words name the same predicate: one stem, one auxiliary, or WordNet
/// synonyms ("forced" / "required").
fn same_predicate(a: &Word<'_>, b: &Word<'_>) -> bool {
    a.stem == b.stem
        || auxiliary_class(&a.folded).is_some_and(|c| auxiliary_class(&b.folded) == Some(c))
        || (a.content && b.content && lexicon::are_synonyms(a.text, b.text))
}

/// How many negators the words of `range` hold.
fn negators_in(words: &[Word<'_>], range: &std::ops::Range<usize>) -> usize {
    range.clone().filter(|&k| negator_at(words, k)).count()
}

/// The first change where one side adds a negator to a predicate both sides
/// keep: the predicate is unchanged after the change, or the other side's
/// changed words hold it too ("compares" → "does not compare"). Returns the
/// word ranges (first, last) of each side's finding: from the word before
/// the change to the predicate. The other side must not say the same with
/// an implicit negation ("unable to" / "can't") in the change, nor move the
/// negation nearby ("no one was hurt" → "people were not hurt").
fn negation(d: &Diffed<'_>) -> Option<((usize, usize), (usize, usize))> {
    for change in &d.changes {
        let (nl, nr) = (
            negators_in(&d.left, &change.left),
            negators_in(&d.right, &change.right),
        );
        let direction =
            negations_in(&d.left, &change.left).cmp(&negations_in(&d.right, &change.right));
        // A negator in a long rewritten stretch negates whatever the
        // rewrite says; only a local edit shows which predicate it denies.
        let local = change.left.len() <= LOCAL_CHANGE && change.right.len() <= LOCAL_CHANGE;
        if !local
            || nl == nr
            || direction != nl.cmp(&nr)
            || cancelled_nearby(d, change, direction)
            || doubled_before(d, change, direction)
        {
            continue;
        }
        let (neg, neg_range, other, other_range) = if nl > nr {
            (&d.left, &change.left, &d.right, &change.right)
        } else {
            (&d.right, &change.right, &d.left, &change.left)
        };
        for k in neg_range
            .clone()
            .filter(|&k| negator_at(neg, k) && !broken_word(neg, k, neg_range, other, other_range))
        {
            let Some(p) = predicate_after(neg, k) else {
                continue;
            };
            // The negator's own word stands for its auxiliary ("won't"):
            // only an auxiliary contraction is its own predicate.
            let own = auxiliary_class(&neg[k].folded).map(|_| k);
            let found = own.into_iter().chain([p]).find_map(|p| {
                if p >= neg_range.end {
                    // Past the change: an unchanged word, at the same
                    // distance past the other side's change.
                    let q = other_range.end + (p - neg_range.end);
                    (q < other.len() && other[q].stem == neg[p].stem).then_some((p, q))
                } else {
                    other_range
                        .clone()
                        .find(|&q| same_predicate(&neg[p], &other[q]))
                        .map(|q| (p, q))
                }
            });
            // "are now forced to delete" → "are not required to delete": a
            // few words replaced, the negated one among them, and the clause
            // going on the same on both sides.
            let found = found.or_else(|| {
                kept_clause_after(d, change).then_some((neg_range.end, other_range.end))
            });
            let Some((p, q)) = found else {
                continue;
            };
            let neg_start = neg_range.start.saturating_sub(1).min(k);
            let other_start = if other_range.is_empty() {
                other_range.start.saturating_sub(1)
            } else {
                other_range.start.saturating_sub(1).min(q)
            };
            let neg_span = (neg_start, p.max(k));
            let other_span = (other_start.min(q), q);
            return Some(if nl > nr {
                (neg_span, other_span)
            } else {
                (other_span, neg_span)
            });
        }
    }
    None
}

/// Letters a word broken in two may have lost at the break: a ligature
/// ("ﬁ", "ﬃ") that a PDF export dropped.
const LOST_AT_BREAK: usize = 3;

/// True when the negator at `k` is the tail of a word broken in two, not a
/// word: "significant" → "signi cant" or "signifi cant" (a text exported
/// from a PDF lost its "ﬁ" ligature) reads "cant" as "can't". The word
/// before it, also changed, and it must make up a word that the other
/// side's change has in their place, but for a few lost letters.
fn broken_word(
    words: &[Word<'_>],
    k: usize,
    range: &std::ops::Range<usize>,
    other: &[Word<'_>],
    other_range: &std::ops::Range<usize>,
) -> bool {
    if k == range.start {
        return false;
    }
    let (head, tail) = (&*words[k - 1].folded, &*words[k].folded);
    // At exactly the two parts' length, starting with one and ending with
    // the other is being the two run together ("signifi cant").
    other_range.clone().any(|q| {
        let whole = &*other[q].folded;
        whole.len() >= head.len() + tail.len()
            && whole.len() <= head.len() + tail.len() + LOST_AT_BREAK
            && whole.starts_with(head)
            && whole.ends_with(tail)
    })
}

/// True when `change` replaces a few words with a few others and the two
/// words after it are the same on both sides, one of them a content word,
/// before any other change.
fn kept_clause_after(d: &Diffed<'_>, change: &Change) -> bool {
    let (l, r) = (&change.left, &change.right);
    if l.is_empty() || r.is_empty() || l.len() > SMALL_CHANGE || r.len() > SMALL_CHANGE {
        return false;
    }
    let next_change = d
        .changes
        .iter()
        .map(|c| c.left.start)
        .filter(|&s| s >= l.end && s > l.start)
        .min()
        .unwrap_or(d.left.len());
    if next_change < l.end + 2 || l.end + 2 > d.left.len() || r.end + 2 > d.right.len() {
        return false;
    }
    // The replaced words hold a predicate, not only function words
    // ("before bills" → "not including bills").
    if !l.clone().any(|a| d.left[a].content) || !r.clone().any(|b| d.right[b].content) {
        return false;
    }
    // "did not win" → "lost", "was an easy one" → "was not difficult" say
    // the same twice over.
    let reversed = l.clone().any(|a| {
        r.clone()
            .any(|b| lexicon::may_oppose(d.left[a].stem, d.right[b].stem))
    });
    let same = (0..2).all(|i| d.left[l.end + i].stem == d.right[r.end + i].stem);
    same && !reversed && (0..2).any(|i| d.left[l.end + i].content)
}

/// Largest changes (in words a side) in which an exchanged word counts as
/// replacing its opposite whatever its position; in longer rewritten
/// stretches the two words must stand at the same place from either end.
const SMALL_CHANGE: usize = 3;

/// The first change that replaces a word by its opposite ("rose" → "fell",
/// "approved" → "rejected"): a content word on one side whose direct
/// WordNet antonym, or curated reversal ([`lexicon::reverses`]), the other
/// side has in its place. Neither word may appear anywhere on the other
/// side, so a sentence naming both ("won or lost") is no change.
fn exchanged_opposite(d: &Diffed<'_>) -> Option<(usize, usize)> {
    // Both words near the change on the other side too ("won or lost"):
    // the sentence names both, and exchanges neither.
    let has_near = |words: &[Word<'_>], range: &std::ops::Range<usize>, stem: Key| {
        let from = range.start.saturating_sub(NEARBY);
        let to = (range.end + NEARBY).min(words.len());
        words
            .get(from..to)
            .is_some_and(|near| near.iter().any(|w| w.stem == stem))
    };
    for change in &d.changes {
        let (l, r) = (&change.left, &change.right);
        if l.is_empty() || r.is_empty() {
            continue;
        }
        let small = l.len() <= SMALL_CHANGE && r.len() <= SMALL_CHANGE;
        for a in l.clone() {
            for b in r.clone() {
                let in_place = small || a - l.start == b - r.start || l.end - a == r.end - b;
                let (wa, wb) = (&d.left[a], &d.right[b]);
                if in_place
                    && opposite(wa, wb)
                    && !names_a_time(&d.left, a)
                    && !names_a_time(&d.right, b)
                    && !has_near(&d.right, r, wa.stem)
                    && !has_near(&d.left, l, wb.stem)
                    && !negated_nearby(d, change, (a, b))
                    && !reversed_twice(d, change, (a, b))
                {
                    return Some((a, b));
                }
            }
        }
    }
    None
}

/// True when the change holds a second pair of opposites besides `(a, b)`:
/// "the least fit" → "more unfit" reverses twice and says the same.
fn reversed_twice(d: &Diffed<'_>, change: &Change, (a, b): (usize, usize)) -> bool {
    change.left.clone().filter(|&x| x != a).any(|x| {
        change
            .right
            .clone()
            .filter(|&y| y != b)
            .any(|y| opposite(&d.left[x], &d.right[y]))
    })
}

/// Two words are opposites: content words that WordNet or the curated table
/// reverse, a pair of the curated table among function words ("most" /
/// "least"), or a word and its "un-" form ("crewed" / "uncrewed").
fn opposite(a: &Word<'_>, b: &Word<'_>) -> bool {
    (a.content && b.content && same_form(&a.folded, &b.folded) && lexicon::reverses(a.stem, b.stem))
        || lexicon::listed_reversal(a.stem, b.stem)
        || lexicon::negated_by_prefix(&a.folded, &b.folded)
}

/// WordNet's antonyms are looked up by stem, and the stemmer joins words
/// that WordNet keeps apart ("costly" and "cost", "aged" and "age"): a
/// comparative, superlative or "-ing" form only opposes a word of the same
/// form ("higher" / "lower", not "cost" / "cheaper").
fn same_form(a: &str, b: &str) -> bool {
    let form = |w: &str| {
        if w.len() > 5 && w.ends_with("est") {
            "est"
        } else if w.len() > 4 && w.ends_with("er") {
            "er"
        } else if w.len() > 4 && w.ends_with("ing") {
            "ing"
        } else {
            ""
        }
    };
    form(a) == form(b)
}

/// True when the change, or one near it, also adds or removes a negation:
/// "did not win" → "lost" and "denied it" → "said it was not" say the same
/// thing twice over, not a reversal.
/// The exchanged words themselves ("denied") do not count.
fn negated_nearby(d: &Diffed<'_>, change: &Change, (a, b): (usize, usize)) -> bool {
    let count = |words: &[Word<'_>], range: &std::ops::Range<usize>, skip: usize| {
        negations_in(words, range)
            - usize::from(range.contains(&skip) && implicit_negator_at(words, skip))
    };
    // The clause each exchanged word heads, read on each side's own words:
    // the word diff may pair a "not" with another clause's ("insisted he
    // was not Deep Throat" / "denied that he was Deep Throat, and Woodward
    // said he will not reveal").
    let after = |words: &[Word<'_>], at: usize| {
        negations_in(words, &(at + 1..(at + 1 + NEARBY).min(words.len())))
    };
    after(&d.left, a) != after(&d.right, b)
        || d.changes.iter().any(|other| {
            let near = other.left.start <= change.left.end + NEARBY
                && change.left.start <= other.left.end + NEARBY;
            near && count(&d.left, &other.left, a) != count(&d.right, &other.right, b)
        })
}

#[cfg(test)]
mod tests;
