//! Whether the other report carries a name or a quote in any form. Facts
//! are identities, not strings: a name the other report writes in another
//! form (its family name alone, a possessive, a demonym, another spelling,
//! an acronym) or a quote it gives as reported speech is not missing there.
//!
//! The other report is read twice: as its extracted facts (entity keys) and
//! as its text, folded word by word with the name tables applied, so that
//! "Russia's foreign ministry" reads `russia foreign ministry` like
//! "Russian Foreign Ministry" does.

use super::facts::{FactKey, Found};
use super::name_index::NameIndex;
use super::names::{acronym, initials, person_like, person_name, same_given, PersonName};
use crate::align::similarity::background_weight;
use crate::extract::{alias, demonym};
use crate::lexicon::names::{is_descriptor, is_legal_form, is_title, is_title_word, NOT_PERSON};
use crate::model::Document;
use crate::text::normalize::{self, fold, Key};
use rustc_hash::{FxHashMap, FxHashSet};

/// A quote is carried by a sentence of the other report that holds this
/// share of its content words (as reported speech, or quoted with other
/// boundaries). Quotes found missing on the ecbplus pairs share at most
/// half their words with any sentence of the other side; carried ones, all.
const QUOTE_CARRIED: f64 = 0.8;

/// A long quote (at least [`LONG_QUOTE`] content words) is carried at this
/// lower share: a simplified rewrite keeps most of its words and swaps a
/// few ("came along" → "began"), while a quote on another point shares a
/// third or so.
const LONG_QUOTE_CARRIED: f64 = 0.65;
const LONG_QUOTE: usize = 5;

/// The aligned partner of a quote carries it (rewritten) when it keeps this
/// share of the quote's content words, for quotes of at least
/// [`PARTNER_QUOTE`] of them: the sentences correspond, so half the words
/// is the same quote simplified. The omitted quotes of the ecbplus gold
/// that have a partner share less.
const PARTNER_KEEPS: f64 = 0.5;
const PARTNER_QUOTE: usize = 3;

/// Words that name a country's institution only with the country: "the
/// Government", "the Army".
#[rustfmt::skip]
const GENERIC: &[&str] = &[
    "government", "parliament", "military", "embassy", "people", "authorities", "officials",
    "troops", "media", "economy", "navy", "cabinet", "constitution", "capital", "border",
];

/// Least background rarity ([`background_weight`], 8 minus the Zipf
/// frequency) of a family name that, alone, names the person a name ending
/// in it names: rarer than nearly every English word ("McCloskey",
/// "Louima"), not "War", "Brick" or "Smith".
const RARE_NAME: f64 = 5.0;

fn rare_name(word: &str) -> bool {
    background_weight(normalize::key(&normalize::stem(word))) >= RARE_NAME
}

/// Endings that name a place's people after it ("Jutlander", "Parisian",
/// "Milanese", "Pakistani"), for the places the demonym table lacks.
const INHABITANT_SUFFIXES: &[&str] = &["er", "ers", "ian", "ians", "ese", "i", "is"];

/// The other report, indexed for the questions [`Carrier::carries`] asks.
pub(super) struct Carrier<'a> {
    /// Its text as word ids, in reading order.
    stream: Vec<u32>,
    ids: FxHashMap<String, u32>,
    /// Where each word id occurs in `stream`.
    at: Postings,
    /// Where each sentence starts in `stream`.
    sentence_starts: Vec<u32>,
    /// Whether the word at each place of `stream` is written capitalised
    /// and is no function word (not the "And" of a headline).
    name_words: Bits,
    /// Its entity keys.
    keys: FxHashSet<&'a str>,
    /// Its keys that are a person's family name: keys of one word of a
    /// name written in several ("Prime Minister George Papandreou").
    families: FxHashSet<&'a str>,
    /// Its multiword names as folded words, indexed for spelling variants.
    names: NameIndex,
    /// Its people's given names, and whether a middle name is written out,
    /// by family name (see [`person_name`]).
    people: FxHashMap<String, Vec<(String, bool)>>,
    /// Initials of its multiword names, and its acronyms.
    initials: FxHashSet<String>,
    acronyms: FxHashSet<String>,
    /// Its names' folded words run together: "Bing Dian" and "BingDian"
    /// are one name spaced two ways.
    joined: FxHashSet<String>,
    /// The sentences each content-word stem occurs in, by the stem's
    /// number in `stem_ids`.
    stems: Postings,
    stem_ids: FxHashMap<Key, u32>,
}

/// One bit a place: a transcript's million words cost 128 KB, not 1 MB.
#[derive(Default)]
struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    fn push(&mut self, bit: bool) {
        if self.len % 64 == 0 {
            self.words.push(0);
        }
        if bit {
            if let Some(last) = self.words.last_mut() {
                *last |= 1 << (self.len % 64);
            }
        }
        self.len += 1;
    }

    fn get(&self, at: usize) -> bool {
        at < self.len && self.words[at / 64] & (1 << (at % 64)) != 0
    }
}

/// Lists of numbers by a dense id, in one allocation: a list a word grown
/// one push at a time keeps up to half its size spare, and a transcript
/// has tens of thousands of words.
#[derive(Default)]
struct Postings {
    /// `items[starts[id]..starts[id + 1]]` is the list of `id`.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Postings {
    /// The lists of `ids` ids, from (id, item) pairs in item order (read
    /// twice: to count, then to fill).
    fn new(ids: usize, pairs: impl Iterator<Item = (u32, u32)> + Clone) -> Postings {
        let mut starts = vec![0u32; ids + 1];
        for (id, _) in pairs.clone() {
            starts[id as usize + 1] += 1;
        }
        for i in 0..ids {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts[..ids].to_vec();
        let mut items = vec![0; starts[ids] as usize];
        for (id, item) in pairs {
            let at = &mut fill[id as usize];
            items[*at as usize] = item;
            *at += 1;
        }
        Postings { starts, items }
    }

    /// The list of `id` (empty for an unknown id).
    fn of(&self, id: u32) -> &[u32] {
        let id = id as usize;
        match (self.starts.get(id), self.starts.get(id + 1)) {
            (Some(&from), Some(&to)) => &self.items[from as usize..to as usize],
            _ => &[],
        }
    }
}

impl<'a> Carrier<'a> {
    /// Indexes `doc` (every sentence, headlines too) and its facts `facts`.
    pub(super) fn new(doc: &'a Document, facts: &'a [Found<'a>]) -> Carrier<'a> {
        let mut c = Carrier {
            stream: Vec::new(),
            ids: FxHashMap::default(),
            at: Postings::default(),
            sentence_starts: Vec::with_capacity(doc.sentences.len()),
            name_words: Bits::default(),
            keys: FxHashSet::default(),
            families: FxHashSet::default(),
            names: NameIndex::default(),
            people: FxHashMap::default(),
            initials: FxHashSet::default(),
            acronyms: FxHashSet::default(),
            joined: FxHashSet::default(),
            stems: Postings::default(),
            stem_ids: FxHashMap::default(),
        };
        // The canonical words of each distinct word of the document, found
        // once: `canonical[id]` is a range of `canonical_ids`.
        let mut canonical: Vec<Option<(u32, u32)>> = vec![None; doc.vocabulary.len()];
        let mut canonical_ids: Vec<u32> = Vec::new();
        let mut stems: Vec<Key> = Vec::new();
        let mut stem_pairs: Vec<(u32, u32)> = Vec::new();
        let words = (0..doc.sentences.len())
            .map(|i| {
                doc.tokens_of(i)
                    .iter()
                    .filter(|t| t.word_id().is_some())
                    .count()
            })
            .sum();
        c.stream.reserve_exact(words);
        for (i, sentence) in doc.sentences.iter().enumerate() {
            c.sentence_starts.push(c.stream.len() as u32);
            stems.clear();
            for &token in doc.tokens_of(i) {
                let Some(word) = token.word_id() else {
                    continue;
                };
                let range = match canonical.get(word as usize) {
                    Some(Some(range)) => *range,
                    _ => {
                        let from = canonical_ids.len() as u32;
                        for w in canonical_words(doc.token_text(sentence, token)) {
                            let next = c.ids.len() as u32;
                            canonical_ids.push(*c.ids.entry(w).or_insert(next));
                        }
                        let range = (from, canonical_ids.len() as u32);
                        if let Some(slot) = canonical.get_mut(word as usize) {
                            *slot = Some(range);
                        }
                        range
                    }
                };
                let w = doc.vocabulary.word(word);
                // An initial ("Stephen G. Breyer") is a name word too.
                let name_word =
                    w.is_capitalised() && (!w.is_stopword() || w.folded.chars().count() == 1);
                for &id in &canonical_ids[range.0 as usize..range.1 as usize] {
                    c.name_words.push(name_word);
                    c.stream.push(id);
                }
                stems.extend(doc.vocabulary.word(word).content_key());
            }
            stems.sort_unstable();
            stems.dedup();
            for &s in &stems {
                let next = c.stem_ids.len() as u32;
                let id = *c.stem_ids.entry(s).or_insert(next);
                stem_pairs.push((id, i as u32));
            }
        }
        c.at = Postings::new(c.ids.len(), c.stream.iter().copied().zip(0u32..));
        c.stems = Postings::new(c.stem_ids.len(), stem_pairs.iter().copied());
        // A one-word name credited with words ("Kovacs told reporters") is
        // a person's family name too, even when the report never writes
        // the full name.
        for a in doc.sentences.iter().flat_map(|s| s.attributions()) {
            if let (Some(key), Some(speaker)) = (a.speaker_key.as_deref(), a.speaker.as_deref()) {
                let named = speaker.chars().next().is_some_and(char::is_uppercase);
                if named && !key.contains(' ') && fold(speaker) == key {
                    c.families.insert(key);
                }
            }
        }
        let mut seen = FxHashSet::default();
        for (f, key) in facts.iter().filter_map(|f| match f.key {
            FactKey::Entity(key) => Some((f, key)),
            _ => None,
        }) {
            c.keys.insert(key);
            if !key.contains(' ') && f.text.split_whitespace().nth(1).is_some() {
                c.families.insert(key);
            }
            if !seen.insert(f.text) {
                continue;
            }
            let words = folded_words(f.text);
            if let Some(a) = acronym(f.text) {
                c.acronyms.insert(a);
            }
            c.joined.insert(words.concat());
            if words.len() > 1 {
                if person_like(&words, key) {
                    if let Some(p) = person_name(&words) {
                        let given = c.people.entry(p.family.to_string()).or_default();
                        if !given.iter().any(|(g, m)| g == p.given && *m == p.middle) {
                            given.push((p.given.to_string(), p.middle));
                        }
                    }
                }
                c.initials.insert(initials(f.text));
                // "CEO of the Motion Picture Association of America": the
                // organisation after "of" has its own initials (MPAA).
                for (at, _) in f.text.match_indices(" of ") {
                    let tail = &f.text[at + 4..];
                    let tail = tail.strip_prefix("the ").unwrap_or(tail);
                    if tail.split_whitespace().nth(1).is_some() {
                        c.initials.insert(initials(tail));
                    }
                }
                c.names.push(words);
            }
        }
        c.names.finish();
        c
    }

    /// True when this report carries `fact` (an entity or a quote of the
    /// other report) in some form. Other kinds are left to their keys.
    pub(super) fn carries(&self, fact: &Found) -> bool {
        match &fact.key {
            FactKey::Entity(key) => {
                self.carries_name(fact.text, key)
                    || fact
                        .qualifies
                        .is_some_and(|place| self.carries_name(place, &fold(place)))
            }
            FactKey::Quote(words) => self.carries_quote(fact.text, words),
            _ => false,
        }
    }

    fn carries_name(&self, text: &str, key: &str) -> bool {
        if self.keys.contains(key) {
            return true;
        }
        let words = canonical_words(text);
        if words.is_empty() || self.phrase(&words) || self.spread_phrase(&words) {
            return true;
        }
        // "Sony Corp." is Sony: a company's legal form is no part of its name.
        if let Some((last, name)) = words.split_last() {
            if !name.is_empty() && is_legal_form(last) && self.phrase(name) {
                return true;
            }
        }
        // "GeCAD Software Srl", "the Seychelles Archipelago": a name that
        // opens on a word rare enough to name one thing, which the other
        // report names alone, and goes on only to say what kind of thing
        // it is. "Biloxi Sun Herald" and "Andalusia Supreme Court" name
        // other things than Biloxi and Andalusia.
        if let [first, rest @ ..] = words.as_slice() {
            if !rest.is_empty()
                && rest.iter().all(|w| is_descriptor(w) || is_legal_form(w))
                && rare_name(first)
                && self.keys.contains(first.as_str())
            {
                return true;
            }
        }
        let folded = folded_words(text);
        // "Jutland" is carried by "a Jutlander", "Paris" by "Parisians":
        // a place named by what its people are called, which the other
        // report names as a name of its own.
        if let [word] = folded.as_slice() {
            if word.chars().count() >= 4
                && INHABITANT_SUFFIXES
                    .iter()
                    .any(|suffix| self.keys.contains(format!("{word}{suffix}").as_str()))
            {
                return true;
            }
        }
        // "The New Zealander" is carried by "New Zealand-born".
        if let Some(country) = demonym(&folded.join(" ")) {
            if self.phrase(&canonical_words(country)) {
                return true;
            }
        }
        // The name after its title: "Mayor Tomas Hrebik" is carried by
        // "Tomas Hrebik, the mayor".
        if let Some(t) = folded.iter().rposition(|w| is_title(w)) {
            let name = &folded[t + 1..];
            if !name.is_empty() && self.phrase(name) {
                return true;
            }
        }
        // An organisation before a title: "IFPI Chief Executive" names IFPI.
        if folded.last().is_some_and(|w| is_title(w)) {
            let cut = folded
                .iter()
                .rposition(|w| !is_title(w) && !is_title_word(w))
                .map_or(0, |k| k + 1);
            let org = &folded[..cut];
            if !org.is_empty()
                && cut < folded.len()
                && self.phrase(&canonical_words(&org.join(" ")))
            {
                return true;
            }
        }
        // A country's qualifier of a place both name: "Polish Carpathians"
        // and "Carpathian", keyed on the other side.
        // Not before a generic word: "Indian Government" names a country
        // that "the Government" does not.
        let generic = folded
            .last()
            .is_some_and(|w| NOT_PERSON.contains(&w.as_str()) || GENERIC.contains(&w.as_str()));
        if folded.len() > 1 && demonym(&folded[0]).is_some() && !generic {
            let rest = folded[1..].join(" ");
            let singular = rest.strip_suffix('s').map(str::to_string);
            let plural = format!("{rest}s");
            if [Some(rest), singular, Some(plural)]
                .iter()
                .flatten()
                .any(|k| self.keys.contains(k.as_str()))
            {
                return true;
            }
        }
        // A person: by the family name, as the other report keys one of
        // its people ("George Papandreou" … "Prime Minister Papandreou").
        // Its text alone is not enough ("Ozy Media" is not "UFO Media"),
        // nor a key of a lone common word ("Indo-Pakistan War" is not
        // "War"); a rare one is ("Abner Louima" … "Louima", "Former U.S.
        // Rep. Frank McCloskey" … "McCloskey").
        let family = key.rsplit(' ').next().unwrap_or(key);
        let person = person_like(&folded, key);
        if person
            && (self.families.contains(family) || (self.keys.contains(family) && rare_name(family)))
        {
            return true;
        }
        // A person by the family name and a given name that can be the
        // same: "Doug Feith" and "Douglas J. Feith", "Paul Wolfowitz" and
        // "Deputy Defence Secretary Paul D. Wolfowitz", and for a rare
        // family name one initial ("Hal Gehman", "Harold W. Gehman Jr.").
        if person {
            let ours = person_name(&folded);
            let theirs = ours.as_ref().and_then(|p| self.people.get(p.family));
            if let (Some(ours), Some(theirs)) = (ours, theirs) {
                let rare = rare_name(ours.family);
                let one = |(given, middle): &(String, bool)| {
                    let theirs = PersonName {
                        given,
                        middle: *middle,
                        family: ours.family,
                    };
                    same_given(&ours, &theirs, rare)
                };
                if theirs.iter().any(one) {
                    return true;
                }
            }
        }
        // Spelling variants, among the names that could be one (see
        // `name_index`): linear however many names the other report has.
        if folded.len() > 1 && self.names.has_variant_of(&folded) {
            return true;
        }
        // "Amazon.com" is Amazon.
        if let Some((site, _)) = text.split_once('.').filter(|_| !text.contains(' ')) {
            if site.chars().count() > 2 && self.phrase(&canonical_words(site)) {
                return true;
            }
        }
        // "Moira Austin of the Anaphylaxis Campaign": the person and the
        // organisation are two facts, carried when both are.
        if let Some((person, org)) = text.split_once(" of ") {
            let person_words = folded_words(person);
            let named = person_words.iter().any(|w| !is_title(w));
            if named && person_words.len() > 1 && person_like(&person_words, "") {
                let org = org.strip_prefix("the ").unwrap_or(org);
                return self.carries_name(person, &fold(person))
                    && self.carries_name(org, &fold(org));
            }
        }
        // One name in the singular and the plural: "Carpathian" and
        // "Carpathians", "DVDs" and "DVD".
        if let [word] = folded.as_slice() {
            let singular = word.strip_suffix('s').filter(|w| w.chars().count() >= 3);
            if singular.is_some_and(|w| self.phrase(&[w.to_string()]))
                || self.phrase(&[format!("{word}s")])
            {
                return true;
            }
        }
        // "USGS" and "US Geological Survey".
        if acronym(text).is_some_and(|a| self.initials.contains(&a)) {
            return true;
        }
        // "BingDian" and "Bing Dian".
        let joined = folded.concat();
        if joined.chars().count() >= 4 && self.joined.contains(&joined) {
            return true;
        }
        folded.len() > 1 && self.acronyms.contains(&initials(text))
    }

    fn carries_quote(&self, text: &str, stems: &[&str]) -> bool {
        let words = canonical_words(text);
        if words.is_empty() || self.phrase(&words) {
            return true;
        }
        let content: FxHashSet<&str> = stems.iter().copied().collect();
        // One word found elsewhere is no quote carried.
        if content.len() < 2 {
            return false;
        }
        let mut shared: FxHashMap<u32, usize> = FxHashMap::default();
        for w in &content {
            for &s in self.sentences_with(w) {
                *shared.entry(s).or_default() += 1;
            }
        }
        let best = shared.into_values().max().unwrap_or(0);
        let share = if content.len() >= LONG_QUOTE {
            LONG_QUOTE_CARRIED
        } else {
            QUOTE_CARRIED
        };
        best as f64 >= share * content.len() as f64
    }

    /// True when the sentences `group` (an aligned partner group) hold at
    /// least [`PARTNER_KEEPS`] of the quote's content words, `stems`.
    pub(super) fn keeps_quote(&self, stems: &[&str], group: &[usize]) -> bool {
        let content: FxHashSet<&str> = stems.iter().copied().collect();
        if content.len() < PARTNER_QUOTE {
            return false;
        }
        let kept = content
            .iter()
            .filter(|w| {
                self.sentences_with(w)
                    .iter()
                    .any(|s| group.contains(&(*s as usize)))
            })
            .count();
        kept as f64 >= PARTNER_KEEPS * content.len() as f64
    }

    /// The sentences that hold the content-word stem `stem`.
    fn sentences_with(&self, stem: &str) -> &[u32] {
        self.stem_ids
            .get(&normalize::key(stem))
            .map_or(&[], |&id| self.stems.of(id))
    }

    /// The word ids of `words`, if the report has every one.
    fn word_ids(&self, words: &[String]) -> Option<Vec<u32>> {
        words.iter().map(|w| self.ids.get(w).copied()).collect()
    }

    /// True when the words of a name of two or more occur in this order
    /// in one sentence, with at most one other word between each two: a
    /// nickname ("George “Geordie” Herbert"), a qualifier ("Liverpool's
    /// Anglican Cathedral") or an initial ("Stephen G. Breyer") written
    /// inside it, a capitalised word that is no function word. "Smith and
    /// Jones" names no "Smith Jones", "Maroro with IS links" no "Maroro
    /// IS", "Mirvin said IS" no "Mirvin IS".
    fn spread_phrase(&self, words: &[String]) -> bool {
        let Some(ids) = self.word_ids(words) else {
            return false;
        };
        if ids.len() < 2 {
            return false;
        }
        let written_inside = |at: usize| self.name_words.get(at);
        let sentence = |at: usize| self.sentence_starts.partition_point(|&s| s as usize <= at);
        // The word `id` one or two places from `at` (a name word between),
        // forward or back.
        let step = |at: usize, id: u32, forward: bool| {
            let place = |d: usize| {
                if forward {
                    at.checked_add(d)
                } else {
                    at.checked_sub(d)
                }
            };
            let is = |p: Option<usize>| p.filter(|&p| self.stream.get(p) == Some(&id));
            is(place(1)).or_else(|| is(place(2)).filter(|_| place(1).is_some_and(written_inside)))
        };
        // From the rarer of the first and the last word, so that a name
        // opening on a common word ("New …") costs its family name's
        // occurrences, not every "new".
        let (first, last) = (ids[0], ids[ids.len() - 1]);
        let forward = self.at.of(first).len() <= self.at.of(last).len();
        let (anchor, rest): (u32, Vec<u32>) = if forward {
            (first, ids[1..].to_vec())
        } else {
            (last, ids[..ids.len() - 1].iter().rev().copied().collect())
        };
        self.at.of(anchor).iter().any(|&start| {
            let mut at = start as usize;
            let own = sentence(at);
            rest.iter().all(|&id| {
                step(at, id, forward)
                    .filter(|&n| sentence(n) == own)
                    .map(|n| at = n)
                    .is_some()
            })
        })
    }

    /// True when `words` occur in this order, one after another.
    fn phrase(&self, words: &[String]) -> bool {
        let Some(ids) = self.word_ids(words) else {
            return false;
        };
        // Anchored on the rarest word: a quote starting "the" would
        // otherwise try every "the" of a long transcript.
        let Some((k, anchor)) = ids
            .iter()
            .enumerate()
            .min_by_key(|(_, id)| self.at.of(**id).len())
        else {
            return false;
        };
        self.at.of(*anchor).iter().any(|&p| {
            let Some(start) = (p as usize).checked_sub(k) else {
                return false;
            };
            self.stream
                .get(start..start + ids.len())
                .is_some_and(|run| run == ids.as_slice())
        })
    }
}

/// A text's words as both reports are compared: folded, dots and
/// possessives dropped, and a capitalised alias or demonym replaced by the
/// name of its country ("U.S." and "American" read `united states`).
pub(super) fn canonical_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (_, w) in normalize::words(text) {
        let bare = w.replace('.', "");
        let folded = fold(&bare);
        if folded.is_empty() {
            continue;
        }
        let cap = bare.starts_with(char::is_uppercase);
        let all_caps = !bare.chars().any(char::is_lowercase);
        // "us" and "is" are words too; only their capitals are names.
        let table = if cap && (all_caps || folded.len() > 3) {
            alias(&folded).or_else(|| demonym(&folded))
        } else {
            None
        };
        match table {
            Some(name) => out.extend(name.split(' ').map(str::to_string)),
            // "Gerard’t Hooft" and "Gerard ’t Hooft" read alike.
            None => out.extend(
                folded
                    .split('\'')
                    .filter(|p| !p.is_empty())
                    .map(str::to_string),
            ),
        }
    }
    out
}

/// Folded words of a name, dots dropped, tables not applied.
pub(super) fn folded_words(text: &str) -> Vec<String> {
    normalize::words(text)
        .map(|(_, w)| fold(&w.replace('.', "")))
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entities one side adds that the other does not carry.
    fn added_entities(left: &str, right: &str) -> Vec<String> {
        crate::compare_texts("l", left, "r", right, &crate::Options::default())
            .facts
            .added
            .into_iter()
            .filter(|f| f.kind == crate::model::report::FactKind::Entity)
            .map(|f| f.text)
            .collect()
    }

    #[test]
    fn an_acronym_of_the_organisation_after_of_is_carried() {
        assert_eq!(
            added_entities(
                "Dan Glickman, CEO of the Motion Picture Association of America, has applauded the move.",
                "Dan Glickman, CEO of the Motion Picture Association of America (MPAA), has applauded the move.",
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_name_with_a_word_written_inside_it_is_carried() {
        assert!(added_entities(
            "Highclere Castle is a stately home owned by George \u{201c}Geordie\u{201d} Herbert.",
            "Highclere Castle is a stately home owned by George Herbert."
        )
        .is_empty());
        assert!(added_entities(
            "The families met at Liverpool's Anglican Cathedral on Wednesday.",
            "The families met at Liverpool Cathedral on Wednesday."
        )
        .is_empty());
        // Read back from the rarer last word: "George" is there twice.
        assert!(added_entities(
            "George Smith said the home is owned by George \u{201c}Geordie\u{201d} Herbert.",
            "George Smith said the home is owned by George Herbert."
        )
        .is_empty());
        assert_eq!(
            added_entities(
                "The deal was signed by George Smith and Herbert Jones.",
                "The deal was signed by George Herbert."
            ),
            vec!["George Herbert".to_string()]
        );
        assert_eq!(
            added_entities(
                "On Monday George told Herbert that the deal was off.",
                "On Monday George Herbert said that the deal was off."
            ),
            vec!["George Herbert".to_string()]
        );
        assert_eq!(
            added_entities(
                "The families came to Hillsborough. An independent panel met them.",
                "The Hillsborough Independent Panel met the families."
            ),
            vec!["Hillsborough Independent Panel".to_string()],
            "not across a sentence end"
        );
    }

    #[test]
    fn a_preposition_opening_the_sentence_is_no_part_of_a_name() {
        assert!(added_entities(
            "SARS has killed 296 people on China's mainland and infected more than 5,200.",
            "Throughout China's mainland, the disease has killed 300 people and infected more than 5,270."
        )
        .is_empty());
    }

    #[test]
    fn a_company_without_its_legal_form_or_a_name_without_its_initial_is_carried() {
        assert!(added_entities(
            "The companies include Sony, Microsoft, Nokia and others.",
            "The companies include Sony Corp., Microsoft Corp. and Nokia Corp. and others."
        )
        .is_empty());
        assert!(added_entities(
            "Joining him were Justices David H. Souter and Stephen G. Breyer.",
            "The opinion was joined by Justices David Souter and Stephen Breyer."
        )
        .is_empty());
    }

    #[test]
    fn a_person_is_carried_by_a_rare_family_name_alone() {
        assert!(added_entities(
            "The man is the uncle of Louima, the immigrant who was tortured in 1997.",
            "The man is an uncle of Abner Louima, who was tortured in 1997."
        )
        .is_empty());
        assert_eq!(
            added_entities(
                "The village was destroyed in the War, the museum says.",
                "The village was destroyed in the Indo-Pakistan War, the museum says."
            ),
            vec!["Indo-Pakistan War".to_string()]
        );
    }

    #[test]
    fn a_place_is_carried_by_the_name_of_its_people() {
        assert!(added_entities(
            "Because the country is so small, a Jutlander can date a Copenhagener.",
            "Because the country is so small, someone from Jutland can date someone from Copenhagen."
        )
        .is_empty());
    }

    #[test]
    fn a_name_spaced_two_ways_is_one_name() {
        assert_eq!(
            added_entities(
                "Officials denounced the closure of BingDian, an investigative newspaper.",
                "Officials denounced the closure of Bing Dian, an investigative newspaper.",
            ),
            Vec::<String>::new()
        );
        // Other letters are another name.
        assert_eq!(
            added_entities(
                "Officials denounced the closure of BingDian, an investigative newspaper.",
                "Officials denounced the closure of Bing Tian, an investigative newspaper.",
            ),
            vec!["Bing Tian".to_string()]
        );
    }

    #[test]
    fn bits_read_back_as_pushed() {
        let mut bits = Bits::default();
        let pushed: Vec<bool> = (0..130).map(|i| i % 3 == 0 || i == 64).collect();
        for &b in &pushed {
            bits.push(b);
        }
        assert!((0..130).all(|i| bits.get(i) == pushed[i]));
        assert!(!bits.get(130), "past the end");
    }

    #[test]
    fn postings_keep_each_list_in_item_order() {
        let postings = Postings::new(3, [(2, 0), (0, 1), (2, 2), (2, 5)].into_iter());
        assert_eq!(postings.of(2), [0, 2, 5]);
        assert_eq!(postings.of(0), [1]);
        assert!(postings.of(1).is_empty() && postings.of(9).is_empty());
    }

    #[test]
    fn possessive_country_reads_as_the_demonym() {
        assert_eq!(
            canonical_words("Russia's foreign ministry"),
            canonical_words("Russian Foreign Ministry")
        );
        assert_eq!(canonical_words("U.S. officials")[..2], ["united", "states"]);
        // The pronoun is no country.
        assert_eq!(canonical_words("told us"), ["told", "us"]);
    }
}
