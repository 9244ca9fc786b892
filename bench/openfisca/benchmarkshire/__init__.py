"""Benchmarkshire: bench/model.yaml written as an OpenFisca country package.

Entities, input and computed variables (Python formulas, vectorised over numpy arrays), and
dated parameters in YAML, as an OpenFisca country package lays them out. Weekly amounts use
OpenFisca's WEEK periods. Money is OpenFisca's `float` (numpy float32); every place the
model rounds is rounded explicitly here, in the same direction, with a margin far wider
than float32's error and far narrower than the smallest true fraction (see `rounding.py`).
"""

import os

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from . import entities

HERE = os.path.dirname(os.path.abspath(__file__))


class CountryTaxBenefitSystem(TaxBenefitSystem):
    def __init__(self):
        super().__init__(entities.entities)
        self.add_variables_from_directory(os.path.join(HERE, "variables"))
        self.load_parameters(os.path.join(HERE, "parameters"))
