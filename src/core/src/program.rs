//! The checked, compiled form of a ruleset: names resolved to indices, types known,
//! evaluation order fixed, and the ruleset's words for explanations. Built by `check`, run
//! by `eval`; the widget reads it already compiled (`compiled`): these types are written with
//! serde and read back by `compiled`'s own reader. Nothing here refers to the ruleset model's expressions.

use serde::Serialize;

use crate::date::Date;
use crate::money::Rounding;
use crate::text::{Lang, Text};
pub use crate::value::{Ty, Value};
use crate::vocab::{InputType, Period, Role, ValueType};
use crate::wire::{opt_rounding, rounding};

/// A reference to a named item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Ref {
    Input(u32),
    Param(u32),
    Rule(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum CmpOp {
    Gt,
    Ge,
    Lt,
    Le,
    Eq,
    Ne,
}

impl CmpOp {
    pub fn holds(self, o: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpOp::Gt => o == Greater,
            CmpOp::Ge => o != Less,
            CmpOp::Lt => o == Less,
            CmpOp::Le => o != Greater,
            CmpOp::Eq => o == Equal,
            CmpOp::Ne => o != Equal,
        }
    }
}

/// What a product, scale or rounding works in: money is rounded in pence, numbers in
/// plain units. (Written as 0 and 1 in the program file, as the yes/no it once was.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Unit {
    Number,
    Money,
}

/// A compiled expression node. `compiled` bounds how deeply nodes read from a file nest.
#[derive(Clone, Debug, Serialize)]
pub enum Node {
    Const(Value),
    Ref(Ref),
    Sum(Vec<Node>),
    Difference(Vec<Node>),
    /// Factors; at most one is money. Rounding required when the result is money.
    Product(Vec<Node>, #[serde(with = "opt_rounding")] Option<Rounding>, Unit),
    Divide(Box<Node>, Box<Node>, #[serde(with = "rounding")] Rounding, Ty),
    Min(Vec<Node>),
    Max(Vec<Node>),
    Clamp(Box<[Node; 3]>),
    Cmp(CmpOp, Box<[Node; 2]>),
    All(Vec<Node>),
    Any(Vec<Node>),
    Not(Box<Node>),
    AtLeast(u32, Vec<Node>),
    Cases(Vec<(Node, Node)>, Box<Node>),
    /// Question, option → value, default; `multi` sums over several choices.
    Lookup {
        input: u32,
        table: Vec<(String, Node)>,
        default: Option<Box<Node>>,
        multi: bool,
    },
    Bands {
        value: Box<Node>,
        bands: Vec<BandNode>,
    },
    Scale {
        value: Box<Node>,
        points: Vec<(Node, Node)>,
        #[serde(with = "rounding")]
        round: Rounding,
        unit: Unit,
    },
    Tariff(Box<[Node; 4]>),
    Weekly(Box<Node>, #[serde(with = "rounding")] Rounding),
    Round(Box<Node>, #[serde(with = "rounding")] Rounding, Unit),
    Range(Box<[Node; 2]>),
    Lower(Box<Node>),
    Upper(Box<Node>),
    AnswerIn(u32, Vec<String>),
    Includes(u32, Vec<String>),
    Count(u32),
    Age(u32),
}

impl Node {
    /// Calls `f` on each of the node's operands in order, for walks that treat every
    /// operator alike; stops at the first `false`, and says whether it went through them all.
    /// A callback rather than a `Vec` of operands: nothing to allocate, and no iterator
    /// adapter per shape in the widget (the saving: docs/widget.md, "Size").
    pub fn each_child(&self, f: &mut dyn FnMut(&Node) -> bool) -> bool {
        let mut all = |xs: &[Node]| xs.iter().all(&mut *f);
        match self {
            Node::Const(_) | Node::Ref(_) | Node::AnswerIn(..) | Node::Includes(..) | Node::Count(_) | Node::Age(_) => {
                true
            }
            Node::Sum(xs)
            | Node::Difference(xs)
            | Node::Product(xs, ..)
            | Node::Min(xs)
            | Node::Max(xs)
            | Node::All(xs)
            | Node::Any(xs)
            | Node::AtLeast(_, xs) => all(xs),
            Node::Clamp(xs) => all(&xs[..]),
            Node::Cmp(_, xs) | Node::Range(xs) => all(&xs[..]),
            Node::Tariff(xs) => all(&xs[..]),
            Node::Divide(a, b, ..) => f(a) && f(b),
            Node::Not(x) | Node::Weekly(x, _) | Node::Round(x, ..) | Node::Lower(x) | Node::Upper(x) => f(x),
            Node::Cases(arms, otherwise) => arms.iter().all(|(c, t)| f(c) && f(t)) && f(otherwise),
            Node::Lookup { table, default, .. } => {
                table.iter().all(|(_, n)| f(n)) && default.as_deref().is_none_or(&mut *f)
            }
            Node::Bands { value, bands } => {
                f(value)
                    && bands.iter().all(|b| {
                        f(&b.from)
                            && match &b.out {
                                BandOut::Range(lo, hi) => f(lo) && f(hi),
                                BandOut::Value(x) => f(x),
                            }
                    })
            }
            Node::Scale { value, points, .. } => f(value) && points.iter().all(|(x, y)| f(x) && f(y)),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct BandNode {
    pub from: Node,
    pub out: BandOut,
}

#[derive(Clone, Debug, Serialize)]
pub enum BandOut {
    Range(Node, Node),
    Value(Node),
}

#[derive(Serialize)]
pub struct InputInfo {
    pub id: String,
    pub kind: InputType,
    pub ty: Ty,
    pub options: Vec<String>,
    pub periods: Vec<Period>,
    pub min: Option<Value>,
    pub max: Option<Value>,
    pub ask_when: Option<Node>,
    pub default: Option<Value>,
    /// The items the `ask_when` condition uses.
    pub uses: Vec<Ref>,
    /// For answers saved before this question existed: when it is asked but unanswered and
    /// any of these questions has an answer, this value is taken (`if_unanswered`).
    pub if_unanswered: Option<(Vec<u32>, Value)>,
}

#[derive(Serialize)]
pub struct DatedParam {
    pub from: Date,
    pub value: Value,
    /// Index into the ruleset's sources (the value's own, else the parameter's).
    pub source: Option<String>,
    pub verify: bool,
}

#[derive(Serialize)]
pub struct ParamInfo {
    pub id: String,
    pub ty: ValueType,
    /// Earliest first, dates strictly increasing.
    pub timeline: Vec<DatedParam>,
}

#[derive(Serialize)]
pub struct RuleInfo {
    pub id: String,
    pub ty: ValueType,
    pub node: Node,
    /// The names the formula uses directly, in order of first use.
    pub uses: Vec<Ref>,
}

#[derive(Serialize)]
pub struct OutputInfo {
    pub id: String,
    pub rule: u32,
    pub role: Role,
    /// The answer's own label; else the rule's.
    pub label: Option<Text>,
    /// When false, the answer does not apply (evaluated after every rule).
    pub applies_when: Option<Node>,
}

/// One item in evaluation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Item {
    Input(u32),
    Rule(u32),
}

/// A checked ruleset, ready to evaluate any number of times.
#[derive(Serialize)]
pub struct Program {
    /// What explanations and the widget say: the ruleset's words, sources and sections.
    pub info: Info,
    pub inputs: Vec<InputInfo>,
    pub params: Vec<ParamInfo>,
    pub rules: Vec<RuleInfo>,
    pub outputs: Vec<OutputInfo>,
    /// Inputs and rules, each after everything it uses.
    pub order: Vec<Item>,
}

impl Program {
    pub fn input_index(&self, id: &str) -> Option<u32> {
        self.inputs.iter().position(|x| x.id == id).map(|i| i as u32)
    }

    pub fn rule_index(&self, id: &str) -> Option<u32> {
        self.rules.iter().position(|x| x.id == id).map(|i| i as u32)
    }

    pub fn name_of(&self, r: Ref) -> &str {
        match r {
            Ref::Input(i) => &self.inputs[i as usize].id,
            Ref::Param(i) => &self.params[i as usize].id,
            Ref::Rule(i) => &self.rules[i as usize].id,
        }
    }
}

/// The ruleset's words: everything an explanation or the widget shows that is not a
/// figure. Indexed like the program's inputs, parameters and rules. These mirror parts of
/// the model (`Source`, `Section`, `Choice`…) rather than reuse them: the model leaves empty
/// fields out when it is serialised, which postcard, having no field names, cannot read back.
#[derive(Serialize)]
pub struct Info {
    pub id: String,
    pub title: Text,
    pub publisher: String,
    pub version: String,
    pub in_force: Option<(Date, Option<Date>)>,
    pub languages: Vec<Lang>,
    pub illustrative: bool,
    pub notice: Option<Text>,
    /// What the rules leave out or simplify: every result says so.
    pub limitations: Vec<Text>,
    /// Some of its words say "you" with no wording for someone else (`carebudget check`
    /// warns of each): for someone filling the form in for another person, the widget says
    /// that "you" there means the person being helped.
    pub says_you: bool,
    /// The rulesets merged into this one, nearest first: id → title.
    pub based_on: Keyed<Text>,
    pub sources: Keyed<SourceText>,
    pub sections: Keyed<SectionText>,
    pub inputs: Vec<InputText>,
    pub params: Vec<ParamText>,
    pub rules: Vec<RuleText>,
}

/// Entries keyed by id, in the ruleset's order. Each holds a few (sources, sections, a
/// question's options) and is looked up by scanning: a hash map would bring hashing and
/// its table code into the widget for no gain. Ids are unique (the model's keys; `compiled`
/// refuses a program that repeats one).
#[derive(Serialize)]
#[serde(transparent)]
pub struct Keyed<T>(pub Vec<(String, T)>);

impl<T> Keyed<T> {
    pub fn get(&self, id: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    pub fn get_index_of(&self, id: &str) -> Option<usize> {
        self.0.iter().position(|(k, _)| k == id)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first id that appears twice, if any.
    pub fn repeated(&self) -> Option<&str> {
        let keys = &self.0;
        keys.iter()
            .enumerate()
            .find(|(i, (k, _))| keys[..*i].iter().any(|(j, _)| j == k))
            .map(|(_, (k, _))| k.as_str())
    }
}

impl<T> FromIterator<(String, T)> for Keyed<T> {
    fn from_iter<I: IntoIterator<Item = (String, T)>>(iter: I) -> Self {
        Keyed(iter.into_iter().collect())
    }
}

#[derive(Serialize)]
pub struct SourceText {
    pub title: String,
    pub url: Option<String>,
    pub paragraph: Option<String>,
}

#[derive(Serialize)]
pub struct SectionText {
    pub title: Text,
    pub intro: Option<Text>,
}

#[derive(Serialize)]
pub struct InputText {
    pub section: String,
    /// Its `for_other` holds the wording for someone else, however the author gave it.
    pub question: Text,
    pub hint: Option<Text>,
    pub label: Option<Text>,
    /// Option id → its label and hint, in the order offered.
    pub options: Keyed<ChoiceText>,
}

#[derive(Serialize)]
pub struct ChoiceText {
    pub label: Text,
    pub hint: Option<Text>,
}

#[derive(Serialize)]
pub struct ParamText {
    pub label: Text,
    pub description: Option<Text>,
}

#[derive(Serialize)]
pub struct RuleText {
    pub label: Text,
    pub explain: Option<Text>,
    pub explain_if_not: Option<Text>,
    pub source: Option<String>,
    /// The ruleset (in an `extends` chain) the rule came from.
    pub origin: Option<String>,
}
