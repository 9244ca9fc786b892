//! Parameters (dated figures with sources), rules (a formula and its explanations) and
//! outputs (the rules a ruleset answers with).

use super::names::value_type_name;
use super::{Checker, Scope};
use crate::model::{Role, ValueType};
use carebudget_core::date::Date;
use carebudget_core::diagnostic::{index, join};
use carebudget_core::limits::*;
use carebudget_core::program::*;
use carebudget_core::text::Text;
use carebudget_core::typing::literal_value;

impl Checker<'_> {
    pub(super) fn params(&mut self) -> Vec<ParamInfo> {
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

    /// Rules are checked against the questions' shapes; `ask_when` is filled in after.
    pub(super) fn rules(&mut self, shapes: &[InputInfo]) -> Vec<RuleInfo> {
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
            let mut scope = Scope::new(shapes);
            let fpath = join(&path, "formula");
            let node = match self.expr(&r.formula, &fpath, &mut scope) {
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
                // Never evaluated: the errors stop the program being made.
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
    fn template(&mut self, path: &str, t: &Text, uses: &[Ref]) {
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
    pub(super) fn outputs(&mut self, inputs: &[InputInfo]) -> Vec<(String, u32, Role, Option<Node>)> {
        let rs = self.rs;
        let mut out = Vec::new();
        for (id, o) in &rs.outputs {
            let applies_when = o.applies_when.as_ref().and_then(|cond| {
                let path = join(&join("outputs", id), "applies_when");
                let mut scope = Scope::new(inputs);
                let (node, ty) = self.expr(cond, &path, &mut scope)?;
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
}
