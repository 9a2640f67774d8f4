//! Retention (gallring) by decision: the organisation's rules per kind of record, what a rule
//! would cull, culling runs that record what they removed, and (for HR at the root) the page
//! that sets rules and runs them. The rules themselves are `domain::retention`.

#[cfg(feature = "ssr")]
pub mod db;
