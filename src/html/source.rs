//! Where a block of the extracted text came from in the page: its letters
//! and digits found again in the page's visible text, each mapped back to
//! its bytes in the HTML.
//!
//! The extractor rewrites the page, so its output carries no offsets.
//! Instead the page is scanned once (tags, comments, scripts and styles
//! skipped, entities decoded) into a stream of its visible letters and
//! digits, lower-cased, with the HTML byte range of each; a block's letters
//! are then looked up in that stream, in reading order.

/// Elements whose content is never visible text.
const HIDDEN: [&str; 4] = ["script", "style", "noscript", "template"];

/// The visible letters and digits of a page, folded, with their bytes.
pub(super) struct SourceIndex {
    /// Letters and digits, lower-cased, in page order.
    stream: String,
    /// For every byte of `stream`, the HTML byte range of the character
    /// (or entity) it came from.
    origin: Vec<(u32, u32)>,
}

/// For every byte of a block's folded text, where it is in the HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockSource(Vec<(u32, u32)>);

/// The letters and digits of `text`, lower-cased: what is looked up.
pub(super) fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl SourceIndex {
    /// Scans a page once. Pages past 4 GiB are not indexed (offsets are
    /// 32-bit), which the size limit rules out in practice.
    pub(super) fn of(html: &str) -> Option<SourceIndex> {
        u32::try_from(html.len()).ok()?;
        let mut index = SourceIndex {
            stream: String::new(),
            origin: Vec::new(),
        };
        let bytes = html.as_bytes();
        let mut at = 0;
        while at < html.len() {
            let rest = &html[at..];
            if rest.starts_with("<!--") {
                at += rest.find("-->").map_or(rest.len(), |e| e + 3);
            } else if rest.starts_with('<') && bytes.get(at + 1).is_some_and(|b| is_tag_start(*b)) {
                at += skip_tag(rest);
            } else if let Some((c, len)) = rest.starts_with('&').then(|| entity(rest)).flatten() {
                index.push(c, at, at + len);
                at += len;
            } else {
                let c = rest.chars().next().unwrap_or(' ');
                index.push(c, at, at + c.len_utf8());
                at += c.len_utf8();
            }
        }
        Some(index)
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        if !c.is_alphanumeric() {
            return;
        }
        for l in c.to_lowercase() {
            self.stream.push(l);
            let range = (start as u32, end as u32);
            self.origin.extend(std::iter::repeat_n(range, l.len_utf8()));
        }
    }

    /// Where `folded` (a block's [`fold`]) occurs, first at or after
    /// `*cursor`, else anywhere; the cursor moves past it. `None` when the
    /// block's letters are not in the page as one run.
    pub(super) fn locate(&self, folded: &str, cursor: &mut usize) -> Option<BlockSource> {
        if folded.is_empty() {
            return None;
        }
        let from = (*cursor).min(self.stream.len());
        let at = self
            .stream
            .get(from..)
            .and_then(|s| s.find(folded))
            .map(|p| from + p)
            .or_else(|| self.stream.find(folded))?;
        *cursor = at + folded.len();
        Some(BlockSource(self.origin[at..at + folded.len()].to_vec()))
    }
}

impl BlockSource {
    /// The HTML byte range from the first to the last letter or digit of
    /// the part of the block whose folded text starts `skip` bytes in and
    /// runs `len` bytes.
    pub(super) fn range(&self, skip: usize, len: usize) -> Option<(usize, usize)> {
        if len == 0 {
            return None;
        }
        let first = self.0.get(skip)?;
        let last = self.0.get(skip + len - 1)?;
        Some((first.0 as usize, last.1 as usize))
    }
}

/// `<` opens a tag only before a name, `/` or `!` ("a < b" is text).
fn is_tag_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'/' || b == b'!' || b == b'?'
}

/// Bytes from `<` to past the tag's `>` (quoted attribute values may hold
/// `>`), and for a hidden element past its end tag.
fn skip_tag(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut quote = None;
    let mut end = rest.len();
    for (i, &b) in bytes.iter().enumerate().skip(1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => {
                end = i + 1;
                break;
            }
            _ => {}
        }
    }
    let name: String = rest[1..end]
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if HIDDEN.contains(&name.as_str()) {
        let close = format!("</{name}");
        let after = &rest.as_bytes()[end..];
        return after
            .windows(close.len())
            .position(|w| w.eq_ignore_ascii_case(close.as_bytes()))
            .map_or(rest.len(), |p| end + p);
    }
    end
}

/// A character reference at the start of `rest` ("&#233;", "&#xE9;", and
/// the named ones pages write letters with most), with its length.
fn entity(rest: &str) -> Option<(char, usize)> {
    let end = rest.get(..rest.len().min(12))?.find(';')?;
    let name = &rest[1..end];
    let c = match name.strip_prefix('#') {
        Some(number) => match number.strip_prefix(['x', 'X']) {
            Some(hex) => char::from_u32(u32::from_str_radix(hex, 16).ok()?)?,
            None => char::from_u32(number.parse().ok()?)?,
        },
        None => named(name)?,
    };
    Some((c, end + 1))
}

/// Named references for letters (HTML's Latin-1 set; a page's other names
/// stand for punctuation, which is not looked up anyway).
fn named(name: &str) -> Option<char> {
    const LATIN: [(&str, char); 24] = [
        ("aacute", 'á'),
        ("agrave", 'à'),
        ("acirc", 'â'),
        ("auml", 'ä'),
        ("atilde", 'ã'),
        ("ccedil", 'ç'),
        ("eacute", 'é'),
        ("egrave", 'è'),
        ("ecirc", 'ê'),
        ("euml", 'ë'),
        ("iacute", 'í'),
        ("icirc", 'î'),
        ("iuml", 'ï'),
        ("ntilde", 'ñ'),
        ("oacute", 'ó'),
        ("ocirc", 'ô'),
        ("ouml", 'ö'),
        ("otilde", 'õ'),
        ("uacute", 'ú'),
        ("ugrave", 'ù'),
        ("ucirc", 'û'),
        ("uuml", 'ü'),
        ("szlig", 'ß'),
        ("oslash", 'ø'),
    ];
    let lower = name.to_ascii_lowercase();
    let c = LATIN.iter().find(|(n, _)| *n == lower)?.1;
    // "&Eacute;" is the capital; folding makes it the same letter.
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_maps_back_to_its_bytes_across_tags_and_entities() {
        let html = "<p class=\"a>b\">Caf&eacute; <b>opens</b></p><script>var cafe = 1;</script><!-- café -->";
        let index = SourceIndex::of(html).unwrap();
        let mut cursor = 0;
        let source = index.locate(&fold("Café opens"), &mut cursor).unwrap();
        let (start, end) = source.range(0, fold("Café opens").len()).unwrap();
        assert_eq!(&html[start..end], "Caf&eacute; <b>opens");
        // "opens" alone: five folded bytes after the four of "café"
        // (é is two bytes).
        let (start, end) = source.range(fold("Café").len(), 5).unwrap();
        assert_eq!(&html[start..end], "opens");
        // Script and comment text is not in the stream.
        assert!(index.locate("var", &mut 0).is_none());
    }

    #[test]
    fn blocks_are_found_in_reading_order() {
        let html = "<p>Repeat.</p><p>Other.</p><p>Repeat.</p>";
        let index = SourceIndex::of(html).unwrap();
        let mut cursor = 0;
        let first = index.locate("repeat", &mut cursor).unwrap().range(0, 6);
        index.locate("other", &mut cursor).unwrap();
        let second = index.locate("repeat", &mut cursor).unwrap().range(0, 6);
        assert_eq!(first, Some((3, 9)));
        assert_eq!(second, Some((30, 36)));
        assert!(index.locate("absent", &mut cursor).is_none());
    }

    #[test]
    fn a_less_than_sign_in_text_is_text() {
        let index = SourceIndex::of("<p>a < b and c</p>").unwrap();
        assert!(index.locate("abandc", &mut 0).is_some());
    }
}
