namespace InteractiveBackprop.Tests.Checking;

/// <summary>Draws batch, input and output sizes that keep the diagnoses apart: B at least 3
/// (so 1/B differs from 1/2), and B, N and M pairwise distinct (so no shape is the transpose
/// of another by accident).</summary>
public static class CheckShapes
{
    public static (int Batch, int Inputs, int Outputs) Draw(int seed)
    {
        var random = new Random(seed);
        while (true)
        {
            int batch = random.Next(3, 10);
            int inputs = random.Next(3, 9);
            int outputs = random.Next(3, 9);
            if (batch != inputs && batch != outputs && inputs != outputs)
            {
                return (batch, inputs, outputs);
            }
        }
    }
}
