namespace Forewarn.Server.Portal.Accounts;

/// <summary>How a key's fingerprint is shown to people: in groups of four, as GnuPG prints it, so that it can be compared by eye.</summary>
public static class Fingerprints
{
    public static string Grouped(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return string.Join(' ', fingerprint.Chunk(4).Select(c => new string(c)));
    }
}
