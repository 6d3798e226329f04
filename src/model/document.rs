//! The document model: what `parse` produces and `extract` fills in.
//!
//! Plain data only. Every span is a half-open byte range into
//! [`Document::text`], the input as read (after BOM removal), so any finding
//! can point back at its source.

use serde::Serialize;
use std::sync::Arc;

use super::SharedText;
use crate::text::vocabulary::{Token, Tokens, Vocabulary, Word};

/// A half-open byte range `[start, end)` into [`Document::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Builds a span; `start <= end` is the caller's promise.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Where a web page's byline was read from, in the order the extractor
/// prefers them (Readability.js's: JSON-LD, then `<meta>` tags, then the
/// page's visible byline element). Text input has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[schemars(rename = "byline_source")]
#[serde(rename_all = "snake_case")]
pub enum BylineSource {
    /// The `author` of the page's schema.org JSON-LD article.
    JsonLd,
    /// A `<meta>` tag (`author`, `article:author`, `dc.creator`, …).
    Meta,
    /// An element of the page marked as the byline (`rel=author`,
    /// `itemprop=author`, a class or id with "byline" or "author").
    Visible,
}

/// What a block of the article is. Sentences inherit the kind of their block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[schemars(rename = "block_kind")]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The headline (first heading or first short line).
    Title,
    /// "By AFP", "By Jane Doe".
    Byline,
    /// A line that is only a date ("October 15, 2021").
    Dateline,
    /// A photo caption or photo credit ("Hoshang Hashimi / AFP", "(archive photo)").
    Caption,
    /// A section heading inside the body.
    Heading,
    /// Body text.
    Paragraph,
    /// Site furniture: "Follow our latest news", "Original url:", a bare URL.
    Boilerplate,
}

impl BlockKind {
    /// Body blocks are what gets aligned and compared for facts.
    pub fn is_body(self) -> bool {
        matches!(self, BlockKind::Paragraph | BlockKind::Heading)
    }

    /// The snake_case name used in JSON and in text output.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Byline => "byline",
            BlockKind::Dateline => "dateline",
            BlockKind::Caption => "caption",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Boilerplate => "boilerplate",
        }
    }
}

/// A run of text between blank lines (or one Markdown line), classified.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where the block is, Markdown markup included.
    pub span: Span,
}

/// One sentence, with the claims found in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    /// 0-based position in [`Document::sentences`].
    pub index: usize,
    /// The sentence as a reader sees it: Markdown markup removed
    /// (`*x*` → `x`, `[x](url)` → `x`), inner line breaks folded to spaces.
    /// Shared with [`Document::text`] when it reads as written.
    pub text: SharedText,
    /// Where the sentence is in the original text, markup included.
    pub span: Span,
    /// For a sentence read from a web page: the bytes of the page (as
    /// decoded, BOM removed, like [`Document::text`] for text) from its
    /// first letter or digit to its last, markup inside included; `None`
    /// for text input, or when the sentence could not be found again in
    /// the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_span: Option<Span>,
    /// The kind of the block the sentence belongs to.
    pub kind: BlockKind,
    /// Index of that block in [`Document::blocks`].
    pub block: usize,
    /// 1-based line and column (in characters) of `span.start`, for
    /// `file:line:col` locations.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// Claims found by `extract`; empty straight after `parse`.
    pub claims: Vec<Claim>,
}

/// A parsed article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Display name of the input: its path as given, or `<stdin>` (the
    /// name the CLI gives standard input).
    pub path: String,
    /// The input text as read, BOM removed; every span points into it.
    #[serde(skip)]
    pub text: Arc<str>,
    /// The headline, markup removed.
    pub title: Option<String>,
    /// The byline ("By AFP"), markup removed.
    pub byline: Option<String>,
    /// Where a web page's byline came from; `None` for text input.
    pub byline_source: Option<BylineSource>,
    /// The date line, if the article has one.
    pub dateline: Option<String>,
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
    /// Sentences of all blocks in reading order.
    pub sentences: Vec<Sentence>,
    /// The distinct words of every sentence, analysed once by `extract`
    /// (folded, stemmed, trigrams, synonym groups); empty before.
    #[serde(skip)]
    pub vocabulary: Vocabulary,
    /// Each sentence's words and punctuation, from its text as written
    /// (`text[span]`, Markdown emphasis and link targets dropped), by
    /// sentence index; filled in by `extract`.
    #[serde(skip)]
    pub tokens: Tokens,
}

/// Something a sentence asserts that a second report may keep, change or drop.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Claim {
    /// Somebody said something.
    // Boxed: an attribution is three times the size of the other claims,
    // and a long transcript holds hundreds of thousands of claims.
    Attribution(Box<Attribution>),
    /// A quantity.
    // Boxed too: a number (value, unit, qualifier, text) is the next
    // largest variant, and every claim takes the size of the largest.
    Number(Box<NumberClaim>),
    /// A named person, organisation or place.
    Entity(EntityClaim),
    /// A date or time expression.
    Date(DateClaim),
}

/// "X said Y", "Y, X said", "according to X".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    /// The speaker as written ("Russian President Vladimir Putin", "He"),
    /// `None` when the sentence names nobody.
    pub speaker: Option<String>,
    /// The speaker's canonical key, shared by every mention of one speaker
    /// in a document: "Russian President Vladimir Putin", "Putin" and a
    /// following "He" all give "putin". Lowercase.
    pub speaker_key: Option<String>,
    /// The cue as written ("said", "pointed out", "according to").
    pub cue: String,
    /// The cue's lemma ("say", "point out", "according to"); compare cues by this.
    pub cue_lemma: String,
    /// Where the cue is.
    pub cue_span: Span,
    /// Where the speaker mention is.
    pub speaker_span: Option<Span>,
    /// The quoted words, when the sentence quotes the speaker.
    pub quote: Option<Quote>,
    /// True when the content is a direct quotation.
    pub direct: bool,
    /// The reported content (quote or indirect clause), when found.
    pub content_span: Option<Span>,
    /// The speaker as a reader would name them: the words of `speaker`
    /// for a name or descriptor, and for a pronoun the words of the
    /// mention it resolves to ("He" after "Putin said" gives "Putin").
    /// `None` when the sentence names nobody or a pronoun stays unresolved.
    pub speaker_resolved: Option<String>,
}

/// Text inside quotation marks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The words between the marks, marks excluded.
    pub text: String,
    /// Where those words are.
    pub span: Span,
}

/// A number, as a value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberClaim {
    /// The value: "2,000", "two thousand" and "2000" all give 2000.
    /// Vague plurals ("hundreds") give their order of magnitude.
    pub value: f64,
    /// A unit or counted noun when one follows or precedes ("%", "$", "people").
    pub unit: Option<String>,
    /// A qualifier that bounds the value ("about", "up to", "more than").
    pub qualifier: Option<String>,
    /// True for vague amounts ("hundreds", "dozens").
    pub vague: bool,
    /// The text as written, qualifier excluded.
    pub text: String,
    /// Where that text is.
    pub span: Span,
    /// What the value measures when its unit is a unit of measure or a
    /// currency, read once by `extract` so that later stages compare
    /// quantities without reading units again. Not in the JSON: `unit`
    /// and `value` say it.
    #[serde(skip)]
    pub measure: Option<Measure>,
}

/// A quantity's dimension and its value in the dimension's base unit:
/// "30 miles" is a length of 48,280 m, "10 a.m." a time of day of 600
/// minutes after midnight, "£20m" 20,000,000 in money (each currency is
/// its own unit: amounts in two currencies never agree).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    /// "length", "speed", "mass", "money", ….
    pub dimension: &'static str,
    /// The value in the base unit of `dimension`.
    pub base: f64,
}

/// What makes two number claims the same fact, without building a string:
/// a quantity by its dimension, unit and base value; a count by its value,
/// vagueness and counted noun. Floats are compared by their bits, as equal
/// written values give equal bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKey<'a> {
    /// A value with a unit of measure or a currency.
    Measure {
        /// See [`Measure::dimension`].
        dimension: &'static str,
        /// The unit as extracted ("km", "$").
        unit: &'a str,
        /// [`Measure::base`], as bits.
        base: u64,
    },
    /// A count, of a noun when one is named ("12 people").
    Count {
        /// The value, as bits.
        value: u64,
        /// True for a vague amount ("hundreds").
        vague: bool,
        /// The counted noun.
        noun: Option<&'a str>,
    },
}

impl NumberClaim {
    /// The claim's [`NumberKey`].
    pub fn key(&self) -> NumberKey<'_> {
        match (&self.measure, self.unit.as_deref()) {
            (Some(m), Some(unit)) => NumberKey::Measure {
                dimension: m.dimension,
                unit,
                base: m.base.to_bits(),
            },
            _ => NumberKey::Count {
                value: self.value.to_bits(),
                vague: self.vague,
                noun: self.unit.as_deref(),
            },
        }
    }
}

/// A named entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityClaim {
    /// As written ("Islamic State", "ISIS").
    pub text: String,
    /// Canonical key: aliases and short forms share it ("islamic state").
    pub key: String,
    /// Where it is.
    pub span: Span,
}

/// A date or time expression.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateClaim {
    /// As written ("mid-August", "the 1980s", "October 15, 2021").
    pub text: String,
    /// Normalised form ("mid-08", "1980s", "2021-10-15", "friday").
    pub key: String,
    /// Where it is.
    pub span: Span,
}

impl Sentence {
    /// True when the reader text is the input as written (`text[span]`),
    /// so that the sentence's tokens index it. False for a sentence whose
    /// Markdown markup was removed or whose line breaks were folded.
    pub fn reads_as_written(&self, document_text: &str) -> bool {
        document_text
            .get(self.span.start..self.span.end)
            .is_some_and(|written| written == self.text.as_str())
    }

    /// The attributions among this sentence's claims.
    pub fn attributions(&self) -> impl Iterator<Item = &Attribution> {
        self.claims.iter().filter_map(|c| match c {
            Claim::Attribution(a) => Some(a.as_ref()),
            _ => None,
        })
    }
}

impl Document {
    /// The tokens of sentence `i` (see [`Document::tokens`]).
    pub fn tokens_of(&self, i: usize) -> &[Token] {
        self.tokens.of(i)
    }

    /// The words of `sentence` that lie inside `span` (a span of the
    /// document), in order: the words of a quote or a reported clause.
    pub fn words_in<'d>(
        &'d self,
        sentence: &Sentence,
        span: Span,
    ) -> impl Iterator<Item = &'d Word> + 'd {
        let base = sentence.span.start;
        self.tokens_of(sentence.index)
            .iter()
            .filter(move |t| {
                base + t.start() >= span.start && base + t.end(&self.vocabulary) <= span.end
            })
            .filter_map(|t| t.word_id())
            .map(|id| self.vocabulary.word(id))
    }

    /// The words inside `span` (a span of the document), in order, from
    /// every sentence it covers: the words of a quotation, which may run
    /// over several sentences.
    pub fn words_within(&self, span: Span) -> impl Iterator<Item = &Word> + '_ {
        let first = self.sentences.partition_point(|s| s.span.end <= span.start);
        self.sentences[first..]
            .iter()
            .take_while(move |s| s.span.start < span.end)
            .flat_map(move |s| self.words_in(s, span))
    }

    /// The words of sentence `i`, in order.
    pub fn words_of(&self, i: usize) -> impl Iterator<Item = &Word> + '_ {
        self.tokens_of(i)
            .iter()
            .filter_map(|t| t.word_id())
            .map(|id| self.vocabulary.word(id))
    }

    /// The text of token `token` of sentence `sentence`, as written.
    pub fn token_text(&self, sentence: &Sentence, token: Token) -> &str {
        let start = sentence.span.start + token.start();
        self.text
            .get(start..sentence.span.start + token.end(&self.vocabulary))
            .unwrap_or_default()
    }

    /// Sentences that take part in alignment: body text and boilerplate.
    /// Title, byline, dateline and captions are compared as metadata.
    pub fn alignable(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences
            .iter()
            .filter(|s| s.kind.is_body() || s.kind == BlockKind::Boilerplate)
    }
}

/// How sure a cue makes a reported statement sound.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[schemars(rename = "certainty")]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Distances the reporter or hedges ("claim", "allege", "suggest").
    Weaker,
    /// Reports without judging ("say", "tell", "according to").
    Neutral,
    /// Presents the content as true or insisted upon ("confirm", "stress").
    Stronger,
}

impl Certainty {
    /// The snake_case name used in messages and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Certainty::Weaker => "weaker",
            Certainty::Neutral => "neutral",
            Certainty::Stronger => "stronger",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_reads_its_words_off_the_sentence_that_holds_it() {
        let doc = crate::analyse(
            "t",
            "Rain fell.\n\nShe said \"the *talks* failed\" on Friday.",
        );
        let quote = doc.sentences[1]
            .attributions()
            .find_map(|a| a.quote.clone())
            .expect("a quote");
        let words: Vec<&str> = doc.words_within(quote.span).map(|w| &*w.folded).collect();
        assert_eq!(words, ["the", "talks", "failed"]);
        assert_eq!(doc.words_of(0).count(), 2);
        // A span across two sentences reads the words of both.
        let all: Vec<&str> = doc
            .words_within(Span::new(0, doc.text.len()))
            .map(|w| &*w.folded)
            .collect();
        assert_eq!(all.len(), 2 + doc.words_of(1).count());
        assert_eq!(all[..2], ["rain", "fell"]);
        let first = doc.tokens_of(1)[0];
        assert_eq!(doc.token_text(&doc.sentences[1], first), "She");
    }
}
