using InteractiveBackprop.Checking;

namespace InteractiveBackprop.Tests.Checking;

/// <summary>Every gradient-check mode, for theories that must hold in each.</summary>
public static class CheckModes
{
    public static TheoryData<GradientCheckMode> All =>
        new() { GradientCheckMode.Full, GradientCheckMode.Sampled, GradientCheckMode.Directional };
}
