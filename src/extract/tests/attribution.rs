//! Attribution rules added for precise credits: inverted and colon forms,
//! media, single quotation marks, quotations over paragraphs, and the
//! cues that report nothing.

use super::{attributions, content, doc, one_attribution, paragraph, run, run_doc};

#[test]
fn inverted_speaker_with_an_age() {
    let a = one_attribution("\"It was terrifying,\" said 56-year-old Louise Haggerty.");
    assert_eq!(a.speaker.as_deref(), Some("56-year-old Louise Haggerty"));
    assert_eq!(a.speaker_key.as_deref(), Some("haggerty"));
    assert!(a.direct);
}

#[test]
fn colon_form_after_an_appositive_title() {
    let a = one_attribution(
        "Shahram Alamdari, head of the rescue unit for the Red Crescent, said: \"Two helicopters are flying.\"",
    );
    assert_eq!(a.speaker_key.as_deref(), Some("alamdari"));
    assert_eq!(a.quote.unwrap().text, "Two helicopters are flying");
}

#[test]
fn colon_form_with_the_name_between_commas() {
    let a = one_attribution(
        "The head of the million-member strong GSEE private sector union, Giannis Panagopoulos, said: \"The rich pay nothing.\"",
    );
    assert_eq!(a.speaker.as_deref(), Some("Giannis Panagopoulos"));
    assert!(a.direct);
}

#[test]
fn the_medium_told_is_not_the_speaker() {
    // Regression: "told the Guardian" read as an inverted "said X".
    let a = one_attribution(
        "Before Obama arrived, Tanya Williams, a community engagement officer, told the Guardian: \"I love Michelle.\"",
    );
    assert_eq!(a.speaker.as_deref(), Some("Tanya Williams"));
    assert_eq!(a.cue_lemma, "tell");
}

#[test]
fn quotes_in_single_marks() {
    let d = run(&["'We will not give up,' said the mayor."]);
    let a = attributions(&d, 0);
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(a[0].quote.as_ref().unwrap().text, "We will not give up");
    // Apostrophes open nothing.
    let d = run(&["The players' union said it didn't agree."]);
    let a = attributions(&d, 0);
    assert_eq!(a.len(), 1, "{a:#?}");
    assert!(a[0].quote.is_none());
}

#[test]
fn a_plain_paragraph_ends_a_quotation() {
    let d = run(&[
        "The mayor said: \"The dam held.",
        "Rain is expected on Monday.",
    ]);
    assert!(attributions(&d, 1).is_empty());
}

#[test]
fn a_paragraph_opening_with_a_quote_mark_continues_the_quotation() {
    // The closing mark is left off before a continuing paragraph.
    let d = run(&[
        "A Foreign Office spokeswoman said: \"We are aware of the death.",
        "\"We are providing consular assistance at this time.\"",
    ]);
    let a = attributions(&d, 1);
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(
        a[0].speaker.as_deref(),
        Some("A Foreign Office spokeswoman")
    );
}

#[test]
fn a_quotation_after_an_indirect_credit_is_that_speakers() {
    let d = run(&[
        "Raymond Lumbuenamo, country director for WWF, said that security would get worse.",
        "\"Security is already bad.",
        "Oil would be a curse.\"",
    ]);
    for i in 1..3 {
        let a = attributions(&d, i);
        assert_eq!(a.len(), 1, "sentence {i}: {a:#?}");
        assert_eq!(a[0].speaker_key.as_deref(), Some("lumbuenamo"));
    }
}

#[test]
fn quotation_over_lines_of_one_block_ends_at_a_plain_line() {
    // Text whose paragraphs are lines: a line is a paragraph.
    let mut d = paragraph(&["Ann Roe said: \"The dam held.", "Rain is expected."]);
    let text = "Ann Roe said: \"The dam held.\nRain is expected.";
    d.text = text.into();
    let d = run_doc(&d);
    assert!(attributions(&d, 1).is_empty());
}

#[test]
fn participle_after_a_noun_is_no_credit() {
    // Regression: "the BBC Urdu service describing her experiences".
    let d = run(&["She wrote a blog for the BBC Urdu service describing her life."]);
    assert!(attributions(&d, 0)
        .iter()
        .all(|a| a.speaker.as_deref() != Some("the BBC Urdu service")));
    let a = one_attribution("But now people are asking if she has gone too far.");
    assert_eq!(a.speaker.as_deref(), Some("people"));
}

#[test]
fn the_standard_of_a_comparison_is_no_speaker() {
    let d = run(&["This is twice as many as people believed."]);
    assert!(attributions(&d, 0).is_empty());
    let d = run(&["Sales rose more than analysts expected."]);
    assert!(attributions(&d, 0).is_empty());
}

#[test]
fn requests_and_thinking_about_are_no_credit() {
    let d = run(&["When the government asks us for data, we think about it carefully."]);
    assert!(attributions(&d, 0).is_empty(), "{:#?}", attributions(&d, 0));
}

#[test]
fn a_name_after_a_preposition_is_no_subject() {
    let a = one_attribution("A study published in Science has found that wolves are back.");
    assert_eq!(a.speaker.as_deref(), Some("A study"));
    let d = run(&["Their spread across regions of Europe showed that wolves adapt."]);
    assert!(attributions(&d, 0).is_empty());
}

#[test]
fn a_person_of_an_organisation_keys_by_the_family_name() {
    let a = one_attribution("\"It matters,\" said Moira Austin of the Anaphylaxis Campaign.");
    assert_eq!(a.speaker_key.as_deref(), Some("austin"));
}

#[test]
fn inverted_speaker_closing_the_sentence_beats_a_far_subject() {
    // Regression: the subject of "died" was read as an appositive speaker.
    let a = one_attribution(
        "Gigante, who had suffered from heart disease, died at the federal prison in Springfield, Mo., said prison spokesman Al Quintero.",
    );
    assert_eq!(a.speaker.as_deref(), Some("prison spokesman Al Quintero"));
}

#[test]
fn a_credit_set_off_by_commas_reports_the_clause_before() {
    let d = run(&[
        "Attackers could set up websites to exploit the flaw, Microsoft said, and then run code.",
    ]);
    let a = attributions(&d, 0);
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(
        content(&d, a[0]),
        "Attackers could set up websites to exploit the flaw"
    );
}

#[test]
fn speaker_after_an_introductory_word_and_an_appositive() {
    let a = one_attribution(
        "However, Raymond Lumbuenamo, country director for WWF, based in Kinshasa, said that security would worsen.",
    );
    assert_eq!(a.speaker_key.as_deref(), Some("lumbuenamo"));
}

#[test]
fn police_there_is_the_speaker() {
    let a =
        one_attribution("A climber has died on a mountain in New Zealand, police there have said.");
    assert_eq!(a.speaker_key.as_deref(), Some("police"));
}

#[test]
fn pronoun_takes_the_name_of_its_antecedent() {
    let d = run(&[
        "Putin said the talks would start.",
        "He said they had plans.",
    ]);
    let a = attributions(&d, 1);
    assert_eq!(a[0].speaker.as_deref(), Some("He"));
    assert_eq!(a[0].speaker_resolved.as_deref(), Some("Putin"));
    let _ = doc(&[]);
}

#[test]
fn a_missed_credit_is_seen_as_a_credit() {
    use crate::extract::has_unread_credit;
    let read = |text: &str| {
        let d = run(&[text]);
        has_unread_credit(&d, &d.sentences[0])
    };
    // A speaker noun the lists lack, a passive hedge, an adverb hedge, a
    // speech tag with a verb the lexicon lacks.
    assert!(read(
        "The software giant said the bug could affect all versions."
    ));
    assert!(read("Three climbers were said to have been rescued."));
    assert!(read("Microsoft has reportedly issued a patch."));
    assert!(read("\"I used to have nightmares,\" she reflected."));
    assert!(read(
        "Festival-goers are being urged to bring reusable bottles."
    ));
    assert!(read(
        "He took to his Twitter account to say: \"I cannot take this anymore.\""
    ));
    assert!(read(
        "\"I want it next Tuesday,\" he confided to the crowd."
    ));
    assert!(read(
        "She continued: \"Our research neither suggests nor indicates that.\""
    ));
    assert!(read(
        "Some critics are sceptical of farmed fish, citing high levels of toxins."
    ));
    // A plural speaker the lists lack: the cue is in its base form.
    assert!(read(
        "Shoppers say that healthy eating is the main reason they buy organic food."
    ));
    assert!(read(
        "One in ten children are obese, say the Health & Social Care Information Centre."
    ));
    // A nickname is no speech tag; an act is no credit, nor is a bare
    // base form ("they say" with nothing reported after it).
    assert!(!read(
        "Mob boss Vincent \"The Chin\" Gigante, who feigned illness, died on Monday."
    ));
    assert!(!read("Police found the car near the bridge."));
    assert!(!read("Police show the car to the press."));
    assert!(!read("Putin said the talks would start."));
    assert!(!read("The war continued: the army held the bridge."));
}

#[test]
fn a_credit_before_a_comma_resumes_after_an_adverbial() {
    let d = run(&[
        "By overturning the rule, Obama said during a reception at the Interior Department, he had restored \"the scientific process to its rightful place.\"",
    ]);
    let a = attributions(&d, 0);
    assert_eq!(a.len(), 1, "{a:#?}");
    assert!(a[0].direct);
    assert_eq!(
        a[0].quote.as_ref().unwrap().text,
        "the scientific process to its rightful place"
    );
}

#[test]
fn a_subject_pronoun_makes_replies_a_verb() {
    let a = one_attribution("\"Isolated,\" he replies.");
    assert_eq!(a.cue_lemma, "reply");
}

#[test]
fn a_quoted_title_is_no_quote() {
    let d = run(&["Ageing is no fun, she admits, reading from a poem she has written called 'That Beast Called Age'."]);
    assert!(
        attributions(&d, 0).iter().all(|a| a.quote.is_none()),
        "{:#?}",
        attributions(&d, 0)
    );
}

#[test]
fn adding_to_a_controversy_reports_nothing() {
    let d = run(&["The findings will add to the controversy over organic food."]);
    assert!(attributions(&d, 0).is_empty());
}

#[test]
fn a_name_inside_a_relative_clause_is_not_the_speaker() {
    // Regression: ", Matteo Renzi, denies" read as "The head of X, Name,".
    let d = run(&[
        "But Piscedda, who belongs to the party of the Prime Minister, Matteo Renzi, denies he is facilitating a brain drain.",
    ]);
    assert!(attributions(&d, 0)
        .iter()
        .all(|a| a.speaker.as_deref() != Some("Matteo Renzi")));
}

#[test]
fn an_acronym_speaker_is_no_antecedent_for_he() {
    let d = run(&[
        "The IUCN said the stocks were falling.",
        "He said he was 55.",
    ]);
    let a = attributions(&d, 1);
    assert_ne!(a[0].speaker_key.as_deref(), Some("iucn"));
}

#[test]
fn asking_questions_and_vowing_to_act_report_nothing() {
    let d = run(&["He insulted Megyn Kelly because she asked him difficult questions."]);
    assert!(attributions(&d, 0).is_empty(), "{:#?}", attributions(&d, 0));
    let d = run(&["He vowed to make the extra time a reality."]);
    assert!(attributions(&d, 0).is_empty(), "{:#?}", attributions(&d, 0));
}

#[test]
fn a_collective_noun_takes_the_plural_verb() {
    let a = one_attribution("Fristrup's team say that noise pollution doubles every 30 years.");
    assert_eq!(a.cue_lemma, "say");
    assert!(a.speaker.as_deref().is_some_and(|s| s.ends_with("team")));
}

#[test]
fn a_sentence_opening_with_a_credited_name_is_the_antecedent() {
    // Regression: "he" took the last speaker (Wetzler), not the subject of
    // the sentence before (Obama).
    let d = run(&[
        "\"The work will be respected,\" Obama said.",
        "\"It will restore protections,\" said Andrew Wetzler, a director of the council.",
        "Obama also helped celebrate the anniversary of the department.",
        "\"There has been a tension,\" he told department employees.",
    ]);
    let a = attributions(&d, 3);
    assert_eq!(a[0].speaker_key.as_deref(), Some("obama"));
    assert_eq!(a[0].speaker_resolved.as_deref(), Some("Obama"));
}

#[test]
fn an_abbreviated_title_keeps_the_name_after_its_period() {
    // Regression: "Troy police Lt" was the whole speaker.
    let a = one_attribution(
        "\"He was seeking a third official,\" said Troy police Lt. Gerry Scherlinck.",
    );
    assert_eq!(
        a.speaker.as_deref(),
        Some("Troy police Lt. Gerry Scherlinck")
    );
    assert_eq!(a.speaker_key.as_deref(), Some("scherlinck"));
    // A period after a title with no name after it still ends the phrase.
    let b = one_attribution("\"We are ready,\" said the Gov. ");
    assert_ne!(b.speaker.as_deref(), Some("the Gov."));
}

#[test]
fn an_inverted_tag_after_a_comma_reports_the_clause_before_it() {
    // The words after the speaker belong to the speaker ("of spending"),
    // not to the statement.
    let d = run(&[
        "That is what most lottery winners do, says a study of spending by jackpot winners.",
    ]);
    let a = attributions(&d, 0);
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(a[0].speaker.as_deref(), Some("a study"));
    assert_eq!(content(&d, a[0]), "That is what most lottery winners do");
    let d = run(&["Coal will rival oil as the biggest source of energy, says the agency."]);
    let a = attributions(&d, 0);
    assert_eq!(
        content(&d, a[0]),
        "Coal will rival oil as the biggest source of energy"
    );
    // Set off inside the statement, with a quotation after it: the
    // quotation is the speaker's words.
    let a = one_attribution(
        "There were variations between regions but, said Garcia-Moreno, \u{201c}in whatever region we looked at, it is unacceptably high\u{201d}.",
    );
    assert_eq!(
        a.speaker.as_deref(),
        Some("Garcia-Moreno"),
        "a hyphenated name is one"
    );
    assert!(a.direct);
    assert_eq!(
        a.quote.unwrap().text,
        "in whatever region we looked at, it is unacceptably high"
    );
}

#[test]
fn respond_reports_words_not_deeds() {
    let d = run(&["Palmer and Mat Su Central fire departments responded with ladder trucks."]);
    assert!(attributions(&d, 0).is_empty());
    let a = one_attribution("The ministry replied that the talks would go on.");
    assert_eq!(a.cue_lemma, "reply");
    // A quote says what the answer was.
    let a = one_attribution("\"We will stay,\" the mayor responded with a smile.");
    assert_eq!(a.cue_lemma, "respond");
}

#[test]
fn a_participle_opening_a_clause_with_its_who_left_out_hedges() {
    let hedge = |text: &str| {
        let d = run(&[text]);
        crate::extract::hedge(&d, &d.sentences[0]).map(|(h, _)| h)
    };
    assert_eq!(
        hedge("Fred LaRue was among those rumored to be Deep Throat.").as_deref(),
        Some("rumored to")
    );
    assert_eq!(
        hedge("A man believed to be the gunman was arrested.").as_deref(),
        Some("believed to")
    );
    // After a pronoun the participle is active.
    assert_eq!(hedge("Be careful, they said to be safe."), None);
}

#[test]
fn a_passive_cue_credits_not_its_subject() {
    let d = run(&[
        "A police spokesman said that when King was asked what she saw by detectives, she told them she could not see.",
    ]);
    let cues: Vec<&str> = attributions(&d, 0)
        .iter()
        .map(|a| a.cue_lemma.as_str())
        .collect();
    assert!(!cues.contains(&"ask"), "{cues:?}");
    assert!(cues.contains(&"tell"), "{cues:?}");
}

#[test]
fn a_tag_after_the_clause_reads_past_its_adverbial() {
    let text = "I wanted to bring the most beautiful people into the most beautiful building, he said Sunday inside the Grand Central concourse.";
    let d = run(&[text]);
    let a = one_attribution(text);
    assert!(
        content(&d, &a).starts_with("I wanted"),
        "{}",
        content(&d, &a)
    );
}

#[test]
fn a_quote_before_its_tag_is_the_tag_s_words() {
    // The speaker phrase runs back over a title's period, a possessive
    // determiner and a second title; "said Thursday" and "said in the
    // statement" name no speaker after the cue.
    for (text, speaker) in [
        ("\"Today we are trying to pull the pig from the trough,\" Mr. Harrigan said.", "Mr. Harrigan"),
        ("\"Smallpox is not the only threat,\" his introductory statement says.", "his introductory statement"),
        ("\"This sale is part of our efforts,\" chairman and CEO Gary Costley said in a statement.", "chairman and CEO Gary Costley"),
        ("\"I'm absolutely confident we're going to have a bill,\" Frist, R-Tenn., said Thursday.", "Frist"),
        ("\"Demand is rising briskly,\" George Scalise, the SIA's president, said in the statement.", "George Scalise"),
    ] {
        let a = one_attribution(text);
        assert_eq!(a.speaker.as_deref(), Some(speaker), "{text}");
        assert!(a.direct && a.quote.is_some(), "{text}: {a:?}");
    }
}

#[test]
fn a_tex_style_quote_is_a_quote() {
    let text = "Villalona put it more bluntly: ``He did a bad job going up there,'' he said.";
    let a = one_attribution(text);
    assert!(a.direct, "{a:?}");
    assert_eq!(
        a.quote.map(|q| q.text).as_deref(),
        Some("He did a bad job going up there")
    );
    // Backticks that open nothing leave the text as it is.
    let d = run(&["The command `ls` lists files, the manual says."]);
    assert!(attributions(&d, 0).iter().all(|a| !a.direct));
}
