namespace InteractiveBackprop.Interactive.Tests;

/// <summary>C# cells that define the layers a student would write, submitted to the notebook's
/// C# kernel.</summary>
public static class UserLayers
{
    /// <summary>An affine layer whose db is the mean over the batch, a 1/B too small.</summary>
    public const string MeanBiasLinear = """
        class MeanBiasLinear : ILayer
        {
            private Tensor _x;
            public MeanBiasLinear(int inputs, int outputs, int seed)
            {
                W = new Parameter("W", Tensor.RandomUniform(inputs, outputs, seed));
                B = new Parameter("b", Tensor.RandomUniform(1, outputs, seed + 1));
            }
            public Parameter W { get; }
            public Parameter B { get; }
            public IReadOnlyList<Parameter> Parameters => new[] { W, B };
            public Tensor Forward(Tensor x) { _x = x; return x.MatMul(W.Value).AddRow(B.Value); }
            public Tensor Backward(Tensor dY)
            {
                W.Grad = _x.T.MatMul(dY);
                B.Grad = dY.Sum(0).Scale(1.0 / _x.Rows);
                return dY.MatMul(W.Value.T);
            }
        }
        var meanBias = new MeanBiasLinear(3, 4, 1);
        """;

    /// <summary>A tanh layer without parameters.</summary>
    public const string TanhLayer = """
        class TanhLayer : ILayer
        {
            private Tensor _x;
            public IReadOnlyList<Parameter> Parameters => Array.Empty<Parameter>();
            public Tensor Forward(Tensor x) { _x = x; return x.Map(Math.Tanh); }
            public Tensor Backward(Tensor dY) =>
                dY.Multiply(_x.Map(v => 1 - Math.Tanh(v) * Math.Tanh(v)));
        }
        var tanh = new TanhLayer();
        """;

    /// <summary>The mean squared error over all elements, a loss head.</summary>
    public const string MeanSquaredError = """
        class MeanSquaredError : ILoss
        {
            private Tensor _difference;
            public double Forward(Tensor prediction, Tensor target)
            {
                _difference = prediction.Subtract(target);
                return _difference.Multiply(_difference).Sum() / _difference.Length;
            }
            public Tensor Backward() => _difference.Scale(2.0 / _difference.Length);
        }
        var mse = new MeanSquaredError();
        """;

    /// <summary>A layer whose Forward throws.</summary>
    public const string BrokenLayer = """
        class BrokenLayer : ILayer
        {
            public IReadOnlyList<Parameter> Parameters => Array.Empty<Parameter>();
            public Tensor Forward(Tensor x) => throw new InvalidOperationException("not ready");
            public Tensor Backward(Tensor dY) => dY;
        }
        var broken = new BrokenLayer();
        """;

    /// <summary>A layer whose Backward rejects dY.</summary>
    public const string RejectingBackward = """
        class RejectingBackward : ILayer
        {
            public IReadOnlyList<Parameter> Parameters => Array.Empty<Parameter>();
            public Tensor Forward(Tensor x) => x;
            public Tensor Backward(Tensor dY) => throw new ArgumentException("dY is wrong");
        }
        var rejecting = new RejectingBackward();
        """;

    /// <summary>A layer whose Forward returns null.</summary>
    public const string NullForward = """
        class NullForward : ILayer
        {
            public IReadOnlyList<Parameter> Parameters => Array.Empty<Parameter>();
            public Tensor Forward(Tensor x) => null;
            public Tensor Backward(Tensor dY) => dY;
        }
        var nullForward = new NullForward();
        """;
}
