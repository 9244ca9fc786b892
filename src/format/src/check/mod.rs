//! Type-checks a merged ruleset and compiles it into a [`Program`].
//!
//! Collects every error at once (unknown names, wrong types, cycles, missing sources,
//! limits) with its path, plus lints (unused parameters and questions, missing Welsh).
//!
//! One pass per concern, in this order: the ruleset's metadata and names (here), parameters,
//! questions and rules (`items`, `inputs`), their expressions (`exprs`), the evaluation order
//! (`order`), then the words the program carries (`info`) and the warnings (`lint`).

use std::collections::HashMap;

use crate::expr::is_name;
use crate::model::{FORMAT, Ruleset};
use carebudget_core::diagnostic::{Diagnostic, join};
use carebudget_core::limits::*;
use carebudget_core::program::*;

mod exprs;
mod info;
mod inputs;
mod items;
mod lint;
mod names;
mod order;

pub use names::value_type_name;

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
    let you = lint::says_you(ruleset);
    let program = Program {
        info: info::info(ruleset, !you.is_empty()),
        inputs,
        params,
        rules,
        outputs,
        order,
    };
    lint::lint(ruleset, &program, &you, &mut diags);
    Ok((program, diags))
}

/// A section of the ruleset's names: where they are, the names, how to refer to one.
type NameGroup<'a> = (&'static str, Vec<&'a String>, fn(u32) -> Ref);

struct Checker<'a> {
    rs: &'a Ruleset,
    diags: Vec<Diagnostic>,
    names: HashMap<&'a str, Ref>,
    /// Expression parts checked so far, against `MAX_NODES`.
    nodes: usize,
}

/// The context one expression is checked in.
struct Scope<'s> {
    /// What the expression refers to, each once, in the order first used.
    uses: Vec<Ref>,
    depth: usize,
    /// The questions' shapes (types and options), which names and operators are typed by.
    inputs: &'s [InputInfo],
}

impl<'s> Scope<'s> {
    fn new(inputs: &'s [InputInfo]) -> Self {
        Scope {
            uses: Vec::new(),
            depth: 0,
            inputs,
        }
    }

    /// Records that the expression refers to `r` (once).
    fn refer(&mut self, r: Ref) {
        if !self.uses.contains(&r) {
            self.uses.push(r);
        }
    }
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
        self.sizes();
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

    /// How many items and examples the ruleset may have (`limits`).
    fn sizes(&mut self) {
        let rs = self.rs;
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
}
