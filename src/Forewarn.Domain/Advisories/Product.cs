using Forewarn.Domain.Common;

namespace Forewarn.Domain.Advisories;

/// <summary>
/// A product the advisory speaks about, with the id its vulnerabilities refer to and, where
/// known, its CPE and package URL.
/// </summary>
public sealed record Product(string Id, string Name, string? Cpe = null, string? Purl = null)
{
    public static Product Of(string? id, string? name, string? cpe, string? purl)
    {
        var i = TextRules.Required(id, "product id", 200);
        return new Product(i, TextRules.Required(name, "product name", 500),
            Empty(TextRules.Optional(cpe, "product CPE", 500, TextShape.Line)), Empty(TextRules.Optional(purl, "product package URL", 1000, TextShape.Line)));
    }

    /// <summary>
    /// Products named by staff: an existing product keeps its id (vulnerabilities refer to it),
    /// a new name gets the next free id FWPID-n.
    /// </summary>
    public static IReadOnlyList<Product> Named(IEnumerable<string>? names, IReadOnlyList<Product> existing)
    {
        var next = existing.Select(p => p.Id.StartsWith("FWPID-", StringComparison.Ordinal) && int.TryParse(p.Id[6..], out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;
        var result = new List<Product>();
        foreach (var raw in names ?? [])
        {
            var name = TextRules.Required(raw, "product name", 200);
            if (result.Any(p => p.Name == name)) continue;
            result.Add(existing.FirstOrDefault(p => p.Name == name) ?? new Product($"FWPID-{next++}", name));
        }
        return result;
    }

    private static string? Empty(string s) => s.Length == 0 ? null : s;
}
