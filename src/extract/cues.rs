//! Finding reporting cues in a sentence's tokens, by the forms of the cue
//! table in [`crate::lexicon::cues`].

use super::context::Ctx;
use crate::lexicon::cues;

/// A cue found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CueMatch {
    /// First token of the cue.
    pub from: usize,
    /// One past its last token.
    pub to: usize,
    /// Its lemma.
    pub lemma: &'static str,
    /// True for the uninflected form, which needs a plural or pronoun
    /// subject to count ("officials say", not "the Russian state").
    pub base: bool,
}

/// The longest cue starting at token `k`, if any.
pub(crate) fn match_at(ctx: &Ctx<'_>, k: usize) -> Option<CueMatch> {
    let forms = cues::forms_starting(ctx.word(k))?;
    forms.iter().find_map(|f| {
        let fits = f
            .words
            .iter()
            .enumerate()
            .all(|(i, w)| ctx.word(k + i) == w);
        fits.then_some(CueMatch {
            from: k,
            to: k + f.words.len(),
            lemma: f.lemma,
            base: f.base,
        })
    })
}
