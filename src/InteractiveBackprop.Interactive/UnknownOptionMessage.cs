namespace InteractiveBackprop.Interactive;

/// <summary>Builds the message for an option that a magic command does not have: the
/// command's options, the closest one when it is near, and the commands that do have it.</summary>
internal static class UnknownOptionMessage
{
    /// <summary>
    /// Formats the message, for example "#!backprop: unknown option '--bach'. Its options are
    /// --layer, --batch. Did you mean --batch?", or with a positional argument "#!derive: unknown
    /// option '--bogus'. It takes "STATEMENTS" (in quotes, first) and the options --shapes.".
    /// </summary>
    /// <param name="directive">The magic command, such as <c>#!backprop</c>.</param>
    /// <param name="option">The option name as typed.</param>
    /// <param name="options">The command's option names, in the order they are listed, without
    /// the one that takes its value without a name.</param>
    /// <param name="directivesWithOption">The other magic commands that have
    /// <paramref name="option"/>.</param>
    /// <param name="positional">How the usage shows the argument given without an option
    /// name, or null when the command has none.</param>
    public static string Format(string directive, string option, IReadOnlyList<string> options,
        IReadOnlyList<string> directivesWithOption, string? positional = null)
    {
        string list = string.Join(", ", options);
        string usage = (positional, options.Count) switch
        {
            (null, _) => $"Its options are {list}.",
            (_, 0) => $"It takes {positional} and no options.",
            _ => $"It takes {positional} and the options {list}.",
        };
        string message = $"{directive}: unknown option '{option}'. {usage}";
        if (Closest(option, options) is { } closest)
        {
            message += $" Did you mean {closest}?";
        }

        if (directivesWithOption.Count > 0)
        {
            message += $" {option} is an option of {string.Join(" and ", directivesWithOption)}.";
        }

        return message;
    }

    /// <summary>
    /// Returns the option nearest to <paramref name="option"/> by edit distance, ignoring case
    /// and leading dashes, or null when even the nearest differs in more than a third of the
    /// typed letters (at least one). Ties go to the option listed first.
    /// </summary>
    public static string? Closest(string option, IReadOnlyList<string> options)
    {
        string typed = Bare(option);
        int allowed = Math.Max(1, typed.Length / 3);
        string? closest = null;
        int closestDistance = int.MaxValue;
        foreach (string candidate in options)
        {
            int distance = EditDistance(typed, Bare(candidate));
            if (distance <= allowed && distance < closestDistance)
            {
                closest = candidate;
                closestDistance = distance;
            }
        }

        return closest;
    }

    /// <summary>
    /// Counts the insertions, deletions, substitutions and swaps of adjacent letters that turn
    /// <paramref name="source"/> into <paramref name="target"/> (the optimal string alignment
    /// distance), so that the common typo "--forwrad" is one edit from "--forward".
    /// </summary>
    public static int EditDistance(string source, string target)
    {
        var distances = new int[source.Length + 1, target.Length + 1];
        for (int i = 0; i <= source.Length; i++)
        {
            distances[i, 0] = i;
        }

        for (int j = 0; j <= target.Length; j++)
        {
            distances[0, j] = j;
        }

        for (int i = 1; i <= source.Length; i++)
        {
            for (int j = 1; j <= target.Length; j++)
            {
                int substitution = source[i - 1] == target[j - 1] ? 0 : 1;
                int best = Math.Min(distances[i - 1, j] + 1, distances[i, j - 1] + 1);
                best = Math.Min(best, distances[i - 1, j - 1] + substitution);
                if (i > 1 && j > 1 && source[i - 1] == target[j - 2] &&
                    source[i - 2] == target[j - 1])
                {
                    best = Math.Min(best, distances[i - 2, j - 2] + 1);
                }

                distances[i, j] = best;
            }
        }

        return distances[source.Length, target.Length];
    }

    // "-Layer" and "--layer" name the same option to a reader, so neither dashes nor case count.
    private static string Bare(string option) => option.TrimStart('-').ToLowerInvariant();
}
