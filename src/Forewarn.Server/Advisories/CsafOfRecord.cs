using System.Text.Json.Nodes;
using Forewarn.Csaf.Mapping;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Publishing;
using Forewarn.Server.Publishing;

namespace Forewarn.Server.Advisories;

/// <summary>
/// The advisory's CSAF 2.0 document as of a moment, as <c>GET /api/v1/advisories/{id}/csaf</c>
/// answers it and the staff portal previews it: the interim document before release, the public one after.
/// </summary>
public static class CsafOfRecord
{
    public static JsonObject Of(Advisory advisory, IReadOnlyCollection<Wave> waves, ReleasePublisher publisher, DateTimeOffset now) =>
        // After release the document of record is the public one, as the provider directory serves it.
        ReleaseSchedule.PublicVersionAt(advisory, now) > 0
            ? CsafExport.Public(advisory, publisher.Publisher(), now)
            : CsafExport.Embargoed(advisory, waves, publisher.Publisher(), now);
}
