//! `carebudget`: check, evaluate, test, publish and document rulesets from the command line.
//! All file reading happens here; the library does no I/O.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use indexmap::IndexMap;

use carebudget_core::date::Date;
use carebudget_core::eval::evaluate;
use carebudget_core::explain::{Report, explain, later};
use carebudget_core::limits::{MAX_ANSWERS_BYTES, MAX_FILE_BYTES};
use carebudget_core::literal::Literal;
use carebudget_core::text::Lang;
use carebudget_format::examples::run_example;
use carebudget_format::load::parse;
use carebudget_format::model::{Example, TestFile};
use carebudget_format::{Diagnostic, Loaded, SourceFile};

#[derive(Parser)]
#[command(
    name = "carebudget",
    version,
    about = "Runs published social-care eligibility, allocation and charging rules, and explains every step."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks a ruleset: every error at once with its line:column, then lints.
    Check {
        file: PathBuf,
        /// Treat warnings as errors.
        #[arg(long)]
        deny_warnings: bool,
        /// Fail if the ruleset's period (`in_force`) ended more than DAYS days before today, so
        /// that published rules cannot go stale unnoticed.
        #[arg(long, value_name = "DAYS")]
        stale_after: Option<u32>,
    },
    /// Evaluates a ruleset for a set of answers and explains the result.
    Eval {
        file: PathBuf,
        /// Answers, as YAML or JSON: question id → answer.
        #[arg(long)]
        answers: PathBuf,
        /// The date the rules are applied as of (YYYY-MM-DD). Default: today.
        #[arg(long)]
        as_of: Option<String>,
        /// Print JSON: outputs, questions still needed, and every step.
        #[arg(long)]
        json: bool,
        /// Language of the explanation: en or cy.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Word questions for someone answering on another person's behalf.
        #[arg(long)]
        for_other: bool,
    },
    /// Runs worked examples in rulesets and test-case files; prints "N passed, N failed".
    Test {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Prints the JSON Schema of the ruleset format.
    Schema,
    /// Publishes a ruleset as one JSON file with `extends` merged in, and optionally as the
    /// compiled program the widget reads; prints each file's sha256.
    Build {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// Also write the checked, compiled program here (what `<care-budget rules=…>` loads).
        #[arg(long)]
        program: Option<PathBuf>,
    },
    /// Writes the rules page: the ruleset (with `extends` merged) as static, accessible HTML.
    Page {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// Language of the page: en or cy.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Address of the stylesheet, relative to the page.
        #[arg(long, default_value = "../rules-page.css")]
        css: String,
        /// Address of the same page in the other language, for a language link.
        #[arg(long)]
        alternate: Option<String>,
    },
}

/// Writes a published file and prints its sha256 (what a page pins with `rules-sha256`).
fn write_hashed(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    use sha2::Digest;
    let hash = sha2::Sha256::digest(bytes);
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    println!("{}  {} ({} bytes)", hex, path.display(), bytes.len());
    Ok(())
}

fn main() -> ExitCode {
    // A bug must not show a user a Rust backtrace: say what happened in plain words.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("carebudget: internal error ({info}). Please report this with the file that caused it.");
    }));
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("carebudget: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run(cmd: Command) -> Result<ExitCode, String> {
    match cmd {
        Command::Check {
            file,
            deny_warnings,
            stale_after,
        } => {
            let mut loaded = match load_path(&file) {
                Ok(l) => l,
                Err(diags) => {
                    print_diags(&diags);
                    return Ok(ExitCode::FAILURE);
                }
            };
            // Out of force today: people would get other years' figures. The library has no
            // clock, so this lint is the command line's.
            let today = today()?;
            let mut stale = false;
            if let Some(f) = &loaded.ruleset.in_force {
                let ended = f.to.filter(|to| *to < today);
                if today < f.from || ended.is_some() {
                    let period = match f.to {
                        Some(to) => format!("{} to {to}", f.from),
                        None => format!("from {}", f.from),
                    };
                    let days = ended.map(|to| to.days_until(today)).unwrap_or(0);
                    stale = stale_after.is_some_and(|limit| days > i64::from(limit));
                    let mut d = Diagnostic::warning(
                        "in_force",
                        format!(
                            "the ruleset is not in force today ({today}): its figures are for {period}{}",
                            if days > 0 {
                                format!(", which ended {days} days ago")
                            } else {
                                String::new()
                            }
                        ),
                    );
                    d.file = file.display().to_string();
                    loaded.warnings.push(d);
                }
            }
            print_diags(&loaded.warnings);
            if stale {
                eprintln!(
                    "{}: error: in_force: out of force for more than {} days: bring its figures up to date",
                    file.display(),
                    stale_after.unwrap_or(0)
                );
                return Ok(ExitCode::FAILURE);
            }
            let p = &loaded.program;
            println!(
                "{}: ok ({} questions, {} figures, {} rules, {} outputs, {} worked examples{})",
                file.display(),
                p.inputs.len(),
                p.params.len(),
                p.rules.len(),
                p.outputs.len(),
                loaded.ruleset.examples.len(),
                if loaded.warnings.is_empty() {
                    String::new()
                } else {
                    format!(", {} warnings", loaded.warnings.len())
                }
            );
            Ok(if deny_warnings && !loaded.warnings.is_empty() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Eval {
            file,
            answers,
            as_of,
            json,
            lang,
            for_other,
        } => {
            let lang = Lang::parse(&lang).ok_or_else(|| format!("--lang must be en or cy, not `{lang}`"))?;
            let loaded = load_path(&file).map_err(|d| fail_diags(&d))?;
            let p = &loaded.program;
            let raw: IndexMap<String, Literal> =
                parse(&read(&answers, MAX_ANSWERS_BYTES)?, MAX_ANSWERS_BYTES).map_err(|d| fail_diags(&[d]))?;
            let typed = carebudget_core::answers::type_answers(p, &raw).map_err(|ds| {
                let ds: Vec<Diagnostic> = ds
                    .into_iter()
                    .map(|d| Diagnostic {
                        file: answers.display().to_string(),
                        ..d
                    })
                    .collect();
                fail_diags(&ds)
            })?;
            let as_of = match as_of {
                Some(s) => Date::parse(&s).map_err(|e| format!("--as-of: {e}"))?,
                None => today()?,
            };
            let ev = evaluate(p, &typed, as_of, true);
            // Answers written before a question was added: `type_answers` filled it in as the
            // ruleset says (`if_unanswered`); say so where it is asked, so nothing is assumed unseen.
            for (i, q) in p.inputs.iter().enumerate() {
                if ev.asked[i] == Some(true)
                    && typed.0[i].is_some()
                    && raw.get(&q.id).is_none_or(|l| *l == Literal::Null)
                {
                    eprintln!(
                        "{}: note: answers.{}: not in the file; taken as the ruleset says for answers written before this question was added",
                        answers.display(),
                        q.id
                    );
                }
            }
            let mut report = explain(p, &ev, lang, for_other);
            report.later = later(p, &typed, &ev, lang, for_other);
            if json {
                println!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
            } else {
                print_report(&report);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Test { files } => {
            let (mut passed, mut failed) = (0usize, 0usize);
            for f in &files {
                let (n_ok, n_bad) = test_file(f);
                passed += n_ok;
                failed += n_bad;
            }
            println!("{passed} passed, {failed} failed");
            Ok(if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Schema => {
            let schema = schemars::schema_for!(carebudget_format::model::Ruleset);
            println!("{}", serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Build { file, output, program } => {
            let loaded = load_path(&file).map_err(|d| fail_diags(&d))?;
            let json = serde_json::to_string(&loaded.ruleset).map_err(|e| e.to_string())?;
            // The published file must load back to the same program.
            carebudget_format::load_published("published", &json)
                .map_err(|d| format!("internal: the published JSON does not load: {}", fail_diags(&d)))?;
            write_hashed(&output, json.as_bytes())?;
            if let Some(path) = program {
                let bytes = carebudget_core::compiled::encode(&loaded.program)?;
                // And the compiled one must decode (and verify) as it will in a browser.
                carebudget_core::compiled::decode(&bytes)
                    .map_err(|e| format!("internal: the compiled program does not read back: {e}"))?;
                write_hashed(&path, &bytes)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Page {
            file,
            output,
            lang,
            css,
            alternate,
        } => {
            let lang = Lang::parse(&lang).ok_or_else(|| format!("--lang must be en or cy, not `{lang}`"))?;
            let loaded = load_path(&file).map_err(|d| fail_diags(&d))?;
            let opts = carebudget::page::Options {
                lang,
                stylesheet: css,
                alternate,
            };
            let html = carebudget::page::render(&loaded, &opts);
            std::fs::write(&output, &html).map_err(|e| format!("cannot write {}: {e}", output.display()))?;
            println!("{} ({} bytes)", output.display(), html.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Runs a ruleset's worked examples, or a test-case file's cases; returns (passed, failed).
fn test_file(path: &Path) -> (usize, usize) {
    let text = match read(path, MAX_FILE_BYTES) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return (0, 1);
        }
    };
    // A test-case file has `cases`; anything else is a ruleset with `examples`.
    let probe: Result<IndexMap<String, Literal>, _> = parse(&text, MAX_FILE_BYTES);
    let is_cases = probe.as_ref().map(|m| m.contains_key("cases")).unwrap_or(false);
    let (ruleset_path, cases): (PathBuf, Option<Vec<Example>>) = if is_cases {
        match parse::<TestFile>(&text, MAX_FILE_BYTES) {
            Ok(tf) => (
                path.parent().unwrap_or(Path::new(".")).join(&tf.ruleset),
                Some(tf.cases),
            ),
            Err(d) => {
                print_diags(&[d]);
                return (0, 1);
            }
        }
    } else {
        (path.to_owned(), None)
    };
    let loaded = match load_path(&ruleset_path) {
        Ok(l) => l,
        Err(diags) => {
            print_diags(&diags);
            return (0, 1);
        }
    };
    let p = &loaded.program;
    let cases = cases.unwrap_or_else(|| loaded.ruleset.examples.clone());
    let (mut ok, mut bad) = (0, 0);
    for ex in &cases {
        let r = run_example(p, ex);
        if r.failures.is_empty() {
            ok += 1;
        } else {
            bad += 1;
            println!("FAIL {}: {}", path.display(), r.name);
            for f in &r.failures {
                println!("     {f}");
            }
        }
    }
    println!("{}: {ok} of {} worked examples pass", path.display(), cases.len());
    (ok, bad)
}

fn read(path: &Path, limit: usize) -> Result<SourceFile, String> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    if meta.len() > limit as u64 {
        return Err(format!(
            "{name}: the file is {} bytes; the limit is {limit} bytes",
            meta.len()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: the file is not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(SourceFile::new(name, text))
}

/// Loads a ruleset file, finding what it `extends` beside it (`<id>.yaml`, `.yml` or `.json`).
fn load_path(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let main = read(path, MAX_FILE_BYTES).map_err(|e| {
        vec![Diagnostic {
            file: path.display().to_string(),
            ..Diagnostic::error("", e)
        }]
    })?;
    let dir = path.parent().unwrap_or(Path::new(".")).to_owned();
    carebudget_format::load(main, &mut |id| {
        ["yaml", "yml", "json"].iter().find_map(|ext| {
            let candidate = dir.join(format!("{id}.{ext}"));
            candidate
                .exists()
                .then(|| read(&candidate, MAX_FILE_BYTES).ok())
                .flatten()
        })
    })
}

fn print_diags(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}");
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        eprintln!("{errors} error{}", if errors == 1 { "" } else { "s" });
    }
}

fn fail_diags(diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
}

fn print_report(r: &Report) {
    let w = carebudget_core::explain::Words::for_lang(r.lang);
    let with_paragraph = |title: &str, paragraph: Option<&str>| match paragraph {
        Some(p) => format!("{title}, {p}"),
        None => title.to_owned(),
    };
    println!(
        "{} — {} ({} {}), {} {}",
        r.ruleset.title, r.ruleset.publisher, w.version, r.ruleset.version, w.rules_as_of, r.as_of
    );
    if r.ruleset.illustrative {
        println!("{}", w.illustrative);
    }
    if let Some(n) = &r.ruleset.notice {
        println!("{n}");
    }
    if let Some(period) = &r.period {
        println!(
            "{}",
            carebudget_core::explain::fill_from(w.figures_for, &[("period", period)])
        );
    }
    for warning in &r.warnings {
        println!("{}: {warning}", w.warning);
    }
    if !r.limitations.is_empty() {
        println!("{}:", w.limitations);
        for l in &r.limitations {
            println!("  - {l}");
        }
    }
    for o in &r.outputs {
        println!();
        println!("{}: {}", o.label, o.text);
        if let Some(e) = &o.error {
            println!("  {}: {e}", w.problem);
        }
        if !o.needs.is_empty() {
            println!("  {}:", w.still_needed);
            for n in &o.needs {
                println!("    - {} ({})", n.question, n.id);
            }
        }
        if !o.steps.is_empty() {
            println!("  {}:", w.how_worked_out);
        }
        for (i, s) in o.steps.iter().enumerate() {
            println!("  {:>2}. {}", i + 1, s.text);
            for b in &s.because {
                println!("      {}: {b}", w.because);
            }
            for u in s
                .uses
                .iter()
                .filter(|u| u.kind == carebudget_core::explain::UseKind::Figure)
            {
                let from = u
                    .from
                    .as_deref()
                    .map(|f| format!(", {} {f}", w.from))
                    .unwrap_or_default();
                let unverified = if u.unverified {
                    format!(" — {}", w.unverified)
                } else {
                    String::new()
                };
                let src = u
                    .source
                    .as_ref()
                    .map(|s| format!(" [{}]", with_paragraph(&s.title, s.paragraph.as_deref())))
                    .unwrap_or_default();
                println!("      {}: {}{from}{unverified}{src}", u.label, u.value);
            }
            if let Some(src) = &s.source {
                println!(
                    "      {}: {}",
                    w.source,
                    with_paragraph(&src.title, src.paragraph.as_deref())
                );
            }
        }
    }
    if let Some(l) = &r.later {
        println!();
        println!("{}", l.heading);
        for c in &l.changes {
            println!("  - {c}");
        }
    }
    println!();
    println!("{}", w.caveat);
}

/// Today's date from the system clock (UTC), for `--as-of`'s default. A clock that cannot
/// be read is an error, not a guess: a wrong date would silently pick other years' figures.
fn today() -> Result<Date, String> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .map_err(|_| "cannot read today's date from the system clock: give the date with --as-of".to_owned())?;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as u16;
    Date::new(y, m, d)
        .map_err(|_| "the system clock gives a date this program cannot use: give the date with --as-of".to_owned())
}
