using System.Text.Json.Nodes;

namespace InteractiveBackprop.Notebooks;

/// <summary>One code cell of a notebook, with the kernel that runs it.</summary>
/// <param name="Index">The cell's position among all cells, counting from 1.</param>
/// <param name="KernelName">The .NET Interactive kernel name, for example <c>csharp</c>.</param>
/// <param name="Source">The cell's code.</param>
/// <param name="Json">The cell's JSON object, whose outputs the runner replaces.</param>
public sealed record NotebookCell(int Index, string KernelName, string Source, JsonObject Json);
