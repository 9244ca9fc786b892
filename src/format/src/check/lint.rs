//! Warnings: things that are legal but probably mistakes.

use carebudget_core::diagnostic::{Diagnostic, join};
use carebudget_core::program::*;
use carebudget_core::text::{Lang, Text};

use crate::model::Ruleset;

/// Warnings: things that are legal but probably mistakes.
pub(super) fn lint(rs: &Ruleset, p: &Program, says_you: &[String], diags: &mut Vec<Diagnostic>) {
    unused(p, diags);
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
        no_welsh(rs, diags);
    }
}

/// Parameters, questions and rules that nothing uses.
fn unused(p: &Program, diags: &mut Vec<Diagnostic>) {
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
}

/// Questions and rule labels with no Welsh, in a ruleset that lists Welsh.
fn no_welsh(rs: &Ruleset, diags: &mut Vec<Diagnostic>) {
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

/// The paths of the ruleset's words that say "you" in English with no `for_other` wording
/// (for a question, no `question_for_other` either): for someone filling the form in for
/// another person, "you" there means the wrong person.
pub(super) fn says_you(rs: &Ruleset) -> Vec<String> {
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
