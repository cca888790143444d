using Forewarn.Domain.Common;
using Forewarn.Domain.Cvss;

namespace Forewarn.Domain.Advisories;

/// <summary>
/// The structured part of an advisory that CSAF 2.0 carries: sharing label, notes, references,
/// products and vulnerabilities. <see cref="Checked"/> refuses what would make an invalid
/// document, so every stored advisory exports as a valid one.
/// </summary>
public sealed record AdvisoryDetails(
    TlpLabel Tlp,
    IReadOnlyList<AdvisoryNote> Notes,
    IReadOnlyList<AdvisoryReference> References,
    IReadOnlyList<Product> Products,
    IReadOnlyList<Vulnerability> Vulnerabilities)
{
    public static AdvisoryDetails Empty { get; } = new(TlpLabel.Amber, [], [], [], []);

    /// <summary>Validates every part and returns a normalised copy.</summary>
    public AdvisoryDetails Checked()
    {
        var products = Present(Products).Select(p => Product.Of(p.Id, p.Name, p.Cpe, p.Purl)).ToList();
        var duplicate = products.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DomainException("invalid-product", $"Product id {duplicate.Key} is defined twice.");
        var ids = products.Select(p => p.Id).ToHashSet();
        var vulnerabilities = Present(Vulnerabilities).Select((v, i) => Check(Complete(v), i, ids)).ToList();
        var cves = vulnerabilities.Where(v => v.Cve is not null).GroupBy(v => v.Cve).FirstOrDefault(g => g.Count() > 1);
        if (cves is not null)
            throw new DomainException("invalid-vulnerability", $"{cves.Key} appears in more than one vulnerability.");
        return new AdvisoryDetails(Tlp,
            [.. Present(Notes).Select(n => AdvisoryNote.Of(n.Category, n.Title, n.Text))],
            [.. Present(References).Select(r => AdvisoryReference.Of(r.Url, r.Summary, r.Category))],
            products, vulnerabilities);
    }

    // Details may arrive deserialised from JSON, where any list can be missing or hold nulls.
    private static IEnumerable<T> Present<T>(IEnumerable<T?>? items) where T : class =>
        (items ?? []).Where(x => x is not null)!;

    private static Vulnerability Complete(Vulnerability v) => v with
    {
        Notes = [.. Present(v.Notes)],
        ProductStatuses = [.. Present(v.ProductStatuses).Select(s => s with { ProductIds = [.. Present(s.ProductIds)] })],
        Scores = [.. Present(v.Scores).Select(s => s with { ProductIds = [.. Present(s.ProductIds)] })],
        Remediations = [.. Present(v.Remediations).Select(r => r with { ProductIds = [.. Present(r.ProductIds)] })],
    };

    private static Vulnerability Check(Vulnerability v, int index, HashSet<string> productIds)
    {
        var where = v.Cve ?? $"vulnerability {index + 1}";
        void Known(IEnumerable<string> ids)
        {
            var unknown = ids.FirstOrDefault(id => !productIds.Contains(id));
            if (unknown is not null)
                throw new DomainException("invalid-vulnerability", $"{where} refers to product id {unknown}, which no product has.");
        }

        var statuses = v.ProductStatuses.Where(s => s.ProductIds.Count > 0).ToList();
        foreach (var s in statuses)
        {
            if (!ProductStatus.Statuses.Contains(s.Status))
                throw new DomainException("invalid-vulnerability", $"'{s.Status}' is not a product status ({where}).");
            Known(s.ProductIds);
        }
        // A product cannot be affected, not affected, fixed and under investigation at once (CSAF 6.1.6).
        var contradiction = statuses.Where(s => ProductStatus.GroupOf(s.Status) is not null)
            .SelectMany(s => s.ProductIds.Select(id => (Id: id, Group: ProductStatus.GroupOf(s.Status))))
            .Distinct().GroupBy(x => x.Id).FirstOrDefault(g => g.Count() > 1);
        if (contradiction is not null)
            throw new DomainException("invalid-vulnerability",
                $"Product id {contradiction.Key} cannot be both {string.Join(" and ", contradiction.Select(x => x.Group))} ({where}).");
        foreach (var s in v.Scores)
        {
            Known(s.ProductIds);
            if (s.ProductIds.Count == 0)
                throw new DomainException("invalid-vulnerability", $"A score of {where} names no product.");
            CvssVectors.Score(s.Vector);
        }
        // One score per product and CVSS version (CSAF 6.1.7).
        var twice = v.Scores.SelectMany(s => s.ProductIds.Distinct().Select(id => (Id: id, CvssVectors.Score(s.Vector).Version)))
            .GroupBy(x => x).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new DomainException("invalid-vulnerability",
                $"Product id {twice.Key.Id} has more than one CVSS v{twice.Key.Version} score ({where}).");
        foreach (var r in v.Remediations)
        {
            if (!Remediation.Categories.Contains(r.Category))
                throw new DomainException("invalid-vulnerability", $"'{r.Category}' is not a remediation category ({where}).");
            if (r.ProductIds.Count == 0)
                throw new DomainException("invalid-vulnerability", $"A remediation of {where} names no product.");
            Known(r.ProductIds);
            TextRules.Required(r.Details, "remediation details", 64_000, TextShape.Prose);
        }
        var cwe = v.CweId?.Trim().ToUpperInvariant();
        if (cwe is not null && !System.Text.RegularExpressions.Regex.IsMatch(cwe, @"^CWE-[1-9]\d{0,5}$"))
            throw new DomainException("invalid-vulnerability", $"'{v.CweId}' is not a CWE id such as CWE-79.");
        if ((cwe is null) != string.IsNullOrWhiteSpace(v.CweName))
            throw new DomainException("invalid-vulnerability", $"A CWE needs both its id and its name ({where}).");
        return v with
        {
            Cve = v.Cve is null ? null : CveId.Parse(v.Cve),
            Title = string.IsNullOrWhiteSpace(v.Title) ? null : TextRules.Required(v.Title, "vulnerability title", 500),
            CweId = cwe,
            CweName = cwe is null ? null : v.CweName!.Trim(),
            Notes = [.. v.Notes.Select(n => AdvisoryNote.Of(n.Category, n.Title, n.Text))],
            ProductStatuses = statuses,
            Scores = [.. v.Scores.Select(s => s with { Vector = CvssVectors.Score(s.Vector).Vector })],
        };
    }
}
