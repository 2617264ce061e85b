namespace InteractiveBackprop.Notebooks;

/// <summary>
/// Finds the pinned dotnet-interactive tool: the folder whose <c>.config/dotnet-tools.json</c>
/// manifest names it, so that <c>dotnet tool run</c> started there runs that version.
/// </summary>
public static class EngineLocator
{
    /// <summary>The tool's package id in a tool manifest.</summary>
    public const string ToolPackageId = "microsoft.dotnet-interactive";

    /// <summary>
    /// Returns the nearest folder, from <paramref name="start"/> upwards and then from the current
    /// folder upwards, whose tool manifest names dotnet-interactive.
    /// </summary>
    /// <exception cref="RunnerException">No such manifest exists above either folder.</exception>
    public static string FindManifestFolder(string start) =>
        Search(start) ?? Search(Directory.GetCurrentDirectory()) ?? throw new RunnerException(
            $"No tool manifest naming {ToolPackageId} was found in {Path.GetFullPath(start)}, " +
            "the current folder, or any folder above them. Run the runner inside the " +
            "InteractiveBackprop repository (whose .config/dotnet-tools.json pins the tool), or " +
            "pass --tool-manifest-dir with the folder that holds .config/dotnet-tools.json.");

    private static string? Search(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null;
             folder = folder.Parent)
        {
            string manifest = Path.Combine(folder.FullName, ".config", "dotnet-tools.json");
            if (File.Exists(manifest) &&
                File.ReadAllText(manifest).Contains(ToolPackageId, StringComparison.OrdinalIgnoreCase))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
