//! carebudget's core: a checked ruleset as a program, its evaluation for a person's answers
//! on a date, and the explanation of every step in plain English or Welsh. No I/O, no
//! parser of rulesets and no front end: the format crate compiles rulesets into a
//! [`program::Program`] (or [`compiled::decode`] reads one), the front ends hand in answers
//! and get a [`explain::Report`] back. See ARCHITECTURE.md.
#![deny(unsafe_code)]

pub mod answers;
pub mod compiled;
pub mod date;
pub mod decimal;
pub mod diagnostic;
pub mod eval;
pub mod explain;
pub mod limits;
pub mod literal;
pub mod money;
pub mod program;
pub mod text;
pub mod typing;
pub mod value;
pub mod vocab;
mod wire;
