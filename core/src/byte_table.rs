//! Tables indexed by a byte, filled while the crate builds. The scanners that read eight bytes
//! per step (PAN pre-check, percent-encoding, URL characters) each classify bytes by one; stable
//! Rust cannot call a closure in `const`, so the loop that fills them is this macro, once.

/// `byte_table!(|b| value)`: a `[T; 256]` whose entry `n` is `value` with `b = n as u8`.
/// Evaluated in a `static`'s initializer, so an index out of range fails the build.
macro_rules! byte_table {
    (|$byte:ident| $value:expr) => {{
        let mut table = [{
            let $byte = 0u8;
            $value
        }; 256];
        let mut n = 0usize;
        while n < 256 {
            let $byte = n as u8;
            #[allow(clippy::indexing_slicing)] // n < 256, checked while building
            {
                table[n] = $value;
            }
            n += 1;
        }
        table
    }};
}
