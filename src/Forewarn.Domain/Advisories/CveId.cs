using System.Text.RegularExpressions;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Advisories;

/// <summary>CVE identifiers: CVE-YYYY-NNNN with four or more digits.</summary>
public static partial class CveId
{
    [GeneratedRegex(@"^CVE-(19|20)\d{2}-\d{4,19}$")]
    private static partial Regex Shape();

    public static string Parse(string? text)
    {
        var t = text?.Trim().ToUpperInvariant() ?? "";
        return Shape().IsMatch(t)
            ? t
            : throw new DomainException("invalid-cve-id", $"'{text}' is not a CVE id; write it as CVE-2025-53770.");
    }
}
