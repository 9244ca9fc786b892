//! Reading an answer from the form's fields, with the widget's own messages: GOV.UK-style
//! words for the person answering, not the author messages the core gives for a ruleset or
//! an answers file.

use carebudget_core::answers::bounds;
use carebudget_core::date::Date;
use carebudget_core::decimal::Decimal;
use carebudget_core::explain::{fill_from, long_date};
use carebudget_core::money::Money;
use carebudget_core::program::{InputInfo, Ty, Value};
use carebudget_core::vocab::{InputType, Period};

use super::{App, FieldError, field};
use crate::words::Words;

type Pairs = [(String, String)];

/// One problem, as a form's list of them.
fn err(field: &'static str, m: &str) -> Vec<FieldError> {
    vec![FieldError {
        field,
        message: m.to_owned(),
    }]
}

impl App {
    /// Reads and checks the answer to question `i` from the form. Values are read by the
    /// core's parsers (`Money::parse`, `money::parse_decimal`, `Period::parse`, `Date::new`)
    /// and held to the question's bounds by the core's rule (`answers::bounds`), as answers
    /// files are. `typing::answer_value` is not called: it types literals of every shape
    /// (lists, mappings) with messages for authors, and took the module 2.7 KB brotli over
    /// its size limit (measured); a form sends one text per field.
    pub fn read_answer(&self, i: u32, pairs: &Pairs) -> Result<Value, Vec<FieldError>> {
        let w = self.w;
        let info = &self.program.inputs[i as usize];
        let v = match info.ty {
            Ty::Choice(_) => {
                let a = field(pairs, "answer");
                if !info.options.iter().any(|o| o == a) {
                    return Err(err("cb-q", w.select_one));
                }
                Value::Choice(a.to_owned())
            }
            Ty::Bool => match field(pairs, "answer") {
                "yes" => Value::Bool(true),
                "no" => Value::Bool(false),
                _ => return Err(err("cb-q", w.select_yes_no)),
            },
            Ty::Choices(_) => read_choices(info, pairs, w)?,
            Ty::Periodic => read_periodic(info, pairs, w)?,
            Ty::Money => Value::Money(read_money(field(pairs, "answer"), w).map_err(|m| err("cb-q", &m))?),
            // People write thousands with commas.
            Ty::Number if info.kind == InputType::WholeNumber => {
                let t = field(pairs, "answer").replace(',', "");
                match t.parse::<i64>() {
                    Ok(n) => Value::Number(Decimal::from(n)),
                    Err(_) => return Err(err("cb-q", w.whole_bad)),
                }
            }
            // Digits, a point and a minus only: what a person types, not what a parser takes.
            Ty::Number => {
                let t = field(pairs, "answer").replace(',', "");
                let ok = !t.is_empty() && t.len() < 20 && t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-');
                match carebudget_core::money::parse_decimal(&t) {
                    Ok(d) if ok => Value::Number(d),
                    _ => return Err(err("cb-q", w.number_bad)),
                }
            }
            Ty::Date => read_date(pairs, w)?,
            Ty::Range => return Err(err("cb-q", w.select_one)),
        };
        within_bounds(&v, info, w)?;
        Ok(v)
    }
}

/// Ticked boxes: the question's options, or "None of these" on its own.
fn read_choices(info: &InputInfo, pairs: &Pairs, w: &Words) -> Result<Value, Vec<FieldError>> {
    let ticked: Vec<&str> = pairs
        .iter()
        .filter(|(k, _)| k == "answer")
        .map(|(_, v)| v.as_str())
        .collect();
    let none = ticked.contains(&"-none");
    let chosen: Vec<String> = info
        .options
        .iter()
        .filter(|o| ticked.contains(&o.as_str()))
        .cloned()
        .collect();
    if none && !chosen.is_empty() {
        return Err(err("cb-q", w.none_alone));
    }
    if !none && chosen.is_empty() {
        return Err(err("cb-q", w.select_some));
    }
    Ok(Value::Choices(chosen))
}

/// An amount and how often: both are checked, so both problems are shown at once.
fn read_periodic(info: &InputInfo, pairs: &Pairs, w: &Words) -> Result<Value, Vec<FieldError>> {
    let amount = read_money(field(pairs, "amount"), w);
    let period = Period::parse(field(pairs, "period")).filter(|p| info.periods.contains(p));
    let mut errors = Vec::new();
    if let Err(m) = &amount {
        errors.push(FieldError {
            field: "cb-q",
            message: m.clone(),
        });
    }
    if period.is_none() {
        errors.push(FieldError {
            field: "cb-p",
            message: w.period_missing.to_owned(),
        });
    }
    match (amount, period) {
        (Ok(m), Some(p)) => Ok(Value::Periodic(m, p)),
        _ => Err(errors),
    }
}

/// Day, month and year boxes; an error points at the first box that is not a number, else
/// at the day.
fn read_date(pairs: &Pairs, w: &Words) -> Result<Value, Vec<FieldError>> {
    let (d, m, y) = (field(pairs, "day"), field(pairs, "month"), field(pairs, "year"));
    if d.is_empty() && m.is_empty() && y.is_empty() {
        return Err(err("cb-d", w.date_missing));
    }
    let num = |s: &str| s.parse::<u16>().ok();
    match (num(d), num(m), num(y)) {
        // Checked before narrowing to `u8`, so that a month of 258 is not read as 2.
        (Some(d), Some(m), Some(y)) if y >= 1000 && m <= 12 && d <= 31 => match Date::new(y, m as u8, d as u8) {
            Ok(date) => Ok(Value::Date(date)),
            Err(_) => Err(err("cb-d", w.date_bad)),
        },
        (None, _, _) => Err(err("cb-d", w.date_bad)),
        (_, None, _) => Err(err("cb-m", w.date_bad)),
        _ => Err(err("cb-y", w.date_bad)),
    }
}

/// The question's own bounds, checked by the core's rule (an amount per period is compared
/// as its amount), said in words people use.
fn within_bounds(v: &Value, info: &InputInfo, w: &Words) -> Result<(), Vec<FieldError>> {
    let shown = |b: &Value| match b {
        Value::Date(d) => long_date(*d, w.lang),
        Value::Money(m) => m.to_string(),
        Value::Number(d) => d.normalize().to_string(),
        other => carebudget_core::value::plain(other),
    };
    let is_date = matches!(v, Value::Date(_));
    let field = if is_date { "cb-d" } else { "cb-q" };
    if let Some(lo) = &info.min
        && bounds(v, Some(lo), None).is_err()
    {
        let t = if is_date { w.date_from } else { w.at_least };
        return Err(err(field, &fill_from(t, &[("v", &shown(lo))])));
    }
    if let Some(hi) = &info.max
        && bounds(v, None, Some(hi)).is_err()
    {
        let t = if is_date { w.date_to } else { w.at_most };
        return Err(err(field, &fill_from(t, &[("v", &shown(hi))])));
    }
    Ok(())
}

/// Pounds, with or without `£`; never negative.
fn read_money(t: &str, w: &Words) -> Result<Money, String> {
    if t.is_empty() {
        return Err(w.money_missing.to_owned());
    }
    let t = t.trim_start_matches('£').trim();
    if t.starts_with('-') || t.starts_with('−') {
        return Err(w.money_bad.to_owned());
    }
    Money::parse(t).map_err(|_| w.money_bad.to_owned())
}
