//! Reads a program from the postcard bytes `encode` writes, by hand.
//!
//! The widget only ever reads programs, and serde's derived readers with postcard's
//! deserializer were much larger in it than this reader (docs/widget.md, "Size"). Writing stays with serde and postcard, so the format is
//! postcard's: a varint for lengths, integers above a byte and enum variants (zigzag for
//! signed ones), a byte for `u8`, `bool` and the `Option` tag, fields in declaration order.
//! `tests/compiled.rs` and this module's tests read back what postcard wrote for every
//! bundled program, every kind of node and every variant, so the two cannot drift apart.
//!
//! Reading is bounded: a length longer than the bytes left is refused before anything is
//! allocated for it, and nodes nest at most [`MAX_EXPR_DEPTH`] deep.

use crate::decimal::Decimal;

use crate::date::Date;
use crate::limits::MAX_EXPR_DEPTH;
use crate::money::{Better, Direction, Money, Rounding};
use crate::program::*;
use crate::text::{Lang, Text};
use crate::vocab::{InputType, Period, Role, ValueType};

type R<T> = Result<T, String>;

/// The bytes still to read, and how deeply nodes nest at this point.
pub struct Reader<'a> {
    pub rest: &'a [u8],
    depth: usize,
}

fn unreadable() -> String {
    "a value in it cannot be read".into()
}

fn ends() -> String {
    "it ends too soon".into()
}

/// A signed integer from its zigzag form (0, -1, 1, -2… as 0, 1, 2, 3…).
fn unzigzag(z: u128) -> i128 {
    (z >> 1) as i128 ^ -((z & 1) as i128)
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { rest: bytes, depth: 0 }
    }

    fn byte(&mut self) -> R<u8> {
        let (&b, rest) = self.rest.split_first().ok_or_else(ends)?;
        self.rest = rest;
        Ok(b)
    }

    /// An unsigned LEB128 varint of at most `max` bytes.
    fn varint(&mut self, max: u32) -> R<u128> {
        let mut v = 0u128;
        for i in 0..max {
            let b = self.byte()?;
            v |= u128::from(b & 0x7f) << (7 * i);
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(unreadable())
    }

    fn u32(&mut self) -> R<u32> {
        u32::try_from(self.varint(5)?).map_err(|_| unreadable())
    }

    /// An enum's variant, one of `n`.
    fn tag(&mut self, n: u32) -> R<usize> {
        match self.u32()? {
            t if t < n => Ok(t as usize),
            _ => Err(unreadable()),
        }
    }

    /// A sequence's length. Every element takes at least a byte, so a length beyond the
    /// bytes left is damage, refused before anything is allocated.
    fn len(&mut self) -> R<usize> {
        match usize::try_from(self.varint(10)?) {
            Ok(n) if n <= self.rest.len() => Ok(n),
            _ => Err(ends()),
        }
    }

    pub fn read<T: Read>(&mut self) -> R<T> {
        T::read(self)
    }
}

/// A value as postcard writes it.
pub trait Read: Sized {
    fn read(r: &mut Reader) -> R<Self>;
}

impl Read for bool {
    fn read(r: &mut Reader) -> R<bool> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(unreadable()),
        }
    }
}

impl Read for u8 {
    fn read(r: &mut Reader) -> R<u8> {
        r.byte()
    }
}

impl Read for u16 {
    fn read(r: &mut Reader) -> R<u16> {
        u16::try_from(r.varint(3)?).map_err(|_| unreadable())
    }
}

impl Read for u32 {
    fn read(r: &mut Reader) -> R<u32> {
        r.u32()
    }
}

impl Read for String {
    fn read(r: &mut Reader) -> R<String> {
        let n = r.len()?;
        let (s, rest) = r.rest.split_at(n);
        r.rest = rest;
        String::from_utf8(s.to_vec()).map_err(|_| unreadable())
    }
}

impl<T: Read> Read for Option<T> {
    fn read(r: &mut Reader) -> R<Option<T>> {
        Ok(if r.read()? { Some(r.read()?) } else { None })
    }
}

/// A plain loop: collecting into `Result` instantiates an iterator adapter per element type
/// (much more code for the program's types: docs/widget.md, "Size").
impl<T: Read> Read for Vec<T> {
    fn read(r: &mut Reader) -> R<Vec<T>> {
        let n = r.len()?;
        let mut v = Vec::new();
        for _ in 0..n {
            v.push(r.read()?);
        }
        Ok(v)
    }
}

impl<T: Read> Read for Box<T> {
    fn read(r: &mut Reader) -> R<Box<T>> {
        r.read().map(Box::new)
    }
}

/// A fixed number of nodes (postcard writes no length for an array).
impl<const N: usize> Read for Box<[Node; N]> {
    fn read(r: &mut Reader) -> R<Self> {
        let mut v = Vec::with_capacity(N);
        for _ in 0..N {
            v.push(r.read()?);
        }
        v.into_boxed_slice().try_into().map_err(|_| unreadable())
    }
}

impl<A: Read, B: Read> Read for (A, B) {
    fn read(r: &mut Reader) -> R<(A, B)> {
        Ok((r.read()?, r.read()?))
    }
}

impl<T: Read> Read for Keyed<T> {
    fn read(r: &mut Reader) -> R<Keyed<T>> {
        r.read().map(Keyed)
    }
}

/// An exact decimal: its mantissa (zigzag varint) and scale.
impl Read for Decimal {
    fn read(r: &mut Reader) -> R<Decimal> {
        let m = unzigzag(r.varint(19)?);
        let scale = r.u32()?;
        Decimal::try_from_i128_with_scale(m, scale)
            .ok_or_else(|| "a number in it is too large or has more than 28 decimal places".into())
    }
}

/// Pence, as a zigzag varint.
impl Read for Money {
    fn read(r: &mut Reader) -> R<Money> {
        Money::checked(unzigzag(r.varint(10)?))
    }
}

impl Read for Date {
    fn read(r: &mut Reader) -> R<Date> {
        Date::new(r.read()?, r.read()?, r.read()?)
    }
}

impl Read for Unit {
    fn read(r: &mut Reader) -> R<Unit> {
        Ok([Unit::Number, Unit::Money][r.tag(2)?])
    }
}

impl Read for Lang {
    fn read(r: &mut Reader) -> R<Lang> {
        Ok(Lang::ALL[r.tag(2)?])
    }
}

impl Read for Text {
    fn read(r: &mut Reader) -> R<Text> {
        let (en, cy) = (r.read()?, r.read()?);
        let for_other = if r.read()? {
            let (en, cy) = (r.read()?, r.read()?);
            // One level only, as the loader allows (and no recursion for damage to drive).
            if r.read()? {
                return Err(unreadable());
            }
            Some(Box::new(Text {
                en,
                cy,
                for_other: None,
            }))
        } else {
            None
        };
        Ok(Text { en, cy, for_other })
    }
}

impl Read for Rounding {
    fn read(r: &mut Reader) -> R<Rounding> {
        Ok(Rounding {
            direction: r.read()?,
            better: r.read()?,
            to: r.read()?,
        })
    }
}

/// Enums without data: the variant's index, in declaration order.
/// The `match` fails to compile if an enum gains a variant that is not listed here.
macro_rules! read_unit_enum {
    ($($t:ident: $($v:ident),+;)+) => {$(
        impl Read for $t {
            fn read(r: &mut Reader) -> R<$t> {
                const ALL: &[$t] = &[$($t::$v),+];
                const _: fn($t) = |x| match x { $($t::$v)|+ => () };
                Ok(ALL[r.tag(ALL.len() as u32)?])
            }
        }
    )+};
}

read_unit_enum! {
    Direction: Down, Up, Nearest, PersonsFavour;
    Better: Lower, Higher;
    InputType: Choice, Choices, YesNo, Money, WholeNumber, Number, Date;
    Period: Weekly, Fortnightly, FourWeekly, Monthly, Yearly;
    Role: Eligibility, Budget, Contribution, CouncilShare, Other;
    ValueType: Money, Number, Percentage, Points, YesNo, Date, Range;
    CmpOp: Gt, Ge, Lt, Le, Eq, Ne;
}

impl Read for Ty {
    fn read(r: &mut Reader) -> R<Ty> {
        Ok(match r.tag(8)? {
            0 => Ty::Money,
            1 => Ty::Number,
            2 => Ty::Bool,
            3 => Ty::Date,
            4 => Ty::Choice(r.read()?),
            5 => Ty::Choices(r.read()?),
            6 => Ty::Range,
            _ => Ty::Periodic,
        })
    }
}

impl Read for Ref {
    fn read(r: &mut Reader) -> R<Ref> {
        let k = r.tag(3)?;
        let i = r.read()?;
        Ok([Ref::Input, Ref::Param, Ref::Rule][k](i))
    }
}

impl Read for Item {
    fn read(r: &mut Reader) -> R<Item> {
        let k = r.tag(2)?;
        let i = r.read()?;
        Ok([Item::Input, Item::Rule][k](i))
    }
}

impl Read for Value {
    fn read(r: &mut Reader) -> R<Value> {
        Ok(match r.tag(8)? {
            0 => Value::Money(r.read()?),
            1 => Value::Number(r.read()?),
            2 => Value::Bool(r.read()?),
            3 => Value::Date(r.read()?),
            4 => Value::Choice(r.read()?),
            5 => Value::Choices(r.read()?),
            6 => Value::Range(r.read()?, r.read()?),
            _ => Value::Periodic(r.read()?, r.read()?),
        })
    }
}

impl Read for Node {
    fn read(r: &mut Reader) -> R<Node> {
        if r.depth >= MAX_EXPR_DEPTH {
            return Err(format!("expressions nest more than {MAX_EXPR_DEPTH} deep"));
        }
        r.depth += 1;
        let node = read_node(r);
        r.depth -= 1;
        node
    }
}

fn read_node(r: &mut Reader) -> R<Node> {
    Ok(match r.tag(28)? {
        0 => Node::Const(r.read()?),
        1 => Node::Ref(r.read()?),
        2 => Node::Sum(r.read()?),
        3 => Node::Difference(r.read()?),
        4 => Node::Product(r.read()?, r.read()?, r.read()?),
        5 => Node::Divide(r.read()?, r.read()?, r.read()?, r.read()?),
        6 => Node::Min(r.read()?),
        7 => Node::Max(r.read()?),
        8 => Node::Clamp(r.read()?),
        9 => Node::Cmp(r.read()?, r.read()?),
        10 => Node::All(r.read()?),
        11 => Node::Any(r.read()?),
        12 => Node::Not(r.read()?),
        13 => Node::AtLeast(r.read()?, r.read()?),
        14 => Node::Cases(r.read()?, r.read()?),
        15 => Node::Lookup {
            input: r.read()?,
            table: r.read()?,
            default: r.read()?,
            multi: r.read()?,
        },
        16 => Node::Bands {
            value: r.read()?,
            bands: r.read()?,
        },
        17 => Node::Scale {
            value: r.read()?,
            points: r.read()?,
            round: r.read()?,
            unit: r.read()?,
        },
        18 => Node::Tariff(r.read()?),
        19 => Node::Weekly(r.read()?, r.read()?),
        20 => Node::Round(r.read()?, r.read()?, r.read()?),
        21 => Node::Range(r.read()?),
        22 => Node::Lower(r.read()?),
        23 => Node::Upper(r.read()?),
        24 => Node::AnswerIn(r.read()?, r.read()?),
        25 => Node::Includes(r.read()?, r.read()?),
        26 => Node::Count(r.read()?),
        _ => Node::Age(r.read()?),
    })
}

impl Read for BandNode {
    fn read(r: &mut Reader) -> R<BandNode> {
        Ok(BandNode {
            from: r.read()?,
            out: if r.tag(2)? == 0 {
                BandOut::Range(r.read()?, r.read()?)
            } else {
                BandOut::Value(r.read()?)
            },
        })
    }
}

impl Read for InputInfo {
    fn read(r: &mut Reader) -> R<InputInfo> {
        Ok(InputInfo {
            id: r.read()?,
            kind: r.read()?,
            ty: r.read()?,
            options: r.read()?,
            periods: r.read()?,
            min: r.read()?,
            max: r.read()?,
            ask_when: r.read()?,
            default: r.read()?,
            uses: r.read()?,
            if_unanswered: r.read()?,
        })
    }
}

impl Read for DatedParam {
    fn read(r: &mut Reader) -> R<DatedParam> {
        Ok(DatedParam {
            from: r.read()?,
            value: r.read()?,
            source: r.read()?,
            verify: r.read()?,
        })
    }
}

impl Read for ParamInfo {
    fn read(r: &mut Reader) -> R<ParamInfo> {
        Ok(ParamInfo {
            id: r.read()?,
            ty: r.read()?,
            timeline: r.read()?,
        })
    }
}

impl Read for RuleInfo {
    fn read(r: &mut Reader) -> R<RuleInfo> {
        Ok(RuleInfo {
            id: r.read()?,
            ty: r.read()?,
            node: r.read()?,
            uses: r.read()?,
        })
    }
}

impl Read for OutputInfo {
    fn read(r: &mut Reader) -> R<OutputInfo> {
        Ok(OutputInfo {
            id: r.read()?,
            rule: r.read()?,
            role: r.read()?,
            label: r.read()?,
            applies_when: r.read()?,
        })
    }
}

impl Read for SourceText {
    fn read(r: &mut Reader) -> R<SourceText> {
        Ok(SourceText {
            title: r.read()?,
            url: r.read()?,
            paragraph: r.read()?,
        })
    }
}

impl Read for SectionText {
    fn read(r: &mut Reader) -> R<SectionText> {
        Ok(SectionText {
            title: r.read()?,
            intro: r.read()?,
        })
    }
}

impl Read for InputText {
    fn read(r: &mut Reader) -> R<InputText> {
        Ok(InputText {
            section: r.read()?,
            question: r.read()?,
            hint: r.read()?,
            label: r.read()?,
            options: r.read()?,
        })
    }
}

impl Read for ChoiceText {
    fn read(r: &mut Reader) -> R<ChoiceText> {
        Ok(ChoiceText {
            label: r.read()?,
            hint: r.read()?,
        })
    }
}

impl Read for ParamText {
    fn read(r: &mut Reader) -> R<ParamText> {
        Ok(ParamText {
            label: r.read()?,
            description: r.read()?,
        })
    }
}

impl Read for RuleText {
    fn read(r: &mut Reader) -> R<RuleText> {
        Ok(RuleText {
            label: r.read()?,
            explain: r.read()?,
            explain_if_not: r.read()?,
            source: r.read()?,
            origin: r.read()?,
        })
    }
}

impl Read for Info {
    fn read(r: &mut Reader) -> R<Info> {
        Ok(Info {
            id: r.read()?,
            title: r.read()?,
            publisher: r.read()?,
            version: r.read()?,
            in_force: r.read()?,
            languages: r.read()?,
            illustrative: r.read()?,
            notice: r.read()?,
            limitations: r.read()?,
            says_you: r.read()?,
            based_on: r.read()?,
            sources: r.read()?,
            sections: r.read()?,
            inputs: r.read()?,
            params: r.read()?,
            rules: r.read()?,
        })
    }
}

impl Read for Program {
    fn read(r: &mut Reader) -> R<Program> {
        Ok(Program {
            info: r.read()?,
            inputs: r.read()?,
            params: r.read()?,
            rules: r.read()?,
            outputs: r.read()?,
            order: r.read()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::MAX_MONEY_PENCE;
    use serde::Serialize;

    /// Reads what postcard wrote for `v`; the value read must write the same bytes.
    fn round_trip<T: Serialize + Read>(v: &T) {
        let bytes = postcard::to_allocvec(v).unwrap();
        let mut r = Reader::new(&bytes);
        let back: T = r.read().unwrap_or_else(|e| panic!("{e}: {bytes:?}"));
        assert!(r.rest.is_empty(), "{} bytes left", r.rest.len());
        assert_eq!(postcard::to_allocvec(&back).unwrap(), bytes);
    }

    fn read<T: Read>(bytes: &[u8]) -> R<T> {
        Reader::new(bytes).read()
    }

    #[test]
    fn every_variant_of_every_enum() {
        for x in [
            Direction::Down,
            Direction::Up,
            Direction::Nearest,
            Direction::PersonsFavour,
        ] {
            round_trip(&x);
        }
        round_trip(&Better::Lower);
        round_trip(&Better::Higher);
        use InputType as I;
        for x in [
            I::Choice,
            I::Choices,
            I::YesNo,
            I::Money,
            I::WholeNumber,
            I::Number,
            I::Date,
        ] {
            round_trip(&x);
        }
        use Period as P;
        for x in [P::Weekly, P::Fortnightly, P::FourWeekly, P::Monthly, P::Yearly] {
            round_trip(&x);
        }
        for x in [
            Role::Eligibility,
            Role::Budget,
            Role::Contribution,
            Role::CouncilShare,
            Role::Other,
        ] {
            round_trip(&x);
        }
        use ValueType as V;
        for x in [
            V::Money,
            V::Number,
            V::Percentage,
            V::Points,
            V::YesNo,
            V::Date,
            V::Range,
        ] {
            round_trip(&x);
        }
        for x in [CmpOp::Gt, CmpOp::Ge, CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne] {
            round_trip(&x);
        }
        use Ty as T;
        for x in [
            T::Money,
            T::Number,
            T::Bool,
            T::Date,
            T::Choice(3),
            T::Choices(u32::MAX),
            T::Range,
            T::Periodic,
        ] {
            round_trip(&x);
        }
        for x in [Ref::Input(0), Ref::Param(127), Ref::Rule(128)] {
            round_trip(&x);
        }
        round_trip(&Item::Input(300));
        round_trip(&Item::Rule(u32::MAX));
    }

    #[test]
    fn values_at_their_edges() {
        let date = Date::new(2200, 12, 31).unwrap();
        let long = "é".repeat(200);
        for v in [
            Value::Money(Money::new(MAX_MONEY_PENCE)),
            Value::Money(Money::new(-MAX_MONEY_PENCE)),
            Value::Money(Money::new(0)),
            Value::Number(Decimal::MAX),
            Value::Number(Decimal::MIN),
            Value::Number(Decimal::try_from_i128_with_scale(-1, 28).unwrap()),
            Value::Bool(true),
            Value::Date(date),
            Value::Choice(long.clone()),
            Value::Choices(vec![String::new(), long]),
            Value::Range(Money::new(-1), Money::new(64)),
            Value::Periodic(Money::new(12_345), Period::FourWeekly),
        ] {
            round_trip(&v);
        }
    }

    /// One node of every kind, nested in one expression.
    fn every_node() -> Node {
        let c = |n: i64| Node::Const(Value::Money(Money::new(n)));
        let round = Rounding {
            direction: Direction::PersonsFavour,
            better: Some(Better::Higher),
            to: Some("0.05".into()),
        };
        let nodes = vec![
            c(1),
            Node::Ref(Ref::Param(2)),
            Node::Sum(vec![c(1), c(2)]),
            Node::Difference(vec![c(3)]),
            Node::Product(vec![c(1)], Some(round.clone()), Unit::Money),
            Node::Product(vec![], None, Unit::Number),
            Node::Divide(Box::new(c(1)), Box::new(c(2)), round.clone(), Ty::Choices(1)),
            Node::Min(vec![c(1)]),
            Node::Max(vec![c(1)]),
            Node::Clamp(Box::new([c(1), c(2), c(3)])),
            Node::Cmp(CmpOp::Le, Box::new([c(1), c(2)])),
            Node::All(vec![]),
            Node::Any(vec![c(1)]),
            Node::Not(Box::new(c(0))),
            Node::AtLeast(2, vec![c(1)]),
            Node::Cases(vec![(c(1), c(2))], Box::new(c(3))),
            Node::Lookup {
                input: 4,
                table: vec![("a".into(), c(1))],
                default: Some(Box::new(c(2))),
                multi: true,
            },
            Node::Lookup {
                input: 4,
                table: vec![],
                default: None,
                multi: false,
            },
            Node::Bands {
                value: Box::new(c(1)),
                bands: vec![
                    BandNode {
                        from: c(0),
                        out: BandOut::Range(c(1), c(2)),
                    },
                    BandNode {
                        from: c(5),
                        out: BandOut::Value(c(3)),
                    },
                ],
            },
            Node::Scale {
                value: Box::new(c(1)),
                points: vec![(c(0), c(0)), (c(9), c(9))],
                round: round.clone(),
                unit: Unit::Money,
            },
            Node::Tariff(Box::new([c(1), c(2), c(3), c(4)])),
            Node::Weekly(Box::new(c(1)), round.clone()),
            Node::Round(Box::new(c(1)), round, Unit::Number),
            Node::Range(Box::new([c(1), c(2)])),
            Node::Lower(Box::new(c(1))),
            Node::Upper(Box::new(c(1))),
            Node::AnswerIn(1, vec!["x".into()]),
            Node::Includes(1, vec![]),
            Node::Count(7),
            Node::Age(0),
        ];
        // Fails to compile when a kind of node is added: add it to the list above too.
        for n in &nodes {
            match n {
                Node::Const(_)
                | Node::Ref(_)
                | Node::Sum(_)
                | Node::Difference(_)
                | Node::Product(..)
                | Node::Divide(..)
                | Node::Min(_)
                | Node::Max(_)
                | Node::Clamp(_)
                | Node::Cmp(..)
                | Node::All(_)
                | Node::Any(_)
                | Node::Not(_)
                | Node::AtLeast(..)
                | Node::Cases(..)
                | Node::Lookup { .. }
                | Node::Bands { .. }
                | Node::Scale { .. }
                | Node::Tariff(_)
                | Node::Weekly(..)
                | Node::Round(..)
                | Node::Range(_)
                | Node::Lower(_)
                | Node::Upper(_)
                | Node::AnswerIn(..)
                | Node::Includes(..)
                | Node::Count(_)
                | Node::Age(_) => {}
            }
        }
        Node::All(nodes)
    }

    #[test]
    fn every_kind_of_node() {
        round_trip(&every_node());
    }

    #[test]
    fn damage_is_refused_with_a_reason() {
        let bytes = postcard::to_allocvec(&every_node()).unwrap();
        for n in 0..bytes.len() {
            assert_eq!(read::<Node>(&bytes[..n]).unwrap_err(), "it ends too soon", "{n} bytes");
        }
        assert_eq!(
            read::<Node>(&[28]).unwrap_err(),
            "a value in it cannot be read",
            "no 29th kind"
        );
        assert_eq!(read::<bool>(&[2]).unwrap_err(), "a value in it cannot be read");
        assert_eq!(
            read::<String>(&[2, 0xff, 0xfe]).unwrap_err(),
            "a value in it cannot be read"
        );
        // A length far beyond the bytes there are.
        assert_eq!(
            read::<Vec<u32>>(&[0xff, 0xff, 0xff, 0xff, 0x0f, 1]).unwrap_err(),
            "it ends too soon"
        );
        // A varint longer than its type allows, and a value beyond it.
        assert_eq!(read::<u32>(&[0x80; 6]).unwrap_err(), "a value in it cannot be read");
        assert_eq!(
            read::<u32>(&[0xff, 0xff, 0xff, 0xff, 0x1f]).unwrap_err(),
            "a value in it cannot be read"
        );
        assert_eq!(
            read::<u16>(&[0xff, 0xff, 0x07]).unwrap_err(),
            "a value in it cannot be read"
        );
        assert!(read::<Money>(&postcard::to_allocvec(&(MAX_MONEY_PENCE + 1)).unwrap()).is_err());
        assert!(read::<Date>(&postcard::to_allocvec(&(2023u16, 2u8, 29u8)).unwrap()).is_err());
        let e = read::<Decimal>(&postcard::to_allocvec(&(1i128, 29u32)).unwrap()).unwrap_err();
        assert!(e.contains("28 decimal places"), "{e}");
    }

    #[test]
    fn nesting_is_bounded_while_reading() {
        let mut n = Node::Const(Value::Bool(true));
        for _ in 1..MAX_EXPR_DEPTH {
            n = Node::Not(Box::new(n));
        }
        round_trip(&n);
        let deeper = postcard::to_allocvec(&Node::Not(Box::new(n))).unwrap();
        let e = read::<Node>(&deeper).unwrap_err();
        assert_eq!(e, format!("expressions nest more than {MAX_EXPR_DEPTH} deep"));
    }
}
