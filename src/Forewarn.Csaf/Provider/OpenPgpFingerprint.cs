using System.Text.RegularExpressions;

namespace Forewarn.Csaf.Provider;

/// <summary>Checks and normalises the fingerprints listed in provider-metadata.json.</summary>
internal static partial class OpenPgpFingerprint
{
    [GeneratedRegex("^(?:[0-9A-F]{40}|[0-9A-F]{64})$")]
    private static partial Regex Shape();

    /// <summary>Upper-case hex of a version 4 (40 digits) or version 6 (64 digits) fingerprint.</summary>
    public static string Normalize(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var upper = fingerprint.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!Shape().IsMatch(upper))
        {
            throw new ArgumentException("An OpenPGP fingerprint is 40 (or 64) hex digits.", nameof(fingerprint));
        }
        return upper;
    }
}
