using System.Text.Json.Nodes;
using Forewarn.Csaf.Mapping;
using Forewarn.Domain.Advisories;

namespace Forewarn.Csaf.Tests.Mapping;

/// <summary>Every official CSAF 2.0 example imports, and what Forewarn holds of it survives.</summary>
public sealed class ExampleImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Examples() => [.. Standards.Examples()];

    private static (JsonObject Source, CsafImported Imported, Advisory Advisory) Import(string name)
    {
        var source = Standards.Example(name);
        var imported = CsafImport.Read(source);
        var advisory = Advisory.Create(imported.Reference, imported.Title, imported.Summary, imported.CveIds, null,
            imported.CvssVector, imported.ReleaseAt, Now, "import", imported.Details);
        return (source, imported, advisory);
    }

    [Fact]
    public void The_examples_are_there() => Assert.True(Standards.Examples().Count() >= 19);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Cve_ids_products_and_scores_survive(string name)
    {
        var (source, _, advisory) = Import(name);
        var vulnerabilities = Nodes(source["vulnerabilities"]);

        Assert.Equal(vulnerabilities.Select(v => (string?)v["cve"]).OfType<string>().Order(), advisory.CveIds.Order());
        Assert.Equal(Products(source).Order(), advisory.Products.Select(p => (p.Id, p.Name)).Order());
        Assert.Equal(
            vulnerabilities.SelectMany(v => Nodes(v["scores"])).Select(s => (string?)s["cvss_v3"]?["vectorString"]).OfType<string>().Order(),
            advisory.Vulnerabilities.SelectMany(v => v.Scores).Select(s => s.Vector).Order());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Notes_references_remediations_and_label_survive(string name)
    {
        var (source, imported, advisory) = Import(name);
        var document = source["document"]!;
        var vulnerabilities = Nodes(source["vulnerabilities"]);

        Assert.Equal(Nodes(document["notes"]).Select(n => ((string)n["text"]!).Trim()), advisory.Notes.Select(n => n.Text));
        Assert.Equal(
            vulnerabilities.SelectMany(v => Nodes(v["notes"])).Select(n => ((string)n["text"]!).Trim()),
            advisory.Vulnerabilities.SelectMany(v => v.Notes).Select(n => n.Text));
        var urls = Nodes(document["references"]).Concat(vulnerabilities.SelectMany(v => Nodes(v["references"])))
            .Select(r => (string)r["url"]!).Distinct();
        Assert.Equal(urls.Order(), advisory.References.Select(r => r.Url).Order());
        Assert.Equal(
            vulnerabilities.SelectMany(v => Nodes(v["remediations"])).Select(r => ((string)r["details"]!).Trim()),
            advisory.Vulnerabilities.SelectMany(v => v.Remediations).Select(r => r.Details));
        var label = (string?)document["distribution"]?["tlp"]?["label"];
        Assert.Equal(label switch { "WHITE" => TlpLabel.Clear, "GREEN" => TlpLabel.Green, "RED" => TlpLabel.Red, _ => TlpLabel.Amber }, advisory.Tlp);
        Assert.Equal(imported.Reference, advisory.Reference);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void What_is_left_behind_is_said(string name)
    {
        var (source, imported, _) = Import(name);
        var vulnerabilities = Nodes(source["vulnerabilities"]);

        Assert.Contains(imported.NotHeld, s => s.Contains("source revision history", StringComparison.Ordinal));
        if (vulnerabilities.Any(v => v["acknowledgments"] is not null))
            Assert.Contains(imported.NotHeld, s => s.Contains("acknowledgment", StringComparison.Ordinal));
        if (vulnerabilities.Any(v => v["threats"] is not null))
            Assert.Contains(imported.NotHeld, s => s.Contains("threat", StringComparison.Ordinal));
        if (vulnerabilities.Any(v => v["flags"] is not null))
            Assert.Contains(imported.NotHeld, s => s.Contains("flag", StringComparison.Ordinal));
        if (source["product_tree"]?["branches"] is not null)
            Assert.Contains(imported.NotHeld, s => s.Contains("branches", StringComparison.Ordinal));
        if (source["document"]?["aggregate_severity"] is not null)
            Assert.Contains(imported.NotHeld, s => s.Contains("aggregate severity", StringComparison.Ordinal));
    }

    private static List<JsonNode> Nodes(JsonNode? array) => (array as JsonArray)?.OfType<JsonNode>().ToList() ?? [];

    private static IEnumerable<(string, string)> Products(JsonObject source)
    {
        var tree = source["product_tree"];
        IEnumerable<JsonNode> Branches(JsonNode? branches) =>
            Nodes(branches).SelectMany(b => (b["product"] is { } p ? [p] : Array.Empty<JsonNode>()).Concat(Branches(b["branches"])));
        return Branches(tree?["branches"])
            .Concat(Nodes(tree?["full_product_names"]))
            .Concat(Nodes(tree?["relationships"]).Select(r => r["full_product_name"]!))
            .Select(p => ((string)p["product_id"]!, ((string)p["name"]!).Trim()))
            .Distinct();
    }
}
