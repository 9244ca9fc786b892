//! The words for the format's fixed kinds of thing — jurisdictions, roles of results, kinds
//! of question and value, and periods — in English and Welsh.

use carebudget_core::text::Lang;
use carebudget_format::model::{InputType, Period, Role, ValueType};

pub(super) fn jurisdiction_name(j: &str, lang: Lang) -> Option<&'static str> {
    let cy = lang == Lang::Cy;
    Some(match j {
        "england" if cy => "Lloegr",
        "england" => "England",
        "wales" if cy => "Cymru",
        "wales" => "Wales",
        "scotland" if cy => "Yr Alban",
        "scotland" => "Scotland",
        "northern-ireland" if cy => "Gogledd Iwerddon",
        "northern-ireland" => "Northern Ireland",
        _ => return None,
    })
}

pub(super) fn role_words(role: Role, lang: Lang) -> &'static str {
    let cy = lang == Lang::Cy;
    match role {
        Role::Eligibility if cy => "cymhwysedd",
        Role::Eligibility => "eligibility",
        Role::Budget if cy => "cyllideb ddangosol",
        Role::Budget => "indicative budget",
        Role::Contribution if cy => "beth mae'r person yn ei dalu",
        Role::Contribution => "what the person pays",
        Role::CouncilShare if cy => "beth mae'r cyngor yn ei dalu",
        Role::CouncilShare => "what the council pays",
        Role::Other if cy => "hefyd yn cael ei ddangos",
        Role::Other => "also shown",
    }
}

pub(super) fn input_kind_words(t: InputType, lang: Lang) -> &'static str {
    let cy = lang == Lang::Cy;
    match t {
        InputType::Choice if cy => "Dewiswch un ateb",
        InputType::Choice => "Choose one answer",
        InputType::Choices if cy => "Dewiswch unrhyw rai sy'n berthnasol",
        InputType::Choices => "Choose any that apply",
        InputType::YesNo if cy => "Ie neu na",
        InputType::YesNo => "Yes or no",
        InputType::Money if cy => "Swm o arian",
        InputType::Money => "An amount of money",
        InputType::WholeNumber if cy => "Rhif cyfan",
        InputType::WholeNumber => "A whole number",
        InputType::Number if cy => "Rhif",
        InputType::Number => "A number",
        InputType::Date if cy => "Dyddiad",
        InputType::Date => "A date",
    }
}

pub(super) fn value_type_words(t: ValueType, lang: Lang) -> &'static str {
    let cy = lang == Lang::Cy;
    match t {
        ValueType::Money if cy => "Swm o arian",
        ValueType::Money => "An amount of money",
        ValueType::Number if cy => "Rhif",
        ValueType::Number => "A number",
        ValueType::Percentage if cy => "Canran",
        ValueType::Percentage => "A percentage",
        ValueType::Points if cy => "Pwyntiau",
        ValueType::Points => "Points",
        ValueType::YesNo if cy => "Ie neu na",
        ValueType::YesNo => "Yes or no",
        ValueType::Date if cy => "Dyddiad",
        ValueType::Date => "A date",
        ValueType::Range if cy => "Ystod o arian (isaf ac uchaf)",
        ValueType::Range => "A range of money (lower and upper)",
    }
}

pub(super) fn period_words(p: Period, lang: Lang) -> &'static str {
    let cy = lang == Lang::Cy;
    match p {
        Period::Weekly if cy => "bob wythnos",
        Period::Weekly => "each week",
        Period::Fortnightly if cy => "bob pythefnos",
        Period::Fortnightly => "each fortnight",
        Period::FourWeekly if cy => "bob pedair wythnos",
        Period::FourWeekly => "every four weeks",
        Period::Monthly if cy => "bob mis",
        Period::Monthly => "each month",
        Period::Yearly if cy => "bob blwyddyn",
        Period::Yearly => "each year",
    }
}
