//! Scores from counts or paired values: precision/recall/F1, accuracy,
//! Pearson and Spearman correlation, and a threshold sweep.
//!
//! Zero-division convention (scikit-learn's `zero_division=0`): a ratio whose
//! denominator is zero is 0, never NaN, so JSON output stays numeric and a
//! floor in a test cannot pass by accident.

/// A binary confusion matrix.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confusion {
    /// Predicted positive, gold positive.
    pub true_positive: usize,
    /// Predicted positive, gold negative.
    pub false_positive: usize,
    /// Predicted negative, gold positive.
    pub false_negative: usize,
    /// Predicted negative, gold negative.
    pub true_negative: usize,
}

/// Sums two matrices: the counts of several documents pooled (micro
/// average).
impl std::ops::AddAssign for Confusion {
    fn add_assign(&mut self, o: Confusion) {
        self.true_positive += o.true_positive;
        self.false_positive += o.false_positive;
        self.false_negative += o.false_negative;
        self.true_negative += o.true_negative;
    }
}

impl Confusion {
    /// Counts one decision.
    pub fn add(&mut self, predicted: bool, gold: bool) {
        match (predicted, gold) {
            (true, true) => self.true_positive += 1,
            (true, false) => self.false_positive += 1,
            (false, true) => self.false_negative += 1,
            (false, false) => self.true_negative += 1,
        }
    }

    /// Builds the matrix from (predicted, gold) decisions.
    pub fn from_decisions(decisions: impl IntoIterator<Item = (bool, bool)>) -> Confusion {
        let mut out = Confusion::default();
        for (predicted, gold) in decisions {
            out.add(predicted, gold);
        }
        out
    }

    /// All decisions counted.
    pub fn total(&self) -> usize {
        self.true_positive + self.false_positive + self.false_negative + self.true_negative
    }

    /// tp / (tp + fp); 0 when nothing was predicted positive.
    pub fn precision(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }

    /// tp / (tp + fn); 0 when no gold positive exists.
    pub fn recall(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }

    /// Harmonic mean of precision and recall; 0 when both are 0.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }

    /// (tp + tn) / total; 0 on an empty matrix.
    pub fn accuracy(&self) -> f64 {
        ratio(self.true_positive + self.true_negative, self.total())
    }

    /// fp / (fp + tn): share of gold negatives predicted positive.
    pub fn false_alarm_rate(&self) -> f64 {
        ratio(
            self.false_positive,
            self.false_positive + self.true_negative,
        )
    }
}

/// `part / whole`, 0 when `whole` is 0.
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Harmonic mean of precision and recall; 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// Pearson correlation; `None` with fewer than two points or a constant side.
pub fn pearson(xs: &[f64], ys: &[f64]) -> Option<f64> {
    let n = xs.len().min(ys.len());
    if n < 2 {
        return None;
    }
    let mean = |v: &[f64]| v[..n].iter().sum::<f64>() / n as f64;
    let (mx, my) = (mean(xs), mean(ys));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (dx, dy) = (xs[i] - mx, ys[i] - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        return None;
    }
    Some(sxy / (sxx.sqrt() * syy.sqrt()))
}

/// Spearman correlation: Pearson of the ranks, ties given their mean rank.
pub fn spearman(xs: &[f64], ys: &[f64]) -> Option<f64> {
    let n = xs.len().min(ys.len());
    pearson(&ranks(&xs[..n]), &ranks(&ys[..n]))
}

/// 1-based ranks; tied values share the mean of the ranks they span.
pub fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end hold ranks start+1..=end; their mean:
        let mean_rank = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            out[i] = mean_rank;
        }
        start = end;
    }
    out
}

/// A threshold and what `score >= threshold` achieves with it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThresholdChoice {
    /// Scores at or above this are predicted positive.
    pub threshold: f64,
    /// The matrix at that threshold.
    pub confusion: Confusion,
}

/// The confusion matrix of `score >= threshold` against `gold`.
pub fn at_threshold(scored: &[(f64, bool)], threshold: f64) -> Confusion {
    Confusion::from_decisions(scored.iter().map(|&(s, g)| (s >= threshold, g)))
}

/// Tries every distinct score as a threshold (and one above all scores) and
/// returns the best by `objective`; the lowest threshold wins a tie.
/// `None` on empty input.
pub fn best_threshold(
    scored: &[(f64, bool)],
    objective: impl Fn(&Confusion) -> f64,
) -> Option<ThresholdChoice> {
    if scored.is_empty() {
        return None;
    }
    let mut sorted: Vec<(f64, bool)> = scored.to_vec();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0));
    let positives = sorted.iter().filter(|p| p.1).count();
    // Start with nothing predicted positive, then lower the threshold one
    // distinct score at a time: O(n log n) instead of O(n²).
    let mut confusion = Confusion {
        false_negative: positives,
        true_negative: sorted.len() - positives,
        ..Confusion::default()
    };
    let mut best = ThresholdChoice {
        threshold: sorted[0].0 + 1e-9,
        confusion,
    };
    let mut i = 0;
    while i < sorted.len() {
        let threshold = sorted[i].0;
        while i < sorted.len() && sorted[i].0 == threshold {
            if sorted[i].1 {
                confusion.true_positive += 1;
                confusion.false_negative -= 1;
            } else {
                confusion.false_positive += 1;
                confusion.true_negative -= 1;
            }
            i += 1;
        }
        if objective(&confusion) >= objective(&best.confusion) {
            best = ThresholdChoice {
                threshold,
                confusion,
            };
        }
    }
    Some(best)
}

/// Greedy one-to-one matching of predicted spans to gold items, largest
/// overlap first. A gold item is a list of spans (a source marked in two
/// pieces counts once); a prediction matches it when it overlaps any piece.
/// Returns how many pairs were matched (true positives for both precision
/// and recall).
pub fn match_spans(predicted: &[(usize, usize)], gold: &[Vec<(usize, usize)>]) -> usize {
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (p, &(ps, pe)) in predicted.iter().enumerate() {
        for (g, pieces) in gold.iter().enumerate() {
            let overlap: usize = pieces
                .iter()
                .map(|&(gs, ge)| ge.min(pe).saturating_sub(gs.max(ps)))
                .sum();
            if overlap > 0 {
                candidates.push((overlap, p, g));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut predicted_used = vec![false; predicted.len()];
    let mut gold_used = vec![false; gold.len()];
    let mut matched = 0;
    for (_, p, g) in candidates {
        if !predicted_used[p] && !gold_used[g] {
            predicted_used[p] = true;
            gold_used[g] = true;
            matched += 1;
        }
    }
    matched
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn precision_recall_f1_on_a_known_matrix() {
        let c = Confusion {
            true_positive: 3,
            false_positive: 1,
            false_negative: 2,
            true_negative: 4,
        };
        assert!(close(c.precision(), 0.75));
        assert!(close(c.recall(), 0.6));
        assert!(close(c.f1(), 2.0 * 0.75 * 0.6 / 1.35));
        assert!(close(c.accuracy(), 0.7));
        assert!(close(c.false_alarm_rate(), 0.2));
    }

    #[test]
    fn zero_division_gives_zero_not_nan() {
        let nothing_predicted = Confusion {
            false_negative: 3,
            ..Confusion::default()
        };
        assert_eq!(nothing_predicted.precision(), 0.0);
        assert_eq!(nothing_predicted.recall(), 0.0);
        assert_eq!(nothing_predicted.f1(), 0.0);
        let empty = Confusion::default();
        assert_eq!(empty.accuracy(), 0.0);
        assert_eq!(empty.false_alarm_rate(), 0.0);
        assert_eq!(f1(0.0, 0.0), 0.0);
    }

    #[test]
    fn decisions_fill_the_right_cells() {
        let c = Confusion::from_decisions([
            (true, true),
            (true, false),
            (false, true),
            (false, false),
            (false, false),
        ]);
        assert_eq!(
            (
                c.true_positive,
                c.false_positive,
                c.false_negative,
                c.true_negative
            ),
            (1, 1, 1, 2)
        );
    }

    #[test]
    fn pearson_of_a_line_is_one_and_of_a_constant_is_none() {
        assert!(close(
            pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]).unwrap(),
            1.0
        ));
        assert!(close(
            pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]).unwrap(),
            -1.0
        ));
        assert_eq!(pearson(&[1.0, 1.0], &[1.0, 2.0]), None);
        assert_eq!(pearson(&[1.0], &[1.0]), None);
    }

    #[test]
    fn pearson_on_a_hand_computed_example() {
        // x = 1,2,3,4; y = 1,3,2,4: sxy = 4, sxx = syy = 5 → 0.8.
        assert!(close(
            pearson(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]).unwrap(),
            0.8
        ));
    }

    #[test]
    fn ties_share_their_mean_rank() {
        assert_eq!(ranks(&[10.0, 20.0, 20.0, 5.0]), vec![2.0, 3.5, 3.5, 1.0]);
    }

    #[test]
    fn spearman_with_ties() {
        // x ranks 1, 2.5, 2.5, 4; y ranks 1, 2, 3, 4.
        // Pearson of those: sxy = 4.5, sxx = 4.5, syy = 5 → 4.5 / sqrt(22.5).
        let s = spearman(&[1.0, 2.0, 2.0, 3.0], &[10.0, 20.0, 30.0, 40.0]).unwrap();
        assert!(close(s, 4.5 / 22.5f64.sqrt()), "{s}");
        // Monotone but not linear: Spearman 1.
        assert!(close(
            spearman(&[1.0, 2.0, 3.0], &[1.0, 10.0, 100.0]).unwrap(),
            1.0
        ));
    }

    #[test]
    fn best_threshold_separates_when_it_can() {
        let scored = [
            (0.9, true),
            (0.8, true),
            (0.4, false),
            (0.2, false),
            (0.6, true),
        ];
        let best = best_threshold(&scored, Confusion::accuracy).unwrap();
        assert!(close(best.threshold, 0.6));
        assert!(close(best.confusion.accuracy(), 1.0));
        assert_eq!(at_threshold(&scored, 0.6), best.confusion);
    }

    #[test]
    fn best_threshold_can_predict_nothing_or_everything() {
        let all_negative = [(0.9, false), (0.1, false)];
        let best = best_threshold(&all_negative, Confusion::accuracy).unwrap();
        assert!(best.threshold > 0.9);
        assert!(close(best.confusion.accuracy(), 1.0));
        let all_positive = [(0.9, true), (0.1, true)];
        let best = best_threshold(&all_positive, Confusion::accuracy).unwrap();
        assert!(close(best.threshold, 0.1));
        assert!(best_threshold(&[], Confusion::f1).is_none());
    }

    #[test]
    fn spans_match_one_to_one_by_overlap() {
        // Two predictions overlap one gold item: only one may take it.
        let predicted = [(0, 5), (3, 8), (20, 25)];
        let gold = vec![vec![(4, 10)], vec![(30, 35)], vec![(22, 23), (40, 41)]];
        assert_eq!(match_spans(&predicted, &gold), 2);
        // Touching spans do not overlap (half-open).
        assert_eq!(match_spans(&[(0, 4)], &[vec![(4, 6)]]), 0);
    }
}
