//! Tables of the other forms of a place's name: aliases ("US" = "United
//! States"), demonyms ("Danish" = Denmark) and the abbreviations news
//! agencies give US states after a town ("Biloxi, Miss.").
//!
//! Extraction keys entities by them; the comparison uses them again to read
//! the other report's text, where "Russia's foreign ministry" carries the
//! entity "Russian Foreign Ministry".

/// Common aliases of entities that news reports use interchangeably.
pub(crate) fn alias(folded: &str) -> Option<&'static str> {
    Some(match folded {
        "is" | "isis" | "isil" | "daesh" | "islamic state" => "islamic state",
        "us" | "usa" | "united states" | "united states of america" | "america" | "americas" => {
            "united states"
        }
        "uk" | "britain" | "great britain" | "united kingdom" => "united kingdom",
        "un" | "united nations" => "united nations",
        "eu" | "european union" => "european union",
        "ussr" | "soviet union" => "soviet union",
        "nato" | "north atlantic treaty organization" => "nato",
        "cis" | "commonwealth of independent states" => "commonwealth of independent states",
        "uae" | "united arab emirates" => "united arab emirates",
        "holland" | "netherlands" | "the netherlands" => "netherlands",
        _ => return None,
    })
}

/// The country of a demonym, singular or plural ("Afghans", "New
/// Zealanders"); `folded` is the whole demonym, lowercase.
pub(crate) fn demonym(folded: &str) -> Option<&'static str> {
    let singular = folded.strip_suffix('s').unwrap_or(folded);
    country(folded).or_else(|| country(singular))
}

/// Demonyms and their countries.
#[rustfmt::skip]
const DEMONYMS: &[(&str, &str)] = &[
    ("russian", "russia"), ("soviet", "soviet union"), ("afghan", "afghanistan"),
    ("american", "united states"), ("british", "united kingdom"), ("briton", "united kingdom"),
    ("english", "england"), ("scottish", "scotland"), ("welsh", "wales"), ("irish", "ireland"),
    ("chinese", "china"), ("japanese", "japan"), ("korean", "korea"), ("pakistani", "pakistan"),
    ("iraqi", "iraq"), ("syrian", "syria"), ("iranian", "iran"), ("ukrainian", "ukraine"),
    ("french", "france"), ("german", "germany"), ("turkish", "turkey"), ("indian", "india"),
    ("israeli", "israel"), ("palestinian", "palestine"), ("tajik", "tajikistan"),
    ("uzbek", "uzbekistan"), ("kazakh", "kazakhstan"), ("danish", "denmark"), ("swedish", "sweden"),
    ("swede", "sweden"), ("norwegian", "norway"), ("finnish", "finland"), ("dutch", "netherlands"),
    ("belgian", "belgium"), ("swiss", "switzerland"), ("austrian", "austria"), ("italian", "italy"),
    ("spanish", "spain"), ("spaniard", "spain"), ("portuguese", "portugal"), ("greek", "greece"),
    ("polish", "poland"), ("czech", "czech republic"), ("hungarian", "hungary"),
    ("romanian", "romania"), ("bulgarian", "bulgaria"), ("serbian", "serbia"), ("serb", "serbia"),
    ("croatian", "croatia"), ("croat", "croatia"), ("georgian", "georgia"), ("armenian", "armenia"),
    ("azerbaijani", "azerbaijan"), ("belarusian", "belarus"), ("lithuanian", "lithuania"),
    ("latvian", "latvia"), ("estonian", "estonia"), ("canadian", "canada"), ("mexican", "mexico"),
    ("brazilian", "brazil"), ("argentine", "argentina"), ("argentinian", "argentina"),
    ("chilean", "chile"), ("colombian", "colombia"), ("venezuelan", "venezuela"),
    ("peruvian", "peru"), ("cuban", "cuba"), ("australian", "australia"),
    ("new zealander", "new zealand"), ("egyptian", "egypt"), ("libyan", "libya"),
    ("tunisian", "tunisia"), ("algerian", "algeria"), ("moroccan", "morocco"),
    ("nigerian", "nigeria"), ("kenyan", "kenya"), ("ethiopian", "ethiopia"), ("somali", "somalia"),
    ("sudanese", "sudan"), ("south african", "south africa"), ("saudi", "saudi arabia"),
    ("yemeni", "yemen"), ("omani", "oman"), ("qatari", "qatar"),
    ("emirati", "united arab emirates"), ("kuwaiti", "kuwait"), ("jordanian", "jordan"),
    ("lebanese", "lebanon"), ("indonesian", "indonesia"), ("malaysian", "malaysia"),
    ("filipino", "philippines"), ("philippine", "philippines"), ("thai", "thailand"),
    ("vietnamese", "vietnam"), ("burmese", "myanmar"), ("bangladeshi", "bangladesh"),
    ("nepalese", "nepal"), ("nepali", "nepal"), ("sri lankan", "sri lanka"), ("european", "europe"),
    ("african", "africa"), ("asian", "asia"), ("antarctic", "antarctica"),
];

fn country(w: &str) -> Option<&'static str> {
    DEMONYMS.iter().find(|(d, _)| *d == w).map(|(_, c)| *c)
}

/// True for a country (or continent) the demonym table names, folded.
pub(crate) fn is_country(folded: &str) -> bool {
    DEMONYMS.iter().any(|(_, c)| *c == folded) || alias(folded) == Some(folded)
}

/// US states and the abbreviations news agencies give them after a town.
#[rustfmt::skip]
const STATES: &[(&str, &str)] = &[
    ("ala", "alabama"), ("ariz", "arizona"), ("ark", "arkansas"), ("calif", "california"),
    ("colo", "colorado"), ("conn", "connecticut"), ("del", "delaware"), ("fla", "florida"),
    ("ga", "georgia"), ("ill", "illinois"), ("ind", "indiana"), ("kan", "kansas"),
    ("kans", "kansas"), ("ky", "kentucky"), ("la", "louisiana"), ("md", "maryland"),
    ("mass", "massachusetts"), ("mich", "michigan"), ("minn", "minnesota"),
    ("miss", "mississippi"), ("mo", "missouri"), ("mont", "montana"), ("neb", "nebraska"),
    ("nebr", "nebraska"), ("nev", "nevada"), ("nh", "new hampshire"), ("nj", "new jersey"),
    ("nm", "new mexico"), ("ny", "new york"), ("nc", "north carolina"), ("nd", "north dakota"),
    ("okla", "oklahoma"), ("ore", "oregon"), ("oreg", "oregon"), ("pa", "pennsylvania"),
    ("ri", "rhode island"), ("sc", "south carolina"), ("sd", "south dakota"),
    ("tenn", "tennessee"), ("tex", "texas"), ("vt", "vermont"), ("va", "virginia"),
    ("wash", "washington"), ("wva", "west virginia"), ("wis", "wisconsin"),
    ("wisc", "wisconsin"), ("wyo", "wyoming"), ("alaska", "alaska"), ("hawaii", "hawaii"),
    ("idaho", "idaho"), ("iowa", "iowa"), ("maine", "maine"), ("ohio", "ohio"),
    ("utah", "utah"),
];

/// The state an agency abbreviation stands for ("fla" → "florida"). Only
/// read after a comma that follows a place ("Key Biscayne, Fla."), where
/// "Miss" or "Wash" can mean nothing else.
pub(crate) fn state_abbreviation(folded: &str) -> Option<&'static str> {
    STATES.iter().find(|(a, _)| *a == folded).map(|(_, s)| *s)
}

/// True for the name of a US state, folded ("mississippi").
pub(crate) fn is_state(folded: &str) -> bool {
    STATES.iter().any(|(_, s)| *s == folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_name_their_country_in_any_number() {
        assert_eq!(demonym("danish"), Some("denmark"));
        assert_eq!(demonym("new zealanders"), Some("new zealand"));
        assert_eq!(demonym("russians"), Some("russia"));
        assert_eq!(demonym("denmark"), None);
        assert!(is_country("denmark") && is_country("united states") && !is_country("danish"));
    }

    #[test]
    fn americas_is_america() {
        assert_eq!(alias("americas"), alias("america"));
    }

    #[test]
    fn state_abbreviations_are_states() {
        assert_eq!(state_abbreviation("miss"), Some("mississippi"));
        assert_eq!(state_abbreviation("fla"), Some("florida"));
        assert_eq!(state_abbreviation("said"), None);
        assert!(is_state("new york") && !is_state("ny"));
    }
}
