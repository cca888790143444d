using System.Text.Json.Nodes;

namespace Forewarn.Csaf.Tests.Mapping;

/// <summary>The shared standards folder (…/shared/standards), found by walking up from the test binaries.</summary>
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

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "standards");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No shared/standards folder above {AppContext.BaseDirectory}.");
    }
}
