//! Sentence tokens → entity candidates (capitalised names and acronyms),
//! then a document pass that gives every mention of one entity one key.
//!
//! Keys, in order of precedence:
//! 1. the alias table [`alias`] (ISIS/ISIL/IS/Daesh → "islamic state",
//!    US/U.S./USA/America → "united states", …);
//! 2. a demonym standing alone maps to its country ("Russian", "Afghans"
//!    → "russia", "afghanistan"; "Soviet" → "soviet union"), since a report
//!    that writes "Russian officials" and one that writes "officials in
//!    Russia" mention the same entity;
//! 3. a name after a title ("President Vladimir Putin") is a person, keyed
//!    by the family name ("putin");
//! 4. otherwise the folded text; then, across the document, a multiword
//!    name whose last token also occurs alone ("Zamir Kabulov" … "Kabulov")
//!    is keyed by that token, and an acronym equal to the initials of a
//!    multiword name ("CIS") takes that name's key.

use super::dates::{is_weekday, month_number};
use super::tokens::Ctx;
use crate::model::EntityClaim;
use crate::normalize::{fold, is_stopword};
use rustc_hash::{FxHashMap, FxHashSet};

/// Common aliases of entities that news reports use interchangeably.
pub(crate) fn alias(folded: &str) -> Option<&'static str> {
    Some(match folded {
        "is" | "isis" | "isil" | "daesh" | "islamic state" => "islamic state",
        "us" | "usa" | "united states" | "united states of america" | "america" => "united states",
        "uk" | "britain" | "great britain" | "united kingdom" => "united kingdom",
        "un" | "united nations" => "united nations",
        "eu" | "european union" => "european union",
        "ussr" | "soviet union" => "soviet union",
        "nato" | "north atlantic treaty organization" => "nato",
        "cis" | "commonwealth of independent states" => "commonwealth of independent states",
        "uae" | "united arab emirates" => "united arab emirates",
        _ => return None,
    })
}

/// The country of a demonym, singular or plural ("Afghans").
pub(crate) fn demonym(folded: &str) -> Option<&'static str> {
    let singular = folded.strip_suffix('s').unwrap_or(folded);
    let country = |w: &str| {
        Some(match w {
            "russian" => "russia",
            "soviet" => "soviet union",
            "afghan" => "afghanistan",
            "american" => "united states",
            "british" => "united kingdom",
            "chinese" => "china",
            "pakistani" => "pakistan",
            "iraqi" => "iraq",
            "syrian" => "syria",
            "iranian" => "iran",
            "ukrainian" => "ukraine",
            "french" => "france",
            "german" => "germany",
            "turkish" => "turkey",
            "indian" => "india",
            "israeli" => "israel",
            "tajik" => "tajikistan",
            "uzbek" => "uzbekistan",
            _ => return None,
        })
    };
    country(folded).or_else(|| country(singular))
}

/// Titles before a person's name.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "minister", "mr", "mrs", "ms", "dr", "general", "gen", "secretary", "chancellor",
    "king", "queen", "prince", "pope", "senator", "sen", "governor", "mayor", "envoy", "spokesman",
    "spokeswoman", "chairman", "ambassador", "commander", "colonel", "judge", "premier", "sheikh",
    "mullah",
];

/// Capitalised words that start sentences without naming anything.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "according", "earlier", "later", "however", "meanwhile", "after", "before", "when", "although",
    "though", "since", "because", "despite", "following", "amid", "last", "next", "many",
    "several", "most", "all", "another", "every", "here", "why", "how", "where", "unless", "once",
    "now", "yet", "still", "instead", "also", "today", "yesterday", "asked",
];

/// An entity mention before the document pass.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub claim: EntityClaim,
    /// A lone capitalised word at a sentence start: kept only if the
    /// document names it elsewhere ("Putin said" yes, "Terrorists are" no).
    pub tentative: bool,
    /// Keyed by the alias or demonym table: never re-keyed.
    pub fixed: bool,
    /// How many words the name has, titles removed (for a name that is
    /// not `fixed`, the key is its words, or its last word after a title).
    pub word_count: usize,
    /// Initials of a multiword name ("is" for "Islamic State").
    pub initials: Option<String>,
}

fn startable(ctx: &Ctx<'_>, k: usize, taken: &[bool]) -> bool {
    let t = &ctx.toks[k];
    if !t.word || taken[k] || !t.text.starts_with(char::is_alphabetic) {
        return false;
    }
    if t.acronym() {
        return true;
    }
    let w = t.folded.as_ref();
    t.cap
        && !is_stopword(w)
        && !is_weekday(w)
        && month_number(w).is_none()
        && !(ctx.clause_initial(k) && (STARTERS.contains(&w) || w.ends_with("ly")))
}

/// Finds the entity candidates of a sentence, skipping tokens `taken` by
/// dates and numbers.
pub(crate) fn find(ctx: &Ctx<'_>, taken: &[bool]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < ctx.toks.len() {
        // "al-Qaeda" starts on a lowercase particle.
        let particle = matches!(ctx.word(k), "al" | "el")
            && ctx.toks.get(k + 1).is_some_and(|t| t.is('-'))
            && ctx.toks.get(k + 2).is_some_and(|t| t.cap);
        if !particle && !startable(ctx, k, taken) {
            k += 1;
            continue;
        }
        let from = k;
        let mut to = if particle { k + 3 } else { k + 1 };
        while !ctx.toks[to - 1].possessive() && to < ctx.toks.len() {
            let joined_by = |gap: usize| {
                let j = to + gap;
                j < ctx.toks.len() && startable(ctx, j, taken) && !ctx.toks[j].acronym()
            };
            if startable(ctx, to, taken) {
                to += 1;
            } else if matches!(ctx.word(to), "of" | "de" | "al" | "bin" | "van" | "von")
                && joined_by(1)
            {
                to += 2;
            } else if ctx.word(to) == "of" && ctx.word(to + 1) == "the" && joined_by(2) {
                to += 3;
            } else if ctx.toks[to].is('-') && !ctx.toks[to].space_before && joined_by(1) {
                to += 2;
            } else {
                break;
            }
        }
        out.push(candidate(ctx, from, to));
        k = to;
    }
    out
}

fn candidate(ctx: &Ctx<'_>, from: usize, to: usize) -> Candidate {
    let span = ctx.span(ctx.toks[from].start, ctx.toks[to - 1].name_end());
    let text = ctx.text[span.start - ctx.base..span.end - ctx.base].to_string();
    let all: Vec<String> = (from..to)
        .filter(|&k| ctx.toks[k].word)
        .map(|k| ctx.toks[k].folded.replace('.', ""))
        .collect();
    let joined = all.join(" ");
    let acronym = to == from + 1 && ctx.toks[from].acronym();
    let tentative = to == from + 1 && ctx.clause_initial(from) && !acronym;
    let initials = (all.len() > 1).then(|| {
        all.iter()
            .filter(|w| !matches!(w.as_str(), "of" | "the" | "de" | "al" | "and"))
            .filter_map(|w| w.chars().next())
            .collect::<String>()
    });
    let (key, fixed, word_count) = if let Some(a) = alias(&joined) {
        (a.to_string(), true, all.len())
    } else if let Some(country) = demonym(&joined).filter(|_| all.len() == 1) {
        (country.to_string(), true, all.len())
    } else if let Some(t) = all
        .iter()
        .rposition(|w| TITLES.contains(&w.as_str()))
        .filter(|t| t + 1 < all.len())
    {
        (all[all.len() - 1].clone(), false, all.len() - t - 1)
    } else {
        (joined, false, all.len())
    };
    Candidate {
        claim: EntityClaim { text, key, span },
        tentative,
        fixed,
        word_count,
        initials,
    }
}

/// The document pass: family names, acronyms, and the fate of tentative
/// candidates. `people` are the keys of the document's named speakers,
/// which count as family names too. Takes one list of candidates per
/// sentence, returns the claims per sentence.
pub(crate) fn unify(
    sentences: Vec<Vec<Candidate>>,
    people: &FxHashSet<String>,
) -> Vec<Vec<EntityClaim>> {
    let all = || sentences.iter().flatten();
    // Single-token names, and family names already keyed through a title.
    let singles: FxHashSet<String> = all()
        .filter(|c| !c.fixed && (c.word_count == 1 || c.claim.key.split(' ').count() == 1))
        .map(|c| c.claim.key.clone())
        .chain(people.iter().cloned())
        .collect();
    // The candidates are ours: key them in place rather than in a copy.
    let mut keyed: Vec<Vec<Candidate>> = sentences;
    for c in keyed.iter_mut().flatten() {
        if !c.fixed && c.word_count > 1 {
            let last = c
                .claim
                .key
                .rsplit(' ')
                .next()
                .filter(|l| singles.contains(*l));
            if let Some(last) = last.map(str::to_string) {
                c.claim.key = last;
            }
        }
    }
    let mut by_initials: FxHashMap<String, String> = FxHashMap::default();
    for c in keyed.iter().flatten() {
        if let Some(i) = &c.initials {
            by_initials
                .entry(i.clone())
                .or_insert_with(|| c.claim.key.clone());
        }
    }
    for c in keyed.iter_mut().flatten() {
        if !c.fixed
            && c.word_count == 1
            && c.claim
                .text
                .chars()
                .all(|ch| ch.is_uppercase() || ch == '.')
        {
            if let Some(k) = by_initials.get(&fold(&c.claim.text).replace('.', "")) {
                c.claim.key = k.clone();
            }
        }
    }
    let confirmed: FxHashSet<String> = keyed
        .iter()
        .flatten()
        .filter(|c| !c.tentative)
        .map(|c| c.claim.key.clone())
        .collect();
    keyed
        .into_iter()
        .map(|cs| {
            cs.into_iter()
                .filter(|c| !c.tentative || c.fixed || confirmed.contains(&c.claim.key))
                .map(|c| c.claim)
                .collect()
        })
        .collect()
}
