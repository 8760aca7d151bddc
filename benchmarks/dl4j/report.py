#!/usr/bin/env python3
"""Markdown table of one benchmarks/dl4j/run.sh run: optjit beside Deeplearning4j.

Usage: report.py RESULTS_DIR   (the folder run.sh wrote; prints Markdown)

Throughput is training examples per second (Deeplearning4j: its timed mini-batches; optjit:
the training seconds of its epochs after the first, from metrics.csv). GFLOP/s count the
multiply-adds of the forward and backward passes (Dl4jBench's flops_per_example, the same
shapes for both). The machine's sgemm rate is the higher of the two-thread product and twice
the one-thread product, over both OpenBLAS builds, best of ten 1024^3 products.
"""
import csv
import os
import sys

TARGETS = {"mlp": 4.0, "lenet5": 10.0}
NAMES = {"mlp": "MLP 784-256-10, batch 128, Adam", "lenet5": "LeNet-5, batch 64, Adam"}


def keyvalues(path):
    values = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if "=" in line:
                    k, v = line.rstrip("\n").split("=", 1)
                    values[k] = v
    return values


def optjit_run(out, name):
    """Examples per second over the epochs after the first, test error, peak memory (MB)."""
    with open(os.path.join(out, name, "metrics.csv")) as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(out, name + ".out")) as f:
        printed = f.read().splitlines()
    # "training adam on fashion-mnist (50000 training examples), writing to ..."
    training = next(int(l.split("(")[1].split()[0]) for l in printed
                    if l.startswith("training ") and "training examples" in l)
    timed = rows[1:] or rows
    seconds = sum(float(r["seconds"]) for r in timed)
    peak = None
    time_file = os.path.join(out, name + ".time")
    if os.path.exists(time_file):
        for line in open(time_file):
            if "Maximum resident set size" in line:
                peak = int(line.split(":")[1]) / 1024
    blas = next((l.split(":", 1)[1].strip() for l in printed if l.startswith("BLAS:")), "?")
    return {"examples_per_second": training * len(timed) / seconds, "epochs": len(timed),
            "seconds": seconds, "test_error": float(rows[-1]["test_error"]), "peak_mb": peak,
            "training": training, "blas": blas}


def main(out):
    env = keyvalues(os.path.join(out, "env.txt"))
    load = lambda name: keyvalues(os.path.join(out, name + ".load")).get("load", "?")
    print(f"Run of {env.get('date')}: {env.get('jdk')}; {env.get('cpu')}, {env.get('cores')} cores, "
          f"AVX-512 {env.get('avx512')}, {env.get('memory_gb')} GB; load average {env.get('load_start')} at the "
          f"start, {env.get('load_end')} at the end; optjit {env.get('optjit_commit')}.")
    print()
    print("sgemm 1024^3, GFLOP/s (best / median of 10 products):")
    print()
    print("| OpenBLAS | 1 thread | 2 threads |")
    print("|---|---:|---:|")
    best = 0.0
    for who in ("dl4j", "optjit"):
        cells = []
        for t in (1, 2):
            s = keyvalues(os.path.join(out, f"sgemm-{who}-{t}.out"))
            b, m = float(s["gflops_best"]), float(s["gflops_median"])
            best = max(best, b * (2 if t == 1 else 1))
            cells.append(f"{b:.1f} / {m:.1f}")
            version = s["blas"]
        owner = "Deeplearning4j's" if who == "dl4j" else "optjit's"
        print(f"| {owner} ({version}) | {cells[0]} | {cells[1]} |")
    print()
    print(f"The machine's sgemm rate on 2 cores: {best:.1f} GFLOP/s.")
    print()
    print("| workload | DL4J 1 thread ex/s | DL4J 2 threads ex/s | optjit ex/s | optjit / best DL4J | target "
          "| optjit GFLOP/s | of sgemm rate | optjit peak memory | DL4J test acc. | optjit test acc. |")
    print("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    notes = []
    for model in ("mlp", "lenet5"):
        dl4j = {t: keyvalues(os.path.join(out, f"dl4j-{model}-{t}.out")) for t in (1, 2)}
        o = optjit_run(out, f"optjit-{model}")
        rates = {t: float(dl4j[t]["examples_per_second"]) for t in (1, 2)}
        best_t = max(rates, key=rates.get)
        ratio = o["examples_per_second"] / rates[best_t]
        flops = float(dl4j[1]["flops_per_example"])
        gflops = o["examples_per_second"] * flops / 1e9
        target = TARGETS[model]
        verdict = "met" if ratio >= target else "missed"
        peak = f"{o['peak_mb']:.0f} MB" if o["peak_mb"] else "n/a"
        print(f"| {NAMES[model]} | {rates[1]:,.0f} | {rates[2]:,.0f} | {o['examples_per_second']:,.0f} "
              f"| **{ratio:.1f}x** | >= {target:.0f}x: {verdict} | {gflops:.1f} | {gflops / best:.0%} | {peak} "
              f"| {float(dl4j[best_t]['test_accuracy']):.3f} | {1 - o['test_error']:.3f} |")
        notes.append(f"- {model}: DL4J {dl4j[1]['timed_examples']} examples per setting "
                     f"({dl4j[1]['timed_batches']} mini-batches; {float(dl4j[1]['seconds']):.1f} s on 1 thread, "
                     f"{float(dl4j[2]['seconds']):.1f} s on 2; load {load(f'dl4j-{model}-1')} and "
                     f"{load(f'dl4j-{model}-2')}), DL4J {flops * rates[best_t] / 1e9:.1f} GFLOP/s at its best, "
                     f"peak memory {dl4j[1]['peak_rss_mb']} / {dl4j[2]['peak_rss_mb']} MB; optjit "
                     f"{o['epochs']} timed epoch(s) of {o['training']:,} examples in {o['seconds']:.1f} s "
                     f"(load {load(f'optjit-{model}')}), {o['blas']}; {flops / 1e6:.3f} MFLOP per example.")
    print()
    print("\n".join(notes))
    print("- Test accuracy: DL4J on the first 2,000 test images after its warm-up and timed mini-batches; "
          "optjit on the first 2,000 after its last epoch (a check that both learn, not a comparison).")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
