//! Tests of the extract stage, on Documents built by hand so they do not
//! depend on `parse`.

use super::extract;
use crate::model::{
    Attribution, BlockKind, Claim, DateClaim, Document, EntityClaim, NumberClaim, Sentence, Span,
};

/// A Document whose paragraphs are `sentences`, joined by blank lines, with
/// exact spans and no claims.
pub(crate) fn doc(sentences: &[&str]) -> Document {
    let text = sentences.join("\n\n");
    let mut at = 0;
    let sentences = sentences
        .iter()
        .enumerate()
        .map(|(index, s)| {
            let span = Span::new(at, at + s.len());
            at += s.len() + 2;
            Sentence {
                index,
                text: s.to_string(),
                span,
                kind: BlockKind::Paragraph,
                block: index,
                line: 1 + 2 * index,
                column: 1,
                claims: Vec::new(),
            }
        })
        .collect();
    Document {
        path: "test".into(),
        text,
        title: None,
        byline: None,
        dateline: None,
        blocks: Vec::new(),
        sentences,
    }
}

fn run(sentences: &[&str]) -> Document {
    let out = extract(&doc(sentences));
    check_spans(&out);
    out
}

/// Every span is inside the text, on char boundaries, and claims are in order.
fn check_spans(d: &Document) {
    for s in &d.sentences {
        let mut last = 0;
        for c in &s.claims {
            let spans: Vec<Span> = match c {
                Claim::Attribution(a) => [Some(a.cue_span), a.speaker_span, a.content_span]
                    .into_iter()
                    .flatten()
                    .collect(),
                Claim::Number(n) => vec![n.span],
                Claim::Entity(e) => vec![e.span],
                Claim::Date(x) => vec![x.span],
            };
            for sp in &spans {
                assert!(sp.start <= sp.end && sp.end <= d.text.len(), "{sp:?}");
                assert!(d.text.get(sp.start..sp.end).is_some(), "{sp:?}");
            }
            assert!(
                spans[0].start >= last,
                "claims out of order in {:?}",
                s.text
            );
            last = spans[0].start;
        }
    }
}

fn attributions(d: &Document, i: usize) -> Vec<&Attribution> {
    d.sentences[i].attributions().collect()
}

fn numbers(d: &Document, i: usize) -> Vec<&NumberClaim> {
    d.sentences[i]
        .claims
        .iter()
        .filter_map(|c| match c {
            Claim::Number(n) => Some(n),
            _ => None,
        })
        .collect()
}

fn dates(d: &Document, i: usize) -> Vec<&DateClaim> {
    d.sentences[i]
        .claims
        .iter()
        .filter_map(|c| match c {
            Claim::Date(x) => Some(x),
            _ => None,
        })
        .collect()
}

fn entities(d: &Document, i: usize) -> Vec<&EntityClaim> {
    d.sentences[i]
        .claims
        .iter()
        .filter_map(|c| match c {
            Claim::Entity(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn one_attribution(sentence: &str) -> Attribution {
    let d = run(&[sentence]);
    let a = attributions(&d, 0);
    assert_eq!(a.len(), 1, "{sentence}: {a:#?}");
    a[0].clone()
}

fn content<'a>(d: &'a Document, a: &Attribution) -> &'a str {
    a.content_span.expect("content").slice(&d.text)
}

#[test]
fn lexicon_has_at_least_forty_lemmas() {
    assert!(super::lexicon::lemma_count() >= 40);
}

#[test]
fn direct_quote_before_speaker() {
    let a = one_attribution("\"We will win,\" Putin said.");
    assert_eq!(a.cue_lemma, "say");
    assert_eq!(a.speaker.as_deref(), Some("Putin"));
    assert_eq!(a.speaker_key.as_deref(), Some("putin"));
    assert!(a.direct);
    assert_eq!(a.quote.unwrap().text, "We will win");
}

#[test]
fn direct_quote_inverted_speaker() {
    let a = one_attribution("“We will win,” said the Kremlin's envoy.");
    assert_eq!(a.speaker.as_deref(), Some("the Kremlin's envoy"));
    assert_eq!(a.speaker_key.as_deref(), Some("kremlin envoy"));
    assert_eq!(a.quote.unwrap().text, "We will win");
}

#[test]
fn direct_quote_after_colon() {
    let a = one_attribution("The minister added: «Nothing has changed.»");
    assert_eq!(a.cue_lemma, "add");
    assert!(a.direct);
    assert_eq!(a.quote.unwrap().text, "Nothing has changed");
}

#[test]
fn indirect_with_that() {
    let text = "Officials confirmed on Friday that the border was closed.";
    let d = run(&[text]);
    let a = attributions(&d, 0)[0];
    assert_eq!(a.cue_lemma, "confirm");
    assert!(!a.direct);
    assert_eq!(content(&d, a), "the border was closed");
    assert_eq!(a.speaker_key.as_deref(), Some("officials"));
}

#[test]
fn according_to_takes_the_phrase_after_it() {
    let d = run(&["The talks will start on Tuesday, according to the foreign ministry."]);
    let a = attributions(&d, 0)[0];
    assert_eq!(a.cue_lemma, "according to");
    assert_eq!(a.speaker.as_deref(), Some("the foreign ministry"));
    assert_eq!(a.speaker_key.as_deref(), Some("foreign ministry"));
    assert_eq!(content(&d, a), "The talks will start on Tuesday");
}

#[test]
fn multiword_cues_map_to_their_lemma() {
    assert_eq!(
        one_attribution("She pointed out that it was late.").cue_lemma,
        "point out"
    );
    assert_eq!(
        one_attribution("He made clear that he would stay.").cue_lemma,
        "make clear"
    );
    assert_eq!(
        one_attribution("They made it clear that they would stay.").cue_lemma,
        "make clear"
    );
}

#[test]
fn nouns_are_not_cues() {
    let d = run(&[
        "The claims were denied by nobody.",
        "Putin's claims were false.",
        "The said company closed.",
    ]);
    for i in 0..3 {
        assert!(
            attributions(&d, i).is_empty(),
            "{:?}",
            d.sentences[i].claims
        );
    }
}

#[test]
fn pronoun_takes_the_last_person() {
    let d = run(&[
        "Russian President Vladimir Putin said the talks would go ahead.",
        "The ministry said it agreed.",
        "He said the date was fixed.",
        "They said nothing else.",
    ]);
    assert_eq!(attributions(&d, 0)[0].speaker_key.as_deref(), Some("putin"));
    assert_eq!(attributions(&d, 2)[0].speaker.as_deref(), Some("He"));
    assert_eq!(attributions(&d, 2)[0].speaker_key.as_deref(), Some("putin"));
    assert_eq!(
        attributions(&d, 3)[0].speaker_key.as_deref(),
        Some("ministry")
    );
}

#[test]
fn unbalanced_and_odd_input_does_not_panic() {
    let long = "word ".repeat(20_000) + "said \"unclosed";
    let inputs = [
        "\"",
        "“",
        "”",
        "said",
        "according to",
        "«»",
        "‘",
        "2,",
        ",000",
        "1.",
        "$",
        "mid-",
        "the 1980",
        "¿Qué? 日本語 said “x",
        "One and a half",
        "a",
        "and a half million",
        "Said Putin",
        "\u{0}\u{feff}",
        "9999999999999999999999999999999999999",
        &long,
    ];
    for i in inputs {
        let d = run(&[i]);
        assert_eq!(d.sentences.len(), 1);
    }
}

#[test]
fn metadata_sentences_get_no_claims() {
    let mut d = doc(&["Putin said 2,000 people came on Friday."]);
    d.sentences[0].kind = BlockKind::Caption;
    assert!(extract(&d).sentences[0].claims.is_empty());
}
