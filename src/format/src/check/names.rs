//! Names in messages: a declared type in words, lists of names, and "did you mean" for a
//! near miss.

use super::Checker;
use crate::model::ValueType;

pub fn value_type_name(t: ValueType) -> &'static str {
    match t {
        ValueType::Money => "money",
        ValueType::Number => "a number",
        ValueType::Percentage => "a percentage",
        ValueType::Points => "points",
        ValueType::YesNo => "yes/no",
        ValueType::Date => "a date",
        ValueType::Range => "a money range",
    }
}

pub(super) fn quote_list(items: &[&String]) -> String {
    items.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
}

impl Checker<'_> {
    /// "did you mean `capital`?" for a near miss.
    pub(super) fn suggest(&self, name: &str) -> String {
        let best = self
            .names
            .keys()
            .map(|k| (edit_distance(name, k), *k))
            .filter(|(d, _)| *d <= 2.max(name.len() / 4))
            .min();
        match best {
            Some((_, k)) => format!(" (did you mean `{k}`?)"),
            None => String::new(),
        }
    }
}

/// Levenshtein distance, for suggestions only (names are at most 64 characters).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
