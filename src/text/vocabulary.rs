//! A document's words, analysed once: each distinct word (as written) gets
//! a [`WordId`] with its folded form, its stem and stem key, its stopword
//! and capital flags, its character trigrams and its WordNet synonym
//! groups; each sentence is a list of [`Token`]s pointing at those words.
//!
//! `extract` fills both in while it tokenizes a sentence, and every later
//! stage (alignment, the fact comparison) reads them instead of splitting,
//! folding and stemming the text again. The tokens come from the sentence
//! as written (`Document::text[span]`), with Markdown emphasis and link
//! targets dropped, so their offsets are the input's and align and compare
//! see the same words extract saw.

use super::normalize::{self, is_stopword, key_of, Key};
use crate::lexicon::{self, Group};
use rustc_hash::FxHashMap;

/// The number of a distinct word in its document's [`Vocabulary`].
pub type WordId = u32;

/// A hashed character trigram. Half the size of a [`Key`]: a sentence has
/// about a hundred, and two sentences' trigrams only meet in one Dice
/// overlap, where a rare 32-bit collision moves the score by a hair.
pub type Trigram = u32;

/// One distinct word of a document, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// [`normalize::fold`]ed: lowercase, no diacritics, no possessive `'s`.
    pub folded: Box<str>,
    /// The Snowball stem of `folded`.
    pub stem: Box<str>,
    /// [`normalize::key`] of `stem`: what the similarity compares.
    pub stem_key: Key,
    /// [`normalize::key`] of the word as written: the same key in both
    /// documents for the same spelling, which the word diff compares.
    pub written_key: Key,
    /// Length of the word as written, in bytes.
    len: u32,
    flags: u8,
}

/// [`Word`] flags.
const STOPWORD: u8 = 1;
const CAPITALISED: u8 = 2;

impl Word {
    /// True for a function word that carries no topic
    /// ([`normalize::is_stopword`]).
    pub fn is_stopword(&self) -> bool {
        self.flags & STOPWORD != 0
    }

    /// True when the word as written starts with an uppercase letter.
    pub fn is_capitalised(&self) -> bool {
        self.flags & CAPITALISED != 0
    }

    /// The stem key of a content word, `None` for a stopword.
    pub fn content_key(&self) -> Option<Key> {
        (!self.is_stopword()).then_some(self.stem_key)
    }
}

/// The distinct words of one document; see the module comment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vocabulary {
    /// Word ids by the [`normalize::key`] of the word as written: a hash
    /// rather than the text, which would be a second copy of every word
    /// held as long as the document (64-bit FNV-1a: no collision at
    /// article scale, as for every [`Key`]).
    ids: FxHashMap<Key, WordId>,
    words: Vec<Word>,
    /// `trigrams[trigram_at[w]..trigram_at[w + 1]]` are word `w`'s, for
    /// content words (empty for stopwords, which features leave out).
    trigrams: Vec<Trigram>,
    trigram_at: Vec<u32>,
    /// `groups[group_at[w]..group_at[w + 1]]`: word `w`'s synonym groups.
    groups: Vec<Group>,
    group_at: Vec<u32>,
}

impl Vocabulary {
    /// The id of `written`, learning it (with its [`normalize::fold`]ed
    /// form `folded`) when it is new.
    pub fn intern(&mut self, written: &str, folded: &str) -> WordId {
        let written_key = normalize::key(written);
        if let Some(&id) = self.ids.get(&written_key) {
            return id;
        }
        let id = self.words.len() as WordId;
        let stopword = is_stopword(folded);
        let stem = normalize::stem(folded);
        let stem_key = normalize::key(&stem);
        if self.trigram_at.is_empty() {
            self.trigram_at.push(0);
            self.group_at.push(0);
        }
        if !stopword {
            add_trigrams(&mut self.trigrams, folded);
            self.groups.extend(lexicon::synonym_groups(stem_key));
        }
        self.trigram_at.push(self.trigrams.len() as u32);
        self.group_at.push(self.groups.len() as u32);
        let capitalised = written.chars().next().is_some_and(char::is_uppercase);
        self.words.push(Word {
            folded: folded.into(),
            stem: stem.into_boxed_str(),
            stem_key,
            written_key,
            len: written.len() as u32,
            flags: if stopword { STOPWORD } else { 0 } | if capitalised { CAPITALISED } else { 0 },
        });
        self.ids.insert(written_key, id);
        id
    }

    /// Gives back spare capacity once the document's words are all in:
    /// the vocabulary lives as long as its document.
    pub fn shrink_to_fit(&mut self) {
        self.ids.shrink_to_fit();
        self.words.shrink_to_fit();
        self.trigrams.shrink_to_fit();
        self.trigram_at.shrink_to_fit();
        self.groups.shrink_to_fit();
        self.group_at.shrink_to_fit();
    }

    /// The id of a word as written, if the document has it.
    pub fn id(&self, written: &str) -> Option<WordId> {
        self.ids.get(&normalize::key(written)).copied()
    }

    /// The word numbered `id`.
    pub fn word(&self, id: WordId) -> &Word {
        &self.words[id as usize]
    }

    /// How many distinct words there are.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when no word was learnt.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The trigrams of a content word (none for a stopword).
    pub fn trigrams(&self, id: WordId) -> &[Trigram] {
        let at = id as usize;
        &self.trigrams[self.trigram_at[at] as usize..self.trigram_at[at + 1] as usize]
    }

    /// Every word's trigrams, one after another, for renumbering them
    /// (see `align`); the words keep their ranges.
    pub fn all_trigrams(&self) -> &[Trigram] {
        &self.trigrams
    }

    /// Where word `id`'s trigrams are in [`Vocabulary::all_trigrams`].
    pub fn trigram_range(&self, id: WordId) -> std::ops::Range<usize> {
        let at = id as usize;
        self.trigram_at[at] as usize..self.trigram_at[at + 1] as usize
    }

    /// The WordNet synonym groups of a content word.
    pub fn groups(&self, id: WordId) -> &[Group] {
        let at = id as usize;
        &self.groups[self.group_at[at] as usize..self.group_at[at + 1] as usize]
    }
}

/// One word or one punctuation character of a sentence, in 8 bytes: a long
/// transcript has millions. Offsets are relative to the sentence's span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    /// [`PUNCTUATION`] and [`SPACE_BEFORE`] flags, then a [`WordId`] or
    /// the punctuation character.
    packed: u32,
}

const PUNCTUATION: u32 = 1 << 31;
const SPACE_BEFORE: u32 = 1 << 30;
const LINK: u32 = 1 << 29;
const VALUE: u32 = LINK - 1;

impl Token {
    /// A word token at `start` (relative to the sentence). Ids past 2^29,
    /// which no input within the size limit reaches, wrap.
    pub fn word(id: WordId, start: usize, space_before: bool) -> Token {
        Token {
            start: start as u32,
            packed: (id & VALUE) | if space_before { SPACE_BEFORE } else { 0 },
        }
    }

    /// A punctuation token: the character `c` at `start`.
    pub fn punctuation(c: char, start: usize, space_before: bool) -> Token {
        Token {
            start: start as u32,
            packed: PUNCTUATION | u32::from(c) | if space_before { SPACE_BEFORE } else { 0 },
        }
    }

    /// Byte offset of the first byte, relative to the sentence's span.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// One past the last byte, relative to the sentence's span.
    pub fn end(self, vocabulary: &Vocabulary) -> usize {
        let len = match self.word_id() {
            Some(id) => vocabulary
                .words
                .get(id as usize)
                .map_or(0, |w| w.len as usize),
            None => self.punctuation_char().map_or(1, char::len_utf8),
        };
        self.start as usize + len
    }

    /// The word's id, `None` for punctuation.
    pub fn word_id(self) -> Option<WordId> {
        (self.packed & PUNCTUATION == 0).then_some(self.packed & VALUE)
    }

    /// The punctuation character, `None` for a word.
    pub fn punctuation_char(self) -> Option<char> {
        (self.packed & PUNCTUATION != 0)
            .then(|| char::from_u32(self.packed & VALUE))
            .flatten()
    }

    /// True when whitespace (or the sentence start) comes right before.
    pub fn space_before(self) -> bool {
        self.packed & SPACE_BEFORE != 0
    }

    /// The token, part of a bare URL or an autolink when `link`.
    pub fn with_link(self, link: bool) -> Token {
        Token {
            packed: if link {
                self.packed | LINK
            } else {
                self.packed & !LINK
            },
            ..self
        }
    }

    /// True for a token of a bare URL or an autolink: the reader sees it,
    /// the extractors do not (its digits are no numbers).
    pub fn is_link(self) -> bool {
        self.packed & LINK != 0
    }
}

/// Every sentence's tokens, in one list: one allocation per document
/// rather than one per sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tokens {
    all: Vec<Token>,
    /// `all[starts[i]..starts[i + 1]]` are sentence `i`'s.
    starts: Vec<u32>,
}

impl Tokens {
    /// An empty list with room for `tokens` tokens: news prose runs
    /// about five bytes a token, so a document's length in bytes over
    /// five spares the list its doubling steps (each a copy of it).
    pub fn with_capacity(tokens: usize) -> Tokens {
        Tokens {
            all: Vec::with_capacity(tokens),
            starts: Vec::new(),
        }
    }

    /// Adds the next sentence's tokens.
    pub fn push_sentence(&mut self, tokens: impl IntoIterator<Item = Token>) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.all.extend(tokens);
        self.starts.push(self.all.len() as u32);
    }

    /// The tokens of sentence `i` (none past the end).
    pub fn of(&self, i: usize) -> &[Token] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&from), Some(&to)) => &self.all[from as usize..to as usize],
            _ => &[],
        }
    }

    /// How many sentences have tokens.
    pub fn sentence_count(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Gives back spare capacity once every sentence is in.
    pub fn shrink_to_fit(&mut self) {
        self.all.shrink_to_fit();
        self.starts.shrink_to_fit();
    }
}

fn trigram_key(bytes: &[u8]) -> Trigram {
    let hash = key_of(bytes.iter().copied());
    (hash ^ (hash >> 32)) as Trigram
}

/// Character trigrams of ` word `, hashed without building strings.
pub fn add_trigrams(out: &mut Vec<Trigram>, folded: &str) {
    let mut window = [' '; 3];
    let mut filled = 1;
    let mut buffer = [0u8; 12];
    for c in folded.chars().chain(std::iter::once(' ')) {
        window = [window[1], window[2], c];
        filled += 1;
        if filled >= 3 {
            let mut len = 0;
            for ch in window {
                len += ch.encode_utf8(&mut buffer[len..]).len();
            }
            out.push(trigram_key(&buffer[..len]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_learnt_once_with_its_stem_and_flags() {
        let mut v = Vocabulary::default();
        let a = v.intern("Confirmed", "confirmed");
        assert_eq!(v.intern("Confirmed", "confirmed"), a);
        let b = v.intern("confirms", "confirms");
        assert_ne!(a, b);
        assert_eq!(v.word(a).stem_key, v.word(b).stem_key);
        assert!(v.word(a).is_capitalised() && !v.word(b).is_capitalised());
        let the = v.intern("the", "the");
        assert!(v.word(the).is_stopword() && v.word(the).content_key().is_none());
        assert!(v.trigrams(the).is_empty() && !v.trigrams(a).is_empty());
        assert_eq!(v.len(), 3);
    }

    #[test]
    fn synonym_groups_come_with_the_word() {
        let mut v = Vocabulary::default();
        let (buy, purchase) = (v.intern("buy", "buy"), v.intern("purchase", "purchase"));
        assert!(v.groups(buy).iter().any(|g| v.groups(purchase).contains(g)));
    }

    #[test]
    fn tokens_pack_words_punctuation_and_spacing() {
        let mut v = Vocabulary::default();
        let id = v.intern("Kremlin", "kremlin");
        let word = Token::word(id, 4, true);
        assert_eq!(
            (word.word_id(), word.start(), word.end(&v)),
            (Some(id), 4, 11)
        );
        assert!(word.space_before() && word.punctuation_char().is_none());
        let mark = Token::punctuation('\u{201c}', 11, false);
        assert_eq!(
            (mark.punctuation_char(), mark.word_id()),
            (Some('\u{201c}'), None)
        );
        assert_eq!(mark.end(&v), 14);
        assert!(!mark.space_before() && !mark.is_link());
        assert!(word.with_link(true).is_link() && !word.with_link(true).with_link(false).is_link());
        assert_eq!(word.with_link(true).word_id(), Some(id));
        assert_eq!(std::mem::size_of::<Token>(), 8);
    }

    #[test]
    fn trigrams_hash_like_their_strings() {
        let mut hashed = Vec::new();
        add_trigrams(&mut hashed, "ab");
        let short = |t: &str| trigram_key(t.as_bytes());
        assert_eq!(hashed, vec![short(" ab"), short("ab ")]);
        hashed.clear();
        add_trigrams(&mut hashed, "é");
        assert_eq!(hashed, vec![short(" é ")]);
    }

    #[test]
    fn sentences_keep_their_own_tokens() {
        let mut tokens = Tokens::default();
        tokens.push_sentence([Token::punctuation('.', 0, true)]);
        tokens.push_sentence([]);
        assert_eq!(tokens.of(0).len(), 1);
        assert!(tokens.of(1).is_empty() && tokens.of(2).is_empty());
        assert_eq!(tokens.sentence_count(), 2);
    }
}
