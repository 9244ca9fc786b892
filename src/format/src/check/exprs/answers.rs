//! Operators on a question's answer: `lookup`, `answer_in`, `includes`, `count` and `age`.

use super::super::names::quote_list;
use super::super::{Checker, Scope};
use crate::expr::{AnswerIn, Expr, Lookup};
use carebudget_core::diagnostic::join;
use carebudget_core::limits::*;
use carebudget_core::program::*;

impl Checker<'_> {
    /// A value (money or a number) for each option of a choice question; for several
    /// choices, the sum over those ticked. Options left out need a `default`.
    pub(super) fn lookup(&mut self, l: &Lookup, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let q = self.question(&l.answer, &join(at, "answer"), scope)?;
        let inputs = scope.inputs;
        let multi = match inputs[q as usize].ty {
            Ty::Choice(_) => false,
            Ty::Choices(_) => true,
            t => {
                self.err(
                    join(at, "answer"),
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
                join(at, "table"),
                format!("has {} rows; the limit is {MAX_TABLE_ROWS}", l.table.len()),
            );
            return None;
        }
        let options = &inputs[q as usize].options;
        let mut ty: Option<Ty> = None;
        let mut table = Vec::new();
        for (opt, e) in &l.table {
            let rpath = join(&join(at, "table"), opt);
            if !options.contains(opt) {
                self.err(rpath.clone(), format!("`{opt}` is not an option of `{}`", l.answer));
            }
            if let Some((n, t)) = self.expr(e, &rpath, scope) {
                self.unify(&mut ty, t, &rpath, &[Ty::Money, Ty::Number]);
                table.push((opt.clone(), n));
            }
        }
        let default = self.lookup_default(l, options, at, scope, &mut ty)?;
        let node = Node::Lookup {
            input: q,
            table,
            default,
            multi,
        };
        Some((node, ty.unwrap_or(Ty::Number)))
    }

    /// The `default`, or (with none) an error naming each option the table leaves out.
    /// `None` if the default failed; `Some(None)` if there is none.
    fn lookup_default(
        &mut self,
        l: &Lookup,
        options: &[String],
        at: &str,
        scope: &mut Scope,
        ty: &mut Option<Ty>,
    ) -> Option<Option<Box<Node>>> {
        if let Some(d) = &l.default {
            let dpath = join(at, "default");
            let (n, t) = self.expr(d, &dpath, scope)?;
            self.unify(ty, t, &dpath, &[Ty::Money, Ty::Number]);
            return Some(Some(Box::new(n)));
        }
        let missing: Vec<&String> = options.iter().filter(|o| !l.table.contains_key(*o)).collect();
        if !missing.is_empty() {
            self.err(
                join(at, "table"),
                format!("no value for {}; add them or a `default`", quote_list(&missing)),
            );
        }
        Some(None)
    }

    /// `answer_in` (a choice question's answer is one of these) and `includes` (this
    /// option of a several-choices question was ticked).
    pub(super) fn answer_in(&mut self, e: &Expr, a: &AnswerIn, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let op = e.operator();
        let q = self.question(&a.answer, &join(at, "answer"), scope)?;
        let input = &scope.inputs[q as usize];
        let want_multi = matches!(e, Expr::Includes(_));
        match (input.ty, want_multi) {
            (Ty::Choice(_), false) | (Ty::Choices(_), true) => {}
            (t, _) => {
                let need = if want_multi { "a several-choices" } else { "a choice" };
                self.err(
                    join(at, "answer"),
                    format!("`{op}` needs {need} question, but `{}` is {}", a.answer, t.describe()),
                );
                return None;
            }
        }
        for o in a.options.as_slice() {
            if !input.options.contains(o) {
                self.err(join(at, "options"), format!("`{o}` is not an option of `{}`", a.answer));
            }
        }
        let opts = a.options.as_slice().to_vec();
        let node = if want_multi {
            Node::Includes(q, opts)
        } else {
            Node::AnswerIn(q, opts)
        };
        Some((node, Ty::Bool))
    }

    /// How many options of a several-choices question were ticked.
    pub(super) fn count(&mut self, name: &str, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let q = self.question(name, at, scope)?;
        let ty = scope.inputs[q as usize].ty;
        if !matches!(ty, Ty::Choices(_)) {
            self.err(
                at,
                format!(
                    "`count` needs a several-choices question, but `{name}` is {}",
                    ty.describe()
                ),
            );
            return None;
        }
        Some((Node::Count(q), Ty::Number))
    }

    /// Whole years from a date-of-birth question to the evaluation date.
    pub(super) fn age(&mut self, name: &str, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let q = self.question(name, at, scope)?;
        let ty = scope.inputs[q as usize].ty;
        if ty != Ty::Date {
            self.err(
                at,
                format!(
                    "`age` needs a date-of-birth question, but `{name}` is {}",
                    ty.describe()
                ),
            );
            return None;
        }
        Some((Node::Age(q), Ty::Number))
    }
}
