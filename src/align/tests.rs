use super::*;

fn aligned(left: &str, right: &str) -> Alignment {
    let (left, right) = (crate::analyse("l", left), crate::analyse("r", right));
    align(&left, &right, DEFAULT_MIN_SIMILARITY)
}

/// (left sentences, right sentences) of every pair.
fn groups(alignment: &Alignment) -> Vec<(Vec<usize>, Vec<usize>)> {
    alignment
        .pairs
        .iter()
        .map(|p| (p.left.clone(), p.right.clone()))
        .collect()
}

#[test]
fn a_split_sentence_aligns_one_to_two() {
    let alignment = aligned(
        "The minister announced a plan to cut income taxes and raise spending on rural schools.",
        "The minister announced a plan to cut income taxes. She will also raise spending on rural schools.",
    );
    assert_eq!(groups(&alignment), vec![(vec![0], vec![0, 1])]);
}

#[test]
fn a_neighbour_two_groups_cover_joins_only_the_first() {
    // The middle left sentence is covered by both right sentences; the
    // first group takes it, the second may not take it again.
    let alignment = aligned(
        "Floods destroyed the northern bridge in Grenoble on Monday morning. \
         Engineers inspected the damaged railway tunnel. \
         The mayor promised new funding for repairs to every damaged road.",
        "Floods destroyed the northern bridge in Grenoble on Monday morning, and engineers \
         inspected the railway tunnel. Engineers found the damaged tunnel closed, and the mayor \
         promised new funding for repairs to every damaged road.",
    );
    let pairs = groups(&alignment);
    let mut lefts: Vec<usize> = pairs.iter().flat_map(|p| p.0.clone()).collect();
    lefts.sort_unstable();
    lefts.dedup();
    assert_eq!(lefts.len(), pairs.iter().map(|p| p.0.len()).sum::<usize>());
    assert_eq!(pairs, vec![(vec![0, 1], vec![0]), (vec![2], vec![1])]);
}
