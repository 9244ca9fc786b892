//! The compiled program file (`carebudget build --program`): a checked [`Program`] in a
//! compact binary form, which is what the widget reads.
//!
//! Checking a ruleset needs its parser and the checker; running one needs neither. So
//! `build` checks once, on the publisher's machine, and the browser only decodes and
//! verifies. The file is a header (magic, format version) and the program in postcard.
//! A damaged or hand-made file is refused by [`decode`] with a message, never run: every
//! index is checked against what it indexes, nesting is bounded, and the evaluation order
//! must put each item after what it uses.

mod read;

use crate::limits::MAX_PROGRAM_BYTES;
use crate::program::*;

/// The first bytes of every compiled program file.
pub const MAGIC: &[u8] = b"carebudget-program\n";
/// Bumped whenever the encoding changes; a widget refuses any other version.
pub const VERSION: u8 = 8;

/// The file for `program`.
pub fn encode(program: &Program) -> Result<Vec<u8>, String> {
    let mut out = MAGIC.to_vec();
    out.push(VERSION);
    out.extend(postcard::to_allocvec(program).map_err(|e| format!("cannot encode the program: {e}"))?);
    Ok(out)
}

/// Reads a compiled program file, refusing anything it cannot trust to run.
pub fn decode(bytes: &[u8]) -> Result<Program, String> {
    if bytes.len() > MAX_PROGRAM_BYTES {
        return Err(format!(
            "the file is {} bytes; the limit is {MAX_PROGRAM_BYTES} bytes",
            bytes.len()
        ));
    }
    let Some(rest) = bytes.strip_prefix(MAGIC) else {
        return Err("this is not a compiled carebudget program (make one with `carebudget build --program`)".into());
    };
    match rest.split_first() {
        Some((&VERSION, body)) => {
            let mut r = read::Reader::new(body);
            let program: Program = r.read().map_err(|why| format!("the program is damaged ({why})"))?;
            if !r.rest.is_empty() {
                return Err(format!("the program is damaged ({} bytes after its end)", r.rest.len()));
            }
            verify(&program)?;
            Ok(program)
        }
        Some((v, _)) => Err(format!(
            "the program is in format version {v}; this calculator reads version {VERSION} (rebuild it with this version of carebudget)"
        )),
        None => Err("the program is damaged (it ends after its header)".into()),
    }
}

/// Every index in range and the evaluation order sound, so that evaluating cannot panic.
fn verify(p: &Program) -> Result<(), String> {
    let (ni, np, nr) = (p.inputs.len(), p.params.len(), p.rules.len());
    let bad = |what: String| Err(format!("the program is damaged ({what})"));
    if p.info.inputs.len() != ni || p.info.params.len() != np || p.info.rules.len() != nr {
        return bad("its words do not match its items".into());
    }
    let repeated = [
        p.info.based_on.repeated(),
        p.info.sources.repeated(),
        p.info.sections.repeated(),
    ]
    .into_iter()
    .chain(p.info.inputs.iter().map(|q| q.options.repeated()))
    .flatten()
    .next();
    if let Some(id) = repeated {
        return bad(format!("its words name `{id}` twice"));
    }
    for x in &p.params {
        if x.timeline.is_empty() || x.timeline.windows(2).any(|w| w[0].from >= w[1].from) {
            return bad(format!("the figure `{}` has no dates, or dates out of order", x.id));
        }
    }
    // Each input and rule once in the order.
    let (mut input_at, mut rule_at) = (vec![None; ni], vec![None; nr]);
    for (pos, item) in p.order.iter().enumerate() {
        let slot = match *item {
            Item::Input(i) if (i as usize) < ni => &mut input_at[i as usize],
            Item::Rule(r) if (r as usize) < nr => &mut rule_at[r as usize],
            _ => return bad("its order names an item that does not exist".into()),
        };
        if slot.replace(pos).is_some() {
            return bad("its order names an item twice".into());
        }
    }
    if input_at.iter().chain(&rule_at).any(Option::is_none) {
        return bad("its order leaves an item out".into());
    }
    let in_range = |r: &Ref| match *r {
        Ref::Input(i) => (i as usize) < ni,
        Ref::Param(i) => (i as usize) < np,
        Ref::Rule(i) => (i as usize) < nr,
    };
    // What an item names (its `uses` and every `Ref` in its expression), or `None` if the
    // expression is malformed or names something that does not exist.
    let named = |uses: &[Ref], node: Option<&Node>| {
        let mut refs = uses.to_vec();
        let shape_ok = node.is_none_or(|n| walk(n, ni, &mut refs));
        (shape_ok && refs.iter().all(in_range)).then_some(refs)
    };
    let before = |refs: &[Ref], pos: Option<usize>| {
        refs.iter().all(|r| match *r {
            Ref::Input(i) => input_at[i as usize] < pos,
            Ref::Rule(i) => rule_at[i as usize] < pos,
            Ref::Param(_) => true,
        })
    };
    let choice_ok = |t: Ty| !matches!(t, Ty::Choice(i) | Ty::Choices(i) if i as usize >= ni);
    for (k, x) in p.inputs.iter().enumerate() {
        let Some(refs) = named(&x.uses, x.ask_when.as_ref()).filter(|_| choice_ok(x.ty)) else {
            return bad(format!("the question `{}` refers to an item that does not exist", x.id));
        };
        if !before(&refs, input_at[k]) {
            return bad(format!("the question `{}` comes before something it uses", x.id));
        }
        if x.if_unanswered
            .as_ref()
            .is_some_and(|(qs, _)| qs.iter().any(|q| *q as usize >= ni))
        {
            return bad(format!("the question `{}` refers to an item that does not exist", x.id));
        }
    }
    for (k, x) in p.rules.iter().enumerate() {
        let Some(refs) = named(&x.uses, Some(&x.node)) else {
            return bad(format!("the rule `{}` refers to an item that does not exist", x.id));
        };
        if !before(&refs, rule_at[k]) {
            return bad(format!("the rule `{}` comes before something it uses", x.id));
        }
    }
    // Outputs are decided after every rule, so only their names need checking.
    for o in &p.outputs {
        if o.rule as usize >= nr || named(&[], o.applies_when.as_ref()).is_none() {
            return bad(format!("the answer `{}` refers to an item that does not exist", o.id));
        }
    }
    Ok(())
}

/// One walk of an expression: collects every `Ref` into `refs`, and says whether its shape
/// is sound (questions it reads exist; operand lists evaluation indexes are not empty).
fn walk(n: &Node, ni: usize, refs: &mut Vec<Ref>) -> bool {
    let input_ok = |i: u32| (i as usize) < ni;
    let own = match n {
        Node::Ref(r) => {
            refs.push(*r);
            true
        }
        Node::Lookup { input, .. }
        | Node::AnswerIn(input, _)
        | Node::Includes(input, _)
        | Node::Count(input)
        | Node::Age(input) => input_ok(*input),
        Node::Divide(_, _, _, Ty::Choice(i) | Ty::Choices(i)) => input_ok(*i),
        // Evaluation reads the first operand, band and point of these.
        Node::Sum(xs) | Node::Difference(xs) | Node::Product(xs, ..) | Node::Min(xs) | Node::Max(xs) => !xs.is_empty(),
        Node::Bands { bands, .. } => !bands.is_empty(),
        Node::Scale { points, .. } => !points.is_empty(),
        _ => true,
    };
    own && n.each_child(&mut |c| walk(c, ni, refs))
}
