"""Explicit rounding on float arrays, in the directions bench/model.yaml states.

Money here is OpenFisca's `float` (numpy float32), so £293.58 may be held as 293.579987.
Where the model rounds, the amount is first brought to whole pence (exact in float64), and
the fraction is settled with a margin far wider than the float error and far narrower than
the smallest true fraction the model can produce (1/13 of a penny from monthly income,
1/1000 of a pound from the 90%/110% range, 1/25000 of a £250 tariff step, 0.05 of a point).
"""

import numpy as np


def pence(x):
    """Pounds to whole pence (float64), to the nearest: exact for any amount in pounds and pence."""
    return np.round(np.asarray(x, dtype=np.float64) * 100)


def floor(x, margin=1e-6):
    return np.floor(np.asarray(x, dtype=np.float64) + margin)


def ceil(x, margin=1e-6):
    return np.ceil(np.asarray(x, dtype=np.float64) - margin)
