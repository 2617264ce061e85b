#:project ../src/InteractiveBackprop/InteractiveBackprop.csproj
// Trains a 64-64-10 ReLU network on the bundled digits with the core alone.
// Run from the repository root: dotnet run examples/train-digits.cs
using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Data;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Losses;
using InteractiveBackprop.Optimizers;

var (train, test) = Datasets.LoadDigits("notebooks/data/digits.csv.gz").Split(testFraction: 0.2, seed: 0);
var scaler = StandardScaler.Fit(train.Features);
var model = new Sequential(Linear.Create(64, 64, seed: 1), new ReLU(), Linear.Create(64, 10, seed: 2));
var (loss, optimizer, shuffle) = (new SoftmaxCrossEntropy(), new Adam(model.Parameters, learningRate: 0.01), new Random(3));
for (int epoch = 1; epoch <= 5; epoch++)
{
    foreach (var batch in train.Batches(32, shuffle))
    {
        optimizer.ZeroGrad();
        loss.Forward(model.Forward(new Variable(scaler.Transform(batch.Features))), batch.Labels).Backward();
        optimizer.Step();
    }
    int[] predicted = model.Forward(scaler.Transform(test.Features)).ArgMax(axis: 1);
    Console.WriteLine($"epoch {epoch}: {predicted.Where((c, n) => c == test.Labels[n]).Count()} of {test.Count} test digits right");
}
