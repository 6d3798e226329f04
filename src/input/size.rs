//! `--max-bytes` text → a number of bytes.

/// Reads a size as `--max-bytes` takes it: a number of bytes, or a number
/// followed by `k`, `M` or `G` (either case, `iB` allowed after it) for
/// powers of 1024, as `ls -h`, `du -h` and `sort -S` count (the default,
/// 50 MiB, is `50M`). Decimal points and other suffixes are refused, with a
/// message that says what is accepted.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let accepted =
        "a number of bytes, or one followed by k, M or G (powers of 1024), such as 10k or 50M";
    let trimmed = text.trim();
    let digits = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (number, suffix) = trimmed.split_at(digits);
    let shift = match suffix.to_ascii_lowercase().as_str() {
        "" => 0,
        "k" | "kib" => 10,
        "m" | "mib" => 20,
        "g" | "gib" => 30,
        _ => return Err(format!("{text:?} is not a size: expected {accepted}")),
    };
    let number: u64 = match number.parse() {
        Ok(n) => n,
        Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => {
            return Err(format!("{text:?} is too large"))
        }
        Err(_) => return Err(format!("{text:?} is not a size: expected {accepted}")),
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("{text:?} is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{DEFAULT_MAX_BYTES, DEFAULT_MAX_BYTES_TEXT};

    #[test]
    fn sizes_count_in_powers_of_1024() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("10k"), Ok(10 * 1024));
        assert_eq!(parse_size("10K"), Ok(10 * 1024));
        assert_eq!(parse_size("50M"), Ok(50 * 1024 * 1024));
        assert_eq!(parse_size("50MiB"), Ok(50 * 1024 * 1024));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size(" 0 "), Ok(0));
        assert_eq!(parse_size(DEFAULT_MAX_BYTES_TEXT), Ok(DEFAULT_MAX_BYTES));
    }

    #[test]
    fn junk_sizes_are_refused_with_what_is_accepted() {
        for junk in ["", "k", "junk", "1.5M", "10 k", "10kb", "10T", "-1", "M10"] {
            let err = parse_size(junk).unwrap_err();
            assert!(
                err.contains("not a size") && err.contains("10k"),
                "{junk}: {err}"
            );
        }
        assert!(parse_size("99999999999999999999")
            .unwrap_err()
            .contains("too large"));
        assert!(parse_size("17179869184G")
            .unwrap_err()
            .contains("too large"));
        assert_eq!(parse_size("18446744073709551615"), Ok(u64::MAX));
    }
}
