using System.Text.Json.Nodes;

namespace Forewarn.Csaf.Tests.Mapping;

/// <summary>The standards test data folder (tests/standards, see ORIGIN.md there).</summary>
internal static class Standards
{
    public static string Folder { get; } = Find();

    /// <summary>Every CSAF example, as a path relative to examples/csaf.</summary>
    public static IEnumerable<string> Examples() =>
        Directory.EnumerateFiles(Path.Combine(Folder, "csaf-2.0", "examples", "csaf"), "*.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Path.Combine(Folder, "csaf-2.0", "examples", "csaf"), p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static JsonObject Example(string name) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "csaf-2.0", "examples", "csaf", name)))!;

    private static string Find() => Path.GetDirectoryName(Forewarn.Tests.Standards.CsafStandards.Root)!;
}
