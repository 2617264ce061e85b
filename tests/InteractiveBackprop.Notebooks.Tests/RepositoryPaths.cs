namespace InteractiveBackprop.Notebooks.Tests;

/// <summary>Paths inside the repository that the tests run from.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that contains InteractiveBackprop.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null;
             folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "InteractiveBackprop.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No InteractiveBackprop.sln above {AppContext.BaseDirectory}.");
    }
}
