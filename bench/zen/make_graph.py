"""Writes bench/zen/model.json: bench/model.yaml as a GoRules ZEN (JDM) decision graph.

    python3 bench/zen/make_graph.py > bench/zen/model.json

A ZEN author would draw this graph in the JDM editor; it is generated here so that it is
easy to review and to keep in step with bench/model.yaml (the smoke test checks the
committed JSON matches this script). The graph: request → figures (the 2025-26 values) →
decision tables (points for each answer, risks, the reduction for informal support, the
price per point, the Minimum Income Guarantee) → an expression node for the RAS → an
expression node for charging → response. ZEN computes with exact decimals (rust_decimal),
so the rounding below (floor, ceil, round to 2 places) is exact, as in carebudget.
"""

import json
import sys

NEEDS = {
    "personal_care": (0, 4, 8, 12),
    "eating": (0, 2, 4, 6),
    "mobility": (0, 3, 6, 9),
    "medication": (0, 1, 2, 4),
    "daily_living": (0, 2, 4, 6),
    "community": (0, 2, 4, 6),
    "night": (0, 5, 10, 15),
}
LEVELS = ["none", "some", "most", "all"]
RISKS = {"falls": 3, "wandering": 4, "self_neglect": 3, "behaviour": 5}

FIGURES = [  # as in force on 2025-06-01 (bench/model.yaml dates each one)
    ("figures.priceOlder", "11.65"),
    ("figures.priceLearning", "14.45"),
    ("figures.pricePhysical", "13.35"),
    ("figures.priceMental", "12.60"),
    ("figures.reductionSome", "0.15"),
    ("figures.reductionSubstantial", "0.30"),
    ("figures.budgetCap", "1000.00"),
    ("figures.rangeLower", "0.90"),
    ("figures.rangeUpper", "1.10"),
    ("figures.capitalLower", "14250.00"),
    ("figures.capitalUpper", "23250.00"),
    ("figures.tariffStep", "250.00"),
    ("figures.pensionAge", "66"),
    ("figures.mig18to24", "89.15"),
    ("figures.mig25Plus", "112.50"),
    ("figures.migPensionAge", "227.10"),
    ("figures.disabilityPremium", "49.65"),
    ("figures.dreStandard", "20.00"),
]

RAS = [
    ("needPoints", " + ".join(f"points.{q}" for q in NEEDS) + " + sum(map(risk, #.points))"),
    ("points", "floor($.needPoints * (1 - reduction))"),
    ("pointsCost", "round($.points * pricePerPoint, 2)"),
    ("budget", "min([$.pointsCost, figures.budgetCap])"),
    ("budgetLower", "floor($.budget * figures.rangeLower)"),
    ("budgetUpper", "ceil($.budget * figures.rangeUpper)"),
]

CHARGING = [
    ("tariffIncome", "capital > figures.capitalLower ? ceil((capital - figures.capitalLower) / figures.tariffStep) : 0"),
    # A year is 52 weeks; a fraction of a penny is dropped (in the person's favour).
    ("weeklyPension", 'pension.period == "monthly" ? floor(pension.amount * 12 / 52 * 100) / 100 : '
                      '(pension.period == "four-weekly" ? floor(pension.amount / 4 * 100) / 100 : pension.amount)'),
    ("income", "$.weeklyPension + disability_benefit"),
    ("dre", "disability_benefit > 0 ? max([figures.dreStandard, dre_claimed]) : 0"),
    ("assessedCharge", "max([0, $.income + $.tariffIncome - mig - housing_costs - $.dre])"),
    ("contribution", "capital > figures.capitalUpper ? budget : min([$.assessedCharge, budget])"),
    ("councilPays", "budget - $.contribution"),
]


def node(id, name, kind, content=None, x=0, y=0):
    n = {"id": id, "name": name, "type": kind, "position": {"x": x, "y": y}}
    if content is not None:
        n["content"] = content
    return n


def expressions(prefix, pairs, pass_through):
    return {
        "expressions": [{"id": f"{prefix}-{i}", "key": k, "value": v} for i, (k, v) in enumerate(pairs)],
        "passThrough": pass_through,
        "inputField": None,
        "outputPath": None,
        "executionMode": "single",
    }


def table(id, inputs, outputs, rules, hit="first", output_path=None):
    """inputs/outputs: [(column id, field)]; rules: [{column id: cell}]."""
    return {
        "hitPolicy": hit,
        "inputs": [{"id": c, "name": f, "field": f} for c, f in inputs],
        "outputs": [{"id": c, "name": f, "field": f} for c, f in outputs],
        "rules": [{"_id": f"{id}-r{i}", **r} for i, r in enumerate(rules)],
        "passThrough": False,
        "inputField": None,
        "outputPath": output_path,
        "executionMode": "single",
    }


def graph():
    nodes = [
        node("request", "Request", "inputNode", x=0, y=0),
        node("figures", "Figures in force (2025-26)", "expressionNode", expressions("fig", FIGURES, True), x=250),
    ]
    tables = []
    for q, pts in NEEDS.items():
        tid = f"points-{q}"
        rules = [{f"{tid}-in": f'"{lvl}"', f"{tid}-out": str(p)} for lvl, p in zip(LEVELS, pts)]
        tables.append(node(tid, f"Points: {q.replace('_', ' ')}", "decisionTableNode",
                           table(tid, [(f"{tid}-in", q)], [(f"{tid}-out", f"points.{q}")], rules)))
    rules = [{"risk-in": f'contains($, "{r}")', "risk-out": str(p)} for r, p in RISKS.items()]
    tables.append(node("points-risks", "Points: risks (each ticked)", "decisionTableNode",
                       table("risk", [("risk-in", "risks")], [("risk-out", "points")], rules, hit="collect", output_path="risk")))
    rules = [
        {"red-in": '"none"', "red-out": "0"},
        {"red-in": '"some"', "red-out": "figures.reductionSome"},
        {"red-in": '"substantial"', "red-out": "figures.reductionSubstantial"},
    ]
    tables.append(node("reduction", "Reduction for informal support", "decisionTableNode",
                       table("red", [("red-in", "informal_support")], [("red-out", "reduction")], rules)))
    rules = [
        {"price-in": '"older"', "price-out": "figures.priceOlder"},
        {"price-in": '"learning"', "price-out": "figures.priceLearning"},
        {"price-in": '"physical"', "price-out": "figures.pricePhysical"},
        {"price-in": '"mental"', "price-out": "figures.priceMental"},
    ]
    tables.append(node("price", "Price per point by client group", "decisionTableNode",
                       table("price", [("price-in", "client_group")], [("price-out", "pricePerPoint")], rules)))
    rules = [
        {"mig-age": ">= figures.pensionAge", "mig-dis": "", "mig-out": "figures.migPensionAge"},
        {"mig-age": ">= 25", "mig-dis": "> 0", "mig-out": "figures.mig25Plus + figures.disabilityPremium"},
        {"mig-age": ">= 25", "mig-dis": "", "mig-out": "figures.mig25Plus"},
        {"mig-age": "", "mig-dis": "> 0", "mig-out": "figures.mig18to24 + figures.disabilityPremium"},
        {"mig-age": "", "mig-dis": "", "mig-out": "figures.mig18to24"},
    ]
    tables.append(node("mig", "Minimum Income Guarantee", "decisionTableNode",
                       table("mig", [("mig-age", "age"), ("mig-dis", "disability_benefit")], [("mig-out", "mig")], rules)))
    for i, t in enumerate(tables):
        t["position"] = {"x": 500, "y": i * 80}
    nodes += tables
    nodes += [
        node("ras", "Resource Allocation System", "expressionNode", expressions("ras", RAS, True), x=750),
        node("charging", "Charging for care at home", "expressionNode", expressions("chg", CHARGING, True), x=1000),
        node("response", "Response", "outputNode", x=1250),
    ]
    edges = [("request", "figures")]
    for t in tables:
        edges += [("figures", t["id"]), (t["id"], "ras")]
    edges += [("figures", "ras"), ("ras", "charging"), ("charging", "response")]
    return {
        "nodes": nodes,
        "edges": [{"id": f"e{i}", "sourceId": a, "targetId": b, "type": "edge"} for i, (a, b) in enumerate(edges)],
    }


if __name__ == "__main__":
    json.dump(graph(), sys.stdout, indent=1)
    sys.stdout.write("\n")
