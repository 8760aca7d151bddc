#!/usr/bin/env python3
"""Turns JMH JSON results of the optjit suite into the Markdown tables of RESULTS.md.

    report.py --traffic traffic.tsv result.json [result.json ...] > tables.md

traffic.tsv: `rule<TAB>bytes read<TAB>bytes written` per weight, as the compiler counts
them (printed by `java -cp benchmarks.jar org.optjit.bench.Traffic`). Effective bandwidth
is (read + written) * size / time; every rule is set beside the in-place limit at the
same size and thread count: the one measured right after the rule (RuleBench impl
IN_PLACE) when the run has it, else BandwidthBench.inPlace. ExampleRatioBench times each rule
and the in-place limit alternately in one fork: its table gives, per rule and thread count,
the median over iterations of the rule's bandwidth as a % of the limit's, and their range.
Uses only the Python standard library.
"""
import argparse
import json
import statistics
import sys

IMPLS = ["INTERPRETER", "SCALAR", "VECTOR", "HAND_SCALAR", "HAND_VECTOR"]
BANDWIDTH_BYTES = {"copy": 8, "triad": 12, "inPlace": 12}  # as STREAM counts them
BIG = "16777216"
# the order of org.optjit.baseline.Baselines; other rules follow alphabetically
ORDER = ["sgd", "momentum", "nesterov", "rmsprop", "adam", "rprop", "adaptive_gains"]


def rule_order(rule):
    return (ORDER.index(rule), "") if rule in ORDER else (len(ORDER), rule)


def load(paths):
    rows = []
    for path in paths:
        with open(path) as f:
            for r in json.load(f):
                metric = r["primaryMetric"]
                if metric["scoreUnit"] != "us/op":
                    sys.exit(f"{path}: expected us/op scores, found {metric['scoreUnit']}")
                rows.append({
                    "class": r["benchmark"].split(".")[-2],
                    "method": r["benchmark"].split(".")[-1],
                    "params": r.get("params", {}),
                    "us": metric["score"],
                    "err": metric.get("scoreError", float("nan")),
                    # per iteration, forks concatenated: {counter: [value, ...]}
                    "raw": {k: [x for fork in v.get("rawData", []) for x in fork]
                            for k, v in r.get("secondaryMetrics", {}).items()},
                })
    return rows


def load_traffic(path):
    traffic = {}
    with open(path) as f:
        for line in f:
            if line.strip():
                rule, read, written = line.split("\t")
                traffic[rule] = int(read) + int(written)
    return traffic


def gbs(bytes_per_element, size, us):
    return bytes_per_element * int(size) / (us * 1e-6) / 1e9


def fmt(x, digits=1):
    return "n/a" if x is None else f"{x:.{digits}f}"


def bandwidth_table(rows):
    limits = {}
    out = ["| kernel | weights | threads | µs/step | GB/s |", "|---|---:|---|---:|---:|"]
    for r in rows:
        if r["class"] != "BandwidthBench" or r["method"] not in BANDWIDTH_BYTES:
            continue
        p = r["params"]
        rate = gbs(BANDWIDTH_BYTES[r["method"]], p["size"], r["us"])
        if r["method"] == "inPlace":
            limits[(p["size"], p["threads"])] = rate
        out.append(f"| {r['method']} | {p['size']} | {p['threads']} | {r['us']:.1f} | {rate:.1f} |")
    return out, limits


def adjacent_limits(rows):
    """The in-place limit measured beside each rule: (rule, size, threads) -> GB/s."""
    adjacent = {}
    for r in rows:
        p = r["params"]
        if r["class"] == "RuleBench" and p.get("impl") == "IN_PLACE":
            adjacent[(p["rule"], p["size"], p["threads"])] = gbs(BANDWIDTH_BYTES["inPlace"], p["size"], r["us"])
    return adjacent


def limit_for(key, limits, adjacent):
    """The in-place limit a rule is compared with: adjacent if measured, else the run's."""
    return adjacent.get(key) or limits.get(key[1:])


def rule_table(rows, traffic, limits, adjacent):
    results = {}
    for r in rows:
        if r["class"] != "RuleBench" or r["params"]["impl"] == "IN_PLACE":
            continue
        p = r["params"]
        results[(p["rule"], p["size"], p["threads"], p["impl"])] = r["us"]
    keys = sorted({k[:3] for k in results}, key=lambda k: (rule_order(k[0]), int(k[1]), k[2]))
    head = "| rule | weights | threads | in-place limit GB/s | " + " | ".join(f"{i} GB/s (% in-place)" for i in IMPLS)
    out = [head + " | VECTOR / HAND_VECTOR | VECTOR / HAND_SCALAR |",
           "|---|---:|---|---:|" + "---:|" * (len(IMPLS) + 2)]
    rates = {}
    for rule, size, threads in keys:
        limit = limit_for((rule, size, threads), limits, adjacent)
        source = "" if (rule, size, threads) in adjacent else " (run's)"
        cells = [fmt(limit) + source]
        for impl in IMPLS:
            us = results.get((rule, size, threads, impl))
            if us is None or rule not in traffic:
                cells.append("n/a")
                continue
            rate = gbs(traffic[rule], size, us)
            rates[(rule, size, threads, impl)] = rate
            pct = f" ({100 * rate / limit:.0f}%)" if limit else ""
            cells.append(f"{rate:.1f}{pct}")
        vec = rates.get((rule, size, threads, "VECTOR"))
        ratio = lambda other: fmt(vec / rates[(rule, size, threads, other)], 2) \
            if vec and (rule, size, threads, other) in rates else "n/a"
        out.append(f"| {rule} | {size} | {threads} | " + " | ".join(cells)
                   + f" | {ratio('HAND_VECTOR')} | {ratio('HAND_SCALAR')} |")
    return out, rates


def interleaved_pcts(row, bytes_per_weight):
    """ExampleRatioBench: per iteration, the rule's bandwidth as % of the in-place limit's
    (total step times) and the same for the fastest steps of the iteration."""
    raw = row["raw"]
    scale = 100 * bytes_per_weight / BANDWIDTH_BYTES["inPlace"]
    total = [scale * lim / rule for lim, rule in zip(raw["limitNanos"], raw["ruleNanos"]) if rule]
    best = [scale * lim / rule for lim, rule in zip(raw["limitBestNanos"], raw["ruleBestNanos"]) if rule]
    return total, best


def ratio_table(rows, traffic):
    """The examples profile: VECTOR beside the in-place limit, timed alternately (one fork each)."""
    found = [r for r in rows if r["class"] == "ExampleRatioBench" and r["params"]["rule"] in traffic]
    found.sort(key=lambda r: (r["params"]["rule"], r["params"]["threads"]))
    out = ["| rule | threads | bytes/weight | iterations | rule ms/step | limit ms/step "
           "| % of in-place limit: median (min-max) | fastest steps: median | target | status |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in found:
        p = r["params"]
        total, best = interleaved_pcts(r, traffic[p["rule"]])
        if not total:
            continue
        # every operation steps the rule once and the limit once
        ops = (sum(r["raw"]["ruleNanos"]) + sum(r["raw"]["limitNanos"])) / (r["us"] * 1e3)
        rule_ms = sum(r["raw"]["ruleNanos"]) / ops / 1e6
        limit_ms = sum(r["raw"]["limitNanos"]) / ops / 1e6
        median = statistics.median(total)
        target = 85 if p["threads"] == "1" else 90
        status = "met" if median >= target else "**missed**"
        out.append(f"| {p['rule']} | {p['threads']} | {traffic[p['rule']]} | {len(total)} | {rule_ms:.2f} "
                   f"| {limit_ms:.2f} | {median:.0f}% ({min(total):.0f}-{max(total):.0f}%) "
                   f"| {statistics.median(best):.0f}% | {target}% | {status} |")
    return out if len(out) > 2 else []


def compile_table(rows):
    results = {}
    for r in rows:
        if r["class"] == "CompileBench":
            results.setdefault(r["params"]["rule"], {})[r["params"]["backend"]] = r["us"]
    out = ["| rule | SCALAR µs | VECTOR µs |", "|---|---:|---:|"]
    for rule in sorted(results):
        out.append(f"| {rule} | {fmt(results[rule].get('SCALAR'))} | {fmt(results[rule].get('VECTOR'))} |")
    return out, results


def check(name, ok, detail):
    """A row of the targets table; None (the run did not measure it) gives no row."""
    if ok is None:
        return None
    return f"| {name} | {'met' if ok else '**missed**'} | {detail} |"


def targets_table(rates, limits, adjacent, compiles):
    out = ["| target (16M weights) | status | measured |", "|---|---|---|"]
    rules = sorted({k[0] for k in rates}, key=rule_order)
    for rule in rules:
        vec = rates.get((rule, BIG, "1", "VECTOR"))
        hand = rates.get((rule, BIG, "1", "HAND_VECTOR"))
        ok = None if not (vec and hand) else vec >= 0.95 * hand
        out.append(check(f"{rule}: VECTOR >= 0.95x HAND_VECTOR, 1 thread", ok,
                         fmt(vec / hand, 2) + "x" if vec and hand else "n/a"))
        limit = limit_for((rule, BIG, "1"), limits, adjacent)
        ok = None if not (vec and limit) else vec >= 0.85 * limit
        out.append(check(f"{rule}: VECTOR >= 85% of in-place, 1 thread", ok,
                         f"{100 * vec / limit:.0f}%" if vec and limit else "n/a"))
        vec_all = rates.get((rule, BIG, "all", "VECTOR"))
        limit_all = limit_for((rule, BIG, "all"), limits, adjacent)
        ok = None if not (vec_all and limit_all) else vec_all >= 0.90 * limit_all
        out.append(check(f"{rule}: VECTOR >= 90% of in-place, all threads", ok,
                         f"{100 * vec_all / limit_all:.0f}%" if vec_all and limit_all else "n/a"))
    for rule in ("rprop", "adaptive_gains"):
        vec = rates.get((rule, BIG, "1", "VECTOR"))
        scalar = rates.get((rule, BIG, "1", "HAND_SCALAR"))
        ok = None if not (vec and scalar) else vec >= 10 * scalar
        out.append(check(f"{rule}: VECTOR >= 10x HAND_SCALAR, 1 thread", ok,
                         fmt(vec / scalar, 1) + "x" if vec and scalar else "n/a"))
    for rule in sorted(compiles):
        worst = max(compiles[rule].values())
        out.append(check(f"{rule}: compile < 1 ms (warm)", worst < 1000, f"{worst:.0f} µs (slower backend)"))
    return [row for row in out if row is not None]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--traffic", required=True, help="rule<TAB>read<TAB>written per line")
    ap.add_argument("results", nargs="+", help="JMH JSON result files (-rf json)")
    args = ap.parse_args()
    rows = load(args.results)
    traffic = load_traffic(args.traffic)
    bw, limits = bandwidth_table(rows)
    adjacent = adjacent_limits(rows)
    rules, rates = rule_table(rows, traffic, limits, adjacent)
    compiles, compile_results = compile_table(rows)
    ratios = ratio_table(rows, traffic)
    sections = [("Bandwidth limit", bw),
                ("Example rules on VECTOR, timed alternately with the in-place limit (ExampleRatioBench)", ratios),
                ("Update rules: effective GB/s and % of the in-place limit at the same size and threads", rules),
                ("Compile latency (parse + analyse + generate + define, warm)", compiles),
                ("Targets", targets_table(rates, limits, adjacent, compile_results))]
    for title, lines in sections:
        if len(lines) <= 2:  # a header without rows: the run did not measure it
            continue
        print(f"### {title}\n")
        print("\n".join(lines))
        print()


if __name__ == "__main__":
    main()
