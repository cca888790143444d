using System.Text.Json.Nodes;

namespace Forewarn.Csaf.Validation.MandatoryTests.Support;

/// <summary>Every place that refers to a product or a product group defined elsewhere.</summary>
internal static class ProductReferences
{
    /// <summary>The product status groups of a vulnerability, in the spec's order.</summary>
    public static readonly string[] StatusGroups =
    [
        "first_affected", "first_fixed", "fixed", "known_affected", "known_not_affected",
        "last_affected", "recommended", "under_investigation",
    ];

    /// <summary>Each product id used outside a full product name, with where it is used.</summary>
    public static IEnumerable<(string ProductId, string Pointer)> ProductIds(JsonNode document)
    {
        foreach (var (group, pointer) in ProductTree.Groups(document))
            foreach (var reference in group.Get("product_ids").Texts(pointer.Property("product_ids")))
                yield return reference;

        foreach (var (relationship, i) in document.Get("product_tree").Get("relationships").Items())
        {
            var pointer = "/product_tree/relationships".Index(i);
            foreach (var property in new[] { "product_reference", "relates_to_product_reference" })
                if (relationship.Get(property).Text() is { } id)
                    yield return (id, pointer.Property(property));
        }

        foreach (var (vulnerability, v) in document.Get("vulnerabilities").Items())
        {
            var pointer = "/vulnerabilities".Index(v);
            var status = vulnerability.Get("product_status");
            foreach (var group in StatusGroups)
                foreach (var reference in status.Get(group).Texts(pointer.Property("product_status").Property(group)))
                    yield return reference;
            foreach (var reference in ElementProducts(vulnerability, pointer, "remediations", "product_ids"))
                yield return reference;
            foreach (var reference in ElementProducts(vulnerability, pointer, "scores", "products"))
                yield return reference;
            foreach (var reference in ElementProducts(vulnerability, pointer, "threats", "product_ids"))
                yield return reference;
            foreach (var reference in ElementProducts(vulnerability, pointer, "flags", "product_ids"))
                yield return reference;
        }
    }

    /// <summary>Each product group id used outside a product group, with where it is used.</summary>
    public static IEnumerable<(string GroupId, string Pointer)> GroupIds(JsonNode document)
    {
        foreach (var (vulnerability, v) in document.Get("vulnerabilities").Items())
        {
            var pointer = "/vulnerabilities".Index(v);
            foreach (var list in new[] { "remediations", "threats", "flags" })
                foreach (var reference in ElementProducts(vulnerability, pointer, list, "group_ids"))
                    yield return reference;
        }
    }

    private static IEnumerable<(string, string)> ElementProducts(JsonNode? vulnerability, string pointer, string list, string property)
    {
        foreach (var (element, i) in vulnerability.Get(list).Items())
            foreach (var reference in element.Get(property).Texts(pointer.Property(list).Index(i).Property(property)))
                yield return reference;
    }
}
