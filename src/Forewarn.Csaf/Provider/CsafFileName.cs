using System.Text;

namespace Forewarn.Csaf.Provider;

/// <summary>
/// The file name of a CSAF document (CSAF 2.0 section 5.1, required by requirement 2).
/// </summary>
public static class CsafFileName
{
    /// <summary>The extension every CSAF document file name ends with.</summary>
    public const string Extension = ".json";

    /// <summary>
    /// The file name for <paramref name="trackingId"/> (<c>/document/tracking/id</c>): lower-cased,
    /// every run of characters outside <c>a-z 0-9 + -</c> replaced by one underscore, then
    /// <c>.json</c>. <c>RHSA-2019:1862</c> becomes <c>rhsa-2019_1862.json</c>, <c>2022_#01-A</c>
    /// becomes <c>2022_01-a.json</c> (the underscore itself is replaced, so runs collapse).
    /// </summary>
    /// <exception cref="ArgumentException">The tracking id is empty or only white space.</exception>
    public static string For(string trackingId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingId);
        // Step 1 (lower case) comes before step 2, as the standard demands; the invariant culture
        // lower-cases like the reference checker (Go's strings.ToLower) for every character that survives.
        var lower = trackingId.ToLowerInvariant();
        var name = new StringBuilder(lower.Length + Extension.Length);
        var inRun = false;
        foreach (var c in lower)
        {
            if (IsKept(c))
            {
                name.Append(c);
                inRun = false;
            }
            else if (!inRun)
            {
                name.Append('_');
                inRun = true;
            }
        }
        return name.Append(Extension).ToString();
    }

    private static bool IsKept(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '-';
}
