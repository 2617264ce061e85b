namespace InteractiveBackprop.Notebooks.Tests;

public sealed class EngineLocatorTests
{
    private const string Manifest = """
        { "version": 1, "isRoot": true, "tools": { "microsoft.dotnet-interactive": {
          "version": "1.0.712001", "commands": [ "dotnet-interactive" ] } } }
        """;

    [Fact]
    public void ManifestAboveNotebookWins()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ".config"));
        folder.Write(Path.Combine(".config", "dotnet-tools.json"), Manifest);
        string notebooks = Path.Combine(folder.Path, "notebooks");
        Directory.CreateDirectory(notebooks);

        string found = EngineLocator.FindManifestFolder(notebooks);

        Assert.Equal(folder.Path, found);
    }

    [Fact]
    public void FolderWithoutManifestUsesCurrentFolder()
    {
        using var folder = new TemporaryFolder();
        string current = EngineLocator.FindManifestFolder(Directory.GetCurrentDirectory());

        string found = EngineLocator.FindManifestFolder(folder.Path);

        Assert.False(File.Exists(Path.Combine(folder.Path, ".config", "dotnet-tools.json")));
        Assert.Equal(current, found);
    }

    [Fact]
    public void HelpStatesCurrentFolderFallback()
    {
        string help = string.Join(" ", RunnerOptions.Usage.Split(' ',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        Assert.Contains("The runner takes the nearest manifest naming dotnet-interactive at or " +
            "above DIR (default: at or above each notebook's folder), and when there is none, " +
            "the nearest at or above the current folder.", help);
    }
}
