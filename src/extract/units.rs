//! Units of measure and currencies that numbers carry ("48km", "30 miles",
//! "£20m"), what each measures, and its factor to the base unit, so that
//! conversions can be compared ("30 miles (48km)" is one distance).

use crate::model::Measure;

/// Units of measure, as written after a number (glued or as the next word),
/// and the canonical symbol they get. "m" is metres: "£20m" is read as
/// millions before this is asked (see [`numeral`]).
pub(crate) fn unit_symbol(w: &str) -> Option<&'static str> {
    Some(match w {
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "mm",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "cm",
        "m" | "metre" | "metres" | "meter" | "meters" => "m",
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" | "kms" => "km",
        "ft" | "feet" | "foot" => "ft",
        "yd" | "yard" | "yards" => "yd",
        "mi" | "mile" | "miles" => "mi",
        "mph" => "mph",
        "hectare" | "hectares" => "ha",
        "acre" | "acres" => "acre",
        "kph" | "kmh" | "km/h" => "km/h",
        "knots" | "knot" => "kn",
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" => "kg",
        "g" | "gram" | "grams" => "g",
        "lb" | "lbs" => "lb",
        "tonne" | "tonnes" | "t" => "t",
        "c" | "celsius" => "°C",
        "f" | "fahrenheit" => "°F",
        "am" | "a.m" => "am",
        "pm" | "p.m" => "pm",
        "year" | "years" => "yr",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        "month" | "months" => "mo",
        "week" | "weeks" => "wk",
        "day" | "days" => "d",
        "hour" | "hours" => "h",
        "minute" | "minutes" => "min",
        "dollars" | "dollar" => "$",
        "euros" | "euro" => "€",
        "yen" => "¥",
        _ => return None,
    })
}

/// The unit symbol of a unit written out as a word, singular ("decade",
/// "mile", "hour"): the units "a" or "an" can count ("within a decade").
/// Not symbols ("km", "m") or plurals: "a km" and "a miles" are not how
/// an amount is written.
pub(crate) fn spelled_unit(w: &str) -> Option<&'static str> {
    let symbol = unit_symbol(w)?;
    let abbreviation = w.len() <= 3 && !matches!(w, "day" | "yen");
    let spelled = !abbreviation && !w.ends_with('s') && w.bytes().all(|b| b.is_ascii_alphabetic());
    spelled.then_some(symbol)
}

/// The [`Measure`] of `value` in `unit`, when the unit is one of measure
/// or a currency.
pub(crate) fn measure(value: f64, unit: &str) -> Option<Measure> {
    let (dimension, _) = dimension(unit)?;
    Some(Measure {
        dimension,
        base: base_value(value, unit).unwrap_or(value),
    })
}

/// What a unit symbol measures and its factor to the dimension's base unit
/// (metres, metres an hour, kilograms). Currencies are one dimension with
/// no factor: amounts in two currencies cannot be compared.
fn dimension(unit: &str) -> Option<(&'static str, f64)> {
    Some(match unit {
        "mm" => ("length", 0.001),
        "cm" => ("length", 0.01),
        "m" => ("length", 1.0),
        "km" => ("length", 1000.0),
        "ft" => ("length", 0.3048),
        "yd" => ("length", 0.9144),
        "mi" => ("length", 1609.344),
        "mph" => ("speed", 1609.344),
        // Areas in square metres.
        "ha" => ("area", 10_000.0),
        "acre" => ("area", 4_046.856_422_4),
        "km/h" => ("speed", 1000.0),
        "kn" => ("speed", 1852.0),
        "kg" => ("mass", 1.0),
        "g" => ("mass", 0.001),
        "lb" => ("mass", 0.453_592_37),
        "t" => ("mass", 1000.0),
        "°C" | "°F" => ("temperature", 1.0),
        "am" | "pm" => ("clock", 60.0),
        // Durations in days: "four decades" is "forty years".
        "min" => ("duration", 1.0 / 1440.0),
        "h" => ("duration", 1.0 / 24.0),
        "d" => ("duration", 1.0),
        "wk" => ("duration", 7.0),
        "mo" => ("duration", 365.25 / 12.0),
        "yr" => ("duration", 365.25),
        "decade" => ("duration", 3652.5),
        "century" => ("duration", 36525.0),
        "%" => ("percent", 1.0),
        "$" | "€" | "£" | "¥" => ("money", 1.0),
        _ => return None,
    })
}

/// The value of a quantity in its dimension's base unit (metres, minutes
/// after midnight, degrees Celsius), for comparing conversions.
fn base_value(value: f64, unit: &str) -> Option<f64> {
    Some(match unit {
        "°F" => (value - 32.0) * 5.0 / 9.0,
        // Minutes after midnight: "10am" and "10 a.m." agree, "10pm" not.
        "am" => (value % 12.0) * 60.0,
        "pm" => (value % 12.0 + 12.0) * 60.0,
        _ => value * dimension(unit)?.1,
    })
}
