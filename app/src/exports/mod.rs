//! Copies of what the app holds, made to leave it: the roll-ups as tables.

pub mod tables;
