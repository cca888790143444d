using System.Text.Json.Nodes;

namespace Forewarn.Csaf.Validation.MandatoryTests.Support;

/// <summary>Where products and product groups are defined in <c>/product_tree</c>.</summary>
internal static class ProductTree
{
    private const string TreePointer = "/product_tree";

    /// <summary>A full product name element (<c>full_product_name_t</c>) and where it is.</summary>
    public sealed record Definition(JsonNode Product, string Pointer)
    {
        public string? ProductId => Product.Get("product_id").Text();

        public string ProductIdPointer => Pointer.Property("product_id");
    }

    /// <summary>Every full product name: in branches (at any depth), full_product_names and relationships.</summary>
    public static IEnumerable<Definition> Definitions(JsonNode document)
    {
        var tree = document.Get("product_tree");
        foreach (var (branch, pointer) in Branches(document))
            if (branch.Get("product") is { } product)
                yield return new Definition(product, pointer.Property("product"));
        foreach (var (product, i) in tree.Get("full_product_names").Items())
            if (product is not null)
                yield return new Definition(product, TreePointer.Property("full_product_names").Index(i));
        foreach (var (relationship, i) in tree.Get("relationships").Items())
            if (relationship.Get("full_product_name") is { } product)
                yield return new Definition(product, TreePointer.Property("relationships").Index(i).Property("full_product_name"));
    }

    /// <summary>Every branch at any depth, parents before children.</summary>
    public static IEnumerable<(JsonNode Branch, string Pointer)> Branches(JsonNode document)
    {
        var pending = new Stack<(JsonNode? Branches, string Pointer)>();
        pending.Push((document.Get("product_tree").Get("branches"), TreePointer.Property("branches")));
        var found = new List<(JsonNode, string)>();
        while (pending.Count > 0)
        {
            var (branches, pointer) = pending.Pop();
            foreach (var (branch, i) in branches.Items())
            {
                if (branch is null) continue;
                var branchPointer = pointer.Index(i);
                found.Add((branch, branchPointer));
                pending.Push((branch.Get("branches"), branchPointer.Property("branches")));
            }
        }
        return found;
    }

    /// <summary>The product groups with their pointers.</summary>
    public static IEnumerable<(JsonNode Group, string Pointer)> Groups(JsonNode document)
    {
        foreach (var (group, i) in document.Get("product_tree").Get("product_groups").Items())
            if (group is not null)
                yield return (group, TreePointer.Property("product_groups").Index(i));
    }

    /// <summary>Group id to the product ids it lists (groups defined twice contribute both lists).</summary>
    public static IReadOnlyDictionary<string, HashSet<string>> GroupMembers(JsonNode document)
    {
        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (group, pointer) in Groups(document))
        {
            if (group.Get("group_id").Text() is not { } id) continue;
            if (!members.TryGetValue(id, out var set))
                members[id] = set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (productId, _) in group.Get("product_ids").Texts(pointer))
                set.Add(productId);
        }
        return members;
    }

    /// <summary>
    /// The products an element (remediation, threat, flag) applies to: its <c>product_ids</c> and the
    /// members of its <c>group_ids</c>.
    /// </summary>
    public static HashSet<string> ProductsOf(JsonNode? element, IReadOnlyDictionary<string, HashSet<string>> groups)
    {
        var products = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, _) in element.Get("product_ids").Texts(""))
            products.Add(id);
        foreach (var (groupId, _) in element.Get("group_ids").Texts(""))
            if (groups.TryGetValue(groupId, out var members))
                products.UnionWith(members);
        return products;
    }
}
