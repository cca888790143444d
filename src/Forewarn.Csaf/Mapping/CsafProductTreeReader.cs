using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;

namespace Forewarn.Csaf.Mapping;

/// <summary>
/// Flattens a CSAF product tree into Forewarn's list of products: the products of branches,
/// the full product names, and the full product names relationships define. Product groups are
/// kept as a lookup so that what refers to a group can name its products instead.
/// </summary>
internal sealed class CsafProductTreeReader
{
    private readonly List<Product> products = [];
    private readonly Dictionary<string, IReadOnlyList<string>> groups = new(StringComparer.Ordinal);

    public IReadOnlyList<Product> Products => products;

    public static CsafProductTreeReader Read(JsonNode? tree, CsafNotHeld notHeld)
    {
        var reader = new CsafProductTreeReader();
        if (tree is not JsonObject t) return reader;
        var branches = 0;
        foreach (var branch in Items(t["branches"])) reader.Branch(branch, notHeld, ref branches);
        notHeld.Count("branch", "branches", "the hierarchy (vendor, product name, version…) is not held; their products are kept under their full names", branches);
        foreach (var product in Items(t["full_product_names"])) reader.Add(product, notHeld);
        var relationships = Items(t["relationships"]).ToList();
        foreach (var relationship in relationships) reader.Add(relationship["full_product_name"], notHeld);
        notHeld.Count("relationship", "relationships",
            "how the products relate (e.g. default component of) is not held; the products they define are kept", relationships.Count);
        var groups = Items(t["product_groups"]).ToList();
        foreach (var group in groups)
        {
            var id = Text(group["group_id"]);
            if (id is not null) reader.groups[id] = [.. Items(group["product_ids"]).Select(Text).OfType<string>()];
        }
        notHeld.Count("product group", "product groups", "not held; what refers to a group names its products instead", groups.Count);
        return reader;
    }

    /// <summary>The product ids of <paramref name="productIds"/> and of the groups <paramref name="groupIds"/> name.</summary>
    public IReadOnlyList<string> Expand(JsonNode? productIds, JsonNode? groupIds) =>
    [
        .. Items(productIds).Select(Text).OfType<string>()
            .Concat(Items(groupIds).Select(Text).OfType<string>()
                .SelectMany(g => groups.TryGetValue(g, out var ids) ? ids : []))
            .Distinct(StringComparer.Ordinal),
    ];

    private void Branch(JsonNode branch, CsafNotHeld notHeld, ref int count)
    {
        count++;
        if (branch["product"] is { } product) Add(product, notHeld);
        foreach (var child in Items(branch["branches"])) Branch(child, notHeld, ref count);
    }

    private void Add(JsonNode? product, CsafNotHeld notHeld)
    {
        var id = Text(product?["product_id"]);
        var name = Text(product?["name"]);
        if (product is null || id is null || name is null || products.Any(p => p.Id == id)) return;
        var helper = product["product_identification_helper"] as JsonObject;
        var others = helper?.Where(kv => kv.Key is not ("cpe" or "purl")).Select(kv => kv.Key).ToList() ?? [];
        notHeld.Count("product identification helper other than CPE and purl", "product identification helpers other than CPE and purl",
            "hashes, model numbers, SBOM URLs, serial numbers, SKUs and generic URIs are not held", others.Count);
        products.Add(Product.Of(id, name, Text(helper?["cpe"]), Text(helper?["purl"])));
    }

    internal static IEnumerable<JsonNode> Items(JsonNode? array) =>
        array is JsonArray a ? a.OfType<JsonNode>() : [];

    internal static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
