using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>
/// 6.1.27.9 Impact Statement: in VEX documents every product known not to be affected has an impact
/// statement — a flag, or a threat of category impact — naming it directly or through a product group.
/// </summary>
internal sealed class MissingImpactStatement() : ProfileTest("6.1.27.9", "csaf_vex")
{
    protected override IEnumerable<CsafFailure> RunForProfile(JsonNode document, string category)
    {
        var groups = ProductTree.GroupMembers(document);
        foreach (var (vulnerability, v) in document.Get("vulnerabilities").Items())
        {
            var covered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (flag, _) in vulnerability.Get("flags").Items())
                covered.UnionWith(ProductTree.ProductsOf(flag, groups));
            foreach (var (threat, _) in vulnerability.Get("threats").Items())
                if (threat.Get("category").Text() == "impact")
                    covered.UnionWith(ProductTree.ProductsOf(threat, groups));
            var pointer = "/vulnerabilities".Index(v).Property("product_status").Property("known_not_affected");
            foreach (var (product, productPointer) in vulnerability.Get("product_status").Get("known_not_affected").Texts(pointer))
                if (!covered.Contains(product))
                    yield return Fail(productPointer,
                        $"Product {product} is known not to be affected, but no flag or impact threat says why.");
        }
    }
}

/// <summary>
/// 6.1.27.10 Action Statement: in VEX documents every product known to be affected has a remediation
/// naming it directly or through a product group.
/// </summary>
internal sealed class MissingActionStatement() : ProfileTest("6.1.27.10", "csaf_vex")
{
    protected override IEnumerable<CsafFailure> RunForProfile(JsonNode document, string category)
    {
        var groups = ProductTree.GroupMembers(document);
        foreach (var (vulnerability, v) in document.Get("vulnerabilities").Items())
        {
            var covered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (remediation, _) in vulnerability.Get("remediations").Items())
                covered.UnionWith(ProductTree.ProductsOf(remediation, groups));
            var pointer = "/vulnerabilities".Index(v).Property("product_status").Property("known_affected");
            foreach (var (product, productPointer) in vulnerability.Get("product_status").Get("known_affected").Texts(pointer))
                if (!covered.Contains(product))
                    yield return Fail(productPointer, $"Product {product} is known to be affected, but no remediation says what to do.");
        }
    }
}
