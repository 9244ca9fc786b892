//! SHA-256, to check a ruleset against the `rules-sha256` a page pins it to. The same
//! `sha2` crate `carebudget build` uses, so the two always agree.

use sha2::{Digest, Sha256};

/// The SHA-256 digest of `data` as 64 lowercase hex digits.
pub fn hex(data: &[u8]) -> String {
    Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}
