using System.Text;

namespace Forewarn.Csaf.Mapping;

/// <summary>
/// Makes a CSAF tracking id into a Forewarn reference: upper case, every character other than
/// A–Z, 0–9 and '-' becomes '-', runs of dashes collapse (RHSA-2019:1862 → RHSA-2019-1862).
/// Forewarn references start with a letter and have at least two parts, so an id that does not
/// (2022-EVD-UC-01-A-001, or one word) is prefixed with CSAF-; at most 40 characters are kept.
/// </summary>
internal static class CsafReference
{
    public const int MaxLength = 40;

    public static string From(string trackingId)
    {
        var text = new StringBuilder();
        foreach (var c in trackingId.Trim().ToUpperInvariant())
        {
            var keep = c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? c : '-';
            if (keep == '-' && (text.Length == 0 || text[^1] == '-')) continue;
            text.Append(keep);
        }
        var reference = text.ToString().TrimEnd('-');
        if (reference.Length == 0) return "CSAF-DOCUMENT";
        if ( reference[0] is < 'A' or > 'Z' || !reference.Contains('-'))
            reference = "CSAF-" + reference;
        if (reference.Length > MaxLength) reference = reference[..MaxLength].TrimEnd('-');
        return reference.TrimEnd('-');
    }
}
