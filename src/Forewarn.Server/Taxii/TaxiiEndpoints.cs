using System.Security.Claims;
using System.Text.Json.Nodes;
using Forewarn.Server.Problems;
using Forewarn.Server.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Taxii;

/// <summary>
/// The TAXII 2.1 service (docs/taxii.md): discovery, one API root, the read-only collection and
/// its objects, versions and manifest, and the inbound collection partners add sightings to.
/// Every answer is <c>application/taxii+json;version=2.1</c>.
/// </summary>
public static class TaxiiEndpoints
{
    public const string Root = "/taxii2";
    public const string ApiRoot = Root + "/api";

    public static void MapTaxii(this IEndpointRouteBuilder app)
    {
        var taxii = app.MapGroup(Root).WithTags("TAXII").RequireAuthorization(TaxiiAccess.Policy).AddEndpointFilter(TaxiiGate.CheckAsync);
        taxii.MapGet("/", Discovery).WithSummary("TAXII discovery: the server and its API roots");
        taxii.MapGet("/api/", ApiRootInfo).WithSummary("TAXII API root");
        taxii.MapGet("/api/collections/", Collections).WithSummary("TAXII collections: your entitled intelligence (read) and sightings (inbound)");
        taxii.MapGet("/api/collections/{id}/", Collection).WithSummary("TAXII collection");
        taxii.MapTaxiiObjects();
        taxii.MapTaxiiSightings();
    }

    private static ContentHttpResult Discovery(HttpRequest request, CsafSettings settings)
    {
        var root = settings.BaseUrl(request) + ApiRoot + "/";
        return TaxiiResponses.Ok(new JsonObject
        {
            ["title"] = $"{settings.DisplayName} early warning (Forewarn)",
            ["description"] = "Embargoed vulnerability intelligence shared with programme partners under their entitlement, as STIX 2.1.",
            ["contact"] = settings.DisplayContact,
            ["default"] = root,
            ["api_roots"] = new JsonArray(root),
        });
    }

    private static ContentHttpResult ApiRootInfo(CsafSettings settings) => TaxiiResponses.Ok(new JsonObject
    {
        ["title"] = "Forewarn",
        ["description"] = $"The early warning programme of {settings.DisplayName}: read what is open to you; add sightings of it.",
        ["versions"] = new JsonArray(TaxiiMedia.Taxii),
        ["max_content_length"] = BodySizeLimit.Default,
    });

    private static ContentHttpResult Collections(ClaimsPrincipal user) =>
        TaxiiResponses.Ok(new JsonObject { ["collections"] = new JsonArray(TaxiiCollection.Describe(user), SightingsCollection.Describe(user)) });

    private static ContentHttpResult Collection(string id, ClaimsPrincipal user) =>
        TaxiiCollection.Is(id) ? TaxiiResponses.Ok(TaxiiCollection.Describe(user))
        : SightingsCollection.Is(id) ? TaxiiResponses.Ok(SightingsCollection.Describe(user))
        : UnknownCollection(id);

    /// <summary>
    /// The answer for a collection that cannot be read: 404 for one that does not exist, 403 for
    /// the inbound collection, which exists but is write-only (can_read false).
    /// </summary>
    internal static ContentHttpResult UnknownCollection(string id) => SightingsCollection.Is(id)
        ? TaxiiResponses.Error(StatusCodes.Status403Forbidden, "forbidden", "Forbidden",
            $"The collection {SightingsCollection.Id} is write-only: add sightings to it; read from {TaxiiCollection.Id}.")
        : TaxiiResponses.NotFound($"There is no collection '{id}' here; the collections are {TaxiiCollection.Id} (read) and {SightingsCollection.Id} (sightings, write).");
}
