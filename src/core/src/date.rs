//! Calendar dates (`YYYY-MM-DD`). The engine only compares dates, picks the parameter value
//! in force on one, and counts whole years of age, so a small exact type is enough and keeps
//! a date library's weight out of the widget.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, String> {
        if !(1900..=2200).contains(&year) {
            return Err(format!("year {year} is outside 1900–2200"));
        }
        if !(1..=12).contains(&month) {
            return Err(format!("month {month} does not exist"));
        }
        let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if day == 0 || day > days {
            return Err(format!("{year}-{month:02} has no day {day}"));
        }
        Ok(Date { year, month, day })
    }

    /// Parses `2025-04-07`.
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || format!("`{text}` is not a date written as YYYY-MM-DD");
        let t = text.trim();
        let b = t.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |s: &str| s.parse::<u16>().map_err(|_| bad());
        let (y, m, d) = (num(&t[0..4])?, num(&t[5..7])?, num(&t[8..10])?);
        Date::new(y, m as u8, d as u8).map_err(|e| format!("`{text}`: {e}"))
    }

    /// Days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// Days since 1 March of year 0 in the proleptic Gregorian calendar (Howard Hinnant's
    /// days-from-civil): only differences between two of these mean anything.
    fn day_number(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe
    }

    /// Whole years from `self` (a birth date) to `on`; 0 if `on` is earlier.
    pub fn years_until(self, on: Date) -> u16 {
        if on < self {
            return 0;
        }
        let mut years = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `YYYY-MM-DD` in rulesets; (year, month, day) in the compiled program (a binary format).
impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            (self.year, self.month, self.day).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = d.deserialize_any(crate::money::ScalarText("a date such as 2025-04-07"))?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_validates_and_counts_years() {
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2023-13-01").is_err());
        assert!(Date::parse("23-01-01").is_err());
        assert!(Date::parse("2023-1-011").is_err());
        assert!(Date::parse("+023-01-01").is_err());
        let born = Date::parse("1959-06-15").unwrap();
        assert_eq!(born.years_until(Date::parse("2025-06-14").unwrap()), 65);
        assert_eq!(born.years_until(Date::parse("2025-06-15").unwrap()), 66);
        assert_eq!(born.years_until(Date::parse("1950-01-01").unwrap()), 0);
    }

    #[test]
    fn days_between_dates_count_leap_days() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("2026-04-05").days_until(d("2026-05-06")), 31);
        assert_eq!(d("2024-02-28").days_until(d("2024-03-01")), 2);
        assert_eq!(d("2023-02-28").days_until(d("2023-03-01")), 1);
        assert_eq!(d("2000-01-01").days_until(d("2100-01-01")), 36_525);
        assert_eq!(d("2026-12-03").days_until(d("2026-04-05")), -242);
    }
}
