//! Tests of the attribution comparison: the rules on two attributions,
//! then whole pipelines on pairs of short texts.

use super::*;

mod rules {
    use super::*;

    fn said_by(speaker: &str) -> Attribution {
        let span = crate::model::Span::new(0, 0);
        Attribution {
            speaker: Some(speaker.to_string()),
            speaker_key: None,
            cue: "said".into(),
            cue_lemma: "say".into(),
            cue_span: span,
            speaker_span: None,
            quote: None,
            direct: false,
            content_span: None,
            speaker_resolved: None,
        }
    }

    #[test]
    fn unresolved_pronoun_is_the_same_speaker_as_itself() {
        // Regression: "he" with no antecedent has no key and no content
        // word, and was reported as "speaker changed: he → he".
        assert!(same_speaker(&said_by("he"), &said_by("He")));
        assert!(!same_speaker(&said_by("he"), &said_by("she")));
        assert!(same_speaker(
            &said_by("the Kremlin's envoy"),
            &said_by("the Kremlin's special envoy")
        ));
    }

    #[test]
    fn quote_style_and_case_are_not_alterations() {
        assert_eq!(
            text_quote_words("We understand, that’s all."),
            text_quote_words("we understand that's all")
        );
        assert_ne!(
            text_quote_words("we need to interact"),
            text_quote_words("we have to communicate")
        );
    }

    #[test]
    fn only_names_make_a_speaker_change() {
        assert!(is_name("Genesee County Sheriff Robert J Pickell"));
        assert!(is_name("UNICEF"));
        assert!(is_name("Moira Austin of the Anaphylaxis Campaign"));
        for not_a_name in [
            "The judge",
            "he",
            "She",
            "Iran's seismologic center",
            "state media",
            "a senior scientist at Carnegie Mellon's Robotics Institute",
        ] {
            assert!(!is_name(not_a_name), "{not_a_name}");
        }
    }

    #[test]
    fn two_names_sharing_a_place_are_two_speakers() {
        // Regression: "Genesee County" made Gage and Pickell one speaker.
        let mut gage = said_by("Genesee County Undersheriff James Gage");
        gage.speaker_key = Some("gage".into());
        let mut pickell = said_by("Genesee County Sheriff Robert J Pickell");
        pickell.speaker_key = Some("pickell".into());
        assert!(!same_speaker(&gage, &pickell));
    }

    #[test]
    fn british_spelling_is_not_an_alteration() {
        // Regression: "realized" / "realised" was an altered quote.
        assert_eq!(
            text_quote_words("He probably realized the colour"),
            text_quote_words("He probably realised the color")
        );
        assert_ne!(
            text_quote_words("four hours"),
            text_quote_words("for hours")
        );
    }

    #[test]
    fn an_excerpt_or_a_split_quote_is_not_altered() {
        let whole = text_quote_words(
            "the Act has protected wildlife, and we should improve it, not weaken it",
        );
        assert!(!altered(
            &whole,
            &text_quote_words("we should improve it, not weaken it")
        ));
        assert!(!altered(
            &whole,
            &text_quote_words("The Act has protected wildlife.")
        ));
        assert!(altered(
            &text_quote_words("we will not raise taxes"),
            &text_quote_words("we will raise taxes")
        ));
    }

    #[test]
    fn a_hyphen_or_an_abbreviated_month_is_not_an_alteration() {
        // MSRP: both were altered quotes.
        assert!(!altered(
            &text_quote_words("we are not co-mingling appropriated and non-appropriated funds"),
            &text_quote_words("we are not comingling appropriated and nonappropriated funds")
        ));
        assert!(!altered(
            &text_quote_words("the tragic terrorist attacks of September 11, 2001"),
            &text_quote_words("the tragic terrorist attacks of Sept. 11, 2001")
        ));
        assert!(altered(
            &text_quote_words("the attacks of September 11"),
            &text_quote_words("the attacks of October 11")
        ));
    }
}

mod pipeline {
    use crate::model::report::{AttributionChange, AttributionChangeKind as Kind};

    fn changes(left: &str, right: &str) -> Vec<AttributionChange> {
        crate::compare_texts("l.txt", left, "r.txt", right, &crate::Options::default())
            .attribution_changes
    }

    fn kinds(left: &str, right: &str) -> Vec<Kind> {
        changes(left, right).iter().map(|c| c.kind).collect()
    }

    #[test]
    fn pronoun_speaker_is_reported_by_name() {
        let found = changes(
            "Putin said the talks would start on Tuesday.\n\nHe said they had plans to move between countries.",
            "Putin said the talks would start on Tuesday.\n\nHe pointed out that they had plans to move between countries.",
        );
        let cue = found
            .iter()
            .find(|c| c.kind == Kind::CueChanged)
            .expect("a cue change");
        assert_eq!(cue.speaker.as_deref(), Some("Putin"));
        assert_eq!(cue.speaker_as_written.as_deref(), Some("He"));
    }

    #[test]
    fn speaker_named_in_other_wording_is_no_added_credit() {
        // Regression: "claims from the government's lawyers that …" carries
        // the credit as a noun; "the government said" added nothing.
        let found = kinds(
            "The court rejected claims from the government's lawyers that too much time had passed since the war.",
            "The government's lawyers said that too much time had passed since the war.",
        );
        assert!(!found.contains(&Kind::AttributionAdded), "{found:?}");
    }

    #[test]
    fn descriptor_against_name_is_no_speaker_change() {
        let found = kinds(
            "The judge said in 2011 that there was evidence of systematic torture of detainees.",
            "McCombe said in 2011 that there was evidence of systematic torture of detainees.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn two_names_for_one_statement_are_a_speaker_change() {
        let found = kinds(
            "Deputies chased him at speeds of more than 100 mph before he pulled over, Undersheriff James Gage said.",
            "Deputies chased him at speeds of more than 100 mph before he pulled over, Sheriff Robert Pickell said.",
        );
        assert_eq!(found, vec![Kind::SpeakerChanged]);
    }

    #[test]
    fn one_name_spelled_two_ways_is_one_speaker() {
        for (left, right) in [
            (
                "\"It was never our intention to sell the product,\" said Health Minister Anne McClellan.",
                "\"It was never our intention to sell the product,\" Health Minister Anne McLellan said.",
            ),
            (
                "Hines died of cancer on Saturday in Los Angeles, publicist Allen Eichhorn said.",
                "Hines died of cancer on Saturday in Los Angeles, publicist Allen Eichorn said.",
            ),
        ] {
            let found = kinds(left, right);
            assert!(!found.contains(&Kind::SpeakerChanged), "{right}: {found:?}");
        }
        // A short name one letter off is another name.
        let found = kinds(
            "Deputies chased him for ten miles before he pulled over, Sheriff Tom Bell said.",
            "Deputies chased him for ten miles before he pulled over, Sheriff Tom Bull said.",
        );
        assert_eq!(found, vec![Kind::SpeakerChanged]);
    }

    #[test]
    fn a_quote_and_another_statement_are_not_made_indirect() {
        // Regression: "he added: "We never meant to deceive them"" against
        // "he said that the group had betrayed its customers" was a quote
        // made indirect and a cue change.
        let found = kinds(
            "Days later, Desaki resigned, conceding that the group had betrayed its customers, although he added: \"We never had the intention to deceive them.\"",
            "Days later, Desaki resigned – he said that the group had betrayed its customers.",
        );
        assert!(!found.contains(&Kind::QuoteMadeIndirect), "{found:?}");
        assert!(!found.contains(&Kind::CueChanged), "{found:?}");
        let found = kinds(
            "Tamir said: \"This temporary workaround is like applying a Band-Aid to a wound.\"",
            "Tamir said that the patch is a temporary workaround, like applying a Band-Aid to a wound.",
        );
        assert_eq!(found, vec![Kind::QuoteMadeIndirect]);
    }

    #[test]
    fn a_quote_made_indirect_is_not_also_an_omitted_quote() {
        let report = crate::compare_texts(
            "l.txt",
            "Tamir said: \"This temporary workaround is like applying a Band-Aid to a wound.\"",
            "r.txt",
            "Tamir said that the patch is a temporary workaround, like applying a Band-Aid to a wound.",
            &crate::Options::default(),
        );
        assert_eq!(report.attribution_changes.len(), 1);
        assert!(
            report
                .facts
                .omitted
                .iter()
                .all(|f| f.kind != crate::model::report::FactKind::Quote),
            "{:?}",
            report.facts.omitted
        );
    }

    #[test]
    fn a_credit_added_to_words_quoted_on_both_sides_is_no_added_credit() {
        // Regression: the left quotes the mayor's words in a quotation
        // credited a paragraph before; the right names him in the sentence.
        let found = kinds(
            "\"The work I can create, as mayor, is temporary and it will not last.",
            "But Piscedda says, \"The work I can create, as mayor, is temporary and it will not last.",
        );
        assert!(!found.contains(&Kind::AttributionAdded), "{found:?}");
    }

    #[test]
    fn a_hedge_dropped_or_added_is_a_credit_change() {
        let found = changes(
            "Three climbers with Mr Buckley were said to have been rescued after a night on the mountain.",
            "Three climbers who were with Mr Buckley were rescued after a night on the mountain.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, Kind::AttributionDropped);
        assert_eq!(found[0].left_cue.as_deref(), Some("said to"));
        let found = kinds(
            "Microsoft has released a temporary patch for its browser.",
            "Microsoft has reportedly issued a temporary patch for its browser.",
        );
        assert_eq!(found, vec![Kind::AttributionAdded]);
        // A clause cut with its hedge is an omission.
        let found = kinds(
            "The building houses law offices and the accounting firm where the shooting was believed to have occurred.",
            "The building houses law offices and the accounting firm.",
        );
        assert!(found.is_empty(), "{found:?}");
        // Both hedged: nothing.
        let found = kinds(
            "Microsoft has reportedly released a temporary patch for its browser.",
            "Microsoft has allegedly issued a temporary patch for its browser.",
        );
        assert!(found.is_empty(), "{found:?}");
        // A hedge traded for a likelihood still hedges: nothing.
        let found = kinds(
            "The intended target is thought to have been a government building.",
            "The intended target was probably a government building.",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = kinds(
            "The target may have been a government building.",
            "The target was reportedly a government building.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_hedge_in_a_clause_with_its_who_left_out_is_a_hedge() {
        let found = kinds(
            "Fred LaRue, an official who was among those rumored to be Deep Throat, has died.",
            "Fred LaRue, an official who once was rumored to be Deep Throat, has died.",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = changes(
            "Police arrested a man believed to be the gunman near the station on Friday.",
            "Police arrested the gunman near the station on Friday.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].left_cue.as_deref(), Some("believed to"));
    }

    #[test]
    fn a_response_in_deeds_is_no_statement() {
        let found = kinds(
            "Owen says the Mat Su Central fire department responded with ladder trucks.",
            "The Mat Su Central fire department joined Palmer firefighters with ladder trucks, Owen says.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn two_statements_about_one_name_are_no_changed_cue() {
        let found = kinds(
            "Although LaRue denied it, Woodward and Bernstein have insisted Deep Throat was one person.",
            "LaRue denied it, and Woodward said he will not reveal the name until after Deep Throat dies.",
        );
        assert!(!found.contains(&Kind::CueChanged), "{found:?}");
        let found = kinds(
            "The coroner said he believes LaRue died Saturday of natural causes.",
            "The coroner said he thinks LaRue died Saturday of natural causes.",
        );
        assert_eq!(found, vec![Kind::CueChanged]);
    }

    #[test]
    fn a_framing_adverb_changes_the_cue() {
        let found = changes(
            "LaRue said he advised against the burglary.",
            "LaRue always said he advised against the burglary.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, Kind::CueChanged);
        assert_eq!(found[0].detail, "\"said\" became \"always said\"");
        // A time adverb is no framing.
        let found = kinds(
            "LaRue said he advised against the burglary.",
            "LaRue later said he advised against the burglary.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_credit_reworded_as_another_source_is_neither_dropped_nor_added() {
        // "according to an analysis" → "says a study": one credit on each
        // side for the same statement.
        let found = kinds(
            "That is what most lottery millionaires do, according to an analysis of spending by jackpot winners.",
            "That is what most lottery millionaires do, says a study of what jackpot winners do with their money.",
        );
        assert!(
            !found.contains(&Kind::AttributionDropped) && !found.contains(&Kind::AttributionAdded),
            "{found:?}"
        );
        // A plural speaker the lists lack still credits the statement.
        let found = kinds(
            "Opinion polls show healthy eating is the key reason cited by shoppers for buying organic produce.",
            "Shoppers say that healthy eating is the main reason they buy organic food.",
        );
        assert!(!found.contains(&Kind::AttributionDropped), "{found:?}");
    }

    #[test]
    fn a_coach_is_a_speaker_and_a_mended_apostrophe_no_new_one() {
        // "said Bilbreys coach" read "Bilbreys" as the speaker, and the
        // edit that mended the apostrophe as a speaker change.
        let found = kinds(
            "\"If you ask me, he is that one,\" said Bilbreys coach, Joe Zemaitis.",
            "\"If you ask me, he is that one,\" said Bilbrey's coach, Joe Zemaitis.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_real_dropped_credit_is_still_found() {
        let found = kinds(
            "His body was recovered by rescuers on Sunday afternoon, according to local media reports.",
            "His body was recovered by rescuers on Sunday afternoon.",
        );
        assert_eq!(found, vec![Kind::AttributionDropped]);
    }

    #[test]
    fn a_dropped_credit_reads_as_the_text_wrote_it() {
        // Was "the text of prepared according to": the cue after its
        // source, and the phrase cut at "remarks", a form of "remark".
        let found = changes(
            "NATO will take a greater role, Powell said, according to the text of prepared remarks seen by Reuters.",
            "NATO will take a greater role, Powell said in a speech.",
        );
        let details: Vec<&str> = found.iter().map(|c| c.detail.as_str()).collect();
        assert_eq!(
            details,
            ["source credit dropped: according to the text of prepared remarks"]
        );
        let found = changes(
            "The rate has tripled, Lieberman said.",
            "The rate has tripled.",
        );
        assert_eq!(found[0].detail, "source credit dropped: Lieberman said");
    }
}

#[test]
fn a_group_has_the_folded_words_of_its_sentences_only() {
    let doc = crate::analyse("t", "The Kremlin's envoy spoke.\n\nRain fell on Kabul.");
    let side = Side::new(&doc, &[0]);
    assert!(side.has_word("kremlin") && side.has_word("envoy"));
    assert!(!side.has_word("Kremlin") && !side.has_word("kabul"));
}

#[test]
fn a_credit_to_an_agency_spelled_out_on_the_other_side_is_kept() {
    let changes_of = |left: &str, right: &str| {
        crate::compare_texts("l.txt", left, "r.txt", right, &crate::Options::default())
            .attribution_changes
    };
    // The right names the USGS by its full name as the subject: the
    // statement is still credited to it, not dropped.
    let changes = changes_of(
        "The USGS said the quake was 35 miles southwest of Bandar Abbas.",
        "The US Geological Survey put the epicentre at about 58km south-west of Bandar Abbas.",
    );
    assert!(
        !changes
            .iter()
            .any(|c| c.kind == crate::model::report::AttributionChangeKind::AttributionDropped),
        "{changes:#?}"
    );
    // And the other way: a spelled-out name given as its acronym.
    let changes = changes_of(
        "The World Health Organization said the outbreak had slowed in the capital.",
        "The outbreak in the capital has slowed, according to WHO figures released today.",
    );
    assert!(
        !changes
            .iter()
            .any(|c| c.kind == crate::model::report::AttributionChangeKind::AttributionDropped),
        "{changes:#?}"
    );
}
