namespace InteractiveBackprop.Interactive;

/// <summary>
/// How messages show the argument of a magic command that is given without an option name,
/// such as the statements of <c>#!derive "Y = X W + b"</c>.
/// </summary>
/// <param name="Usage">The argument as a usage line writes it, for example
/// <c>"STATEMENTS" (in quotes, first)</c>.</param>
/// <param name="MissingMessage">The message, without the directive name, for a cell that leaves
/// the argument out.</param>
internal sealed record PositionalArgument(string Usage, string MissingMessage);
