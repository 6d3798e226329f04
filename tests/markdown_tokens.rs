//! The tokens every stage reads come from one text: a sentence written with
//! Markdown emphasis aligns, diffs and compares exactly like its plain twin.

use newsdiff::{compare_texts, Options};

const PLAIN: &str = "The Bank of England raised rates to 5.25% on Thursday, the BoE said.\n\n\
    Governor Andrew Bailey said inflation was \"still far too high\".\n";
const MARKED: &str =
    "The **Bank of England** raised _rates_ to 5.25% on *Thursday*, the BoE said.\n\n\
    Governor **Andrew Bailey** said inflation was \"still _far_ too high\".\n";
const OTHER: &str = "Rates rose to 5.25% on Thursday, the BoE said.\n\n\
    Andrew Bailey, the governor, said inflation was \"too high\".\n";

#[test]
fn an_emphasised_sentence_aligns_and_diffs_like_its_plain_twin() {
    let options = Options::default();
    let plain = compare_texts("a", PLAIN, "b", OTHER, &options);
    let marked = compare_texts("a", MARKED, "b", OTHER, &options);
    assert_eq!(plain.pairs.len(), 2);
    for (p, m) in plain.pairs.iter().zip(&marked.pairs) {
        assert_eq!((&p.left, &p.right), (&m.left, &m.right));
        assert_eq!(p.similarity, m.similarity);
        let text = |ops: &[newsdiff::model::report::DiffOp]| {
            ops.iter()
                .map(|o| format!("{:?}:{}", o.op, o.text))
                .collect::<Vec<_>>()
        };
        assert_eq!(text(&p.diff), text(&m.diff));
    }
    let json = |r: &newsdiff::Report| {
        let mut v = serde_json::to_value(&r.facts).unwrap_or_default();
        // Spans and texts as written differ; the findings must not.
        strip(&mut v);
        v
    };
    assert_eq!(json(&plain), json(&marked));
    assert_eq!(
        plain.attribution_changes.len(),
        marked.attribution_changes.len()
    );
}

fn strip(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.remove("text");
            map.remove("left_text");
            map.remove("right_text");
            map.values_mut().for_each(strip);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}
