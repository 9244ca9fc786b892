//! Formulas in words, as HTML: names link to their questions, figures and rules, and the
//! lookup, band and scale tables a formula refers to are collected to be shown after it.

use carebudget_core::money::{Better, Direction, Rounding};
use carebudget_format::expr::{AnswerIn, Args, AtLeast, Case, Clamp, Expr, Lookup, Scale};
use carebudget_format::model::InputType;

use super::{Deferred, Renderer};

impl<'a> Renderer<'a> {
    /// A formula in words; lookup, band and scale tables are added to `tables` to be shown
    /// after it.
    pub(super) fn expr(&mut self, e: &'a Expr, tables: &mut Vec<Deferred<'a>>) {
        let w = self.w;
        match e {
            Expr::Name(n) => self.name_link(n),
            Expr::Money(_) | Expr::Number(_) | Expr::Percent(_) | Expr::Bool(_) => self.constant(e),
            Expr::Sum(a) => self.infix(a, " + ", tables),
            Expr::Difference(a) => self.infix(a, " − ", tables),
            Expr::Product(a) => self.infix(a, " × ", tables),
            Expr::Divide(a) => self.infix(a, " ÷ ", tables),
            Expr::Min(a) => self.listed(w.smaller_of, a, tables),
            Expr::Max(a) => self.listed(w.larger_of, a, tables),
            Expr::Clamp(c) => self.clamp(c, tables),
            Expr::Gt(a) => self.compare(w.gt, a, tables),
            Expr::Ge(a) => self.compare(w.ge, a, tables),
            Expr::Lt(a) => self.compare(w.lt, a, tables),
            Expr::Le(a) => self.compare(w.le, a, tables),
            Expr::Eq(a) => self.compare(w.eq, a, tables),
            Expr::Ne(a) => self.compare(w.ne, a, tables),
            Expr::All(a) => self.block_list(w.all_of, &a.of, tables),
            Expr::Any(a) => self.block_list(w.any_of, &a.of, tables),
            Expr::Not(x) => {
                self.esc(w.not);
                self.raw(" ");
                self.operand(x, tables);
            }
            Expr::AtLeast(x) => self.at_least(x, tables),
            Expr::Cases(cases) => self.cases(cases, tables),
            Expr::Lookup(l) => self.lookup(l, tables),
            Expr::Bands(b) => {
                self.fill(w.bands, &[&b.value], tables);
                tables.push(Deferred::Bands(b));
            }
            Expr::Scale(s) => self.scale(s, tables),
            Expr::Tariff(t) => self.fill(w.tariff, &[&t.amount, &t.per, &t.value, &t.above], tables),
            Expr::Weekly(x) => {
                self.fill(w.weekly, &[&x.value], tables);
                self.raw(", ");
                self.rounding(&x.round);
            }
            Expr::Round(x) => {
                self.operand(&x.value, tables);
                self.raw(", ");
                self.rounding(&x.rounding);
            }
            Expr::Range(x) => self.fill(w.range, &[&x.lower, &x.upper], tables),
            Expr::Lower(x) => self.fill(w.lower_of, &[x], tables),
            Expr::Upper(x) => self.fill(w.upper_of, &[x], tables),
            Expr::AnswerIn(x) => self.answer_in(w.answer_in, x),
            Expr::Includes(x) => self.answer_in(w.includes, x),
            Expr::Count(q) => self.fill_name(w.count, q),
            Expr::Age(q) => self.fill_name(w.age, q),
        }
    }

    /// A formula in a table's cell or caption, where any tables it refers to are not shown.
    pub(super) fn expr_alone(&mut self, e: &'a Expr) {
        let mut nested = Vec::new();
        self.expr(e, &mut nested);
    }

    /// An amount, number, percentage or yes/no, as the explanation writes it.
    fn constant(&mut self, e: &Expr) {
        match e {
            Expr::Money(m) => self.esc(&m.to_string()),
            Expr::Number(d) => self.esc(&d.normalize().to_string()),
            Expr::Percent(d) => self.esc(&d.percent_text()),
            Expr::Bool(b) => self.esc(if *b { self.ew.yes } else { self.ew.no }),
            _ => {}
        }
    }

    /// An operand inside a larger formula: anything but a name or a constant in brackets.
    fn operand(&mut self, e: &'a Expr, tables: &mut Vec<Deferred<'a>>) {
        let simple = matches!(
            e,
            Expr::Name(_) | Expr::Money(_) | Expr::Number(_) | Expr::Percent(_) | Expr::Bool(_)
        );
        if !simple {
            self.raw("(");
        }
        self.expr(e, tables);
        if !simple {
            self.raw(")");
        }
    }

    fn infix(&mut self, a: &'a Args, op: &'static str, tables: &mut Vec<Deferred<'a>>) {
        for (i, x) in a.of.iter().enumerate() {
            if i > 0 {
                self.raw(op);
            }
            self.operand(x, tables);
        }
        self.then_rounded(a.round.as_ref());
    }

    /// "the smaller of a, b and c".
    fn listed(&mut self, lead: &str, a: &'a Args, tables: &mut Vec<Deferred<'a>>) {
        self.esc(lead);
        self.raw(" ");
        let n = a.of.len();
        for (i, x) in a.of.iter().enumerate() {
            if i > 0 {
                self.raw(if i + 1 == n { " " } else { ", " });
                if i + 1 == n {
                    self.esc(self.w.and);
                    self.raw(" ");
                }
            }
            self.operand(x, tables);
        }
        self.then_rounded(a.round.as_ref());
    }

    fn clamp(&mut self, c: &'a Clamp, tables: &mut Vec<Deferred<'a>>) {
        self.operand(&c.value, tables);
        self.raw(", ");
        self.fill(self.w.kept_between, &[&c.min, &c.max], tables);
    }

    fn compare(&mut self, template: &str, a: &'a Args, tables: &mut Vec<Deferred<'a>>) {
        let refs: Vec<&'a Expr> = a.of.iter().collect();
        self.fill(template, &refs, tables);
    }

    fn at_least(&mut self, x: &'a AtLeast, tables: &mut Vec<Deferred<'a>>) {
        let lead = self.w.at_least.replace("{n}", &x.n.to_string());
        self.block_list(&lead, &x.of, tables);
    }

    fn block_list(&mut self, lead: &str, items: &'a [Expr], tables: &mut Vec<Deferred<'a>>) {
        self.esc(lead);
        self.raw("<ul class=\"conditions\">");
        for x in items {
            self.raw("<li>");
            self.expr(x, tables);
            self.raw("</li>");
        }
        self.raw("</ul>");
    }

    /// "if …, then …" for each case, and "otherwise …" for the last.
    fn cases(&mut self, cases: &'a [Case], tables: &mut Vec<Deferred<'a>>) {
        let w = self.w;
        self.raw("<ol class=\"cases\">");
        for c in cases {
            self.raw("<li>");
            match (&c.when, &c.then, &c.otherwise) {
                (Some(cond), Some(then), _) => {
                    self.esc(w.if_);
                    self.raw(" ");
                    self.expr(cond, tables);
                    self.raw(", ");
                    self.esc(w.then);
                    self.raw(" ");
                    self.expr(then, tables);
                }
                (_, _, Some(other)) => {
                    self.esc(w.otherwise_case);
                    self.raw(" ");
                    self.expr(other, tables);
                }
                _ => {}
            }
            self.raw("</li>");
        }
        self.raw("</ol>");
    }

    fn lookup(&mut self, l: &'a Lookup, tables: &mut Vec<Deferred<'a>>) {
        let w = self.w;
        let question = self.rs.inputs.get(&l.answer);
        let several = question.is_some_and(|q| q.ty == InputType::Choices);
        let template = if several { w.lookup_several } else { w.lookup };
        self.fill_name(template, &l.answer);
        tables.push(Deferred::Lookup(l));
    }

    fn scale(&mut self, s: &'a Scale, tables: &mut Vec<Deferred<'a>>) {
        self.fill(self.w.scale, &[&s.value], tables);
        self.then_rounded(s.round.as_ref());
        tables.push(Deferred::Scale(s));
    }

    /// "the answer to {q} is {opts}": the question linked, its options by their labels.
    fn answer_in(&mut self, template: &str, x: &AnswerIn) {
        let (before, after) = template.split_once("{q}").unwrap_or((template, ""));
        let (mid, end) = after.split_once("{opts}").unwrap_or((after, ""));
        self.esc(before);
        self.name_link(&x.answer);
        self.esc(mid);
        for (i, o) in x.options.as_slice().iter().enumerate() {
            if i > 0 {
                self.raw(" ");
                self.esc(self.w.or);
                self.raw(" ");
            }
            self.raw("“");
            self.option_words(&x.answer, o);
            self.raw("”");
        }
        self.esc(end);
    }

    /// A template with `{a}`, `{b}`, `{c}`, `{d}` for the operands, in order.
    fn fill(&mut self, template: &str, args: &[&'a Expr], tables: &mut Vec<Deferred<'a>>) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            self.esc(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                self.esc(&rest[open..]);
                return;
            };
            let k = match &after[..close] {
                "a" => Some(0),
                "b" => Some(1),
                "c" => Some(2),
                "d" => Some(3),
                _ => None,
            };
            match k.and_then(|k| args.get(k)) {
                Some(e) => self.operand(e, tables),
                None => self.esc(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        }
        self.esc(rest);
    }

    /// A template with `{q}` for a linked question.
    fn fill_name(&mut self, template: &str, name: &str) {
        let (before, after) = template.split_once("{q}").unwrap_or((template, ""));
        self.esc(before);
        self.name_link(name);
        self.esc(after);
    }

    /// ", rounded …" after a formula that states its rounding.
    fn then_rounded(&mut self, r: Option<&Rounding>) {
        if let Some(r) = r {
            self.raw(", ");
            self.rounding(r);
        }
    }

    fn rounding(&mut self, r: &Rounding) {
        let w = self.w;
        let dir = match (r.direction, r.better) {
            (Direction::Down, _) => w.round_down,
            (Direction::Up, _) => w.round_up,
            (Direction::Nearest, _) => w.round_nearest,
            (Direction::PersonsFavour, Some(Better::Lower)) => w.round_favour_down,
            (Direction::PersonsFavour, _) => w.round_favour_up,
        };
        let step = match r.to.as_deref() {
            None if r.direction == Direction::Nearest => w.to_default.to_owned(),
            None => String::new(),
            Some("penny") => w.to_penny.to_owned(),
            Some("pound") => w.to_pound.to_owned(),
            Some("whole") => w.to_whole.to_owned(),
            Some(other) => w.to_step.replace("{x}", other),
        };
        let s = dir.replace("{step}", &step);
        self.esc(s.trim_end());
    }
}

/// Calls `f` on `e` and every expression inside it.
pub(super) fn walk<'e>(e: &'e Expr, f: &mut dyn FnMut(&'e Expr)) {
    f(e);
    match e {
        Expr::Name(_) | Expr::Money(_) | Expr::Number(_) | Expr::Percent(_) | Expr::Bool(_) => {}
        Expr::Count(_) | Expr::Age(_) | Expr::AnswerIn(_) | Expr::Includes(_) => {}
        Expr::Sum(a)
        | Expr::Difference(a)
        | Expr::Product(a)
        | Expr::Divide(a)
        | Expr::Min(a)
        | Expr::Max(a)
        | Expr::Gt(a)
        | Expr::Ge(a)
        | Expr::Lt(a)
        | Expr::Le(a)
        | Expr::Eq(a)
        | Expr::Ne(a)
        | Expr::All(a)
        | Expr::Any(a) => a.of.iter().for_each(|x| walk(x, f)),
        Expr::Clamp(c) => {
            walk(&c.value, f);
            walk(&c.min, f);
            walk(&c.max, f);
        }
        Expr::Not(x) | Expr::Lower(x) | Expr::Upper(x) => walk(x, f),
        Expr::AtLeast(x) => x.of.iter().for_each(|y| walk(y, f)),
        Expr::Cases(cs) => {
            for c in cs {
                for x in [&c.when, &c.then, &c.otherwise].into_iter().flatten() {
                    walk(x, f);
                }
            }
        }
        Expr::Lookup(l) => {
            l.table.values().for_each(|x| walk(x, f));
            if let Some(d) = &l.default {
                walk(d, f);
            }
        }
        Expr::Bands(b) => {
            walk(&b.value, f);
            for band in &b.bands {
                walk(&band.from, f);
                for x in [&band.lower, &band.upper, &band.value].into_iter().flatten() {
                    walk(x, f);
                }
            }
        }
        Expr::Scale(s) => {
            walk(&s.value, f);
            for (x, y) in &s.points {
                walk(x, f);
                walk(y, f);
            }
        }
        Expr::Tariff(t) => {
            walk(&t.value, f);
            walk(&t.above, f);
            walk(&t.per, f);
            walk(&t.amount, f);
        }
        Expr::Weekly(x) => walk(&x.value, f),
        Expr::Round(x) => walk(&x.value, f),
        Expr::Range(x) => {
            walk(&x.lower, f);
            walk(&x.upper, f);
        }
    }
}
