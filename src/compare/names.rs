//! The forms of one name: acronyms and initials, spelling variants, a
//! shorter or plural run of the same words, and whether a name reads as a
//! person's (whose family name alone names them).

use crate::extract::{alias, demonym};
use crate::lexicon::names::{is_title, is_title_word, name_suffix, NOT_PERSON};
use crate::text::normalize::{self, fold};

/// The letters of an acronym ("U.S.A." → "usa"), if `text` is one.
pub(super) fn acronym(text: &str) -> Option<String> {
    let letters: String = text.chars().filter(|c| *c != '.').collect();
    (letters.chars().count() >= 2
        && letters
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit()))
    .then(|| letters.to_lowercase())
}

/// Initials of a multiword name; an acronym in it gives all its letters.
pub(super) fn initials(text: &str) -> String {
    normalize::words(text)
        .filter(|(_, w)| !matches!(fold(w).as_str(), "of" | "the" | "and" | "for" | "de" | "al"))
        .flat_map(|(_, w)| match acronym(w) {
            Some(a) => a.chars().collect::<Vec<_>>(),
            None => w.chars().take(1).flat_map(char::to_lowercase).collect(),
        })
        .collect()
}

/// A name that reads as a person's: keyed by its family name, or two to
/// four words, none a demonym, not ending like a place or organisation.
/// A generational suffix ("Jr.") is read past.
pub(super) fn person_like(folded: &[String], key: &str) -> bool {
    let folded = without_suffix(folded);
    let Some(last) = folded.last() else {
        return false;
    };
    if folded.len() < 2 || NOT_PERSON.contains(&last.as_str()) {
        return false;
    }
    let family_keyed = !key.contains(' ') && key == last;
    family_keyed
        || (folded.len() <= 4
            && folded
                .iter()
                .all(|w| demonym(w).is_none() && alias(w).is_none()))
}

/// A name's folded words without the generational suffixes that close it
/// ("Harold W. Gehman Jr." → harold w gehman).
fn without_suffix(folded: &[String]) -> &[String] {
    let suffixes = folded
        .iter()
        .rev()
        .take_while(|w| name_suffix(w).is_some())
        .count();
    &folded[..folded.len() - suffixes]
}

/// A person's name read for [`same_given`]: the first given name, whether
/// a word of more than a letter stands between it and the family name,
/// and the family name.
pub(super) struct PersonName<'a> {
    pub(super) given: &'a str,
    pub(super) middle: bool,
    pub(super) family: &'a str,
}

/// A person's name as folded words, the titles before it and a suffix
/// after it left out: "Adm. Hal Gehman" is Hal … Gehman, "Navy Admiral
/// Harold W. Gehman Jr." Harold … Gehman with an initial between. `None`
/// without a given name.
pub(super) fn person_name(folded: &[String]) -> Option<PersonName<'_>> {
    let start = folded
        .iter()
        .rposition(|w| is_title(w) || is_title_word(w))
        .map_or(0, |t| t + 1);
    let name = without_suffix(folded).get(start..)?;
    let [given, between @ .., family] = name else {
        return None;
    };
    Some(PersonName {
        given,
        middle: between.iter().any(|w| w.chars().count() > 1),
        family,
    })
}

/// True when two names of one family name can be one person's: at most
/// one has a middle name written out ("Duncan Robert Rait" and "Duncan
/// Rait"; "James Webb Space Telescope" and "James Gunn Space Telescope"
/// are no people), and one given name begins the other ("Doug" and
/// "Douglas", "J" and "James") or, for a family name rare enough to name
/// one person (`rare_family`), they share an initial ("Hal" and "Harold").
/// "Fred" and "Ike" LaRue are two.
pub(super) fn same_given(ours: &PersonName, theirs: &PersonName, rare_family: bool) -> bool {
    let (a, b) = (ours.given, theirs.given);
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !(ours.middle && theirs.middle)
        && (long.starts_with(short) || (rare_family && a.chars().next() == b.chars().next()))
}

/// `ours` names what `theirs` names: a spelling variant of it or of a run of
/// its words ("World Heritage Sites" in "UNESCO World Heritage Site"), or
/// it with a word dropped before the same head ("International Maritime
/// Museum" and "Maritime Museum").
pub(super) fn same_name(ours: &[String], theirs: &[String]) -> bool {
    let variant = theirs.len() >= ours.len()
        && theirs
            .windows(ours.len())
            .any(|w| spelling_variant(ours, w));
    let shorter = theirs.len() >= 2
        && theirs.len() < ours.len()
        && ours
            .windows(theirs.len())
            .any(|w| w == theirs && ours.last() == theirs.last());
    variant || shorter
}

/// Two names that differ only in spelling: word for word equal, one letter
/// off ("Rait"/"Raite", "Heidar"/"Heydar"), or abbreviated ("Mt"/"Mount").
fn spelling_variant(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() || a == b {
        return false;
    }
    let exact = a.iter().zip(b).filter(|(x, y)| x == y).count();
    a.iter().zip(b).all(|(x, y)| {
        let shortest = x.chars().count().min(y.chars().count());
        x == y
            || abbreviates(x, y)
            || abbreviates(y, x)
            // One letter off is a spelling in a long word, or beside a word
            // both write alike; in a short word alone it is another name
            // ("Iran"/"Iraq").
            || (one_edit(x, y) && (shortest >= 5 || (shortest >= 4 && exact > 0)))
    })
}

/// `short` abbreviates `long`: at most three letters, the first the same,
/// all of them in order in `long` ("mt" / "mount", "st" / "street").
fn abbreviates(short: &str, long: &str) -> bool {
    let n = short.chars().count();
    if n == 0 || n > 3 || n >= long.chars().count() || short.chars().next() != long.chars().next() {
        return false;
    }
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

/// True when one substitution, insertion or deletion turns `a` into `b`.
pub(super) fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 || a == b {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::super::carried::folded_words;
    use super::*;

    #[test]
    fn spelling_variants_of_one_name() {
        let w = |s: &str| folded_words(s);
        assert!(spelling_variant(&w("Duncan Rait"), &w("Duncan Raite")));
        assert!(spelling_variant(
            &w("Heidar Alishvandi"),
            &w("Heydar Alishbandi")
        ));
        assert!(spelling_variant(
            &w("Aoraki Mount Cook National Park"),
            &w("Aoraki-Mt Cook National Park")
        ));
        assert!(!spelling_variant(&w("Iran"), &w("Iraq")));
        assert!(!spelling_variant(
            &w("Genesee County"),
            &w("Oakland County")
        ));
    }

    #[test]
    fn acronyms_spell_initials() {
        assert_eq!(initials("US Geological Survey"), "usgs");
        assert_eq!(acronym("U.S."), Some("us".to_string()));
        assert_eq!(acronym("Golden"), None);
    }

    #[test]
    fn one_edit_counts_letters() {
        assert!(one_edit("advisors", "advisers"));
        assert!(one_edit("rait", "raite"));
        assert!(!one_edit("karami", "kazemi"));
    }
}
