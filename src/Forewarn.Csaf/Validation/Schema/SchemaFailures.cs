using System.Text.Json;
using Json.Pointer;
using Json.Schema;

namespace Forewarn.Csaf.Validation.Schema;

/// <summary>
/// Turns JsonSchema.Net's hierarchical results into one failure per leaf error, at the instance location
/// of the value that fails. An applicator's own error (oneOf, anyOf, $ref, properties …) is left out when
/// the subschemas below it already say what is wrong; the same message at the same place is kept once.
/// </summary>
internal static class SchemaFailures
{
    private static readonly HashSet<string> Applicators = new(StringComparer.Ordinal)
    {
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref", "$dynamicRef", "properties",
        "patternProperties", "additionalProperties", "items", "prefixItems", "additionalItems", "contains",
        "dependentSchemas", "propertyNames", "unevaluatedProperties", "unevaluatedItems",
    };

    public static IReadOnlyList<CsafFailure> From(EvaluationResults results, JsonElement instance, string test = CsafFailure.Schema)
    {
        if (results.IsValid) return [];
        var failures = new List<CsafFailure>();
        Collect(results, instance, failures, new HashSet<(string, string)>(), test);
        if (failures.Count == 0)
            failures.Add(new CsafFailure(test, "", "The document does not match the schema."));
        return failures;
    }

    private static void Collect(EvaluationResults node, JsonElement instance, List<CsafFailure> failures, HashSet<(string, string)> seen, string test)
    {
        var failingChildren = node.Details?.Where(d => !d.IsValid).ToList() ?? [];
        var childrenExplain = failingChildren.Any(HasErrors);
        if (node.Errors is { Count: > 0 } errors)
        {
            var pointer = node.InstanceLocation.ToString();
            foreach (var (keyword, message) in errors)
            {
                if (childrenExplain && Applicators.Contains(keyword)) continue;
                var sentence = Sentence(keyword, message, node.InstanceLocation, instance);
                if (seen.Add((pointer, sentence)))
                    failures.Add(new CsafFailure(test, pointer, sentence));
            }
        }
        foreach (var child in failingChildren)
            Collect(child, instance, failures, seen, test);
    }

    private static bool HasErrors(EvaluationResults node) =>
        node.Errors is { Count: > 0 } || (node.Details?.Any(d => !d.IsValid && HasErrors(d)) ?? false);

    private static string Sentence(string keyword, string message, JsonPointer location, JsonElement instance)
    {
        var text = message.Trim();
        if (text.Length == 0) text = $"The value fails the schema's '{keyword}' rule";
        text = text.TrimEnd('.');
        if (keyword is not ("required" or "additionalProperties" or "minProperties" or "maxProperties" or "unevaluatedProperties")
            && location.Evaluate(instance) is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Array) } found)
        {
            var raw = found.GetRawText();
            text += $" (the value is {(raw.Length > 80 ? raw[..77] + "…" : raw)})";
        }
        return text + ".";
    }
}
