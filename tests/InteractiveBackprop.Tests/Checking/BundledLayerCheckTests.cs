using InteractiveBackprop.Checking;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Losses;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Checking;

public sealed class BundledLayerCheckTests
{
    [Theory]
    [MemberData(nameof(CheckModes.All), MemberType = typeof(CheckModes))]
    public void BundledNetworkPassesInEveryMode(GradientCheckMode mode)
    {
        var network = new Sequential(Linear.Create(3, 6, 1), new Tanh(),
            Linear.Create(6, 4, 2), new Sigmoid());
        var options = new GradientCheckOptions { Mode = mode, Samples = 5 };

        var report = GradientCheck.CheckLayer(network, Tensor.RandomUniform(5, 3, 3), options);

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(5, report.Gradients.Count);
    }

    [Theory]
    [MemberData(nameof(CheckModes.All), MemberType = typeof(CheckModes))]
    public void BundledLossHeadsPassInEveryMode(GradientCheckMode mode)
    {
        var options = new GradientCheckOptions { Mode = mode, Samples = 5 };
        var prediction = Tensor.RandomUniform(5, 4, 8, -2, 2);
        var target = Checking.SoftmaxCrossEntropy.OneHot(5, 4, 9);
        ILoss[] losses =
        [
            new MeanSquaredError(),
            new MeanSquaredError(LossReduction.Sum),
            new InteractiveBackprop.Losses.SoftmaxCrossEntropy(),
            new InteractiveBackprop.Losses.SoftmaxCrossEntropy(LossReduction.Sum),
        ];

        foreach (var loss in losses)
        {
            var report = GradientCheck.CheckLoss(loss, prediction, target, options);

            Assert.True(report.Passed, report.ToString());
        }
    }
}
