using System.Text.Json.Nodes;

namespace Forewarn.Csaf.Mapping;

/// <summary>
/// Counts what an import leaves behind and says it in one sentence per kind, e.g.
/// "3 CVSS v2 scores: not held; Forewarn holds CVSS v3.x and v4.0 vectors."
/// </summary>
internal sealed class CsafNotHeld
{
    private readonly Dictionary<string, (string One, string Many, string Why, int N)> kinds = [];
    private readonly List<string> order = [];

    /// <summary>Counts <paramref name="n"/> more things of one kind.</summary>
    public void Count(string one, string many, string why, int n = 1)
    {
        if (n <= 0) return;
        if (kinds.TryGetValue(one, out var kind)) kinds[one] = kind with { N = kind.N + n };
        else
        {
            kinds[one] = (one, many, why, n);
            order.Add(one);
        }
    }

    /// <summary>Counts the items of an array property (or the presence of an object property) on each node.</summary>
    public void CountItems(IEnumerable<JsonNode?> nodes, string property, string one, string many, string why) =>
        Count(one, many, why, nodes.Sum(n => n?[property] switch
        {
            JsonArray a => a.Count,
            null => 0,
            _ => 1,
        }));

    public IReadOnlyList<string> Sentences() =>
        [.. order.Select(key => kinds[key]).Select(k => $"{k.N} {(k.N == 1 ? k.One : k.Many)}: {k.Why}.")];
}
