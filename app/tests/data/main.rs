//! Data access against real databases, SQLite and PostgreSQL, as one test binary: each module is
//! one area of the schema. One binary links the (large) app crate once instead of once per area,
//! which keeps the test build quick and small on disk.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test fails by panicking.

mod common;

mod account_links;
mod accounts;
mod agendas;
mod archive;
mod attachments;
mod audit;
mod checklists;
mod city_demo;
mod compliance;
mod cooperation;
mod cooperation_adjusting;
mod cooperation_agendas;
mod cooperation_bilaga_history;
mod cooperation_bilagor;
mod cooperation_feeds;
mod cooperation_protocols;
mod cooperation_retention;
mod data_access;
mod env_reports;
mod health_service;
mod hr_import;
mod meeting_sessions;
mod minutes;
mod notices;
mod org_keeping;
mod page_reads;
mod plan_changes;
mod retention;
mod schema;
mod security;
mod starting;
mod template_changes;
mod unit_reminders;
mod workload;
