"""England's charging for care at home (SI 2014/2672): tariff income, MIG, DRE, the cap at the budget."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from benchmarkshire.entities import Person
from benchmarkshire.variables.inputs import IncomePeriod
from benchmarkshire.variables.rounding import ceil, floor, pence


class tariff_income(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Tariff income: 1 pound a week for every 250 pounds, or part of it, above the lower limit"
    reference = "https://www.legislation.gov.uk/uksi/2014/2672/regulation/25"

    def formula(person, period, parameters):
        p = parameters(period).charging
        excess = pence(person("capital", period)) - pence(p.capital_lower)  # whole pence
        parts = ceil(excess / pence(p.tariff_step), 1e-7)  # true fraction: a multiple of 1/25000
        return np.where(excess > 0, parts, 0)


class weekly_pension(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Pension and other income, weekly (fractions of a penny dropped, in the person's favour)"

    def formula(person, period, parameters):
        amount = pence(person("pension_amount", period))
        how = person("pension_period", period)
        # A year is 52 weeks: monthly × 12 ÷ 52 (true fraction a multiple of 1/13 of a penny).
        weekly = np.select(
            [how == IncomePeriod.monthly, how == IncomePeriod.four_weekly],
            [amount * 12 / 52, amount / 4],
            amount,
        )
        return floor(weekly, 1e-6) / 100


class has_disability_benefit(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Gets a disability benefit"

    def formula(person, period, parameters):
        return person("disability_benefit", period) > 0


class income(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Weekly income counted"

    def formula(person, period, parameters):
        return person("weekly_pension", period) + person("disability_benefit", period)


class pension_age_or_over(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.WEEK
    label = "At pension age or over"

    def formula(person, period, parameters):
        return person("age", period) >= parameters(period).charging.pension_age


class mig(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Minimum Income Guarantee"
    reference = "https://www.legislation.gov.uk/uksi/2014/2672/regulation/7"

    def formula(person, period, parameters):
        m = parameters(period).charging.mig
        age = person("age", period)
        pension_age = person("pension_age_or_over", period)
        base = np.select([pension_age, age >= 25], [m.pension_age, m.age_25_plus], m.age_18_24)
        premium = person("has_disability_benefit", period) * np.logical_not(pension_age) * m.disability_premium
        return base + premium


class dre(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Disability-related expenditure allowed"

    def formula(person, period, parameters):
        allowed = np.maximum(parameters(period).charging.dre_standard, person("dre_claimed", period))
        return np.where(person("has_disability_benefit", period), allowed, 0)


class assessed_charge(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Charge from income and capital"

    def formula(person, period, parameters):
        # Sums and differences of whole-penny amounts: kept in pence so nothing drifts.
        charge = (
            pence(person("income", period)) + pence(person("tariff_income", period))
            - pence(person("mig", period)) - pence(person("housing_costs", period)) - pence(person("dre", period))
        )
        return np.maximum(0, charge) / 100


class over_upper_limit(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Capital above the upper limit"

    def formula(person, period, parameters):
        return pence(person("capital", period)) > pence(parameters(period).charging.capital_upper)


class contribution(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "What the person would pay each week"

    def formula(person, period, parameters):
        budget = person("indicative_budget", period)
        return np.where(
            person("over_upper_limit", period),
            budget,
            np.minimum(person("assessed_charge", period), budget),
        )


class council_pays(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "What the council would pay each week"

    def formula(person, period, parameters):
        return (pence(person("indicative_budget", period)) - pence(person("contribution", period))) / 100
