using InteractiveBackprop.Checking;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// The parsed options of the magic commands. The defaults keep the diagnoses apart: B = 5 is
/// neither 1 nor 2 (1/B must differ from 1/2) and differs from N = 3 and M = 4, so that no
/// gradient's shape is another's transpose by accident.
/// </summary>
/// <param name="Layer">The C# variable holding the layer, or null for the bundled Linear.</param>
/// <param name="Batch">The batch size B.</param>
/// <param name="Inputs">The input width N, or null to infer it from the layer.</param>
/// <param name="Outputs">The output width M.</param>
/// <param name="Seed">The seed of the data and of dY.</param>
internal sealed record DirectiveArguments(
    string? Layer, int Batch, int? Inputs, int Outputs, int Seed)
{
    public const int DefaultBatch = 5;

    public const int DefaultInputs = 3;

    public const int DefaultOutputs = 4;

    public const int DefaultSeed = 1;

    /// <summary>Reads the options that every command shares.</summary>
    /// <exception cref="DirectiveException">An option has an invalid value.</exception>
    public static DirectiveArguments Read(LayerDirectiveCommand command) => new(
        DirectiveValues.ReadIdentifier(command.Layer, "--layer"),
        DirectiveValues.ReadInteger(command.Batch, "--batch", DefaultBatch, 1),
        DirectiveValues.ReadOptionalInteger(command.In, "--in", 1),
        DirectiveValues.ReadInteger(command.Out, "--out", DefaultOutputs, 1),
        DirectiveValues.ReadInteger(command.Seed, "--seed", DefaultSeed, int.MinValue));

    /// <summary>Reads the options of <c>#!backprop-check</c> into check options.</summary>
    /// <exception cref="DirectiveException">An option has an invalid value.</exception>
    public static GradientCheckOptions ReadCheckOptions(BackpropCheckCommand command, int seed)
    {
        string mode = DirectiveValues.ReadChoice(command.Mode, "--mode", BackpropDirectives.Modes);
        return new GradientCheckOptions
        {
            Seed = seed,
            RelativeTolerance = DirectiveValues.ReadTolerance(command.Rtol, "--rtol",
                GradientCheckOptions.DefaultRelativeTolerance),
            AbsoluteTolerance = DirectiveValues.ReadTolerance(command.Atol, "--atol",
                GradientCheckOptions.DefaultAbsoluteTolerance),
            Samples = DirectiveValues.ReadInteger(command.Samples, "--samples",
                GradientCheckOptions.DefaultSamples, 1),
            Mode = Enum.Parse<GradientCheckMode>(mode, ignoreCase: true),
        };
    }
}
