//! Turns an evaluation into plain-language steps, in English or Welsh.
//!
//! The output is structured data (serialisable), not markup: the CLI prints it as text,
//! the widget renders it into the page, and each can lay it out as suits it.

mod period;
mod report;
mod value;
mod why;
mod words;

pub use period::*;
pub use report::*;
pub use value::*;
pub use why::*;
pub use words::*;

use crate::decimal::Decimal;
use serde::Serialize;

use crate::date::Date;
use crate::eval::{Answers, Evaluation, Failure, Outcome, Problem, Why, evaluate, live_uses};
use crate::program::{CmpOp, Item, Program, Ref, Value};
use crate::text::{Lang, Text};
use crate::vocab::{Period, Role, ValueType};

/// Explains an evaluation in `lang`. `for_other` words questions for someone answering
/// on another person's behalf.
pub fn explain(p: &Program, ev: &Evaluation, lang: Lang, for_other: bool) -> Report {
    let w = Words::for_lang(lang);
    let rs = &p.info;
    let mut memo = Memo::new(p);
    let outputs = p
        .outputs
        .iter()
        .enumerate()
        .map(|(o, out)| {
            let outcome = &ev.rules[out.rule as usize];
            let label = out
                .label
                .as_ref()
                .unwrap_or(&rs.rules[out.rule as usize].label)
                .say(lang, for_other)
                .to_owned();
            // While whether it applies is unknown (or failed), that is what is shown.
            let (status, value, text, error) = match ev.applies.get(o) {
                Some(Outcome::Known(Value::Bool(false))) => {
                    (Status::NotApplicable, None, w.not_applicable.to_owned(), None)
                }
                Some(other @ (Outcome::Unknown(_) | Outcome::Failed(_))) => describe(other, ValueType::YesNo, w),
                _ => describe(outcome, p.rules[out.rule as usize].ty, w),
            };
            let error = error.map(|f| failure_text(p, f, lang, for_other));
            let needs = ev
                .needs(p, o)
                .into_iter()
                .map(|i| Need {
                    id: p.inputs[i as usize].id.clone(),
                    question: question_text(p, i, lang, for_other),
                })
                .collect();
            let steps = if ev.applies(o) {
                let rules = memo.steps_of(p, ev, out.rule);
                let decided = status == Status::Known;
                rules
                    .into_iter()
                    .map(|r| {
                        let mut s = memo.step(p, ev, r, lang, for_other, w);
                        // A result decided while a step it went through is still unknown does
                        // not depend on that step (the engine decides only what every answer
                        // would leave the same): say so, not "not known yet".
                        if decided && s.status == Status::Unknown {
                            s.value = w.not_needed.to_owned();
                            s.text = format!("{}: {}", s.title, s.value);
                        }
                        s
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let mut best: Option<((Option<Decimal>, usize), &Step)> = None;
            for s in &steps {
                if let Some(n) = s.nearest
                    && best.is_none_or(|(m, _)| nearer(n, m))
                {
                    best = Some((n, s));
                }
            }
            let nearest = best.map(|((_, i), s)| format!("{}: {}", s.title, s.thresholds[i]));
            OutputReport {
                id: out.id.clone(),
                role: out.role,
                label,
                status,
                value,
                text,
                needs,
                error,
                steps,
                nearest,
            }
        })
        .collect();
    let period = rs.in_force.map(|f| period_words(f, lang));
    let warnings = out_of_force(rs.in_force, ev.as_of, lang).into_iter().collect();
    Report {
        warnings,
        period,
        limitations: rs
            .limitations
            .iter()
            .map(|t| t.say(lang, for_other).to_owned())
            .collect(),
        later: None,
        ruleset: RulesetInfo {
            id: rs.id.clone(),
            title: rs.title.say(lang, for_other).to_owned(),
            publisher: rs.publisher.clone(),
            version: rs.version.clone(),
            illustrative: rs.illustrative,
            based_on: rs.based_on.keys().cloned().collect(),
            notice: rs.notice.as_ref().map(|t| t.say(lang, for_other).to_owned()),
        },
        as_of: ev.as_of.to_string(),
        lang,
        outputs,
    }
}

/// Each rule's live uses and rendered step, worked out once per explanation: outputs
/// share most of their steps.
struct Memo {
    live: Vec<Option<Vec<Ref>>>,
    steps: Vec<Option<Step>>,
}

impl Memo {
    fn new(p: &Program) -> Memo {
        Memo {
            live: vec![None; p.rules.len()],
            steps: vec![None; p.rules.len()],
        }
    }

    fn live(&mut self, p: &Program, ev: &Evaluation, r: u32) -> &[Ref] {
        self.live[r as usize].get_or_insert_with(|| live_uses(p, ev, r))
    }

    /// The rules an output's value actually went through, dependencies first.
    fn steps_of(&mut self, p: &Program, ev: &Evaluation, rule: u32) -> Vec<u32> {
        let mut needed = vec![false; p.rules.len()];
        let mut stack = vec![rule];
        while let Some(r) = stack.pop() {
            if std::mem::replace(&mut needed[r as usize], true) {
                continue;
            }
            // A step that was not assessed is shown alone: what it would have rested on
            // was not assessed either.
            if crate::eval::not_assessed(p, ev, r) {
                continue;
            }
            for u in self.live(p, ev, r) {
                if let Ref::Rule(d) = u {
                    stack.push(*d);
                }
            }
        }
        p.order
            .iter()
            .filter_map(|it| match it {
                Item::Rule(r) if needed[*r as usize] => Some(*r),
                _ => None,
            })
            .collect()
    }

    fn step(&mut self, p: &Program, ev: &Evaluation, r: u32, lang: Lang, fo: bool, w: &Words) -> Step {
        if let Some(s) = &self.steps[r as usize] {
            return s.clone();
        }
        let uses = self.live(p, ev, r).to_vec();
        let s = step(p, ev, r, &uses, lang, fo, w);
        self.steps[r as usize] = Some(s.clone());
        s
    }
}

/// The question's wording for this reader.
pub fn question_text(p: &Program, i: u32, lang: Lang, for_other: bool) -> String {
    p.info.inputs[i as usize].question.say(lang, for_other).to_owned()
}

fn step(p: &Program, ev: &Evaluation, r: u32, live: &[Ref], lang: Lang, fo: bool, w: &Words) -> Step {
    let def = &p.info.rules[r as usize];
    let info = &p.rules[r as usize];
    let outcome = &ev.rules[r as usize];
    let (mut status, _, value, error) = describe(outcome, info.ty, w);
    let mut value = error.map(|f| failure_text(p, f, lang, fo)).unwrap_or(value);
    // Its value is only its questions' defaults: they were not asked, so it was not assessed.
    if status == Status::Known && crate::eval::not_assessed(p, ev, r) {
        status = Status::NotAssessed;
        value = w.not_assessed.to_owned();
    }
    let is_false = *outcome == Outcome::Known(Value::Bool(false));
    let template = match (is_false, &def.explain_if_not, &def.explain) {
        (true, Some(t), _) => Some(t),
        (_, _, Some(t)) => Some(t),
        _ => None,
    };
    let title = def.label.say(lang, fo).to_owned();
    let text = match template {
        Some(t) if status == Status::Known => fill(t.say(lang, fo), &mut |name| {
            if name == "value" {
                Some(value.clone())
            } else {
                let r = info.uses.iter().find(|u| p.name_of(**u) == name)?;
                Some(value_of(p, ev, *r, lang, fo, w))
            }
        }),
        _ => format!("{title}: {value}"),
    };
    let uses = live.iter().map(|u| used(p, ev, *u, lang, fo, w)).collect();
    let (mut because, mut thresholds) = (Vec::new(), Vec::new());
    let mut nearest = None;
    // A step that was not assessed has no reasons of its own: its defaults decided nothing.
    let whys = if status == Status::NotAssessed {
        None
    } else {
        ev.why.get(r as usize)
    };
    for x in whys.into_iter().flatten() {
        if let Why::Compare { left, right, gap, .. } = x {
            let n = (nearness(&left.value, &right.value, gap.as_ref()), thresholds.len());
            if nearest.is_none_or(|m| nearer(n, m)) {
                nearest = Some(n);
            }
        }
        let text = why_text(p, ev, x, lang, fo, w, Some(&mut thresholds));
        because.extend(text);
    }
    Step {
        rule: info.id.clone(),
        title,
        text,
        value,
        status,
        origin: def.origin.clone(),
        uses,
        because,
        thresholds,
        source: def.source.as_ref().and_then(|s| source(p, s)),
        nearest,
    }
}

fn used(p: &Program, ev: &Evaluation, r: Ref, lang: Lang, fo: bool, w: &Words) -> Used {
    let rs = &p.info;
    let value = value_of(p, ev, r, lang, fo, w);
    match r {
        Ref::Input(i) => {
            let q = &rs.inputs[i as usize];
            let label = q.label.as_ref().unwrap_or(&q.question).say(lang, fo).to_owned();
            let value = match ev.asked[i as usize] {
                Some(false) => format!("{value} ({})", w.not_asked),
                _ => value,
            };
            Used {
                kind: UseKind::Answer,
                id: p.inputs[i as usize].id.clone(),
                label,
                value,
                from: None,
                unverified: false,
                source: None,
            }
        }
        Ref::Param(i) => {
            let def = &rs.params[i as usize];
            let picked = ev.params[i as usize]
                .as_ref()
                .ok()
                .map(|k| &p.params[i as usize].timeline[*k]);
            Used {
                kind: UseKind::Figure,
                id: p.params[i as usize].id.clone(),
                label: def.label.say(lang, fo).to_owned(),
                value,
                from: picked.map(|d| long_date(d.from, lang)),
                unverified: picked.is_some_and(|d| d.verify),
                source: picked.and_then(|d| d.source.as_ref()).and_then(|s| source(p, s)),
            }
        }
        Ref::Rule(i) => Used {
            kind: UseKind::Step,
            id: p.rules[i as usize].id.clone(),
            label: rs.rules[i as usize].label.say(lang, fo).to_owned(),
            value,
            from: None,
            unverified: false,
            source: None,
        },
    }
}

fn source(p: &Program, id: &str) -> Option<SourceInfo> {
    let s = p.info.sources.get(id)?;
    Some(SourceInfo {
        title: s.title.clone(),
        url: s.url.clone(),
        paragraph: s.paragraph.clone(),
    })
}
