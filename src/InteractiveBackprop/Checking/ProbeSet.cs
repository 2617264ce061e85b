using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Checking;

/// <summary>
/// What a check compares for one gradient: elements (full and sampled modes) or weighted
/// directions (directional mode). Projecting a tensor onto a probe gives the number that the
/// probe's central difference estimates.
/// </summary>
internal sealed class ProbeSet
{
    private readonly int[] _positions;
    private readonly double[][] _directions;

    private ProbeSet(Shape shape, int[] positions, double[][] directions)
    {
        Shape = shape;
        _positions = positions;
        _directions = directions;
    }

    public Shape Shape { get; }

    public bool IsDirectional => _directions.Length > 0;

    public int Count => IsDirectional ? _directions.Length : _positions.Length;

    /// <summary>Draws the probes of <paramref name="value"/> for the mode of
    /// <paramref name="options"/>, from <paramref name="random"/>.</summary>
    public static ProbeSet Create(Tensor value, GradientCheckOptions options, Random random)
    {
        int length = value.Length;
        switch (options.Mode)
        {
            case GradientCheckMode.Sampled:
                return new ProbeSet(value.Shape, Sample(value.Shape, options.Samples, random), []);
            case GradientCheckMode.Directional:
                var directions = new double[options.Samples][];
                for (int k = 0; k < directions.Length; k++)
                {
                    directions[k] = Direction(value.Span, random);
                }

                return new ProbeSet(value.Shape, [], directions);
            default:
                return new ProbeSet(value.Shape, Enumerable.Range(0, length).ToArray(), []);
        }
    }

    /// <summary>The element index of probe <paramref name="probe"/> in row-major order.</summary>
    public int Position(int probe) => _positions[probe];

    /// <summary>The weights of direction <paramref name="probe"/>: the perturbation of element
    /// i is h·w[i].</summary>
    public double[] Direction(int probe) => _directions[probe];

    /// <summary>Returns the element at the probe, or ⟨values, w⟩ for a direction.</summary>
    public double Project(ReadOnlySpan<double> values, int probe)
    {
        if (!IsDirectional)
        {
            return values[_positions[probe]];
        }

        var direction = _directions[probe];
        double total = 0;
        for (int i = 0; i < direction.Length; i++)
        {
            total += values[i] * direction[i];
        }

        return total;
    }

    public (string Label, int Row, int Column) Describe(int probe)
    {
        if (IsDirectional)
        {
            return ($"u{probe + 1}", -1, -1);
        }

        int row = _positions[probe] / Shape.Columns;
        int column = _positions[probe] % Shape.Columns;
        return ($"[{row},{column}]", row, column);
    }

    // A shuffle draws distinct elements at random. A first pass prefers elements of rows and
    // columns not yet covered, so a mistake confined to one example or one output is caught
    // once the samples reach the row or column count. Sorting keeps reading order.
    private static int[] Sample(Shape shape, int count, Random random)
    {
        int length = shape.Length;
        var shuffled = Enumerable.Range(0, length).ToArray();
        random.Shuffle(shuffled);
        int taken = Math.Min(count, length);
        var chosen = new List<int>(taken);
        var rows = new HashSet<int>();
        var columns = new HashSet<int>();
        foreach (int index in shuffled)
        {
            if (chosen.Count == taken)
            {
                break;
            }

            bool newRow = rows.Add(index / shape.Columns);
            bool newColumn = columns.Add(index % shape.Columns);
            if (newRow || newColumn)
            {
                chosen.Add(index);
            }
        }

        foreach (int index in shuffled)
        {
            if (chosen.Count == taken)
            {
                break;
            }

            if (!chosen.Contains(index))
            {
                chosen.Add(index);
            }
        }

        chosen.Sort();
        return [.. chosen];
    }

    // Each weight is a uniform draw from [-1, 1) times the element's step scale, so that a
    // direction perturbs every element in proportion to the step it would get alone.
    private static double[] Direction(ReadOnlySpan<double> values, Random random)
    {
        var weights = new double[values.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (2 * random.NextDouble() - 1) * CentralDifference.Scale(values[i]);
        }

        return weights;
    }
}
