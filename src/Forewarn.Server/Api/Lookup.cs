using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Api;

/// <summary>Finds what a request names, or refuses with a not-found problem.</summary>
internal static class Lookup
{
    public static async Task<Partner> PartnerAsync(this ForewarnDb db, string id, CancellationToken ct) =>
        PartnerId.TryParse(id, out var pid) && await db.Partners.FirstOrDefaultAsync(p => p.Id == pid, ct) is { } p
            ? p
            : throw new NotFoundException("partner", id);

    /// <summary>An advisory by its id or its reference (FW-2026-0001).</summary>
    public static async Task<Advisory> AdvisoryAsync(this ForewarnDb db, string idOrReference, CancellationToken ct)
    {
        Advisory? found;
        if (AdvisoryId.TryParse(idOrReference, out var id))
            found = await db.Advisories.FirstOrDefaultAsync(a => a.Id == id, ct);
        else
        {
            var reference = idOrReference.Trim().ToUpperInvariant();
            found = await db.Advisories.FirstOrDefaultAsync(a => a.Reference == reference, ct);
        }
        return found ?? throw new NotFoundException("advisory", idOrReference);
    }

    public static async Task<Artifact> ArtifactAsync(this ForewarnDb db, string id, CancellationToken ct) =>
        ArtifactId.TryParse(id, out var aid) && await db.Artifacts.FirstOrDefaultAsync(a => a.Id == aid, ct) is { } a
            ? a
            : throw new NotFoundException("artifact", id);
}
