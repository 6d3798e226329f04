//! gum-news (`<doc>.json` with gold spans) → extraction figures of `extract`.
//!
//! Matching rule (span overlap, one-to-one): a predicted span and a gold item
//! match when they share at least one byte (half-open ranges, code-point
//! offsets converted to bytes); each prediction and each gold item is used at
//! most once, largest overlap first ([`super::metrics::match_spans`]).
//! Precision = matched / predicted, recall = matched / gold.
//! - cue: `Attribution::cue_span` vs each relation's `cue` spans; recall on
//!   the cue-bearing relations only (relations without a marked cue — caption
//!   credits, "X: …" — are left out);
//! - speaker: `Attribution::speaker_span` vs each relation's `source` spans
//!   (all relations);
//! - content: `Attribution::content_span` (or the quote span when no content
//!   span is set) vs each relation's `content_edus`;
//! - quote: `Quote::span` of attributions vs gold `quotes` (gold spans include
//!   the quotation marks, newsdiff's exclude them: overlap still holds);
//! - date: `DateClaim::span` vs `dates`; number: `NumberClaim::span` vs
//!   `numbers`;
//! - entity: `EntityClaim::span` vs gold person/organization/place mentions
//!   that start with an upper-case letter and are not inside another such
//!   mention (GUM marks common-noun phrases and nested mentions too).

use super::metrics::{match_spans, Confusion};
use super::{char_to_byte, read_json_folder, Config, Table};
use anyhow::{bail, Result};
use newsdiff::model::Claim;
use rayon::prelude::*;
use serde::Deserialize;
use std::path::Path;

/// A gold span (code points into `text`).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldSpan {
    /// `[start, end)` in code points.
    pub span: [usize; 2],
}

/// One gold attribution relation.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldAttribution {
    /// The content unit plus its `same-unit` continuations.
    #[serde(default)]
    pub content_edus: Vec<GoldSpan>,
    /// Source (speaker) spans.
    #[serde(default)]
    pub source: Vec<GoldSpan>,
    /// Cue spans (may be empty).
    #[serde(default)]
    pub cue: Vec<GoldSpan>,
}

/// A gold entity mention.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    /// person, organization, place, …
    #[serde(rename = "type")]
    pub kind: String,
    /// As written.
    pub text: String,
    /// `[start, end)` in code points.
    pub span: [usize; 2],
}

/// One article with its gold annotations.
#[derive(Debug, Clone, Deserialize)]
pub struct Article {
    /// GUM document id.
    pub doc_id: String,
    /// The article text.
    pub text: String,
    /// Attribution relations.
    pub attributions: Vec<GoldAttribution>,
    /// Quotations.
    pub quotes: Vec<GoldSpan>,
    /// Dates.
    pub dates: Vec<GoldSpan>,
    /// Number runs.
    pub numbers: Vec<GoldSpan>,
    /// Entity mentions.
    pub entities: Vec<GoldEntity>,
}

/// The kinds of span scored, in table order.
const KINDS: [(&str, &str); 7] = [
    ("cue", "attribution cue"),
    ("speaker", "attribution speaker"),
    ("content", "attribution content"),
    ("quote", "quote"),
    ("date", "date"),
    ("number", "number"),
    ("entity", "entity (proper name)"),
];

type Spans = Vec<(usize, usize)>;

/// Reads every `*.json` of `folder`, sorted by name.
pub fn load(folder: &Path) -> Result<Vec<Article>> {
    read_json_folder(folder, "article")
}

/// Evaluates the articles in `folder`.
pub fn evaluate(folder: &Path, _config: &Config) -> Result<Table> {
    let articles = load(folder)?;
    let per_article: Vec<Vec<Confusion>> = articles
        .par_iter()
        .map(score_article)
        .collect::<Result<_>>()?;
    let mut table = Table::new("gum-news", &folder.display().to_string());
    table.items = format!("{} articles", articles.len());
    for (k, (key, label)) in KINDS.iter().enumerate() {
        let mut total = Confusion::default();
        for c in &per_article {
            total += c[k];
        }
        table.count(
            &format!("{key}_gold"),
            &format!("{label}: gold"),
            total.true_positive + total.false_negative,
        );
        table.count(
            &format!("{key}_predicted"),
            &format!("{label}: predicted"),
            total.true_positive + total.false_positive,
        );
        table.prf(key, label, &total);
    }
    table.note("match = spans overlap by at least one byte, one-to-one, largest overlap first (code-point offsets converted to bytes)");
    table.note("cue recall counts only relations with a marked cue; speaker and content count every relation");
    table.note("quote: attribution quote spans vs gold <quote>/<q> (marks included in gold, excluded in newsdiff)");
    table.note(
        "entity gold: person/organization/place mentions starting upper-case, outermost only",
    );
    Ok(table)
}

fn score_article(article: &Article) -> Result<Vec<Confusion>> {
    let bytes = char_to_byte(&article.text);
    let to_bytes = |s: &[usize; 2]| -> Result<(usize, usize)> {
        match (bytes.get(s[0]), bytes.get(s[1])) {
            (Some(&a), Some(&b)) if a <= b => Ok((a, b)),
            _ => bail!("{}: span {:?} outside the text", article.doc_id, s),
        }
    };
    let items = |spans: &[GoldSpan]| -> Result<Vec<Spans>> {
        spans.iter().map(|g| Ok(vec![to_bytes(&g.span)?])).collect()
    };
    let pieces =
        |spans: &[GoldSpan]| -> Result<Spans> { spans.iter().map(|g| to_bytes(&g.span)).collect() };
    let with_cue: Vec<&GoldAttribution> = article
        .attributions
        .iter()
        .filter(|a| !a.cue.is_empty())
        .collect();
    let entity_gold: Vec<(usize, usize)> = {
        let names: Vec<(usize, usize)> = article
            .entities
            .iter()
            .filter(|e| matches!(e.kind.as_str(), "person" | "organization" | "place"))
            .filter(|e| e.text.chars().next().is_some_and(char::is_uppercase))
            .map(|e| to_bytes(&e.span))
            .collect::<Result<_>>()?;
        names
            .iter()
            .copied()
            .filter(|&(s, e)| {
                !names
                    .iter()
                    .any(|&(os, oe)| os <= s && e <= oe && (os, oe) != (s, e))
            })
            .collect()
    };
    let gold: Vec<Vec<Spans>> = vec![
        with_cue
            .iter()
            .map(|a| pieces(&a.cue))
            .collect::<Result<_>>()?,
        article
            .attributions
            .iter()
            .map(|a| pieces(&a.source))
            .collect::<Result<_>>()?,
        article
            .attributions
            .iter()
            .map(|a| pieces(&a.content_edus))
            .collect::<Result<_>>()?,
        items(&article.quotes)?,
        items(&article.dates)?,
        items(&article.numbers)?,
        entity_gold.iter().map(|&s| vec![s]).collect(),
    ];

    let doc = newsdiff::analyse(&article.doc_id, &article.text);
    let mut predicted: Vec<Spans> = vec![Vec::new(); KINDS.len()];
    for claim in doc.sentences.iter().flat_map(|s| &s.claims) {
        match claim {
            Claim::Attribution(a) => {
                predicted[0].push((a.cue_span.start, a.cue_span.end));
                if let Some(s) = a.speaker_span {
                    predicted[1].push((s.start, s.end));
                }
                if let Some(s) = a.content_span.or(a.quote.as_ref().map(|q| q.span)) {
                    predicted[2].push((s.start, s.end));
                }
                if let Some(q) = &a.quote {
                    predicted[3].push((q.span.start, q.span.end));
                }
            }
            Claim::Date(d) => predicted[4].push((d.span.start, d.span.end)),
            Claim::Number(n) => predicted[5].push((n.span.start, n.span.end)),
            Claim::Entity(e) => predicted[6].push((e.span.start, e.span.end)),
        }
    }
    // Two attributions can share one quote or cue: score each span once.
    for spans in &mut predicted {
        spans.sort_unstable();
        spans.dedup();
    }
    Ok(predicted
        .iter()
        .zip(&gold)
        .map(|(p, g)| {
            let matched = match_spans(p, g);
            Confusion {
                true_positive: matched,
                false_positive: p.len() - matched,
                false_negative: g.len() - matched,
                true_negative: 0,
            }
        })
        .collect())
}
