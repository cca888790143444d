using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation.MandatoryTests.Support;

namespace Forewarn.Csaf.Validation.MandatoryTests;

/// <summary>6.1.4 Missing Definition of Product Group ID: every group id used must be defined in the product tree.</summary>
internal sealed class MissingProductGroupDefinition() : MandatoryTest("6.1.4")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var defined = ProductTree.Groups(document).Select(g => g.Group.Get("group_id").Text()).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (id, pointer) in ProductReferences.GroupIds(document))
            if (!defined.Contains(id))
                yield return Fail(pointer, $"Product group id {id} is used but never defined in the product tree.");
    }
}

/// <summary>6.1.5 Multiple Definition of Product Group ID: a group id is defined once only.</summary>
internal sealed class MultipleProductGroupDefinition() : MandatoryTest("6.1.5")
{
    public override IEnumerable<CsafFailure> Run(JsonNode document)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (group, pointer) in ProductTree.Groups(document))
        {
            if (group.Get("group_id").Text() is not { } id) continue;
            var idPointer = pointer.Property("group_id");
            if (!first.TryAdd(id, idPointer))
                yield return Fail(idPointer, $"Product group id {id} is defined again; it was already defined at {first[id]}.");
        }
    }
}
