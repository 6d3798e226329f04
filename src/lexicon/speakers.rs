//! Words of speaker phrases: the nouns that head them ("the ministry",
//! "a spokesman"), which of those name one person or an organisation, the
//! modifiers inside them and the words between a speaker and the cue.

/// Nouns that can head a speaker phrase (singular; a plural `-s` is
/// accepted too).
#[rustfmt::skip]
pub(crate) const SPEAKER_NOUNS: &[&str] = &[
    "official", "ministry", "minister", "spokesman", "spokeswoman", "spokesperson", "spokesmen",
    "envoy", "president", "leader", "government", "authority", "authorities", "police", "army",
    "military", "source", "analyst", "expert", "diplomat", "ambassador", "secretary", "chief",
    "head", "commander", "agency", "office", "department", "report", "statement", "witness",
    "witnesses", "resident", "observer", "investigator", "prosecutor", "lawyer", "judge", "court",
    "committee", "council", "representative", "negotiator", "mediator", "researcher", "scientist",
    "doctor", "activist", "group", "organisation", "organization", "media", "newspaper", "company",
    "officer", "member", "lawmaker", "senator", "chairman", "governor", "mayor", "director",
    "service", "embassy", "administration", "kremlin", "people", "author", "study", "survey",
    "finding", "data", "estimate", "poll", "city", "association", "union", "team",
    "coroner", "sheriff", "undersheriff", "inspector", "detective", "sergeant", "lieutenant",
    "captain", "constable", "professor", "economist", "campaigner", "critic", "owner", "manager",
    "executive", "founder", "firm", "manufacturer", "maker", "regulator", "watchdog", "charity",
    "employee", "worker", "engineer", "teacher", "nurse", "biologist", "chain", "body",
    "figures", "statistics", "census", "coach", "trainer", "player",
];

/// Heads of research speakers ("the study", "the researchers"): only these
/// make "found"/"showed" report something rather than an act ("police
/// found the car").
#[rustfmt::skip]
pub(crate) const RESEARCH_NOUNS: &[&str] = &[
    "study", "survey", "research", "report", "researcher", "scientist", "author", "analysis",
    "finding", "data", "estimate", "poll", "review", "investigation", "investigator",
    "paper", "experiment", "team", "expert", "analyst",
];

/// Speaker nouns naming one person, so a later "he"/"she" can refer to them.
#[rustfmt::skip]
pub(crate) const PERSON_NOUNS: &[&str] = &[
    "official", "minister", "spokesman", "spokeswoman", "spokesperson", "envoy", "president",
    "leader", "diplomat", "ambassador", "secretary", "chief", "head", "commander", "analyst",
    "expert", "witness", "observer", "prosecutor", "lawyer", "judge", "representative",
    "negotiator", "chairman", "governor", "mayor", "director", "officer", "senator", "lawmaker",
    "coroner", "sheriff", "undersheriff", "inspector", "detective", "sergeant", "lieutenant",
    "captain", "constable", "professor", "economist", "owner", "manager", "executive", "founder",
    "engineer", "teacher", "nurse", "biologist",
];

/// Last words of names that are organisations, not people.
#[rustfmt::skip]
pub(crate) const ORG_NOUNS: &[&str] = &[
    "ministry", "office", "department", "council", "committee", "commission", "agency", "service",
    "government", "army", "police", "parliament", "court", "bank", "organization", "organisation",
    "group", "party", "union", "kremlin", "embassy", "administration", "command", "forces", "fund",
    "institute", "university", "company", "corporation", "nations", "states",
];

/// Lowercase modifiers common inside speaker phrases ("senior official").
#[rustfmt::skip]
pub(crate) const MODIFIERS: &[&str] = &[
    "foreign", "special", "senior", "top", "former", "deputy", "acting", "local", "regional",
    "federal", "national", "military", "western", "eastern", "interior", "defence", "defense",
    "health", "state", "news", "security", "intelligence", "russian", "some", "several", "many",
];

/// Words sitting between a speaker and the cue ("Putin also said", "Putin
/// on Friday said", "officials have warned").
#[rustfmt::skip]
pub(crate) const BETWEEN: &[&str] = &[
    "also", "again", "later", "earlier", "then", "now", "today", "yesterday", "tonight", "has",
    "have", "had", "was", "were", "is", "are", "will", "would", "did", "does", "do", "not",
    "previously", "recently", "repeatedly", "publicly", "further", "once", "reportedly",
    "there", "here", "always", "never", "often", "still", "first",
];
