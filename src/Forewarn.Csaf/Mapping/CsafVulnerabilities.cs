using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Cvss;

namespace Forewarn.Csaf.Mapping;

/// <summary>
/// The vulnerabilities of an exported document. The security advisory profile wants at least one,
/// each with notes (6.1.27.5) and a product status (6.1.27.6), so:
/// <list type="bullet">
/// <item>an advisory without structured vulnerabilities gets one per CVE (or one without a CVE),
/// every product known_affected, the headline score on every product and the summary as its note;</item>
/// <item>a vulnerability without a product status lists the products its scores and remediations
/// name (or all products) as known_affected, because Forewarn lists products as affected ones;</item>
/// <item>a vulnerability without notes gets the advisory's summary (or its title) as a note.</item>
/// </list>
/// </summary>
internal static class CsafVulnerabilities
{
    public static JsonArray Of(Advisory advisory, IReadOnlyList<Product> products, bool released)
    {
        var vulnerabilities = advisory.Vulnerabilities.Count > 0
            ? advisory.Vulnerabilities
            : Synthesised(advisory, products, released);
        return [.. vulnerabilities.Select(v => (JsonNode)Write(v, advisory, products))];
    }

    private static List<Vulnerability> Synthesised(Advisory advisory, IReadOnlyList<Product> products, bool released)
    {
        var ids = products.Select(p => p.Id).ToList();
        IReadOnlyList<VulnerabilityScore> scores = advisory.CvssVector is { } vector ? [new VulnerabilityScore(vector, ids)] : [];
        IReadOnlyList<AdvisoryNote> notes = advisory.Summary.Length > 0 ? [new AdvisoryNote("summary", "Summary", advisory.Summary)] : [];
        var releaseDate = released ? advisory.ReleaseAt : (DateTimeOffset?)null;
        IReadOnlyList<string?> cves = advisory.CveIds.Count > 0 ? [.. advisory.CveIds] : [null];
        return [.. cves.Select(cve => new Vulnerability(cve, null, null, null, notes,
            [new ProductStatus("known_affected", ids)], scores, [], null, releaseDate))];
    }

    private static JsonObject Write(Vulnerability v, Advisory advisory, IReadOnlyList<Product> products)
    {
        var node = new JsonObject();
        if (v.Cve is not null) node["cve"] = v.Cve;
        if (v.CweId is not null && v.CweName is not null) node["cwe"] = new JsonObject { ["id"] = v.CweId, ["name"] = v.CweName };
        if (v.DiscoveryDate is { } discovered) node["discovery_date"] = CsafDates.Write(discovered);

        var scored = v.Scores.Select(s => (Score: CvssVectors.Score(s.Vector), s.ProductIds)).ToList();
        var notes = new JsonArray([.. v.Notes.Select(n => (JsonNode)CsafNotes.Note(n))]);
        foreach (var (score, ids) in scored.Where(s => !CsafScores.FitsCsaf(s.Score)))
            notes.Add(CsafScores.V4Note(score, ids.Select(id => products.FirstOrDefault(p => p.Id == id)?.Name ?? id)));
        if (notes.Count == 0)
        {
            notes.Add(advisory.Summary.Length > 0
                ? CsafNotes.Note(new AdvisoryNote("summary", "Summary", advisory.Summary))
                : CsafNotes.Note(new AdvisoryNote("general", "Advisory", $"{advisory.Reference}: {advisory.Title}")));
        }
        node["notes"] = notes;
        node["product_status"] = Statuses(v, products);
        if (v.ReleaseDate is { } released) node["release_date"] = CsafDates.Write(released);
        if (v.Remediations.Count > 0)
            node["remediations"] = new JsonArray([.. v.Remediations.Select(r => (JsonNode)Remediation(r))]);
        var v3 = scored.Where(s => CsafScores.FitsCsaf(s.Score)).ToList();
        if (v3.Count > 0)
            node["scores"] = new JsonArray([.. v3.Select(s => (JsonNode)CsafScores.Score(s.Score, s.ProductIds))]);
        if (v.Title is not null) node["title"] = v.Title;
        return node;
    }

    private static JsonObject Statuses(Vulnerability v, IReadOnlyList<Product> products)
    {
        var statuses = v.ProductStatuses.Where(s => s.ProductIds.Count > 0).ToList();
        if (statuses.Count == 0)
        {
            var named = v.Scores.SelectMany(s => s.ProductIds).Concat(v.Remediations.SelectMany(r => r.ProductIds)).Distinct().ToList();
            statuses = [new ProductStatus("known_affected", named.Count > 0 ? named : [.. products.Select(p => p.Id)])];
        }
        var node = new JsonObject();
        foreach (var group in statuses.GroupBy(s => s.Status).OrderBy(g => g.Key, StringComparer.Ordinal))
            node[group.Key] = new JsonArray([.. group.SelectMany(s => s.ProductIds).Distinct().Select(id => (JsonNode)id)]);
        return node;
    }

    private static JsonObject Remediation(Remediation r)
    {
        var node = new JsonObject { ["category"] = r.Category };
        if (r.Date is { } date) node["date"] = CsafDates.Write(date);
        node["details"] = r.Details;
        node["product_ids"] = new JsonArray([.. r.ProductIds.Distinct().Select(id => (JsonNode)id)]);
        if (r.Url is { } url && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed))
            node["url"] = parsed.OriginalString;
        return node;
    }
}
