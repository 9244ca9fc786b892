//! Every bound on loading and evaluation, in one place. A hostile or mistaken file meets
//! one of these and gets a clear error instead of hanging or exhausting a browser tab.
//! The README's "Limits" table lists them; `tests/limits.rs` tests each one.

/// Largest ruleset file accepted, in bytes: many times the largest bundled ruleset
/// (`docs/benchmarks.md` lists their sizes).
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
/// Largest compiled program file accepted, in bytes: many times the largest bundled one.
pub const MAX_PROGRAM_BYTES: usize = 2 * 1024 * 1024;
/// Largest answers file accepted, in bytes.
pub const MAX_ANSWERS_BYTES: usize = 256 * 1024;
/// Deepest nesting of one expression. Real rulesets nest under 10.
pub const MAX_EXPR_DEPTH: usize = 32;
/// Deepest nesting of the YAML or JSON document itself. Reading recurses once per level:
/// measured, an optimised build reads 120 levels in 512 KiB of stack (a browser gives
/// WebAssembly 1 MiB), a debug build 40 expression levels in a test thread's 2 MiB.
/// JSON is held to 128 levels by serde_json itself.
pub const MAX_DOC_DEPTH: usize = 100;
/// Most expression nodes across a whole ruleset (after `extends`).
pub const MAX_NODES: usize = 100_000;
/// Most rows in one lookup table, band table or scale.
pub const MAX_TABLE_ROWS: usize = 2_000;
/// Most parameters, questions or rules in a ruleset (each counted separately).
pub const MAX_ITEMS: usize = 5_000;
/// Most dated values in one parameter's timeline.
pub const MAX_TIMELINE: usize = 200;
/// Longest `extends` chain (a council on a nation is 2).
pub const MAX_EXTENDS_DEPTH: usize = 4;
/// Most worked examples in one ruleset or test file.
pub const MAX_EXAMPLES: usize = 5_000;
/// Largest amount of money held: £10 trillion, far beyond any care budget, far inside `i64`.
pub const MAX_MONEY_PENCE: i64 = 1_000_000_000_000_000;
/// Largest YAML event count the parser will produce (guards alias and size blow-ups).
pub const MAX_YAML_EVENTS: usize = 1_000_000;
