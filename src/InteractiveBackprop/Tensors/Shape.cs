using System.Globalization;

namespace InteractiveBackprop.Tensors;

/// <summary>
/// The shape of a <see cref="Tensor"/> of rank 0 (a scalar, <c>[]</c>), 1 (a vector of N
/// elements, <c>[N]</c>) or 2 (a matrix, <c>[R,C]</c>). A rank-2 tensor of shape [1,M] is a row,
/// the form a bias takes before it is broadcast over a batch.
/// </summary>
/// <remarks>
/// <see cref="Rows"/> and <see cref="Columns"/> describe the matrix view that kernels and
/// renderers use: a matrix [R,C] has R rows and C columns, a vector [N] is one row of N columns,
/// and a scalar is one row of one column. <see cref="Tensor.MatMul"/> departs from this view
/// for its right operand and reads a vector there as a column, as numpy does. The default value
/// is the scalar shape <c>[]</c>.
/// Every dimension is at least 1, so a tensor always has at least one element.
/// </remarks>
public readonly struct Shape : IEquatable<Shape>
{
    private readonly int _first;
    private readonly int _second;

    /// <summary>Creates the rank-2 shape [<paramref name="rows"/>,<paramref name="columns"/>].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1, or the shape
    /// has more elements than a .NET array of doubles can hold
    /// (<see cref="Array.MaxLength"/>).</exception>
    public Shape(int rows, int columns)
    {
        CheckDimension(rows, nameof(rows));
        CheckDimension(columns, nameof(columns));
        long length = (long)rows * columns;
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(columns), columns, string.Create(
                CultureInfo.InvariantCulture,
                $"Shape: [{rows},{columns}] has {length} elements, more than the {Array.MaxLength} " +
                $"that one .NET array can hold; use smaller dimensions."));
        }

        Rank = 2;
        _first = rows;
        _second = columns;
    }

    private Shape(int length)
    {
        Rank = 1;
        _first = length;
    }

    /// <summary>The shape <c>[]</c> of a scalar.</summary>
    public static Shape Scalar => default;

    /// <summary>The number of dimensions: 0, 1 or 2.</summary>
    public int Rank { get; }

    /// <summary>The number of rows of the matrix view: R for [R,C], 1 for a vector or scalar.
    /// </summary>
    public int Rows => Rank == 2 ? _first : 1;

    /// <summary>The number of columns of the matrix view: C for [R,C], N for [N], 1 for [].
    /// </summary>
    public int Columns => Rank switch { 2 => _second, 1 => _first, _ => 1 };

    /// <summary>The number of elements, the product of the dimensions (1 for a scalar).</summary>
    public int Length => Rows * Columns;

    /// <summary>Gets the size of dimension <paramref name="axis"/>, counted from 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not a dimension
    /// of this shape.</exception>
    public int this[int axis]
    {
        get
        {
            if ((uint)axis >= (uint)Rank)
            {
                throw new ArgumentOutOfRangeException(nameof(axis), axis, string.Create(
                    CultureInfo.InvariantCulture,
                    $"Shape: axis {axis} does not exist in shape {this} of rank {Rank}."));
            }

            return axis == 0 ? _first : _second;
        }
    }

    /// <summary>Creates the rank-1 shape [<paramref name="length"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is less than 1.
    /// </exception>
    public static Shape Vector(int length)
    {
        CheckDimension(length, nameof(length));
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, string.Create(
                CultureInfo.InvariantCulture,
                $"Shape: [{length}] has more elements than the {Array.MaxLength} that one .NET " +
                $"array can hold; use a smaller length."));
        }

        return new Shape(length);
    }

    /// <summary>Creates a shape from 0, 1 or 2 dimensions.</summary>
    /// <exception cref="ArgumentException">More than two dimensions are given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1.</exception>
    public static Shape Of(params int[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        return dimensions.Length switch
        {
            0 => Scalar,
            1 => Vector(dimensions[0]),
            2 => new Shape(dimensions[0], dimensions[1]),
            _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Shape: {dimensions.Length} dimensions were given, but a tensor has rank 0, 1 " +
                $"or 2; reshape the data into a matrix first."), nameof(dimensions)),
        };
    }

    /// <summary>Returns the dimensions as an array of <see cref="Rank"/> elements.</summary>
    public int[] ToArray() => Rank switch
    {
        2 => [_first, _second],
        1 => [_first],
        _ => [],
    };

    /// <summary>Compares rank and dimensions.</summary>
    public bool Equals(Shape other) =>
        Rank == other.Rank && _first == other._first && _second == other._second;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Shape other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rank, _first, _second);

    /// <summary>Formats the shape as numpy and PyTorch print it: <c>[4,2]</c>, <c>[5]</c> or
    /// <c>[]</c>.</summary>
    public override string ToString() => Rank switch
    {
        2 => string.Create(CultureInfo.InvariantCulture, $"[{_first},{_second}]"),
        1 => string.Create(CultureInfo.InvariantCulture, $"[{_first}]"),
        _ => "[]",
    };

    /// <summary>Compares two shapes by rank and dimensions.</summary>
    public static bool operator ==(Shape left, Shape right) => left.Equals(right);

    /// <summary>Compares two shapes by rank and dimensions.</summary>
    public static bool operator !=(Shape left, Shape right) => !left.Equals(right);

    private static void CheckDimension(int size, string name)
    {
        if (size < 1)
        {
            throw new ArgumentOutOfRangeException(name, size, string.Create(
                CultureInfo.InvariantCulture,
                $"Shape: the {name} dimension is {size}, but every dimension must be at least 1."));
        }
    }
}
