namespace InteractiveBackprop.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Whether every element of this tensor is close to the element of
    /// <paramref name="expected"/> at the same place under <paramref name="tolerance"/>. NaN is
    /// close to nothing, not even NaN, and an infinity only to the same infinity.
    /// </summary>
    /// <exception cref="TensorShapeException">The shapes differ; unlike numpy no broadcasting
    /// takes place, because comparing a result with a reference of another shape is a bug.
    /// </exception>
    public bool AllClose(Tensor expected, Tolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(tolerance);
        return FirstDifference(expected, tolerance) < 0;
    }

    /// <summary>
    /// Returns the row-major index of the first element that is not close to
    /// <paramref name="expected"/> under <paramref name="tolerance"/>, or −1 when all are.
    /// </summary>
    /// <exception cref="TensorShapeException">The shapes differ.</exception>
    public int FirstDifference(Tensor expected, Tolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(tolerance);
        if (Shape != expected.Shape)
        {
            throw ShapeErrors.SameShape(nameof(AllClose), "the tensor", Shape,
                "the expected tensor", expected.Shape, "compare tensors of one shape");
        }

        for (int i = 0; i < _data.Length; i++)
        {
            if (!tolerance.IsClose(_data[i], expected._data[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
