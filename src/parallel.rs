//! When two independent pieces of work run side by side.

/// `(a(), b())`, side by side on the rayon pool when `parallel` (the
/// stages' rule: only inputs long enough to repay the hand-off).
pub(crate) fn join_if<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if parallel {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}
