//! Matrix products on `matrixmultiply`'s SIMD kernels, behind a safe API.
//!
//! `matrixmultiply::sgemm` takes raw pointers and strides; this is the one
//! place in newsdiff that calls unsafe code, and it checks, before the
//! call, that every element the strides reach lies inside its slice.

/// A row-major or strided view of a matrix inside a slice.
#[derive(Debug, Clone, Copy)]
pub(crate) struct View<'a> {
    pub(crate) data: &'a [f32],
    pub(crate) rows: usize,
    pub(crate) cols: usize,
    pub(crate) row_stride: usize,
    pub(crate) col_stride: usize,
}

impl<'a> View<'a> {
    /// `rows × cols`, row-major, starting at `data[0]`, `row_stride` apart.
    pub(crate) fn rows(data: &'a [f32], rows: usize, cols: usize, row_stride: usize) -> View<'a> {
        View {
            data,
            rows,
            cols,
            row_stride,
            col_stride: 1,
        }
    }

    /// The transpose of a row-major `rows × cols` matrix (a PyTorch
    /// `Linear` weight is stored `out × in`; the product needs `in × out`).
    pub(crate) fn transposed(
        data: &'a [f32],
        rows: usize,
        cols: usize,
        row_stride: usize,
    ) -> View<'a> {
        View {
            data,
            rows: cols,
            cols: rows,
            row_stride: 1,
            col_stride: row_stride,
        }
    }

    /// True when every element the view names is inside `data`.
    fn fits(&self) -> bool {
        if self.rows == 0 || self.cols == 0 {
            return true;
        }
        let last = (self.rows - 1).checked_mul(self.row_stride).and_then(|r| {
            (self.cols - 1)
                .checked_mul(self.col_stride)
                .and_then(|c| r.checked_add(c))
        });
        matches!(last, Some(last) if last < self.data.len())
            && isize::try_from(self.row_stride).is_ok()
            && isize::try_from(self.col_stride).is_ok()
    }
}

/// `out = a · b` (+ `out` when `accumulate`), with `out` row-major
/// `a.rows × b.cols`, `out_stride` apart. Returns `false`, computing
/// nothing, when the shapes do not agree or a view leaves its slice.
pub(crate) fn multiply(
    a: View,
    b: View,
    out: &mut [f32],
    out_stride: usize,
    accumulate: bool,
) -> bool {
    let (m, k, n) = (a.rows, a.cols, b.cols);
    let out_view = View::rows(out, m, n, out_stride);
    if b.rows != k || !a.fits() || !b.fits() || !out_view.fits() {
        return false;
    }
    if m == 0 || n == 0 {
        return true;
    }
    if k == 0 {
        if !accumulate {
            for r in 0..m {
                out[r * out_stride..r * out_stride + n].fill(0.0);
            }
        }
        return true;
    }
    let beta = if accumulate { 1.0 } else { 0.0 };
    // The casts cannot wrap: `fits` checked each stride fits an isize.
    let [rsa, csa, rsb, csb, rsc] = [
        a.row_stride,
        a.col_stride,
        b.row_stride,
        b.col_stride,
        out_stride,
    ]
    .map(|s| s as isize);
    #[allow(unsafe_code)]
    // SAFETY: `fits` checked that the last element each of the three views
    // reaches, (rows-1)·row_stride + (cols-1)·col_stride, is inside its
    // slice, and every other element reached is at a smaller offset; `out`
    // is borrowed mutably, so it does not alias `a` or `b`.
    unsafe {
        matrixmultiply::sgemm(
            m,
            k,
            n,
            1.0,
            a.data.as_ptr(),
            rsa,
            csa,
            b.data.as_ptr(),
            rsb,
            csb,
            beta,
            out.as_mut_ptr(),
            rsc,
            1,
        );
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiplies_with_a_transposed_operand() {
        // a = [[1,2,3],[4,5,6]]; w = [[1,0,1],[0,1,0]] stored out×in; a·wᵀ.
        let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let w = [1.0, 0.0, 1.0, 0.0, 1.0, 0.0];
        let mut out = [0.0; 4];
        assert!(multiply(
            View::rows(&a, 2, 3, 3),
            View::transposed(&w, 2, 3, 3),
            &mut out,
            2,
            false
        ));
        assert_eq!(out, [4.0, 2.0, 10.0, 5.0]);
        assert!(multiply(
            View::rows(&a, 2, 3, 3),
            View::transposed(&w, 2, 3, 3),
            &mut out,
            2,
            true
        ));
        assert_eq!(out, [8.0, 4.0, 20.0, 10.0], "accumulates into out");
    }

    #[test]
    fn refuses_views_outside_their_slices() {
        let a = [1.0; 6];
        let mut out = [0.0; 4];
        // Three rows of three need nine elements.
        assert!(!multiply(
            View::rows(&a, 3, 3, 3),
            View::rows(&a, 3, 1, 1),
            &mut out,
            1,
            false
        ));
        // Inner dimensions disagree.
        assert!(!multiply(
            View::rows(&a, 2, 3, 3),
            View::rows(&a, 2, 2, 2),
            &mut out,
            2,
            false
        ));
        // The output is too small.
        assert!(!multiply(
            View::rows(&a, 2, 3, 3),
            View::rows(&a, 3, 2, 2),
            &mut out[..3],
            2,
            false
        ));
    }
}
