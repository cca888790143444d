using Forewarn.Domain.Advisories;

namespace Forewarn.Server.Taxii;

/// <summary>
/// Which fingerprinted artifacts travel over TAXII as each partner's own marked copy. Prose always
/// does. A PoC does up to <see cref="MaxPocBytes"/>: a larger one costs seconds to prepare after a
/// restart and to check per copy (docs/tracing.md, "Speed"), and a TAXII page that waits for it
/// waits for every object on it — so its object only points to the copy the partner API serves.
/// The rule reads only the artifact, so an artifact's objects never change kind between requests.
/// </summary>
public static class TaxiiCopies
{
    /// <summary>The largest PoC (in bytes, as uploaded) whose copies travel in STIX: about 800 lines.</summary>
    public const long MaxPocBytes = 32 * 1024;

    public static bool Travel(Artifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return artifact.Class != ContentClass.Poc || artifact.Size <= MaxPocBytes;
    }
}
