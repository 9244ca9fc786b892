//! The fixed phrases of explanations in English and Welsh, and the one way placeholders in
//! them and in rulesets' templates are filled.

use super::*;

/// Replaces `{name}` placeholders; unknown names are left as written (check forbids them).
/// (One instance for every caller: a closure behind `dyn`, not a copy of this per caller.)
pub fn fill(template: &str, value: &mut dyn FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                rest = &after[close + 1..];
                match value(name) {
                    // An empty value between spaces takes one with it: "is {gap} above"
                    // without a margin reads "is above", not "is  above".
                    Some(v) if v.is_empty() && out.ends_with(' ') && rest.starts_with(' ') => rest = &rest[1..],
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// [`fill`] from `(name, value)` pairs: the widget's and explanations' fixed phrases. One
/// pass, so a value that itself contains `{name}` (a ruleset's label can) stays as written,
/// which chained `replace` calls would not do.
pub fn fill_from(template: &str, values: &[(&str, &str)]) -> String {
    fill(template, &mut |name| {
        values.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
    })
}

/// The fixed phrases of explanations, per language. Templates in rulesets cover the rest.
pub struct Words {
    pub lang: Lang,
    pub yes: &'static str,
    pub no: &'static str,
    pub none: &'static str,
    pub points: &'static str,
    pub range: &'static str,
    pub not_known: &'static str,
    pub not_applicable: &'static str,
    pub failed: &'static str,
    pub not_asked: &'static str,
    pub not_needed: &'static str,
    pub below: &'static str,
    pub above: &'static str,
    pub equal: &'static str,
    pub needs_at_least: &'static str,
    pub needs_more_than: &'static str,
    pub needs_at_most: &'static str,
    pub needs_less_than: &'static str,
    pub needs_equal: &'static str,
    pub needs_not_equal: &'static str,
    pub not_met: &'static str,
    pub held: &'static str,
    pub too_few: &'static str,
    pub not_answer: &'static str,
    pub out_of_force: &'static str,
    pub before_force: &'static str,
    pub not_assessed: &'static str,
    pub could_not: &'static str,
    pub could_not_plain: &'static str,
    pub too_large: &'static str,
    pub division_by_zero: &'static str,
    pub not_in_force: &'static str,
    pub rules_mistake: &'static str,
    pub not_assessed_because: &'static str,
    pub period_between: &'static str,
    pub period_from: &'static str,
    /// "Figures for {period}": the CLI's and receipts' line saying which year's figures.
    pub figures_for: &'static str,
    pub later_heading: &'static str,
    pub later_change: &'static str,
    pub limitations: &'static str,
    /// Headings and labels for a printed report (the CLI's, a receipt's).
    pub how_worked_out: &'static str,
    pub still_needed: &'static str,
    pub problem: &'static str,
    pub because: &'static str,
    pub source: &'static str,
    pub from: &'static str,
    pub unverified: &'static str,
    pub illustrative: &'static str,
    pub warning: &'static str,
    pub version: &'static str,
    pub rules_as_of: &'static str,
    pub caveat: &'static str,
    periods: [&'static str; 5],
}

impl Words {
    pub fn for_lang(lang: Lang) -> &'static Words {
        match lang {
            Lang::En => &EN,
            Lang::Cy => &CY,
        }
    }

    pub(super) fn period(&self, p: Period) -> &'static str {
        self.periods[p.index()]
    }
}

static EN: Words = Words {
    lang: Lang::En,
    yes: "Yes",
    no: "No",
    none: "None",
    points: "points",
    range: "{a} to {b}",
    not_known: "not known yet",
    not_applicable: "does not apply",
    failed: "could not be worked out",
    not_asked: "not asked",
    not_needed: "not needed for this result",
    below: "{a} is {gap} below {b}.",
    above: "{a} is {gap} above {b}.",
    equal: "{a} is the same as {b}.",
    needs_at_least: "It needs to be at least {b}.",
    needs_more_than: "It needs to be more than {b}.",
    needs_at_most: "It needs to be no more than {b}.",
    needs_less_than: "It needs to be less than {b}.",
    needs_equal: "It needs to equal {b}.",
    needs_not_equal: "It needs to differ from {b}.",
    not_met: "“{x}” is not met.",
    held: "“{x}” applies.",
    too_few: "{have} of these {of} apply; at least {need} are needed.",
    not_answer: "The answer to “{x}” is not {opts}.",
    out_of_force: "These rules are for {period}, but the date asked about is {date}: the figures may have changed since.",
    before_force: "These rules are for {period}, but the date asked about is {date}, before that: the rules then may have been different.",
    not_assessed: "not assessed: its questions were not asked",
    could_not: "“{x}” could not be worked out: {why}.",
    could_not_plain: "This could not be worked out: {why}.",
    too_large: "an amount is larger than this calculator can hold",
    division_by_zero: "it would mean dividing by zero",
    not_in_force: "the rules hold no figure for “{x}” on {date}; their first is from {first}",
    rules_mistake: "the rules themselves have a mistake here ({detail})",
    not_assessed_because: "“{x}” was not assessed: its questions were not asked, because “{y}” is not met.",
    period_between: "{a} to {b}",
    period_from: "from {a}",
    figures_for: "Figures for {period}. They change every April.",
    later_heading: "From {date}, with the figures that take effect then:",
    later_change: "{label}: {new} (now {old})",
    limitations: "What these rules leave out",
    how_worked_out: "How this was worked out",
    still_needed: "Still needed to decide this",
    problem: "Problem",
    because: "because",
    source: "source",
    from: "from",
    unverified: "not yet confirmed from an official source",
    illustrative: "These rules are illustrative: invented for demonstration, not any council's real policy.",
    warning: "Warning",
    version: "version",
    rules_as_of: "rules as of",
    caveat: "This is an estimate from the published rules, not a decision. Only an assessment by the council decides.",
    periods: ["a week", "a fortnight", "every four weeks", "a month", "a year"],
};

// Welsh phrasing: reviewed against common public-service usage; a native speaker's review
// is still wanted before publication (docs/welsh-review.md).
static CY: Words = Words {
    lang: Lang::Cy,
    yes: "Ie",
    no: "Na",
    none: "Dim",
    points: "pwynt",
    range: "{a} i {b}",
    not_known: "heb ei wybod eto",
    not_applicable: "nid yw'n berthnasol",
    failed: "ni ellid ei gyfrifo",
    not_asked: "heb ei ofyn",
    not_needed: "nid oes ei angen ar gyfer y canlyniad hwn",
    below: "Mae {a} {gap} yn is na {b}.",
    above: "Mae {a} {gap} yn uwch na {b}.",
    equal: "Mae {a} yr un fath â {b}.",
    needs_at_least: "Mae angen iddo fod o leiaf {b}.",
    needs_more_than: "Mae angen iddo fod yn fwy na {b}.",
    needs_at_most: "Mae angen iddo fod dim mwy na {b}.",
    needs_less_than: "Mae angen iddo fod yn llai na {b}.",
    needs_equal: "Mae angen iddo fod yn hafal i {b}.",
    needs_not_equal: "Mae angen iddo fod yn wahanol i {b}.",
    not_met: "Nid yw “{x}” wedi'i fodloni.",
    held: "Mae “{x}” yn berthnasol.",
    too_few: "Mae {have} o'r {of} hyn yn berthnasol; mae angen o leiaf {need}.",
    not_answer: "Nid {opts} yw'r ateb i “{x}”.",
    out_of_force: "Mae'r rheolau hyn ar gyfer {period}, ond {date} yw'r dyddiad dan sylw: efallai bod y ffigurau wedi newid ers hynny.",
    before_force: "Mae'r rheolau hyn ar gyfer {period}, ond {date} yw'r dyddiad dan sylw, sydd cyn hynny: efallai fod y rheolau'n wahanol bryd hynny.",
    not_assessed: "heb ei asesu: ni ofynnwyd ei gwestiynau",
    could_not: "Ni ellid cyfrifo “{x}”: {why}.",
    could_not_plain: "Ni ellid cyfrifo hyn: {why}.",
    too_large: "mae swm yn fwy nag y gall y cyfrifiannell hwn ei ddal",
    division_by_zero: "byddai'n golygu rhannu â sero",
    not_in_force: "nid oes gan y rheolau ffigur ar gyfer “{x}” ar {date}; mae eu ffigur cyntaf o {first}",
    rules_mistake: "mae camgymeriad yn y rheolau eu hunain yma ({detail})",
    not_assessed_because: "Ni aseswyd “{x}”: ni ofynnwyd ei gwestiynau, oherwydd nad yw “{y}” wedi'i fodloni.",
    period_between: "{a} i {b}",
    period_from: "o {a}",
    figures_for: "Ffigurau ar gyfer {period}. Maen nhw'n newid bob mis Ebrill.",
    later_heading: "O {date}, gyda'r ffigurau sy'n dod i rym bryd hynny:",
    later_change: "{label}: {new} (nawr {old})",
    limitations: "Beth mae'r rheolau hyn yn ei adael allan",
    how_worked_out: "Sut y cyfrifwyd hyn",
    still_needed: "Angen o hyd i benderfynu hyn",
    problem: "Problem",
    because: "oherwydd",
    source: "ffynhonnell",
    from: "o",
    unverified: "heb ei gadarnhau eto o ffynhonnell swyddogol",
    illustrative: "Rheolau enghreifftiol yw'r rhain: wedi'u dyfeisio ar gyfer arddangos, nid polisi go iawn unrhyw gyngor.",
    warning: "Rhybudd",
    version: "fersiwn",
    rules_as_of: "rheolau ar",
    caveat: "Amcangyfrif o'r rheolau cyhoeddedig yw hwn, nid penderfyniad. Dim ond asesiad gan y cyngor sy'n penderfynu.",
    periods: ["yr wythnos", "y pythefnos", "bob pedair wythnos", "y mis", "y flwyddyn"],
};

impl Text {
    /// Convenience for explanations: the text in `lang` as an owned string.
    pub fn owned(&self, lang: Lang) -> String {
        self.get(lang).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once_and_unknown_ones_kept() {
        assert_eq!(
            fill_from("{a} is below {b}", &[("a", "£5.00"), ("b", "£10.00")]),
            "£5.00 is below £10.00"
        );
        // A value that looks like a placeholder is not filled again.
        assert_eq!(fill_from("{x} or {y}", &[("x", "{y}"), ("y", "two")]), "{y} or two");
        assert_eq!(fill_from("{nope} and {", &[("x", "1")]), "{nope} and {");
        assert_eq!(fill_from("no placeholders", &[]), "no placeholders");
        // An empty value does not leave two spaces behind.
        assert_eq!(
            fill_from("{a} is {gap} above {b}.", &[("a", "A"), ("gap", ""), ("b", "B")]),
            "A is above B."
        );
        assert_eq!(
            fill_from("Mae {a} {gap} yn uwch", &[("a", "A"), ("gap", "")]),
            "Mae A yn uwch"
        );
        assert_eq!(fill_from("({gap})", &[("gap", "")]), "()");
    }
}
