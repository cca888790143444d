using Forewarn.Domain.Common;

namespace Forewarn.Domain.Cvss;

/// <summary>A CVSS vector of any version Forewarn scores, with its base score.</summary>
public sealed record CvssScore(string Vector, string Version, double BaseScore, string Severity);

/// <summary>Parses CVSS v3.0, v3.1 and v4.0 vectors, whichever the text is.</summary>
public static class CvssVectors
{
    public static CvssScore Score(string? vector)
    {
        var text = vector?.Trim() ?? "";
        if (text.StartsWith("CVSS:4.0/", StringComparison.Ordinal))
        {
            var v4 = CvssV40.Parse(text);
            return new CvssScore(v4.Vector, "4.0", v4.Score, v4.Severity);
        }
        if (text.StartsWith("CVSS:3.", StringComparison.Ordinal))
        {
            var v3 = CvssV31.Parse(text);
            return new CvssScore(v3.Vector, v3.Version, v3.BaseScore, v3.Severity);
        }
        throw new DomainException("invalid-cvss-vector",
            $"'{vector}' is not a CVSS vector; write a CVSS v3.1 (CVSS:3.1/AV:N/...) or v4.0 (CVSS:4.0/AV:N/...) vector.");
    }
}
