//! A question's page: the frame every question shares (section, introduction, hint,
//! heading, errors, progress) and, by kind of question, its inputs: one choice, several
//! choices, yes or no, money with or without how often, a whole number or number, a date.

use carebudget_core::money::Money;
use carebudget_core::program::{InputText, Ty, Value};
use carebudget_core::text::Text;
use carebudget_core::vocab::{InputType, Period};
use carebudget_html::Html;

use super::page::{fill, text};
use super::{App, FieldError, field, order_by};

/// A radio button or checkbox: its value, label and hint (ruleset text, or our own words).
struct Item<'a> {
    value: &'a str,
    label: Words<'a>,
    hint: Option<&'a Text>,
}

/// An item's label: the ruleset's text (in its language) or the widget's own words.
enum Words<'a> {
    Rules(&'a Text),
    Ours(&'static str),
}

/// A radio button (in group `name`) or a checkbox (exclusive: "None of these").
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Radio(&'static str),
    Check(bool),
}

/// What every kind of question's markup shares, worked out once per page.
struct Ask<'a> {
    /// The values to show in the form.
    values: Vec<(String, String)>,
    /// The section's title.
    caption: Html,
    /// The section's introduction (on its first question only) and the question's hint.
    intro_hint: Html,
    has_hint: bool,
    /// The question.
    title: String,
    /// The question as a fieldset's legend holding the page's heading.
    legend: Html,
    /// The error on the answer itself (not on how often).
    err: Option<&'a FieldError>,
    error_q: Html,
    input_err: &'static str,
}

impl Ask<'_> {
    fn checked(&self, k: &str, v: &str) -> &'static str {
        if self.values.iter().any(|(a, b)| a == k && b == v) {
            " checked"
        } else {
            ""
        }
    }

    /// ` value="…"`: what was typed into field `k`, or the answer held.
    fn value(&self, h: &mut Html, k: &str) {
        h.attr("value", field(&self.values, k));
    }

    /// ` aria-describedby` for the answer: the hint, `extra`, the error, as there are.
    fn describe(&self, h: &mut Html, extra: &'static str) {
        let mut ids = Vec::new();
        if self.has_hint {
            ids.push("cb-hint");
        }
        if !extra.is_empty() {
            ids.push(extra);
        }
        if self.err.is_some() {
            ids.push("cb-error");
        }
        if !ids.is_empty() {
            h.attr("aria-describedby", &ids.join(" "));
        }
    }

    /// `<fieldset…>`, the legend, introduction and hint: how most questions begin.
    fn fieldset(&self, h: &mut Html, role: &'static str, extra: &'static str) {
        h.raw("<fieldset class=\"cb-fieldset\"").raw(role);
        self.describe(h, extra);
        h.raw(">").html(&self.legend).html(&self.intro_hint);
    }
}

/// Opens a form group, marked when it has an error; the caller closes it (`</div>`).
fn group(h: &mut Html, err: bool) -> &mut Html {
    h.raw(if err {
        "<div class=\"cb-group cb-group-error\">"
    } else {
        "<div class=\"cb-group\">"
    })
}

impl App {
    pub(super) fn render_question(&self, i: u32) -> Html {
        let w = self.w;
        let info = &self.program.inputs[i as usize];
        let q = &self.program.info.inputs[i as usize];
        let seen = self.journey_around(i);
        let a = self.ask(i, &seen);
        let mut h = Html::new();
        self.back_link(&mut h);
        h.raw("<form data-form=\"question\"")
            .attr("data-input", &info.id)
            .raw(" novalidate>");
        self.error_summary(&mut h);
        match info.ty {
            Ty::Choice(_) => self.choice(&mut h, &a, q),
            Ty::Bool => self.yes_no(&mut h, &a),
            Ty::Choices(_) => self.choices(&mut h, &a, q),
            Ty::Periodic => self.money_periodic(&mut h, &a, &info.periods),
            Ty::Money => self.money(&mut h, &a),
            Ty::Number | Ty::Range => self.number(&mut h, &a, info.kind),
            Ty::Date => self.date(&mut h, &a),
        }
        h.raw("<button type=\"submit\" class=\"cb-button\">")
            .raw(w.continue_)
            .raw("</button></form><p class=\"cb-progress\">");
        // Progress: this question's place among those answered and still needed.
        let n = seen.iter().position(|&x| x == i).unwrap_or(0) + 1;
        let (n, m) = (text(&n.to_string()), text(&seen.len().to_string()));
        fill(&mut h, w.question_of, false, &[("n", &n), ("m", &m)]);
        h.raw("</p>");
        h
    }

    /// The questions answered and still needed, with `i`, in the order asked.
    fn journey_around(&self, i: u32) -> Vec<u32> {
        let ev = self.evaluate(false);
        let mut seen = self.answered(&ev);
        seen.extend(self.needed(&ev));
        if !seen.contains(&i) {
            seen.push(i);
        }
        let mut seen: Vec<u32> = order_by(seen.len(), |k| self.position(seen[k]))
            .map(|k| seen[k])
            .collect();
        seen.dedup();
        seen
    }

    /// The parts of question `i`'s page that do not depend on its kind.
    fn ask(&self, i: u32, seen: &[u32]) -> Ask<'_> {
        let rs = &self.program.info;
        let q = &rs.inputs[i as usize];
        let section = rs.sections.get(&q.section);
        let mut caption = Html::new();
        if let Some(s) = section {
            caption
                .raw("<span class=\"cb-caption\"")
                .raw(self.rl())
                .raw(">")
                .text(self.say(&s.title))
                .raw("</span>");
        }
        // A section's introduction, on its first question.
        let first_in_section = !seen
            .iter()
            .any(|&x| self.position(x) < self.position(i) && rs.inputs[x as usize].section == q.section);
        let mut intro_hint = Html::new();
        if let Some(t) = section.and_then(|s| s.intro.as_ref()).filter(|_| first_in_section) {
            intro_hint
                .raw("<p class=\"cb-intro\"")
                .raw(self.rl())
                .raw(">")
                .text(self.say(t))
                .raw("</p>");
        }
        if let Some(t) = &q.hint {
            intro_hint
                .raw("<div id=\"cb-hint\" class=\"cb-hint\"")
                .raw(self.rl())
                .raw(">")
                .text(self.say(t))
                .raw("</div>");
        }
        let err = self.error_for(&["cb-q", "cb-d", "cb-m", "cb-y"]);
        let title = self.question(i);
        let mut heading = Html::new();
        self.span(&mut heading, &title);
        let mut legend = Html::new();
        legend.raw("<legend class=\"cb-legend\">").html(&caption);
        self.h1(&mut legend, "cb-l", &heading);
        legend.raw("</legend>");
        let mut error_q = Html::new();
        self.error_message(&mut error_q, err, "cb-error");
        Ask {
            values: self.prefill(i),
            caption,
            intro_hint,
            has_hint: q.hint.is_some(),
            title,
            legend,
            err,
            error_q,
            input_err: if err.is_some() { " cb-input-error" } else { "" },
        }
    }

    /// The values to show in the form: what was typed (after an error), else the answer held.
    fn prefill(&self, i: u32) -> Vec<(String, String)> {
        if !self.draft.is_empty() {
            return self.draft.clone();
        }
        let s = |k: &str, v: String| (k.to_owned(), v);
        // Whole pounds as people type them: 150, not 150.00.
        let money = |m: Money| {
            if m.pence() % 100 == 0 {
                (m.pence() / 100).to_string()
            } else {
                m.plain()
            }
        };
        match &self.answers[i as usize] {
            None => Vec::new(),
            Some(Value::Choice(c)) => vec![s("answer", c.clone())],
            Some(Value::Bool(b)) => vec![s("answer", if *b { "yes" } else { "no" }.into())],
            Some(Value::Choices(cs)) if cs.is_empty() => vec![s("answer", "-none".into())],
            Some(Value::Choices(cs)) => cs.iter().map(|c| s("answer", c.clone())).collect(),
            Some(Value::Money(m)) => vec![s("answer", money(*m))],
            Some(Value::Periodic(m, p)) => vec![s("amount", money(*m)), s("period", p.name().into())],
            Some(Value::Number(d)) => vec![s("answer", d.normalize().to_string())],
            Some(Value::Date(d)) => vec![
                s("day", d.day.to_string()),
                s("month", d.month.to_string()),
                s("year", d.year.to_string()),
            ],
            Some(Value::Range(..)) => Vec::new(),
        }
    }

    /// The question's options as items.
    fn options<'a>(&self, q: &'a InputText) -> Vec<Item<'a>> {
        q.options
            .iter()
            .map(|(k, c)| Item {
                value: k,
                label: Words::Rules(&c.label),
                hint: c.hint.as_ref(),
            })
            .collect()
    }

    /// A radio button or checkbox and its label and hint.
    fn item(&self, h: &mut Html, a: &Ask, it: &Item, id: &str, kind: Kind) {
        let (name, is_radio) = match kind {
            Kind::Radio(name) => (name, true),
            Kind::Check(_) => ("answer", false),
        };
        h.raw(if is_radio {
            "<div class=\"cb-radio\"><input class=\"cb-radio-input\""
        } else {
            "<div class=\"cb-check\"><input class=\"cb-check-input\""
        })
        .attr("id", id)
        .attr("name", name)
        .raw(if is_radio {
            " type=\"radio\""
        } else {
            " type=\"checkbox\""
        })
        .attr("value", it.value)
        .raw(a.checked(name, it.value))
        .raw(if kind == Kind::Check(true) {
            " data-exclusive"
        } else {
            ""
        });
        if it.hint.is_some() {
            h.raw(" aria-describedby=\"").text(id).raw("-hint\"");
        }
        h.raw(if is_radio {
            "><label class=\"cb-radio-label\""
        } else {
            "><label class=\"cb-check-label\""
        })
        .attr("for", id)
        .raw(">");
        match it.label {
            Words::Rules(t) => self.span(h, self.say(t)),
            Words::Ours(s) => {
                h.raw(s);
            }
        }
        h.raw("</label>");
        if let Some(t) = it.hint {
            h.raw("<div id=\"").text(id).raw(if is_radio {
                "-hint\" class=\"cb-hint cb-radio-hint\">"
            } else {
                "-hint\" class=\"cb-hint cb-check-hint\">"
            });
            self.span(h, self.say(t));
            h.raw("</div>");
        }
        h.raw("</div>");
    }

    fn radios(&self, h: &mut Html, a: &Ask, items: &[Item], name: &'static str, first_id: &'static str, inline: bool) {
        h.raw(if inline {
            "<div class=\"cb-radios cb-inline\">"
        } else {
            "<div class=\"cb-radios\">"
        });
        for (k, it) in items.iter().enumerate() {
            let id = if k == 0 {
                first_id.to_owned()
            } else {
                format!("{first_id}-{k}")
            };
            self.item(h, a, it, &id, Kind::Radio(name));
        }
        h.raw("</div>");
    }

    /// One answer from radio buttons, the question as the fieldset's legend.
    fn radio_question(&self, h: &mut Html, a: &Ask, items: &[Item], inline: bool) {
        group(h, a.err.is_some());
        a.fieldset(h, "", "");
        h.html(&a.error_q);
        self.radios(h, a, items, "answer", "cb-q", inline);
        h.raw("</fieldset></div>");
    }

    fn choice(&self, h: &mut Html, a: &Ask, q: &InputText) {
        self.radio_question(h, a, &self.options(q), false)
    }

    /// Yes and no side by side, in the widget's language.
    fn yes_no(&self, h: &mut Html, a: &Ask) {
        let items = [
            Item {
                value: "yes",
                label: Words::Ours(self.ew().yes),
                hint: None,
            },
            Item {
                value: "no",
                label: Words::Ours(self.ew().no),
                hint: None,
            },
        ];
        self.radio_question(h, a, &items, true)
    }

    /// Checkboxes, with "None of these" (the rules' own `none` option, or the widget's)
    /// after "or": ticking it clears the others (`data-exclusive`).
    fn choices(&self, h: &mut Html, a: &Ask, q: &InputText) {
        let w = self.w;
        group(h, a.err.is_some());
        a.fieldset(h, "", "");
        h.html(&a.error_q).raw("<div class=\"cb-checkboxes\">");
        let divider = |h: &mut Html| {
            h.raw("<div class=\"cb-divider\">").raw(w.or).raw("</div>");
        };
        for (k, it) in self.options(q).iter().enumerate() {
            let id = if k == 0 { "cb-q".to_owned() } else { format!("cb-q-{k}") };
            let none = it.value == "none";
            if none {
                divider(h);
            }
            self.item(h, a, it, &id, Kind::Check(none));
        }
        if !q.options.keys().any(|k| k == "none") {
            divider(h);
            h.raw("<div class=\"cb-check\"><input class=\"cb-check-input\" id=\"cb-q-none\" name=\"answer\" type=\"checkbox\" value=\"-none\" data-exclusive")
                .raw(a.checked("answer", "-none"))
                .raw("><label class=\"cb-check-label\" for=\"cb-q-none\">")
                .raw(w.none_of_these)
                .raw("</label></div>");
        }
        h.raw("</div></fieldset></div>");
    }

    /// An amount and how often, each with its own error.
    fn money_periodic(&self, h: &mut Html, a: &Ask, periods: &[Period]) {
        let w = self.w;
        let err_p = self.error_for(&["cb-p"]);
        let items: Vec<Item> = periods
            .iter()
            .map(|p| Item {
                value: p.name(),
                label: Words::Ours(w.periods[p.index()]),
                hint: None,
            })
            .collect();
        a.fieldset(h, "", "");
        group(h, a.err.is_some())
            .raw("<label class=\"cb-label\" for=\"cb-q\">")
            .raw(w.amount)
            .raw("</label>")
            .html(&a.error_q)
            .raw("<div class=\"cb-prefix-wrap\"><span class=\"cb-prefix\" aria-hidden=\"true\">£</span><input class=\"cb-input cb-w10")
            .raw(a.input_err)
            .raw("\" id=\"cb-q\" name=\"amount\" type=\"text\" inputmode=\"decimal\" spellcheck=\"false\" autocomplete=\"off\"");
        a.value(h, "amount");
        a.describe(h, "");
        h.raw("></div></div>");
        group(h, err_p.is_some())
            .raw("<fieldset class=\"cb-fieldset\"")
            .raw(if err_p.is_some() {
                " aria-describedby=\"cb-error-p\""
            } else {
                ""
            })
            .raw("><legend class=\"cb-legend cb-legend-s\">")
            .raw(w.how_often)
            .raw("</legend>");
        self.error_message(h, err_p, "cb-error-p");
        self.radios(h, a, &items, "period", "cb-p", false);
        h.raw("</fieldset></div></fieldset>");
    }

    /// An amount in pounds.
    fn money(&self, h: &mut Html, a: &Ask) {
        self.text_box(
            h,
            a,
            "<span class=\"cb-prefix\" aria-hidden=\"true\">£</span>",
            "decimal",
        )
    }

    /// A whole number (the numeric keyboard) or any number.
    fn number(&self, h: &mut Html, a: &Ask, kind: InputType) {
        let mode = if kind == InputType::WholeNumber {
            "numeric"
        } else {
            "decimal"
        };
        self.text_box(h, a, "", mode)
    }

    /// One text box, the question as its label and the page's heading; `prefix` before it
    /// (`£` for money).
    fn text_box(&self, h: &mut Html, a: &Ask, prefix: &'static str, mode: &'static str) {
        group(h, a.err.is_some()).html(&a.caption);
        let mut label = Html::new();
        label
            .raw("<label for=\"cb-q\"")
            .raw(self.rl())
            .raw(">")
            .text(&a.title)
            .raw("</label>");
        self.h1(h, "cb-l cb-label-wrap", &label);
        h.html(&a.intro_hint)
            .html(&a.error_q)
            .raw("<div class=\"cb-prefix-wrap\">")
            .raw(prefix)
            .raw("<input class=\"cb-input cb-w10")
            .raw(a.input_err)
            .raw("\" id=\"cb-q\" name=\"answer\" type=\"text\"")
            .attr("inputmode", mode)
            .raw(" spellcheck=\"false\" autocomplete=\"off\"");
        a.value(h, "answer");
        a.describe(h, "");
        h.raw("></div></div>");
    }

    /// Day, month and year boxes in a group, with an example date.
    fn date(&self, h: &mut Html, a: &Ask) {
        let w = self.w;
        group(h, a.err.is_some());
        a.fieldset(h, " role=\"group\"", "cb-date-hint");
        h.raw("<div id=\"cb-date-hint\" class=\"cb-hint\">")
            .raw(w.date_hint)
            .raw("</div>")
            .html(&a.error_q)
            .raw("<div class=\"cb-date\">");
        for (id, name, label, width) in [
            ("cb-d", "day", w.day, "cb-w2"),
            ("cb-m", "month", w.month, "cb-w2"),
            ("cb-y", "year", w.year, "cb-w4"),
        ] {
            h.raw("<div class=\"cb-date-item\"><label class=\"cb-label\" for=\"")
                .raw(id)
                .raw("\">")
                .raw(label)
                .raw("</label><input class=\"cb-input cb-date-input ")
                .raw(width)
                .raw(a.input_err)
                .raw("\" id=\"")
                .raw(id)
                .raw("\" name=\"")
                .raw(name)
                .raw("\" type=\"text\" inputmode=\"numeric\" spellcheck=\"false\"");
            a.value(h, name);
            h.raw("></div>");
        }
        h.raw("</div></fieldset></div>");
    }
}
