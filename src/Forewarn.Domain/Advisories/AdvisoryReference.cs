using Forewarn.Domain.Common;

namespace Forewarn.Domain.Advisories;

/// <summary>A link to further reading: CSAF 2.0's reference with category external or self.</summary>
public sealed record AdvisoryReference(string Url, string Summary, string Category)
{
    public static AdvisoryReference Of(string? url, string? summary, string? category)
    {
        var c = string.IsNullOrWhiteSpace(category) ? "external" : category.Trim().ToLowerInvariant();
        if (c is not ("external" or "self"))
            throw new DomainException("invalid-reference-link", $"'{category}' is not a reference category; use external or self.");
        var u = url?.Trim() ?? "";
        if (!Uri.TryCreate(u, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http"))
            throw new DomainException("invalid-reference-link", $"'{url}' is not an absolute http(s) URL.");
        return new AdvisoryReference(u, TextRules.Required(summary, "reference summary", 1000, TextShape.Prose), c);
    }
}
