using System.Security.Claims;
using System.Text.Json.Nodes;
using Forewarn.Server.Problems;
using Forewarn.Server.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Taxii;

/// <summary>
/// The TAXII 2.1 read side (docs/taxii.md): discovery, one API root, one read-only collection and
/// its objects, versions and manifest. Every answer is <c>application/taxii+json;version=2.1</c>.
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
        taxii.MapGet("/api/collections/", Collections).WithSummary("TAXII collections: the one read collection of your entitled intelligence");
        taxii.MapGet("/api/collections/{id}/", Collection).WithSummary("TAXII collection");
        taxii.MapTaxiiObjects();
    }

    private static ContentHttpResult Discovery(HttpRequest request, CsafSettings settings)
    {
        var root = settings.BaseUrl(request) + ApiRoot + "/";
        return TaxiiResponses.Ok(new JsonObject
        {
            ["title"] = $"{settings.PublisherName} early warning (Forewarn)",
            ["description"] = "Embargoed vulnerability intelligence shared with programme partners under their entitlement, as STIX 2.1.",
            ["contact"] = settings.ContactDetails,
            ["default"] = root,
            ["api_roots"] = new JsonArray(root),
        });
    }

    private static ContentHttpResult ApiRootInfo(CsafSettings settings) => TaxiiResponses.Ok(new JsonObject
    {
        ["title"] = "Forewarn",
        ["description"] = $"The early warning programme of {settings.PublisherName}: read-only.",
        ["versions"] = new JsonArray(TaxiiMedia.Taxii),
        ["max_content_length"] = BodySizeLimit.Default,
    });

    private static ContentHttpResult Collections(ClaimsPrincipal user) =>
        TaxiiResponses.Ok(new JsonObject { ["collections"] = new JsonArray(TaxiiCollection.Describe(user)) });

    private static ContentHttpResult Collection(string id, ClaimsPrincipal user) =>
        TaxiiCollection.Is(id) ? TaxiiResponses.Ok(TaxiiCollection.Describe(user)) : UnknownCollection(id);

    internal static ContentHttpResult UnknownCollection(string id) =>
        TaxiiResponses.NotFound($"There is no collection '{id}' here; the one collection is {TaxiiCollection.Id}.");
}
