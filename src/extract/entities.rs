//! Sentence tokens → entity candidates (capitalised names and acronyms),
//! then a document pass that gives every mention of one entity one key.
//!
//! A name runs over middle initials and abbreviation dots ("George W.
//! Bush", "Lt. Gerry X", "U.S. District Judge"), stops at a possessive or a
//! line break; candidates that name nothing are dropped (a bare title,
//! "I'm", a compass point, a crosshead in capitals, "PM ET" after a time).
//!
//! Keys, in order of precedence (tables in [`crate::lexicon::demonyms`]):
//! 0. a state abbreviation after a place and a comma ("Biloxi, Miss.") is
//!    keyed by the state ("mississippi");
//! 1. the alias table [`alias`] (ISIS/ISIL/IS/Daesh → "islamic state",
//!    US/U.S./USA/America → "united states", …);
//! 2. a demonym standing alone maps to its country ("Russian", "Afghans"
//!    → "russia", "afghanistan"; "Soviet" → "soviet union"), since a report
//!    that writes "Russian officials" and one that writes "officials in
//!    Russia" mention the same entity;
//! 3. a name after a title ("President Vladimir Putin") is a person, keyed
//!    by the family name ("putin"), which ends before an affiliation
//!    ("Professor Paul Taylor of Lancaster University" → "taylor");
//! 4. otherwise the folded text; then, across the document, a multiword
//!    name whose last token also occurs alone ("Zamir Kabulov" … "Kabulov")
//!    is keyed by that token, and an acronym equal to the initials of a
//!    multiword name ("CIS") takes that name's key.

use super::context::Ctx;
use super::dates::{is_weekday, month_number};
use crate::model::EntityClaim;
use crate::text::normalize::{self, fold, is_stopword};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::demonyms::state_abbreviation;
pub(crate) use crate::lexicon::demonyms::{alias, demonym};
use crate::lexicon::names::{
    is_legal_form, is_title, is_title_word, name_suffix, BODY_HEADS, OTHER_HEADS,
};

/// Capitalised words that start sentences without naming anything.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "according", "earlier", "later", "however", "meanwhile", "after", "before", "when", "although",
    "though", "since", "because", "despite", "following", "amid", "last", "next", "many",
    "several", "most", "all", "another", "every", "here", "why", "how", "where", "unless", "once",
    "now", "yet", "still", "instead", "also", "today", "yesterday", "asked", "never", "perhaps",
    "maybe", "sometimes", "often", "always", "even", "only", "thus", "indeed", "otherwise",
    "nevertheless", "nonetheless", "besides", "moreover", "furthermore", "overall", "again",
    "soon", "first", "finally", "eventually", "together", "please", "yes", "no", "oh", "well",
    "thanks", "nothing", "nobody", "everyone", "everybody", "someone", "somebody", "whatever",
    // Prepositions the stopword list lacks ("Throughout China's mainland").
    "throughout", "within", "across", "under", "until", "upon", "without", "beyond", "inside",
    "outside", "near", "around", "toward", "towards", "behind", "between", "among", "against",
    "through", "via",
];

/// Names that, before these nouns, make a common noun: no one's name is in
/// "Molotov cocktails" or "the Richter scale".
const EPONYMS: &[(&str, &[&str])] = &[
    ("molotov", &["cocktail", "cocktails"]),
    ("richter", &["scale"]),
    ("petri", &["dish", "dishes"]),
    ("ferris", &["wheel", "wheels"]),
    ("caesarean", &["section", "sections"]),
    ("cesarean", &["section", "sections"]),
    ("geiger", &["counter", "counters"]),
    ("bunsen", &["burner", "burners"]),
];

/// Compass points, which alone ("North", "the West") name no one place.
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// An entity mention before the document pass.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub claim: EntityClaim,
    /// Index of its sentence in the document.
    pub sentence: usize,
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
    // "I'm", "I'd": the pronoun, not a name.
    if w.starts_with("i'") {
        return false;
    }
    t.cap
        && !is_stopword(w)
        && !is_weekday(w)
        && month_number(w).is_none()
        && !(opens_clause(ctx, k) && (STARTERS.contains(&w) || w.ends_with("ly")))
}

/// True when the "and" at `and` joins the capitalised words from `from` to
/// the name of one body: the run after it ends in a body's head word, and
/// the words before it are no country and hold no head of their own
/// ("Israel and Palestinian Authority", "the Commission and Council" are
/// two).
fn one_body(ctx: &Ctx<'_>, from: usize, and: usize, taken: &[bool]) -> bool {
    let mut end = and + 1;
    while end < ctx.toks.len() && startable(ctx, end, taken) {
        end += 1;
    }
    let head = end.checked_sub(1).filter(|&h| h > and).map(|h| ctx.word(h));
    let before_plain = (from..and).all(|k| {
        let w = ctx.word(k);
        !crate::lexicon::demonyms::is_country(w)
            && !BODY_HEADS.contains(&w)
            && !OTHER_HEADS.contains(&w)
    });
    head.is_some_and(|h| BODY_HEADS.contains(&h)) && before_plain
}

/// A clause start, or a word after an opening straight single quote
/// ("the venture guys say, 'Great idea…'"), whose capital says nothing.
fn opens_clause(ctx: &Ctx<'_>, k: usize) -> bool {
    ctx.clause_initial(k)
        || k.checked_sub(1)
            .and_then(|p| ctx.toks.get(p))
            .is_some_and(|q| q.is('\'') && q.space_before)
}

/// Finds the entity candidates of sentence number `sentence`, skipping
/// tokens `taken` by dates and numbers, and adds them to `out`: one list
/// for the document, where a list per sentence would hold hundreds of
/// thousands of small buffers on a text of short sentences.
pub(crate) fn find(ctx: &Ctx<'_>, taken: &[bool], sentence: usize, out: &mut Vec<Candidate>) {
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
            // A line break ends a name: "Supertrees" heads a line of its own.
            let gap = ctx.text.get(ctx.toks[to - 1].end..ctx.toks[to].start);
            if gap.is_some_and(|g| g.contains('\n')) {
                break;
            }
            let joined_by = |gap: usize| {
                let j = to + gap;
                j < ctx.toks.len() && startable(ctx, j, taken) && !ctx.toks[j].acronym()
            };
            if startable(ctx, to, taken) {
                to += 1;
            } else if let Some(gap) = initial(ctx, to).filter(|&gap| joined_by(gap)) {
                // "George W. Bush", "Robert J Pickell".
                to += gap;
            } else if titled_today(ctx, to) {
                // "USA Today", "Russia Today": a title, not the date.
                to += 1;
            } else if abbreviation_dot(ctx, to) && joined_by(1) {
                // "Lt. Gerry Scherlinck", "U.S. District Judge".
                to += 1;
            } else if matches!(ctx.word(to), "of" | "de" | "al" | "bin" | "van" | "von")
                && joined_by(1)
                && !(ctx.word(to) == "of" && plural_opener(ctx, from, to))
            {
                to += 2;
            } else if ctx.word(to) == "of"
                && ctx.word(to + 1) == "the"
                && joined_by(2)
                && !plural_opener(ctx, from, to)
            {
                to += 3;
            } else if ctx.toks[to].is('-') && !ctx.toks[to].space_before && joined_by(1) {
                to += 2;
            } else if ctx.word(to) == "and" && joined_by(1) && one_body(ctx, from, to, taken) {
                // "Securities and Exchange Commission", "National Oceanic
                // and Atmospheric Administration": one body.
                to += 2;
            } else {
                break;
            }
        }
        let c = candidate(ctx, from, to, sentence);
        if !junk(ctx, from, &c) {
            out.push(c);
        }
        k = to;
    }
}

/// True when the name so far is one plural word that opens the clause, so
/// its capital is the sentence's: "Supporters of the Labour Party",
/// "Activists of the Shiv Sena" name the party, not a body called
/// "Supporters of …".
fn plural_opener(ctx: &Ctx<'_>, from: usize, to: usize) -> bool {
    let w = ctx.word(from);
    to == from + 1
        && opens_clause(ctx, from)
        && w.len() > 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !ctx.toks[from].acronym()
}

/// A single capital letter inside a name, the middle initial: how many
/// tokens it takes with its dot, if it has one.
fn initial(ctx: &Ctx<'_>, k: usize) -> Option<usize> {
    let t = ctx.toks.get(k)?;
    let letter =
        t.word && t.text.len() == 1 && t.text.starts_with(|c: char| c.is_ascii_uppercase());
    if !letter {
        return None;
    }
    let dot = ctx
        .toks
        .get(k + 1)
        .is_some_and(|d| d.is('.') && !d.space_before);
    Some(if dot { 2 } else { 1 })
}

/// A capitalised "Today" right after a name, inside the sentence: the end
/// of a title such as "USA Today", which the dates read as a day.
fn titled_today(ctx: &Ctx<'_>, k: usize) -> bool {
    let Some(t) = ctx.toks.get(k) else {
        return false;
    };
    t.word && t.cap && t.folded == "today" && !ctx.clause_initial(k) && k > 0 && ctx.toks[k - 1].cap
}

/// A dot that ends an abbreviation inside a name: a title ("Lt.") or a
/// dotted acronym ("U.S."), not a sentence end.
fn abbreviation_dot(ctx: &Ctx<'_>, k: usize) -> bool {
    let (Some(dot), Some(prev)) = (
        ctx.toks.get(k),
        k.checked_sub(1).and_then(|p| ctx.toks.get(p)),
    ) else {
        return false;
    };
    dot.is('.')
        && !dot.space_before
        && prev.word
        && (is_title(&prev.folded) || (prev.acronym() && prev.text.contains('.')))
}

/// Candidates that name nothing: a bare title ("Lt", "German Chancellor"),
/// a compass point, a clock time's "PM ET", a legal form alone.
fn junk(ctx: &Ctx<'_>, from: usize, c: &Candidate) -> bool {
    let words: Vec<String> = normalize::words(&c.claim.text)
        .map(|(_, w)| fold(w).replace('.', ""))
        .collect();
    let title_only = words.iter().any(|w| is_title(w))
        && words
            .iter()
            .all(|w| is_title(w) || is_title_word(w) || demonym(w).is_some());
    let direction = words.len() == 1 && DIRECTIONS.contains(&words[0].as_str());
    let after_number = from
        .checked_sub(1)
        .and_then(|p| ctx.toks.get(p))
        .is_some_and(|t| t.word && t.text.starts_with(|ch: char| ch.is_ascii_digit()));
    let clock = after_number && matches!(words.first().map(String::as_str), Some("am" | "pm"));
    // "ON DEADLINE": a crosshead in capitals, not an acronym.
    let shouted = words.len() > 1
        && !c.claim.text.chars().any(char::is_lowercase)
        && words.iter().any(|w| is_stopword(w) && alias(w).is_none());
    // "Molotov cocktails", "the Richter scale": a name inside a common noun.
    let next = ctx.toks.get(from + words.len()).map(|t| t.folded.as_ref());
    let eponym = words.len() == 1
        && next.is_some_and(|n| {
            EPONYMS
                .iter()
                .any(|(name, nouns)| *name == words[0] && nouns.contains(&n))
        });
    // "Palm, Inc.", "McDonald's Corp. founder": a company's legal form
    // cut from its name by a comma or a possessive.
    let cut_off = from.checked_sub(1).and_then(|p| ctx.toks.get(p));
    let legal_form = words.len() == 1
        && !c.fixed
        && is_legal_form(&words[0])
        && cut_off.is_some_and(|t| t.is(',') || t.possessive());
    title_only || direction || clock || shouted || eponym || legal_form
}

fn candidate(ctx: &Ctx<'_>, from: usize, to: usize, sentence: usize) -> Candidate {
    let span = ctx.span(ctx.toks[from].start, ctx.toks[to - 1].name_end());
    let text = ctx.text[span.start - ctx.base..span.end - ctx.base].to_string();
    // A generational suffix is spelled one way ("jnr" is "jr"). Without a
    // title it stays in the key: "Herbert Flynn Jr." is the father of
    // "Ka'loni Flynn", whom "Flynn" alone names.
    let all: Vec<String> = (from..to)
        .filter(|&k| ctx.toks[k].word)
        .map(|k| {
            let w = ctx.toks[k].folded.replace('.', "");
            name_suffix(&w).map_or(w, str::to_string)
        })
        .collect();
    let joined = all.join(" ");
    let acronym = to == from + 1 && ctx.toks[from].acronym();
    let tentative = to == from + 1 && opens_clause(ctx, from) && !acronym;
    let initials = (all.len() > 1).then(|| {
        (from..to)
            .filter(|&k| ctx.toks[k].word)
            .zip(&all)
            .filter(|(_, w)| !matches!(w.as_str(), "of" | "the" | "de" | "al" | "and"))
            // An acronym gives all its letters: "US Geological Survey" is USGS.
            .flat_map(|(k, w)| {
                let n = if ctx.toks[k].acronym() { w.len() } else { 1 };
                w.chars().take(n)
            })
            .collect::<String>()
    });
    // "Biloxi, Miss.": after a place and a comma, the abbreviation is a state.
    let qualifier =
        to == from + 1 && from >= 2 && ctx.toks[from - 1].is(',') && ctx.toks[from - 2].cap;
    let state = qualifier.then(|| state_abbreviation(&joined)).flatten();
    let (key, fixed, word_count) = if let Some(state) = state {
        (state.to_string(), true, 1)
    } else if let Some(a) = alias(&joined) {
        (a.to_string(), true, all.len())
    } else if let Some(country) = demonym(&joined).filter(|_| all.len() == 1) {
        (country.to_string(), true, all.len())
    } else if let Some(name) = all
        .iter()
        .rposition(|w| is_title(w))
        .map(|t| {
            // The name ends where its affiliation starts: "Professor Paul
            // Taylor of Lancaster University" is Taylor.
            // A suffix is no family name: "Admiral Harold W. Gehman Jr."
            // is Gehman.
            all[t + 1..]
                .iter()
                .take_while(|w| !matches!(w.as_str(), "of" | "the" | "and"))
                .filter(|w| name_suffix(w).is_none())
                .collect::<Vec<_>>()
        })
        .filter(|name| !name.is_empty())
    {
        let family = name.last().map(|w| w.to_string()).unwrap_or_default();
        (family, false, name.len())
    } else {
        (joined, false, all.len())
    };
    Candidate {
        claim: EntityClaim { text, key, span },
        sentence,
        tentative,
        fixed,
        word_count,
        initials,
    }
}

/// The document pass: family names, acronyms, and the fate of tentative
/// candidates. `people` are the keys of the document's named speakers,
/// which count as family names too. Takes the document's candidates in
/// reading order and returns those kept, in the same order, keyed.
pub(crate) fn unify(mut candidates: Vec<Candidate>, people: &FxHashSet<String>) -> Vec<Candidate> {
    // Single-token names, and family names already keyed through a title.
    let singles: FxHashSet<String> = candidates
        .iter()
        .filter(|c| !c.fixed && (c.word_count == 1 || c.claim.key.split(' ').count() == 1))
        .map(|c| c.claim.key.clone())
        .chain(people.iter().cloned())
        .collect();
    // The candidates are ours: key them in place rather than in a copy.
    for c in candidates.iter_mut() {
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
    for c in &candidates {
        if let Some(i) = &c.initials {
            by_initials
                .entry(i.clone())
                .or_insert_with(|| c.claim.key.clone());
        }
    }
    for c in candidates.iter_mut() {
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
    let confirmed: FxHashSet<String> = candidates
        .iter()
        .filter(|c| !c.tentative)
        .map(|c| c.claim.key.clone())
        .collect();
    candidates.retain(|c| !c.tentative || c.fixed || confirmed.contains(&c.claim.key));
    candidates
}
