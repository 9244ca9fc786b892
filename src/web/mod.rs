//! The browser widget: the journey a visitor goes through ([`app`], with its words in
//! [`words`]) and, in the WebAssembly build, its bindings to the page ([`dom`]).
//!
//! `app` and `words` are plain Rust (feature `journey`), so the journey is tested and
//! fuzzed natively too; `dom` needs the browser (feature `web`).

pub mod app;
#[cfg(feature = "web")]
mod dom;
pub mod words;

#[cfg(feature = "web")]
pub use dom::Widget;
