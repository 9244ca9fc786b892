//! Type-checks a merged ruleset and compiles it into a [`Program`].
//!
//! Collects every error at once (unknown names, wrong types, cycles, missing sources,
//! limits) with its path, plus lints (unused parameters and questions, missing Welsh).

use std::collections::HashMap;

use crate::expr::{Args, Expr, is_name};
use crate::model::{FORMAT, InputType, Ruleset, ValueType};
use carebudget_core::date::Date;
use carebudget_core::diagnostic::{Diagnostic, index, join};
use carebudget_core::limits::*;
use carebudget_core::literal::Literal;
use carebudget_core::money::Rounding;
use carebudget_core::program::*;
use carebudget_core::text::{Lang, Text};
use carebudget_core::typing::{answer_value, literal_value};
use carebudget_core::value::compare;

/// Checks a ruleset. On success, the program and any warnings; on failure, all diagnostics
/// (errors first). Diagnostics carry paths; the caller adds files and line:column.
pub fn check(ruleset: &Ruleset) -> Result<(Program, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut c = Checker {
        rs: ruleset,
        diags: Vec::new(),
        names: HashMap::new(),
        nodes: 0,
    };
    c.metadata();
    c.declare_names();
    let params = c.params();
    let mut inputs = c.inputs_shape();
    let rules = c.rules(&inputs);
    c.ask_when(&mut inputs);
    let outputs_raw = c.outputs(&inputs);
    let order = c.order(&inputs, &rules);
    if c.nodes > MAX_NODES {
        c.err(
            "",
            format!("the ruleset has {} expression parts; the limit is {MAX_NODES}", c.nodes),
        );
    }
    let mut diags = c.diags;
    if diags.iter().any(Diagnostic::is_error) {
        diags.sort_by_key(|d| d.severity);
        return Err(diags);
    }
    let order = order.expect("no cycles once there are no errors");
    let outputs = outputs_raw
        .into_iter()
        .map(|(id, rule, role, applies_when)| OutputInfo {
            label: ruleset.outputs.get(&id).and_then(|o| o.label.clone()),
            id,
            rule,
            role,
            applies_when,
        })
        .collect();
    // Worked out once: a warning for each, and a flag for the widget.
    let you = says_you(ruleset);
    let program = Program {
        info: info(ruleset, !you.is_empty()),
        inputs,
        params,
        rules,
        outputs,
        order,
    };
    lint(ruleset, &program, &you, &mut diags);
    Ok((program, diags))
}

/// A section of the ruleset's names: where they are, the names, how to refer to one.
type NameGroup<'a> = (&'static str, Vec<&'a String>, fn(u32) -> Ref);

struct Checker<'a> {
    rs: &'a Ruleset,
    diags: Vec<Diagnostic>,
    names: HashMap<&'a str, Ref>,
    nodes: usize,
}

/// The context one expression is checked in.
struct Scope {
    uses: Vec<Ref>,
    depth: usize,
}

impl<'a> Checker<'a> {
    fn err(&mut self, path: impl Into<String>, msg: impl Into<String>) {
        self.diags.push(Diagnostic::error(path, msg));
    }

    fn metadata(&mut self) {
        let rs = self.rs;
        if rs.format != FORMAT {
            self.err("format", format!("expected `{FORMAT}`, found `{}`", rs.format));
        }
        if !is_name(&rs.id) {
            self.err("id", "an id is letters, digits, `_` and `-`, starting with a letter");
        }
        if let Some(f) = &rs.in_force
            && let Some(to) = f.to
            && to < f.from
        {
            self.err("in_force.to", format!("ends ({to}) before it starts ({})", f.from));
        }
        for l in &rs.languages {
            if l != "en" && l != "cy" {
                self.err("languages", format!("`{l}` is not a supported language (en, cy)"));
            }
        }
        if !rs.languages.iter().any(|l| l == "en") {
            self.err(
                "languages",
                "English (`en`) is required: it is the fallback for every text",
            );
        }
        for (what, n) in [
            ("parameters", rs.parameters.len()),
            ("inputs", rs.inputs.len()),
            ("rules", rs.rules.len()),
            ("sources", rs.sources.len()),
        ] {
            if n > MAX_ITEMS {
                self.err(what, format!("has {n} entries; the limit is {MAX_ITEMS}"));
            }
        }
        if rs.examples.len() > MAX_EXAMPLES {
            self.err(
                "examples",
                format!("has {} examples; the limit is {MAX_EXAMPLES}", rs.examples.len()),
            );
        }
        for (id, s) in &rs.sources {
            if s.title.trim().is_empty() {
                self.err(join(&join("sources", id), "title"), "a source needs a title");
            }
        }
        for (id, o) in &rs.outputs {
            if !rs.rules.contains_key(&o.rule) {
                self.err(
                    join(&join("outputs", id), "rule"),
                    format!("there is no rule `{}`", o.rule),
                );
            }
        }
    }

    /// One namespace for questions, parameters and rules, so a name means one thing.
    fn declare_names(&mut self) {
        let rs = self.rs;
        let groups: [NameGroup<'a>; 3] = [
            ("inputs", rs.inputs.keys().collect(), Ref::Input),
            ("parameters", rs.parameters.keys().collect(), Ref::Param),
            ("rules", rs.rules.keys().collect(), Ref::Rule),
        ];
        for (section, ids, make) in groups {
            for (i, id) in ids.into_iter().enumerate() {
                let path = join(section, id);
                if !is_name(id) {
                    self.err(
                        path.clone(),
                        format!("`{id}` is not a valid name: use letters, digits, `_` and `-`, starting with a letter"),
                    );
                }
                if let Some(prev) = self.names.insert(id.as_str(), make(i as u32)) {
                    let other = match prev {
                        Ref::Input(_) => "inputs",
                        Ref::Param(_) => "parameters",
                        Ref::Rule(_) => "rules",
                    };
                    self.err(path, format!("the name `{id}` is already used in {other}; names must be unique across questions, parameters and rules"));
                }
            }
        }
    }

    fn source_exists(&mut self, path: String, s: &Option<String>) {
        if let Some(s) = s
            && !self.rs.sources.contains_key(s)
        {
            self.err(path, format!("there is no source `{s}` in `sources`"));
        }
    }

    fn params(&mut self) -> Vec<ParamInfo> {
        let rs = self.rs;
        let mut out = Vec::with_capacity(rs.parameters.len());
        for (id, p) in &rs.parameters {
            let path = join("parameters", id);
            self.source_exists(join(&path, "source"), &p.source);
            if p.values.is_empty() {
                self.err(join(&path, "values"), "a parameter needs at least one dated value");
            }
            if p.values.len() > MAX_TIMELINE {
                self.err(
                    join(&path, "values"),
                    format!("has {} values; the limit is {MAX_TIMELINE}", p.values.len()),
                );
            }
            let mut timeline = Vec::new();
            let mut last: Option<Date> = None;
            for (i, v) in p.values.iter().enumerate() {
                let vpath = index(&join(&path, "values"), i);
                if let Some(prev) = last
                    && v.from <= prev
                {
                    self.err(
                        join(&vpath, "from"),
                        format!("dates must increase: {} is not after {prev}", v.from),
                    );
                }
                last = Some(v.from);
                self.source_exists(join(&vpath, "source"), &v.source);
                let source = v.source.clone().or_else(|| p.source.clone());
                if source.is_none() {
                    self.err(
                        join(&vpath, "source"),
                        "every figure needs a source: give `source` here or on the parameter",
                    );
                }
                match literal_value(&v.value, Ty::of_value_type(p.ty), p.ty) {
                    Ok(value) => timeline.push(DatedParam {
                        from: v.from,
                        value,
                        source,
                        verify: v.verify,
                    }),
                    Err(e) => self.err(join(&vpath, "value"), e),
                }
            }
            out.push(ParamInfo {
                id: id.clone(),
                ty: p.ty,
                timeline,
            });
        }
        out
    }

    /// Questions' types and bounds; their `ask_when` conditions come after the rules.
    fn inputs_shape(&mut self) -> Vec<InputInfo> {
        let rs = self.rs;
        let mut out = Vec::with_capacity(rs.inputs.len());
        for (i, (id, q)) in rs.inputs.iter().enumerate() {
            let path = join("inputs", id);
            if !rs.sections.contains_key(&q.section) {
                self.err(
                    join(&path, "section"),
                    format!("there is no section `{}` in `sections`", q.section),
                );
            }
            if q.question.is_empty() {
                self.err(join(&path, "question"), "the question has no text");
            }
            // `question_for_other` is the question's own `for_other`, spelled the older way:
            // the program keeps one (see `info`).
            if let Some(t) = &q.question_for_other
                && (q.question.for_other.is_some() || t.for_other.is_some())
            {
                self.err(
                    join(&path, "question_for_other"),
                    "the question is worded for someone else twice: give `question_for_other` or the question's `for_other`, and no `for_other` inside it",
                );
            }
            let is_choice = matches!(q.ty, InputType::Choice | InputType::Choices);
            if is_choice && q.options.is_empty() {
                self.err(join(&path, "options"), "a choice question needs options");
            }
            if !is_choice && !q.options.is_empty() {
                self.err(join(&path, "options"), "only choice questions have options");
            }
            if q.options.len() > MAX_TABLE_ROWS {
                self.err(
                    join(&path, "options"),
                    format!("has {} options; the limit is {MAX_TABLE_ROWS}", q.options.len()),
                );
            }
            for o in q.options.keys() {
                if o.trim().is_empty() || o.len() > 64 {
                    self.err(
                        join(&join(&path, "options"), o),
                        "an option value is 1 to 64 characters",
                    );
                }
            }
            if !q.periods.is_empty() && q.ty != InputType::Money {
                self.err(join(&path, "periods"), "only money questions have periods");
            }
            let ty = match q.ty {
                InputType::Choice => Ty::Choice(i as u32),
                InputType::Choices => Ty::Choices(i as u32),
                InputType::YesNo => Ty::Bool,
                InputType::Money if !q.periods.is_empty() => Ty::Periodic,
                InputType::Money => Ty::Money,
                InputType::WholeNumber | InputType::Number => Ty::Number,
                InputType::Date => Ty::Date,
            };
            let options: Vec<String> = q.options.keys().cloned().collect();
            let bound = |field: &str, lit: &Option<Literal>, this: &mut Self| -> Option<Value> {
                let lit = lit.as_ref()?;
                let bty = if ty == Ty::Periodic { Ty::Money } else { ty };
                if !matches!(bty, Ty::Money | Ty::Number | Ty::Date) {
                    this.err(join(&path, field), "only money, number and date questions have bounds");
                    return None;
                }
                match literal_value(lit, bty, ValueType::Number) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        this.err(join(&path, field), e);
                        None
                    }
                }
            };
            let min = bound("min", &q.min, self);
            let max = bound("max", &q.max, self);
            let default = match &q.default {
                None => None,
                Some(lit) => match answer_value(lit, ty, &options, &q.periods, q.ty) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        self.err(join(&path, "default"), e);
                        None
                    }
                },
            };
            let if_unanswered = q.if_unanswered.as_ref().and_then(|u| {
                let at = join(&path, "if_unanswered");
                let mut qs = Vec::with_capacity(u.answered.len());
                for (k, other) in u.answered.iter().enumerate() {
                    match rs.inputs.get_index_of(other) {
                        Some(j) if j != i => qs.push(j as u32),
                        Some(_) => self.err(
                            join(&at, &format!("answered[{k}]")),
                            "a question cannot stand in for itself",
                        ),
                        None => self.err(
                            join(&at, &format!("answered[{k}]")),
                            format!("there is no question `{other}`"),
                        ),
                    }
                }
                if qs.is_empty() && !u.answered.is_empty() {
                    return None;
                }
                if qs.is_empty() {
                    self.err(join(&at, "answered"), "name at least one question");
                    return None;
                }
                match answer_value(&u.assume, ty, &options, &q.periods, q.ty) {
                    Ok(v) => Some((qs, v)),
                    Err(e) => {
                        self.err(join(&at, "assume"), e);
                        None
                    }
                }
            });
            if q.ask_when.is_some() && default.is_none() && q.default.is_none() {
                self.err(
                    join(&path, "default"),
                    "a question with `ask_when` needs a `default` for when it is not asked",
                );
            }
            out.push(InputInfo {
                id: id.clone(),
                kind: q.ty,
                ty,
                options,
                periods: q.periods.clone(),
                min,
                max,
                ask_when: None,
                default,
                uses: Vec::new(),
                if_unanswered,
            });
        }
        out
    }

    fn ask_when(&mut self, inputs: &mut [InputInfo]) {
        let rs = self.rs;
        for (i, (id, q)) in rs.inputs.iter().enumerate() {
            let Some(cond) = &q.ask_when else { continue };
            let path = join(&join("inputs", id), "ask_when");
            let mut scope = Scope {
                uses: Vec::new(),
                depth: 0,
            };
            if let Some((node, ty)) = self.expr(cond, &path, &mut scope, inputs) {
                if ty != Ty::Bool {
                    self.err(
                        path.clone(),
                        format!("`ask_when` must be yes/no, but this is {}", ty.describe()),
                    );
                }
                if matches!(node, Node::Const(Value::Bool(false))) {
                    self.err(path, "this question can never be asked: its `ask_when` is always false");
                }
                inputs[i].ask_when = Some(node);
                inputs[i].uses = scope.uses;
            }
        }
    }

    /// Rules are checked against the questions' shapes; `ask_when` is filled in after.
    fn rules(&mut self, shapes: &[InputInfo]) -> Vec<RuleInfo> {
        let rs = self.rs;
        let mut out = Vec::with_capacity(rs.rules.len());
        for (id, r) in &rs.rules {
            let path = join("rules", id);
            self.source_exists(join(&path, "source"), &r.source);
            if r.label.is_empty() {
                self.err(
                    join(&path, "label"),
                    "a rule needs a label: it titles the step in every explanation",
                );
            }
            let mut scope = Scope {
                uses: Vec::new(),
                depth: 0,
            };
            let fpath = join(&path, "formula");
            let node = match self.expr(&r.formula, &fpath, &mut scope, shapes) {
                Some((node, ty)) => {
                    if ty != Ty::of_value_type(r.ty) {
                        self.err(
                            fpath,
                            format!(
                                "the rule is declared {} but its formula gives {}",
                                value_type_name(r.ty),
                                ty.describe()
                            ),
                        );
                    }
                    node
                }
                None => Node::Const(Value::Bool(false)),
            };
            for (field, t) in [("explain", &r.explain), ("explain_if_not", &r.explain_if_not)] {
                if let Some(t) = t {
                    self.template(&join(&path, field), t, &scope.uses);
                }
            }
            if r.explain_if_not.is_some() && r.ty != ValueType::YesNo {
                self.err(join(&path, "explain_if_not"), "only yes/no rules have `explain_if_not`");
            }
            out.push(RuleInfo {
                id: id.clone(),
                ty: r.ty,
                node,
                uses: scope.uses,
            });
        }
        out
    }

    /// `{name}` placeholders must name something the rule uses, or `value`.
    fn template(&mut self, path: &str, t: &carebudget_core::text::Text, uses: &[Ref]) {
        for (lang, s) in t.iter() {
            let mut rest = s;
            while let Some(open) = rest.find('{') {
                let after = &rest[open + 1..];
                let Some(close) = after.find('}') else {
                    self.err(join(path, lang.code()), "a `{` has no matching `}`");
                    break;
                };
                let name = &after[..close];
                let known = name == "value" || self.names.get(name).is_some_and(|r| uses.contains(r));
                if !known {
                    self.err(
                        join(path, lang.code()),
                        format!("`{{{name}}}` is not `{{value}}` or a name this rule's formula uses"),
                    );
                }
                rest = &after[close + 1..];
            }
        }
    }

    /// Each output's rule and role, and its `applies_when` compiled (a yes/no).
    fn outputs(&mut self, inputs: &[InputInfo]) -> Vec<(String, u32, crate::model::Role, Option<Node>)> {
        let rs = self.rs;
        let mut out = Vec::new();
        for (id, o) in &rs.outputs {
            let applies_when = o.applies_when.as_ref().and_then(|cond| {
                let path = join(&join("outputs", id), "applies_when");
                let mut scope = Scope {
                    uses: Vec::new(),
                    depth: 0,
                };
                let (node, ty) = self.expr(cond, &path, &mut scope, inputs)?;
                if ty != Ty::Bool {
                    self.err(
                        path,
                        format!("`applies_when` must be yes/no, but this is {}", ty.describe()),
                    );
                } else if matches!(node, Node::Const(Value::Bool(false))) {
                    self.err(path, "this answer never applies: its `applies_when` is always false");
                }
                Some(node)
            });
            if let Some(rule) = rs.rules.get_index_of(&o.rule) {
                out.push((id.clone(), rule as u32, o.role, applies_when));
            }
        }
        out
    }

    /// Orders inputs and rules so each comes after what it uses; reports every cycle.
    fn order(&mut self, inputs: &[InputInfo], rules: &[RuleInfo]) -> Option<Vec<Item>> {
        let ni = inputs.len();
        let n = ni + rules.len();
        let node_of = |r: Ref| -> Option<usize> {
            match r {
                Ref::Input(i) => Some(i as usize),
                Ref::Rule(i) => Some(ni + i as usize),
                Ref::Param(_) => None,
            }
        };
        let deps: Vec<Vec<usize>> = inputs
            .iter()
            .map(|q| q.uses.iter().filter_map(|r| node_of(*r)).collect())
            .chain(
                rules
                    .iter()
                    .map(|r| r.uses.iter().filter_map(|u| node_of(*u)).collect()),
            )
            .collect();
        // Kahn's algorithm over "x uses y" edges.
        let mut users: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut pending: Vec<usize> = vec![0; n];
        for (x, ds) in deps.iter().enumerate() {
            for &d in ds {
                users[d].push(x);
                pending[x] += 1;
            }
        }
        let mut ready: Vec<usize> = (0..n).rev().filter(|&x| pending[x] == 0).collect();
        let mut order = Vec::with_capacity(n);
        while let Some(x) = ready.pop() {
            order.push(if x < ni {
                Item::Input(x as u32)
            } else {
                Item::Rule((x - ni) as u32)
            });
            for &u in users[x].iter().rev() {
                pending[u] -= 1;
                if pending[u] == 0 {
                    ready.push(u);
                }
            }
        }
        if order.len() == n {
            return Some(order);
        }
        // Every item left waits on a cycle; name each cycle once.
        let name = |x: usize| {
            if x < ni {
                format!("inputs.{}", inputs[x].id)
            } else {
                format!("rules.{}", rules[x - ni].id)
            }
        };
        let mut reported = vec![false; n];
        for start in 0..n {
            if pending[start] == 0 || reported[start] {
                continue;
            }
            // Follow unfinished dependencies until one repeats.
            let mut path = vec![start];
            let mut seen = HashMap::from([(start, 0usize)]);
            let mut x = start;
            let cycle = loop {
                let Some(&next) = deps[x].iter().find(|&&d| pending[d] > 0) else {
                    break None;
                };
                if let Some(&at) = seen.get(&next) {
                    break Some(path[at..].to_vec());
                }
                seen.insert(next, path.len());
                path.push(next);
                x = next;
            };
            if let Some(cycle) = cycle {
                if cycle.iter().any(|&c| reported[c]) {
                    continue;
                }
                for &c in &cycle {
                    reported[c] = true;
                }
                let mut words: Vec<String> = cycle.iter().map(|&c| name(c)).collect();
                words.push(name(cycle[0]));
                let at = if cycle[0] < ni {
                    join(&name(cycle[0]), "ask_when")
                } else {
                    join(&name(cycle[0]), "formula")
                };
                self.err(at, format!("this depends on itself: {}", words.join(" → ")));
            }
        }
        None
    }

    // ---- Expressions -----------------------------------------------------------------

    fn expr(&mut self, e: &Expr, path: &str, scope: &mut Scope, inputs: &[InputInfo]) -> Option<(Node, Ty)> {
        self.nodes += 1;
        if scope.depth >= MAX_EXPR_DEPTH {
            self.err(
                path,
                format!("the formula nests more than {MAX_EXPR_DEPTH} levels deep"),
            );
            return None;
        }
        scope.depth += 1;
        let r = self.expr_inner(e, path, scope, inputs);
        scope.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr, path: &str, scope: &mut Scope, inputs: &[InputInfo]) -> Option<(Node, Ty)> {
        let p = |field: &str| join(path, field);
        match e {
            Expr::Money(m) => Some((Node::Const(Value::Money(*m)), Ty::Money)),
            Expr::Number(d) | Expr::Percent(d) => Some((Node::Const(Value::Number(*d)), Ty::Number)),
            Expr::Bool(b) => Some((Node::Const(Value::Bool(*b)), Ty::Bool)),
            Expr::Name(n) => {
                let Some(&r) = self.names.get(n.as_str()) else {
                    self.err(path, format!("unknown name `{n}`{}", self.suggest(n)));
                    return None;
                };
                if !scope.uses.contains(&r) {
                    scope.uses.push(r);
                }
                let ty = match r {
                    Ref::Input(i) => inputs[i as usize].ty,
                    Ref::Param(i) => Ty::of_value_type(self.rs.parameters[i as usize].ty),
                    Ref::Rule(i) => Ty::of_value_type(self.rs.rules[i as usize].ty),
                };
                Some((Node::Ref(r), ty))
            }
            Expr::Sum(a) | Expr::Difference(a) => {
                let op = e.operator();
                let (nodes, ty) = self.same_type(&a.of, &p(op), scope, inputs, &[Ty::Money, Ty::Number], op)?;
                self.no_round(a, &p(op));
                if op == "difference" && nodes.len() < 2 {
                    self.err(
                        p(op),
                        "`difference` needs at least two operands: the first minus the rest",
                    );
                    return None;
                }
                Some((
                    if op == "sum" {
                        Node::Sum(nodes)
                    } else {
                        Node::Difference(nodes)
                    },
                    ty,
                ))
            }
            Expr::Min(a) | Expr::Max(a) => {
                let op = e.operator();
                let (nodes, ty) =
                    self.same_type(&a.of, &p(op), scope, inputs, &[Ty::Money, Ty::Number, Ty::Date], op)?;
                self.no_round(a, &p(op));
                Some((
                    if op == "min" {
                        Node::Min(nodes)
                    } else {
                        Node::Max(nodes)
                    },
                    ty,
                ))
            }
            Expr::Product(a) => {
                let path = p("product");
                let typed = self.operands(&a.of, &path, scope, inputs)?;
                if typed.len() < 2 {
                    self.err(path.clone(), "`product` needs at least two operands");
                }
                let money = typed.iter().filter(|(_, t)| *t == Ty::Money).count();
                for (i, (_, t)) in typed.iter().enumerate() {
                    if !matches!(t, Ty::Money | Ty::Number) {
                        self.err(
                            index(&path, i),
                            format!("only money and numbers can be multiplied, but this is {}", t.describe()),
                        );
                        return None;
                    }
                }
                if money > 1 {
                    self.err(
                        path,
                        "at most one operand of a product can be money (money × money is not money)",
                    );
                    return None;
                }
                let is_money = money == 1;
                if is_money && a.round.is_none() {
                    self.err(join(&path, "round"), "a product that gives money must say how to round, for example round: {direction: persons-favour, better: lower}");
                }
                if let Some(r) = &a.round {
                    self.rounding(&join(&path, "round"), r, is_money);
                }
                let nodes = typed.into_iter().map(|(n, _)| n).collect();
                Some((
                    Node::Product(
                        nodes,
                        a.round.clone(),
                        if is_money { Unit::Money } else { Unit::Number },
                    ),
                    if is_money { Ty::Money } else { Ty::Number },
                ))
            }
            Expr::Divide(a) => {
                let path = p("divide");
                let typed = self.operands(&a.of, &path, scope, inputs)?;
                if typed.len() != 2 {
                    self.err(
                        path,
                        "`divide` takes exactly two operands: the number divided and the number it is divided by",
                    );
                    return None;
                }
                let Some(round) = &a.round else {
                    self.err(
                        join(&path, "round"),
                        "a division must say how to round: round: {direction: down}",
                    );
                    return None;
                };
                let mut it = typed.into_iter();
                let ((n, nt), (d, dt)) = (it.next()?, it.next()?);
                let ty = match (nt, dt) {
                    (Ty::Money, Ty::Number) => Ty::Money,
                    (Ty::Money, Ty::Money) | (Ty::Number, Ty::Number) => Ty::Number,
                    _ => {
                        self.err(path, format!("cannot divide {} by {}", nt.describe(), dt.describe()));
                        return None;
                    }
                };
                self.rounding(&join(&path, "round"), round, ty == Ty::Money);
                Some((Node::Divide(Box::new(n), Box::new(d), round.clone(), ty), ty))
            }
            Expr::Clamp(c) => {
                let path = p("clamp");
                let v = self.expr(&c.value, &join(&path, "value"), scope, inputs);
                let lo = self.expr(&c.min, &join(&path, "min"), scope, inputs);
                let hi = self.expr(&c.max, &join(&path, "max"), scope, inputs);
                let ((v, vt), (lo, lt), (hi, ht)) = (v?, lo?, hi?);
                if !matches!(vt, Ty::Money | Ty::Number) || lt != vt || ht != vt {
                    self.err(
                        path,
                        format!(
                            "`clamp` needs value, min and max of one type (money or number), not {}, {} and {}",
                            vt.describe(),
                            lt.describe(),
                            ht.describe()
                        ),
                    );
                    return None;
                }
                Some((Node::Clamp(Box::new([v, lo, hi])), vt))
            }
            Expr::Gt(a) | Expr::Ge(a) | Expr::Lt(a) | Expr::Le(a) | Expr::Eq(a) | Expr::Ne(a) => {
                let op = match e {
                    Expr::Gt(_) => CmpOp::Gt,
                    Expr::Ge(_) => CmpOp::Ge,
                    Expr::Lt(_) => CmpOp::Lt,
                    Expr::Le(_) => CmpOp::Le,
                    Expr::Eq(_) => CmpOp::Eq,
                    _ => CmpOp::Ne,
                };
                let path = p(e.operator());
                self.no_round(a, &path);
                let typed = self.operands(&a.of, &path, scope, inputs)?;
                if typed.len() != 2 {
                    self.err(path, format!("`{}` compares exactly two things", e.operator()));
                    return None;
                }
                let mut it = typed.into_iter();
                let ((l, lt), (r, rt)) = (it.next()?, it.next()?);
                let ordered = matches!(lt, Ty::Money | Ty::Number | Ty::Date);
                let equatable = ordered || lt == Ty::Bool;
                if lt != rt || !(ordered || (equatable && matches!(op, CmpOp::Eq | CmpOp::Ne))) {
                    self.err(
                        path,
                        format!(
                            "cannot compare {} with {}{}",
                            lt.describe(),
                            rt.describe(),
                            if matches!(lt, Ty::Choice(_)) || matches!(rt, Ty::Choice(_)) {
                                "; use `answer_in` for a choice"
                            } else {
                                ""
                            }
                        ),
                    );
                    return None;
                }
                Some((Node::Cmp(op, Box::new([l, r])), Ty::Bool))
            }
            Expr::All(a) | Expr::Any(a) => {
                let op = e.operator();
                let (nodes, _) = self.same_type(&a.of, &p(op), scope, inputs, &[Ty::Bool], op)?;
                self.no_round(a, &p(op));
                Some((
                    if op == "all" {
                        Node::All(nodes)
                    } else {
                        Node::Any(nodes)
                    },
                    Ty::Bool,
                ))
            }
            Expr::Not(x) => {
                let (n, t) = self.expr(x, &p("not"), scope, inputs)?;
                if t != Ty::Bool {
                    self.err(p("not"), format!("`not` needs yes/no, but this is {}", t.describe()));
                    return None;
                }
                Some((Node::Not(Box::new(n)), Ty::Bool))
            }
            Expr::AtLeast(a) => {
                let path = p("at_least");
                let (nodes, _) = self.same_type(&a.of, &join(&path, "of"), scope, inputs, &[Ty::Bool], "at_least")?;
                if a.n as usize > nodes.len() || a.n == 0 {
                    self.err(
                        join(&path, "n"),
                        format!("`n` must be between 1 and the number of conditions ({})", nodes.len()),
                    );
                }
                Some((Node::AtLeast(a.n, nodes), Ty::Bool))
            }
            Expr::Cases(cases) => self.cases(cases, &p("cases"), scope, inputs),
            Expr::Lookup(l) => {
                let path = p("lookup");
                let q = self.question(&l.answer, &join(&path, "answer"), scope, inputs)?;
                let (multi, options) = match inputs[q as usize].ty {
                    Ty::Choice(_) => (false, inputs[q as usize].options.clone()),
                    Ty::Choices(_) => (true, inputs[q as usize].options.clone()),
                    t => {
                        self.err(
                            join(&path, "answer"),
                            format!(
                                "`lookup` needs a choice question, but `{}` is {}",
                                l.answer,
                                t.describe()
                            ),
                        );
                        return None;
                    }
                };
                if l.table.len() > MAX_TABLE_ROWS {
                    self.err(
                        join(&path, "table"),
                        format!("has {} rows; the limit is {MAX_TABLE_ROWS}", l.table.len()),
                    );
                    return None;
                }
                let mut table = Vec::new();
                let mut ty: Option<Ty> = None;
                for (opt, e) in &l.table {
                    let rpath = join(&join(&path, "table"), opt);
                    if !options.contains(opt) {
                        self.err(rpath.clone(), format!("`{opt}` is not an option of `{}`", l.answer));
                    }
                    if let Some((n, t)) = self.expr(e, &rpath, scope, inputs) {
                        self.unify(&mut ty, t, &rpath, &[Ty::Money, Ty::Number]);
                        table.push((opt.clone(), n));
                    }
                }
                let default = match &l.default {
                    Some(d) => {
                        let dpath = join(&path, "default");
                        let (n, t) = self.expr(d, &dpath, scope, inputs)?;
                        self.unify(&mut ty, t, &dpath, &[Ty::Money, Ty::Number]);
                        Some(Box::new(n))
                    }
                    None => {
                        let missing: Vec<&String> = options.iter().filter(|o| !l.table.contains_key(*o)).collect();
                        if !missing.is_empty() {
                            self.err(
                                join(&path, "table"),
                                format!("no value for {}; add them or a `default`", quote_list(&missing)),
                            );
                        }
                        None
                    }
                };
                Some((
                    Node::Lookup {
                        input: q,
                        table,
                        default,
                        multi,
                    },
                    ty.unwrap_or(Ty::Number),
                ))
            }
            Expr::Bands(b) => self.bands(b, &p("bands"), scope, inputs),
            Expr::Scale(s) => {
                let path = p("scale");
                let (v, vt) = self.expr(&s.value, &join(&path, "value"), scope, inputs)?;
                if !matches!(vt, Ty::Money | Ty::Number) {
                    self.err(
                        join(&path, "value"),
                        format!("`scale` needs money or a number, not {}", vt.describe()),
                    );
                    return None;
                }
                if s.points.len() < 2 || s.points.len() > MAX_TABLE_ROWS {
                    self.err(
                        join(&path, "points"),
                        format!("a scale needs between 2 and {MAX_TABLE_ROWS} points"),
                    );
                    return None;
                }
                let mut yt: Option<Ty> = None;
                let mut points = Vec::new();
                for (i, (x, y)) in s.points.iter().enumerate() {
                    let ppath = index(&join(&path, "points"), i);
                    let xs = self.constant(x, &index(&ppath, 0), scope, inputs, vt);
                    let yn = self.expr(y, &index(&ppath, 1), scope, inputs);
                    if let Some((yn, t)) = yn {
                        self.unify(&mut yt, t, &index(&ppath, 1), &[Ty::Money, Ty::Number]);
                        if let Some(xs) = xs {
                            points.push((xs, yn));
                        }
                    }
                }
                self.ascending(points.iter().map(|(x, _)| x), &join(&path, "points"));
                let money = yt == Some(Ty::Money);
                let Some(round) = &s.round else {
                    self.err(join(&path, "round"), "a scale must say how to round its result");
                    return None;
                };
                self.rounding(&join(&path, "round"), round, money);
                Some((
                    Node::Scale {
                        value: Box::new(v),
                        points,
                        round: round.clone(),
                        unit: if money { Unit::Money } else { Unit::Number },
                    },
                    yt.unwrap_or(Ty::Number),
                ))
            }
            Expr::Tariff(t) => {
                let path = p("tariff");
                let mut parts = Vec::new();
                for (field, e) in [
                    ("value", &t.value),
                    ("above", &t.above),
                    ("per", &t.per),
                    ("amount", &t.amount),
                ] {
                    let fpath = join(&path, field);
                    if let Some((n, ty)) = self.expr(e, &fpath, scope, inputs) {
                        if ty != Ty::Money {
                            self.err(
                                fpath,
                                format!("`tariff` works in money, but `{field}` is {}", ty.describe()),
                            );
                        }
                        parts.push(n);
                    }
                }
                let arr: [Node; 4] = parts.try_into().ok()?;
                Some((Node::Tariff(Box::new(arr)), Ty::Money))
            }
            Expr::Weekly(w) => {
                let path = p("weekly");
                let (n, t) = self.expr(&w.value, &join(&path, "value"), scope, inputs)?;
                if t != Ty::Periodic {
                    self.err(
                        join(&path, "value"),
                        format!("`weekly` converts money given per period, but this is {}", t.describe()),
                    );
                    return None;
                }
                self.rounding(&join(&path, "round"), &w.round, true);
                Some((Node::Weekly(Box::new(n), w.round.clone()), Ty::Money))
            }
            Expr::Round(r) => {
                let path = p("round");
                let (n, t) = self.expr(&r.value, &join(&path, "value"), scope, inputs)?;
                if !matches!(t, Ty::Money | Ty::Number) {
                    self.err(
                        join(&path, "value"),
                        format!("only money and numbers can be rounded, not {}", t.describe()),
                    );
                    return None;
                }
                self.rounding(&path, &r.rounding, t == Ty::Money);
                Some((
                    Node::Round(
                        Box::new(n),
                        r.rounding.clone(),
                        if t == Ty::Money { Unit::Money } else { Unit::Number },
                    ),
                    t,
                ))
            }
            Expr::Range(r) => {
                let path = p("range");
                let lo = self.expr(&r.lower, &join(&path, "lower"), scope, inputs);
                let hi = self.expr(&r.upper, &join(&path, "upper"), scope, inputs);
                let ((lo, lt), (hi, ht)) = (lo?, hi?);
                if lt != Ty::Money || ht != Ty::Money {
                    self.err(path, "a range is two amounts of money");
                    return None;
                }
                Some((Node::Range(Box::new([lo, hi])), Ty::Range))
            }
            Expr::Lower(x) | Expr::Upper(x) => {
                let op = e.operator();
                let (n, t) = self.expr(x, &p(op), scope, inputs)?;
                if t != Ty::Range {
                    self.err(p(op), format!("`{op}` takes a money range, not {}", t.describe()));
                    return None;
                }
                Some((
                    if op == "lower" {
                        Node::Lower(Box::new(n))
                    } else {
                        Node::Upper(Box::new(n))
                    },
                    Ty::Money,
                ))
            }
            Expr::AnswerIn(a) | Expr::Includes(a) => {
                let op = e.operator();
                let path = p(op);
                let q = self.question(&a.answer, &join(&path, "answer"), scope, inputs)?;
                let want_multi = op == "includes";
                match (inputs[q as usize].ty, want_multi) {
                    (Ty::Choice(_), false) | (Ty::Choices(_), true) => {}
                    (t, _) => {
                        let need = if want_multi { "a several-choices" } else { "a choice" };
                        self.err(
                            join(&path, "answer"),
                            format!("`{op}` needs {need} question, but `{}` is {}", a.answer, t.describe()),
                        );
                        return None;
                    }
                }
                for o in a.options.as_slice() {
                    if !inputs[q as usize].options.contains(o) {
                        self.err(
                            join(&path, "options"),
                            format!("`{o}` is not an option of `{}`", a.answer),
                        );
                    }
                }
                let opts = a.options.as_slice().to_vec();
                Some((
                    if want_multi {
                        Node::Includes(q, opts)
                    } else {
                        Node::AnswerIn(q, opts)
                    },
                    Ty::Bool,
                ))
            }
            Expr::Count(name) => {
                let q = self.question(name, &p("count"), scope, inputs)?;
                if !matches!(inputs[q as usize].ty, Ty::Choices(_)) {
                    self.err(
                        p("count"),
                        format!(
                            "`count` needs a several-choices question, but `{name}` is {}",
                            inputs[q as usize].ty.describe()
                        ),
                    );
                    return None;
                }
                Some((Node::Count(q), Ty::Number))
            }
            Expr::Age(name) => {
                let q = self.question(name, &p("age"), scope, inputs)?;
                if inputs[q as usize].ty != Ty::Date {
                    self.err(
                        p("age"),
                        format!(
                            "`age` needs a date-of-birth question, but `{name}` is {}",
                            inputs[q as usize].ty.describe()
                        ),
                    );
                    return None;
                }
                Some((Node::Age(q), Ty::Number))
            }
        }
    }

    fn cases(
        &mut self,
        cases: &[crate::expr::Case],
        path: &str,
        scope: &mut Scope,
        inputs: &[InputInfo],
    ) -> Option<(Node, Ty)> {
        let mut arms = Vec::new();
        let mut otherwise = None;
        let mut ty: Option<Ty> = None;
        if cases.len() > MAX_TABLE_ROWS {
            self.err(
                path,
                format!("has {} cases; the limit is {MAX_TABLE_ROWS}", cases.len()),
            );
            return None;
        }
        for (i, c) in cases.iter().enumerate() {
            let cpath = index(path, i);
            let last = i + 1 == cases.len();
            match (&c.when, &c.then, &c.otherwise) {
                (Some(w), Some(t), None) => {
                    let w = self.expr(w, &join(&cpath, "if"), scope, inputs);
                    let t = self.expr(t, &join(&cpath, "then"), scope, inputs);
                    if let (Some((wn, wt)), Some((tn, tt))) = (w, t) {
                        if wt != Ty::Bool {
                            self.err(
                                join(&cpath, "if"),
                                format!("`if` needs yes/no, but this is {}", wt.describe()),
                            );
                        }
                        self.unify(&mut ty, tt, &join(&cpath, "then"), &[]);
                        arms.push((wn, tn));
                    }
                }
                (None, None, Some(o)) if last => {
                    if let Some((n, t)) = self.expr(o, &join(&cpath, "else"), scope, inputs) {
                        self.unify(&mut ty, t, &join(&cpath, "else"), &[]);
                        otherwise = Some(n);
                    }
                }
                (None, None, Some(_)) => self.err(cpath, "`else` must be the last case"),
                _ => self.err(
                    cpath,
                    "each case is `{if: …, then: …}`, and the last may be `{else: …}`",
                ),
            }
        }
        let Some(otherwise) = otherwise else {
            if !cases.iter().any(|c| c.otherwise.is_some()) {
                self.err(path, "`cases` must end with `{else: …}` so every answer has a result");
            }
            return None;
        };
        Some((Node::Cases(arms, Box::new(otherwise)), ty?))
    }

    fn bands(
        &mut self,
        b: &crate::expr::Bands,
        path: &str,
        scope: &mut Scope,
        inputs: &[InputInfo],
    ) -> Option<(Node, Ty)> {
        let (v, vt) = self.expr(&b.value, &join(path, "value"), scope, inputs)?;
        if !matches!(vt, Ty::Money | Ty::Number) {
            self.err(
                join(path, "value"),
                format!("`bands` needs money or a number, not {}", vt.describe()),
            );
            return None;
        }
        if b.bands.is_empty() || b.bands.len() > MAX_TABLE_ROWS {
            self.err(
                join(path, "bands"),
                format!("a band table needs between 1 and {MAX_TABLE_ROWS} bands"),
            );
            return None;
        }
        let mut out_ty: Option<Ty> = None;
        let mut bands = Vec::new();
        for (i, band) in b.bands.iter().enumerate() {
            let bpath = index(&join(path, "bands"), i);
            let from = self.constant(&band.from, &join(&bpath, "from"), scope, inputs, vt);
            let out = match (&band.lower, &band.upper, &band.value) {
                (Some(lo), Some(hi), None) => {
                    let lo = self.expr(lo, &join(&bpath, "lower"), scope, inputs);
                    let hi = self.expr(hi, &join(&bpath, "upper"), scope, inputs);
                    match (lo, hi) {
                        (Some((lo, Ty::Money)), Some((hi, Ty::Money))) => {
                            self.unify(&mut out_ty, Ty::Range, &bpath, &[]);
                            Some(BandOut::Range(lo, hi))
                        }
                        (Some(_), Some(_)) => {
                            self.err(bpath.clone(), "a band's `lower` and `upper` are amounts of money");
                            None
                        }
                        _ => None,
                    }
                }
                (None, None, Some(val)) => self.expr(val, &join(&bpath, "value"), scope, inputs).map(|(n, t)| {
                    self.unify(&mut out_ty, t, &join(&bpath, "value"), &[Ty::Money, Ty::Number]);
                    BandOut::Value(n)
                }),
                _ => {
                    self.err(
                        bpath.clone(),
                        "a band has either `lower` and `upper` (a range) or a single `value`",
                    );
                    None
                }
            };
            if let (Some(from), Some(out)) = (from, out) {
                bands.push(BandNode { from, out });
            }
        }
        self.ascending(bands.iter().map(|b| &b.from), &join(path, "bands"));
        Some((
            Node::Bands {
                value: Box::new(v),
                bands,
            },
            out_ty?,
        ))
    }

    /// A band or scale boundary: a constant or parameter of the value's type.
    fn constant(&mut self, e: &Expr, path: &str, scope: &mut Scope, inputs: &[InputInfo], want: Ty) -> Option<Node> {
        let (n, t) = self.expr(e, path, scope, inputs)?;
        if t != want {
            self.err(path, format!("expected {}, found {}", want.describe(), t.describe()));
            return None;
        }
        match &n {
            Node::Const(_) | Node::Ref(Ref::Param(_)) => Some(n),
            _ => {
                self.err(path, "a boundary must be a fixed figure or a parameter");
                None
            }
        }
    }

    /// Constant boundaries must strictly increase (parameters are checked when evaluated).
    fn ascending<'n>(&mut self, xs: impl Iterator<Item = &'n Node>, path: &str) {
        let mut prev: Option<&Value> = None;
        for (i, x) in xs.enumerate() {
            if let Node::Const(v) = x {
                if let Some(p) = prev
                    && compare(p, v) != Some(std::cmp::Ordering::Less)
                {
                    self.err(
                        index(path, i),
                        "boundaries must increase strictly from one row to the next",
                    );
                }
                prev = Some(v);
            }
        }
    }

    fn question(&mut self, name: &str, path: &str, scope: &mut Scope, inputs: &[InputInfo]) -> Option<u32> {
        match self.names.get(name) {
            Some(&Ref::Input(i)) => {
                if !scope.uses.contains(&Ref::Input(i)) {
                    scope.uses.push(Ref::Input(i));
                }
                let _ = inputs;
                Some(i)
            }
            Some(_) => {
                self.err(path, format!("`{name}` is not a question"));
                None
            }
            None => {
                self.err(path, format!("unknown question `{name}`{}", self.suggest(name)));
                None
            }
        }
    }

    fn operands(
        &mut self,
        of: &[Expr],
        path: &str,
        scope: &mut Scope,
        inputs: &[InputInfo],
    ) -> Option<Vec<(Node, Ty)>> {
        let mut out = Vec::with_capacity(of.len());
        let mut ok = true;
        for (i, e) in of.iter().enumerate() {
            match self.expr(e, &index(path, i), scope, inputs) {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn same_type(
        &mut self,
        of: &[Expr],
        path: &str,
        scope: &mut Scope,
        inputs: &[InputInfo],
        allowed: &[Ty],
        op: &str,
    ) -> Option<(Vec<Node>, Ty)> {
        let typed = self.operands(of, path, scope, inputs)?;
        if typed.is_empty() {
            self.err(path, format!("`{op}` needs at least one operand"));
            return None;
        }
        let mut ty: Option<Ty> = None;
        for (i, (_, t)) in typed.iter().enumerate() {
            self.unify(&mut ty, *t, &index(path, i), allowed);
        }
        Some((typed.into_iter().map(|(n, _)| n).collect(), ty?))
    }

    /// All operands share one type, from the allowed list (any type if the list is empty).
    fn unify(&mut self, ty: &mut Option<Ty>, t: Ty, path: &str, allowed: &[Ty]) {
        if !allowed.is_empty() && !allowed.contains(&t) {
            let names: Vec<&str> = allowed.iter().map(|t| t.describe()).collect();
            self.err(path, format!("expected {}, found {}", names.join(" or "), t.describe()));
            return;
        }
        match ty {
            None => *ty = Some(t),
            Some(prev) if *prev == t => {}
            Some(prev) => {
                let prev = *prev;
                self.err(
                    path,
                    format!("expected {} like the others, found {}", prev.describe(), t.describe()),
                );
            }
        }
    }

    fn no_round(&mut self, a: &Args, path: &str) {
        if a.round.is_some() {
            self.err(
                join(path, "round"),
                "only `product` and `divide` take a rounding; wrap this in `round` instead",
            );
        }
    }

    fn rounding(&mut self, path: &str, r: &Rounding, money: bool) {
        if let Err(e) = r.resolved_direction() {
            self.err(join(path, "better"), e);
        }
        if let Err(e) = r.step(money) {
            self.err(join(path, "to"), e);
        }
    }

    /// "did you mean `capital`?" for a near miss.
    fn suggest(&self, name: &str) -> String {
        let best = self
            .names
            .keys()
            .map(|k| (edit_distance(name, k), *k))
            .filter(|(d, _)| *d <= 2.max(name.len() / 4))
            .min();
        match best {
            Some((_, k)) => format!(" (did you mean `{k}`?)"),
            None => String::new(),
        }
    }
}

/// The ruleset's words, indexed like the program's items.
fn info(rs: &Ruleset, says_you: bool) -> Info {
    Info {
        id: rs.id.clone(),
        title: rs.title.clone(),
        publisher: rs.publisher.clone(),
        version: rs.version.clone(),
        in_force: rs.in_force.as_ref().map(|f| (f.from, f.to)),
        // Each is `en` or `cy`: `check` refused any other.
        languages: rs.languages.iter().filter_map(|l| Lang::parse(l)).collect(),
        illustrative: rs.illustrative,
        notice: rs.notice.clone(),
        limitations: rs.limitations.clone(),
        says_you,
        based_on: Keyed(rs.based_on.iter().map(|(id, t)| (id.clone(), t.clone())).collect()),
        sources: rs
            .sources
            .iter()
            .map(|(id, s)| {
                let s = SourceText {
                    title: s.title.clone(),
                    url: s.url.clone(),
                    paragraph: s.paragraph.clone(),
                };
                (id.clone(), s)
            })
            .collect(),
        sections: rs
            .sections
            .iter()
            .map(|(id, s)| {
                let s = SectionText {
                    title: s.title.clone(),
                    intro: s.intro.clone(),
                };
                (id.clone(), s)
            })
            .collect(),
        inputs: rs
            .inputs
            .values()
            .map(|q| InputText {
                section: q.section.clone(),
                // One mechanism for wording for someone else: `question_for_other` becomes
                // the question's `for_other` (the checker refuses both at once).
                question: match &q.question_for_other {
                    Some(t) => Text {
                        for_other: Some(Box::new(t.clone())),
                        ..q.question.clone()
                    },
                    None => q.question.clone(),
                },
                hint: q.hint.clone(),
                label: q.label.clone(),
                options: q
                    .options
                    .iter()
                    .map(|(id, c)| {
                        let c = ChoiceText {
                            label: c.label.clone(),
                            hint: c.hint.clone(),
                        };
                        (id.clone(), c)
                    })
                    .collect(),
            })
            .collect(),
        params: rs
            .parameters
            .values()
            .map(|x| ParamText {
                label: x.label.clone(),
                description: x.description.clone(),
            })
            .collect(),
        rules: rs
            .rules
            .values()
            .map(|r| RuleText {
                label: r.label.clone(),
                explain: r.explain.clone(),
                explain_if_not: r.explain_if_not.clone(),
                source: r.source.clone(),
                origin: r.origin.clone(),
            })
            .collect(),
    }
}

/// Warnings: things that are legal but probably mistakes.
fn lint(rs: &Ruleset, p: &Program, says_you: &[String], diags: &mut Vec<Diagnostic>) {
    let mut used_params = vec![false; p.params.len()];
    let mut used_inputs = vec![false; p.inputs.len()];
    let mut used_rules = vec![false; p.rules.len()];
    for uses in p.rules.iter().map(|r| &r.uses).chain(p.inputs.iter().map(|i| &i.uses)) {
        for u in uses {
            match u {
                Ref::Param(i) => used_params[*i as usize] = true,
                Ref::Input(i) => used_inputs[*i as usize] = true,
                Ref::Rule(i) => used_rules[*i as usize] = true,
            }
        }
    }
    for o in &p.outputs {
        used_rules[o.rule as usize] = true;
    }
    for (i, used) in used_params.iter().enumerate() {
        if !used {
            diags.push(Diagnostic::warning(
                join("parameters", &p.params[i].id),
                "this parameter is not used by any rule",
            ));
        }
    }
    for (i, used) in used_inputs.iter().enumerate() {
        if !used {
            diags.push(Diagnostic::warning(
                join("inputs", &p.inputs[i].id),
                "this question is not used by any rule, so asking it changes nothing",
            ));
        }
    }
    for (i, used) in used_rules.iter().enumerate() {
        if !used {
            diags.push(Diagnostic::warning(
                join("rules", &p.rules[i].id),
                "this rule is not used by any output or other rule",
            ));
        }
    }
    if rs.outputs.is_empty() {
        diags.push(Diagnostic::warning(
            "outputs",
            "the ruleset has no outputs, so it answers nothing",
        ));
    }
    for path in says_you {
        diags.push(Diagnostic::warning(
            path.clone(),
            "says \"you\" but has no `for_other` wording for someone filling this in for another person",
        ));
    }
    if rs.languages.iter().any(|l| l == "cy") {
        for (id, q) in &rs.inputs {
            if !q.question.has(Lang::Cy) {
                diags.push(Diagnostic::warning(
                    join(&join("inputs", id), "question"),
                    "no Welsh (`cy`) text, though the ruleset lists Welsh",
                ));
            }
        }
        for (id, r) in &rs.rules {
            if !r.label.has(Lang::Cy) {
                diags.push(Diagnostic::warning(
                    join(&join("rules", id), "label"),
                    "no Welsh (`cy`) text, though the ruleset lists Welsh",
                ));
            }
        }
    }
}

/// The paths of the ruleset's words that say "you" in English with no `for_other` wording
/// (for a question, no `question_for_other` either): for someone filling the form in for
/// another person, "you" there means the wrong person.
fn says_you(rs: &Ruleset) -> Vec<String> {
    fn you(t: &Text) -> bool {
        t.for_other.is_none()
            && t.en.as_deref().is_some_and(|s| {
                s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                    .any(|w| {
                        matches!(
                            w.to_lowercase().as_str(),
                            "you" | "your" | "yours" | "yourself" | "you're" | "you’re" | "you've" | "you’ve"
                        )
                    })
            })
    }
    let mut texts: Vec<(String, Option<&Text>)> = vec![("notice".into(), rs.notice.as_ref())];
    for (id, s) in &rs.sections {
        let at = join("sections", id);
        texts.push((join(&at, "title"), Some(&s.title)));
        texts.push((join(&at, "intro"), s.intro.as_ref()));
    }
    for (id, q) in &rs.inputs {
        let at = join("inputs", id);
        if q.question_for_other.is_none() {
            texts.push((join(&at, "question"), Some(&q.question)));
        }
        texts.push((join(&at, "hint"), q.hint.as_ref()));
        texts.push((join(&at, "label"), q.label.as_ref()));
        for (o, c) in &q.options {
            let at = join(&join(&at, "options"), o);
            texts.push((join(&at, "label"), Some(&c.label)));
            texts.push((join(&at, "hint"), c.hint.as_ref()));
        }
    }
    for (id, p) in &rs.parameters {
        let at = join("parameters", id);
        texts.push((join(&at, "label"), Some(&p.label)));
        texts.push((join(&at, "description"), p.description.as_ref()));
    }
    for (id, r) in &rs.rules {
        let at = join("rules", id);
        texts.push((join(&at, "label"), Some(&r.label)));
        texts.push((join(&at, "explain"), r.explain.as_ref()));
        texts.push((join(&at, "explain_if_not"), r.explain_if_not.as_ref()));
    }
    for (id, o) in &rs.outputs {
        texts.push((join(&join("outputs", id), "label"), o.label.as_ref()));
    }
    texts
        .into_iter()
        .filter(|(_, t)| t.is_some_and(you))
        .map(|(path, _)| path)
        .collect()
}

pub fn value_type_name(t: ValueType) -> &'static str {
    match t {
        ValueType::Money => "money",
        ValueType::Number => "a number",
        ValueType::Percentage => "a percentage",
        ValueType::Points => "points",
        ValueType::YesNo => "yes/no",
        ValueType::Date => "a date",
        ValueType::Range => "a money range",
    }
}

fn quote_list(items: &[&String]) -> String {
    items.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
}

/// Levenshtein distance, for suggestions only (names are at most 64 characters).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
