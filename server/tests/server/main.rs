//! The server's integration tests, in one test binary (each binary links the whole app, so one
//! link instead of five): the authorisation matrix and plain routes in-process through the
//! router, and the real binary for backups, crashes and sign-in modes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test fails by panicking.

mod admin_commands;
mod authorisation;
mod backup_restore;
mod compliance;
mod crash_safety;
mod cross_site;
mod env_report_files;
mod foreign_groups;
mod foreign_objects;
mod group_archive;
mod group_feed;
mod health_service;
mod matrix;
mod more_actors;
mod plain_routes;
mod protocol_history;
mod running_server;
mod sign_in_limits;
mod sign_in_modes;
mod support;
mod unit_documents;

/// The data tests' fresh databases (a new PostgreSQL database per test).
#[allow(dead_code)]
#[path = "../../../app/tests/data/common.rs"]
mod common;
