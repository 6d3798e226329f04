//! Names: the titles before a person's name, the legal forms after a
//! company's, the suffixes after a family name, the head words that end a
//! place's or a body's. Extraction reads them to cut and key a
//! name; the comparison, to find one name in another form.

/// Titles before a person's name, abbreviations included ("Lt.", "Rep.").
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "minister", "mr", "mrs", "ms", "dr", "general", "gen", "secretary", "chancellor",
    "king", "queen", "prince", "pope", "senator", "sen", "governor", "gov", "mayor", "envoy",
    "spokesman", "spokeswoman", "chairman", "ambassador", "commander", "colonel", "col", "judge",
    "premier", "sheikh", "mullah", "sheriff", "undersheriff", "lt", "lieutenant", "sgt",
    "sergeant", "capt", "captain", "det", "detective", "inspector", "insp", "supt",
    "superintendent", "constable", "coroner", "rep", "representative", "justice", "sir",
    "admiral", "marshal", "brigadier", "corporal", "professor", "prof", "director", "executive",
    "officer", "chair", "chairwoman", "adm", "maj", "cmdr", "cdr", "rev", "reverend", "bishop",
    "archbishop", "rabbi",
    // Plural, before two names ("Justices Sandra Day O'Connor and Antonin
    // Scalia"); plurals that also open a body's name ("Directors Guild")
    // are left out.
    "justices", "senators", "sens", "reps",
];

/// Words that, with a title, make a title still naming nobody ("Prime
/// Minister", "German Chancellor", "US District Judge").
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "prime", "vice", "deputy", "acting", "former", "chief", "district", "foreign", "interior",
    "defence", "defense", "police", "county", "state", "federal", "us", "assistant", "senior",
    "financial", "operating", "managing", "technology", "marketing", "information", "medical",
    // Ranks: "Chief Warrant Officer", "Staff Sergeant", "Petty Officer".
    "warrant", "staff", "master", "petty",
];

/// The legal forms that close a company's name ("Sony Corp.", "Nokia
/// Oyj"), which a report may leave out.
#[rustfmt::skip]
const LEGAL_FORMS: &[&str] = &[
    "corp", "corporation", "inc", "incorporated", "co", "ltd", "limited", "plc", "llc", "ag",
    "sa", "nv", "gmbh", "oyj", "spa", "srl", "sarl", "bv", "pty", "llp",
];

/// True for a company's legal form ("corp", "plc"), folded, dots dropped.
pub(crate) fn is_legal_form(folded: &str) -> bool {
    LEGAL_FORMS.contains(&folded)
}

/// Words after a company's or a place's own name that say what kind of
/// thing it is ("Netscape Communications", "Skagit River"), which a report
/// may leave out. Not the heads of names of other things ("Sun Herald",
/// "Supreme Court", "Enterprises", "Bank").
#[rustfmt::skip]
const DESCRIPTORS: &[&str] = &[
    "communications", "international", "group", "electric", "electronics", "computer",
    "computers", "software", "systems", "semiconductor", "semiconductors", "technologies",
    "holdings", "industries", "networks", "nuclear", "energy", "entertainment",
    "pharmaceuticals", "motors", "river", "archipelago", "island", "islands", "atoll",
    "peninsula", "mountains",
];

/// True for a word that says what kind of company or place a name names
/// (see [`DESCRIPTORS`]), folded.
pub(crate) fn is_descriptor(folded: &str) -> bool {
    DESCRIPTORS.contains(&folded)
}

/// Last words of names of places and organisations: a name ending so is no
/// person, whose family name alone would carry it.
#[rustfmt::skip]
pub(crate) const NOT_PERSON: &[&str] = &[
    "county", "city", "island", "islands", "gulf", "sea", "ocean", "river", "lake", "mountain",
    "mountains", "mount", "park", "street", "road", "avenue", "square", "bridge", "valley", "bay",
    "coast", "state", "states", "republic", "kingdom", "province", "region", "district",
    "department", "ministry", "office", "agency", "service", "services", "survey", "council",
    "committee", "commission", "court", "house", "party", "union", "association", "society",
    "institute", "university", "college", "school", "hospital", "center", "centre", "company",
    "corp", "inc", "group", "bank", "fund", "program", "programme", "act", "law", "news", "press",
    "post", "times", "herald", "journal", "magazine", "tribune", "daily", "television", "radio",
    "airport", "station", "towers", "tower", "building", "hall", "church", "army", "force",
    "forces", "navy", "police", "guard", "organization", "organisation", "foundation",
    "federation", "league", "club", "team", "market", "exchange", "crescent", "cross", "world",
    "review", "network", "agreement", "treaty", "cup", "games", "museum", "prize", "award",
];

/// Words that end the name of a body ("Commission", "Service"): a name
/// joined by "and" to one of them is that body's ("Fish and Wildlife
/// Service"), not two names.
#[rustfmt::skip]
pub(crate) const BODY_HEADS: &[&str] = &[
    "commission", "administration", "service", "services", "agency", "department", "institute",
    "authority", "bureau", "board", "council", "committee", "association", "society",
    "foundation", "corporation", "company", "organization", "organisation", "federation",
    "ministry", "office", "centre", "center", "laboratory", "laboratories", "trust", "fund",
];

/// Head words of names that stand alone before an "and" ("European
/// Central Bank and International Monetary Fund" is two bodies).
#[rustfmt::skip]
pub(crate) const OTHER_HEADS: &[&str] = &[
    "bank", "court", "party", "union", "group", "university", "college", "school", "church",
    "army", "police", "government", "parliament", "congress", "senate", "house",
];

/// Generational suffixes after a family name, each with the one spelling
/// keys use. Roman numerals are not among them: the "II" of "World War
/// II" belongs to the name.
const SUFFIXES: &[(&str, &str)] = &[("jr", "jr"), ("jnr", "jr"), ("sr", "sr"), ("snr", "sr")];

/// The key spelling of a generational suffix after a name ("jnr" → "jr"),
/// given folded with its dots dropped; `None` for any other word.
pub(crate) fn name_suffix(folded: &str) -> Option<&'static str> {
    SUFFIXES
        .iter()
        .find(|(form, _)| *form == folded)
        .map(|(_, key)| *key)
}

/// True for a title before a person's name ("mayor", "lt"), folded.
pub(crate) fn is_title(folded: &str) -> bool {
    TITLES.contains(&folded)
}

/// True for a word that qualifies a title ("prime", "deputy"), folded.
pub(crate) fn is_title_word(folded: &str) -> bool {
    TITLE_WORDS.contains(&folded)
}
