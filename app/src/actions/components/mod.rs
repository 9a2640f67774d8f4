//! Action plan pages.
