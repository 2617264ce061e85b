using System.Globalization;

namespace InteractiveBackprop.Optimizers;

/// <summary>
/// Common learning-rate schedules, as factors of the base rate for step t counted from 0, to
/// pass as an optimiser's <c>schedule</c>. Any <c>Func&lt;int, double&gt;</c> works as well.
/// </summary>
public static class LearningRateSchedules
{
    /// <summary>Multiplies the rate by <paramref name="gamma"/> every
    /// <paramref name="stepSize"/> steps: factor γ^⌊t / stepSize⌋ (PyTorch's <c>StepLR</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepSize"/> is less than
    /// 1, or <paramref name="gamma"/> is not in (0, 1].</exception>
    public static Func<int, double> StepDecay(int stepSize, double gamma)
    {
        if (stepSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize,
                "StepDecay: the step size must be at least 1.");
        }

        CheckGamma(nameof(StepDecay), gamma);
        return step => Math.Pow(gamma, step / stepSize);
    }

    /// <summary>Multiplies the rate by <paramref name="gamma"/> every step: factor γᵗ (PyTorch's
    /// <c>ExponentialLR</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gamma"/> is not in (0, 1].
    /// </exception>
    public static Func<int, double> Exponential(double gamma)
    {
        CheckGamma(nameof(Exponential), gamma);
        return step => Math.Pow(gamma, step);
    }

    /// <summary>
    /// Anneals the rate along half a cosine from factor 1 at step 0 to
    /// <paramref name="minimumFactor"/> at step <paramref name="totalSteps"/>, and keeps it there
    /// (PyTorch's <c>CosineAnnealingLR</c> without restarts).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalSteps"/> is less than
    /// 1, or <paramref name="minimumFactor"/> is not in [0, 1].</exception>
    public static Func<int, double> Cosine(int totalSteps, double minimumFactor = 0.0)
    {
        if (totalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps,
                "Cosine: the number of steps must be at least 1.");
        }

        if (!(minimumFactor >= 0 && minimumFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumFactor), minimumFactor,
                "Cosine: the minimum factor must be from 0 to 1.");
        }

        return step =>
        {
            double progress = Math.Min(step, totalSteps) / (double)totalSteps;
            return minimumFactor + (1 - minimumFactor) * (1 + Math.Cos(Math.PI * progress)) / 2;
        };
    }

    private static void CheckGamma(string schedule, double gamma)
    {
        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, string.Create(
                CultureInfo.InvariantCulture,
                $"{schedule}: gamma must be greater than 0 and at most 1."));
        }
    }
}
