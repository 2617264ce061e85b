#!/usr/bin/python3
"""Write torch_reference.txt: fixed inputs and PyTorch float64 results for the C# tests.

Run it with Debian's interpreter, which has python3-torch (pyenv's python3 does not):

    /usr/bin/python3 tests/reference/make_torch_reference.py [OUTPUT]

OUTPUT defaults to torch_reference.txt beside this script. The inputs are closed-form
(scaled sines), not random, so that the file does not depend on torch's generator.

Each line after the '#' header is `name|shape|values`: the shape is `R,C`, `N` or empty for a
scalar, and the values are row-major in Python's shortest round-trip form.
"""
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)
COMMAND = "/usr/bin/python3 tests/reference/make_torch_reference.py"


def fixed(rows, columns, offset, scale=1.0):
    """Return a [rows, columns] tensor of scale * sin(0.7 k + offset), k the row-major index."""
    values = [[scale * math.sin(0.7 * (i * columns + j) + offset) for j in range(columns)]
              for i in range(rows)]
    return torch.tensor(values)


def leaf(tensor):
    return tensor.clone().requires_grad_(True)


ENTRIES = []


def put(name, tensor):
    ENTRIES.append((name, tensor.detach().clone()))


def linear_case():
    x, w, b = leaf(fixed(4, 3, 0.1)), leaf(fixed(3, 2, 0.2)), leaf(fixed(1, 2, 0.3))
    dy = fixed(4, 2, 0.4)
    y = x @ w + b
    y.backward(dy)
    for name, value in [("X", x), ("W", w), ("b", b), ("dY", dy), ("Y", y),
                        ("dX", x.grad), ("dW", w.grad), ("db", b.grad)]:
        put("linear." + name, value)


def mlp_case():
    x = leaf(fixed(5, 4, 0.5, 2.0))
    sizes = [(4, 6), (6, 5), (5, 3)]
    weights = [leaf(fixed(n, m, 1.0 + k, 1.0 / math.sqrt(n))) for k, (n, m) in enumerate(sizes)]
    biases = [leaf(fixed(1, m, 2.0 + k, 0.1)) for k, (_, m) in enumerate(sizes)]
    classes = torch.tensor([0, 2, 1, 2, 0])
    hidden = torch.relu(x @ weights[0] + biases[0])
    hidden = torch.tanh(hidden @ weights[1] + biases[1])
    scores = hidden @ weights[2] + biases[2]
    loss = torch.nn.functional.cross_entropy(scores, classes)
    loss.backward()
    put("mlp.X", x)
    put("mlp.classes", classes.double())
    for k in range(3):
        put(f"mlp.W{k}", weights[k])
        put(f"mlp.b{k}", biases[k])
    put("mlp.scores", scores)
    put("mlp.loss", loss)
    put("mlp.dX", x.grad)
    for k in range(3):
        put(f"mlp.dW{k}", weights[k].grad)
        put(f"mlp.db{k}", biases[k].grad)


def mse_case():
    target = fixed(4, 3, 0.6)
    put("mse.Y", fixed(4, 3, 0.7, 1.5))
    put("mse.T", target)
    # The C# mean form divides by the batch size B = 4, not by the 12 elements as
    # mse_loss(reduction="mean") does, so it is compared with the sum divided by B.
    for reduction, divisor in [("mean", 4.0), ("sum", 1.0)]:
        y = leaf(fixed(4, 3, 0.7, 1.5))
        loss = torch.nn.functional.mse_loss(y, target, reduction="sum") / divisor
        loss.backward()
        put(f"mse.{reduction}.loss", loss)
        put(f"mse.{reduction}.dY", y.grad)


def cross_entropy_case():
    # Row 2 contains scores near 800, where exp overflows unless the row maximum is subtracted.
    scores = fixed(4, 5, 0.8, 3.0)
    scores[2] += 800.0
    classes = torch.tensor([4, 0, 2, 1])
    put("ce.Z", scores)
    put("ce.classes", classes.double())
    for reduction in ["mean", "sum"]:
        z = leaf(scores)
        loss = torch.nn.functional.cross_entropy(z, classes, reduction=reduction)
        loss.backward()
        put(f"ce.{reduction}.loss", loss)
        put(f"ce.{reduction}.dZ", z.grad)
    put("ce.softmax", torch.softmax(scores, dim=1))
    put("ce.logSoftmax", torch.log_softmax(scores, dim=1))
    put("ce.softmax0", torch.softmax(scores, dim=0))


def elementwise_case():
    x = fixed(3, 7, 0.9, 4.0)
    put("unary.X", x)
    put("unary.exp", torch.exp(x))
    put("unary.tanh", torch.tanh(x))
    put("unary.sigmoid", torch.sigmoid(x))
    put("unary.relu", torch.relu(x))
    put("unary.logAbs", torch.log(torch.abs(x)))


def optimiser_case():
    start = fixed(3, 4, 1.1)
    gradients = [fixed(3, 4, 1.2), fixed(3, 4, 1.3, 0.5)]
    put("opt.P", start)
    put("opt.G1", gradients[0])
    put("opt.G2", gradients[1])
    for name, make in [("adam", lambda p: torch.optim.Adam([p], lr=0.01)),
                       ("sgd", lambda p: torch.optim.SGD([p], lr=0.1, momentum=0.9))]:
        p = leaf(start)
        optimiser = make(p)
        for step, gradient in enumerate(gradients, start=1):
            p.grad = gradient.clone()
            optimiser.step()
            put(f"opt.{name}.step{step}", p)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "torch_reference.txt")
    for case in [linear_case, mlp_case, mse_case, cross_entropy_case, elementwise_case,
                 optimiser_case]:
        case()
    with open(path, "w", encoding="utf-8", newline="\n") as output:
        output.write(f"# Generated by: {COMMAND}\n")
        output.write(f"# torch {torch.__version__}, float64\n")
        for name, tensor in ENTRIES:
            shape = ",".join(str(size) for size in tensor.shape)
            values = " ".join(repr(float(v)) for v in tensor.reshape(-1).tolist())
            output.write(f"{name}|{shape}|{values}\n")


if __name__ == "__main__":
    main()
