//! A person's answers: read from text (YAML or JSON) or built by a front end, then typed
//! against the questions. Answers stay in memory; nothing here stores or sends them.

use indexmap::IndexMap;

use crate::diagnostic::{Diagnostic, join};
use crate::eval::Answers;
use crate::literal::Literal;
use crate::program::{Program, Ty, Value};
use crate::typing::answer_value;
use crate::value::compare;

/// Types each answer against its question. Every problem is reported, each at `answers.<id>`.
/// `null` means unanswered.
pub fn type_answers(p: &Program, raw: &IndexMap<String, Literal>) -> Result<Answers, Vec<Diagnostic>> {
    let mut out = vec![None; p.inputs.len()];
    let mut errors = Vec::new();
    for (id, lit) in raw {
        // The error path is built only for an error: typing answers is on every evaluation's path.
        let path = || join("answers", id);
        let Some(i) = p.input_index(id) else {
            let hint = if p.rule_index(id).is_some() {
                " (it is a rule, worked out from the answers)"
            } else {
                ""
            };
            errors.push(Diagnostic::error(path(), format!("there is no question `{id}`{hint}")));
            continue;
        };
        if *lit == Literal::Null {
            continue;
        }
        let q = &p.inputs[i as usize];
        match answer_value(lit, q.ty, &q.options, &q.periods, q.kind) {
            Ok(v) => match bounds(&v, q.min.as_ref(), q.max.as_ref()) {
                Ok(()) => out[i as usize] = Some(v),
                Err(e) => errors.push(Diagnostic::error(path(), e)),
            },
            Err(e) => errors.push(Diagnostic::error(path(), e)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for i in assumed(p, &out) {
        out[i as usize] = p.inputs[i as usize].if_unanswered.as_ref().map(|(_, v)| v.clone());
    }
    Ok(Answers(out))
}

/// The questions an answers file leaves out but that were added after it was written: each
/// has `if_unanswered`, and the file answers one of the questions that stand for it. Their
/// answers are taken as the question says (`type_answers` fills them in). A journey in the
/// widget never uses this: it asks every question.
pub fn assumed(p: &Program, answers: &[Option<Value>]) -> Vec<u32> {
    let answered = |j: &u32| answers.get(*j as usize).is_some_and(Option::is_some);
    (0..p.inputs.len() as u32)
        .filter(|&i| answers.get(i as usize).is_some_and(Option::is_none))
        .filter(|&i| {
            p.inputs[i as usize]
                .if_unanswered
                .as_ref()
                .is_some_and(|(earlier, _)| earlier.iter().any(answered))
        })
        .collect()
}

/// Checks an answer against the question's `min` and `max`.
pub fn bounds(v: &Value, min: Option<&Value>, max: Option<&Value>) -> Result<(), String> {
    let amount = match v {
        Value::Periodic(m, _) => Value::Money(*m),
        other => other.clone(),
    };
    if let Some(lo) = min
        && compare(&amount, lo) == Some(std::cmp::Ordering::Less)
    {
        return Err(format!(
            "{} is below the smallest allowed, {}",
            crate::value::plain(&amount),
            crate::value::plain(lo)
        ));
    }
    if let Some(hi) = max
        && compare(&amount, hi) == Some(std::cmp::Ordering::Greater)
    {
        return Err(format!(
            "{} is above the largest allowed, {}",
            crate::value::plain(&amount),
            crate::value::plain(hi)
        ));
    }
    Ok(())
}

/// Whether a question's type is money given per period (the front end asks for both).
pub fn is_periodic(p: &Program, i: u32) -> bool {
    p.inputs[i as usize].ty == Ty::Periodic
}
