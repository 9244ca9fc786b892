"""The council's Resource Allocation System: points, reduction, price per point, cap, range."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from benchmarkshire.entities import Person
from benchmarkshire.variables.rounding import ceil, floor, pence

NEEDS = ["personal_care", "eating", "mobility", "medication", "daily_living", "community", "night"]
RISKS = ["falls", "wandering", "self_neglect", "behaviour"]


class need_points(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Points for needs"

    def formula(person, period, parameters):
        points = parameters(period).ras.points
        total = sum(points[q][person(q, period)] for q in NEEDS)
        total = total + sum(person(f"risk_{r}", period) * points.risks[r] for r in RISKS)
        return np.round(total)


class support_reduction(Variable):
    value_type = float
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Reduction for help from family or friends"

    def formula(person, period, parameters):
        return parameters(period).ras.reduction[person("informal_support", period)]


class points(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Points after help from family or friends (rounded down)"

    def formula(person, period, parameters):
        # The true fraction is a multiple of 0.05 of a point.
        return floor(person("need_points", period) * (1 - person("support_reduction", period)), 1e-3)


class price_per_point(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Price per point for the client group"

    def formula(person, period, parameters):
        return parameters(period).ras.price_per_point[person("client_group", period)]


class points_cost(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Points at the price per point (to the nearest penny)"

    def formula(person, period, parameters):
        # Whole points × whole pence: exact; rounding to the nearest penny changes nothing here.
        return np.round(person("points", period) * pence(person("price_per_point", period))) / 100


class indicative_budget(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Indicative weekly budget"

    def formula(person, period, parameters):
        return np.minimum(person("points_cost", period), parameters(period).ras.budget_cap)


class budget_lower(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Lower end of the budget range (rounded down to the pound)"

    def formula(person, period, parameters):
        # pence × share ÷ 100 pounds: the true fraction is a multiple of 1/1000 of a pound.
        share = parameters(period).ras.range_lower
        return floor(pence(person("indicative_budget", period)) * share / 100, 1e-5)


class budget_upper(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Upper end of the budget range (rounded up to the pound)"

    def formula(person, period, parameters):
        share = parameters(period).ras.range_upper
        return ceil(pence(person("indicative_budget", period)) * share / 100, 1e-5)
