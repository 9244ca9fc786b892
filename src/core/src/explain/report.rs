//! What an explanation is made of: a `Report`, per output its value, the questions still
//! needed and its steps, each with the figures it used. Serialisable data, not markup.

use super::*;

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
