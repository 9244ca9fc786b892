//! The rules page (`carebudget page`): renders every bundled ruleset, escapes hostile text
//! everywhere, and shows the figures with their values, dates and sources.

use carebudget_core::text::Lang;
use std::path::{Path, PathBuf};
use std::process::Command;

use carebudget::page::{Options, render};
use carebudget_format::{Loaded, SourceFile};

const BIN: &str = env!("CARGO_BIN_EXE_carebudget");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Loads a ruleset file, finding what it `extends` beside it, as the CLI does.
fn load(path: &Path) -> Loaded {
    let text = std::fs::read_to_string(path).unwrap();
    let dir = path.parent().unwrap().to_owned();
    let loaded = carebudget_format::load(SourceFile::new(path.display().to_string(), text), &mut |id| {
        let p = dir.join(format!("{id}.yaml"));
        std::fs::read_to_string(&p)
            .ok()
            .map(|t| SourceFile::new(p.display().to_string(), t))
    });
    match loaded {
        Ok(l) => l,
        Err(ds) => panic!(
            "{} did not load:\n{}",
            path.display(),
            ds.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
        ),
    }
}

fn page(path: &Path, lang: Lang) -> String {
    let opts = Options {
        lang,
        ..Options::default()
    };
    render(&load(path), &opts)
}

fn bundled() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("www/rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

fn rules(name: &str) -> PathBuf {
    Path::new(ROOT).join("www/rules").join(name)
}

/// The tags the renderer writes. Anything else in the output came from a ruleset unescaped.
const TAGS: &[&str] = &[
    "!doctype", "html", "head", "meta", "title", "link", "body", "header", "main", "footer", "nav", "section", "div",
    "p", "h1", "h2", "h3", "h4", "a", "span", "strong", "br", "ol", "ul", "li", "dl", "dt", "dd", "table", "caption",
    "thead", "tbody", "tr", "th", "td",
];
const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "name",
    "content",
    "rel",
    "href",
    "hreflang",
    "class",
    "id",
    "role",
    "tabindex",
    "scope",
    "aria-labelledby",
];

/// Reads every tag in `html` and checks its name and attributes are ones the renderer
/// writes, each attribute value double-quoted with nothing unescaped inside; and that no
/// link goes anywhere but to the page itself or a web address.
fn assert_only_our_markup(html: &str) {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after
            .find('>')
            .unwrap_or_else(|| panic!("unclosed `<` near: {}", &after[..after.len().min(80)]));
        let tag = &after[..close];
        assert!(!tag.contains('<'), "a `<` inside a tag: <{tag}>");
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let name_end = tag.find([' ', '\n']).unwrap_or(tag.len());
        let name = tag[..name_end].to_ascii_lowercase();
        assert!(TAGS.contains(&name.as_str()), "unexpected tag <{tag}>");
        // Attributes: name="value" pairs, values without a raw quote, `<` or `>`.
        let mut attrs = tag[name_end..].trim();
        if name == "!doctype" {
            assert_eq!(attrs, "html");
            attrs = "";
        }
        while !attrs.is_empty() {
            let eq = attrs.find("=\"").unwrap_or_else(|| panic!("bad attributes in <{tag}>"));
            let attr = &attrs[..eq];
            assert!(ATTRIBUTES.contains(&attr), "unexpected attribute `{attr}` in <{tag}>");
            let value_and_rest = &attrs[eq + 2..];
            let end = value_and_rest
                .find('"')
                .unwrap_or_else(|| panic!("unterminated value in <{tag}>"));
            let value = &value_and_rest[..end];
            if attr == "href" {
                assert!(
                    value.starts_with('#')
                        || value.starts_with("https://")
                        || value.starts_with("http://")
                        || value == "../rules-page.css",
                    "unexpected link {value}"
                );
            }
            attrs = value_and_rest[end + 1..].trim_start();
        }
        rest = &after[close + 1..];
    }
}

#[test]
fn renders_every_bundled_ruleset_in_each_of_its_languages() {
    let files = bundled();
    assert!(files.len() >= 3, "expected the bundled rulesets in www/rules");
    for f in files {
        let loaded = load(&f);
        for lang in loaded.ruleset.languages.clone() {
            let html = page(&f, Lang::parse(&lang).expect("en or cy"));
            assert!(html.starts_with("<!doctype html>"), "{}", f.display());
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{}", f.display());
            assert!(html.trim_end().ends_with("</html>"), "{}", f.display());
            assert!(
                html.contains("<a class=\"skip-link\" href=\"#main\">"),
                "{}",
                f.display()
            );
            assert!(html.contains("<main id=\"main\""), "{}", f.display());
            assert!(!html.to_ascii_lowercase().contains("<script"), "{}", f.display());
            assert!(!html.contains(" style="), "{}: inline style", f.display());
            assert_only_our_markup(&html);
            // Every question, figure and rule has its own section.
            let rs = &loaded.ruleset;
            for id in rs.inputs.keys() {
                assert!(
                    html.contains(&format!("id=\"q-{id}\"")),
                    "{}: question {id}",
                    f.display()
                );
            }
            for id in rs.parameters.keys() {
                assert!(html.contains(&format!("id=\"f-{id}\"")), "{}: figure {id}", f.display());
            }
            for id in rs.rules.keys() {
                assert!(html.contains(&format!("id=\"r-{id}\"")), "{}: rule {id}", f.display());
            }
            // Tables have captions and header cells with a scope.
            assert_eq!(html.matches("<table>").count(), html.matches("<caption").count());
            assert!(!html.contains("<th>"), "{}: a header cell without scope", f.display());
        }
    }
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let path = Path::new(ROOT).join("tests/data/hostile-labels.yaml");
    for lang in Lang::ALL {
        let html = page(&path, lang);
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "raw <script in the {lang} page");
        for raw in ["<img", "<iframe", "<svg", "<style", "<b>", "<i>", "href=\"javascript"] {
            assert!(!lower.contains(raw), "raw {raw} in the {lang} page");
        }
        assert_only_our_markup(&html);
        // The text is there, escaped: in the title, a question, an option, a label, a
        // figure, a source, a note, an example name and the notice.
        let title = if lang == Lang::Cy {
            "&lt;script&gt;alert(&#39;teitl&#39;)&lt;/script&gt; Gelyniaethus"
        } else {
            "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Hostile &amp; &lt;b&gt;bold&lt;/b&gt;"
        };
        assert!(html.contains(&format!("<title>{title}")), "{lang}: title");
        for escaped in [
            "&lt;script&gt;alert(&#39;question&#39;)&lt;/script&gt; Which?",
            "&lt;script&gt;alert(&#39;option&#39;)&lt;/script&gt; Option A",
            "Option B &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(&#39;cell&#39;)&lt;/script&gt;",
            "&lt;script&gt;alert(&#39;param&#39;)&lt;/script&gt; Rate",
            "&lt;script&gt;alert(&#39;source&#39;)&lt;/script&gt; Source title",
            "reg &lt;i&gt;2&lt;/i&gt; &#39; onmouseover=&#39;alert(1)",
            "&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt; note",
            "&lt;script&gt;alert(&#39;example&#39;)&lt;/script&gt; Example",
            "&lt;svg onload=alert(&#39;option-hint&#39;)&gt;",
            "&lt;script&gt;alert(&#39;band&#39;)&lt;/script&gt; low",
            "&lt;script&gt;alert(&#39;rule&#39;)&lt;/script&gt; Points",
        ] {
            assert!(html.contains(escaped), "{lang}: missing escaped text {escaped}");
        }
        // The notice is English only: on the Welsh page it is marked as English.
        if lang == Lang::Cy {
            assert!(
                html.contains("<span lang=\"en\">Notice &lt;/p&gt;&lt;script&gt;"),
                "{html}"
            );
        }
        // A `javascript:` address is shown as text, not linked; a web address with quotes
        // in it is linked with the quotes escaped inside the attribute.
        assert!(html.contains("<span class=\"url\">javascript:alert(&#39;url&#39;)</span>"));
        assert!(
            html.contains("href=\"https://example.org/&quot;&gt;&lt;script&gt;alert(&#39;href&#39;)&lt;/script&gt;\"")
        );
        // Odd ids become safe anchors.
        assert!(html.contains("id=\"s-src.22.3e.3cscript.3ealert.28.27id.27.29.3c.2fscript.3e\""));
        assert!(html.contains("id=\"sec-sec.3cscript.3e\""));
    }
}

#[test]
fn figures_show_every_value_with_its_date_source_and_status() {
    let html = page(&rules("wales.yaml"), Lang::En);
    // The £100 maximum weekly charge, its date, its source; the earlier £90 marked unconfirmed.
    let start = html.find("id=\"f-max_weekly_charge\"").unwrap();
    let fig = &html[start..start + html[start..].find("</section>").unwrap()];
    assert!(
        fig.contains("<th scope=\"row\">6 April 2020</th><td><span class=\"value\">£100.00</span></td>"),
        "{fig}"
    );
    assert!(fig.contains("Care and Support (Charging) (Wales) (Amendment) Regulations 2020 (WSI 2020/131)"));
    assert!(fig.contains(
        "<th scope=\"row\">8 April 2019</th><td><span class=\"value\">£90.00</span> <strong class=\"unconfirmed\">Not yet confirmed from an official source</strong>"
    ));
    assert!(fig.contains("Note: raised from £90 to £100"));
    // Capital limits and the care-home minimum income amount.
    for text in [
        "£24,000.00",
        "£50,000.00",
        "£43.90",
        "£44.65",
        "7 April 2025",
        "35%",
        "Care and Support (Charging) and (Financial Assessment) (Wales) (Miscellaneous Amendments) Regulations 2025 (WSI 2025/151)",
    ] {
        assert!(html.contains(text), "missing {text}");
    }
    // Sources are listed with working links.
    assert!(
        html.contains("<li id=\"s-elig-reg3\"><a href=\"https://www.legislation.gov.uk/wsi/2015/1578/regulation/3\">")
    );

    // In Welsh: Welsh dates and words, English source titles marked as English.
    let cy = page(&rules("wales.yaml"), Lang::Cy);
    assert!(cy.contains("6 Ebrill 2020"));
    assert!(cy.contains("Heb ei gadarnhau eto o ffynhonnell swyddogol"));
    assert!(cy.contains("Uchafswm y tâl wythnosol am ofal gartref"));
    assert!(
        cy.contains("<span lang=\"en\">Care and Support (Charging) (Wales) Regulations 2015 (WSI 2015/1843)</span>")
    );
}

#[test]
fn questions_show_options_with_points_and_rules_in_words() {
    let html = page(&rules("example.yaml"), Lang::En);
    // The several-choices question's options with their points, and mobility's.
    let start = html.find("id=\"q-outcomes\"").unwrap();
    let q = &html[start..start + html[start..].find("</section>").unwrap()];
    assert!(
        q.contains("<th scope=\"row\">Preparing and eating meals</th><td>4</td>"),
        "{q}"
    );
    assert!(q.contains("<th scope=\"row\">Using the toilet</th><td>5</td>"), "{q}");
    assert!(q.contains("added together"));
    assert!(html.contains("<th scope=\"row\">Only with help every time</th><td>6</td>"));
    // Bands with their prices, the tariff in words, the rounding.
    assert!(html.contains("<th scope=\"row\">14</th><td>£150.00</td><td>£210.00</td>"));
    assert!(
        html.contains("for every <a href=\"#f-tariff_step\">Capital counted per £1 of weekly income</a>, or part of")
    );
    assert!(html.contains("rounded down, in the person&#39;s favour"));
    // Worked examples: answers by their labels, expected results in words.
    assert!(html.contains("<td>£812.50 a month</td>"));
    assert!(html.contains("<td>£150.00 to £210.00</td>"));
}

#[test]
fn items_are_marked_national_or_the_councils_own() {
    let html = page(&rules("council-southmere.yaml"), Lang::En);
    // What it builds on, by title (england.yaml's) and id, in the page's language.
    assert!(
        html.contains(
            "<dt>Builds on</dt><dd>England — Care Act eligibility and charging (national rules) (england)</dd>"
        )
    );
    let cy = page(&rules("council-southmere.yaml"), Lang::Cy);
    assert!(
        cy.contains("<dd>Lloegr — cymhwysedd a chodi tâl dan Ddeddf Gofal 2014 (rheolau cenedlaethol) (england)</dd>")
    );
    // A national question and a council figure.
    let q = html.find("id=\"q-impairment\"").unwrap();
    assert!(html[q..q + 600].contains("badge-national"));
    assert!(html.contains("badge-own"));
    // A national ruleset on its own has no marks: everything is its own.
    let wales = page(&rules("wales.yaml"), Lang::En);
    assert!(!wales.contains("class=\"badge"));
}

#[test]
fn cli_writes_the_page() {
    let out = std::env::temp_dir().join(format!("carebudget-page-{}.html", std::process::id()));
    let status = Command::new(BIN)
        .args(["page", &rules("example.yaml").display().to_string(), "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<link rel=\"stylesheet\" href=\"../rules-page.css\">"));
    assert!(html.contains("Example council — care at home (demonstration)"));
    let _ = std::fs::remove_file(&out);

    let cy = Command::new(BIN)
        .args([
            "page",
            &rules("wales.yaml").display().to_string(),
            "--lang",
            "cy",
            "--alternate",
            "wales.html",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(cy.status.success());
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<html lang=\"cy\">"));
    assert!(html.contains("<a href=\"wales.html\" hreflang=\"en\" lang=\"en\">English</a>"));
    let _ = std::fs::remove_file(&out);

    let bad = Command::new(BIN)
        .args(["page", &rules("wales.yaml").display().to_string(), "--lang", "fr", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(!bad.status.success());
}
