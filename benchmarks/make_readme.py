"""Write benchmarks/README.md to standard output from the results of one benchmarks/run.sh.

    /usr/bin/python3 benchmarks/make_readme.py benchmarks/results/LABEL > benchmarks/README.md

Every core figure is given as a ratio to OpenBLAS (through numpy) measured in the same pass,
so that a slower or busier machine moves both sides; each cell shows pass 1 / pass 2.
"""

import glob
import json
import os
import re
import statistics
import sys

CASES = [("64", 64, 64, 64), ("128", 128, 128, 128), ("256", 256, 256, 256),
         ("512", 512, 512, 512), ("1024", 1024, 1024, 1024), ("2048", 2048, 2048, 2048),
         ("XW", 256, 128, 784), ("XtdY", 784, 128, 256), ("dYWt", 256, 784, 128)]
LABELS = {"XW": "X·W 256×784 · 784×128", "XtdY": "Xᵀ·dY 784×256 · 256×128",
          "dYWt": "dY·Wᵀ 256×128 · 128×784"}
FLOPS = {name: 2.0 * m * n * k for name, m, n, k in CASES}
# The step's products: X·W1, A·W2, Aᵀ·dZ, dZ·W2ᵀ and Xᵀ·dH (no dX for the first layer).
STEP_FLOPS = 2.0 * (256 * 784 * 128 * 2 + 256 * 128 * 10 * 3)


def load_pass(folder):
    """Return seconds per call keyed by (library, case, threads) and the pass's other facts."""
    times = {}
    # bdn-loh contains the allocating benchmarks rerun with System.GC.LOHThreshold at 4 MiB.
    for exports, suffix in (("bdn", ""), ("bdn-loh", "-loh")):
        pattern = os.path.join(folder, exports, "**", "*-report-full.json")
        for path in glob.glob(pattern, recursive=True):
            with open(path, encoding="utf-8") as file:
                report = json.load(file)
            for benchmark in report["Benchmarks"]:
                parameters = dict(
                    p.split("=", 1) for p in benchmark["Parameters"].split("&") if p)
                method = benchmark["Method"]
                seconds = benchmark["Statistics"]["Median"] / 1e9
                library = {"Core": "core", "CoreKernel": "kernel", "MathNet": "mathnet",
                           "Naive": "naive", "Step": "core"}[method] + suffix
                case = "step" if method == "Step" else parameters["Case"]
                times[(library, case, int(parameters.get("Threads", 1)))] = seconds
    with open(os.path.join(folder, "reference.json"), encoding="utf-8") as file:
        reference = json.load(file)
    for row in reference["gemm"]:
        times[(row["library"], row["case"], row["threads"])] = row["seconds"]
    for row in reference["step"]:
        times[(row["library"], "step", row["threads"])] = row["seconds"]
    cold = {}
    for key, name in (("warm-up", "coldstart.jsonl"), ("none", "coldstart-no-warm-up.jsonl")):
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            cold[key] = [json.loads(line) for line in file if line.strip()]
    with open(os.path.join(folder, "lscpu.txt"), encoding="utf-8") as file:
        lscpu = file.read()
    uptimes = []
    for name in ("uptime-before.txt", "uptime-after.txt"):
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            uptimes.append(file.read().strip())
    with open(os.path.join(folder, "peak.json"), encoding="utf-8") as file:
        peak = json.load(file)
    faults = {}
    for setting, name in (("default", "faults.jsonl"), ("loh", "faults-loh.jsonl")):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as file:
                faults[setting] = [json.loads(line) for line in file if line.strip()]
    return {"times": times, "reference": reference, "cold": cold, "lscpu": lscpu,
            "uptimes": uptimes, "peak": peak, "faults": faults}


def lscpu_field(text, field):
    match = re.search(rf"^{re.escape(field)}:\s*(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else "unknown"


def ratio(passes, library, case, threads):
    """Return OpenBLAS time / library time per pass: above 1 means faster than OpenBLAS."""
    values = []
    for data in passes:
        times = data["times"]
        mine, blas = times.get((library, case, threads)), times.get(("numpy", case, threads))
        values.append(blas / mine if mine and blas else None)
    return values


def speedup(passes, library, case):
    """Return the time on one thread / the time on two threads per pass."""
    values = []
    for data in passes:
        one, two = data["times"].get((library, case, 1)), data["times"].get((library, case, 2))
        values.append(one / two if one and two else None)
    return values


def cell(values, digits=2):
    return " / ".join("–" if v is None else f"{v:.{digits}f}" for v in values)


def gflops(passes, library, case, threads):
    return [FLOPS[case] / data["times"][(library, case, threads)] / 1e9
            if (library, case, threads) in data["times"] else None for data in passes]


def target(passes, name, values, limit, higher_is_better=True):
    met = [v is not None and (v >= limit if higher_is_better else v <= limit) for v in values]
    verdict = "met" if all(met) else ("met in one pass" if any(met) else "not met")
    return f"| {name} | {'≥' if higher_is_better else '≤'} {limit:g} | {cell(values)} | {verdict} |"


def main():
    results = sys.argv[1]
    passes = [load_pass(folder) for folder in sorted(glob.glob(os.path.join(results, "pass-*")))]
    first = passes[0]
    lines = []
    add = lines.append
    add("# Benchmarks")
    add("")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    add("Generated by `benchmarks/make_readme.py` from "
        f"`{os.path.relpath(os.path.abspath(results), root)}`; do not edit by hand.")
    add("Regenerate everything with `benchmarks/run.sh` (two passes, about 16 minutes on this "
        "machine).")
    add("")
    add("## Machine and commands")
    add("")
    cpu = first["lscpu"]
    add(f"- CPU: {lscpu_field(cpu, 'Model name')}, {lscpu_field(cpu, 'CPU(s)')} cores "
        f"({lscpu_field(cpu, 'Thread(s) per core')} thread per core), L2 "
        f"{lscpu_field(cpu, 'L2 cache')}, L3 {lscpu_field(cpu, 'L3 cache')}, hypervisor "
        f"{lscpu_field(cpu, 'Hypervisor vendor')}.")
    pools = [p for p in first["reference"]["threadpools"] if p.get("internal_api") == "openblas"]
    for pool in pools:
        add(f"- OpenBLAS {pool.get('version')} ({pool.get('threading_layer')}), kernel "
            f"**{pool.get('architecture')}**, as threadpoolctl reports it; numpy "
            f"{first['reference']['numpy']}, PyTorch {first['reference']['torch']}, Python "
            f"{first['reference']['python']}; OPENBLAS_* variables in the run: "
            f"{first['reference']['openblas_environment'] or 'none'}.")
    peaks = [d["peak"]["peak_gflops"] for d in passes]
    add(f"- Peak of one core, measured by `peak` (twelve chains of {first['peak']['vector_width']}"
        f"-wide FMAs, no memory traffic): {cell(peaks, 1)} GFLOP/s. At that rate the training "
        f"step's {STEP_FLOPS / 1e6:.1f} MFLOP of products take at least "
        f"{cell([STEP_FLOPS / (p * 1e9) * 1e3 for p in peaks])} ms.")
    for index, data in enumerate(passes, 1):
        add(f"- Load during pass {index}: before `{data['uptimes'][0]}`; after "
            f"`{data['uptimes'][1]}`.")
    add("- Commands (from `benchmarks/run.sh`):")
    add("  - `dotnet build -c Release benchmarks/InteractiveBackprop.Benchmarks`")
    add("  - `dotnet <bin>/InteractiveBackprop.Benchmarks.dll coldstart` five times")
    add("  - `dotnet <bin>/InteractiveBackprop.Benchmarks.dll peak`")
    add("  - `dotnet <bin>/InteractiveBackprop.Benchmarks.dll faults`, then again with "
        "`DOTNET_GCLOHThreshold=0x400000`")
    add("  - `dotnet <bin>/InteractiveBackprop.Benchmarks.dll --filter '*' --artifacts "
        "<pass>/bdn --join`")
    add("  - `DOTNET_GCLOHThreshold=0x400000 dotnet <bin>/InteractiveBackprop.Benchmarks.dll "
        "--artifacts <pass>/bdn-loh --join --filter '...GemmBenchmarks.Core' "
        "'...TrainingStepBenchmarks.Step'`")
    add("  - `env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "
        "benchmarks/reference.py <pass>/reference.json`")
    add("")
    add("Each cell is pass 1 / pass 2. A ratio is OpenBLAS's time (numpy, same pass, same thread "
        "count) divided by the other's, so above 1 means faster than OpenBLAS. Times are medians: "
        "BenchmarkDotNet's over 7 iterations, reference.py's over 7 batches of about 0.15 s. "
        "\"core\" is the Tensor API (`MatMul`, `TransposeMatMul`, `MatMulTranspose`), which "
        "allocates its result; \"core kernel\" is the same kernels writing into a preallocated "
        "result. numpy's `@` allocates its result too. \"core, LOH 4 MiB\" is the Tensor API in a "
        "process started with `DOTNET_GCLOHThreshold=0x400000`, which lets the GC keep arrays "
        "of up to 4 MiB in its small-object heap (see the analysis below for why that matters "
        "here).")
    add("")
    for threads in (1, 2):
        add(f"## Products, {threads} thread{'s' if threads > 1 else ''}")
        add("")
        add("| product | core GFLOP/s | OpenBLAS GFLOP/s | core | core, LOH 4 MiB "
            "| core kernel | PyTorch | Math.NET | naive |")
        add("|---|---|---|---|---|---|---|---|---|")
        for case, *_ in CASES:
            name = LABELS.get(case, f"{case}³ A·B")
            add(f"| {name} | {cell(gflops(passes, 'core', case, threads), 1)} | "
                f"{cell(gflops(passes, 'numpy', case, threads), 1)} | "
                f"{cell(ratio(passes, 'core', case, threads))} | "
                f"{cell(ratio(passes, 'core-loh', case, threads))} | "
                f"{cell(ratio(passes, 'kernel', case, threads))} | "
                f"{cell(ratio(passes, 'torch', case, threads))} | "
                f"{cell(ratio(passes, 'mathnet', case, threads))} | "
                f"{cell(ratio(passes, 'naive', case, threads) if threads == 1 else [None] * len(passes))} |")
        add("")
    add("## Training step (784-128-10 ReLU MLP, softmax cross-entropy, batch 256, SGD)")
    add("")
    add("| threads | core ms | core, LOH 4 MiB, ms | numpy ms | PyTorch ms "
        "| core time / numpy time | core, LOH 4 MiB, time / numpy time |")
    add("|---|---|---|---|---|---|---|")
    step_ratios = {}
    for threads in (1, 2):
        ms = {lib: cell([d["times"].get((lib, "step", threads), float("nan")) * 1e3
                         for d in passes]) for lib in ("core", "core-loh", "numpy", "torch")}
        for lib in ("core", "core-loh"):
            step_ratios[(lib, threads)] = [
                d["times"][(lib, "step", threads)] / d["times"][("numpy", "step", threads)]
                if (lib, "step", threads) in d["times"] else None for d in passes]
        add(f"| {threads} | {ms['core']} | {ms['core-loh']} | {ms['numpy']} | {ms['torch']} | "
            f"{cell(step_ratios[('core', threads)])} | "
            f"{cell(step_ratios[('core-loh', threads)])} |")
    add("")
    if all(d["faults"] for d in passes):
        add("## What a fresh result costs")
        add("")
        add("`faults` runs 400 calls of each product on one thread and reads the process's "
            "minor page faults from /proc/self/stat; \"LOH 4 MiB\" is the same program under "
            "`DOTNET_GCLOHThreshold=0x400000`. Each cell is pass 1 / pass 2.")
        add("")
        add("| product | variant | GC setting | ms per call | page faults per call "
            "| gen2 collections per call |")
        add("|---|---|---|---|---|---|")
        for setting, title in (("default", "default"), ("loh", "LOH 4 MiB")):
            for index, row in enumerate(passes[0]["faults"][setting]):
                rows = [d["faults"][setting][index] for d in passes]
                add(f"| {LABELS.get(row['product'], row['product'])} | {row['variant']} | "
                    f"{title} | {cell([r['ms_per_call'] for r in rows], 3)} | "
                    f"{cell([r['faults_per_call'] for r in rows], 0)} | "
                    f"{cell([r['gen2_per_call'] for r in rows], 3)} |")
        add("")
    add("## First product in a fresh process")
    add("")
    add("X·W (256×784 · 784×128) timed by `coldstart` right after creating its operands, "
        "which includes compiling the kernels and starting the worker thread; five processes "
        "per pass. The CPU time is the process's, all threads, over the same call. The core "
        "starts compiling the GEMM code on a background thread when the first tensor is "
        "created; `coldstart --no-warm-up` turns that off, so the call pays for all of it.")
    add("")
    for key, title in (("warm-up", "with the warm-up"), ("none", "without the warm-up")):
        for index, data in enumerate(passes, 1):
            wall = [row["first_ms"] for row in data["cold"][key]]
            cpu = [row["first_cpu_ms"] for row in data["cold"][key]]
            add(f"- {title}, pass {index}: wall clock median {statistics.median(wall):.1f} ms "
                f"({', '.join(f'{v:.1f}' for v in wall)}); CPU time median "
                f"{statistics.median(cpu):.1f} ms ({', '.join(f'{v:.1f}' for v in cpu)})")
    add("")
    add("## Targets")
    add("")
    add("| target | limit | measured (pass 1 / pass 2) | verdict |")
    add("|---|---|---|---|")
    for case in ("64", "256", "512", "1024", "2048", "XW", "XtdY", "dYWt"):
        limit = 0.8 if case == "64" else 1.0
        add(target(passes, f"{LABELS.get(case, case + '³')}, 1 thread, × OpenBLAS",
                   ratio(passes, "core", case, 1), limit))
        add(target(passes, "… the same with the LOH threshold at 4 MiB",
                   ratio(passes, "core-loh", case, 1), limit))
        add(target(passes, "… the same without allocating the result (core kernel)",
                   ratio(passes, "kernel", case, 1), limit))
    for case in ("512", "1024", "2048"):
        add(target(passes, f"{case}³, 2 threads, core's speed-up over 1 thread",
                   speedup(passes, "core", case), 1.7))
        add(target(passes, "… the same with the LOH threshold at 4 MiB",
                   speedup(passes, "core-loh", case), 1.7))
        add(target(passes, "… the same without allocating the result (core kernel)",
                   speedup(passes, "kernel", case), 1.7))
        add(f"| {case}³, 2 threads, OpenBLAS's speed-up, for comparison | – | "
            f"{cell(speedup(passes, 'numpy', case))} | – |")
    add(target(passes, "training step, 1 thread, core time / numpy time",
               step_ratios[("core", 1)], 0.8, higher_is_better=False))
    add(target(passes, "… the same with the LOH threshold at 4 MiB",
               step_ratios[("core-loh", 1)], 0.8, higher_is_better=False))
    for key, title in (("warm-up", "with the warm-up"), ("none", "without the warm-up")):
        for field, unit in (("first_ms", "wall-clock"), ("first_cpu_ms", "CPU")):
            add(target(passes, f"first product in a fresh process, {title}, median {unit} ms",
                       [statistics.median(r[field] for r in d["cold"][key]) for d in passes],
                       20, higher_is_better=False))
    add("")
    analysis = os.path.join(os.path.dirname(__file__), "analysis.md")
    if os.path.exists(analysis):
        with open(analysis, encoding="utf-8") as file:
            add(file.read().rstrip())
        add("")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
