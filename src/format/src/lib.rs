//! carebudget's ruleset format: a council's or a nation's published rules as YAML or JSON
//! (`model`, `expr`), read within limits with every error located (`load`), type-checked
//! and compiled into the core's [`Program`] (`check`), and their worked examples run
//! (`examples`). The pipeline (see ARCHITECTURE.md): text → [`load`] (parse, merge
//! `extends`) → [`check`] → `carebudget_core::eval` and `explain`. No I/O: front ends hand in
//! text, and a resolver for `extends`.
#![deny(unsafe_code)]

pub mod check;
pub mod examples;
pub mod expr;
pub mod load;
pub mod model;

use indexmap::IndexMap;

pub use carebudget_core::diagnostic::{Diagnostic, Severity};
pub use carebudget_core::program::Program;

pub use crate::load::SourceFile;

/// A ruleset that loaded and checked cleanly, with any lint warnings.
pub struct Loaded {
    pub program: Program,
    /// The merged ruleset it was compiled from (formulas and all: the rules page shows them).
    pub ruleset: model::Ruleset,
    pub warnings: Vec<Diagnostic>,
}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loaded")
            .field("ruleset", &self.ruleset.id)
            .field("warnings", &self.warnings)
            .finish()
    }
}

/// Loads a ruleset (YAML or JSON) and everything it `extends`, checks it and compiles it.
/// `resolve` turns a ruleset id into its text (the CLI reads the file beside this one).
/// Every diagnostic names its file, path, and line:column where it can be found.
pub fn load(main: SourceFile, resolve: &mut dyn FnMut(&str) -> Option<SourceFile>) -> Result<Loaded, Vec<Diagnostic>> {
    let merged = load::load_chain(main, resolve)?;
    let origins: IndexMap<String, Option<String>> = origins(&merged.ruleset);
    let main_id = merged.ruleset.id.clone();
    let files = merged.files;
    let locate = move |mut ds: Vec<Diagnostic>| -> Vec<Diagnostic> {
        let mut locators: IndexMap<String, load::Locator> = IndexMap::new();
        for d in &mut ds {
            // An item's problems are in the file it came from.
            let item = d.path.split(['.', '[']).take(2).collect::<Vec<_>>().join(".");
            let origin = origins.get(&item).cloned().flatten().unwrap_or_else(|| main_id.clone());
            let Some(file) = files.get(&origin).or_else(|| files.get(&main_id)) else {
                continue;
            };
            d.file = file.name.clone();
            if !locators.contains_key(&origin)
                && let Ok(l) = load::Locator::build(&file.text)
            {
                locators.insert(origin.clone(), l);
            }
            if let Some((line, col)) = locators.get(&origin).and_then(|l| l.find(&d.path)) {
                d.line = Some(line);
                d.column = Some(col);
            }
        }
        ds
    };
    match check::check(&merged.ruleset) {
        Ok((program, warnings)) => Ok(Loaded {
            program,
            ruleset: merged.ruleset,
            warnings: locate(warnings),
        }),
        Err(errors) => Err(locate(errors)),
    }
}

/// Loads a single published ruleset (no `extends` to follow), as the widget does.
pub fn load_published(name: &str, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    load(SourceFile::new(name, text), &mut |_| None)
}

/// `parameters.x` / `inputs.x` / `rules.x` → the ruleset the item came from.
fn origins(rs: &model::Ruleset) -> IndexMap<String, Option<String>> {
    let mut m = IndexMap::new();
    for (k, v) in &rs.parameters {
        m.insert(format!("parameters.{k}"), v.origin.clone());
    }
    for (k, v) in &rs.inputs {
        m.insert(format!("inputs.{k}"), v.origin.clone());
    }
    for (k, v) in &rs.rules {
        m.insert(format!("rules.{k}"), v.origin.clone());
    }
    m
}
