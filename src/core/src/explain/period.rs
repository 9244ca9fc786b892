//! The rules' period: in words, what to say when the date is outside it, and what the same
//! answers give under the next figures the rules hold.

use super::*;

/// The same answers under the next figures the rules hold after `ev.as_of`: the first of
/// the next eight dates on which a figure changes where an answer changes with it. Both
/// evaluations use the same answers, so the lines differ only by the figures.
pub fn later(p: &Program, answers: &Answers, ev: &Evaluation, lang: Lang, fo: bool) -> Option<Later> {
    let w = Words::for_lang(lang);
    let mut after = ev.as_of;
    for _ in 0..8 {
        // The next date on which any figure changes.
        let date = p
            .params
            .iter()
            .flat_map(|x| &x.timeline)
            .map(|d| d.from)
            .filter(|d| *d > after)
            .min()?;
        after = date;
        let then = evaluate(p, answers, date, false);
        let mut changes = Vec::new();
        for (o, out) in p.outputs.iter().enumerate() {
            let r = out.rule as usize;
            if let (Outcome::Known(now), Outcome::Known(next)) = (&ev.rules[r], &then.rules[r])
                && now != next
                && ev.applies(o)
                && then.applies(o)
            {
                let ty = p.rules[r].ty;
                let label = out.label.as_ref().unwrap_or(&p.info.rules[r].label).say(lang, fo);
                changes.push(fill_from(
                    w.later_change,
                    &[
                        ("label", label),
                        ("new", &format_value(next, Some(ty), w)),
                        ("old", &format_value(now, Some(ty), w)),
                    ],
                ));
            }
        }
        if !changes.is_empty() {
            let words = long_date(date, lang);
            return Some(Later {
                as_of: date.to_string(),
                heading: fill_from(w.later_heading, &[("date", &words)]),
                date: words,
                changes,
            });
        }
    }
    None
}

/// The rules' period in words: "6 April 2026 to 5 April 2027".
pub fn period_words((from, to): (Date, Option<Date>), lang: Lang) -> String {
    let w = Words::for_lang(lang);
    match to {
        Some(to) => fill_from(
            w.period_between,
            &[("a", &long_date(from, lang)), ("b", &long_date(to, lang))],
        ),
        None => fill_from(w.period_from, &[("a", &long_date(from, lang))]),
    }
}

/// What to tell the reader when `as_of` falls outside the rules' period: after it, the
/// figures may have changed since; before it, the rules then may have been different.
pub fn out_of_force(in_force: Option<(Date, Option<Date>)>, as_of: Date, lang: Lang) -> Option<String> {
    let (from, to) = in_force?;
    let w = Words::for_lang(lang);
    let template = if as_of < from {
        w.before_force
    } else if to.is_some_and(|to| as_of > to) {
        w.out_of_force
    } else {
        return None;
    };
    let period = period_words((from, to), lang);
    Some(fill_from(
        template,
        &[("period", &period), ("date", &long_date(as_of, lang))],
    ))
}
