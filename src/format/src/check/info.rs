//! The ruleset's words (titles, questions, labels, templates, sources), indexed like the
//! program's items, so the program needs no model types to explain itself.

use crate::model::{Input, Ruleset};
use carebudget_core::program::*;
use carebudget_core::text::{Lang, Text};

/// The ruleset's words, indexed like the program's items.
pub(super) fn info(rs: &Ruleset, says_you: bool) -> Info {
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
        inputs: rs.inputs.values().map(input_text).collect(),
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

fn input_text(q: &Input) -> InputText {
    InputText {
        section: q.section.clone(),
        // One mechanism for wording for someone else: `question_for_other` becomes the
        // question's `for_other` (the checker refuses both at once).
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
    }
}
