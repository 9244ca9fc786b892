//! The `carebudget` command's library part: the rules page (`page`), a ruleset as static,
//! accessible HTML. The command itself is `main.rs`, the only place that reads files.
#![deny(unsafe_code)]

pub mod page;
