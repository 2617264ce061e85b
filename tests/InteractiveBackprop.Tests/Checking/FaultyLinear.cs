using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Checking;

/// <summary>
/// A user-written affine layer Y = X·W + b whose Backward makes one chosen
/// <see cref="LinearMistake"/>, the way a student's first attempt would.
/// </summary>
public sealed class FaultyLinear : ILayer
{
    private readonly LinearMistake _mistake;
    private Tensor? _input;

    public FaultyLinear(int inputs, int outputs, int seed, LinearMistake mistake)
    {
        _mistake = mistake;
        Weight = new Parameter("W", Tensor.RandomUniform(inputs, outputs, seed));
        Bias = new Parameter("b", Tensor.RandomUniform(1, outputs, seed + 1));
        Parameters = [Weight, Bias];
    }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    public Tensor Forward(Tensor input)
    {
        _input = input;
        return input.MatMul(Weight.Value).AddRow(Bias.Value);
    }

    public Tensor Backward(Tensor outputGradient)
    {
        var x = _input!;
        var dY = outputGradient;
        int batch = x.Rows;
        var y = Forward(x);

        Weight.Grad = _mistake switch
        {
            LinearMistake.WeightGradientOperandsSwapped => dY.T.MatMul(x),
            LinearMistake.WeightGradientSwappedAndMean => dY.T.MatMul(x).Scale(1.0 / batch),
            LinearMistake.WeightGradientUsesOutput => x.T.MatMul(y),
            LinearMistake.WeightGradientAllZero =>
                Tensor.Zeros(Weight.Value.Rows, Weight.Value.Columns),
            LinearMistake.WeightGradientNull => null,
            LinearMistake.WeightGradientNaN => x.T.MatMul(dY).Map(v => v > 0 ? v : double.NaN),
            LinearMistake.WeightGradientTimesBatch => x.T.MatMul(dY).Scale(batch),
            LinearMistake.WeightGradientSignFlipped => x.T.MatMul(dY).Scale(-1),
            _ => x.T.MatMul(dY),
        };
        Bias.Grad = _mistake switch
        {
            LinearMistake.BiasGradientMean => dY.Sum(axis: 0).Scale(1.0 / batch),
            LinearMistake.BiasGradientMeanTwice => dY.Sum(axis: 0).Scale(1.0 / (batch * batch)),
            LinearMistake.BiasGradientNegativeMean => dY.Sum(axis: 0).Scale(-1.0 / batch),
            LinearMistake.BiasGradientNotReduced => dY.Clone(),
            LinearMistake.BiasGradientWrongAxis => dY.Sum(axis: 1),
            _ => dY.Sum(axis: 0),
        };

        return _mistake switch
        {
            LinearMistake.InputGradientDoubled => dY.MatMul(Weight.Value.T).Scale(2),
            LinearMistake.InputGradientTransposedWeight => dY.MatMul(Weight.Value),
            LinearMistake.InputGradientOneRowWrong => WrongFirstRow(dY.MatMul(Weight.Value.T)),
            LinearMistake.InputGradientTransposedResult => dY.MatMul(Weight.Value.T).T,
            _ => dY.MatMul(Weight.Value.T),
        };
    }

    private static Tensor WrongFirstRow(Tensor gradient)
    {
        var wrong = gradient.Clone();
        for (int j = 0; j < wrong.Columns; j++)
        {
            wrong[0, j] += 0.5;
        }

        return wrong;
    }
}
