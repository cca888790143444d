using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>6.1.1 Missing Definition of Product ID: every product id used must be defined in the product tree.</summary>
internal sealed class MissingProductDefinition() : MandatoryTest("6.1.1")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var defined = ProductTree.Definitions(document).Select(d => d.ProductId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (id, pointer) in ProductReferences.ProductIds(document))
            if (!defined.Contains(id))
                yield return Fail(pointer, $"Product id {id} is used but never defined in the product tree.");
    }
}

/// <summary>6.1.2 Multiple Definition of Product ID: a product id is defined once only.</summary>
internal sealed class MultipleProductDefinition() : MandatoryTest("6.1.2")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in ProductTree.Definitions(document))
        {
            if (definition.ProductId is not { } id) continue;
            if (!first.TryAdd(id, definition.ProductIdPointer))
                yield return Fail(definition.ProductIdPointer, $"Product id {id} is defined again; it was already defined at {first[id]}.");
        }
    }
}

/// <summary>
/// 6.1.3 Circular Definition of Product ID: a product defined by a relationship must not, through the
/// products its relationships refer to, end up referring to itself.
/// </summary>
internal sealed class CircularProductDefinition() : MandatoryTest("6.1.3")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var relationships = document.Get("product_tree").Get("relationships").Items()
            .Select(r => (
                Id: r.Item.Get("full_product_name").Get("product_id").Text(),
                References: new[] { r.Item.Get("product_reference").Text(), r.Item.Get("relates_to_product_reference").Text() }
                    .OfType<string>().ToArray(),
                Pointer: "/product_tree/relationships".Index(r.Index).Property("full_product_name").Property("product_id")))
            .Where(r => r.Id is not null)
            .ToList();
        var refersTo = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (id, references, _) in relationships)
        {
            if (!refersTo.TryGetValue(id!, out var list)) refersTo[id!] = list = [];
            list.AddRange(references);
        }

        foreach (var (id, _, pointer) in relationships)
            if (ReachesItself(id!, refersTo))
                yield return Fail(pointer, $"Product id {id} is defined in terms of itself: following its relationships leads back to {id}.");
    }

    private static bool ReachesItself(string start, Dictionary<string, List<string>> refersTo)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(refersTo[start]);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next == start) return true;
            if (!seen.Add(next) || !refersTo.TryGetValue(next, out var further)) continue;
            foreach (var reference in further) pending.Push(reference);
        }
        return false;
    }
}
