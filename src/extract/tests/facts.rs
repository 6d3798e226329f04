//! Numbers, dates and entities.

use super::{dates, entities, numbers, run};

#[test]
fn seed_war_figures() {
    let d = run(&["In the 1980s, Moscow fought a disastrous decade-long war in Afghanistan that killed up to two million Afghans, forced seven million more from their homes and led to the deaths of more than 14,000 Soviet troops."]);
    let n = numbers(&d, 0);
    let got: Vec<(f64, Option<&str>, Option<&str>)> = n
        .iter()
        .map(|n| (n.value, n.qualifier.as_deref(), n.unit.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (2e6, Some("up to"), Some("afghan")),
            (7e6, None, None),
            (14000.0, Some("more than"), Some("troop")),
        ]
    );
    let x = dates(&d, 0);
    assert_eq!(
        (x[0].text.as_str(), x[0].key.as_str()),
        ("the 1980s", "1980s")
    );
    assert_eq!(x.len(), 1);
}

#[test]
fn numbers_values() {
    let d = run(&["Some 2.5 and 1,234.5 and twenty-five, a hundred, one and a half million, $5bn and 40% of them."]);
    let v: Vec<f64> = numbers(&d, 0).iter().map(|n| n.value).collect();
    assert_eq!(v, [2.5, 1234.5, 25.0, 100.0, 1.5e6, 5e9, 40.0]);
    assert_eq!(numbers(&d, 0)[0].qualifier.as_deref(), Some("some"));
    assert_eq!(numbers(&d, 0)[5].unit.as_deref(), Some("$"));
    assert_eq!(numbers(&d, 0)[6].unit.as_deref(), Some("%"));
}

#[test]
fn not_numbers() {
    let d = run(&[
        "One of the men came in 2021, a day later than COVID-19 rules allowed, see example.com/2021/10.",
        "Tens of thousands and dozens of people fled; one person stayed.",
    ]);
    assert!(numbers(&d, 0).is_empty(), "{:?}", numbers(&d, 0));
    let v: Vec<(f64, bool)> = numbers(&d, 1).iter().map(|n| (n.value, n.vague)).collect();
    assert_eq!(v, [(1e4, true), (12.0, true), (1.0, false)]);
}

#[test]
fn date_keys() {
    let d = run(&[
        "It began in mid-August and ended on October 15, 2021, not 15 October 2021 or October 2021.",
        "Talks open on Friday, the next day, a day later, in early March and in 2021.",
        "Sales rose from a year earlier, from a year ago, from the year before and from the year-ago quarter.",
    ]);
    let keys = |i| {
        dates(&d, i)
            .iter()
            .map(|x| x.key.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(0), ["mid-08", "2021-10-15", "2021-10-15", "2021-10"]);
    assert_eq!(
        keys(1),
        ["friday", "next-day", "next-day", "early-03", "2021"]
    );
    assert_eq!(keys(2), ["previous-year"; 4]);
    assert_eq!(dates(&d, 0)[0].text, "mid-August");
}

#[test]
fn a_whole_month_name_leaves_the_full_stop_to_the_sentence() {
    let d = run(&[
        "The Duchess gave birth to a son on Monday, 22 July.",
        "The talks opened on Oct. 12 and closed in Sept. this year.",
    ]);
    let texts = |i| {
        dates(&d, i)
            .iter()
            .map(|x| x.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(0), ["Monday", "22 July"]);
    assert_eq!(texts(1)[0], "Oct. 12");
}

#[test]
fn entity_keys_share_aliases_and_family_names() {
    let d = run(&[
        "Russian President Vladimir Putin spoke about the Islamic State and ISIS.",
        "Putin said IS was in the United States, not the U.S. or the Commonwealth of Independent States (CIS).",
    ]);
    let keys = |i| {
        entities(&d, i)
            .iter()
            .map(|e| e.key.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(0), ["putin", "islamic state", "islamic state"]);
    assert_eq!(
        keys(1),
        [
            "putin",
            "islamic state",
            "united states",
            "united states",
            "commonwealth of independent states",
            "commonwealth of independent states"
        ]
    );
    assert_eq!(entities(&d, 0)[0].text, "Russian President Vladimir Putin");
}

#[test]
fn entities_skip_sentence_starters_and_possessives() {
    let d = run(&[
        "Terrorists are seeking to enter the Kremlin's territory.",
        "The Taliban, which seized Kabul, met Zamir Kabulov.",
        "Kabulov left.",
    ]);
    let texts = |i| {
        entities(&d, i)
            .iter()
            .map(|e| (e.text.clone(), e.key.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(0), [("Kremlin".to_string(), "kremlin".to_string())]);
    assert_eq!(
        texts(1)[2],
        ("Zamir Kabulov".to_string(), "kabulov".to_string())
    );
    assert_eq!(texts(2), [("Kabulov".to_string(), "kabulov".to_string())]);
}

#[test]
fn quoted_person_keys_their_full_name_by_family_name() {
    let d = run(&["Talks start on Tuesday, according to the Kremlin's special envoy on the Afghan file, Zamir Kabulov."]);
    let e = entities(&d, 0);
    let kabulov = e
        .iter()
        .find(|e| e.text == "Zamir Kabulov")
        .expect("entity");
    assert_eq!(kabulov.key, "kabulov");
}

#[test]
fn middle_initials_and_title_abbreviations_stay_inside_the_name() {
    let d = run(&[
        "The rule came before Harold W. Brandt left office, said Sgt. Mira Oakes of the U.S. Forest Service.",
        "Brandt and Oakes met Robert J Kowal.",
    ]);
    let texts: Vec<(String, String)> = entities(&d, 0)
        .iter()
        .map(|e| (e.text.clone(), e.key.clone()))
        .collect();
    assert_eq!(
        texts,
        [
            ("Harold W. Brandt".to_string(), "brandt".to_string()),
            ("Sgt. Mira Oakes".to_string(), "oakes".to_string()),
            (
                "U.S. Forest Service".to_string(),
                "us forest service".to_string()
            ),
        ]
    );
    assert_eq!(entities(&d, 1)[2].text, "Robert J Kowal");
}

#[test]
fn junk_entities_are_dropped() {
    let d = run(&[
        "\"I'm sure,\" said the Prime Minister, and the North voted at 2:48 PM ET.",
        "Never before had Lt. spoken.",
    ]);
    let texts = |i| {
        entities(&d, i)
            .iter()
            .map(|e| e.text.clone())
            .collect::<Vec<_>>()
    };
    assert!(texts(0).is_empty(), "{:?}", texts(0));
    assert!(texts(1).is_empty(), "{:?}", texts(1));
}

#[test]
fn state_abbreviation_after_a_place_is_keyed_by_the_state() {
    let d = run(&["He died in Biloxi, Miss., after the Miss America show."]);
    let keys: Vec<String> = entities(&d, 0).iter().map(|e| e.key.clone()).collect();
    assert_eq!(keys[..2], ["biloxi", "mississippi"]);
    assert_ne!(keys[2], "mississippi");
}

#[test]
fn title_then_affiliation_keys_by_the_family_name() {
    let d = run(&[
        "Professor Lena Marsh of Dunmore University and the Secretary of the Harbour Board spoke.",
    ]);
    let keys: Vec<String> = entities(&d, 0).iter().map(|e| e.key.clone()).collect();
    assert_eq!(keys[0], "marsh");
    // No name after the title: the affiliation is not a family name.
    assert_ne!(keys[1], "board");
}

#[test]
fn crosshead_in_capitals_is_no_entity() {
    let d = run(&["ON DEADLINE: Live updates from NASA and the FBI"]);
    let texts: Vec<String> = entities(&d, 0).iter().map(|e| e.text.clone()).collect();
    assert_eq!(texts, ["NASA", "FBI"]);
}

#[test]
fn a_name_ends_at_a_line_break() {
    let d = run(&["Supertrees\nSingapore has built them."]);
    let texts: Vec<String> = entities(&d, 0).iter().map(|e| e.text.clone()).collect();
    assert!(!texts.iter().any(|t| t.contains('\n')), "{texts:?}");
}

#[test]
fn usa_today_is_a_newspaper_not_the_united_states() {
    let d = run(&["He told USA Today that the plan had failed."]);
    let keys: Vec<String> = entities(&d, 0).iter().map(|e| e.key.clone()).collect();
    assert_eq!(keys, ["usa today"]);
}

#[test]
fn today_in_a_name_is_no_date() {
    // Regression: "USA Today" gave an omitted date "Today".
    let d = run(&[
        "He told USA Today that the plan had failed.",
        "Today the council meets again, and it votes today.",
    ]);
    assert!(dates(&d, 0).is_empty(), "{:?}", dates(&d, 0));
    let keys: Vec<String> = dates(&d, 1).iter().map(|x| x.key.clone()).collect();
    assert_eq!(keys, ["today", "today"]);
}

#[test]
fn word_after_an_opening_single_quote_is_a_clause_start() {
    let d = run(&["The investors say, 'Great idea but no market,' and leave."]);
    assert!(entities(&d, 0).is_empty(), "{:?}", entities(&d, 0));
}

#[test]
fn claims_of_short_sentences_take_no_spare_room() {
    // Regression: a text of abbreviations ("U.S. A.B. Jan. 5.") is
    // hundreds of thousands of one-claim sentences, and a claim buffer
    // grown from empty has room for four: 4 MB of it peaked near 1.8 GB.
    let d = run(&[
        "U.S.",
        "Jan. 5.",
        "Putin said 2,000 people met Obama in Paris on Friday.",
        "No claim here.",
    ]);
    let claims: Vec<usize> = d.sentences.iter().map(|s| s.claims.len()).collect();
    assert_eq!(claims[..2], [1, 1]);
    assert!(claims[2] >= 4, "{claims:?}");
    for s in &d.sentences {
        assert_eq!(s.claims.capacity(), s.claims.len(), "{:?}", s.text);
    }
}

#[test]
fn a_plural_that_opens_the_sentence_is_not_part_of_the_name_after_of() {
    let d = run(&[
        "Supporters of the Labour Party marched through the city.",
        "Employees of the European Commission must delete the app.",
        "The Bank of England raised rates, and Bank of America followed.",
    ]);
    let texts = |i| {
        entities(&d, i)
            .iter()
            .map(|e| e.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(0), ["Labour Party"]);
    assert_eq!(texts(1), ["European Commission"]);
    // A singular head is the name's own word.
    assert_eq!(texts(2), ["Bank of England", "Bank of America"]);
}

/// The entity texts of a one-sentence text.
fn entity_texts(text: &str) -> Vec<String> {
    let d = run(&[text]);
    super::entities(&d, 0)
        .iter()
        .map(|e| e.text.clone())
        .collect()
}

#[test]
fn a_body_named_with_and_is_one_entity() {
    assert_eq!(
        entity_texts("Agencies must consult the Fish and Wildlife Service and the National Oceanic and Atmospheric Administration first."),
        ["Fish and Wildlife Service", "National Oceanic and Atmospheric Administration"]
    );
    // Two names, or a country and a body, stay two.
    assert_eq!(
        entity_texts("The talks between Obama and Putin ended on Friday."),
        ["Obama", "Putin"]
    );
    assert_eq!(
        entity_texts("Leaders from Israel and Palestinian Authority officials met on Friday."),
        ["Israel", "Palestinian Authority"]
    );
    assert_eq!(
        entity_texts(
            "Greece asked the European Central Bank and International Monetary Fund for help."
        ),
        ["European Central Bank", "International Monetary Fund"]
    );
}

#[test]
fn a_name_inside_a_common_noun_is_no_entity() {
    assert!(
        entity_texts("Rioters threw Molotov cocktails at the Parliament building.")
            .iter()
            .all(|e| e != "Molotov")
    );
    assert!(
        entity_texts("The quake measured 6.1 on the Richter scale, officials said.")
            .iter()
            .all(|e| e != "Richter")
    );
    // The man himself still is one.
    assert_eq!(
        entity_texts("Charles Richter devised the scale in 1935."),
        ["Charles Richter"]
    );
}

#[test]
fn a_range_first_end_takes_the_second_ends_unit() {
    let d = run(&[
        "They ran from 19 to 69 miles, lost between 30 and 80 pounds, and paid $5 and 40% more.",
    ]);
    let units: Vec<(f64, Option<&str>)> = numbers(&d, 0)
        .iter()
        .map(|n| (n.value, n.unit.as_deref()))
        .collect();
    assert_eq!(
        units,
        [
            (19.0, Some("mi")),
            (69.0, Some("mi")),
            (30.0, Some("pound")),
            (80.0, Some("pound")),
            (5.0, Some("$")),
            (40.0, Some("%")),
        ]
    );
}

#[test]
fn hyphened_scales_fractions_and_currencies_are_amounts() {
    let d = run(&["It cost 38-million euros, 5 1/2 times a 5m-krone budget, 2½ or 2 ½ times more, and 1m krone, but the wave was 60m high."]);
    let v: Vec<(f64, Option<&str>)> = numbers(&d, 0)
        .iter()
        .map(|n| (n.value, n.unit.as_deref()))
        .collect();
    assert_eq!(
        v,
        [
            (38e6, Some("€")),
            (5.5, Some("time")),
            (5e6, None),
            (2.5, None),
            (2.5, Some("time")),
            (1e6, Some("krone")),
            (60.0, Some("m")),
        ]
    );
}
