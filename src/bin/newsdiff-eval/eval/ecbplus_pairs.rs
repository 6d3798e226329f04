//! ecbplus-pairs (`gold/*.json`, `texts/*.txt`) → how well newsdiff compares
//! two real reports of one story, against hand-made gold: alignment, facts
//! omitted and added, sure-false facts, attribution changes and changed
//! numbers, per pair and pooled over the pairs (micro).
//!
//! Each gold pair's two texts are read as the `newsdiff` command reads its
//! inputs ([`newsdiff::input::decode`], default options) and compared with
//! [`newsdiff::compare_texts`] at the configured threshold. The scoring rule,
//! that of the set's `scripts/score.py`, is in [`super::pair_scoring`].

use super::metrics::{f1, ratio, Confusion};
use super::pair_scoring::{score, Findings, Gold, Score};
use super::table::{Cell, Grid};
use super::{read_json, Config, Table};
use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// One gold pair with its name (the gold file's stem).
struct Item {
    name: String,
    gold: Gold,
}

/// Reads every `gold/*.json` of `folder`, sorted by name.
fn load(folder: &Path) -> Result<Vec<Item>> {
    let dir = folder.join("gold");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        bail!("no .json gold pair in {}", dir.display());
    }
    paths
        .iter()
        .map(|p| {
            Ok(Item {
                name: p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                gold: read_json(p)?,
            })
        })
        .collect()
}

/// Reads one input as the `newsdiff` command does (BOM removed, UTF-8 only).
fn read_input(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    newsdiff::input::decode_owned(bytes, newsdiff::input::DecodeOptions::default())
        .with_context(|| format!("decoding {}", path.display()))
}

/// Compares one gold pair's texts and scores the report.
fn score_item(folder: &Path, item: &Item, config: &Config) -> Result<Score> {
    let paths = [folder.join(&item.gold.left), folder.join(&item.gold.right)];
    let [left, right] = [read_input(&paths[0])?, read_input(&paths[1])?];
    let options = config.options();
    let names = paths.map(|p| p.display().to_string());
    let report = newsdiff::compare_texts(&names[0], &left, &names[1], &right, &options);
    Ok(score(&item.gold, &Findings::from(&report), &left, &right))
}

/// Evaluates the gold pairs of `folder` (the set's folder: `texts/`, `gold/`).
pub fn evaluate(folder: &Path, config: &Config) -> Result<Table> {
    let items = load(folder)?;
    let scores: Vec<Score> = items
        .par_iter()
        .map(|item| score_item(folder, item, config).with_context(|| item.name.clone()))
        .collect::<Result<_>>()?;
    let mut total = Score::default();
    for s in &scores {
        total += s;
    }

    let mut table = Table::new("ecbplus-pairs", &folder.display().to_string());
    table.compared = items.len();
    table.items = format!(
        "{} article pairs with hand-made gold, {} gold sentence pairs, {} gold facts",
        items.len(),
        total.gold_pairs,
        total.omitted_gold + total.added_gold
    );
    figures(&mut table, &total);
    table.grids.push(per_pair(&items, &scores));
    table.note("alignment: distinct (left, right) links, n:m groups expanded; a gold item is located in the first newsdiff sentence containing its substring, and an item no sentence contains counts as missed");
    table.note("a gold fact is found when a reported fact of its side contains it or lies in it (case-insensitive), or when its sentence is reported one side only; fact precision: reported facts matching a gold fact so");
    table.note("sure-false: a reported omitted (added) fact the other text carries as whole words, case-insensitive: a false alarm whatever the gold says");
    table.note("attribution: a gold dropped/added credit is found by a dropped/added credit, quote made indirect or speaker change on its left or right sentence, any other kind by any change on its pair; precision: reported changes on a sentence with a gold change");
    table.note("the figures of scripts/score.py in the set's folder");
    if config.examples > 0 {
        let false_facts = items
            .iter()
            .zip(&scores)
            .flat_map(|(item, s)| s.sure_false.iter().map(move |f| (item, f)));
        for (item, fact) in false_facts.take(config.examples) {
            table
                .examples
                .push(format!("sure-false {fact} ({})", item.name));
        }
        let off_gold = items
            .iter()
            .zip(&scores)
            .flat_map(|(item, s)| s.attribution_off_gold.iter().map(move |a| (item, a)));
        for (item, change) in off_gold.take(config.examples) {
            table
                .examples
                .push(format!("attribution off the gold ({}) {change}", item.name));
        }
    }
    Ok(table)
}

/// The pooled figures.
fn figures(table: &mut Table, t: &Score) {
    table.prf("alignment", "alignment", &t.alignment);
    table.count("gold_pairs", "gold sentence pairs (distinct)", t.gold_pairs);
    table.count(
        "gold_pairs_unlocated",
        "  unlocated: no sentence contains a side (missed)",
        t.unlocated_pairs,
    );
    table.count(
        "moved_found",
        &format!("gold moved pairs marked moved (of {})", t.moved_gold),
        t.moved_found,
    );
    let facts_gold = t.omitted_gold + t.added_gold;
    let facts_found = t.omitted_found + t.added_found;
    table.score(
        "omitted_fact_recall",
        &format!(
            "fact recall, omitted ({}/{})",
            t.omitted_found, t.omitted_gold
        ),
        ratio(t.omitted_found, t.omitted_gold),
    );
    table.score(
        "added_fact_recall",
        &format!("fact recall, added ({}/{})", t.added_found, t.added_gold),
        ratio(t.added_found, t.added_gold),
    );
    table.score(
        "fact_recall",
        &format!("fact recall, pooled ({facts_found}/{facts_gold})"),
        ratio(facts_found, facts_gold),
    );
    table.count("facts_found", "gold facts found", facts_found);
    table.count("facts_reported", "facts reported", t.facts_reported);
    table.score(
        "fact_precision",
        &format!(
            "fact precision vs gold ({}/{})",
            t.facts_on_gold, t.facts_reported
        ),
        ratio(t.facts_on_gold, t.facts_reported),
    );
    table.count("sure_false_facts", "sure-false facts", t.sure_false.len());
    table.score(
        "sure_false_share",
        "  share of the facts reported",
        ratio(t.sure_false.len(), t.facts_reported),
    );
    table.count(
        "attribution_found",
        &format!("gold attribution changes found (of {})", t.attribution_gold),
        t.attribution_found,
    );
    table.score(
        "attribution_recall",
        "attribution-change recall",
        ratio(t.attribution_found, t.attribution_gold),
    );
    table.count(
        "attribution_unlocated",
        "  unlocated (missed)",
        t.attribution_unlocated,
    );
    table.count(
        "attribution_reported",
        "attribution changes reported",
        t.attribution_reported,
    );
    table.score(
        "attribution_precision",
        &format!(
            "attribution-change precision vs gold ({}/{})",
            t.attribution_on_gold, t.attribution_reported
        ),
        ratio(t.attribution_on_gold, t.attribution_reported),
    );
    table.count(
        "changed_numbers_found",
        &format!("gold changed numbers found (of {})", t.numbers_gold),
        t.numbers_found,
    );
    table.score(
        "changed_number_recall",
        "changed-number recall",
        ratio(t.numbers_found, t.numbers_gold),
    );
    table.count(
        "changed_numbers_unlocated",
        "  unlocated (missed)",
        t.numbers_unlocated,
    );
    table.count(
        "changed_numbers_reported",
        "changed numbers reported",
        t.numbers_reported,
    );
    table.score(
        "changed_number_precision",
        &format!(
            "changed-number precision vs gold ({}/{})",
            t.numbers_on_gold, t.numbers_reported
        ),
        ratio(t.numbers_on_gold, t.numbers_reported),
    );
}

/// One row per gold pair.
fn per_pair(items: &[Item], scores: &[Score]) -> Grid {
    let mut grid = Grid::new(
        "per_pair",
        "per pair",
        &[
            ("alignment_precision", "align P"),
            ("alignment_recall", "R"),
            ("alignment_f1", "F1"),
            ("gold_pairs_unlocated", "unlocated"),
            ("omitted_facts", "omitted"),
            ("added_facts", "added"),
            ("facts_on_gold", "precise"),
            ("sure_false", "sure-false"),
            ("attribution", "attribution"),
            ("attribution_on_gold", "attr precise"),
            ("changed_numbers", "numbers"),
        ],
    );
    for (item, s) in items.iter().zip(scores) {
        let a: &Confusion = &s.alignment;
        grid.row(
            &item.name,
            vec![
                Cell::Score(Some(a.precision())),
                Cell::Score(Some(a.recall())),
                Cell::Score(Some(f1(a.precision(), a.recall()))),
                Cell::Count(s.unlocated_pairs),
                Cell::Of(s.omitted_found, s.omitted_gold),
                Cell::Of(s.added_found, s.added_gold),
                Cell::Of(s.facts_on_gold, s.facts_reported),
                Cell::Of(s.sure_false.len(), s.facts_reported),
                Cell::Of(s.attribution_found, s.attribution_gold),
                Cell::Of(s.attribution_on_gold, s.attribution_reported),
                Cell::Of(s.numbers_found, s.numbers_gold),
            ],
        );
    }
    grid
}
