"""The answers: one input variable per question in bench/model.yaml."""

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from benchmarkshire.entities import Person


class ClientGroup(Enum):
    older = "Older person"
    learning = "Learning disability"
    physical = "Physical disability"
    mental = "Mental health"


class NeedLevel(Enum):
    none = "None"
    some = "Some"
    most = "Most of the time"
    all = "All of the time"


class InformalSupport(Enum):
    none = "None"
    some = "Some"
    substantial = "Much of it"


class IncomePeriod(Enum):
    weekly = "Weekly"
    four_weekly = "Four-weekly"
    monthly = "Monthly"


class client_group(Variable):
    value_type = Enum
    possible_values = ClientGroup
    default_value = ClientGroup.older
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Client group"


class age(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Age in whole years"


class personal_care(Variable):
    value_type = Enum
    possible_values = NeedLevel
    default_value = NeedLevel.none
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Help needed with personal care"


class eating(Variable):
    value_type = Enum
    possible_values = NeedLevel
    default_value = NeedLevel.none
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Help needed with eating and drinking"


class mobility(Variable):
    value_type = Enum
    possible_values = NeedLevel
    default_value = NeedLevel.none
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Help needed to move around the home"


class medication(Variable):
    value_type = Enum
    possible_values = NeedLevel
    default_value = NeedLevel.none
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Help needed with medication"


class daily_living(Variable):
    value_type = Enum
    possible_values = NeedLevel
    default_value = NeedLevel.none
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Help needed with daily living tasks"


class community(Variable):
    value_type = Enum
    possible_values = NeedLevel
    default_value = NeedLevel.none
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Help needed to take part in the community"


class night(Variable):
    value_type = Enum
    possible_values = NeedLevel
    default_value = NeedLevel.none
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Help needed at night"


class risk_falls(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Risk of falls"


class risk_wandering(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Risk of getting lost or wandering"


class risk_self_neglect(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Risk of self-neglect"


class risk_behaviour(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Behaviour that puts the person or others at risk"


class informal_support(Variable):
    value_type = Enum
    possible_values = InformalSupport
    default_value = InformalSupport.none
    entity = Person
    definition_period = DateUnit.WEEK
    label = "How much of the need family or friends meet, unpaid"


class capital(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Savings and capital"


class pension_amount(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Pension and other income, as paid"


class disability_benefit(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Disability benefits, weekly"


class housing_costs(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Housing costs, weekly"


class dre_claimed(Variable):
    value_type = float
    unit = "currency-GBP"
    entity = Person
    definition_period = DateUnit.WEEK
    label = "Disability-related spending claimed, weekly"


class pension_period(Variable):
    value_type = Enum
    possible_values = IncomePeriod
    default_value = IncomePeriod.weekly
    entity = Person
    definition_period = DateUnit.WEEK
    label = "How often the pension is paid"
