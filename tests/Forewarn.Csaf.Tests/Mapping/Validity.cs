using System.Globalization;
using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation;

namespace Forewarn.Csaf.Tests.Mapping;

/// <summary>
/// Whether an exported document is valid: the project's CSAF validator (schema and every
/// mandatory test), plus a second look at the rules the mapping itself has to take care of
/// (product references, product status, scores, tracking and revision history, the profile)
/// and the optional test that the current release date is not older than the history (6.2.6).
/// </summary>
internal static class Validity
{
    public static void Assert(JsonObject document)
    {
        var failures = Checked(document).Concat(Rules(document)).ToList();
        Xunit.Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Prepend("Invalid CSAF:")));
    }

    // The project's validator was written alongside this mapping; where its schemas cannot be built
    // yet, the JSON schema is checked directly (SchemaCheck) next to its mandatory tests.
    private static readonly Lazy<bool> ValidatorReady = new(() =>
    {
        try
        {
            CsafValidator.Validate(Standards.Example("bsi-2022-0001.json"));
            return true;
        }
        catch (Json.Schema.JsonSchemaException)
        {
            return false;
        }
    });

    private static IEnumerable<string> Checked(JsonObject document) =>
        ValidatorReady.Value
            ? CsafValidator.Validate(document).Failures.Select(f => f.ToString())
            : SchemaCheck.Errors(document).Concat(
                Forewarn.Csaf.Validation.MandatoryTests.MandatoryTestSuite.All.SelectMany(t => Run(t, document)));

    private static IEnumerable<string> Run(Forewarn.Csaf.Validation.MandatoryTests.IMandatoryTest test, JsonObject document)
    {
        try
        {
            return [.. test.Run(document).Select(f => f.ToString())];
        }
        catch (Json.Schema.JsonSchemaException)
        {
            return []; // a test that needs the validator's own schemas (6.1.8); SchemaCheck covers it
        }
    }

    private static IEnumerable<string> Rules(JsonObject d)
    {
        var ids = ProductIds(d["product_tree"]).ToList();
        if (ids.Count != ids.Distinct().Count()) yield return "6.1.2 a product id is defined twice";
        var vulnerabilities = (d["vulnerabilities"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        if (d["product_tree"] is null) yield return "6.1.27.4 no product tree";
        if (vulnerabilities.Count == 0) yield return "6.1.27.11 no vulnerabilities";
        foreach (var v in vulnerabilities)
        {
            if (v["notes"] is not JsonArray { Count: > 0 }) yield return "6.1.27.5 a vulnerability without notes";
            if (v["product_status"] is not JsonObject statuses) { yield return "6.1.27.6 a vulnerability without product status"; continue; }
            var referenced = statuses.SelectMany(s => Ids(s.Value))
                .Concat((v["scores"] as JsonArray ?? []).SelectMany(s => Ids(s?["products"])))
                .Concat((v["remediations"] as JsonArray ?? []).SelectMany(r => Ids(r?["product_ids"])));
            foreach (var id in referenced.Where(id => !ids.Contains(id))) yield return $"6.1.1 {id} is not defined";
            var groups = statuses.SelectMany(s => Ids(s.Value).Select(id => (id, Group(s.Key)))).Where(x => x.Item2 is not null)
                .Distinct().GroupBy(x => x.id).Where(g => g.Count() > 1);
            foreach (var g in groups) yield return $"6.1.6 {g.Key} has contradicting statuses";
            var twice = (v["scores"] as JsonArray ?? []).SelectMany(s => Ids(s?["products"]).Select(id => (id, (string?)s?["cvss_v3"]?["version"])))
                .GroupBy(x => x).Where(g => g.Count() > 1);
            foreach (var g in twice) yield return $"6.1.7 {g.Key.id} has two v{g.Key.Item2} scores";
            foreach (var s in (v["scores"] as JsonArray ?? []).Select(s => s?["cvss_v3"]).OfType<JsonObject>())
            {
                var computed = Forewarn.Domain.Cvss.CvssVectors.Score((string)s["vectorString"]!);
                if ((double)s["baseScore"]! != computed.BaseScore) yield return $"6.1.9 {s["vectorString"]} scores {computed.BaseScore}";
            }
        }
        var tracking = d["document"]!["tracking"]!;
        var history = (tracking["revision_history"] as JsonArray)!.Select(r => (
            Number: int.Parse((string)r!["number"]!, CultureInfo.InvariantCulture),
            Date: DateTimeOffset.Parse((string)r["date"]!, CultureInfo.InvariantCulture))).ToList();
        var byNumber = history.OrderBy(h => h.Number).ToList();
        if (!byNumber.Select(h => h.Date).SequenceEqual(byNumber.Select(h => h.Date).Order())) yield return "6.1.14 revision history not sorted";
        if (!byNumber.Select(h => h.Number).SequenceEqual(Enumerable.Range(1, history.Count))) yield return "6.1.21/22 revision numbers are not 1..n";
        var version = (string)tracking["version"]!;
        if (version != byNumber[^1].Number.ToString(CultureInfo.InvariantCulture)) yield return "6.1.16 version is not the latest revision";
        var status = (string)tracking["status"]!;
        if (version == "0" && status != "draft") yield return "6.1.17 version 0 outside a draft";
        if (DateTimeOffset.Parse((string)tracking["current_release_date"]!, CultureInfo.InvariantCulture) < byNumber.Max(h => h.Date))
            yield return "6.2.6 current release date older than the revision history";
    }

    private static string? Group(string status) => status switch
    {
        "first_affected" or "known_affected" or "last_affected" => "affected",
        "known_not_affected" => "not affected",
        "first_fixed" or "fixed" => "fixed",
        "under_investigation" => "under investigation",
        _ => null,
    };

    private static IEnumerable<string> Ids(JsonNode? array) => (array as JsonArray ?? []).Select(n => (string)n!);

    /// <summary>Every product id the tree defines: in branches, full product names and relationships.</summary>
    private static IEnumerable<string> ProductIds(JsonNode? node) => node switch
    {
        JsonObject o => (o["product_id"] is JsonValue id ? [(string)id!] : Array.Empty<string>())
            .Concat(o.Where(kv => kv.Key != "product_groups").SelectMany(kv => ProductIds(kv.Value))),
        JsonArray a => a.SelectMany(ProductIds),
        _ => [],
    };
}
