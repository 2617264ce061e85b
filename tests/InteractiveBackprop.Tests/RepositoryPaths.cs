namespace InteractiveBackprop.Tests;

/// <summary>Locates files of the repository from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data(string file) => Path.Combine(Root, "notebooks", "data", file);

    public static string Reference(string file) => Path.Combine(Root, "tests", "reference", file);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null
            && !File.Exists(Path.Combine(directory.FullName, "InteractiveBackprop.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException(
            $"No InteractiveBackprop.sln above {AppContext.BaseDirectory}; run the tests from " +
            "a clone of the repository.");
    }
}
