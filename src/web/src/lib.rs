//! The browser widget: the journey a visitor goes through ([`app`], with its words in
//! [`words`]) and, in the WebAssembly build, its bindings to the page (`dom`).
//!
//! `app` and `words` are plain Rust, so the journey is tested and fuzzed natively too; `dom`
//! needs the browser (feature `dom`). The widget depends on `carebudget-core` and
//! `carebudget-html` only: no ruleset parser or checker can reach it (it reads programs that
//! `carebudget build` compiled).
#![deny(unsafe_code)]

pub mod app;
#[cfg(feature = "dom")]
mod dom;
pub mod words;

#[cfg(feature = "dom")]
pub use dom::Widget;
