namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>The repository root and its tutorial notebooks, found from the test binaries.</summary>
public static class NotebookFiles
{
    /// <summary>The nearest folder above the test binaries that contains the solution.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The file name of every notebooks/*.ipynb, as xunit theory data.</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (string path in Directory.GetFiles(Path.Combine(RepositoryRoot, "notebooks"),
                         "*.ipynb").Order(StringComparer.Ordinal))
            {
                names.Add(Path.GetFileName(path));
            }

            return names;
        }
    }

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
            $"No InteractiveBackprop.sln above {AppContext.BaseDirectory}; run the tests from " +
            "a clone of the repository.");
    }
}
