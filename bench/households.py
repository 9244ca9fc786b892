"""Deterministic household generator shared by every implementation in the benchmark.

    python3 bench/households.py N SEED > households.json

Writes a JSON array of N households: each the answers to bench/model.yaml's questions, in
carebudget's answer form (money as exact decimal text, "1234.56"; income with its period).
Every peer reads the same file. A small SplitMix64 generator (not Python's `random`) keeps
the output identical across Python versions and easy to reproduce in any language.

The mix is deliberately hard on rounding and boundaries: capital at and a penny either side
of the £14,250 and £23,250 limits and of each £250 tariff step, monthly and four-weekly
income with odd pennies, boundary ages (24/25, 65/66), zero points, the cap.
"""

import json
import sys

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        """A whole number in [0, n)."""
        return self.next() % n

    def chance(self, per_cent):
        return self.below(100) < per_cent

    def pick(self, items):
        return items[self.below(len(items))]


def money(pence):
    return f"{pence // 100}.{pence % 100:02d}"


LEVELS = ["none", "some", "most", "all"]
RISKS = ["falls", "wandering", "self_neglect", "behaviour"]
NEEDS = ["personal_care", "eating", "mobility", "medication", "daily_living", "community", "night"]
BENEFITS = [7290, 10890, 7390, 11040, 2870, 7710, 11540]  # weekly disability benefit rates, pence


def capital(r):
    kind = r.below(10)
    if kind < 3:
        return 0
    if kind < 5:  # at or a penny either side of a limit or a tariff step
        base = r.pick([1425000, 2325000, 1425000 + 25000 * (1 + r.below(35))])
        return base + r.pick([-1, 0, 1])
    if kind < 8:  # between the limits
        return 1425000 + r.below(900001)
    return r.below(6000000)


def household(r):
    group = r.pick(["older", "older", "older", "learning", "physical", "mental"])
    if r.chance(15):
        age = r.pick([18, 24, 25, 65, 66, 67])
    elif group == "older":
        age = 65 + r.below(36)
    else:
        age = 18 + r.below(70)
    h = {"client_group": group, "age": age}
    all_needs = r.chance(3)  # every need at the highest level (tests the cap)
    for q in NEEDS:
        h[q] = "all" if all_needs else ("none" if r.chance(30) else r.pick(LEVELS))
    h["risks"] = [x for x in RISKS if r.chance(25)]
    h["informal_support"] = r.pick(["none", "none", "some", "substantial"])
    h["capital"] = money(capital(r))
    period = r.pick(["weekly", "four-weekly", "monthly"])
    per_week = r.below(45001)  # up to £450 a week
    amount = {"weekly": per_week, "four-weekly": per_week * 4 + r.below(4), "monthly": per_week * 52 // 12 + r.below(13)}[period]
    h["pension"] = {"amount": money(amount), "period": period}
    h["disability_benefit"] = money(0 if r.chance(45) else (r.pick(BENEFITS) if r.chance(70) else r.below(20001)))
    h["housing_costs"] = money(0 if r.chance(60) else r.below(15001))
    h["dre_claimed"] = money(0 if r.chance(55) else r.below(6001))
    return h


def generate(n, seed):
    r = SplitMix64(seed)
    return [household(r) for _ in range(n)]


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20250601
    json.dump(generate(n, seed), sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")
