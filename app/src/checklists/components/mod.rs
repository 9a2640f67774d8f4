//! Checklist pages.
