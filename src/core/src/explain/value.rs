//! Values in words, as their declared types: amounts, percentages, points, options, dates.

use super::*;

/// An item's value in words, shown as its declared type (percentages, points, labels).
pub fn value_of(p: &Program, ev: &Evaluation, r: Ref, lang: Lang, fo: bool, w: &Words) -> String {
    let outcome = ev.of(p, r);
    let ty = match r {
        Ref::Param(i) => Some(p.params[i as usize].ty),
        Ref::Rule(i) => Some(p.rules[i as usize].ty),
        Ref::Input(_) => None,
    };
    let input = match r {
        Ref::Input(i) => Some(i),
        _ => None,
    };
    match ty {
        Some(t) => describe(&outcome, t, w).2,
        None => describe_input(p, &outcome, input.unwrap_or(0), lang, fo, w),
    }
}

pub(super) fn describe_input(p: &Program, o: &Outcome, i: u32, lang: Lang, fo: bool, w: &Words) -> String {
    match o {
        Outcome::Known(Value::Choice(c)) => option_label(p, i, c, lang, fo),
        Outcome::Known(Value::Choices(cs)) if cs.is_empty() => w.none.to_owned(),
        Outcome::Known(Value::Choices(cs)) => cs
            .iter()
            .map(|c| option_label(p, i, c, lang, fo))
            .collect::<Vec<_>>()
            .join("; "),
        Outcome::Known(v) => format_value(v, None, w),
        Outcome::Unknown(_) => w.not_known.to_owned(),
        Outcome::Failed(e) => failure_text(p, e, lang, fo),
    }
}

pub(super) fn option_label(p: &Program, i: u32, c: &str, lang: Lang, fo: bool) -> String {
    p.info.inputs[i as usize]
        .options
        .get(c)
        .map(|o| o.label.say(lang, fo).to_owned())
        .unwrap_or_else(|| c.to_owned())
}

/// (status, typed value, words, failure) for an outcome of a declared type.
pub(super) fn describe<'a>(
    o: &'a Outcome,
    ty: ValueType,
    w: &Words,
) -> (Status, Option<ValueOut>, String, Option<&'a Failure>) {
    match o {
        Outcome::Known(v) => (Status::Known, Some(value_out(v)), format_value(v, Some(ty), w), None),
        Outcome::Unknown(_) => (Status::Unknown, None, w.not_known.to_owned(), None),
        Outcome::Failed(e) => (Status::Failed, None, w.failed.to_owned(), Some(e)),
    }
}

pub fn value_out(v: &Value) -> ValueOut {
    match v {
        Value::Money(m) => ValueOut::Money { pence: m.pence() },
        Value::Number(d) => ValueOut::Number {
            value: d.normalize().to_string(),
        },
        Value::Bool(b) => ValueOut::YesNo { value: *b },
        Value::Date(d) => ValueOut::Date { value: d.to_string() },
        Value::Choice(c) => ValueOut::Choice { value: c.clone() },
        Value::Choices(cs) => ValueOut::Choices { values: cs.clone() },
        Value::Range(lo, hi) => ValueOut::Range {
            lower: lo.pence(),
            upper: hi.pence(),
        },
        Value::Periodic(m, per) => ValueOut::Periodic {
            pence: m.pence(),
            period: per.name().to_owned(),
        },
    }
}

/// A value in words, as its declared type.
pub fn format_value(v: &Value, ty: Option<ValueType>, w: &Words) -> String {
    match (v, ty) {
        // A rate beyond a decimal's range as a percentage (never a real one) is shown as it is.
        (Value::Number(d), Some(ValueType::Percentage)) => d.percent_text(),
        (Value::Number(d), Some(ValueType::Points)) => format!("{} {}", d.normalize(), w.points),
        (Value::Number(d), _) => d.normalize().to_string(),
        (Value::Money(m), _) => m.to_string(),
        (Value::Bool(true), _) => w.yes.to_owned(),
        (Value::Bool(false), _) => w.no.to_owned(),
        (Value::Date(d), _) => long_date(*d, w.lang),
        (Value::Choice(c), _) => c.clone(),
        (Value::Choices(cs), _) => cs.join(", "),
        (Value::Range(lo, hi), _) => fill_from(w.range, &[("a", &lo.to_string()), ("b", &hi.to_string())]),
        (Value::Periodic(m, per), _) => format!("{m} {}", w.period(*per)),
    }
}

/// "7 April 2025" / "7 Ebrill 2025".
pub fn long_date(d: Date, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const CY: [&str; 12] = [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ];
    let months = match lang {
        Lang::En => EN,
        Lang::Cy => CY,
    };
    format!("{} {} {}", d.day, months[(d.month - 1) as usize], d.year)
}
