namespace Forewarn.Tracing.Trace;

/// <summary>
/// Decides, from the leak alone and before any score is computed, which read sites count as
/// unread because a normaliser made their whole variant class uniform (every British spelling
/// made American, every quote double). Deciding from the leak alone keeps the accusation bound:
/// an innocent's codeword is independent of the leak, so of any choice made from it.
/// </summary>
public static class UnreadClasses
{
    /// <summary>The reads with the sites of normalised classes set to null (the same list when none is).</summary>
    public static IReadOnlyList<byte?> Apply(IReadOnlyList<MarkSite> sites, IReadOnlyList<byte?> read)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(read);
        // Issue 16, part "text unread": the rule lands with its tests; until then nothing is set aside.
        return read;
    }
}
