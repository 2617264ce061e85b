using InteractiveBackprop.Layers;
using InteractiveBackprop.Optimizers;
using InteractiveBackprop.Tensors;
using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Tests.Tensors;

/// <summary>
/// The element-wise operations and column sums on every instruction-set path, compared bit for
/// bit with the plain C# formula of each element. Lengths run past every tail of an 8- and a
/// 4-wide loop, and the values include the ones where vector and scalar code tend to differ:
/// NaN, ±0, ±∞ and subnormals.
/// </summary>
public class VectorisedElementwiseTests
{
    private static readonly int[] s_lengths =
        [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 67, 1000];

    private static readonly double[] s_special =
        [double.NaN, 0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, 4.9e-324,
            -4.9e-324, 1.0, -1.0, 2.5, -3.75, 1e308, -1e308];

    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var path in Enum.GetValues<GemmPath>().Where(GemmOptions.IsSupported))
        {
            data.Add(path.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void SameShapeBinaryOperationsMatchScalarFormula(string path)
    {
        using var scope = Force(path);
        foreach (int length in s_lengths)
        {
            var (left, right) = (Values(length, seed: 1), Values(length, seed: 2));
            var (a, b) = (Vector(left), Vector(right));
            AssertEach(a.Add(b), left, right, (x, y) => x + y, $"Add, {path}, {length}");
            AssertEach(a.Subtract(b), left, right, (x, y) => x - y, $"Subtract, {path}, {length}");
            AssertEach(a.Multiply(b), left, right, (x, y) => x * y, $"Multiply, {path}, {length}");
            AssertEach(a.Divide(b), left, right, (x, y) => x / y, $"Divide, {path}, {length}");
            AssertEach(a.ReluBackward(b), left, right, (g, x) => x <= 0 ? 0.0 : g,
                $"ReluBackward, {path}, {length}");
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ScalarArgumentOperationsMatchScalarFormula(string path)
    {
        using var scope = Force(path);
        foreach (int length in s_lengths)
        {
            var values = Values(length, seed: 3);
            var a = Vector(values);
            string at = $"{path}, {length}";
            AssertEach(a.Add(0.5), values, x => x + 0.5, $"Add(0.5), {at}");
            AssertEach(a.Scale(-3), values, x => x * -3, $"Scale(-3), {at}");
            AssertEach(a / 7.0, values, x => x / 7.0, $"a / 7, {at}");
            AssertEach(2.0 - a, values, x => 2.0 - x, $"2 - a, {at}");
            AssertEach(2.0 / a, values, x => 2.0 / x, $"2 / a, {at}");
            AssertEach(a.Negate(), values, x => -x, $"Negate, {at}");
            AssertEach(a.Square(), values, x => x * x, $"Square, {at}");
            AssertEach(a.Sqrt(), values, Math.Sqrt, $"Sqrt, {at}");
            AssertEach(a.Relu(), values, x => x < 0 ? 0.0 : x, $"Relu, {at}");
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void RowBroadcastOnEitherSideMatchesScalarFormula(string path)
    {
        using var scope = Force(path);
        foreach (int columns in new[] { 1, 3, 8, 13, 67 })
        {
            var batch = Tensor.FromRowMajor(5, columns, Values(5 * columns, seed: 4));
            var row = Tensor.FromRowMajor(1, columns, Values(columns, seed: 5));
            var left = batch.Subtract(row);
            var right = row.Subtract(batch);
            for (int i = 0; i < 5; i++)
            {
                for (int j = 0; j < columns; j++)
                {
                    AssertSame(batch[i, j] - row[0, j], left[i, j], $"batch - row, {path}");
                    AssertSame(row[0, j] - batch[i, j], right[i, j], $"row - batch, {path}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ColumnSumsAndMeansMatchPlainLoop(string path)
    {
        using var scope = Force(path);
        foreach (var (rows, columns) in new[] { (1, 1), (7, 3), (256, 10), (3, 67), (64, 128) })
        {
            var values = Values(rows * columns, seed: rows + columns);
            var sums = Tensor.FromRowMajor(rows, columns, values).Sum(axis: 0);
            var means = Tensor.FromRowMajor(rows, columns, values).Mean(axis: 0);
            Assert.Equal(new Shape(1, columns), sums.Shape);
            for (int j = 0; j < columns; j++)
            {
                double total = 0;
                for (int i = 0; i < rows; i++)
                {
                    total += values[i * columns + j];
                }

                AssertSame(total, sums[0, j], $"column {j} of [{rows},{columns}], {path}");
                AssertSame(total / rows, means[0, j], $"mean {j} of [{rows},{columns}], {path}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void SgdUpdatesMatchScalarFormulaWithAndWithoutMomentum(string path)
    {
        using var scope = Force(path);
        foreach (double momentum in new[] { 0.0, 0.9 })
        {
            var start = Values(67, seed: 6).Select(v => double.IsFinite(v) ? v : 1.0).ToArray();
            var grads = new[] { Values(67, seed: 7), Values(67, seed: 8) }
                .Select(g => g.Select(v => double.IsFinite(v) ? v : -2.0).ToArray()).ToArray();
            var parameter = new Parameter("W", Tensor.FromRowMajor(1, 67, start));
            var sgd = new Sgd([parameter], learningRate: 0.1, momentum);
            var expected = (double[])start.Clone();
            double[]? velocity = null;
            foreach (var grad in grads)
            {
                parameter.Grad = Tensor.FromRowMajor(1, 67, grad);
                sgd.Step();
                velocity = velocity is null || momentum == 0
                    ? (double[])grad.Clone()
                    : velocity.Zip(grad, (v, g) => momentum * v + g).ToArray();
                for (int i = 0; i < expected.Length; i++)
                {
                    expected[i] -= 0.1 * velocity[i];
                }
            }

            for (int i = 0; i < expected.Length; i++)
            {
                AssertSame(expected[i], parameter.Value[0, i],
                    $"SGD, momentum {momentum}, {path}, element {i}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void AdamUpdatesMatchScalarFormula(string path)
    {
        using var scope = Force(path);
        const double rate = 0.01, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        var start = Values(67, seed: 9).Select(v => double.IsFinite(v) ? v : 0.5).ToArray();
        var grads = new[] { Values(67, seed: 10), Values(67, seed: 11), Values(67, seed: 12) }
            .Select(g => g.Select(v => double.IsFinite(v) ? v : 3.0).ToArray()).ToArray();
        var parameter = new Parameter("W", Tensor.FromRowMajor(1, 67, start));
        var adam = new Adam([parameter], rate, beta1, beta2, epsilon);
        var expected = (double[])start.Clone();
        var m = new double[67];
        var v = new double[67];
        for (int step = 1; step <= grads.Length; step++)
        {
            var grad = grads[step - 1];
            parameter.Grad = Tensor.FromRowMajor(1, 67, grad);
            adam.Step();
            double stepSize = rate / (1.0 - Math.Pow(beta1, step));
            double correction2Root = Math.Sqrt(1.0 - Math.Pow(beta2, step));
            for (int i = 0; i < expected.Length; i++)
            {
                m[i] = m[i] * beta1 + grad[i] * (1.0 - beta1);
                v[i] = v[i] * beta2 + (1.0 - beta2) * grad[i] * grad[i];
                expected[i] -= stepSize * (m[i] / (Math.Sqrt(v[i]) / correction2Root + epsilon));
            }
        }

        for (int i = 0; i < expected.Length; i++)
        {
            AssertSame(expected[i], parameter.Value[0, i], $"Adam, {path}, element {i}");
        }
    }

    [Fact]
    public void ReluBackwardFollowsPyTorchThresholdBackward()
    {
        // PyTorch 1.13: x = [-1, 0, 2, NaN, 3, -0.5] and g = [10, 20, 30, 40, NaN, inf] give
        // relu(x).backward(g) → x.grad = [0, 0, 30, 40, NaN, 0].
        var input = Tensor.FromArray(new[,] { { -1.0, 0.0, 2.0 }, { double.NaN, 3.0, -0.5 } });
        var gradient = Tensor.FromArray(
            new[,] { { 10.0, 20.0, 30.0 }, { 40.0, double.NaN, double.PositiveInfinity } });

        var result = gradient.ReluBackward(input);

        Assert.Equal(new double[] { 0, 0, 30, 40, double.NaN, 0 }, result.Span.ToArray());
    }

    [Fact]
    public void ReluBackwardNamesBothShapesOnMismatch()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => Tensor.Zeros(2, 3).ReluBackward(Tensor.Zeros(3, 2)));

        Assert.Contains("ReluBackward", error.Message);
        Assert.Contains("[2,3]", error.Message);
        Assert.Contains("[3,2]", error.Message);
    }

    private static GemmOptionsScope Force(string path) =>
        GemmOptions.Force(Enum.Parse<GemmPath>(path), maxThreads: 1);

    // Random values with the special ones spread through them, so each lands in a vector body
    // and, for some lengths, in a tail.
    private static double[] Values(int length, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = random.Next(3) == 0
                ? s_special[random.Next(s_special.Length)]
                : random.NextDouble() * 20 - 10;
        }

        return values;
    }

    private static Tensor Vector(double[] values) => Tensor.FromRowMajor(1, values.Length, values);

    private static void AssertEach(Tensor actual, double[] left, double[] right,
        Func<double, double, double> formula, string setting)
    {
        for (int i = 0; i < left.Length; i++)
        {
            AssertSame(formula(left[i], right[i]), actual[0, i], $"{setting}, element {i}");
        }
    }

    private static void AssertEach(
        Tensor actual, double[] values, Func<double, double> formula, string setting)
    {
        for (int i = 0; i < values.Length; i++)
        {
            AssertSame(formula(values[i]), actual[0, i], $"{setting}, element {i}");
        }
    }

    // Bit for bit, so that −0 differs from +0 and every NaN equals every NaN.
    private static void AssertSame(double expected, double actual, string setting)
    {
        bool same = double.IsNaN(expected)
            ? double.IsNaN(actual)
            : BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual);
        Assert.True(same, $"{setting}: expected {expected:R}, got {actual:R}");
    }
}
