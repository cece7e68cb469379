//! The sandbox's clock: virtual seconds that move only when the admin endpoint advances them,
//! so a test decides exactly when an order changes status and no test ever sleeps for it.

use pspkit::time::Timestamp;

/// Where every run starts: 2026-01-01T00:00:00Z.
pub const EPOCH_UNIX: i64 = 1_767_225_600;

#[derive(Debug, Clone, Copy)]
pub struct Clock {
    unix: i64,
}

impl Default for Clock {
    fn default() -> Self {
        Clock { unix: EPOCH_UNIX }
    }
}

impl Clock {
    pub fn now(&self) -> i64 {
        self.unix
    }

    pub fn advance(&mut self, seconds: i64) {
        self.unix = self.unix.saturating_add(seconds.max(0));
    }

    pub fn rfc3339(unix: i64) -> String {
        Timestamp::from_unix(unix).to_rfc3339()
    }

    /// `2026-01-01T00:00:30.000000` — PayStar's history times carry microseconds, no zone.
    pub fn paystar_time(unix: i64) -> String {
        let text = Timestamp::from_unix(unix).to_rfc3339();
        format!("{}.000000", text.trim_end_matches('Z'))
    }
}
