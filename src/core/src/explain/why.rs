//! Why: a condition held or failed (and by how much, ranked by how near it came), or a step
//! could not be worked out.

use super::*;

/// How near a comparison came to going the other way: the gap as a fraction of the larger
/// figure (0 when they are equal), so that £21,750 short of £23,250 counts as far and 1 point
/// short of 15 as near. Only ranks "what would change this"; no amount is computed with it.
/// Two zeros are not measured: £0.00 against a minimum charge of £0.00 is no near miss, as
/// nothing can be below it.
pub(super) fn nearness(left: &Value, right: &Value, gap: Option<&Value>) -> Option<Decimal> {
    let size = |v: &Value| match v {
        Value::Money(m) => Some(m.to_decimal_pounds().abs()),
        Value::Number(d) => Some(d.abs()),
        _ => None,
    };
    let (l, r, g) = (size(left)?, size(right)?, size(gap?)?);
    crate::money::exact::div(g, l.max(r))
}

/// Whether threshold `a` is nearer than `b`: measured before unmeasured, then the smaller.
pub(super) fn nearer(a: (Option<Decimal>, usize), b: (Option<Decimal>, usize)) -> bool {
    match (a.0, b.0) {
        (Some(x), Some(y)) => x < y,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Why a step could not be worked out, in the reader's words: the rule by its label, never
/// its id; a mistake in the rules themselves with the author's detail in brackets.
pub fn failure_text(p: &Program, f: &Failure, lang: Lang, fo: bool) -> String {
    let w = Words::for_lang(lang);
    let why = match &f.problem {
        Problem::TooLarge(_) => w.too_large.to_owned(),
        Problem::DivisionByZero => w.division_by_zero.to_owned(),
        Problem::NotInForce { param, on, first } => {
            let label = p
                .params
                .iter()
                .position(|x| x.id == *param)
                .map(|i| p.info.params[i].label.say(lang, fo).to_owned())
                .unwrap_or_else(|| param.clone());
            fill_from(
                w.not_in_force,
                &[
                    ("x", &label),
                    ("date", &long_date(*on, lang)),
                    ("first", &first.map(|d| long_date(d, lang)).unwrap_or_default()),
                ],
            )
        }
        _ => fill_from(
            w.rules_mistake,
            &[(
                "detail",
                &Failure {
                    rule: None,
                    problem: f.problem.clone(),
                }
                .to_string(),
            )],
        ),
    };
    match f.rule.as_deref().and_then(|id| p.rule_index(id)) {
        Some(r) => fill_from(
            w.could_not,
            &[("x", p.info.rules[r as usize].label.say(lang, fo)), ("why", &why)],
        ),
        None => fill_from(w.could_not_plain, &[("why", &why)]),
    }
}

/// Why a condition held or not, in sentences. A comparison's figures and gap alone also go
/// to `thresholds`: under "what would change this", what the condition needs goes without
/// saying.
pub(super) fn why_text(
    p: &Program,
    ev: &Evaluation,
    why: &Why,
    lang: Lang,
    fo: bool,
    w: &Words,
    thresholds: Option<&mut Vec<String>>,
) -> Vec<String> {
    let label = |r: Ref| -> String {
        match r {
            Ref::Input(i) => {
                let q = &p.info.inputs[i as usize];
                q.label.as_ref().unwrap_or(&q.question).say(lang, fo).to_owned()
            }
            Ref::Param(i) => p.info.params[i as usize].label.say(lang, fo).to_owned(),
            Ref::Rule(i) => p.info.rules[i as usize].label.say(lang, fo).to_owned(),
        }
    };
    let show = |o: &crate::eval::Operand| -> String {
        let v = match o.name {
            Some(r) => value_of(p, ev, r, lang, fo, w),
            None => format_value(&o.value, None, w),
        };
        match o.name {
            Some(r) => format!("{} ({v})", label(r)),
            None => v,
        }
    };
    match why {
        Why::Compare { left, op, right, gap } => {
            let (l, r) = (show(left), show(right));
            let gap = gap.as_ref().map(|g| format_value(g, None, w)).unwrap_or_default();
            let ord = crate::value::compare(&left.value, &right.value);
            let t = match ord {
                Some(std::cmp::Ordering::Less) => w.below,
                Some(std::cmp::Ordering::Greater) => w.above,
                _ => w.equal,
            };
            let needed = match op {
                CmpOp::Ge => w.needs_at_least,
                CmpOp::Gt => w.needs_more_than,
                CmpOp::Le => w.needs_at_most,
                CmpOp::Lt => w.needs_less_than,
                CmpOp::Eq => w.needs_equal,
                CmpOp::Ne => w.needs_not_equal,
            };
            let said = fill_from(t, &[("a", &l), ("b", &r), ("gap", &gap)]);
            if let Some(t) = thresholds {
                t.push(said.clone());
            }
            // A condition that held shows its margin only; one that failed says what it needs.
            if ord.is_some_and(|o| op.holds(o)) {
                vec![said]
            } else {
                vec![format!("{said} {}", fill_from(needed, &[("b", &r)]))]
            }
        }
        Why::NotMet(r) => vec![fill_from(w.not_met, &[("x", &label(*r))])],
        Why::Held(r) => vec![fill_from(w.held, &[("x", &label(*r))])],
        Why::TooFew { have, need, of, failed } => {
            let mut v = vec![fill_from(
                w.too_few,
                &[
                    ("have", &have.to_string()),
                    ("of", &of.to_string()),
                    ("need", &need.to_string()),
                ],
            )];
            v.extend(failed.iter().flat_map(|f| why_text(p, ev, f, lang, fo, w, None)));
            v
        }
        Why::NotAssessed { part, because } => {
            // The first part not met is the reason (the engine records a part as not
            // assessed only when one was).
            let first = because.first().map(|r| label(*r)).unwrap_or_default();
            vec![fill_from(
                w.not_assessed_because,
                &[("x", &label(*part)), ("y", &first)],
            )]
        }
        Why::NotAnswered { input, options } => {
            let opts: Vec<String> = options.iter().map(|o| option_label(p, *input, o, lang, fo)).collect();
            vec![fill_from(
                w.not_answer,
                &[("x", &label(Ref::Input(*input))), ("opts", &opts.join(" / "))],
            )]
        }
    }
}
