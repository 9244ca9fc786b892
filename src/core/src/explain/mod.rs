//! Turns an evaluation into plain-language steps, in English or Welsh.
//!
//! The output is structured data (serialisable), not markup: the CLI prints it as text,
//! the widget renders it into the page, and each can lay it out as suits it.

use crate::decimal::Decimal;
use serde::Serialize;

use crate::date::Date;
use crate::eval::{Answers, Evaluation, Failure, Outcome, Problem, Why, evaluate, live_uses};
use crate::program::{CmpOp, Item, Program, Ref, Value};
use crate::text::{Lang, Text};
use crate::vocab::{Period, Role, ValueType};

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub ruleset: RulesetInfo,
    pub as_of: String,
    pub lang: Lang,
    /// Things the reader must know about the whole result (rules used outside their period).
    pub warnings: Vec<String>,
    /// The period the rules' figures are for, in words ("6 April 2026 to 5 April 2027").
    pub period: Option<String>,
    /// What the rules leave out or simplify, which every result must say.
    pub limitations: Vec<String>,
    pub outputs: Vec<OutputReport>,
    /// Where the rules already hold figures for a later date: what these answers give then
    /// ([`later`]; `None` until a front end asks, or when nothing changes).
    pub later: Option<Later>,
}

/// The same answers under the next figures the rules hold.
#[derive(Clone, Debug, Serialize)]
pub struct Later {
    /// The date the next figures take effect, as `YYYY-MM-DD` and in words.
    pub as_of: String,
    pub date: String,
    /// "From 6 April 2027:" in the reader's language.
    pub heading: String,
    /// One line per answer that changes: "What you would pay each week: £91.30 (now £87.50)".
    pub changes: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RulesetInfo {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub version: String,
    pub illustrative: bool,
    /// The ids of the rulesets merged into this one, nearest first.
    pub based_on: Vec<String>,
    pub notice: Option<String>,
}

/// Where a result or a step stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Worked out.
    Known,
    /// Answers are still needed.
    Unknown,
    /// It cannot be worked out (the `error` says why).
    Failed,
    /// An answer that does not apply to this person (its `applies_when` is false).
    NotApplicable,
    /// A step whose questions were none of them asked: it was not assessed.
    NotAssessed,
}

impl Status {
    /// The name JSON and the widget's `data-status` use: `known`, `not-assessed`….
    pub fn name(self) -> &'static str {
        match self {
            Status::Known => "known",
            Status::Unknown => "unknown",
            Status::Failed => "failed",
            Status::NotApplicable => "not-applicable",
            Status::NotAssessed => "not-assessed",
        }
    }
}

/// A status is its JSON name: `status == "known"` reads as the report is written.
impl PartialEq<&str> for Status {
    fn eq(&self, name: &&str) -> bool {
        self.name() == *name
    }
}

/// What a step used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UseKind {
    /// A question's answer.
    Answer,
    /// A dated parameter.
    Figure,
    /// Another rule.
    Step,
}

impl UseKind {
    pub fn name(self) -> &'static str {
        match self {
            UseKind::Answer => "answer",
            UseKind::Figure => "figure",
            UseKind::Step => "step",
        }
    }
}

impl PartialEq<&str> for UseKind {
    fn eq(&self, name: &&str) -> bool {
        self.name() == *name
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct OutputReport {
    pub id: String,
    pub role: Role,
    pub label: String,
    /// Known, unknown (answers still needed), failed, or not applicable (its
    /// `applies_when` is false for these answers: no value, no steps).
    pub status: Status,
    pub value: Option<ValueOut>,
    /// The value in words: "£123.45", "Yes", "£80.00 to £120.00".
    pub text: String,
    /// Questions still to answer before this is known.
    pub needs: Vec<Need>,
    pub error: Option<String>,
    /// How it was worked out, dependencies first, ending with this output's own step.
    pub steps: Vec<Step>,
    /// What would change it: of its steps' thresholds, the one its figures came nearest to
    /// crossing (the smallest gap for the size of the figures), with its step's title.
    pub nearest: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Need {
    pub id: String,
    pub question: String,
}

/// A value, typed, for front ends that compute with it (money in pence).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ValueOut {
    Money { pence: i64 },
    Number { value: String },
    YesNo { value: bool },
    Date { value: String },
    Choice { value: String },
    Choices { values: Vec<String> },
    Range { lower: i64, upper: i64 },
    Periodic { pence: i64, period: String },
}

#[derive(Clone, Debug, Serialize)]
pub struct Step {
    pub rule: String,
    pub title: String,
    /// The explanation sentence, from the ruleset's template or the fallback.
    pub text: String,
    pub value: String,
    pub status: Status,
    /// Which ruleset this step comes from (national or the council's own).
    pub origin: Option<String>,
    pub uses: Vec<Used>,
    /// For a condition: why it was or was not met, with the margins.
    pub because: Vec<String>,
    /// The comparisons of `because`, a figure with a threshold and by how much, without what
    /// the condition needs: what a front end can offer as "what would change this".
    pub thresholds: Vec<String>,
    pub source: Option<SourceInfo>,
    /// Which of `thresholds` came nearest to going the other way, and how near ([`nearness`];
    /// `None` for one that cannot be measured, such as dates): for [`OutputReport::nearest`].
    #[serde(skip)]
    pub nearest: Option<(Option<Decimal>, usize)>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Used {
    pub kind: UseKind,
    pub id: String,
    pub label: String,
    pub value: String,
    /// For figures: the date the value took effect.
    pub from: Option<String>,
    /// For figures: not yet confirmed from an official source.
    pub unverified: bool,
    pub source: Option<SourceInfo>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SourceInfo {
    pub title: String,
    pub url: Option<String>,
    pub paragraph: Option<String>,
}

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

/// The same answers under the next figures the rules hold after `ev.as_of`: the first of
/// the next eight dates on which a figure changes where an answer changes with it. Both
/// evaluations use the same answers, so the lines differ only by the figures.
pub fn later(p: &Program, answers: &Answers, ev: &Evaluation, lang: Lang, fo: bool) -> Option<Later> {
    let w = Words::for_lang(lang);
    let mut after = ev.as_of;
    for _ in 0..8 {
        // The next date on which any figure changes.
        let date = p
            .params
            .iter()
            .flat_map(|x| &x.timeline)
            .map(|d| d.from)
            .filter(|d| *d > after)
            .min()?;
        after = date;
        let then = evaluate(p, answers, date, false);
        let mut changes = Vec::new();
        for (o, out) in p.outputs.iter().enumerate() {
            let r = out.rule as usize;
            if let (Outcome::Known(now), Outcome::Known(next)) = (&ev.rules[r], &then.rules[r])
                && now != next
                && ev.applies(o)
                && then.applies(o)
            {
                let ty = p.rules[r].ty;
                let label = out.label.as_ref().unwrap_or(&p.info.rules[r].label).say(lang, fo);
                changes.push(fill_from(
                    w.later_change,
                    &[
                        ("label", label),
                        ("new", &format_value(next, Some(ty), w)),
                        ("old", &format_value(now, Some(ty), w)),
                    ],
                ));
            }
        }
        if !changes.is_empty() {
            let words = long_date(date, lang);
            return Some(Later {
                as_of: date.to_string(),
                heading: fill_from(w.later_heading, &[("date", &words)]),
                date: words,
                changes,
            });
        }
    }
    None
}

/// The rules' period in words: "6 April 2026 to 5 April 2027".
pub fn period_words((from, to): (Date, Option<Date>), lang: Lang) -> String {
    let w = Words::for_lang(lang);
    match to {
        Some(to) => fill_from(
            w.period_between,
            &[("a", &long_date(from, lang)), ("b", &long_date(to, lang))],
        ),
        None => fill_from(w.period_from, &[("a", &long_date(from, lang))]),
    }
}

/// What to tell the reader when `as_of` falls outside the rules' period: after it, the
/// figures may have changed since; before it, the rules then may have been different.
pub fn out_of_force(in_force: Option<(Date, Option<Date>)>, as_of: Date, lang: Lang) -> Option<String> {
    let (from, to) = in_force?;
    let w = Words::for_lang(lang);
    let template = if as_of < from {
        w.before_force
    } else if to.is_some_and(|to| as_of > to) {
        w.out_of_force
    } else {
        return None;
    };
    let period = period_words((from, to), lang);
    Some(fill_from(
        template,
        &[("period", &period), ("date", &long_date(as_of, lang))],
    ))
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

/// How near a comparison came to going the other way: the gap as a fraction of the larger
/// figure (0 when they are equal), so that £21,750 short of £23,250 counts as far and 1 point
/// short of 15 as near. Only ranks "what would change this"; no amount is computed with it.
/// Two zeros are not measured: £0.00 against a minimum charge of £0.00 is no near miss, as
/// nothing can be below it.
fn nearness(left: &Value, right: &Value, gap: Option<&Value>) -> Option<Decimal> {
    let size = |v: &Value| match v {
        Value::Money(m) => Some(m.to_decimal_pounds().abs()),
        Value::Number(d) => Some(d.abs()),
        _ => None,
    };
    let (l, r, g) = (size(left)?, size(right)?, size(gap?)?);
    crate::money::exact::div(g, l.max(r))
}

/// Whether threshold `a` is nearer than `b`: measured before unmeasured, then the smaller.
fn nearer(a: (Option<Decimal>, usize), b: (Option<Decimal>, usize)) -> bool {
    match (a.0, b.0) {
        (Some(x), Some(y)) => x < y,
        (Some(_), None) => true,
        _ => false,
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

fn describe_input(p: &Program, o: &Outcome, i: u32, lang: Lang, fo: bool, w: &Words) -> String {
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

fn option_label(p: &Program, i: u32, c: &str, lang: Lang, fo: bool) -> String {
    p.info.inputs[i as usize]
        .options
        .get(c)
        .map(|o| o.label.say(lang, fo).to_owned())
        .unwrap_or_else(|| c.to_owned())
}

/// (status, typed value, words, failure) for an outcome of a declared type.
fn describe<'a>(o: &'a Outcome, ty: ValueType, w: &Words) -> (Status, Option<ValueOut>, String, Option<&'a Failure>) {
    match o {
        Outcome::Known(v) => (Status::Known, Some(value_out(v)), format_value(v, Some(ty), w), None),
        Outcome::Unknown(_) => (Status::Unknown, None, w.not_known.to_owned(), None),
        Outcome::Failed(e) => (Status::Failed, None, w.failed.to_owned(), Some(e)),
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

/// Replaces `{name}` placeholders; unknown names are left as written (check forbids them).
/// (One instance for every caller: a closure behind `dyn`, not a copy of this per caller.)
pub fn fill(template: &str, value: &mut dyn FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                rest = &after[close + 1..];
                match value(name) {
                    // An empty value between spaces takes one with it: "is {gap} above"
                    // without a margin reads "is above", not "is  above".
                    Some(v) if v.is_empty() && out.ends_with(' ') && rest.starts_with(' ') => rest = &rest[1..],
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// [`fill`] from `(name, value)` pairs: the widget's and explanations' fixed phrases. One
/// pass, so a value that itself contains `{name}` (a ruleset's label can) stays as written,
/// which chained `replace` calls would not do.
pub fn fill_from(template: &str, values: &[(&str, &str)]) -> String {
    fill(template, &mut |name| {
        values.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
    })
}

/// Why a condition held or not, in sentences. A comparison's figures and gap alone also go
/// to `thresholds`: under "what would change this", what the condition needs goes without
/// saying.
fn why_text(
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

/// The fixed phrases of explanations, per language. Templates in rulesets cover the rest.
pub struct Words {
    pub lang: Lang,
    pub yes: &'static str,
    pub no: &'static str,
    pub none: &'static str,
    pub points: &'static str,
    pub range: &'static str,
    pub not_known: &'static str,
    pub not_applicable: &'static str,
    pub failed: &'static str,
    pub not_asked: &'static str,
    pub not_needed: &'static str,
    pub below: &'static str,
    pub above: &'static str,
    pub equal: &'static str,
    pub needs_at_least: &'static str,
    pub needs_more_than: &'static str,
    pub needs_at_most: &'static str,
    pub needs_less_than: &'static str,
    pub needs_equal: &'static str,
    pub needs_not_equal: &'static str,
    pub not_met: &'static str,
    pub held: &'static str,
    pub too_few: &'static str,
    pub not_answer: &'static str,
    pub out_of_force: &'static str,
    pub before_force: &'static str,
    pub not_assessed: &'static str,
    pub could_not: &'static str,
    pub could_not_plain: &'static str,
    pub too_large: &'static str,
    pub division_by_zero: &'static str,
    pub not_in_force: &'static str,
    pub rules_mistake: &'static str,
    pub not_assessed_because: &'static str,
    pub period_between: &'static str,
    pub period_from: &'static str,
    /// "Figures for {period}": the CLI's and receipts' line saying which year's figures.
    pub figures_for: &'static str,
    pub later_heading: &'static str,
    pub later_change: &'static str,
    pub limitations: &'static str,
    /// Headings and labels for a printed report (the CLI's, a receipt's).
    pub how_worked_out: &'static str,
    pub still_needed: &'static str,
    pub problem: &'static str,
    pub because: &'static str,
    pub source: &'static str,
    pub from: &'static str,
    pub unverified: &'static str,
    pub illustrative: &'static str,
    pub warning: &'static str,
    pub version: &'static str,
    pub rules_as_of: &'static str,
    pub caveat: &'static str,
    periods: [&'static str; 5],
}

impl Words {
    pub fn for_lang(lang: Lang) -> &'static Words {
        match lang {
            Lang::En => &EN,
            Lang::Cy => &CY,
        }
    }

    fn period(&self, p: Period) -> &'static str {
        self.periods[p.index()]
    }
}

static EN: Words = Words {
    lang: Lang::En,
    yes: "Yes",
    no: "No",
    none: "None",
    points: "points",
    range: "{a} to {b}",
    not_known: "not known yet",
    not_applicable: "does not apply",
    failed: "could not be worked out",
    not_asked: "not asked",
    not_needed: "not needed for this result",
    below: "{a} is {gap} below {b}.",
    above: "{a} is {gap} above {b}.",
    equal: "{a} is the same as {b}.",
    needs_at_least: "It needs to be at least {b}.",
    needs_more_than: "It needs to be more than {b}.",
    needs_at_most: "It needs to be no more than {b}.",
    needs_less_than: "It needs to be less than {b}.",
    needs_equal: "It needs to equal {b}.",
    needs_not_equal: "It needs to differ from {b}.",
    not_met: "“{x}” is not met.",
    held: "“{x}” applies.",
    too_few: "{have} of these {of} apply; at least {need} are needed.",
    not_answer: "The answer to “{x}” is not {opts}.",
    out_of_force: "These rules are for {period}, but the date asked about is {date}: the figures may have changed since.",
    before_force: "These rules are for {period}, but the date asked about is {date}, before that: the rules then may have been different.",
    not_assessed: "not assessed: its questions were not asked",
    could_not: "“{x}” could not be worked out: {why}.",
    could_not_plain: "This could not be worked out: {why}.",
    too_large: "an amount is larger than this calculator can hold",
    division_by_zero: "it would mean dividing by zero",
    not_in_force: "the rules hold no figure for “{x}” on {date}; their first is from {first}",
    rules_mistake: "the rules themselves have a mistake here ({detail})",
    not_assessed_because: "“{x}” was not assessed: its questions were not asked, because “{y}” is not met.",
    period_between: "{a} to {b}",
    period_from: "from {a}",
    figures_for: "Figures for {period}. They change every April.",
    later_heading: "From {date}, with the figures that take effect then:",
    later_change: "{label}: {new} (now {old})",
    limitations: "What these rules leave out",
    how_worked_out: "How this was worked out",
    still_needed: "Still needed to decide this",
    problem: "Problem",
    because: "because",
    source: "source",
    from: "from",
    unverified: "not yet confirmed from an official source",
    illustrative: "These rules are illustrative: invented for demonstration, not any council's real policy.",
    warning: "Warning",
    version: "version",
    rules_as_of: "rules as of",
    caveat: "This is an estimate from the published rules, not a decision. Only an assessment by the council decides.",
    periods: ["a week", "a fortnight", "every four weeks", "a month", "a year"],
};

// Welsh phrasing: reviewed against common public-service usage; a native speaker's review
// is still wanted before publication (see README "Welsh").
static CY: Words = Words {
    lang: Lang::Cy,
    yes: "Ie",
    no: "Na",
    none: "Dim",
    points: "pwynt",
    range: "{a} i {b}",
    not_known: "heb ei wybod eto",
    not_applicable: "nid yw'n berthnasol",
    failed: "ni ellid ei gyfrifo",
    not_asked: "heb ei ofyn",
    not_needed: "nid oes ei angen ar gyfer y canlyniad hwn",
    below: "Mae {a} {gap} yn is na {b}.",
    above: "Mae {a} {gap} yn uwch na {b}.",
    equal: "Mae {a} yr un fath â {b}.",
    needs_at_least: "Mae angen iddo fod o leiaf {b}.",
    needs_more_than: "Mae angen iddo fod yn fwy na {b}.",
    needs_at_most: "Mae angen iddo fod dim mwy na {b}.",
    needs_less_than: "Mae angen iddo fod yn llai na {b}.",
    needs_equal: "Mae angen iddo fod yn hafal i {b}.",
    needs_not_equal: "Mae angen iddo fod yn wahanol i {b}.",
    not_met: "Nid yw “{x}” wedi'i fodloni.",
    held: "Mae “{x}” yn berthnasol.",
    too_few: "Mae {have} o'r {of} hyn yn berthnasol; mae angen o leiaf {need}.",
    not_answer: "Nid {opts} yw'r ateb i “{x}”.",
    out_of_force: "Mae'r rheolau hyn ar gyfer {period}, ond {date} yw'r dyddiad dan sylw: efallai bod y ffigurau wedi newid ers hynny.",
    before_force: "Mae'r rheolau hyn ar gyfer {period}, ond {date} yw'r dyddiad dan sylw, sydd cyn hynny: efallai fod y rheolau'n wahanol bryd hynny.",
    not_assessed: "heb ei asesu: ni ofynnwyd ei gwestiynau",
    could_not: "Ni ellid cyfrifo “{x}”: {why}.",
    could_not_plain: "Ni ellid cyfrifo hyn: {why}.",
    too_large: "mae swm yn fwy nag y gall y cyfrifiannell hwn ei ddal",
    division_by_zero: "byddai'n golygu rhannu â sero",
    not_in_force: "nid oes gan y rheolau ffigur ar gyfer “{x}” ar {date}; mae eu ffigur cyntaf o {first}",
    rules_mistake: "mae camgymeriad yn y rheolau eu hunain yma ({detail})",
    not_assessed_because: "Ni aseswyd “{x}”: ni ofynnwyd ei gwestiynau, oherwydd nad yw “{y}” wedi'i fodloni.",
    period_between: "{a} i {b}",
    period_from: "o {a}",
    figures_for: "Ffigurau ar gyfer {period}. Maen nhw'n newid bob mis Ebrill.",
    later_heading: "O {date}, gyda'r ffigurau sy'n dod i rym bryd hynny:",
    later_change: "{label}: {new} (nawr {old})",
    limitations: "Beth mae'r rheolau hyn yn ei adael allan",
    how_worked_out: "Sut y cyfrifwyd hyn",
    still_needed: "Angen o hyd i benderfynu hyn",
    problem: "Problem",
    because: "oherwydd",
    source: "ffynhonnell",
    from: "o",
    unverified: "heb ei gadarnhau eto o ffynhonnell swyddogol",
    illustrative: "Rheolau enghreifftiol yw'r rhain: wedi'u dyfeisio ar gyfer arddangos, nid polisi go iawn unrhyw gyngor.",
    warning: "Rhybudd",
    version: "fersiwn",
    rules_as_of: "rheolau ar",
    caveat: "Amcangyfrif o'r rheolau cyhoeddedig yw hwn, nid penderfyniad. Dim ond asesiad gan y cyngor sy'n penderfynu.",
    periods: ["yr wythnos", "y pythefnos", "bob pedair wythnos", "y mis", "y flwyddyn"],
};

impl Text {
    /// Convenience for explanations: the text in `lang` as an owned string.
    pub fn owned(&self, lang: Lang) -> String {
        self.get(lang).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once_and_unknown_ones_kept() {
        assert_eq!(
            fill_from("{a} is below {b}", &[("a", "£5.00"), ("b", "£10.00")]),
            "£5.00 is below £10.00"
        );
        // A value that looks like a placeholder is not filled again.
        assert_eq!(fill_from("{x} or {y}", &[("x", "{y}"), ("y", "two")]), "{y} or two");
        assert_eq!(fill_from("{nope} and {", &[("x", "1")]), "{nope} and {");
        assert_eq!(fill_from("no placeholders", &[]), "no placeholders");
        // An empty value does not leave two spaces behind.
        assert_eq!(
            fill_from("{a} is {gap} above {b}.", &[("a", "A"), ("gap", ""), ("b", "B")]),
            "A is above B."
        );
        assert_eq!(
            fill_from("Mae {a} {gap} yn uwch", &[("a", "A"), ("gap", "")]),
            "Mae A yn uwch"
        );
        assert_eq!(fill_from("({gap})", &[("gap", "")]), "()");
    }
}
