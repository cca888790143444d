using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>
/// 6.1.6 Contradicting Product Status: within one vulnerability a product is in at most one of the
/// groups Affected, Not affected, Fixed and Under investigation (Recommended may overlap any).
/// </summary>
internal sealed class ContradictingProductStatus() : MandatoryTest("6.1.6")
{
    private static readonly (string Name, string[] Lists)[] Groups =
    [
        ("affected", ["first_affected", "known_affected", "last_affected"]),
        ("not affected", ["known_not_affected"]),
        ("fixed", ["first_fixed", "fixed"]),
        ("under investigation", ["under_investigation"]),
    ];

    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        foreach (var (vulnerability, v) in document.Get("vulnerabilities").Items())
        {
            var statusPointer = "/vulnerabilities".Index(v).Property("product_status");
            var status = vulnerability.Get("product_status");
            var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
            var reported = new HashSet<(string, string, string)>();
            foreach (var (name, lists) in Groups)
                foreach (var list in lists)
                    foreach (var (id, pointer) in status.Get(list).Texts(statusPointer.Property(list)))
                    {
                        if (!groupOf.TryAdd(id, name) && groupOf[id] != name && reported.Add((id, groupOf[id], name)))
                            yield return Fail(pointer, $"Product {id} is both '{groupOf[id]}' and '{name}' in this vulnerability.");
                    }
        }
    }
}
