//! The verdict: one sentence that says what the rewrite did, most severe
//! first, then how much of the story it kept. Written here once, for every
//! renderer that prints a summary (text, github).

use crate::model::report::{
    AttributionChangeKind as Kind, CreditChange, CreditChangeKind, FactKind, MetadataField,
    MoveKind, Report,
};

/// "1 credit change", "2 credit changes".
pub fn counted(n: usize, noun: &str) -> String {
    counted_as(n, noun, &format!("{noun}s"))
}

/// `counted` for a noun whose plural is not a plain "s" ("1 statement is",
/// "1 entry" / "2 entries").
pub(super) fn counted_as(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "the AFP credit", "the AFP and Hoshang Hashimi credits": each credited
/// name once, in report order.
fn credits(changes: &[CreditChange], kind: CreditChangeKind) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    for c in changes.iter().filter(|c| c.kind == kind) {
        if !names.contains(&c.credit) {
            names.push(c.credit.clone());
        }
    }
    match names.len() {
        0 => None,
        1 => Some(format!("the {} credit", names[0])),
        _ => Some(format!("the {} credits", and_list(&names))),
    }
}

/// The verdict on a comparison: "The rewrite alters 3 quotes, drops the
/// AFP and Hoshang Hashimi credits, …; 10 of 20 sentences kept (10
/// reworded), 10 cut, 1 added." Every figure is a count of the report's
/// own lists or summary.
pub fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let attributions = |kind: Kind| {
        report
            .attribution_changes
            .iter()
            .filter(|c| c.kind == kind)
            .count()
    };
    let changed = |pick: &dyn Fn(FactKind) -> bool| {
        report.facts.changed.iter().filter(|c| pick(c.kind)).count()
    };
    let metadata = |field: MetadataField| report.metadata_changes.iter().any(|m| m.field == field);
    let mut did: Vec<String> = Vec::new();
    let mut clause = |n: usize, text: String| {
        if n > 0 {
            did.push(text);
        }
    };
    // Most severe first, as the findings are listed.
    for kind in [FactKind::Number, FactKind::Date, FactKind::Quote] {
        let n = changed(&|k| k == kind);
        clause(n, format!("changes {}", counted(n, kind.name())));
    }
    let n = attributions(Kind::QuoteAltered);
    clause(n, format!("alters {}", counted(n, "quote")));
    let n = changed(&|k| k == FactKind::Polarity);
    clause(n, format!("reverses {}", counted(n, "statement")));
    let n = attributions(Kind::SpeakerChanged);
    clause(
        n,
        format!(
            "credits {} to {}",
            counted(n, "statement"),
            if n == 1 {
                "another speaker"
            } else {
                "other speakers"
            }
        ),
    );
    let n = attributions(Kind::AttributionDropped);
    clause(n, format!("drops {}", counted(n, "attribution")));
    if let Some(names) = credits(&report.credit_changes, CreditChangeKind::CreditDropped) {
        clause(1, format!("drops {names}"));
    }
    let n = attributions(Kind::QuoteMadeIndirect);
    clause(
        n,
        format!("turns {} into reported speech", counted(n, "quote")),
    );
    let n = attributions(Kind::CueChanged);
    clause(n, format!("changes {}", counted(n, "reporting verb")));
    let n = changed(&|k| k == FactKind::Entity);
    clause(n, format!("changes {}", counted(n, "name")));
    clause(
        s.omitted_facts,
        format!("omits {}", counted(s.omitted_facts, "fact")),
    );
    if metadata(MetadataField::Title) {
        clause(1, "changes the headline".to_string());
    }
    clause(
        s.added_facts,
        format!("adds {}", counted(s.added_facts, "fact")),
    );
    let n = attributions(Kind::AttributionAdded);
    clause(n, format!("adds {}", counted(n, "attribution")));
    if let Some(names) = credits(&report.credit_changes, CreditChangeKind::CreditAdded) {
        clause(1, format!("adds {names}"));
    }
    if metadata(MetadataField::Dateline) {
        clause(1, "changes the date line".to_string());
    }
    // Said apart, so a pair lifted over a cut does not read as a reorder.
    let moved = |kind: Option<MoveKind>| {
        report
            .pairs
            .iter()
            .filter(|p| p.moved && p.move_kind == kind)
            .count()
    };
    let n = moved(Some(MoveKind::Reordered));
    clause(n, format!("reorders {}", counted(n, "sentence")));
    let n = moved(Some(MoveKind::Relocated));
    clause(
        n,
        format!(
            "relocates {} past a passage one side lacks",
            counted(n, "sentence")
        ),
    );
    let n = moved(None);
    clause(n, format!("moves {}", counted(n, "sentence")));

    let kept: usize = report.pairs.iter().map(|p| p.left.len()).sum();
    let total = kept + s.left_only;
    let mut story = format!("{kept} of {} kept", counted(total, "sentence"));
    if s.reworded > 0 {
        story.push_str(&format!(" ({} reworded)", s.reworded));
    } else if kept > 0 {
        story.push_str(" word for word");
    }
    if s.left_only > 0 {
        story.push_str(&format!(", {} cut", s.left_only));
    }
    if s.right_only > 0 {
        story.push_str(&format!(", {} added", s.right_only));
    }
    if did.is_empty() {
        if report.has_differences() {
            format!("The rewrite changes no fact or attribution; {story}.")
        } else {
            format!("No differences: {story}.")
        }
    } else {
        format!("The rewrite {}; {story}.", and_list(&did))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn verdict(left: &str, right: &str) -> String {
        summary_line(&crate::compare_texts(
            "l.txt",
            left,
            "r.txt",
            right,
            &Options::default(),
        ))
    }

    #[test]
    fn counts_in_the_singular_and_plural() {
        assert_eq!(counted(1, "failure"), "1 failure");
        assert_eq!(counted(0, "failure"), "0 failures");
        assert_eq!(counted(2, "attribution change"), "2 attribution changes");
    }

    #[test]
    fn lists_read_as_prose() {
        let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        assert_eq!(and_list(&items), "a, b and c");
        assert_eq!(and_list(&items[..2]), "a and b");
    }

    #[test]
    fn identical_texts_have_no_differences() {
        let text = "The council met on Monday. It approved a bridge.";
        assert_eq!(
            verdict(text, text),
            "No differences: 2 of 2 sentences kept word for word."
        );
    }

    #[test]
    fn a_changed_number_and_a_cut_sentence_are_named() {
        let v = verdict(
            "The bridge will cost 12 million euros. The mayor opened it. Rain fell all day in the old town.",
            "The bridge will cost 15 million euros. The mayor opened it.",
        );
        assert!(v.starts_with("The rewrite changes 1 number"), "{v}");
        assert!(
            v.ends_with("2 of 3 sentences kept (1 reworded), 1 cut."),
            "{v}"
        );
    }
}
