//! The result page: a card per answer (its figure, why it is not met, what it still needs,
//! what would change it), the estimate's caveats, what to do next, and the receipt's parts
//! (the answers given and the rules used). Each card's steps are drawn when it is opened.

use carebudget_core::eval::{Evaluation, insert_sorted};
use carebudget_core::explain::{OutputReport, Report, Status, ValueOut, fill_from, long_date};
use carebudget_core::vocab::Role;
use carebudget_html::Html;

use super::{App, Page, order_by};
use crate::words::pick;

impl App {
    pub(super) fn render_result(&self, ev: &Evaluation, report: &Report) -> Html {
        let w = self.w;
        let mut h = Html::new();
        self.result_head(&mut h, report);
        h.raw("<div class=\"cb-results\"").raw(self.rl()).raw(">");
        for o in Self::ordered(report) {
            self.render_output(&mut h, o);
        }
        h.raw("</div>");
        self.result_rules_notes(&mut h, report);
        h.raw("<h2 class=\"cb-m\">")
            .raw(w.caveat_h2)
            .raw("</h2><p>")
            .raw(pick(w.caveat, self.for_other))
            .raw("</p><h2 class=\"cb-m\">")
            .raw(w.next_h2)
            .raw("</h2><p>")
            .raw(pick(w.next_assess, self.for_other))
            .raw("</p><p>")
            .raw(w.next_receipt)
            .raw("</p><div class=\"cb-actions cb-no-print\"><button type=\"button\" class=\"cb-button\" data-act=\"print\">")
            .raw(w.print)
            .raw("</button> <button type=\"button\" class=\"cb-button cb-secondary\" data-act=\"restart\">")
            .raw(w.start_again)
            .raw("</button></div><h2 class=\"cb-m\">")
            .raw(pick(w.answers_h2, self.for_other))
            .raw("</h2>");
        self.summary(&mut h, ev, true);
        self.receipt_about(&mut h, report);
        if let Some(p) = &self.rules_page {
            h.raw("<p><a class=\"cb-link\"")
                .attr("href", p)
                .raw(">")
                .raw(w.rules_page)
                .raw("</a></p>");
        }
        h
    }

    /// Back link, the receipt's title (printed only), heading and notices.
    fn result_head(&self, h: &mut Html, report: &Report) {
        let w = self.w;
        self.back_link(h);
        h.raw("<p class=\"cb-print-only cb-receipt\">").raw(w.receipt);
        if let Some(today) = self.today {
            h.raw(" — ")
                .text(&fill_from(w.printed, &[("date", &long_date(today, w.lang))]));
        }
        h.raw("</p>");
        self.h1_words(h, "cb-l", pick(w.result_h1, self.for_other));
        self.notices(h);
        for warn in &report.warnings {
            self.please_note(h, "", warn);
        }
        if self.for_other && self.program.info.says_you {
            h.raw("<p class=\"cb-notice\">").raw(w.rules_say_you).raw("</p>");
        }
    }

    /// What the rules say about the result as a whole, in their language: later figures
    /// that would change it, the period their figures are for, and what they do not assess.
    fn result_rules_notes(&self, h: &mut Html, report: &Report) {
        let ew = carebudget_core::explain::Words::for_lang(self.rules_lang);
        if let Some(l) = &report.later {
            h.raw("<div class=\"cb-later\" data-later")
                .raw(self.rl())
                .raw("><p>")
                .text(&l.heading)
                .raw("</p>");
            list(h, "<ul class=\"cb-list\">", &l.changes);
            h.raw("</div>");
        }
        if let Some(period) = &report.period {
            self.figures_for(h, period);
        }
        if !report.limitations.is_empty() {
            h.raw("<h2 class=\"cb-m\"")
                .raw(self.rl())
                .raw(">")
                .raw(ew.limitations)
                .raw("</h2><ul class=\"cb-list\" data-limitations")
                .raw(self.rl())
                .raw(">");
            list(h, "", &report.limitations);
        }
    }

    /// "About these rules" on the receipt: which rules, whose, which version, as of when,
    /// what they are built on, and the file's fingerprint.
    fn receipt_about(&self, h: &mut Html, report: &Report) {
        let w = self.w;
        let rs = &self.program.info;
        h.raw("<h2 class=\"cb-m\">")
            .raw(w.about_h2)
            .raw("</h2><dl class=\"cb-sl cb-about\">");
        let about = |h: &mut Html, k: &'static str, v: &dyn Fn(&mut Html)| {
            h.raw("<div class=\"cb-sl-row\"><dt class=\"cb-sl-key\">")
                .raw(k)
                .raw("</dt><dd class=\"cb-sl-value\">");
            v(h);
            h.raw("</dd></div>");
        };
        about(h, w.rules, &|h| self.span(h, &report.ruleset.title));
        about(h, w.publisher, &|h| {
            h.text(&report.ruleset.publisher);
        });
        about(h, w.version, &|h| {
            h.raw("<span data-version>")
                .text(&report.ruleset.version)
                .raw("</span>");
        });
        about(h, w.as_of, &|h| {
            h.text(&long_date(self.as_of, w.lang));
        });
        if !rs.based_on.is_empty() {
            about(h, w.based_on, &|h| {
                h.raw("<span").raw(self.rl()).raw(">");
                for (k, (_, t)) in rs.based_on.iter().enumerate() {
                    if k > 0 {
                        h.raw("; ");
                    }
                    h.text(self.say(t));
                }
                h.raw("</span>");
            });
        }
        about(h, w.fingerprint, &|h| match &self.sha256 {
            Some(s) => {
                h.raw("<code class=\"cb-hash\" data-sha256>").text(s).raw("</code>");
            }
            None => {
                h.raw(w.no_fingerprint);
            }
        });
        h.raw("</dl>");
    }

    /// One result card; its steps are drawn when opened ([`App::steps_html`]).
    fn render_output(&self, h: &mut Html, o: &OutputReport) {
        let w = self.w;
        // Money a person pays or gets is weekly; a yes/no or a count is not.
        let weekly = matches!(o.role, Role::Budget | Role::Contribution | Role::CouncilShare)
            || matches!(o.value, Some(ValueOut::Money { .. }) | Some(ValueOut::Range { .. })) && o.role != Role::Other;
        h.raw("<section class=\"cb-card cb-role-")
            .raw(role_name(o.role))
            .raw("\"")
            .attr("data-output", &o.id)
            .raw(" aria-labelledby=\"cb-o-")
            .text(&o.id)
            .raw("\"><h2 class=\"cb-m\" id=\"cb-o-")
            .text(&o.id)
            .raw("\">")
            .text(&o.label)
            .raw("</h2><p class=\"cb-figure\"")
            .attr("data-status", o.status.name())
            .raw("><span data-value>")
            .text(&o.text)
            .raw("</span>");
        if weekly && o.status == Status::Known {
            h.raw(" <span class=\"cb-per\">").raw(w.a_week).raw("</span>");
        }
        h.raw("</p>");
        self.eligibility_words(h, o);
        if o.status == Status::Unknown && !o.needs.is_empty() {
            h.raw("<p>").raw(w.still_needed).raw("</p>");
            let needs: Vec<&str> = o.needs.iter().map(|n| n.question.as_str()).collect();
            list(h, "<ul class=\"cb-list\">", &needs);
        }
        if let Some(e) = &o.error {
            h.raw("<p class=\"cb-error-message\">")
                .raw(w.could_not)
                .raw(" ")
                .text(e)
                .raw("</p>");
        }
        // What would change this: the threshold the figures came nearest to crossing (every
        // other is in its step, under "How we worked this out").
        if let Some(n) = &o.nearest {
            h.raw("<h3 class=\"cb-s\">")
                .raw(w.what_change)
                .raw("</h3><p class=\"cb-change\">")
                .text(n)
                .raw("</p>");
        }
        if !o.steps.is_empty() {
            h.raw("<details class=\"cb-details\"")
                .attr("data-steps", &o.id)
                .raw("><summary class=\"cb-summary\">")
                .raw(w.how_worked)
                .raw("</summary><ol class=\"cb-steps\"></ol></details>");
        }
        h.raw("</section>");
    }

    /// Eligibility in words: likely, or not likely and the conditions not met.
    fn eligibility_words(&self, h: &mut Html, o: &OutputReport) {
        let w = self.w;
        if o.role != Role::Eligibility {
            return;
        }
        match &o.value {
            Some(ValueOut::YesNo { value: true }) => {
                h.raw("<p>").raw(pick(w.eligible_yes, self.for_other)).raw("</p>");
            }
            Some(ValueOut::YesNo { value: false }) => {
                h.raw("<p>").raw(pick(w.eligible_no, self.for_other)).raw("</p>");
                let because = o.steps.last().map(|s| s.because.as_slice()).unwrap_or_default();
                list(h, "<ul class=\"cb-list cb-not-met\">", because);
            }
            _ => {}
        }
    }

    /// The result cards in the order shown: eligibility first, then the budget, then who
    /// pays, then anything else. An answer that does not apply to the person (a carer's
    /// eligibility, for someone checking their own care) is left out, not shown as "No".
    fn ordered(report: &Report) -> Vec<&OutputReport> {
        let rank = |r: Role| match r {
            Role::Eligibility => 0,
            Role::Budget => 1,
            Role::Contribution => 2,
            Role::CouncilShare => 3,
            Role::Other => 4,
        };
        let outs: Vec<&OutputReport> = report
            .outputs
            .iter()
            .filter(|o| o.status != Status::NotApplicable)
            .collect();
        order_by(outs.len(), |k| rank(outs[k].role)).map(|k| outs[k]).collect()
    }

    /// The steps of result card `output` ("How we worked this out"), drawn when it is first
    /// opened rather than with the page: they are most of a result page's markup, and an
    /// answer change should redraw within a frame. Steps an earlier card explains are named
    /// there with their value only, exactly as if every card were drawn at once.
    pub fn steps_html(&self, output: &str) -> Option<String> {
        self.cards_steps(Some(output)).pop().map(|(_, h)| h)
    }

    /// Every card's steps, from one explanation (for printing).
    pub fn all_steps_html(&self) -> Vec<(String, String)> {
        self.cards_steps(None)
    }

    /// `(output id, steps)` for card `only`, or for every card. Earlier cards' steps only
    /// count as shown; their markup is not written unless asked for.
    fn cards_steps(&self, only: Option<&str>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if self.page != Page::Result {
            return out;
        }
        let report = self.report();
        let merged = !self.program.info.based_on.is_empty();
        let mut shown = Vec::new();
        for o in Self::ordered(&report) {
            if only.is_none_or(|id| id == o.id) {
                out.push((o.id.clone(), self.steps_list(o, merged, &mut shown)));
                if only.is_some() {
                    break;
                }
            } else {
                for s in &o.steps {
                    insert_sorted(&mut shown, s.rule.clone());
                }
            }
        }
        out
    }

    /// What the live region says once a result is shown.
    pub fn announcement(&self) -> Option<String> {
        (self.page == Page::Result).then(|| self.announce(&self.report()))
    }

    pub(super) fn announce(&self, report: &Report) -> String {
        let mut s = self.w.ready.to_owned();
        for o in &report.outputs {
            s += &format!(" {}: {}.", o.label, o.text);
        }
        s
    }
}

/// `open` (a list's opening tag, or nothing if it is written), then `items` as text, each
/// in `<li>`, and the list's end.
fn list(h: &mut Html, open: &'static str, items: &[impl AsRef<str>]) {
    h.raw(open);
    for it in items {
        h.raw("<li>").text(it.as_ref()).raw("</li>");
    }
    h.raw("</ul>");
}

/// The card's class, for its colour.
fn role_name(r: Role) -> &'static str {
    match r {
        Role::Eligibility => "eligibility",
        Role::Budget => "budget",
        Role::Contribution => "contribution",
        Role::CouncilShare => "council-share",
        Role::Other => "other",
    }
}
