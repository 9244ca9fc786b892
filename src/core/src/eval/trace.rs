//! What a value went through: the parts it actually rested on (`live`), whether those were
//! ever asked (`rests_on_unasked`), and why a condition was not met (`why_false`).

use std::cmp::Ordering;

use super::*;
use crate::money::{Money, exact};
use crate::value::compare;

impl Ctx<'_> {
    pub(super) fn live(&self, n: &Node, out: &mut Vec<Ref>) {
        let mut push = |r: Ref| {
            if !out.contains(&r) {
                out.push(r);
            }
        };
        match n {
            Node::Ref(r) => push(*r),
            Node::AnswerIn(q, _) | Node::Includes(q, _) | Node::Count(q) | Node::Age(q) => push(Ref::Input(*q)),
            // A sum rests on its parts that are not zero: "£0.00 of savings credit not
            // counted" is no step of anyone's result. (Templates still show every part.)
            Node::Sum(xs) => {
                for x in xs {
                    if !matches!(self.eval(x), Outcome::Known(Value::Money(Money::ZERO))) {
                        self.live(x, out);
                    }
                }
            }
            // `all` that is No rests on the parts that are No; `any` that is Yes on the parts
            // that are Yes: the others did not decide it (a home-care result does not go
            // through "in the first 12 weeks in a care home").
            Node::All(xs) | Node::Any(xs) => {
                let decided = matches!(n, Node::Any(_));
                let is = |o: Outcome| matches!(o, Outcome::Known(Value::Bool(b)) if b == decided);
                let deciding = is(self.eval(n));
                for x in xs {
                    if !deciding || is(self.eval(x)) {
                        self.live(x, out);
                    }
                }
            }
            Node::Cases(arms, otherwise) => {
                for (cond, then) in arms {
                    self.live(cond, out);
                    match self.eval(cond) {
                        Outcome::Known(Value::Bool(true)) => return self.live(then, out),
                        Outcome::Known(_) => {}
                        _ => return,
                    }
                }
                self.live(otherwise, out);
            }
            Node::Lookup {
                input, table, default, ..
            } => {
                push(Ref::Input(*input));
                let chosen: Vec<String> = match &self.ev.inputs[*input as usize] {
                    Outcome::Known(Value::Choice(c)) => vec![c.clone()],
                    Outcome::Known(Value::Choices(cs)) => cs.clone(),
                    _ => return,
                };
                for c in &chosen {
                    match table.iter().find(|(o, _)| o == c) {
                        Some((_, node)) => self.live(node, out),
                        None => {
                            if let Some(d) = default {
                                self.live(d, out);
                            }
                        }
                    }
                }
            }
            Node::Bands { value, bands } => {
                self.live(value, out);
                let v = self.eval(value);
                let mut chosen = None;
                for b in bands {
                    self.live(&b.from, out);
                    if let (Outcome::Known(v), Outcome::Known(from)) = (&v, self.eval(&b.from))
                        && compare(v, &from) != Some(Ordering::Less)
                    {
                        chosen = Some(b);
                    }
                }
                if let Some(b) = chosen {
                    match &b.out {
                        BandOut::Range(lo, hi) => {
                            self.live(lo, out);
                            self.live(hi, out);
                        }
                        BandOut::Value(x) => self.live(x, out),
                    }
                }
            }
            other => {
                other.each_child(&mut |c| {
                    self.live(c, out);
                    true
                });
            }
        }
    }

    /// Whether `n`'s value rests only on questions that were not asked (so on their
    /// defaults): at least one question, and none of them asked. Follows rules through the
    /// parts their values actually went through.
    pub(super) fn rests_on_unasked(&self, n: &Node) -> bool {
        let mut refs = Vec::new();
        self.live(n, &mut refs);
        let mut seen = vec![false; self.p.rules.len()];
        let mut any_input = false;
        while let Some(r) = refs.pop() {
            match r {
                Ref::Input(i) => {
                    if self.ev.asked[i as usize] != Some(false) {
                        return false;
                    }
                    any_input = true;
                }
                Ref::Rule(k) if !std::mem::replace(&mut seen[k as usize], true) => {
                    let ctx = Ctx {
                        p: self.p,
                        ev: self.ev,
                        rule: Some(k),
                    };
                    ctx.live(&self.p.rules[k as usize].node, &mut refs);
                }
                _ => {}
            }
        }
        any_input
    }

    /// Records why a yes/no node that evaluated to false is false.
    pub(super) fn why_false(&self, n: &Node, out: &mut Vec<Why>) {
        match n {
            Node::Ref(r) => out.push(Why::NotMet(*r)),
            Node::Not(x) => {
                if let Node::Ref(r) = x.as_ref() {
                    out.push(Why::Held(*r));
                }
            }
            Node::All(xs) => {
                // A part whose questions were never asked (because an earlier part was not
                // met) was not assessed: say so, and why, rather than that it was not met.
                let failed: Vec<(&Node, bool)> = xs
                    .iter()
                    .filter(|x| self.eval(x) == Outcome::Known(Value::Bool(false)))
                    .map(|x| (x, self.rests_on_unasked(x)))
                    .collect();
                let because: Vec<Ref> = failed
                    .iter()
                    .filter(|(_, unasked)| !unasked)
                    .filter_map(|(x, _)| part_name(x))
                    .collect();
                for (x, unasked) in failed {
                    match part_name(x) {
                        Some(part) if unasked && !because.is_empty() => out.push(Why::NotAssessed {
                            part,
                            because: because.clone(),
                        }),
                        _ => self.why_false(x, out),
                    }
                }
            }
            Node::Any(xs) => {
                for x in xs {
                    self.why_false(x, out);
                }
            }
            Node::AtLeast(need, xs) => {
                let mut failed = Vec::new();
                let mut have = 0;
                for x in xs {
                    if self.eval(x) == Outcome::Known(Value::Bool(true)) {
                        have += 1;
                    } else {
                        self.why_false(x, &mut failed);
                    }
                }
                out.push(Why::TooFew {
                    have,
                    need: *need,
                    of: xs.len() as u32,
                    failed,
                });
            }
            Node::Cmp(op, sides) => {
                let [l, r] = sides.as_ref();
                if let (Outcome::Known(lv), Outcome::Known(rv)) = (self.eval(l), self.eval(r)) {
                    let gap = match (&lv, &rv) {
                        // Two amounts within the limit can be twice the limit apart: no margin then.
                        (Value::Money(a), Value::Money(b)) => {
                            Money::checked((i128::from(a.pence()) - i128::from(b.pence())).abs())
                                .ok()
                                .map(Value::Money)
                        }
                        // No margin where the difference is beyond a decimal's range (`-` would panic).
                        (Value::Number(a), Value::Number(b)) => exact::sub(*a, *b).map(|d| Value::Number(d.abs())),
                        _ => None,
                    };
                    out.push(Why::Compare {
                        left: Operand {
                            name: name_of(l),
                            value: lv,
                        },
                        op: *op,
                        right: Operand {
                            name: name_of(r),
                            value: rv,
                        },
                        gap,
                    });
                }
            }
            Node::AnswerIn(q, opts) | Node::Includes(q, opts) => out.push(Why::NotAnswered {
                input: *q,
                options: opts.clone(),
            }),
            _ => {}
        }
    }
}

/// The named item a part of a condition stands for: a rule or question it names, or the
/// question it tests.
fn part_name(n: &Node) -> Option<Ref> {
    match n {
        Node::Ref(r) => Some(*r),
        Node::AnswerIn(q, _) | Node::Includes(q, _) => Some(Ref::Input(*q)),
        _ => None,
    }
}

fn name_of(n: &Node) -> Option<Ref> {
    match n {
        Node::Ref(r) => Some(*r),
        _ => None,
    }
}
