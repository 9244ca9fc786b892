//! The start page: what the calculator gives, how long it takes, that nothing leaves the
//! device, and whether it is filled in for someone else.

use carebudget_html::Html;

use super::App;
use super::page::{fill, text};

impl App {
    pub(super) fn render_start(&self) -> Html {
        let w = self.w;
        let rs = &self.program.info;
        // About 20 seconds a question, for the questions anyone could be asked.
        let ev = self.evaluate(false);
        let possible = ev.asked.iter().filter(|a| **a != Some(false)).count();
        let minutes = (possible * 20).div_ceil(60).clamp(2, 30);
        let mut h = Html::new();
        self.h1_words(&mut h, "cb-xl", w.start_h1);
        h.raw("<p>").raw(w.start_gives).raw("</p><ul class=\"cb-list\">");
        for li in w.start_list {
            h.raw("<li>").raw(li).raw("</li>");
        }
        h.raw("</ul><p>");
        let mut title = Html::new();
        self.span(&mut title, self.say(&rs.title));
        fill(
            &mut h,
            w.start_rules,
            true,
            &[("title", &title), ("version", &text(&rs.version))],
        );
        h.raw("</p>");
        self.figures_note(&mut h);
        h.raw("<p>");
        fill(&mut h, w.takes, false, &[("n", &text(&minutes.to_string()))]);
        h.raw("</p><p class=\"cb-inset\">")
            .raw(w.private)
            .raw("</p><p>")
            .raw(w.estimate_only)
            .raw("</p>");
        self.notices(&mut h);
        h.raw(
            "<form data-form=\"start\" novalidate><div class=\"cb-group\"><div class=\"cb-checkboxes\"><div class=\"cb-check\">\
             <input class=\"cb-check-input\" id=\"cb-for-other\" name=\"for_other\" type=\"checkbox\" value=\"yes\" aria-describedby=\"cb-for-other-hint\"",
        )
        .raw(if self.for_other { " checked" } else { "" })
        .raw("><label class=\"cb-check-label\" for=\"cb-for-other\">")
        .raw(w.for_other_label)
        .raw("</label><div id=\"cb-for-other-hint\" class=\"cb-hint cb-check-hint\">")
        .raw(w.for_other_hint)
        .raw("</div></div></div></div><button type=\"submit\" class=\"cb-button cb-start\">")
        .raw(w.start_button)
        .raw(" <span aria-hidden=\"true\">→</span></button></form>");
        h
    }
}
