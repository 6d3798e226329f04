//! Tests of the extract stage, on Documents built by hand so they do not
//! depend on `parse`. Attribution rules here, numbers, dates and entities
//! in [`facts`].

mod attribution;
mod facts;

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
                text: (*s).into(),
                span,
                source_span: None,
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
        text: text.into(),
        title: None,
        byline: None,
        byline_source: None,
        dateline: None,
        blocks: Vec::new(),
        sentences,
        vocabulary: Default::default(),
        tokens: Default::default(),
    }
}

/// A Document of one paragraph: `sentences` joined by spaces in one block.
pub(crate) fn paragraph(sentences: &[&str]) -> Document {
    let mut d = doc(sentences);
    let text = sentences.join(" ");
    let mut at = 0;
    for s in d.sentences.iter_mut() {
        s.span = Span::new(at, at + s.text.len());
        s.column = 1 + at;
        s.line = 1;
        s.block = 0;
        at += s.text.len() + 1;
    }
    d.text = text.into();
    d
}

/// Extracts `d` and checks its spans.
pub(super) fn run_doc(d: &Document) -> Document {
    let out = extract(d);
    check_spans(&out);
    out
}

pub(super) fn run(sentences: &[&str]) -> Document {
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

pub(super) fn numbers(d: &Document, i: usize) -> Vec<&NumberClaim> {
    d.sentences[i]
        .claims
        .iter()
        .filter_map(|c| match c {
            Claim::Number(n) => Some(n.as_ref()),
            _ => None,
        })
        .collect()
}

pub(super) fn dates(d: &Document, i: usize) -> Vec<&DateClaim> {
    d.sentences[i]
        .claims
        .iter()
        .filter_map(|c| match c {
            Claim::Date(x) => Some(x),
            _ => None,
        })
        .collect()
}

pub(super) fn entities(d: &Document, i: usize) -> Vec<&EntityClaim> {
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
    assert!(crate::lexicon::cues::lemma_count() >= 40);
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

fn lemmas(d: &Document, i: usize) -> Vec<&str> {
    attributions(d, i)
        .iter()
        .map(|a| a.cue_lemma.as_str())
        .collect()
}

#[test]
fn seed_putin_said_hundreds() {
    let d = run(&["Russian President Vladimir Putin on Friday said hundreds of fighters loyal to the Islamic State militant group were massing in northern Afghanistan, as Moscow prepares to host international talks on the country next week."]);
    let a = attributions(&d, 0);
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(a[0].cue_lemma, "say");
    assert_eq!(
        a[0].speaker.as_deref(),
        Some("Russian President Vladimir Putin")
    );
    assert_eq!(a[0].speaker_key.as_deref(), Some("putin"));
    assert!(!a[0].direct);
    assert!(content(&d, a[0]).starts_with("hundreds of fighters"));
    let n = numbers(&d, 0);
    assert_eq!(n.len(), 1);
    assert_eq!(
        (n[0].value, n[0].vague, n[0].unit.as_deref()),
        (100.0, true, Some("fighter"))
    );
    let keys: Vec<&str> = dates(&d, 0).iter().map(|x| x.key.as_str()).collect();
    assert_eq!(keys, ["friday", "next-week"]);
    let e: Vec<&str> = entities(&d, 0).iter().map(|e| e.key.as_str()).collect();
    assert_eq!(e, ["putin", "islamic state", "afghanistan", "moscow"]);
}

#[test]
fn seed_pointed_out_but_not_claiming() {
    let d = run(&["He pointed out that they were planning to move between the former Soviet Central Asian countries, claiming to be refugees."]);
    assert_eq!(lemmas(&d, 0), ["point out"]);
}

#[test]
fn seed_said_but_noted_quote() {
    let d = run(&["Putin on Friday said there was no need to rush with official recognition of the Taliban but noted that \"we understand that we need to interact with them\"."]);
    let a = attributions(&d, 0);
    assert_eq!(lemmas(&d, 0), ["say", "note"]);
    assert!(a[0].quote.is_none());
    assert_eq!(
        content(&d, a[0]),
        "there was no need to rush with official recognition of the Taliban"
    );
    assert_eq!(a[1].speaker_key.as_deref(), Some("putin"));
    assert!(a[1].direct);
    assert_eq!(
        a[1].quote.as_ref().unwrap().text,
        "we understand that we need to interact with them"
    );
}

#[test]
fn seed_stressed_but_made_clear_curly_quote() {
    let d = run(&["On Friday, Putin stressed that there was no need to rush to officially recognize the Taliban, but made clear, “We understand that we have to communicate with them.”"]);
    let a = attributions(&d, 0);
    assert_eq!(lemmas(&d, 0), ["stress", "make clear"]);
    assert!(!a[0].direct);
    assert_eq!(a[1].speaker_key.as_deref(), Some("putin"));
    assert_eq!(
        a[1].quote.as_ref().unwrap().text,
        "We understand that we have to communicate with them"
    );
}

#[test]
fn seed_according_to_envoy_with_appositive_name() {
    let d = run(&["The United States, China and Pakistan will join Tuesday's talks that will discuss the Taliban's seizure of power in Afghanistan, according to the Kremlin's special envoy on the Afghan file, Zamir Kabulov."]);
    let a = attributions(&d, 0);
    assert_eq!(lemmas(&d, 0), ["according to"]);
    assert_eq!(a[0].speaker_key.as_deref(), Some("kabulov"));
    assert!(content(&d, a[0]).starts_with("The United States, China and Pakistan"));
    assert_eq!(dates(&d, 0)[0].key, "tuesday");
}

#[test]
fn seed_two_attributions_warn_and_indicate() {
    let d = run(&["Earlier this week, Putin warned of the threat of veteran fighters from Syria and Iraq linked to the organization crossing into Afghanistan, while the Russian Foreign Ministry indicated that it expects the Taliban, which recently took control of the country, to deal with the threat."]);
    let a = attributions(&d, 0);
    assert_eq!(lemmas(&d, 0), ["warn", "indicate"]);
    assert_eq!(a[0].speaker_key.as_deref(), Some("putin"));
    assert_eq!(a[1].speaker_key.as_deref(), Some("foreign ministry"));
    assert!(content(&d, a[0]).ends_with("crossing into Afghanistan"));
    assert_eq!(dates(&d, 0)[0].key, "earlier-this-week");
}

#[test]
fn seed_left_warned_and_ministry_said() {
    let d = run(&["Earlier this week, Putin warned of the threat of veteran fighters from Iraq and Syria with IS links crossing into Afghanistan, while Russia's foreign ministry said it expected the Taliban, which recently gained control of the country, to deal with the threat."]);
    let a = attributions(&d, 0);
    assert_eq!(lemmas(&d, 0), ["warn", "say"]);
    assert_eq!(a[1].speaker.as_deref(), Some("Russia's foreign ministry"));
    assert_eq!(a[1].speaker_key.as_deref(), Some("foreign ministry"));
}

#[test]
fn seed_sentence_final_speaker_is_indirect() {
    let d = run(&["The United States, China and Pakistan will join talks on the Taliban takeover on Tuesday, the Kremlin's envoy to Afghanistan said."]);
    let a = attributions(&d, 0);
    assert_eq!(a.len(), 1);
    assert_eq!(
        a[0].speaker.as_deref(),
        Some("the Kremlin's envoy to Afghanistan")
    );
    assert_eq!(a[0].speaker_key.as_deref(), Some("kremlin envoy"));
    assert_eq!(
        content(&d, a[0]),
        "The United States, China and Pakistan will join talks on the Taliban takeover on Tuesday"
    );
}

#[test]
fn seed_quote_then_speaker_with_trailing_adverbial() {
    let d = run(&[
        "\"According to our intelligence, the number of (IS) members alone in northern Afghanistan is about 2,000 people,\" Putin said during a video conference meeting with leaders of other ex-Soviet states.",
        "\"According to our intelligence, the number of ISIS operatives alone in northern Afghanistan is about two thousand,\" Putin said in a video conference with leaders of other countries that were part of the Soviet Union.",
    ]);
    for i in 0..2 {
        let a = attributions(&d, i);
        assert_eq!(lemmas(&d, i), ["say"], "{a:#?}");
        assert!(a[0].direct);
        assert!(a[0]
            .quote
            .as_ref()
            .unwrap()
            .text
            .starts_with("According to our intelligence"));
        let n = numbers(&d, i);
        assert_eq!(n[0].value, 2000.0);
        assert_eq!(n[0].qualifier.as_deref(), Some("about"));
    }
    assert_eq!(numbers(&d, 0)[0].text, "2,000");
    assert_eq!(numbers(&d, 1)[0].text, "two thousand");
    let is = entities(&d, 0)
        .iter()
        .find(|e| e.text == "IS")
        .map(|e| e.key.clone());
    let isis = entities(&d, 1)
        .iter()
        .find(|e| e.text == "ISIS")
        .map(|e| e.key.clone());
    assert_eq!(is.as_deref(), Some("islamic state"));
    assert_eq!(is, isis);
}

#[test]
fn seed_kabulov_said_on_friday_that_with_partial_quote() {
    let d = run(&["Putin's special envoy to Afghanistan Zamir Kabulov said on Friday that Tuesday's talks would focus on trying \"to work out a common position on the changing situation in Afghanistan\"."]);
    let a = attributions(&d, 0);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].speaker_key.as_deref(), Some("kabulov"));
    assert!(content(&d, a[0]).starts_with("Tuesday's talks"));
    assert!(a[0].quote.as_ref().unwrap().text.starts_with("to work out"));
}

#[test]
fn quote_closed_from_the_previous_sentence() {
    let d = run(&[
        "\"The river rose overnight.",
        "Nobody expected it to flood the lower town,\" the mayor said.",
    ]);
    let a = attributions(&d, 1);
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(a[0].speaker.as_deref(), Some("the mayor"));
    assert!(a[0].direct);
    assert_eq!(
        a[0].quote.as_ref().unwrap().text,
        "Nobody expected it to flood the lower town"
    );
}

#[test]
fn glued_straight_quote_after_a_space_still_opens() {
    let a = one_attribution("The mayor said \"we are ready\" on Monday.");
    assert_eq!(a.quote.unwrap().text, "we are ready");
}

#[test]
fn speaker_set_off_by_an_appositive() {
    let a = one_attribution(
        "Harbour master Ilse Varga, a spokeswoman for the port authority, said the ferry was late.",
    );
    assert_eq!(a.speaker.as_deref(), Some("Harbour master Ilse Varga"));
    assert_eq!(a.speaker_key.as_deref(), Some("varga"));
    let a = one_attribution("Officials, who asked not to be named, say the mine will close.");
    assert_eq!(a.speaker.as_deref(), Some("Officials"));
    let a = one_attribution("Tom Lee for Acme Freight, says the trucks are ready.");
    assert_eq!(a.speaker.as_deref(), Some("Tom Lee for Acme Freight"));
}

#[test]
fn appositive_needs_a_clause_opening_speaker() {
    let d = run(&["He met Varga, the harbour master, said nothing."]);
    assert!(attributions(&d, 0)
        .iter()
        .all(|a| a.speaker.as_deref() != Some("Varga")));
}

#[test]
fn title_before_a_name_joins_the_speaker() {
    let a = one_attribution("Chile's Foreign Minister, Ana Ruiz said the border would open.");
    assert_eq!(
        a.speaker.as_deref(),
        Some("Chile's Foreign Minister, Ana Ruiz")
    );
    assert_eq!(a.speaker_key.as_deref(), Some("ruiz"));
    let a = one_attribution("In Lima, Ana Ruiz said the border would open.");
    assert_eq!(a.speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn research_cues_need_a_research_speaker_or_that() {
    let a = one_attribution("The researchers found rainfall fell by a third.");
    assert_eq!(a.cue_lemma, "find");
    assert_eq!(
        one_attribution("The data show wages rose.").cue_lemma,
        "show"
    );
    assert_eq!(
        one_attribution("Smith found that the bridge was unsafe.").cue_lemma,
        "find"
    );
    let d = run(&[
        "Police found the stolen van.",
        "He showed the photos to the court.",
    ]);
    assert!(attributions(&d, 0).is_empty());
    assert!(attributions(&d, 1).is_empty());
}

#[test]
fn capitalised_plural_subject_takes_the_base_form() {
    let a = one_attribution("Estimates suggest 400 homes were flooded.");
    assert_eq!(a.speaker.as_deref(), Some("Estimates"));
    let a = one_attribution("The authors say the sample was small.");
    assert_eq!(a.speaker.as_deref(), Some("The authors"));
}

#[test]
fn acronym_with_plural_say() {
    let a = one_attribution("UNICEF say the schools reopened.");
    assert_eq!(a.speaker.as_deref(), Some("UNICEF"));
}

#[test]
fn bracketed_acronym_after_the_speaker() {
    let a = one_attribution("The Food Safety Agency (FSA) recommends that bread be labelled.");
    assert_eq!(a.speaker.as_deref(), Some("The Food Safety Agency"));
}

#[test]
fn verb_before_a_quotation_is_not_a_noun() {
    let a = one_attribution("The weather office notes, \"Storms are likely.\"");
    assert_eq!(a.cue_lemma, "note");
    assert_eq!(a.quote.unwrap().text, "Storms are likely");
}

#[test]
fn requests_passives_and_kept_policies_are_not_attributions() {
    let d = run(&[
        "The mayor asked the council to fund the bridge.",
        "The crew was denied entry.",
        "Both states have maintained a ban on imports.",
    ]);
    for i in 0..3 {
        assert!(attributions(&d, i).is_empty(), "{:?}", d.sentences[i].text);
    }
}

#[test]
fn closing_quote_before_a_comma_and_inverted_speaker() {
    let d = run(&["\"Prices will rise.", "Wages will not,\", said the union."]);
    let a = attributions(&d, 1);
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(a[0].speaker.as_deref(), Some("the union"));
}

#[test]
fn passive_with_an_adverb_is_not_an_attribution() {
    let d = run(&["The crew was initially denied entry."]);
    assert!(attributions(&d, 0).is_empty());
}

#[test]
fn quote_spanning_sentences_takes_the_closing_speaker() {
    let d = run_doc(&paragraph(&[
        "\"The dam held.",
        "The water stayed below the wall.",
        "We were lucky,\" the mayor said.",
    ]));
    let quotes: Vec<String> = (0..3)
        .map(|i| {
            let a = attributions(&d, i);
            assert_eq!(a.len(), 1, "sentence {i}: {a:#?}");
            assert_eq!(a[0].speaker.as_deref(), Some("the mayor"));
            a[0].quote.as_ref().unwrap().text.clone()
        })
        .collect();
    assert_eq!(
        quotes,
        [
            "The dam held",
            "The water stayed below the wall",
            "We were lucky"
        ]
    );
}

#[test]
fn quote_spanning_sentences_takes_the_opening_speaker() {
    let d = run(&[
        "The mayor said: \"The dam held.",
        "We were lucky.\"",
        "Rain is expected on Monday.",
    ]);
    let a = attributions(&d, 1);
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(a[0].speaker.as_deref(), Some("The mayor"));
    assert_eq!(a[0].quote.as_ref().unwrap().text, "We were lucky");
    assert!(attributions(&d, 2).is_empty());
}

#[test]
fn whole_quote_sentence_takes_the_previous_direct_speaker() {
    let text = "\"The dam held,\" the mayor said. \"We were lucky.\"";
    let mut d = doc(&[text]);
    // Two sentences of one paragraph.
    let cut = text.find(" \"We").unwrap();
    let mut second = d.sentences[0].clone();
    d.sentences[0].span = Span::new(0, cut);
    second.index = 1;
    second.span = Span::new(cut + 1, text.len());
    d.sentences.push(second);
    let out = extract(&d);
    check_spans(&out);
    let a = attributions(&out, 1);
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(a[0].speaker.as_deref(), Some("the mayor"));
    assert_eq!(a[0].quote.as_ref().unwrap().text, "We were lucky");
}

#[test]
fn unclosed_quote_without_any_speaker_gets_none() {
    let d = run(&["\"The dam held.", "We were lucky."]);
    assert!(attributions(&d, 0).is_empty());
    assert!(attributions(&d, 1).is_empty());
}

#[test]
fn hyphenated_names_head_a_speaker() {
    let a = one_attribution(
        "Port chief Omar al-Rashid, speaking to local radio, said the quay was shut.",
    );
    assert_eq!(a.speaker.as_deref(), Some("Port chief Omar al-Rashid"));
    let a = one_attribution("Dana Al-Sayed said the quay was shut.");
    assert_eq!(a.speaker.as_deref(), Some("Dana Al-Sayed"));
    let d = run(&["The pro-Western camp said nothing."]);
    assert!(attributions(&d, 0)
        .iter()
        .all(|a| a.speaker.as_deref() != Some("Western")));
}
