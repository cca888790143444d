namespace Forewarn.Csaf.Validation.Reference;

/// <summary>Looks up CWE weaknesses by id (e.g. <c>CWE-79</c>) for test 6.1.11.</summary>
internal static partial class CweCatalogue
{
    private static readonly Lazy<Dictionary<string, string[]>> Names = new(Load);

    /// <summary>Which CWE List versions the catalogue holds.</summary>
    public static string Version => Source;

    /// <summary>The names a weakness has carried, newest first; false when the id is not a known weakness.</summary>
    public static bool TryGetNames(string id, out IReadOnlyList<string> names)
    {
        if (Names.Value.TryGetValue(id, out var found))
        {
            names = found;
            return true;
        }
        names = [];
        return false;
    }

    private static Dictionary<string, string[]> Load() =>
        Weaknesses.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd('\r').Split('\t'))
            .ToDictionary(fields => "CWE-" + fields[0], fields => fields[1..], StringComparer.Ordinal);
}
