//! The checked, compiled form of a ruleset: names resolved to indices, types known,
//! evaluation order fixed. Built by `check`, run by `eval`.

use rust_decimal::Decimal;

use crate::date::Date;
use crate::model::{InputType, Period, Role, Ruleset, ValueType};
use crate::money::{Money, Rounding};

/// A value during evaluation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Money(Money),
    Number(Decimal),
    Bool(bool),
    Date(Date),
    /// The chosen option of a choice question.
    Choice(String),
    /// The ticked options of a several-choices question.
    Choices(Vec<String>),
    Range(Money, Money),
    /// An amount per period, before conversion to weekly.
    Periodic(Money, Period),
}

/// The static type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Money,
    Number,
    Bool,
    Date,
    /// Answer of choice question `n`.
    Choice(u32),
    Choices(u32),
    Range,
    Periodic,
}

impl Ty {
    pub fn describe(self) -> &'static str {
        match self {
            Ty::Money => "money",
            Ty::Number => "a number",
            Ty::Bool => "yes/no",
            Ty::Date => "a date",
            Ty::Choice(_) => "a choice",
            Ty::Choices(_) => "several choices",
            Ty::Range => "a money range",
            Ty::Periodic => "money per period (convert it with `weekly`)",
        }
    }

    pub fn of_value_type(t: ValueType) -> Ty {
        match t {
            ValueType::Money => Ty::Money,
            ValueType::Number | ValueType::Percentage | ValueType::Points => Ty::Number,
            ValueType::YesNo => Ty::Bool,
            ValueType::Date => Ty::Date,
            ValueType::Range => Ty::Range,
        }
    }
}

/// A reference to a named item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ref {
    Input(u32),
    Param(u32),
    Rule(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// A compiled expression node.
#[derive(Clone, Debug)]
pub enum Node {
    Const(Value),
    Ref(Ref),
    Sum(Vec<Node>),
    Difference(Vec<Node>),
    /// Factors; at most one is money. Rounding required when the result is money.
    Product(Vec<Node>, Option<Rounding>, bool),
    Divide(Box<Node>, Box<Node>, Rounding, Ty),
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
        round: Rounding,
        money: bool,
    },
    Tariff(Box<[Node; 4]>),
    Weekly(Box<Node>, Rounding),
    Round(Box<Node>, Rounding, bool),
    Range(Box<[Node; 2]>),
    Lower(Box<Node>),
    Upper(Box<Node>),
    AnswerIn(u32, Vec<String>),
    Includes(u32, Vec<String>),
    Count(u32),
    Age(u32),
}

impl Node {
    /// The node's operands, for walks that treat every operator alike.
    pub fn children(&self) -> Vec<&Node> {
        match self {
            Node::Const(_) | Node::Ref(_) | Node::AnswerIn(..) | Node::Includes(..) | Node::Count(_) | Node::Age(_) => {
                Vec::new()
            }
            Node::Sum(xs)
            | Node::Difference(xs)
            | Node::Product(xs, ..)
            | Node::Min(xs)
            | Node::Max(xs)
            | Node::All(xs)
            | Node::Any(xs)
            | Node::AtLeast(_, xs) => xs.iter().collect(),
            Node::Divide(a, b, ..) => vec![a, b],
            Node::Clamp(xs) => xs.iter().collect(),
            Node::Cmp(_, xs) | Node::Range(xs) => xs.iter().collect(),
            Node::Tariff(xs) => xs.iter().collect(),
            Node::Not(x) | Node::Weekly(x, _) | Node::Round(x, ..) | Node::Lower(x) | Node::Upper(x) => vec![x],
            Node::Cases(arms, otherwise) => arms
                .iter()
                .flat_map(|(c, t)| [c, t])
                .chain(std::iter::once(otherwise.as_ref()))
                .collect(),
            Node::Lookup { table, default, .. } => table.iter().map(|(_, n)| n).chain(default.as_deref()).collect(),
            Node::Bands { value, bands } => std::iter::once(value.as_ref())
                .chain(bands.iter().flat_map(|b| {
                    let mut v = vec![&b.from];
                    match &b.out {
                        BandOut::Range(lo, hi) => v.extend([lo, hi]),
                        BandOut::Value(x) => v.push(x),
                    }
                    v
                }))
                .collect(),
            Node::Scale { value, points, .. } => std::iter::once(value.as_ref())
                .chain(points.iter().flat_map(|(x, y)| [x, y]))
                .collect(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct BandNode {
    pub from: Node,
    pub out: BandOut,
}

#[derive(Clone, Debug)]
pub enum BandOut {
    Range(Node, Node),
    Value(Node),
}

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
}

pub struct DatedParam {
    pub from: Date,
    pub value: Value,
    /// Index into the ruleset's sources (the value's own, else the parameter's).
    pub source: Option<String>,
    pub verify: bool,
}

pub struct ParamInfo {
    pub id: String,
    pub ty: ValueType,
    /// Earliest first, dates strictly increasing.
    pub timeline: Vec<DatedParam>,
}

pub struct RuleInfo {
    pub id: String,
    pub ty: ValueType,
    pub node: Node,
    /// The names the formula uses directly, in order of first use.
    pub uses: Vec<Ref>,
}

pub struct OutputInfo {
    pub id: String,
    pub rule: u32,
    pub role: Role,
}

/// One item in evaluation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Input(u32),
    Rule(u32),
}

/// A checked ruleset, ready to evaluate any number of times.
pub struct Program {
    /// The merged ruleset it was compiled from (labels, sources, text for explanations).
    pub ruleset: Ruleset,
    pub inputs: Vec<InputInfo>,
    pub params: Vec<ParamInfo>,
    pub rules: Vec<RuleInfo>,
    pub outputs: Vec<OutputInfo>,
    /// Inputs and rules, each after everything it uses.
    pub order: Vec<Item>,
}

impl Program {
    pub fn input_index(&self, id: &str) -> Option<u32> {
        self.ruleset.inputs.get_index_of(id).map(|i| i as u32)
    }

    pub fn rule_index(&self, id: &str) -> Option<u32> {
        self.ruleset.rules.get_index_of(id).map(|i| i as u32)
    }

    pub fn name_of(&self, r: Ref) -> &str {
        match r {
            Ref::Input(i) => &self.inputs[i as usize].id,
            Ref::Param(i) => &self.params[i as usize].id,
            Ref::Rule(i) => &self.rules[i as usize].id,
        }
    }
}
