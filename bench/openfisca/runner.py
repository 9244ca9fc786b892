"""OpenFisca side of the benchmark (bench/run.py drives it).

    python runner.py agree HOUSEHOLDS OUT [--per-household N]
    python runner.py time HOUSEHOLDS OUT [--batch N]
    python runner.py once HOUSEHOLDS
    python runner.py memory HOUSEHOLDS [N]

`agree` writes each household's [budget lower, budget upper, budget, contribution, council
pays] in pence: vectorised for every household, and through the per-household API for the
first N (the two must also agree). `time` writes min/median/max timings as JSON. `once` loads
the rules and evaluates the first household, for whole-process cold-start timing. `memory`
loads the rules, evaluates the first N households (1000) one at a time and prints the
process's peak resident set in KiB.
"""

import json
import os
import resource
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import logging  # noqa: E402

logging.disable(logging.WARNING)  # "Unable to load package metadata": the package is not pip-installed

from openfisca_core.simulation_builder import SimulationBuilder  # noqa: E402

from benchmarkshire import CountryTaxBenefitSystem  # noqa: E402
from benchmarkshire.variables.inputs import ClientGroup, IncomePeriod, InformalSupport, NeedLevel  # noqa: E402

PERIOD = "2025-W22"  # the ISO week holding 2025-06-01, the date every implementation evaluates at
NEEDS = ["personal_care", "eating", "mobility", "medication", "daily_living", "community", "night"]
RISKS = ["falls", "wandering", "self_neglect", "behaviour"]
MONEY = ["capital", "disability_benefit", "housing_costs", "dre_claimed"]
OUTPUTS = ["budget_lower", "budget_upper", "indicative_budget", "contribution", "council_pays"]
ENUM_PERIOD = {"weekly": "weekly", "four-weekly": "four_weekly", "monthly": "monthly"}


def situation(h):
    """One household as the per-household API (and OpenFisca's web API) takes it."""
    p = {
        "client_group": h["client_group"],
        "age": h["age"],
        "informal_support": h["informal_support"],
        "pension_amount": float(h["pension"]["amount"]),
        "pension_period": ENUM_PERIOD[h["pension"]["period"]],
    }
    for q in NEEDS:
        p[q] = h[q]
    for r in RISKS:
        p[f"risk_{r}"] = r in h["risks"]
    for m in MONEY:
        p[m] = float(h[m])
    return {"persons": {"p": {k: {PERIOD: v} for k, v in p.items()}}}


# Money is float32 in OpenFisca: £836.13 is held as 836.130005. A result more than this far
# from whole pence (in pence) is a fraction the model failed to round, not float error.
FLOAT_SLACK = 0.01


def pence(x):
    p = float(x) * 100
    if abs(p - round(p)) > FLOAT_SLACK:
        sys.exit(f"openfisca: {x} is not whole pence")
    return int(round(p))


def per_household(tbs, h, trace=False):
    sim = SimulationBuilder().build_from_entities(tbs, situation(h))
    sim.trace = trace
    return [pence(sim.calculate(v, PERIOD)[0]) for v in OUTPUTS]


def vectorised(tbs, households, repeat=1):
    """The whole batch as arrays (OpenFisca's own way to compute many at once)."""
    n = len(households) * repeat
    sim = SimulationBuilder().build_default_simulation(tbs, n)

    def col(values, dtype=None):
        a = np.array(values, dtype=dtype)
        return np.tile(a, repeat) if repeat > 1 else a

    sim.set_input("client_group", PERIOD, ClientGroup.encode(col([h["client_group"] for h in households])))
    sim.set_input("age", PERIOD, col([h["age"] for h in households]))
    sim.set_input("informal_support", PERIOD, InformalSupport.encode(col([h["informal_support"] for h in households])))
    for q in NEEDS:
        sim.set_input(q, PERIOD, NeedLevel.encode(col([h[q] for h in households])))
    for r in RISKS:
        sim.set_input(f"risk_{r}", PERIOD, col([r in h["risks"] for h in households]))
    for m in MONEY:
        sim.set_input(m, PERIOD, col([float(h[m]) for h in households], np.float32))
    sim.set_input("pension_amount", PERIOD, col([float(h["pension"]["amount"]) for h in households], np.float32))
    sim.set_input("pension_period", PERIOD, IncomePeriod.encode(col([ENUM_PERIOD[h["pension"]["period"]] for h in households])))
    return sim


def vectorised_results(tbs, households):
    sim = vectorised(tbs, households)
    cols = []
    for v in OUTPUTS:
        p = np.asarray(sim.calculate(v, PERIOD), dtype=np.float64) * 100
        if np.abs(p - np.round(p)).max(initial=0) > FLOAT_SLACK:
            sys.exit(f"openfisca: {v} is not whole pence for some household")
        cols.append(np.round(p).astype(np.int64))
    return np.stack(cols, axis=1).tolist()


def stats(samples, unit):
    s = sorted(samples)
    return {"min": s[0], "median": s[len(s) // 2], "max": s[-1], "unit": unit, "runs": len(s)}


def timed(f, runs):
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        out.append(time.perf_counter() - t)
    return out


def main():
    mode, path = sys.argv[1], sys.argv[2]
    households = json.load(open(path))
    args = sys.argv[3:]
    if mode == "once":
        tbs = CountryTaxBenefitSystem()
        print(json.dumps(per_household(tbs, households[0])))
        return
    if mode == "memory":
        tbs = CountryTaxBenefitSystem()
        for h in households[: int(args[0]) if args else 1000]:
            per_household(tbs, h)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        return
    out = args[0]
    opt = dict(zip(args[1::2], args[2::2]))
    tbs = CountryTaxBenefitSystem()
    if mode == "agree":
        n = int(opt.get("--per-household", len(households)))
        vec = vectorised_results(tbs, households)
        for i, h in enumerate(households[:n]):
            one = per_household(tbs, h)
            if one != vec[i]:
                sys.exit(f"openfisca: household {i}: per-household API gives {one}, vectorised {vec[i]}")
        json.dump({"results": vec, "per_household_checked": n}, open(out, "w"))
        return
    # Timings. A fixed sample of households, each run evaluating every one of them.
    quick = "--quick" in args
    sample = households[:100]
    r = {}
    cold_runs = 3 if quick else 7
    r["cold"] = stats([t * 1e6 for t in timed(lambda: per_household(CountryTaxBenefitSystem(), households[0]), cold_runs)], "us")
    runs = 3 if quick else 7
    for key, trace in (("warm", False), ("warm_trace", True)):
        r[key] = stats([t * 1e6 / len(sample) for t in timed(lambda: [per_household(tbs, h, trace) for h in sample], runs)], "us")
    batch = int(opt.get("--batch", 1000000))
    repeat = max(1, batch // len(households))
    per_run = []
    for _ in range(1 if quick else 3):
        t = time.perf_counter()
        sim = vectorised(tbs, households, repeat)
        t_in = time.perf_counter()
        for v in OUTPUTS:
            sim.calculate(v, PERIOD)
        t_out = time.perf_counter()
        per_run.append((t_out - t_in, t_out - t))
        del sim
    n = repeat * len(households)
    r["batch"] = stats([n / calc for calc, _ in per_run], "households/s")
    r["batch_with_inputs"] = stats([n / whole for _, whole in per_run], "households/s")
    r["batch_size"] = n
    r["peak_rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump(r, open(out, "w"), indent=1)


if __name__ == "__main__":
    main()
