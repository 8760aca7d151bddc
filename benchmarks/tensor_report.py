#!/usr/bin/env python3
"""Tables for the rules over tensors, from JMH JSON files (-rf json): the ratios of
TensorRatioBench (interleaved steps; per iteration, and their median), the generated kernels'
speed against the hand-written ones (HandRatioBench, interleaved), what LAMB's norms cost its
first pass (SumCostBench, interleaved), of TensorRuleBench
(one rule after another; each file one round, and the median over rounds), and the sgemm
fraction of OrthBench. Standard library only. See benchmarks/README.md.

    python3 benchmarks/tensor_report.py round1.json round2.json ...
"""
import json
import statistics
import sys

TARGETS = {"lamb": 1.30, "adamw_clipped": 1.25}
HAND_TARGET = 0.95   # generated at least this fraction of the hand-written kernel's speed


def load(path):
    with open(path) as f:
        return json.load(f)


def tensor_ratios(rows):
    """{(impl, threads): {rule: µs/step}} from TensorRuleBench rows."""
    out = {}
    for r in rows:
        if not r["benchmark"].endswith("TensorRuleBench.step"):
            continue
        p = r["params"]
        out.setdefault((p["impl"], p["threads"]), {})[p["rule"]] = r["primaryMetric"]["score"]
    return out


def orth_flops(rows, cols):
    r, c = min(rows, cols), max(rows, cols)
    return 5 * (4 * r * r * c + 2 * r ** 3)


def interleaved(paths):
    """TensorRatioBench: per iteration, the ratios to AdamW of total and of fastest step times,
    pooled over the forks of every allocation order (param first)."""
    rows = [r for path in paths for r in load(path) if r["benchmark"].endswith("TensorRatioBench.round")]
    if not rows:
        return
    print("Interleaved steps (TensorRatioBench). Ratios to AdamW: median over iterations, (min-max);")
    print("'all steps' divides total step times, 'fastest' each rule's fastest step of the iteration,")
    print("'CPU' the CPU time of the JVM's threads during the steps (what counts when the host is oversubscribed).")
    print()
    print("| impl | threads | rounds | AdamW ms/step | clip+AdamW ms/step | LAMB ms/step "
          "| clip+AdamW: all steps | clip+AdamW: fastest | clip+AdamW: CPU | LAMB: all steps | LAMB: fastest | LAMB: CPU |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    verdicts = []
    groups = {}
    for r in rows:
        # forks that allocated a different rule first (param first) pool into one row
        groups.setdefault((r["params"]["impl"], r["params"]["threads"]), []).append(r)
    orders = {}
    for (impl, threads), group in groups.items():
        raw, rounds = {}, 0
        for r in group:
            mine = {k: [x for fork in v["rawData"] for x in fork] for k, v in r["secondaryMetrics"].items()}
            for k, v in mine.items():
                raw.setdefault(k, []).extend(v)
            # one operation steps each rule once: operations = total time / time per operation
            spent = sum(sum(mine[k]) for k in ("adamwNanos", "clipNanos", "lambNanos"))
            rounds += round(spent / (r["primaryMetric"]["score"] * 1e6))
            lamb = [c / a for c, a in zip(mine["lambNanos"], mine["adamwNanos"]) if a]
            clip = [c / a for c, a in zip(mine["clipNanos"], mine["adamwNanos"]) if a]
            orders.setdefault((impl, threads), []).append(
                (r["params"].get("first", "adamw"), statistics.median(clip), statistics.median(lamb)))
        ms = {k: sum(raw[k]) / rounds / 1e6 for k in ("adamwNanos", "clipNanos", "lambNanos")}
        cells = []
        for rule, prefix in (("adamw_clipped", "clip"), ("lamb", "lamb")):
            for suffix in ("Nanos", "BestNanos", "CpuNanos"):
                ratios = [c / a for c, a in zip(raw.get(prefix + suffix, []), raw.get("adamw" + suffix, [])) if a]
                if not ratios:
                    cells.append("n/a")
                    continue
                median = statistics.median(ratios)
                cells.append(f"{median:.2f}x ({min(ratios):.2f}-{max(ratios):.2f})")
                verdicts.append((impl, rule, threads, suffix, median))
        print(f"| {impl} | {threads} | {rounds} | {ms['adamwNanos']:.2f} | {ms['clipNanos']:.2f} | "
              f"{ms['lambNanos']:.2f} | {' | '.join(cells)} |")
    if any(len(v) > 1 for v in orders.values()):
        print()
        print("By the rule allocated first (all steps, median over that fork's iterations):")
        print()
        print("| impl | threads | first | clip+AdamW | LAMB |")
        print("|---|---|---|---:|---:|")
        for (impl, threads), forks in orders.items():
            for first, clip, lamb in forks:
                print(f"| {impl} | {threads} | {first} | {clip:.2f}x | {lamb:.2f}x |")
    print()
    names = {"Nanos": "all steps", "BestNanos": "fastest", "CpuNanos": "CPU"}
    for impl, rule, threads, suffix, median in verdicts:
        status = "met" if median <= TARGETS[rule] else "missed"
        print(f"- {impl}: {rule} <= {TARGETS[rule]}x AdamW, threads {threads}, {names[suffix]}: {median:.3f}x, {status}")
    print()


def against_hand(paths):
    """HandRatioBench: per iteration, the hand-written kernel's time over the generated one's,
    pooled over both allocation orders (param first) when the files hold both."""
    rows = [r for path in paths for r in load(path) if r["benchmark"].endswith("HandRatioBench.round")]
    if not rows:
        return
    print("Generated against hand-written, interleaved (HandRatioBench): speed = hand time / generated time,")
    print(f"median over the iterations of both allocation orders (min-max); the target is at least {HAND_TARGET}x.")
    print()
    print("| rule | threads | generated ms/step | hand-written ms/step | speed | generated first | hand first | target |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    groups = {}
    for r in rows:
        p = r["params"]
        groups.setdefault((p["rule"], p["threads"]), []).append(r)
    for (rule, threads), group in groups.items():
        speeds, by_order, gen_ns, hand_ns, rounds = [], {}, 0, 0, 0
        for r in group:
            raw = {k: [x for fork in v["rawData"] for x in fork] for k, v in r["secondaryMetrics"].items()}
            s = [h / gen for gen, h in zip(raw["generatedNanos"], raw["handNanos"]) if gen]
            speeds += s
            by_order.setdefault(r["params"].get("first", "generated"), []).extend(s)
            gen_ns += sum(raw["generatedNanos"])
            hand_ns += sum(raw["handNanos"])
            rounds += round((sum(raw["generatedNanos"]) + sum(raw["handNanos"])) / (r["primaryMetric"]["score"] * 1e6))
        median = statistics.median(speeds)
        status = "met" if median >= HAND_TARGET else "missed"
        orders = [f"{statistics.median(by_order[o]):.3f}x" if o in by_order else "n/a" for o in ("generated", "hand")]
        print(f"| {rule} | {threads} | {gen_ns / rounds / 1e6:.2f} | {hand_ns / rounds / 1e6:.2f} | "
              f"{median:.3f}x ({min(speeds):.3f}-{max(speeds):.3f}) | {orders[0]} | {orders[1]} | {status} |")
    print()


def sum_cost(paths):
    """SumCostBench: per iteration, LAMB's first pass with its two norms over the same pass without."""
    rows = [r for path in paths for r in load(path) if r["benchmark"].endswith("SumCostBench.round")]
    if not rows:
        return
    print("What LAMB's norms add to its first pass (SumCostBench, one thread, timed alternately):")
    print("with sums / without, median over iterations (min-max).")
    print()
    print("| sums | with ms/pass | without ms/pass | with / without |")
    print("|---|---:|---:|---:|")
    groups = {}
    for r in rows:
        groups.setdefault(r["params"]["sums"], []).append(r)
    for sums, group in groups.items():
        ratios, with_ns, without_ns, rounds = [], 0, 0, 0
        for r in group:
            raw = {k: [x for fork in v["rawData"] for x in fork] for k, v in r["secondaryMetrics"].items()}
            ratios += [a / b for a, b in zip(raw["withNanos"], raw["withoutNanos"]) if b]
            with_ns += sum(raw["withNanos"])
            without_ns += sum(raw["withoutNanos"])
            rounds += round((sum(raw["withNanos"]) + sum(raw["withoutNanos"])) / (r["primaryMetric"]["score"] * 1e6))
        print(f"| {sums} | {with_ns / rounds / 1e6:.2f} | {without_ns / rounds / 1e6:.2f} | "
              f"{statistics.median(ratios):.3f}x ({min(ratios):.3f}-{max(ratios):.3f}) |")
    print()


def main(paths):
    ratios = {}
    interleaved(paths)
    against_hand(paths)
    sum_cost(paths)
    if any(tensor_ratios(load(p)) for p in paths):
        print("| round | impl | threads | AdamW ms/step | clip+AdamW ms/step (x AdamW) | LAMB ms/step (x AdamW) |")
        print("|---|---|---|---:|---:|---:|")
    orth_rows = []
    for n, path in enumerate(paths, 1):
        rows = load(path)
        for (impl, threads), scores in sorted(tensor_ratios(rows).items()):
            base = scores.get("adamw")
            cells = []
            for rule in ("adamw_clipped", "lamb"):
                if rule in scores and base:
                    ratio = scores[rule] / base
                    ratios.setdefault((impl, threads, rule), []).append(ratio)
                    cells.append(f"{scores[rule] / 1000:.2f} ({ratio:.2f}x)")
                else:
                    cells.append("n/a")
            adamw = f"{base / 1000:.2f}" if base else "n/a"
            print(f"| {n} ({path.rsplit('/', 1)[-1]}) | {impl} | {threads} | {adamw} | {cells[0]} | {cells[1]} |")
        orth_rows += [r for r in rows if ".OrthBench." in r["benchmark"]]
    if ratios:
        print()
        print("| target | impl | threads | median ratio | rounds | status |")
        print("|---|---|---|---:|---:|---|")
        for (impl, threads, rule), values in sorted(ratios.items()):
            median = statistics.median(values)
            status = "met" if median <= TARGETS[rule] else "missed"
            print(f"| {rule} <= {TARGETS[rule]}x AdamW | {impl} | {threads} | {median:.2f}x | {len(values)} | {status} |")
    if orth_rows:
        print()
        print("| rows x cols | orth ms | orth GFLOP/s | same BLAS calls alone ms | their GFLOP/s | orth / sgemm rate "
              "| interleaved: orth / sgemm rate, median (min-max) | N,N sgemm GFLOP/s |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        by_shape = {}
        for r in orth_rows:
            p = r["params"]
            key = (int(p["rows"]), int(p["cols"]))
            by_shape.setdefault(key, {})[r["benchmark"].rsplit(".", 1)[1]] = r["primaryMetric"]["score"]
            if r["benchmark"].endswith(".interleaved"):
                raw = {k: [x for fork in v["rawData"] for x in fork] for k, v in r["secondaryMetrics"].items()}
                fractions = [pr / o for pr, o in zip(raw["productsNanos"], raw["orthNanos"]) if o]
                by_shape[key]["interleaved"] = fractions
        for (rows, cols), s in sorted(by_shape.items()):
            flops = orth_flops(rows, cols)
            orth, prod, square = s.get("orth"), s.get("products"), s.get("sgemmSquare")
            if orth is None or prod is None:
                continue
            sq = f"{2 * max(rows, cols) ** 3 / (square * 1e6):.1f}" if square else "n/a"
            inter = s.get("interleaved")
            inter = (f"{statistics.median(inter):.0%} ({min(inter):.0%}-{max(inter):.0%})" if inter else "n/a")
            print(f"| {rows} x {cols} | {orth:.1f} | {flops / (orth * 1e6):.1f} | {prod:.1f} | "
                  f"{flops / (prod * 1e6):.1f} | {prod / orth:.0%} | {inter} | {sq} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1:])
