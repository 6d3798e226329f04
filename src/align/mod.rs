//! Two extracted [`Document`]s → [`Alignment`]: which sentences correspond.
//!
//! 1. Candidate pairs come from an inverted index over stemmed tokens
//!    (`candidates`), so long documents do not cost n×m similarities.
//! 2. The heaviest order-preserving chain of candidates is the backbone
//!    (`chain`): it is what a reader sees as "the same story, in order".
//! 3. Confident pairs left out of the chain are reorderings: kept, `moved`.
//! 4. An unaligned neighbour that the partner sentence covers is merged in,
//!    giving 1:2 and 2:1 groups (a sentence split or joined by the editor).
//! 5. Two sentences still unaligned, one a cut of the other (nearly all of
//!    the short one is in the long one), pair in story order (`contained`).
//! 6. The two headlines pair with each other (`titles`), apart from the body.

mod candidates;
mod chain;
mod contained;
mod gaps;
mod initialisms;
pub mod semantic;
pub mod similarity;
mod titles;
mod vocabulary;

use crate::model::report::{MoveKind, Scorer};
use crate::model::{BlockKind, Document, Sentence};
use crate::parallel::join_if;
use rustc_hash::FxHashMap;
use similarity::{Features, Idf, Initialisms, Key};
use std::borrow::Cow;
use std::sync::Arc;
use vocabulary::{WordIds, Words};

/// Default similarity below which two sentences are not aligned.
///
/// Chosen on the msrp dev set: it gives the best F1 of "these two sentences
/// would be aligned" (0.821; accuracy 0.715). 0.50 ties on F1 with a better
/// accuracy (0.737) but loses recall on heavier rewrites (sts clear-pair F1
/// 0.959 → 0.954, seed pairs score as low as 0.63), and newsdiff is for
/// finding rewritten counterparts. Alignment on iterater and onestopenglish
/// is the same from 0.3 to 0.5 (see README, "Quality").
pub const DEFAULT_MIN_SIMILARITY: f64 = 0.4;

/// A pair outside the order-preserving chain must be this much above the
/// threshold to be kept as a reordering: a move is a strong claim.
const MOVE_MARGIN: f64 = 0.1;

/// A pair counts as relocated when the sentences skipped before it differ by
/// this many between the sides: the editor lifted it over a block the other
/// side cut or added, so it now sits in a different context.
const RELOCATION_GAP: usize = 3;

/// At least this share of a neighbour's (IDF-weighted) tokens must appear in
/// the partner sentence for the neighbour to join a 1:2 or 2:1 group.
const MERGE_COVERAGE: f64 = 0.5;

/// Sentences (both sides) from which alignment runs on the rayon pool;
/// below this the hand-off costs more than it saves.
const PARALLEL_SENTENCES: usize = 512;

/// One aligned group of sentences (1:1, 1:2 or 2:1).
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedPair {
    /// Left sentence indices, ascending.
    pub left: Vec<usize>,
    /// Right sentence indices, ascending.
    pub right: Vec<usize>,
    /// Similarity in [0, 1].
    pub similarity: f64,
    /// Set when the pair breaks the story order, or was lifted over a
    /// block of at least three (`RELOCATION_GAP`) sentences that only one side has.
    pub moved: Option<MoveKind>,
    /// Which score decided the pair when a sentence encoder was used
    /// ([`align_semantic`]); `None` in a lexical alignment.
    pub scorer: Option<Scorer>,
}

/// The correspondence between two documents.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    /// Aligned groups, in left reading order.
    pub pairs: Vec<AlignedPair>,
    /// Alignable left sentences with no partner.
    pub left_only: Vec<usize>,
    /// Alignable right sentences with no partner.
    pub right_only: Vec<usize>,
}

/// One side's alignable sentences, by position in `ids`.
struct Side<'d> {
    sentences: Vec<&'d Sentence>,
    ids: Vec<usize>,
    kinds: Vec<BlockKind>,
    vocabulary: Words<'d>,
    words: Vec<WordIds>,
    /// Each sentence's initialisms, `None` for the many without any.
    initialisms: Vec<Option<Arc<Initialisms>>>,
    /// Every sentence's features, for the side whose sentences are looked
    /// up at random (the right); the left side builds a sentence's features
    /// when it scores it, so both sides' trigram sets are never all held.
    built: Vec<Features>,
    /// Hash of the folded text of sentences that have no content token
    /// ("So it is.", "R.]"): the similarity cannot see them, so they align
    /// only with a sentence of the same text.
    bare: Vec<Option<similarity::Key>>,
}

impl<'d> Side<'d> {
    fn new(doc: &'d Document) -> Side<'d> {
        let sentences: Vec<&Sentence> = doc.alignable().collect();
        let vocabulary = Words::new(&doc.vocabulary);
        let (words, initialisms): (Vec<WordIds>, Vec<_>) = sentences
            .iter()
            .map(|s| {
                let (words, initialisms) = vocabulary.of_document_sentence(doc, s);
                (
                    words,
                    (!initialisms.is_empty()).then(|| Arc::new(initialisms)),
                )
            })
            .unzip();
        let bare = sentences
            .iter()
            .zip(&words)
            .map(|(s, w)| {
                w.is_empty()
                    .then(|| similarity::key(&crate::text::normalize::fold(s.text.trim())))
            })
            .collect();
        Side {
            ids: sentences.iter().map(|s| s.index).collect(),
            kinds: sentences.iter().map(|s| s.kind).collect(),
            sentences,
            vocabulary,
            words,
            initialisms,
            built: Vec::new(),
            bare,
        }
    }

    /// Builds every sentence's features and keeps them (see `built`).
    fn build_all(&mut self, parallel: bool) {
        self.built = map_range(self.len(), parallel, |at| self.build(at));
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    fn build(&self, at: usize) -> Features {
        let facts = similarity::fact_keys(self.sentences[at]);
        self.vocabulary
            .features(&self.words[at], facts, self.initialisms[at].clone())
    }

    fn features(&self, at: usize) -> Cow<'_, Features> {
        match self.built.get(at) {
            Some(features) => Cow::Borrowed(features),
            None => Cow::Owned(self.build(at)),
        }
    }

    fn tokens(&self, at: usize) -> Cow<'_, [Key]> {
        match self.built.get(at) {
            Some(features) => Cow::Borrowed(&features.tokens),
            None => Cow::Owned(self.vocabulary.tokens(&self.words[at])),
        }
    }

    fn all_tokens(&self, parallel: bool) -> Vec<Cow<'_, [Key]>> {
        map_range(self.len(), parallel, |at| self.tokens(at))
    }
}

/// `f` applied to `0..count`, in order, on the rayon pool when `parallel`.
fn map_range<T: Send>(count: usize, parallel: bool, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    if parallel {
        use rayon::prelude::*;
        (0..count).into_par_iter().map(&f).collect()
    } else {
        (0..count).map(f).collect()
    }
}

/// Candidates for sentences without content tokens: same text, similarity 1.
/// A left sentence takes at most [`candidates::PER_SENTENCE`] of its twins,
/// those nearest its own relative position: a text that repeats one line
/// ("* * *", "It was.") 20,000 times would otherwise make 400 million pairs.
fn bare_matches(left: &Side, right: &Side) -> Vec<chain::Candidate> {
    let mut by_text: FxHashMap<similarity::Key, Vec<usize>> = FxHashMap::default();
    for (b, key) in right.bare.iter().enumerate() {
        if let Some(key) = key {
            by_text.entry(*key).or_default().push(b);
        }
    }
    let mut out = Vec::new();
    for (a, key) in left.bare.iter().enumerate() {
        let Some(twins) = key.and_then(|k| by_text.get(&k)) else {
            continue;
        };
        let expected = a * right.bare.len() / left.bare.len();
        let end = (twins.partition_point(|&b| b < expected) + candidates::PER_SENTENCE / 2)
            .clamp(candidates::PER_SENTENCE.min(twins.len()), twins.len());
        let start = end.saturating_sub(candidates::PER_SENTENCE);
        out.extend(
            twins[start..end]
                .iter()
                .map(|&b| chain::Candidate::new(a, b, 1.0)),
        );
    }
    out
}

/// A group under construction, by positions into each side's alignable list.
#[derive(Debug, Clone)]
struct Group {
    left: Vec<usize>,
    right: Vec<usize>,
    similarity: f64,
    moved: Option<MoveKind>,
}

/// Aligns the alignable sentences of two documents, and their headlines.
pub fn align(left: &Document, right: &Document, min_similarity: f64) -> Alignment {
    align_with(left, right, min_similarity, None)
}

/// [`align`], with the pairs the words leave in doubt rescored by a
/// sentence encoder (see [`semantic`]). Each pair says which score decided it.
pub fn align_semantic(
    left: &Document,
    right: &Document,
    min_similarity: f64,
    embedder: &dyn semantic::Embedder,
) -> Alignment {
    align_with(left, right, min_similarity, Some(embedder))
}

fn align_with(
    left: &Document,
    right: &Document,
    min_similarity: f64,
    embedder: Option<&dyn semantic::Embedder>,
) -> Alignment {
    let (mut alignment, decided) = align_body(left, right, min_similarity, embedder);
    if let Some(pair) = titles::title_pair(left, right) {
        let at = alignment
            .pairs
            .partition_point(|p| p.left[0] < pair.left[0]);
        alignment.pairs.insert(at, pair);
    }
    if embedder.is_some() {
        for pair in &mut alignment.pairs {
            let by_model = pair
                .left
                .iter()
                .any(|&a| pair.right.iter().any(|&b| decided.contains(&(a, b))));
            pair.scorer = Some(if by_model {
                Scorer::Semantic
            } else {
                Scorer::Lexical
            });
        }
    }
    alignment
}

/// Aligns the alignable sentences of two documents; with the pairs, by
/// sentence index, whose score the embedder decided.
fn align_body(
    left: &Document,
    right: &Document,
    min_similarity: f64,
    embedder: Option<&dyn semantic::Embedder>,
) -> (Alignment, rustc_hash::FxHashSet<(usize, usize)>) {
    // Long documents share the work out over the cores: the two sides'
    // vocabularies at once, then the sentences of each step.
    let parallel = left.sentences.len() + right.sentences.len() >= PARALLEL_SENTENCES;
    let (mut left, mut right) = join_if(parallel, || Side::new(left), || Side::new(right));
    initialisms::prune([&mut left.initialisms, &mut right.initialisms]);
    let trigram_count = Words::number_trigrams([&mut left.vocabulary, &mut right.vocabulary]);
    right.build_all(parallel);
    let (left_tokens, right_tokens) = (left.all_tokens(parallel), right.all_tokens(parallel));
    // Two serial steps, side by side.
    let (idf, index) = join_if(
        parallel,
        || Idf::of_token_sets(left_tokens.iter().chain(&right_tokens).map(|t| &**t)),
        || candidates::Index::of(&right.built),
    );
    // The left side's tokens were built only to be counted: free them
    // before the search, the peak of alignment's memory.
    drop(left_tokens);
    // Each right sentence is scored against many left ones: weigh it once.
    let right_totals = map_range(right_tokens.len(), parallel, |at| {
        idf.total(&right_tokens[at])
    });
    drop(right_tokens);
    let compatible = |a: usize, b: usize| {
        (left.kinds[a] == BlockKind::Boilerplate) == (right.kinds[b] == BlockKind::Boilerplate)
    };
    // Pairs below the threshold where one sentence is a cut of the other
    // (see `contained`): few, so they are set aside under a lock rather
    // than widening every candidate the search returns. `add_cuts` sorts
    // them, so the order threads add them in does not matter.
    let cuts: std::sync::Mutex<Vec<contained::Cut>> = std::sync::Mutex::default();
    let mut scored: Vec<chain::Candidate> = candidates::find(
        left.len(),
        |a| left.build(a),
        (&right.built, &index),
        &idf,
        trigram_count,
        |l, l_trigrams, a, b| {
            if !compatible(a, b) {
                return None;
            }
            let similarity = similarity::similarity_prepared(
                l,
                l_trigrams,
                &right.built[b],
                right_totals[b],
                &idf,
            );
            let candidate = chain::Candidate::new(a, b, similarity);
            if similarity >= min_similarity {
                return Some(candidate);
            }
            let containment =
                contained::containment(l, l_trigrams, &right.built[b], right_totals[b])
                    .filter(|&c| c >= min_similarity)?;
            if let Ok(mut cuts) = cuts.lock() {
                cuts.push(contained::Cut {
                    candidate,
                    containment,
                });
            }
            None
        },
    );
    let cuts = cuts.into_inner().unwrap_or_default();
    scored.extend(
        bare_matches(&left, &right)
            .into_iter()
            .filter(|c| compatible(c.left(), c.right())),
    );
    // Pairs the candidate search passed by (see `gaps`), before the chain
    // so that the same global alignment decides: those the words align
    // join as they are; with a sentence encoder, those a little below the
    // threshold are open to it (the one hook of semantic alignment).
    let floor = embedder.map_or(min_similarity, |_| semantic::open_floor(min_similarity));
    let open = gaps::rescan(
        &mut scored,
        [&left, &right],
        &idf,
        min_similarity,
        floor,
        compatible,
    );
    let decided = embedder.map_or_else(Default::default, |embedder| {
        semantic::rescore(&mut scored, [&left, &right], open, min_similarity, embedder)
    });

    let mut groups: Vec<Group> = chain::heaviest_chain(&scored)
        .into_iter()
        .map(|c| Group {
            left: vec![c.left()],
            right: vec![c.right()],
            similarity: c.similarity,
            moved: None,
        })
        .collect();
    let threshold = min_similarity + MOVE_MARGIN;
    add_reorderings(&mut groups, &scored, threshold, [left.len(), right.len()]);
    merge_neighbours(&mut groups, &left, &right, &idf, parallel);
    contained::add_cuts(&mut groups, cuts, [left.len(), right.len()]);
    groups.sort_by_key(|g| g.left[0]);
    mark_relocations(&mut groups);
    let decided = decided
        .into_iter()
        .map(|(a, b)| (left.ids[a], right.ids[b]))
        .collect();
    (finish(groups, &left, &right), decided)
}

/// Confident candidates that the chain left out and whose sentences are both
/// still free: the editor moved them.
/// `sides` are the two sides' sentence counts.
fn add_reorderings(
    groups: &mut Vec<Group>,
    scored: &[chain::Candidate],
    threshold: f64,
    sides: [usize; 2],
) {
    let (mut left_used, mut right_used) = (vec![false; sides[0]], vec![false; sides[1]]);
    for g in groups.iter() {
        left_used[g.left[0]] = true;
        right_used[g.right[0]] = true;
    }
    let mut rest: Vec<&chain::Candidate> = scored
        .iter()
        .filter(|c| c.similarity >= threshold)
        .collect();
    // Pairs are distinct, so the unstable sort gives the one order.
    rest.sort_unstable_by(|x, y| {
        y.similarity
            .total_cmp(&x.similarity)
            .then((x.left(), x.right()).cmp(&(y.left(), y.right())))
    });
    for c in rest {
        if !left_used[c.left()] && !right_used[c.right()] {
            left_used[c.left()] = true;
            right_used[c.right()] = true;
            groups.push(Group {
                left: vec![c.left()],
                right: vec![c.right()],
                similarity: c.similarity,
                moved: Some(MoveKind::Reordered),
            });
        }
    }
}

/// Grows 1:1 groups into 1:2 and 2:1 when an adjacent unaligned sentence is
/// covered by the partner and the merged group is more similar.
///
/// Groups are grown in order, and a neighbour one group takes is no longer
/// free for the next. Each group's growth is first worked out on the rayon
/// pool against the neighbours free at the start; in the ordered pass it is
/// worked out again only when an earlier group has taken one of its
/// neighbours, so the result is the one-by-one result.
fn merge_neighbours(groups: &mut [Group], left: &Side, right: &Side, idf: &Idf, parallel: bool) {
    let mut initial = [vec![false; left.len()], vec![false; right.len()]];
    for g in groups.iter() {
        g.left.iter().for_each(|&a| initial[0][a] = true);
        g.right.iter().for_each(|&b| initial[1][b] = true);
    }
    let planned = map_range(groups.len(), parallel, |i| {
        growth(&groups[i], [left, right], [&initial[0], &initial[1]], idf)
    });
    let mut used = initial.clone();
    for (g, planned) in groups.iter_mut().zip(planned) {
        let taken = |side: usize, at: usize| {
            neighbours(at, used[side].len()).any(|n| used[side][n] != initial[side][n])
        };
        let grown = if taken(0, g.left[0]) || taken(1, g.right[0]) {
            growth(g, [left, right], [&used[0], &used[1]], idf)
        } else {
            planned
        };
        if let Some((side, n, similarity)) = grown {
            used[side][n] = true;
            let members = if side == 0 { &mut g.left } else { &mut g.right };
            members.push(n);
            members.sort_unstable();
            g.similarity = similarity;
        }
    }
}

/// The positions next to `at` in a side of `count` sentences.
fn neighbours(at: usize, count: usize) -> impl Iterator<Item = usize> {
    [at.checked_sub(1), Some(at + 1)]
        .into_iter()
        .flatten()
        .filter(move |&n| n < count)
}

/// How a 1:1 group would grow given which sentences are taken: the side
/// (0 left, 1 right), the neighbour joining, and the merged similarity.
/// Only one side grows (1:2 or 2:1, never 2:2), the left first.
fn growth(
    g: &Group,
    sides: [&Side; 2],
    used: [&[bool]; 2],
    idf: &Idf,
) -> Option<(usize, usize, f64)> {
    let ends = [g.left[0], g.right[0]];
    (0..2).find_map(|side| {
        let other = 1 - side;
        let (at, partner) = (ends[side], ends[other]);
        grown_neighbour(
            at,
            g.similarity,
            used[side],
            sides[side],
            partner,
            sides[other],
            idf,
        )
        .map(|(n, similarity)| (side, n, similarity))
    })
}

/// The free neighbour of `at` (a sentence of `side`) that the partner
/// sentence on the other side covers best, with the merged group's
/// similarity, if that beats `similarity`.
fn grown_neighbour(
    at: usize,
    similarity: f64,
    used: &[bool],
    side: &Side,
    partner: usize,
    other: &Side,
    idf: &Idf,
) -> Option<(usize, f64)> {
    let free: Vec<usize> = neighbours(at, used.len()).filter(|&n| !used[n]).collect();
    if free.is_empty() {
        return None;
    }
    let partner = other.features(partner);
    let (n, _) = free
        .into_iter()
        .map(|n| (n, coverage(&side.tokens(n), &partner, idf)))
        .filter(|&(_, c)| c >= MERGE_COVERAGE)
        .max_by(|x, y| x.1.total_cmp(&y.1))?;
    let (first, next) = (side.features(at), side.features(n));
    let merged = similarity::similarity(&Features::merged(&[&first, &next]), &partner, idf);
    (merged > similarity && side.kinds[n] == side.kinds[at]).then_some((n, merged))
}

/// Share of `part`'s IDF weight whose tokens `whole` also has.
fn coverage(part: &[Key], whole: &Features, idf: &Idf) -> f64 {
    let total: f64 = part.iter().map(|&t| idf.weight(t)).sum();
    if total == 0.0 {
        return 0.0;
    }
    let mut shared = 0.0;
    similarity::for_shared(part, &whole.tokens, |t| shared += idf.weight(t));
    shared / total
}

/// Marks in-order groups that were lifted over a block only one side has.
fn mark_relocations(groups: &mut [Group]) {
    // Last left and right positions of the previous in-order group.
    let mut previous: Option<(usize, usize)> = None;
    for g in groups.iter_mut().filter(|g| g.moved.is_none()) {
        if let Some((l, r)) = previous {
            let skipped_left = g.left[0].saturating_sub(l + 1);
            let skipped_right = g.right[0].saturating_sub(r + 1);
            if skipped_left.abs_diff(skipped_right) >= RELOCATION_GAP {
                g.moved = Some(MoveKind::Relocated);
            }
        }
        previous = Some((g.left[g.left.len() - 1], g.right[g.right.len() - 1]));
    }
}

/// Maps positions back to sentence indices and lists the unaligned.
fn finish(groups: Vec<Group>, left: &Side, right: &Side) -> Alignment {
    let mut left_aligned = vec![false; left.ids.len()];
    let mut right_aligned = vec![false; right.ids.len()];
    let pairs = groups
        .into_iter()
        .map(|g| {
            g.left.iter().for_each(|&a| left_aligned[a] = true);
            g.right.iter().for_each(|&b| right_aligned[b] = true);
            AlignedPair {
                left: g.left.iter().map(|&a| left.ids[a]).collect(),
                right: g.right.iter().map(|&b| right.ids[b]).collect(),
                similarity: g.similarity,
                moved: g.moved,
                scorer: None,
            }
        })
        .collect();
    let unaligned = |side: &Side, aligned: &[bool]| {
        side.ids
            .iter()
            .zip(aligned)
            .filter(|(_, &a)| !a)
            .map(|(&id, _)| id)
            .collect()
    };
    Alignment {
        pairs,
        left_only: unaligned(left, &left_aligned),
        right_only: unaligned(right, &right_aligned),
    }
}

#[cfg(test)]
mod tests;
