//! English verb inflection for the cue table. `build.rs` includes this file
//! too, to expand the table's "regular" forms at build time.

/// Base, third person, past and -ing forms of a regular verb.
pub(crate) fn regular_forms(verb: &str) -> Vec<String> {
    let b = verb.as_bytes();
    let last = b[b.len() - 1];
    let before = if b.len() > 1 { b[b.len() - 2] } else { b'a' };
    let vowel = |c: u8| b"aeiou".contains(&c);
    let stem = &verb[..verb.len() - 1];
    let third = if ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|s| verb.ends_with(s))
    {
        format!("{verb}es")
    } else if last == b'y' && !vowel(before) {
        format!("{stem}ies")
    } else {
        format!("{verb}s")
    };
    let past = if last == b'e' {
        format!("{verb}d")
    } else if last == b'y' && !vowel(before) {
        format!("{stem}ied")
    } else {
        format!("{verb}ed")
    };
    let ing = if last == b'e' && before != b'e' {
        format!("{stem}ing")
    } else {
        format!("{verb}ing")
    };
    vec![verb.to_string(), third, past, ing]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_verbs_take_their_spelling_rules() {
        assert_eq!(
            regular_forms("confirm"),
            ["confirm", "confirms", "confirmed", "confirming"]
        );
        assert_eq!(regular_forms("note"), ["note", "notes", "noted", "noting"]);
        assert_eq!(
            regular_forms("deny"),
            ["deny", "denies", "denied", "denying"]
        );
        assert_eq!(
            regular_forms("stress"),
            ["stress", "stresses", "stressed", "stressing"]
        );
        assert_eq!(
            regular_forms("agree"),
            ["agree", "agrees", "agreed", "agreeing"]
        );
    }
}
