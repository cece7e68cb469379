//! The one pseudo-random source of the core's randomized tests: xorshift64, seeded per test so
//! every run draws the same cases (a failure names its input and reproduces).

pub(crate) struct Xorshift(pub u64);

impl Xorshift {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A draw in `0..n` (`0` when `n` is zero).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
}
