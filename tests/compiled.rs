//! The compiled program file (`carebudget build --program`), which the widget reads: it
//! gives the same results and explanations as the ruleset it came from, and a damaged or
//! hostile file is refused with a message — never a panic, and never run unverified.

use carebudget_core::text::Lang;
use std::path::Path;

use carebudget_core::answers::type_answers;
use carebudget_core::compiled::{MAGIC, VERSION, decode};
use carebudget_core::eval::evaluate;
use carebudget_core::explain::explain;
use carebudget_core::limits::MAX_EXPR_DEPTH;
use carebudget_core::program::{Item, Node, Program, Ref, Value};
use carebudget_format::examples::run_example;
use carebudget_format::{Loaded, SourceFile};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn encode(p: &Program) -> Vec<u8> {
    carebudget_core::compiled::encode(p).expect("a checked program encodes")
}

fn load(id: &str) -> Loaded {
    let dir = Path::new(ROOT).join("www/rules");
    let read = |id: &str| {
        let p = dir.join(format!("{id}.yaml"));
        std::fs::read_to_string(&p)
            .ok()
            .map(|t| SourceFile::new(p.display().to_string(), t))
    };
    let main = read(id).expect("bundled ruleset");
    carebudget_format::load(main, &mut |id| read(id)).unwrap_or_else(|ds| panic!("{id}: {ds:?}"))
}

const BUNDLED: [&str; 6] = [
    "example",
    "england",
    "wales",
    "scotland",
    "council-northbrook",
    "council-southmere",
];

/// Every worked example, evaluated and explained in each language, as JSON.
fn reports(p: &Program, l: &Loaded) -> Vec<String> {
    let mut out = Vec::new();
    for ex in &l.ruleset.examples {
        let answers = type_answers(p, &ex.answers).expect("example answers type");
        let ev = evaluate(p, &answers, ex.as_of, true);
        for lang in Lang::ALL {
            for other in [false, true] {
                out.push(serde_json::to_string(&explain(p, &ev, lang, other)).unwrap());
            }
        }
    }
    out
}

#[test]
fn every_bundled_ruleset_gives_the_same_results_and_words_compiled() {
    for id in BUNDLED {
        let l = load(id);
        let bytes = encode(&l.program);
        let p = decode(&bytes).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(!l.ruleset.examples.is_empty(), "{id} has worked examples");
        for ex in &l.ruleset.examples {
            let r = run_example(&p, ex);
            assert!(r.failures.is_empty(), "{id} / {}: {:?}", ex.name, r.failures);
        }
        assert_eq!(reports(&p, &l), reports(&l.program, &l), "{id}: explanations differ");
        // Encoding is deterministic: the same ruleset always gives the same file (and hash).
        assert_eq!(encode(&p), bytes, "{id}: re-encoding differs");
    }
}

#[test]
fn a_file_that_is_not_a_program_is_named_as_such() {
    let yaml = std::fs::read(Path::new(ROOT).join("www/rules/example.yaml")).unwrap();
    let e = refused(&yaml);
    assert!(e.contains("not a compiled carebudget program"), "{e}");
    assert!(refused(b"").contains("not a compiled carebudget program"));
    assert!(refused(MAGIC).contains("ends after its header"));
}

#[test]
fn another_format_version_is_refused_with_both_versions() {
    let mut bytes = encode(&load("example").program);
    bytes[MAGIC.len()] = VERSION + 1;
    let e = refused(&bytes);
    assert!(
        e.contains(&format!("version {}", VERSION + 1)) && e.contains(&format!("reads version {VERSION}")),
        "{e}"
    );
}

#[test]
fn every_truncation_and_trailing_bytes_are_refused() {
    let bytes = encode(&load("example").program);
    for n in 0..bytes.len() {
        assert!(decode(&bytes[..n]).is_err(), "{n} of {} bytes decoded", bytes.len());
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(refused(&longer).contains("1 bytes after its end"));
}

/// Any single byte changed: refused, or (if it still decodes and verifies) it evaluates and
/// explains every worked example without panicking. Run over every byte of the file.
#[test]
fn every_single_byte_change_is_refused_or_runs_safely() {
    let l = load("example");
    let bytes = encode(&l.program);
    let (mut refused, mut ran) = (0, 0);
    for i in MAGIC.len() + 1..bytes.len() {
        for flip in [0x01u8, 0xff] {
            let mut b = bytes.clone();
            b[i] ^= flip;
            match decode(&b) {
                Err(e) => {
                    assert!(e.starts_with("the program is damaged"), "byte {i}: {e}");
                    refused += 1;
                }
                Ok(p) => {
                    for ex in &l.ruleset.examples {
                        if let Ok(a) = type_answers(&p, &ex.answers) {
                            let ev = evaluate(&p, &a, ex.as_of, true);
                            let _ = explain(&p, &ev, Lang::Cy, true);
                        }
                    }
                    ran += 1;
                }
            }
        }
    }
    // Both happen: most changes break the encoding, some only change a figure or a word.
    assert!(refused > 0 && ran > 0, "refused {refused}, ran {ran}");
}

/// The message a file is refused with.
fn refused(bytes: &[u8]) -> String {
    match decode(bytes) {
        Ok(_) => panic!("the file was accepted"),
        Err(e) => e,
    }
}

fn with_rule_node(node: Node) -> Vec<u8> {
    let mut p = load("example").program;
    p.rules[0].node = node;
    encode(&p)
}

#[test]
fn expressions_nested_beyond_the_limit_are_refused() {
    let nest = |depth: usize| {
        let mut n = Node::Const(Value::Bool(true));
        for _ in 0..depth {
            n = Node::Not(Box::new(n));
        }
        n
    };
    // Within the limit `check` allows, a file reads (deeper than any real ruleset).
    assert!(decode(&with_rule_node(nest(MAX_EXPR_DEPTH - 2))).is_ok());
    let e = refused(&with_rule_node(nest(MAX_EXPR_DEPTH)));
    assert!(e.contains(&format!("nest more than {MAX_EXPR_DEPTH} deep")), "{e}");
    // A hostile depth fails the same way rather than exhausting the stack. (Built as bytes:
    // such a tree could not even be dropped natively.) `not` is one byte more than its operand.
    let (one, zero) = (with_rule_node(nest(1)), with_rule_node(nest(0)));
    let at = zero.iter().zip(&one).position(|(a, b)| a != b).unwrap();
    let mut hostile = zero.clone();
    hostile.splice(at..at, std::iter::repeat_n(one[at], 100_000));
    assert_eq!(hostile.len(), zero.len() + 100_000);
    let e = refused(&hostile);
    assert!(e.contains(&format!("nest more than {MAX_EXPR_DEPTH} deep")), "{e}");
}

#[test]
fn an_index_out_of_range_is_refused_not_followed() {
    let rule0 = load("example").program.rules[0].id.clone();
    for bad in [Ref::Input(9_999), Ref::Param(9_999), Ref::Rule(9_999)] {
        let e = refused(&with_rule_node(Node::Ref(bad)));
        assert!(
            e.contains(&format!("the rule `{}` refers to an item that does not exist", rule0)),
            "{bad:?}: {e}"
        );
    }
    let e = refused(&with_rule_node(Node::Count(9_999)));
    assert!(e.contains("does not exist"), "{e}");
    let e = refused(&with_rule_node(Node::Sum(Vec::new())));
    assert!(e.contains("refers to an item"), "an empty sum is refused: {e}");

    let mut p = load("example").program;
    p.outputs[0].rule = 9_999;
    assert!(refused(&encode(&p)).contains("the answer `eligible` refers to an item that does not exist"));
}

#[test]
fn an_order_that_runs_a_rule_before_what_it_uses_is_refused() {
    let base = load("example").program;
    // The last rule in order uses something; move it first.
    let mut p = load("example").program;
    let last = p
        .order
        .iter()
        .rposition(|i| matches!(i, Item::Rule(r) if !base.rules[*r as usize].uses.is_empty()));
    let item = p.order.remove(last.unwrap());
    p.order.insert(0, item);
    assert!(refused(&encode(&p)).contains("comes before something it uses"));

    let mut p = load("example").program;
    p.order.pop();
    assert!(refused(&encode(&p)).contains("leaves an item out"));

    let mut p = load("example").program;
    let first = p.order[0];
    p.order.push(first);
    assert!(refused(&encode(&p)).contains("names an item twice"));
}

#[test]
fn words_that_repeat_an_id_are_refused() {
    let mut p = load("example").program;
    let first = p.info.sections.0[0].0.clone();
    let copy = (
        first.clone(),
        carebudget_core::program::SectionText {
            title: Default::default(),
            intro: None,
        },
    );
    p.info.sections.0.push(copy);
    let e = refused(&encode(&p));
    assert!(e.contains(&format!("its words name `{first}` twice")), "{e}");

    let mut p = load("example").program;
    let q = p
        .info
        .inputs
        .iter_mut()
        .find(|q| !q.options.is_empty())
        .expect("a choice question");
    let (id, _) = &q.options.0[0];
    let copy = (
        id.clone(),
        carebudget_core::program::ChoiceText {
            label: Default::default(),
            hint: None,
        },
    );
    q.options.0.push(copy);
    assert!(refused(&encode(&p)).contains("twice"));
}

#[test]
fn a_number_that_cannot_be_held_exactly_is_refused() {
    // 1234567.89 is written as its mantissa (zigzag varint) and scale 2; the scale is
    // changed to 29, one more decimal place than a decimal can hold.
    let d = carebudget_core::decimal::Decimal::new(123_456_789, 2);
    let bytes = with_rule_node(Node::Const(Value::Number(d)));
    let mut mantissa = Vec::new();
    let mut z: u128 = 123_456_789 << 1;
    loop {
        let b = (z & 0x7f) as u8;
        z >>= 7;
        if z == 0 {
            mantissa.push(b);
            break;
        }
        mantissa.push(b | 0x80);
    }
    mantissa.push(2);
    let at = bytes
        .windows(mantissa.len())
        .position(|w| w == mantissa)
        .expect("the number's bytes");
    let mut damaged = bytes.clone();
    damaged[at + mantissa.len() - 1] = 29;
    assert!(decode(&bytes).is_ok());
    let e = refused(&damaged);
    assert!(
        e.contains("a number in it is too large or has more than 28 decimal places"),
        "{e}"
    );
}
