"""The peer benchmark: carebudget against OpenFisca, Publicodes and GoRules ZEN on one model.

    bench/run.sh            agreement on 10,000 households, then every measurement
    bench/run.sh --smoke    agreement on 100 households only (part of scripts/test.sh)

run.sh installs what is missing (bench/setup.sh) and runs this file with bench/.venv's
Python. First every implementation computes every household's budget range, budget,
contribution and what the council pays; any difference, to the penny, stops the run (exit
1) before anything is timed. Then each runner times its own engine in its own language
(native/, openfisca/runner.py, js/runner.mjs, browser/run.mjs) and this file gathers the
figures into a markdown table of ratios to ours, printed and written to bench/out/results.md
(raw figures in bench/out/results.json).
"""

import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
OUT = os.path.join(BENCH, "out")
NATIVE = os.path.join(BENCH, "native", "target", "release", "carebudget-bench-native")
PYTHON = sys.executable
SEED = 20250601
FIELDS = ["budget lower", "budget upper", "budget", "contribution", "council pays"]


def out(name):
    return os.path.join(OUT, name)


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def run(cmd, capture=False):
    """Runs a command from bench/; stops the benchmark if it fails."""
    r = subprocess.run(cmd, cwd=BENCH, text=True, stdout=subprocess.PIPE if capture else None)
    if r.returncode != 0:
        sys.exit(f"bench: failed ({r.returncode}): {' '.join(cmd)}")
    return r.stdout


def load(name):
    with open(out(name)) as f:
        return json.load(f)


# ---------------------------------------------------------------- preparation


def prepare(n):
    os.makedirs(OUT, exist_ok=True)
    with open(out("households.json"), "w") as f:
        subprocess.run([PYTHON, "households.py", str(n), str(SEED)], cwd=BENCH, stdout=f, check=True)
    # Our ruleset as published JSON (what the native runners load) and, beside it, the
    # compiled program model.cbp (what the widget and the browser bench load); Publicodes' rules as JSON.
    run([NATIVE, "publish", "ours", "model.yaml", out("model.json")])
    # Smaller files for the whole-process and memory measurements, so that no runner's
    # figure is mostly its reading of 10,000 households.
    with open(out("households.json")) as f:
        households = json.load(f)
    for name, k in (("household-1.json", 1), ("households-1000.json", 1000)):
        with open(out(name), "w") as f:
            json.dump(households[:k], f)
    run(["node", "js/compile-publicodes.mjs", out("model.publicodes.json")])
    # The ZEN graph is generated from make_graph.py: the committed one must be its output.
    graph = run([PYTHON, "zen/make_graph.py"], capture=True)
    with open(os.path.join(BENCH, "zen", "model.json")) as f:
        if json.loads(graph) != json.load(f):
            sys.exit("bench: bench/zen/model.json is not what bench/zen/make_graph.py writes; regenerate it")


# ---------------------------------------------------------------- agreement


def agree(n, full):
    """Every implementation's figures for every household; exits 1 on any difference."""
    h = out("households.json")
    per_household = n if n <= 1000 else 1000
    # name: (command, the file it writes)
    jobs = {
        "ours (native)": ([NATIVE, "agree", "ours", "model.yaml", h], "agree-ours.json"),
        f"OpenFisca (vectorised; per-household API on the first {per_household})": (
            [PYTHON, "openfisca/runner.py", "agree", h], "agree-openfisca.json", "--per-household", str(per_household)),
        "Publicodes (Node)": (["node", "js/runner.mjs", "publicodes", "agree", h], "agree-publicodes.json"),
        "ZEN (Node binding)": (["node", "js/runner.mjs", "zen", "agree", h], "agree-zen-node.json"),
    }
    if full:
        jobs["ZEN (native crate)"] = ([NATIVE, "agree", "zen", "zen/model.json", h], "agree-zen.json")
        jobs["ours (WebAssembly in Chromium)"] = (["node", "browser/run.mjs"], "agree-browser.json", "--agree")
    # Two at a time (the machine has two cores); nothing here is timed.
    pending, running = [(name, cmd + [out(file), *extra]) for name, (cmd, file, *extra) in jobs.items()], []
    while pending or running:
        while pending and len(running) < 2:
            name, cmd = pending.pop(0)
            running.append((name, cmd, subprocess.Popen(cmd, cwd=BENCH)))
        for item in list(running):
            name, cmd, p = item
            if p.poll() is not None:
                running.remove(item)
                if p.returncode != 0:
                    for _, _, q in running:
                        q.kill()
                    sys.exit(f"bench: {name} failed ({p.returncode}): {' '.join(cmd)}")
        time.sleep(0.05)
    results = {}
    for name, (_, file, *_) in jobs.items():
        data = load(file)
        results[name] = data["ours"]["results"] if "Chromium" in name else data["results"]
    ours = results["ours (native)"]
    failed = False
    for name, rs in results.items():
        if len(rs) != n:
            log(f"{name}: {len(rs)} results for {n} households")
            failed = True
            continue
        diffs = [i for i in range(n) if list(rs[i]) != list(ours[i])]
        if diffs:
            failed = True
            log(f"DISAGREEMENT: {name} differs from ours on {len(diffs)} of {n} households, e.g.:")
            households = load("households.json")
            for i in diffs[:5]:
                log(f"  household {i}: {json.dumps(households[i])}")
                for f, a, b in zip(FIELDS, ours[i], rs[i]):
                    if a != b:
                        log(f"    {f}: ours {a} p, {name} {b} p")
    if failed:
        sys.exit("bench: the implementations disagree; nothing timed")
    log(f"agreement: {len(results)} implementations give identical figures to the penny for all {n} households")
    return list(results)


# ---------------------------------------------------------------- measurements


def time_process(cmd, runs):
    """Wall time of a whole process (start, load the rules, evaluate one household), in ms."""
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=BENCH, check=True, stdout=subprocess.DEVNULL)
        samples.append((time.perf_counter() - t) * 1000)
    return stats(samples, "ms")


def stats(samples, unit):
    s = sorted(samples)
    return {"min": s[0], "median": statistics.median(s), "max": s[-1], "unit": unit, "runs": len(s)}


def measure(batch):
    h = out("households.json")
    r = {}
    log("timing ours (native)")
    run([NATIVE, "time", "ours", "model.yaml", h, out("time-ours.json"), "--batch", str(batch)])
    log("timing ZEN (native crate)")
    run([NATIVE, "time", "zen", "zen/model.json", h, out("time-zen.json"), "--batch", str(batch)])
    log("timing OpenFisca")
    run([PYTHON, "openfisca/runner.py", "time", h, out("time-openfisca.json"), "--batch", str(batch)])
    log("timing Publicodes (Node)")
    run(["node", "js/runner.mjs", "publicodes", "time", h, out("time-publicodes.json")])
    for k in ("ours", "zen", "openfisca", "publicodes"):
        r[k] = load(f"time-{k}.json")
    log("timing in Chromium (ours as WebAssembly, Publicodes)")
    run(["node", "browser/run.mjs", out("time-browser.json")])
    r["browser"] = load("time-browser.json")
    n = len(r["browser"]["ours"]["results"])
    # The browser's figures must match too (ours already checked before timing).
    expected = load("agree-ours.json")["results"]
    for who in ("ours", "publicodes"):
        if [list(x) for x in r["browser"][who]["results"]] != [list(x) for x in expected[:n]]:
            sys.exit(f"bench: {who} in Chromium gave different figures during timing")
        del r["browser"][who]["results"]

    log("whole-process cold starts (one household)")
    one, thousand, ours_json = out("household-1.json"), out("households-1000.json"), out("model.json")
    r["process"] = {
        "ours": time_process([NATIVE, "once", "ours", ours_json, one], 10),
        "zen": time_process([NATIVE, "once", "zen", "zen/model.json", one], 10),
        "openfisca": time_process([PYTHON, "openfisca/runner.py", "once", one], 5),
        "publicodes": time_process(["node", "js/runner.mjs", "publicodes", "once", one], 5),
    }
    log("peak memory (load, then 1,000 households one at a time; a fresh process each)")

    def mem(cmd):
        return [int(run(cmd, capture=True).split()[-1]) for _ in range(3)]

    r["memory_kib"] = {
        "ours": mem([NATIVE, "memory", "ours", ours_json, thousand]),
        "zen": mem([NATIVE, "memory", "zen", "zen/model.json", thousand]),
        "openfisca": mem([PYTHON, "openfisca/runner.py", "memory", thousand, "1000"]),
        "publicodes": mem(["node", "js/runner.mjs", "publicodes", "memory", thousand, "1000"]),
    }
    log("transfer sizes")
    r["sizes"] = json.loads(run(["node", "js/sizes.mjs"], capture=True))
    return r


# ---------------------------------------------------------------- report


def fmt(v, unit):
    if unit == "us":
        if v >= 1000:
            return f"{v / 1000:,.2f} ms" if v < 100000 else f"{v / 1000:,.0f} ms"
        return f"{v:.2f} µs" if v < 10 else f"{v:.1f} µs" if v < 100 else f"{v:.0f} µs"
    if unit == "ms":
        return f"{v:,.1f} ms" if v < 100 else f"{v:,.0f} ms"
    if unit == "households/s":
        return f"{v / 1e6:.2f} M/s" if v >= 1e6 else f"{v / 1e3:,.1f} k/s" if v >= 1e3 else f"{v:,.0f} /s"
    if unit == "KiB":
        return f"{v / 1024:.1f} MiB"
    if unit == "bytes":
        return f"{v / 1024:.1f} KB" if v < 1024 * 1024 else f"{v / 1024 / 1024:.2f} MB"
    return f"{v}"


def cell(s):
    """median [min–max] of a stats dict."""
    if s is None:
        return "—"
    if s.get("runs", 0) <= 1 or s["min"] == s["max"]:
        return fmt(s["median"], s["unit"])
    return f"{fmt(s['median'], s['unit'])} [{fmt(s['min'], s['unit'])}–{fmt(s['max'], s['unit'])}]"


def ratio(ours, peer, higher_is_better=False):
    """How many times better ours is (the peer's median over ours, or ours over the peer's)."""
    if ours is None or peer is None:
        return None
    return ours["median"] / peer["median"] if higher_is_better else peer["median"] / ours["median"]


def rcell(peer, ours, higher_is_better=False):
    if peer is None:
        return "—"
    x = ratio(ours, peer, higher_is_better)
    return f"{cell(peer)} **{x:,.1f}×**" if x >= 10 else f"{cell(peer)} **{x:,.2f}×**"


def once(value, unit):
    """A single measurement in the form of `stats`."""
    return {"min": value, "median": value, "max": value, "unit": unit, "runs": 1}


def report(r, agreed, n, elapsed):
    o, z, of, pc, b = r["ours"], r["zen"], r["openfisca"], r["publicodes"], r["browser"]
    mem = {k: stats(v, "KiB") for k, v in r["memory_kib"].items()}
    sz = r["sizes"]

    def size(k):
        return once(sz[k]["brotli"], "bytes")

    L = []
    L.append(f"Agreement: {len(agreed)} implementations ({', '.join(agreed)}) gave identical budgets and "
             f"contributions, to the penny, for all {n:,} households before anything was timed.\n")
    L.append("Each cell: median [min–max] over repeated runs; **N×** is how many times faster (or smaller, or "
             "higher throughput) ours is than that peer, from the medians: above 1 we win, below 1 we lose.\n")
    L.append("### Native / server side\n")
    L.append("| measure | ours (Rust) | GoRules ZEN (Rust crate) | OpenFisca (Python) | Publicodes (Node) |")
    L.append("|---|---|---|---|---|")
    L.append(f"| cold: load rules + evaluate one household, in process | {cell(o['cold'])} | {rcell(z['cold'], o['cold'])} "
             f"| {rcell(of['cold'], o['cold'])} | {rcell(pc['cold'], o['cold'])} |")
    p = r["process"]
    L.append(f"| cold: new process, load rules, evaluate one | {cell(p['ours'])} | {rcell(p['zen'], p['ours'])} "
             f"| {rcell(p['openfisca'], p['ours'])} | {rcell(p['publicodes'], p['ours'])} |")
    L.append(f"| warm: one household | {cell(o['warm'])} | {rcell(z['warm'], o['warm'])} | {rcell(of['warm'], o['warm'])} "
             f"| {rcell(pc['warm'], o['warm'])} |")
    L.append(f"| warm: one household with full trace¹ | {cell(o['warm_trace'])} | {rcell(z['warm_trace'], o['warm_trace'])} "
             f"| {rcell(of['warm_trace'], o['warm_trace'])} | {rcell(pc['warm_trace'], o['warm_trace'])} |")
    L.append(f"| warm: trace + explanation in words² | {cell(o['warm_explain'])} | {rcell(z['warm_trace'], o['warm_explain'])} "
             f"| {rcell(of['warm_trace'], o['warm_explain'])} | {rcell(pc['warm_trace'], o['warm_explain'])} |")
    L.append(f"| batch throughput, one core, no trace³ | {cell(o['batch'])} | {rcell(z['batch'], o['batch'], True)} "
             f"| {rcell(of['batch'], o['batch'], True)} | {rcell(pc['batch'], o['batch'], True)} |")
    L.append(f"| peak memory (RSS): load + 1,000 households | {cell(mem['ours'])} | {rcell(mem['zen'], mem['ours'])} "
             f"| {rcell(mem['openfisca'], mem['ours'])} | {rcell(mem['publicodes'], mem['ours'])} |")
    L.append("")
    L.append(f"### In the browser (Chromium {b.get('chromium') or '?'}, headless)\n")
    bo, bp = b["ours"], b["publicodes"]
    L.append("| measure | ours (WebAssembly) | Publicodes (JavaScript) |")
    L.append("|---|---|---|")
    start_o, start_p = once(bo["start"]["value"], "us"), once(bp["start"]["value"], "us")
    L.append(f"| start: fetch + compile the engine (localhost), once | {cell(start_o)} | {rcell(start_p, start_o)} |")
    L.append(f"| cold: load rules + evaluate one household⁶ | {cell(bo['cold'])} | {rcell(bp['cold'], bo['cold'])} |")
    L.append(f"| warm: one household | {cell(bo['warm'])} | {rcell(bp['warm'], bo['warm'])} |")
    L.append(f"| warm: with full trace¹ | {cell(bo['warm_trace'])} | {rcell(bp['warm'], bo['warm_trace'])} |")
    L.append(f"| warm: trace + explanation in words² | {cell(bo['warm_explain'])} | {rcell(bp['warm'], bo['warm_explain'])} |")
    L.append(f"| batch throughput, {b['batch_size']:,} households | {cell(bo['batch'])} | {rcell(bp['batch'], bo['batch'], True)} |")
    L.append("")
    L.append("### Transfer size (brotli, quality 11)\n")
    L.append("| what a page downloads | ours | Publicodes | GoRules ZEN |")
    L.append("|---|---|---|---|")
    L.append(f"| the widget: engine and user interface | {cell(size('ours'))} | {rcell(size('publicodes'), size('ours'))} | {rcell(size('zen'), size('ours'))} |")
    if sz.get("ours_engine"):
        es = once(sz["ours_engine"]["brotli"], "bytes")
        L.append(f"| engine alone, no user interface⁵ | {cell(es)} | {rcell(size('publicodes'), es)} | {rcell(size('zen'), es)} |")
    L.append("")
    L.append(f"- ours: the `<care-budget>` widget, {' + '.join(sz['ours']['files'])} (engine and user interface; "
             f"{fmt(sz['ours']['raw'], 'bytes')} uncompressed)")
    L.append(f"- Publicodes: {sz['publicodes']['what']} ({fmt(sz['publicodes']['raw'], 'bytes')} uncompressed; as published, "
             f"unminified, {fmt(sz['publicodes']['published_brotli'], 'bytes')} brotli)")
    L.append(f"- ZEN: {sz['zen']['what']} ({fmt(sz['zen']['raw'], 'bytes')} uncompressed)")
    L.append("")
    L.append("1. Trace: ours records why each condition held or failed; ZEN with `trace: true`; OpenFisca with "
             "`simulation.trace = True`; every Publicodes evaluation builds its explanation tree (there is no "
             "lighter mode), so its traced and plain figures are the same operation.")
    L.append("2. Ours only: the trace turned into the plain-language steps the widget shows (`explain`). The peers' "
             "cells compare it with their traced evaluation.")
    L.append(f"3. Ours and ZEN: {o['batch_size']:,} households, one at a time, on one thread. OpenFisca: its vectorised "
             f"API on {of['batch_size']:,} households at once (numpy; inputs set beforehand, calculation timed; "
             f"{cell(of['batch_with_inputs'])} counting the input arrays). Publicodes: {pc['batch_size']:,} households.")
    L.append(f"4. Ours evaluating answers already typed (no parsing of the answers): {cell(o['warm_evaluate_only'])} "
             f"a household; batch {cell(o['batch_typed'])}. ZEN compiled its expressions before timing "
             f"(cold with compilation: {cell(z['cold_compiled'])}).")
    if sz.get("ours_engine"):
        L.append(f"5. bench/wasm (read the compiled program, evaluate, explain; no user interface), as timed in the browser above: "
                 f"bench_bg.wasm + bench.js, {fmt(sz['ours_engine']['raw'], 'bytes')} uncompressed"
                 + (", optimised with the wasm-opt flags the widget uses." if sz["ours_engine"]["wasm_opt"] else ", not wasm-opt'ed."))
    L.append("6. Ours in the browser reads the compiled program (`carebudget build --program`, already checked), as the "
             "widget does; natively, ours reads and checks the published JSON. Publicodes parses its rules in both.")
    L.append("")
    L.append(f"The whole run took {elapsed / 60:.0f} minutes.")
    return "\n".join(L), targets(r)


def targets(r):
    o, z, of, pc, b, sz = r["ours"], r["zen"], r["openfisca"], r["publicodes"], r["browser"], r["sizes"]
    rows = []

    def t(name, value, goal, detail):
        rows.append((name, value >= goal, f"{value:,.1f}×" if value >= 10 else f"{value:,.2f}×", detail))

    t("Warm with full trace ≥ 10× faster than Publicodes (browser, same page)", ratio(b["ours"]["warm_trace"], b["publicodes"]["warm"]), 10,
      f"ours {cell(b['ours']['warm_trace'])}, Publicodes {cell(b['publicodes']['warm'])}")
    t("… same, native ours vs Publicodes in Node", ratio(o["warm_trace"], pc["warm_trace"]), 10,
      f"ours {cell(o['warm_trace'])}, Publicodes {cell(pc['warm_trace'])}")
    t("Warm with full trace ≥ 100× faster than OpenFisca's per-household API", ratio(o["warm_trace"], of["warm_trace"]), 100,
      f"ours {cell(o['warm_trace'])}, OpenFisca {cell(of['warm_trace'])}")
    t("Warm with full trace ≥ 5× faster than ZEN with trace on", ratio(o["warm_trace"], z["warm_trace"]), 5,
      f"ours {cell(o['warm_trace'])}, ZEN {cell(z['warm_trace'])}")
    rows.append(("Batch native ≥ 1,000,000 households/s on one core", o["batch"]["median"] >= 1e6,
                 f"{o['batch']['median']:,.0f}/s", f"median of {o['batch']['runs']} runs of {o['batch_size']:,}"))
    t("Batch native ≥ OpenFisca's vectorised throughput (same batch)", ratio(o["batch"], of["batch"], True), 1,
      f"ours {cell(o['batch'])}, OpenFisca {cell(of['batch'])}")
    t("Transfer size smaller than the Publicodes engine", sz["publicodes"]["brotli"] / sz["ours"]["brotli"], 1.0000001,
      f"ours {fmt(sz['ours']['brotli'], 'bytes')}, Publicodes {fmt(sz['publicodes']['brotli'], 'bytes')}")
    t("Transfer size ≥ 20× smaller than the ZEN wasm package", sz["zen"]["brotli"] / sz["ours"]["brotli"], 20,
      f"ours {fmt(sz['ours']['brotli'], 'bytes')}, ZEN {fmt(sz['zen']['brotli'], 'bytes')}")
    L = ["| target | ratio | met? | figures (median [min–max]) |", "|---|---|---|---|"]
    for name, ok, value, detail in rows:
        L.append(f"| {name} | {value} | {'**met**' if ok else '**missed**'} | {detail} |")
    return "\n".join(L)


def versions():
    def cmd(c):
        try:
            return subprocess.run(c, capture_output=True, text=True, cwd=BENCH).stdout.strip()
        except OSError:
            return "?"

    cpu = "?"
    with open("/proc/cpuinfo") as f:
        m = re.search(r"model name\s*:\s*(.+)", f.read())
        cpu = m.group(1) if m else cpu
    with open(os.path.join(BENCH, "native", "Cargo.lock")) as f:
        lock = f.read()
    zen = re.search(r'name = "zen-engine"\nversion = "([^"]+)"', lock)

    def pkg(name):
        with open(os.path.join(BENCH, "js", "node_modules", name, "package.json")) as f:
            return json.load(f)["version"]

    of = cmd([PYTHON, "-c", "import importlib.metadata as m; print(m.version('openfisca-core'), m.version('numpy'))"]).split()
    return {
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "memory": f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB",
        "os": f"{platform.system()} {platform.release()}",
        "rustc": cmd(["rustc", "--version"]),
        "python": platform.python_version(),
        "node": cmd(["node", "--version"]),
        "chromium": cmd(["/usr/bin/chromium", "--version"]) if os.path.exists("/usr/bin/chromium") else "not installed",
        "openfisca-core": of[0] if of else "?",
        "numpy": of[1] if len(of) > 1 else "?",
        "publicodes": pkg("publicodes"),
        "zen-engine (crate)": zen.group(1) if zen else "?",
        "@gorules/zen-engine (Node)": pkg("@gorules/zen-engine"),
        "@gorules/zen-engine-wasm": pkg("@gorules/zen-engine-wasm"),
    }


def main():
    args = sys.argv[1:]
    smoke = "--smoke" in args
    n = 100 if smoke else 10000
    for a in args:
        if a.startswith("--households="):
            n = int(a.split("=", 1)[1])
    batch = 1_000_000
    start = time.perf_counter()
    prepare(n)
    agreed = agree(n, full=not smoke)
    if smoke:
        log(f"smoke: agreement only ({time.perf_counter() - start:.0f}s)")
        return
    r = measure(batch)
    elapsed = time.perf_counter() - start
    r["versions"] = versions()
    r["date"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    r["households"] = n
    table, target_table = report(r, agreed, n, elapsed)
    with open(out("results.json"), "w") as f:
        json.dump(r, f, indent=1)
    machine = "\n".join(f"- {k}: {v}" for k, v in r["versions"].items())
    text = (f"# carebudget peer benchmark\n\n{r['date']}, `bash bench/run.sh`\n\n{machine}\n\n{table}\n\n"
            f"## Targets\n\n{target_table}\n")
    with open(out("results.md"), "w") as f:
        f.write(text)
    print(text)
    log(f"written to bench/out/results.md and bench/out/results.json ({elapsed:.0f}s)")


if __name__ == "__main__":
    main()
