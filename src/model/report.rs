//! The [`Report`]: everything newsdiff found, and the JSON contract (version 1).
//!
//! Renderers only read this; field names here are the wire names scripts
//! depend on (see `DESIGN.md`). Add fields freely; never rename or remove.

pub use crate::model::Certainty;
use crate::model::{BlockKind, SharedText};
use serde::Serialize;

/// JSON contract version.
pub const CONTRACT_VERSION: u32 = 1;

/// The result of comparing two reports.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "report", deny_unknown_fields)]
pub struct Report {
    /// The contract version: always 1 ([`CONTRACT_VERSION`]).
    #[schemars(extend("const" = CONTRACT_VERSION))]
    pub version: u32,
    /// The first (reference) report.
    pub left: SideReport,
    /// The second report.
    pub right: SideReport,
    /// Aligned sentences, in the right report's reading order.
    pub pairs: Vec<PairReport>,
    /// Indices of alignable left sentences with no partner.
    pub left_only: Vec<usize>,
    /// Indices of alignable right sentences with no partner.
    pub right_only: Vec<usize>,
    /// Changes of who said what, and how.
    pub attribution_changes: Vec<AttributionChange>,
    /// Facts omitted, added or changed.
    pub facts: Facts,
    /// Source credits (byline, photo credits) one report gives and the
    /// other names nowhere: not in its byline, photo credits or text.
    pub credit_changes: Vec<CreditChange>,
    /// Headline changes (whenever the headlines differ, one missing
    /// included) and date line changes (only when both reports have one).
    pub metadata_changes: Vec<MetadataChange>,
    /// Counts of the above.
    pub summary: Summary,
    /// Facts about the inputs that make the findings misleading unless
    /// said (one side's quotation marks lost in conversion). No finding:
    /// they count as no difference. Left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub warnings: Vec<Warning>,
}

/// A fact about the inputs that a reader of the report should know.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "warning", deny_unknown_fields)]
pub struct Warning {
    /// What is wrong.
    pub kind: WarningKind,
    /// The side it is wrong with.
    pub side: Side,
    /// One line for a person, naming the inputs.
    pub message: String,
}

/// The kinds of [`Warning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// `side` has no quotation mark at all while the other quotes three
    /// statements or more: its marks were most likely lost in conversion,
    /// and every quote is then reported as made indirect (or added).
    QuotationMarksMissing,
}

/// Left or right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The first (reference) report.
    Left,
    /// The second report.
    Right,
}

/// One input, as the report shows it.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "side", deny_unknown_fields)]
pub struct SideReport {
    /// Display name of the input: its path as given, or `<stdin>` for
    /// standard input.
    pub path: String,
    /// Headline, if found.
    pub title: Option<String>,
    /// Byline ("By AFP"), if found.
    pub byline: Option<String>,
    /// Where a web page's byline came from (`json_ld`, `meta`, `visible`).
    /// Present only for a web page with a byline: text input leaves the
    /// field out, so reports of text stay as they were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline_source: Option<crate::model::BylineSource>,
    /// Date line, if found.
    pub dateline: Option<String>,
    /// Every sentence of the input, metadata included.
    pub sentences: Vec<SentenceReport>,
}

/// One sentence of an input.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sentence", deny_unknown_fields)]
pub struct SentenceReport {
    /// 0-based index into `sentences`.
    pub index: usize,
    /// The sentence, Markdown markup removed.
    #[schemars(with = "String")]
    pub text: SharedText,
    /// Half-open byte range into the input as read (after BOM removal);
    /// for a web page, into its extracted text (what `newsdiff extract`
    /// prints).
    pub span: [usize; 2],
    /// Web pages only: half-open byte range into the page's HTML (as
    /// decoded, BOM removed) from the sentence's first letter or digit to
    /// its last. Left out for text input and for a sentence the page
    /// could not be matched to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_span: Option<[usize; 2]>,
    /// Block kind: title, byline, dateline, caption, heading, paragraph, boilerplate.
    pub kind: BlockKind,
    /// 1-based line of the sentence start.
    #[schemars(range(min = 1))]
    pub line: usize,
    /// 1-based column (in characters) of the sentence start.
    #[schemars(range(min = 1))]
    pub column: usize,
}

/// One aligned group: 1:1, 1:2 or 2:1.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "pair", deny_unknown_fields)]
pub struct PairReport {
    /// Left sentence indices, ascending.
    pub left: Vec<usize>,
    /// Right sentence indices, ascending.
    pub right: Vec<usize>,
    /// Similarity in [0, 1].
    #[schemars(range(min = 0.0, max = 1.0))]
    pub similarity: f64,
    /// True when the pair sits elsewhere in the story on the right (see `align`).
    pub moved: bool,
    /// How a moved pair moved: `reordered` (out of story order) or
    /// `relocated` (in order, but lifted over a passage only one side
    /// has). Absent when `moved` is false.
    #[serde(skip_serializing_if = "Option::is_none")]
    // Left out rather than null when absent: the schema gives the inner type.
    #[schemars(with = "MoveKind")]
    pub move_kind: Option<MoveKind>,
    /// Which score decided the pair, in a `--semantic` run: `lexical` (the
    /// words settled it) or `semantic` (the sentence encoder's score,
    /// combined with the words'). Absent when no model was used.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Scorer")]
    pub scorer: Option<Scorer>,
    /// Word-level diff from the left text to the right text.
    pub diff: Vec<DiffOp>,
}

/// One run of the word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "diff_op", deny_unknown_fields)]
pub struct DiffOp {
    /// What happened to this run.
    pub op: DiffTag,
    /// The words, with their spacing.
    pub text: String,
}

/// Word diff operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "diff_tag")]
#[serde(rename_all = "snake_case")]
pub enum DiffTag {
    /// In both.
    Equal,
    /// Only on the left.
    Delete,
    /// Only on the right.
    Insert,
}

/// How an aligned pair moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[schemars(rename = "move_kind")]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// The pair breaks the story order: the other side tells it earlier or
    /// later.
    Reordered,
    /// The pair keeps the story order but was lifted over a passage of
    /// several sentences that only one side has (cut or added), so it now
    /// sits in another context.
    Relocated,
}

/// The score that decided an aligned pair (see `align::semantic`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[schemars(rename = "scorer")]
#[serde(rename_all = "snake_case")]
pub enum Scorer {
    /// The lexical similarity alone.
    Lexical,
    /// The sentence encoder's cosine combined with the lexical similarity.
    Semantic,
}

/// Kinds of attribution change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[schemars(rename = "attribution_change_kind")]
#[serde(rename_all = "snake_case")]
pub enum AttributionChangeKind {
    /// Same speaker, different cue ("said" → "confirmed").
    CueChanged,
    /// The statement is credited to somebody else.
    SpeakerChanged,
    /// The words inside the quotation marks differ.
    QuoteAltered,
    /// A direct quote became reported speech.
    QuoteMadeIndirect,
    /// The left credits a speaker; the aligned right sentence credits nobody.
    AttributionDropped,
    /// The right credits a speaker the left did not.
    AttributionAdded,
}

/// One change of attribution between aligned sentences.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "attribution_change", deny_unknown_fields)]
pub struct AttributionChange {
    /// What changed.
    pub kind: AttributionChangeKind,
    /// Left sentence index, if any.
    pub left: Option<usize>,
    /// Right sentence index, if any.
    pub right: Option<usize>,
    /// The speaker, as the left names it (or the right, if the left names
    /// none), with pronouns resolved: "He" after "Putin said" gives "Putin".
    pub speaker: Option<String>,
    /// The speaker's words in the sentence itself, when they differ from
    /// `speaker` (a pronoun: "He").
    #[serde(skip_serializing_if = "Option::is_none")]
    // Left out rather than null when absent: the schema gives the inner type.
    #[schemars(with = "String")]
    pub speaker_as_written: Option<String>,
    /// Cue lemma on the left.
    pub left_cue: Option<String>,
    /// Cue lemma on the right.
    pub right_cue: Option<String>,
    /// The left cue as written ("said", "pointed out"), where `left_cue`
    /// gives its lemma.
    #[serde(skip_serializing_if = "Option::is_none")]
    // Left out rather than null when absent: the schema gives the inner type.
    #[schemars(with = "String")]
    pub left_cue_text: Option<String>,
    /// The right cue as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub right_cue_text: Option<String>,
    /// For a cue change: how sure the left cue makes the statement sound
    /// (`weaker`, `neutral`, `stronger`; see `lexicon::cues::certainty`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Certainty")]
    pub left_certainty: Option<Certainty>,
    /// For a cue change: the same for the right cue.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Certainty")]
    pub right_certainty: Option<Certainty>,
    /// A one-line human explanation.
    pub detail: String,
    /// The left quote, for quote changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub left_quote: Option<String>,
    /// The right quote, for quote changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub right_quote: Option<String>,
    /// For an altered quote: the word diff of `left_quote` against
    /// `right_quote`, made as the pairs' diffs are, so a reader sees what
    /// changed inside the marks.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<DiffOp>")]
    pub quote_diff: Option<Vec<DiffOp>>,
}

/// Fact findings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, schemars::JsonSchema)]
#[schemars(rename = "facts", deny_unknown_fields)]
pub struct Facts {
    /// Left facts the right carries nowhere.
    pub omitted: Vec<Fact>,
    /// Right facts the left carries nowhere.
    pub added: Vec<Fact>,
    /// Facts whose value differs between aligned sentences.
    pub changed: Vec<FactChange>,
}

/// Kind of fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[schemars(rename = "fact_kind")]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// A quantity.
    Number,
    /// A named entity.
    Entity,
    /// A date or time expression.
    Date,
    /// A direct quotation.
    Quote,
    /// Polarity: only in `facts.changed`, when one side denies what the
    /// other asserts ("did" → "did not").
    Polarity,
}

/// A fact one side has and the other lacks.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "fact", deny_unknown_fields)]
pub struct Fact {
    /// Kind of fact.
    pub kind: FactKind,
    /// As written.
    pub text: String,
    /// Numeric value, for numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "f64")]
    pub value: Option<f64>,
    /// Index of the sentence that carries it (on its own side).
    pub sentence: usize,
}

/// A fact that differs between aligned sentences.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "fact_change", deny_unknown_fields)]
pub struct FactChange {
    /// Kind of fact.
    pub kind: FactKind,
    /// Left wording.
    pub left_text: String,
    /// Right wording.
    pub right_text: String,
    /// Left sentence index.
    pub left: usize,
    /// Right sentence index.
    pub right: usize,
}

/// Whether a credit was dropped or added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[schemars(rename = "credit_change_kind")]
#[serde(rename_all = "snake_case")]
pub enum CreditChangeKind {
    /// The left credits a source the right names nowhere.
    CreditDropped,
    /// The right credits a source the left names nowhere.
    CreditAdded,
}

/// Where a credit is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[schemars(rename = "credit_source")]
#[serde(rename_all = "snake_case")]
pub enum CreditSource {
    /// The byline ("By AFP").
    Byline,
    /// A photo credit ("Hoshang Hashimi / AFP").
    PhotoCredit,
    /// The source a wire dateline names ("MOSCOW (AP) —").
    Dateline,
}

impl CreditChangeKind {
    /// The snake_case wire name.
    pub fn name(self) -> &'static str {
        match self {
            CreditChangeKind::CreditDropped => "credit_dropped",
            CreditChangeKind::CreditAdded => "credit_added",
        }
    }
}

impl MetadataField {
    /// The snake_case wire name.
    pub fn name(self) -> &'static str {
        match self {
            MetadataField::Title => "title",
            MetadataField::Dateline => "dateline",
        }
    }
}

impl CreditSource {
    /// Words for messages ("byline", "photo").
    pub fn name(self) -> &'static str {
        match self {
            CreditSource::Byline => "byline",
            CreditSource::PhotoCredit => "photo",
            CreditSource::Dateline => "dateline",
        }
    }
}

/// A source credit one side gives and the other names nowhere (not in its
/// byline, photo credits or text).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "credit_change", deny_unknown_fields)]
pub struct CreditChange {
    /// Dropped or added.
    pub kind: CreditChangeKind,
    /// The credited name ("AFP", "Hoshang Hashimi").
    pub credit: String,
    /// Where it was credited.
    pub source: CreditSource,
    /// Left sentence that gives the credit (for a dropped credit).
    pub left: Option<usize>,
    /// Right sentence that gives the credit (for an added credit).
    pub right: Option<usize>,
    /// A one-line human explanation.
    pub detail: String,
}

/// Which piece of metadata changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[schemars(rename = "metadata_field")]
#[serde(rename_all = "snake_case")]
pub enum MetadataField {
    /// The headline.
    Title,
    /// The date line.
    Dateline,
}

/// A headline or date line that differs between the reports.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "metadata_change", deny_unknown_fields)]
pub struct MetadataChange {
    /// Which field.
    pub field: MetadataField,
    /// The left wording, `null` when the left has none.
    pub left_text: Option<String>,
    /// The right wording, `null` when the right has none.
    pub right_text: Option<String>,
    /// Left sentence of the field, if any.
    pub left: Option<usize>,
    /// Right sentence of the field, if any.
    pub right: Option<usize>,
}

/// Counts, for a summary line and for CI thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, schemars::JsonSchema)]
#[schemars(rename = "summary", deny_unknown_fields)]
pub struct Summary {
    /// Sentences on the left.
    pub left_sentences: usize,
    /// Sentences on the right.
    pub right_sentences: usize,
    /// Aligned groups.
    pub pairs: usize,
    /// Unaligned left sentences.
    pub left_only: usize,
    /// Unaligned right sentences.
    pub right_only: usize,
    /// Attribution changes.
    pub attribution_changes: usize,
    /// Omitted facts.
    pub omitted_facts: usize,
    /// Added facts.
    pub added_facts: usize,
    /// Changed facts.
    pub changed_facts: usize,
    /// Aligned groups marked `moved`.
    pub moved: usize,
    /// Aligned groups whose wording differs.
    pub reworded: usize,
    /// Credit changes.
    pub credit_changes: usize,
    /// Headline and date line changes.
    pub metadata_changes: usize,
}

impl AttributionChangeKind {
    /// Every kind, most important first: the order renderers list them in
    /// (GitHub shows only the first ten annotations of a step).
    pub const BY_IMPORTANCE: [AttributionChangeKind; 6] = [
        AttributionChangeKind::QuoteAltered,
        AttributionChangeKind::SpeakerChanged,
        AttributionChangeKind::AttributionDropped,
        AttributionChangeKind::QuoteMadeIndirect,
        AttributionChangeKind::CueChanged,
        AttributionChangeKind::AttributionAdded,
    ];

    /// The snake_case wire name.
    pub fn name(self) -> &'static str {
        match self {
            AttributionChangeKind::CueChanged => "cue_changed",
            AttributionChangeKind::SpeakerChanged => "speaker_changed",
            AttributionChangeKind::QuoteAltered => "quote_altered",
            AttributionChangeKind::QuoteMadeIndirect => "quote_made_indirect",
            AttributionChangeKind::AttributionDropped => "attribution_dropped",
            AttributionChangeKind::AttributionAdded => "attribution_added",
        }
    }
}

impl FactKind {
    /// The snake_case wire name.
    pub fn name(self) -> &'static str {
        match self {
            FactKind::Number => "number",
            FactKind::Entity => "entity",
            FactKind::Date => "date",
            FactKind::Quote => "quote",
            FactKind::Polarity => "polarity",
        }
    }
}

/// The aligned pair of each sentence, by side, built once per report:
/// looked up for every finding, where a scan of the pairs per finding was
/// quadratic on long inputs.
pub(crate) struct PairsOf<'r> {
    left: Vec<Option<&'r PairReport>>,
    right: Vec<Option<&'r PairReport>>,
}

impl<'r> PairsOf<'r> {
    pub(crate) fn new(report: &'r Report) -> PairsOf<'r> {
        let mut left = vec![None; report.left.sentences.len()];
        let mut right = vec![None; report.right.sentences.len()];
        for pair in &report.pairs {
            for (indices, slots) in [(&pair.left, &mut left), (&pair.right, &mut right)] {
                for &i in indices {
                    if let Some(slot @ None) = slots.get_mut(i) {
                        *slot = Some(pair);
                    }
                }
            }
        }
        PairsOf { left, right }
    }

    /// The aligned pair holding left sentence `left`, else the one holding
    /// right sentence `right`.
    pub(crate) fn of(&self, left: Option<usize>, right: Option<usize>) -> Option<&'r PairReport> {
        let on = |slots: &[Option<&'r PairReport>], i: Option<usize>| slots.get(i?).copied()?;
        on(&self.left, left).or_else(|| on(&self.right, right))
    }
}

impl Report {
    /// True when the report has anything to show: `diff`'s exit status 1.
    /// Reads the summary only, so whatever a renderer prints is counted.
    pub fn has_differences(&self) -> bool {
        let s = &self.summary;
        s.left_only
            + s.right_only
            + s.attribution_changes
            + s.omitted_facts
            + s.added_facts
            + s.changed_facts
            + s.moved
            + s.reworded
            + s.credit_changes
            + s.metadata_changes
            > 0
    }
}
