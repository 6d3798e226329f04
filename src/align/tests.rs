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

/// A text that repeats itself: every token is in far more sentences than
/// `MAX_POSTINGS`, so only the band around the expected position seeds
/// candidates. Before the band, such a file compared with itself came out
/// almost entirely unaligned.
#[test]
fn a_text_repeated_many_times_aligns_with_itself_on_the_diagonal() {
    let story = "Officials said the bridge would reopen. Engineers found no new damage. \
                 The mayor thanked residents for their patience. Traffic was diverted.\n\n";
    let text = story.repeat(120);
    let alignment = aligned(&text, &text);
    assert_eq!(alignment.pairs.len(), 480);
    for (i, (l, r)) in groups(&alignment).into_iter().enumerate() {
        assert_eq!((l, r), (vec![i], vec![i]));
    }
}

#[test]
fn a_sentence_dropped_from_a_repetitive_text_is_the_only_one_unaligned() {
    let story = "Officials said the bridge would reopen. Engineers found no new damage. \
                 The mayor thanked residents for their patience. Traffic was diverted.\n\n";
    let left = story.repeat(100);
    // The right side lacks the second sentence of the 50th copy (left 197).
    let at = story.len() * 49 + story.find("Engineers").unwrap();
    let end = at + "Engineers found no new damage. ".len();
    let right = format!("{}{}", &left[..at], &left[end..]);
    let alignment = aligned(&left, &right);
    let pairs = groups(&alignment);
    assert_eq!(pairs.len(), 399);
    let lefts: Vec<usize> = pairs.iter().flat_map(|p| p.0.clone()).collect();
    assert!(!lefts.contains(&197), "{lefts:?}");
    for (l, r) in pairs {
        let expected = if l[0] < 197 { l[0] } else { l[0] - 1 };
        assert_eq!(r, vec![expected]);
    }
}

/// Sentences without content tokens match by text; each takes its twins
/// nearest its own position only, however often the line repeats.
#[test]
fn bare_twins_are_bounded_per_sentence() {
    let text = "* * *\n\n".repeat(300);
    let (left, right) = (crate::analyse("l", &text), crate::analyse("r", &text));
    let (left, right) = (Side::new(&left), Side::new(&right));
    let matches = bare_matches(&left, &right);
    assert_eq!(matches.len(), 299 * candidates::PER_SENTENCE);
    // The first line is the title; 299 body sentences remain.
    assert_eq!(left.bare.len(), 299);
    for a in [0, 150, 298] {
        let twins: Vec<usize> = matches
            .iter()
            .filter(|c| c.left() == a)
            .map(|c| c.right())
            .collect();
        assert_eq!(twins.len(), candidates::PER_SENTENCE);
        assert!(twins.contains(&a), "{a}: {twins:?}");
        assert!(twins
            .iter()
            .all(|&b| b.abs_diff(a) <= candidates::PER_SENTENCE));
    }
}

/// The right cut a long sentence down to its first clause: the Dice
/// similarity is far below the threshold, but every content word of the
/// short sentence is in the long one, and the pair sits in story order.
#[test]
fn a_sentence_cut_to_its_first_clause_aligns_with_the_cut() {
    let alignment = aligned(
        "The council approved the school budget on Monday evening. \
         The mayor discounted rumors that he would resign, saying the critics behind the \
         campaign against him were probably a handful of former aides and rival donors. \
         The new library opens in June.",
        "The council approved the school budget on Monday evening. \
         He also discounted rumors he would resign. \
         The new library opens in June.",
    );
    assert_eq!(
        groups(&alignment),
        vec![(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]
    );
    // The pair reports its similarity, not its containment: a heavy cut.
    assert!(alignment.pairs[1].similarity < DEFAULT_MIN_SIMILARITY);
    assert!(alignment.pairs[1].moved.is_none());
}

/// A short sentence a long one carries, but out of the story order of the
/// pairs around it: a side clause of a sentence about something else,
/// not a cut, so both stay unaligned.
#[test]
fn a_contained_sentence_out_of_story_order_stays_unaligned() {
    let alignment = aligned(
        "The council approved the school budget on Monday evening. \
         The new library opens in June. \
         The mayor discounted rumors that he would resign, saying the critics behind the \
         campaign against him were probably a handful of former aides and rival donors.",
        "He also discounted rumors he would resign. \
         The council approved the school budget on Monday evening. \
         The new library opens in June.",
    );
    assert_eq!(
        groups(&alignment),
        vec![(vec![0], vec![1]), (vec![1], vec![2])]
    );
    assert_eq!(
        (alignment.left_only.clone(), alignment.right_only.clone()),
        (vec![2], vec![0])
    );
}

/// Sentences that share some words but not the proposition: the short one
/// has words the long one lacks ("visit", "flooded"), so it is no cut of it.
#[test]
fn a_short_sentence_sharing_only_some_words_is_no_cut() {
    let alignment = aligned(
        "The council approved the school budget on Monday evening. \
         The mayor will visit the flooded northern districts on Friday. \
         The new library opens in June.",
        "The council approved the school budget on Monday evening. \
         The mayor said on Friday that spending on schools in the northern districts would \
         rise sharply next year after a long dispute with the teachers' unions over pay and \
         pensions. \
         The new library opens in June.",
    );
    assert_eq!(
        groups(&alignment),
        vec![(vec![0], vec![0]), (vec![2], vec![2])]
    );
}

/// Two sentences that share three names but not what is said of them do
/// not pair through containment: the short one is not carried whole.
#[test]
fn containment_needs_nearly_all_of_the_short_sentence() {
    let prepare = |text: &str| Features::from_text(text);
    let long = prepare(
        "Troy police Lt. Gerry Scherlinck said officers found a shotgun in the vehicle \
         after a chase across two counties at speeds of more than 100 mph.",
    );
    let short = prepare("Witnesses saw the shooter flee, Gerry Scherlinck said.");
    let cut = prepare("Officers found a shotgun in the vehicle, Scherlinck said.");
    let idf = Idf::new([&long, &short, &cut]);
    let score = |a: &Features, b: &Features| {
        let weights: Vec<f64> = a.tokens.iter().map(|&t| idf.weight(t)).collect();
        let prepared = similarity::Prepared {
            features: a,
            weights: &weights,
            total: weights.iter().sum(),
        };
        let count = a
            .trigrams
            .iter()
            .chain(&b.trigrams)
            .map(|&t| t as usize + 1)
            .max()
            .unwrap_or(0);
        let mut bits = similarity::TrigramBits::new(count);
        bits.fill(&a.trigrams);
        contained::containment(&prepared, &bits, b, idf.total(&b.tokens))
    };
    assert_eq!(score(&short, &long), None);
    let found = score(&cut, &long).expect("the cut is carried whole");
    assert!(found > 0.8, "{found}");
    // Either side may be the short one.
    assert_eq!(score(&long, &cut), Some(found));
}

/// One outlet writes the initials, the other spells the name out: the two
/// share no token for it, and the name is the heaviest part of the
/// sentence.
#[test]
fn an_initialism_and_its_spelled_out_name_count_as_shared() {
    let (a, b) = (
        Features::from_text("The USGS said the quake was 35 miles southwest of Bandar Abbas."),
        Features::from_text(
            "The US Geological Survey put the epicentre of the quake at about 36 miles \
             south-west of Bandar Abbas.",
        ),
    );
    let idf = Idf::new([&a, &b]);
    let with = similarity::similarity(&a, &b, &idf);
    let without = similarity::similarity(
        &Features {
            initialisms: None,
            ..a.clone()
        },
        &b,
        &idf,
    );
    assert!(with > without + 0.05, "{with} {without}");
    // The credit is the same whichever side writes the initials.
    assert!((similarity::similarity(&b, &a, &idf) - with).abs() < 1e-9);
    // Initials that the other side does not spell out add nothing.
    let other = Features::from_text(
        "The Royal Navy said the quake was 35 miles southwest of Bandar Abbas.",
    );
    let idf = Idf::new([&a, &other]);
    let plain = |f: &Features| Features {
        initialisms: None,
        ..f.clone()
    };
    assert_eq!(
        similarity::similarity(&a, &other, &idf),
        similarity::similarity(&plain(&a), &plain(&other), &idf)
    );
}

/// Aligned end to end: the pair the initialisms lift over the threshold
/// (without them it scored below it and stayed unaligned).
#[test]
fn a_sentence_with_an_initialism_aligns_with_the_spelled_out_one() {
    let alignment = aligned(
        "The council approved the school budget on Monday evening. \
         Delegates of the UAE and the IMF arrived in Athens on Tuesday for talks.",
        "The council approved the school budget on Monday evening. \
         Envoys from the United Arab Emirates and the International Monetary Fund \
         reached Athens on Tuesday.",
    );
    assert_eq!(
        groups(&alignment),
        vec![(vec![0], vec![0]), (vec![1], vec![1])]
    );
}

/// A paragraph moved to the end is out of story order: `reordered`, not
/// `relocated`, and the sentences around it keep their place.
#[test]
fn a_paragraph_moved_to_the_end_is_reordered() {
    let first = "The council approved the school budget on Monday evening.";
    let second = "The mayor discounted rumors that he would resign after the vote.";
    let third = "The new library opens in June with a reading room for children.";
    let fourth = "Critics of the budget said they would appeal to the regional court.";
    let alignment = aligned(
        &format!("{first} {second} {third} {fourth}"),
        &format!("{first} {third} {fourth} {second}"),
    );
    let moved: Vec<(Vec<usize>, Option<MoveKind>)> = alignment
        .pairs
        .iter()
        .filter(|p| p.moved.is_some())
        .map(|p| (p.left.clone(), p.moved))
        .collect();
    assert_eq!(moved, vec![(vec![1], Some(MoveKind::Reordered))]);
}
