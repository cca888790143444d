using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Csaf.Validation;

namespace Forewarn.Csaf.Tests.Validation;

/// <summary>Documents of the wrong shape get failures, never an exception.</summary>
public sealed class MalformedDocumentTests
{
    private static readonly string[] Sources =
        [.. Directory.GetFiles(StandardsData.MandatoryTests, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static readonly JsonNode?[] Replacements =
        [null, JsonValue.Create(0), JsonValue.Create(-1.5), JsonValue.Create(""), JsonValue.Create("x"), JsonValue.Create(true), new JsonArray(), new JsonObject(), new JsonArray(JsonValue.Create(1), null)];

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("{}")]
    [InlineData("""{ "document": [], "product_tree": "x", "vulnerabilities": {} }""")]
    [InlineData("""{ "document": { "tracking": { "revision_history": [ null, 1, { "number": 2, "date": [] } ], "version": {} } } }""")]
    [InlineData("""{ "product_tree": { "branches": [ null, { "branches": 5 }, { "branches": [ { "product": [] } ] } ] }, "vulnerabilities": [ null, { "scores": [ null, { "cvss_v3": "x" }, { "cvss_v2": { "vectorString": 7 } } ] } ] }""")]
    public void Odd_shapes_give_failures_not_exceptions(string json)
    {
        var validation = CsafValidator.Validate(json);

        Assert.False(validation.IsValid);
        Assert.All(validation.Failures, f => Assert.NotEmpty(f.Message));
    }

    [Property(MaxTest = 200)]
    public Property Replacing_any_value_of_an_official_document_never_throws() =>
        Prop.ForAll(
            Gen.Choose(0, Sources.Length - 1).ToArbitrary(),
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            Gen.Choose(0, Replacements.Length - 1).ToArbitrary(),
            (source, position, replacement) =>
            {
                var document = JsonNode.Parse(Sources[source])!;
                var slots = Slots(document).ToList();
                var (parent, key, index) = slots[position % slots.Count];
                var value = Replacements[replacement]?.DeepClone();
                if (parent is JsonObject o) o[key!] = value;
                else ((JsonArray)parent)[index] = value;

                var validation = CsafValidator.Validate(document);
                return validation.Failures.All(f => f.Message.Length > 0);
            });

    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    yield return (o, key, -1);
                    if (value is not null)
                        foreach (var slot in Slots(value)) yield return slot;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, null, i);
                    if (a[i] is { } item)
                        foreach (var slot in Slots(item)) yield return slot;
                }
                break;
        }
    }
}
