//! Text → typed documents, with limits and located errors; `extends` chains merged.
//!
//! No I/O: callers hand in text, and a resolver closure for `extends` (the CLI reads a file
//! beside the ruleset; the widget gets a single published file that needs none).

use indexmap::IndexMap;
use serde::de::DeserializeOwned;

use crate::model::Ruleset;
use carebudget_core::diagnostic::Diagnostic;
use carebudget_core::limits::{MAX_EXTENDS_DEPTH, MAX_FILE_BYTES};
use carebudget_core::text::Text;

/// A named piece of text: a ruleset, answers or test file.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            name: name.into(),
            text: text.into(),
        }
    }

    /// JSON if the name ends `.json`; YAML if it ends `.yaml` or `.yml` (even a YAML flow
    /// mapping starting with `{`); otherwise JSON if the text starts with `{`.
    pub fn is_json(&self) -> bool {
        if self.name.ends_with(".yaml") || self.name.ends_with(".yml") {
            return false;
        }
        self.name.ends_with(".json") || self.text.trim_start().starts_with('{')
    }
}

/// Parses a YAML or JSON document into `T`, within the size and depth limits. The error
/// names the path and line:column of the first problem.
pub fn parse<T: DeserializeOwned>(file: &SourceFile, max_bytes: usize) -> Result<T, Diagnostic> {
    let located = |path: String, line: Option<usize>, column: Option<usize>, message: String| Diagnostic {
        file: file.name.clone(),
        line,
        column,
        ..Diagnostic::error(path, message)
    };
    if file.text.len() > max_bytes {
        return Err(located(
            String::new(),
            None,
            None,
            format!("the file is {} bytes; the limit is {max_bytes} bytes", file.text.len()),
        ));
    }
    if file.is_json() {
        parse_json(file, located)
    } else {
        parse_yaml(file, located)
    }
}

fn parse_json<T: DeserializeOwned>(
    file: &SourceFile,
    located: impl Fn(String, Option<usize>, Option<usize>, String) -> Diagnostic,
) -> Result<T, Diagnostic> {
    // serde_json refuses nesting deeper than 128 on its own.
    let fast = serde_json::from_str(&file.text);
    #[cfg(feature = "yaml")]
    if fast.is_err() {
        // Read a failure again, tracking where, to name the path of the error.
        let mut de = serde_json::Deserializer::from_str(&file.text);
        let result: Result<T, _> = serde_path_to_error::deserialize(&mut de);
        return match result {
            Ok(v) => de
                .end()
                .map(|_| v)
                .map_err(|e| located(String::new(), Some(e.line()), Some(e.column()), e.to_string())),
            Err(e) => {
                let path = clean_path(&e.path().to_string());
                let inner = e.into_inner();
                let msg = strip_position(&inner.to_string());
                Err(located(path, Some(inner.line()), Some(inner.column()), msg))
            }
        };
    }
    fast.map_err(|e| {
        located(
            String::new(),
            Some(e.line()),
            Some(e.column()),
            strip_position(&e.to_string()),
        )
    })
}

#[cfg(feature = "yaml")]
fn parse_yaml<T: DeserializeOwned>(
    file: &SourceFile,
    located: impl Fn(String, Option<usize>, Option<usize>, String) -> Diagnostic,
) -> Result<T, Diagnostic> {
    // Measure nesting first: the deserializer recurses, and YAML can nest cheaply (`- - - -`).
    Locator::build(&file.text).map_err(|(line, column, m)| located(String::new(), line, column, m))?;
    let mut options = serde_saphyr::Options::default();
    if let Some(b) = options.budget.as_mut() {
        b.max_events = carebudget_core::limits::MAX_YAML_EVENTS;
    }
    options.with_snippet = false;
    // Only `true` and `false` are yes/no: a question titled `N` or an answer `no` stays text.
    options.strict_booleans = true;
    let mut path = String::new();
    let result = serde_saphyr::with_deserializer_from_str_with_options(&file.text, options, |de| {
        serde_path_to_error::deserialize(de).map_err(|e| {
            path = clean_path(&e.path().to_string());
            e.into_inner()
        })
    });
    result.map_err(|e| {
        let (line, column) = match e.location() {
            Some(l) => (Some(l.line() as usize), Some(l.column() as usize)),
            None => (None, None),
        };
        let msg = yaml_message(&e);
        located(path, line, column, msg)
    })
}

#[cfg(not(feature = "yaml"))]
fn parse_yaml<T: DeserializeOwned>(
    file: &SourceFile,
    located: impl Fn(String, Option<usize>, Option<usize>, String) -> Diagnostic,
) -> Result<T, Diagnostic> {
    let _ = file;
    Err(located(
        String::new(),
        None,
        None,
        "this build reads JSON only; publish the ruleset as JSON with `carebudget build`".into(),
    ))
}

#[cfg(feature = "yaml")]
fn yaml_message(e: &serde_saphyr::Error) -> String {
    let full = e.without_snippet().to_string();
    // The crate appends "at line L column C"; the diagnostic shows it in its own place.
    strip_position(full.lines().next().unwrap_or(&full))
}

/// serde_path_to_error writes `.` for the root and `?` for unknown places.
#[cfg(feature = "yaml")]
fn clean_path(p: &str) -> String {
    if p == "." || p == "?" {
        String::new()
    } else {
        p.replace(".?", "").replace("?.", "")
    }
}

/// Drops a trailing " at line L column C" that a parser added.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// Finds the line and column of any path (`rules.budget.formula.sum[1]`) in a YAML or JSON
/// text, so errors found after parsing (unknown names, wrong types) can still point at it.
pub struct Locator {
    places: IndexMap<String, (usize, usize)>,
}

#[cfg(feature = "yaml")]
impl Locator {
    /// Walks the document's events. Fails if the text does not parse or nests too deeply.
    pub fn build(text: &str) -> Result<Locator, (Option<usize>, Option<usize>, String)> {
        use carebudget_core::limits::MAX_DOC_DEPTH;
        use serde_saphyr::granit_parser::{Event, Parser};
        enum Frame {
            Map(Option<String>),
            Seq(usize),
        }
        fn path(stack: &[Frame]) -> String {
            let mut p = String::new();
            for f in stack {
                match f {
                    Frame::Map(Some(k)) => {
                        if !p.is_empty() {
                            p.push('.');
                        }
                        p.push_str(k);
                    }
                    Frame::Map(None) => {}
                    Frame::Seq(i) => p.push_str(&format!("[{i}]")),
                }
            }
            p
        }
        fn after_node(stack: &mut [Frame]) {
            match stack.last_mut() {
                Some(Frame::Map(k)) => *k = None,
                Some(Frame::Seq(i)) => *i += 1,
                None => {}
            }
        }
        let mut places = IndexMap::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut events = 0usize;
        for item in Parser::new_from_str(text) {
            let (event, span) = item.map_err(|e| {
                let m = e.marker();
                (
                    Some(m.line()),
                    Some(m.col() + 1),
                    format!("the text is not valid YAML or JSON: {}", e.info()),
                )
            })?;
            events += 1;
            if events > carebudget_core::limits::MAX_YAML_EVENTS {
                return Err((
                    None,
                    None,
                    format!(
                        "the document has more than {} parts",
                        carebudget_core::limits::MAX_YAML_EVENTS
                    ),
                ));
            }
            let at = (span.start.line(), span.start.col() + 1);
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Map(key @ None)) = stack.last_mut() {
                        *key = Some(value.into_owned());
                        continue;
                    }
                    places.entry(path(&stack)).or_insert(at);
                    after_node(&mut stack);
                }
                Event::Alias(_) => {
                    if let Some(Frame::Map(key @ None)) = stack.last_mut() {
                        *key = Some("*".into());
                        continue;
                    }
                    places.entry(path(&stack)).or_insert(at);
                    after_node(&mut stack);
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    if let Some(Frame::Map(key @ None)) = stack.last_mut() {
                        // A complex key; rare, and only its location suffers.
                        *key = Some("?".into());
                    }
                    places.entry(path(&stack)).or_insert(at);
                    if stack.len() >= MAX_DOC_DEPTH {
                        return Err((
                            Some(at.0),
                            Some(at.1),
                            format!("the document nests more than {MAX_DOC_DEPTH} levels deep"),
                        ));
                    }
                    stack.push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Map(None)
                    } else {
                        Frame::Seq(0)
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    after_node(&mut stack);
                }
                _ => {}
            }
        }
        Ok(Locator { places })
    }
}

#[cfg(not(feature = "yaml"))]
impl Locator {
    pub fn build(_text: &str) -> Result<Locator, (Option<usize>, Option<usize>, String)> {
        Ok(Locator {
            places: IndexMap::new(),
        })
    }
}

impl Locator {
    /// The line and column of `path`, or of its nearest ancestor that appears in the text.
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut p = path;
        loop {
            if let Some(at) = self.places.get(p) {
                return Some(*at);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

/// A ruleset with its `extends` chain merged, and the files it came from.
pub struct Merged {
    pub ruleset: Ruleset,
    /// Ruleset id → the file it was read from (for locating diagnostics).
    pub files: IndexMap<String, SourceFile>,
}

/// Reads a ruleset and everything it `extends`, then merges them: the child's parameters,
/// questions, rules, sections, sources and outputs replace or add to its parent's, and each
/// item remembers which ruleset it came from (`origin`), so what is national and what is
/// the council's own choice stays visible.
pub fn load_chain(
    main: SourceFile,
    resolve: &mut dyn FnMut(&str) -> Option<SourceFile>,
) -> Result<Merged, Vec<Diagnostic>> {
    let mut chain: Vec<Ruleset> = Vec::new();
    let mut files: IndexMap<String, SourceFile> = IndexMap::new();
    let mut next = Some(main);
    while let Some(file) = next.take() {
        let rs: Ruleset = parse(&file, MAX_FILE_BYTES).map_err(|d| vec![d])?;
        let err = |path: &str, msg: String| {
            vec![Diagnostic {
                file: file.name.clone(),
                ..Diagnostic::error(path, msg)
            }]
        };
        if files.contains_key(&rs.id) {
            return Err(err(
                "extends",
                format!("`extends` goes round in a circle back to `{}`", rs.id),
            ));
        }
        if chain.len() >= MAX_EXTENDS_DEPTH {
            return Err(err(
                "extends",
                format!("`extends` chains more than {MAX_EXTENDS_DEPTH} rulesets"),
            ));
        }
        if let Some(parent) = &rs.extends {
            match resolve(parent) {
                Some(f) => next = Some(f),
                None => {
                    return Err(err(
                        "extends",
                        format!("cannot find the ruleset `{parent}` that this one extends"),
                    ));
                }
            }
        }
        files.insert(rs.id.clone(), file);
        chain.push(rs);
    }
    let mut merged: Option<Ruleset> = None;
    let mut based_on: Vec<(String, Text)> = Vec::new();
    for mut layer in chain.into_iter().rev() {
        let origin = layer.id.clone();
        for p in layer.parameters.values_mut() {
            p.origin.get_or_insert_with(|| origin.clone());
        }
        for i in layer.inputs.values_mut() {
            i.origin.get_or_insert_with(|| origin.clone());
        }
        for r in layer.rules.values_mut() {
            r.origin.get_or_insert_with(|| origin.clone());
        }
        merged = Some(match merged {
            None => layer,
            Some(mut base) => {
                based_on.insert(0, (base.id.clone(), base.title.clone()));
                overlay(&mut base.sources, layer.sources);
                overlay(&mut base.sections, layer.sections);
                overlay(&mut base.parameters, layer.parameters);
                overlay(&mut base.inputs, layer.inputs);
                overlay(&mut base.rules, layer.rules);
                overlay(&mut base.outputs, layer.outputs);
                // What the nation's rules leave out still holds under a council's.
                base.limitations.extend(layer.limitations);
                Ruleset {
                    limitations: base.limitations,
                    sources: base.sources,
                    sections: base.sections,
                    parameters: base.parameters,
                    inputs: base.inputs,
                    rules: base.rules,
                    outputs: base.outputs,
                    extends: None,
                    based_on: IndexMap::new(),
                    ..layer
                }
            }
        });
    }
    let mut ruleset = merged.expect("the chain has at least the main ruleset");
    if !based_on.is_empty() {
        ruleset.based_on = based_on.into_iter().collect();
    }
    Ok(Merged { ruleset, files })
}

/// The child's entries replace the parent's in place (keeping the parent's order) or are added.
fn overlay<T>(base: &mut IndexMap<String, T>, child: IndexMap<String, T>) {
    for (k, v) in child {
        base.insert(k, v);
    }
}
