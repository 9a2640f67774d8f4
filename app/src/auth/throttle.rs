//! Sign-in attempts per client address, counted in memory (governor's GCRA) before any password
//! is hashed, so a flood from one address neither guesses far nor spends the server's CPU.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};

/// The per-address limiter of sign-in attempts.
#[derive(Debug)]
pub struct SignInThrottle {
    limiter: DefaultKeyedRateLimiter<String>,
    clock: DefaultClock,
}

impl SignInThrottle {
    /// Allows `per_hour` attempts an hour from one address, in bursts of up to a tenth of that
    /// (at least ten): an office behind one address can still sign in together in the morning.
    pub fn new(per_hour: u32) -> SignInThrottle {
        let per_hour = per_hour.max(1);
        let burst = NonZeroU32::new((per_hour / 10).max(10)).unwrap_or(NonZeroU32::MIN);
        let period = Duration::from_secs(3600) / per_hour;
        let quota = Quota::with_period(period.max(Duration::from_millis(1)))
            .unwrap_or_else(|| Quota::per_hour(NonZeroU32::MIN))
            .allow_burst(burst);
        SignInThrottle {
            limiter: DefaultKeyedRateLimiter::keyed(quota),
            clock: DefaultClock::default(),
        }
    }

    /// Takes one attempt from the address; `Err` with how long to wait when it has none left.
    pub fn check(&self, address: &str) -> Result<(), Duration> {
        if self.limiter.len() > 10_000 {
            self.limiter.retain_recent();
        }
        self.limiter
            .check_key(&address.to_string())
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_its_burst_and_then_waits_while_another_address_goes_on() {
        let throttle = SignInThrottle::new(60);
        for _ in 0..10 {
            assert!(throttle.check("10.0.0.1").is_ok());
        }
        let wait = throttle.check("10.0.0.1").unwrap_err();
        assert!(wait > Duration::from_secs(0) && wait <= Duration::from_secs(60));
        assert!(throttle.check("10.0.0.2").is_ok());
    }
}
