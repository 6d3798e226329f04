//! A sentence → BERT token ids, as Hugging Face's `BertTokenizer` with
//! `do_lower_case` makes them (the tokeniser all-MiniLM-L6-v2 was trained
//! with): clean, lower-case, strip accents, split at whitespace and
//! punctuation, then WordPiece (greedy longest match, `##` continuations).

use super::LoadError;
use rustc_hash::FxHashMap;
use std::path::Path;
use unicode_general_category::{get_general_category, GeneralCategory};
use unicode_normalization::UnicodeNormalization;

/// A word longer than this many characters is `[UNK]` (BERT's limit).
const MAX_WORD_CHARS: usize = 100;

/// The vocabulary and its special tokens.
#[derive(Debug)]
pub(crate) struct WordPiece {
    ids: FxHashMap<String, u32>,
    /// Lines in the file: one more than the largest id (a token listed
    /// twice keeps its last id, so the map may hold fewer).
    lines: usize,
    pub(crate) cls: u32,
    pub(crate) sep: u32,
    unk: u32,
}

impl WordPiece {
    /// Reads `vocab.txt`: one token a line, its id the line number.
    pub(crate) fn load(path: &Path) -> Result<WordPiece, LoadError> {
        let text = std::fs::read_to_string(path).map_err(|e| LoadError::Missing {
            path: path.to_owned(),
            why: e.to_string(),
        })?;
        WordPiece::from_lines(text.lines()).map_err(|why| LoadError::Corrupt {
            path: path.to_owned(),
            why,
        })
    }

    /// A vocabulary from its tokens in id order.
    pub(crate) fn from_lines<'a>(
        lines: impl Iterator<Item = &'a str>,
    ) -> Result<WordPiece, String> {
        let mut count = 0;
        // Sized once for BERT's 30,522 tokens: growing the table step by
        // step rehashed it a dozen times, a third of the load's time.
        let mut ids: FxHashMap<String, u32> =
            FxHashMap::with_capacity_and_hasher(32_768, Default::default());
        for (i, token) in lines.enumerate() {
            count = i + 1;
            ids.insert(token.to_owned(), i as u32);
        }
        let special = |name: &str| {
            ids.get(name)
                .copied()
                .ok_or_else(|| format!("vocabulary has no {name}"))
        };
        Ok(WordPiece {
            cls: special("[CLS]")?,
            sep: special("[SEP]")?,
            unk: special("[UNK]")?,
            ids,
            lines: count,
        })
    }

    /// Number of ids: every id it gives is below this.
    pub(crate) fn len(&self) -> usize {
        self.lines
    }

    /// `[CLS] tokens… [SEP]`, at most `max_len` ids in all.
    pub(crate) fn encode(&self, text: &str, max_len: usize) -> Vec<u32> {
        let mut out = vec![self.cls];
        let room = max_len.saturating_sub(2);
        'words: for word in basic_words(text) {
            for id in self.pieces(&word) {
                if out.len() > room {
                    break 'words;
                }
                out.push(id);
            }
        }
        out.push(self.sep);
        out
    }

    /// WordPiece of one basic word: the longest vocabulary prefix, then the
    /// longest `##` continuation, and so on; `[UNK]` when some rest has none.
    fn pieces(&self, word: &str) -> Vec<u32> {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() > MAX_WORD_CHARS {
            return vec![self.unk];
        }
        let mut out = Vec::new();
        let mut start = 0;
        let mut piece = String::new();
        while start < chars.len() {
            let mut end = chars.len();
            let found = loop {
                if end == start {
                    break None;
                }
                let from = chars[start].0;
                let to = chars.get(end).map_or(word.len(), |c| c.0);
                piece.clear();
                if start > 0 {
                    piece.push_str("##");
                }
                piece.push_str(&word[from..to]);
                if let Some(&id) = self.ids.get(&piece) {
                    break Some(id);
                }
                end -= 1;
            };
            match found {
                Some(id) => out.push(id),
                None => return vec![self.unk],
            }
            start = end;
        }
        out
    }
}

/// BERT's basic tokeniser: the words before WordPiece.
fn basic_words(text: &str) -> Vec<String> {
    // Clean (drop NUL, U+FFFD and control characters, whitespace to a
    // space), and set CJK ideographs apart as words of their own.
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\0' || c == '\u{fffd}' || is_control(c) {
            continue;
        }
        if c.is_whitespace() {
            cleaned.push(' ');
        } else if is_cjk(c) {
            cleaned.push(' ');
            cleaned.push(c);
            cleaned.push(' ');
        } else {
            cleaned.push(c);
        }
    }
    let mut words = Vec::new();
    for token in cleaned.split_whitespace() {
        // Lower-case, then strip accents: NFD and drop nonspacing marks.
        let folded: String = token
            .to_lowercase()
            .nfd()
            .filter(|&c| get_general_category(c) != GeneralCategory::NonspacingMark)
            .collect();
        let mut current = String::new();
        for c in folded.chars() {
            if is_punctuation(c) {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
                words.push(c.to_string());
            } else {
                current.push(c);
            }
        }
        if !current.is_empty() {
            words.push(current);
        }
    }
    words
}

/// Control characters as BERT sees them: Cc and Cf, except tab and newlines
/// (which are whitespace).
fn is_control(c: char) -> bool {
    if matches!(c, '\t' | '\n' | '\r') {
        return false;
    }
    matches!(
        get_general_category(c),
        GeneralCategory::Control | GeneralCategory::Format
    )
}

/// BERT's punctuation: every non-alphanumeric ASCII character that is not
/// a space (so `$`, `^`, `` ` `` count), and Unicode's P* categories.
fn is_punctuation(c: char) -> bool {
    let cp = c as u32;
    if (33..=47).contains(&cp)
        || (58..=64).contains(&cp)
        || (91..=96).contains(&cp)
        || (123..=126).contains(&cp)
    {
        return true;
    }
    get_general_category(c).abbreviation().starts_with('P')
}

/// The CJK Unified Ideographs blocks BERT's tokeniser sets apart.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B820..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> WordPiece {
        let tokens = "[PAD] [UNK] [CLS] [SEP] the cafe un ##aff ##able , . minister said $ 2 ##0";
        WordPiece::from_lines(tokens.split(' ')).unwrap()
    }

    #[test]
    fn basic_words_split_punctuation_and_fold_case_and_accents() {
        assert_eq!(
            basic_words("The Café,\tsaid: $20."),
            ["the", "cafe", ",", "said", ":", "$", "20", "."]
        );
        // Curly quotes and dashes are Unicode punctuation.
        assert_eq!(basic_words("“Yes”—no"), ["“", "yes", "”", "—", "no"]);
        // Control characters vanish; ideographs stand alone.
        assert_eq!(basic_words("a\u{200b}b 中文"), ["ab", "中", "文"]);
    }

    #[test]
    fn wordpiece_takes_the_longest_pieces_and_unknown_words_whole() {
        let v = vocab();
        assert_eq!(v.pieces("unaffable"), [6, 7, 8]);
        assert_eq!(v.pieces("20"), [14, 15]);
        assert_eq!(v.pieces("unxable"), [1], "a rest without a piece is [UNK]");
        assert_eq!(v.pieces(&"a".repeat(101)), [1]);
    }

    #[test]
    fn encode_wraps_in_cls_sep_and_truncates() {
        let v = vocab();
        assert_eq!(v.encode("The minister said.", 16), [2, 4, 11, 12, 10, 3]);
        assert_eq!(v.encode("The minister said.", 4), [2, 4, 11, 3]);
        assert_eq!(v.encode("", 8), [2, 3]);
    }

    #[test]
    fn a_token_listed_twice_keeps_the_ids_below_the_line_count() {
        let v = WordPiece::from_lines("[UNK] [CLS] [SEP] a a b".split(' ')).unwrap();
        assert_eq!(v.len(), 6);
        assert_eq!(v.pieces("a"), [4]);
    }

    #[test]
    fn a_vocabulary_without_special_tokens_is_an_error() {
        assert!(WordPiece::from_lines(["a", "b"].into_iter()).is_err());
    }
}
