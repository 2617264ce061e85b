"""Time the benchmark's products and training step in numpy and PyTorch (float64).

Run with Debian's interpreter, whose numpy and torch use the system BLAS (OpenBLAS):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 benchmarks/reference.py OUT.json

Each figure is the median over 7 timed batches of the time of one call, after warm-up; a
batch repeats the call for about 0.15 s, as the BenchmarkDotNet job in
InteractiveBackprop.Benchmarks does.
"""

import json
import os
import platform
import statistics
import sys
import time

import numpy as np
import threadpoolctl
import torch

# (name, m, n, k, variant) exactly as GemmCase.All in the C# benchmarks.
CASES = [(str(n), n, n, n, "plain") for n in (64, 128, 256, 512, 1024, 2048)] + [
    ("XW", 256, 128, 784, "plain"),
    ("XtdY", 784, 128, 256, "transpose_left"),
    ("dYWt", 256, 784, 128, "transpose_right"),
]
BATCH, INPUTS, HIDDEN, CLASSES = 256, 784, 128, 10
LEARNING_RATE = 0.1
BATCHES = 7
BATCH_SECONDS = 0.15


def time_call(call):
    """Return the median and the minimum seconds per call of `call`."""
    call()
    start = time.perf_counter()
    repeats = 0
    while time.perf_counter() - start < BATCH_SECONDS:
        call()
        repeats += 1
    repeats = max(repeats, 1)
    samples = []
    for _ in range(BATCHES):
        start = time.perf_counter()
        for _ in range(repeats):
            call()
        samples.append((time.perf_counter() - start) / repeats)
    return statistics.median(samples), min(samples)


def operands(module, m, n, k, variant, rng):
    """Return A and B stored as the variant stores them: a transposed operand as its transpose."""
    shapes = {
        "plain": ((m, k), (k, n)),
        "transpose_left": ((k, m), (k, n)),
        "transpose_right": ((m, k), (n, k)),
    }[variant]
    left = rng.uniform(-1, 1, shapes[0])
    right = rng.uniform(-1, 1, shapes[1])
    if module == "torch":
        return torch.from_numpy(left), torch.from_numpy(right)
    return left, right


def product(left, right, variant):
    if variant == "transpose_left":
        return lambda: left.T @ right
    if variant == "transpose_right":
        return lambda: left @ right.T
    return lambda: left @ right


def numpy_step(state):
    x, labels, rows = state["x"], state["labels"], state["rows"]
    w1, b1, w2, b2 = state["w1"], state["b1"], state["w2"], state["b2"]
    h = x @ w1 + b1
    a = np.maximum(h, 0)
    z = a @ w2 + b2
    z_max = z.max(axis=1, keepdims=True)
    e = np.exp(z - z_max)
    s = e.sum(axis=1, keepdims=True)
    loss = np.mean(np.log(s[:, 0]) + z_max[:, 0] - z[rows, labels])
    dz = e / s
    dz[rows, labels] -= 1
    dz /= BATCH
    dw2 = a.T @ dz
    db2 = dz.sum(axis=0, keepdims=True)
    da = dz @ w2.T
    dh = da * (h > 0)
    dw1 = x.T @ dh
    db1 = dh.sum(axis=0, keepdims=True)
    w1 -= LEARNING_RATE * dw1
    b1 -= LEARNING_RATE * db1
    w2 -= LEARNING_RATE * dw2
    b2 -= LEARNING_RATE * db2
    return loss


def torch_step(state):
    x, labels, rows = state["x"], state["labels"], state["rows"]
    w1, b1, w2, b2 = state["w1"], state["b1"], state["w2"], state["b2"]
    with torch.no_grad():
        h = torch.addmm(b1, x, w1)
        a = torch.relu(h)
        z = torch.addmm(b2, a, w2)
        z_max = z.max(dim=1, keepdim=True).values
        e = torch.exp(z - z_max)
        s = e.sum(dim=1, keepdim=True)
        loss = torch.mean(torch.log(s[:, 0]) + z_max[:, 0] - z[rows, labels])
        dz = e / s
        dz[rows, labels] -= 1
        dz /= BATCH
        dw2 = a.T @ dz
        db2 = dz.sum(dim=0, keepdim=True)
        da = dz @ w2.T
        dh = da * (h > 0)
        dw1 = x.T @ dh
        db1 = dh.sum(dim=0, keepdim=True)
        w1.sub_(LEARNING_RATE * dw1)
        b1.sub_(LEARNING_RATE * db1)
        w2.sub_(LEARNING_RATE * dw2)
        b2.sub_(LEARNING_RATE * db2)
    return loss


def step_state(module, rng):
    bound1, bound2 = 1 / np.sqrt(INPUTS), 1 / np.sqrt(HIDDEN)
    state = {
        "x": rng.uniform(0, 1, (BATCH, INPUTS)),
        "labels": rng.integers(0, CLASSES, BATCH),
        "rows": np.arange(BATCH),
        "w1": rng.uniform(-bound1, bound1, (INPUTS, HIDDEN)),
        "b1": np.zeros((1, HIDDEN)),
        "w2": rng.uniform(-bound2, bound2, (HIDDEN, CLASSES)),
        "b2": np.zeros((1, CLASSES)),
    }
    if module == "torch":
        state = {key: torch.from_numpy(value) for key, value in state.items()}
    return state


def main():
    output = sys.argv[1]
    rng = np.random.default_rng(1)
    (np.ones((8, 8)) @ np.ones((8, 8)))  # loads the BLAS so that threadpoolctl sees it
    results = {
        "numpy": np.__version__,
        "torch": torch.__version__,
        "python": platform.python_version(),
        "threadpools": threadpoolctl.threadpool_info(),
        "openblas_environment": {
            key: value for key, value in os.environ.items() if key.startswith("OPENBLAS")
        },
        "torch_config": torch.__config__.show(),
        "gemm": [],
        "step": [],
    }
    for threads in (1, 2):
        with threadpoolctl.threadpool_limits(limits=threads):
            torch.set_num_threads(threads)
            for name, m, n, k, variant in CASES:
                for module in ("numpy", "torch"):
                    left, right = operands(module, m, n, k, variant, rng)
                    median, best = time_call(product(left, right, variant))
                    results["gemm"].append({
                        "case": name, "library": module, "threads": threads,
                        "seconds": median, "min_seconds": best,
                        "gflops": 2.0 * m * n * k / median / 1e9,
                    })
                    print(f"{module:5} {name:5} threads={threads} {median * 1e6:10.1f} us",
                          flush=True)
            for module, step in (("numpy", numpy_step), ("torch", torch_step)):
                state = step_state(module, rng)
                median, best = time_call(lambda: step(state))
                results["step"].append({
                    "library": module, "threads": threads,
                    "seconds": median, "min_seconds": best,
                })
                print(f"{module:5} step  threads={threads} {median * 1e6:10.1f} us", flush=True)
    with open(output, "w", encoding="utf-8") as file:
        json.dump(results, file, indent=2)


if __name__ == "__main__":
    main()
