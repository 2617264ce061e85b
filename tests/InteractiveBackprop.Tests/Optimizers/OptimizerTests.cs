using InteractiveBackprop.Layers;
using InteractiveBackprop.Optimizers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Optimizers;

public class OptimizerTests
{
    [Fact]
    public void PlainSgdStepsAgainstGradient()
    {
        var parameter = new Parameter("w", Tensor.Row(1.0, 2.0)) { Grad = Tensor.Row(0.5, -1.0) };

        new Sgd([parameter], learningRate: 0.1).Step();

        Assert.Equal([0.95, 2.1], parameter.Value.ToFlatArray());
    }

    [Fact]
    public void ScheduleScalesLearningRatePerStep()
    {
        var parameter = new Parameter("w", Tensor.Row(0.0)) { Grad = Tensor.Row(1.0) };
        var optimizer = new Sgd([parameter], learningRate: 1.0,
            schedule: LearningRateSchedules.StepDecay(stepSize: 2, gamma: 0.5));

        var rates = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            rates.Add(optimizer.CurrentLearningRate);
            optimizer.Step();
        }

        Assert.Equal([1.0, 1.0, 0.5, 0.5, 0.25], rates);
        Assert.Equal(-3.25, parameter.Value.ToDouble());
        Assert.Equal(5, optimizer.StepCount);
    }

    [Fact]
    public void SchedulesFollowTheirFormulas()
    {
        var exponential = LearningRateSchedules.Exponential(0.9);
        var cosine = LearningRateSchedules.Cosine(totalSteps: 10, minimumFactor: 0.1);

        Assert.Equal(0.81, exponential(2), 15);
        Assert.Equal(1.0, cosine(0), 15);
        Assert.Equal(0.55, cosine(5), 15);
        Assert.Equal(0.1, cosine(10), 15);
        Assert.Equal(0.1, cosine(20), 15);
    }

    [Fact]
    public void StepWithoutGradientExplainsOrder()
    {
        var optimizer = new Adam([new Parameter("W", Tensor.Zeros(2, 2))]);

        var error = Assert.Throws<InvalidOperationException>(optimizer.Step);

        Assert.Equal("Adam.Step: parameter 0 ('W') has no gradient; run a backward pass (Backward " +
            "on the loss) before each step.", error.Message);
        Assert.Equal(0, optimizer.StepCount);
    }

    [Fact]
    public void StepWithMisshapenGradientIsRejected()
    {
        var parameter = new Parameter("W", Tensor.Zeros(2, 2)) { Grad = Tensor.Zeros(1, 2) };

        var error = Assert.Throws<TensorShapeException>(new Sgd([parameter], 0.1).Step);

        Assert.Equal("Sgd.Step: the gradient dW has shape [1,2] but parameter 'W' has shape " +
            "[2,2]; a layer's backward pass must give each gradient its parameter's shape.",
            error.Message);
    }

    [Theory]
    [InlineData(4, 16)]
    [InlineData(1, 1)]
    public void ReshapedParameterIsRejectedBeforeUpdate(int rows, int columns)
    {
        var parameter = new Parameter("W", Tensor.Zeros(1, 2)) { Grad = Tensor.Ones(1, 2) };
        var optimizer = new Sgd([parameter], learningRate: 1.0, momentum: 0.5);
        optimizer.Step();
        parameter.Value = Tensor.Zeros(rows, columns);
        parameter.Grad = Tensor.Ones(rows, columns);

        var error = Assert.Throws<InvalidOperationException>(optimizer.Step);

        Assert.Equal($"Sgd.Step: parameter 0 ('W') has shape [{rows},{columns}], but it had " +
            "shape [1,2] when the optimiser was created. Optimisers size their state (momentum, " +
            "Adam's moments) then, so create a new optimiser after changing a parameter's shape.",
            error.Message);
        Assert.All(parameter.Value.ToFlatArray(), value => Assert.Equal(0.0, value));
        Assert.Equal(1, optimizer.StepCount);
    }

    [Fact]
    public void NullParameterValueIsRejected()
    {
        var parameter = new Parameter("W", Tensor.Zeros(1, 2));

        var error = Assert.Throws<ArgumentNullException>(() => parameter.Value = null!);

        Assert.StartsWith("Parameter 'W': the value cannot be null; assign a tensor of its shape.",
            error.Message);
    }

    [Fact]
    public void ParameterListedTwiceIsRejected()
    {
        var parameter = new Parameter("W", Tensor.Zeros(1, 2));

        var error = Assert.Throws<ArgumentException>(() => new Adam([parameter, parameter]));

        Assert.StartsWith("Adam: parameter 'W' is listed twice (at 0 and 1), so each step would " +
            "update it twice; list it once.", error.Message);
    }

    [Fact]
    public void SharedValueTensorIsRejected()
    {
        var shared = Tensor.Zeros(1, 2);
        var first = new Parameter("W", shared) { Grad = Tensor.Ones(1, 2) };
        var second = new Parameter("V", shared) { Grad = Tensor.Ones(1, 2) };

        var error = Assert.Throws<InvalidOperationException>(new Sgd([first, second], 1.0).Step);

        Assert.Equal("Sgd.Step: parameters 0 ('W') and 1 ('V') share one value tensor, so a step " +
            "would update it twice. Give each parameter its own tensor, for example with Clone().",
            error.Message);
        Assert.Equal([0.0, 0.0], shared.ToFlatArray());
    }

    [Fact]
    public void InvalidScheduleFactorIsReported()
    {
        var parameter = new Parameter("w", Tensor.Row(0.0)) { Grad = Tensor.Row(1.0) };
        var optimizer = new Sgd([parameter], 0.1, schedule: _ => double.NaN);

        var error = Assert.Throws<InvalidOperationException>(optimizer.Step);

        Assert.Equal("Sgd.Step: the learning-rate schedule returned NaN for step 0; it must " +
            "return a finite factor of at least 0.", error.Message);
    }

    [Fact]
    public void HyperparametersOutOfRangeAreRejected()
    {
        var parameters = new[] { new Parameter("w", Tensor.Row(0.0)) };

        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(parameters, 0));
        var momentum = Assert.Throws<ArgumentOutOfRangeException>(
            () => new Sgd(parameters, 0.1, momentum: 1));
        var beta = Assert.Throws<ArgumentOutOfRangeException>(
            () => new Adam(parameters, beta2: -0.1));

        Assert.StartsWith("Sgd: the learning rate must be finite and greater than 0.", rate.Message);
        Assert.StartsWith("Sgd: the momentum must be at least 0 and less than 1.", momentum.Message);
        Assert.StartsWith("Adam: beta2 must be at least 0 and less than 1.", beta.Message);
        Assert.Throws<ArgumentException>(() => new Adam([]));
    }

    [Fact]
    public void ZeroGradSetsZerosOfParameterShape()
    {
        var parameter = new Parameter("W", Tensor.Zeros(2, 3)) { Grad = Tensor.Ones(2, 3) };

        new Adam([parameter]).ZeroGrad();

        Assert.Equal(new double[6], parameter.Grad!.ToFlatArray());
    }
}
