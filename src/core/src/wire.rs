//! How the compiled program file writes what postcard has no form of its own for — an exact
//! decimal, a rounding — as serde `with` helpers on the program's types. `compiled::read`
//! reads the same forms back. Apart from `compiled`, so that the program's types and the
//! file they are written to do not depend on each other.

use serde::{Serialize, Serializer};

use crate::decimal::Decimal;
use crate::money::Rounding;

/// An exact decimal as its integer mantissa and scale.
pub mod decimal {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        (d.mantissa(), d.scale()).serialize(s)
    }
}

/// A rounding with every field present (the model's own form leaves out empty ones).
pub mod rounding {
    use super::*;

    pub fn serialize<S: Serializer>(r: &Rounding, s: S) -> Result<S::Ok, S::Error> {
        (r.direction, r.better, &r.to).serialize(s)
    }
}

pub mod opt_rounding {
    use super::*;

    pub fn serialize<S: Serializer>(r: &Option<Rounding>, s: S) -> Result<S::Ok, S::Error> {
        r.as_ref().map(|r| (r.direction, r.better, &r.to)).serialize(s)
    }
}
