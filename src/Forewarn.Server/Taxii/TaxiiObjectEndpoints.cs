using System.Text.Json.Nodes;
using Forewarn.Server.Api;
using Forewarn.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Taxii;

/// <summary>
/// The collection's content: objects (an envelope), one object's versions, and the manifest.
/// What a partner gets is decided by the entitlement policy at the moment of the request; an
/// object that is not open yet is simply absent. Serving objects records a content access.
/// </summary>
public static class TaxiiObjectEndpoints
{
    private const string Objects = "/api/collections/{id}/objects/";

    public static void MapTaxiiObjects(this RouteGroupBuilder taxii)
    {
        taxii.MapGet(Objects, GetObjects).WithSummary("STIX objects open to you, paged (added_after, limit, next, match[...])");
        taxii.MapGet(Objects + "{objectId}/", GetObject).WithSummary("One STIX object's versions open to you");
        taxii.MapGet(Objects + "{objectId}/versions/", GetVersions).WithSummary("The versions of one STIX object");
        taxii.MapGet("/api/collections/{id}/manifest/", GetManifest).WithSummary("What the collection holds for you, without the objects");
    }

    private static async Task<ContentHttpResult> GetObjects(string id, HttpContext http, EntitledObjects entitled, TimeProvider clock, CancellationToken ct)
    {
        if (!TaxiiCollection.Is(id)) return TaxiiEndpoints.UnknownCollection(id);
        var (filter, error) = TaxiiFilter.Read(http.Request.Query, allowMatchIdType: true, allowVersion: true);
        if (filter is null) return TaxiiResponses.BadRequest(error!);
        var now = clock.GetUtcNow();
        var (page, pageError) = TaxiiPage.Of(await ReadAsync(http, entitled, now, ct), filter, "objects", http.Request.Query);
        if (page is null) return TaxiiResponses.BadRequest(pageError!);
        var objects = await ServeAsync(http, entitled, page, now, ct);
        page.WriteHeaders(http.Response);
        return TaxiiResponses.Ok(Envelope(page, "objects", objects));
    }

    private static async Task<ContentHttpResult> GetObject(string id, string objectId, HttpContext http, EntitledObjects entitled, TimeProvider clock, CancellationToken ct)
    {
        if (!TaxiiCollection.Is(id)) return TaxiiEndpoints.UnknownCollection(id);
        var (filter, error) = TaxiiFilter.Read(http.Request.Query, allowMatchIdType: false, allowVersion: true);
        if (filter is null) return TaxiiResponses.BadRequest(error!);
        var now = clock.GetUtcNow();
        var all = (await ReadAsync(http, entitled, now, ct)).VersionsOf(objectId);
        if (all.Count == 0) return UnknownObject(objectId);
        var (page, pageError) = TaxiiPage.Of(new OrderedObjects(all), filter, "object " + objectId, http.Request.Query);
        if (page is null) return TaxiiResponses.BadRequest(pageError!);
        var objects = await ServeAsync(http, entitled, page, now, ct);
        page.WriteHeaders(http.Response);
        return TaxiiResponses.Ok(Envelope(page, "objects", objects));
    }

    private static async Task<ContentHttpResult> GetVersions(string id, string objectId, HttpContext http, EntitledObjects entitled, TimeProvider clock, CancellationToken ct)
    {
        if (!TaxiiCollection.Is(id)) return TaxiiEndpoints.UnknownCollection(id);
        var (filter, error) = TaxiiFilter.Read(http.Request.Query, allowMatchIdType: false, allowVersion: false);
        if (filter is null) return TaxiiResponses.BadRequest(error!);
        var all = (await ReadAsync(http, entitled, clock.GetUtcNow(), ct)).VersionsOf(objectId);
        if (all.Count == 0) return UnknownObject(objectId);
        var (page, pageError) = TaxiiPage.Of(new OrderedObjects(all), filter with { Versions = ["all"] }, "versions " + objectId, http.Request.Query);
        if (page is null) return TaxiiResponses.BadRequest(pageError!);
        page.WriteHeaders(http.Response);
        return TaxiiResponses.Ok(Envelope(page, "versions", page.Items.Select(o => (JsonNode)o.VersionText)));
    }

    private static async Task<ContentHttpResult> GetManifest(string id, HttpContext http, EntitledObjects entitled, TimeProvider clock, CancellationToken ct)
    {
        if (!TaxiiCollection.Is(id)) return TaxiiEndpoints.UnknownCollection(id);
        var (filter, error) = TaxiiFilter.Read(http.Request.Query, allowMatchIdType: true, allowVersion: true);
        if (filter is null) return TaxiiResponses.BadRequest(error!);
        var (page, pageError) = TaxiiPage.Of(await ReadAsync(http, entitled, clock.GetUtcNow(), ct), filter, "manifest", http.Request.Query);
        if (page is null) return TaxiiResponses.BadRequest(pageError!);
        page.WriteHeaders(http.Response);
        return TaxiiResponses.Ok(Envelope(page, "objects", page.Items.Select(o => (JsonNode)new JsonObject
        {
            ["id"] = o.Id,
            ["date_added"] = TaxiiTime.Format(o.DateAdded),
            ["version"] = o.VersionText,
            ["media_type"] = TaxiiMedia.Stix,
        })));
    }

    private static async Task<OrderedObjects> ReadAsync(HttpContext http, EntitledObjects entitled, DateTimeOffset now, CancellationToken ct) =>
        TaxiiGate.PartnerOf(http) is { } partner
            ? await entitled.ForPartnerAsync(partner, now, ct)
            : await entitled.ForStaffAsync(ct);

    /// <summary>
    /// The page's objects as the caller gets them: for a partner, recorded before they leave and
    /// with its own copies put in (<see cref="EntitledObjects.ServeAsync"/>); for staff, as they are.
    /// </summary>
    private static async Task<IReadOnlyList<JsonNode>> ServeAsync(HttpContext http, EntitledObjects entitled, TaxiiPage page, DateTimeOffset now,
        CancellationToken ct)
    {
        if (TaxiiGate.PartnerOf(http) is not { } partner) return [.. page.Items.Select(o => (JsonNode)o.Body.DeepClone())];
        var origin = await http.RequestServices.GetRequiredService<RequestOrigins>().OfAsync(http);
        var served = await entitled.ServeAsync(partner, http.User.KeyId(), origin, page.Items, now, ct);
        // The log entries of what this answer carries; their receipts are at /api/v1/me/log/entries/{index}/receipt.
        if (served.Logged.Count > 0) http.Response.Headers[MeEndpoints.LogIndexHeader] = string.Join(",", served.Logged.Select(l => l.Index));
        return served.Objects;
    }

    private static ContentHttpResult UnknownObject(string objectId) =>
        TaxiiResponses.NotFound($"The collection holds no object '{objectId}' for you now.");

    /// <summary>The TAXII envelope: more, next when more follow, and the list only when it has something.</summary>
    private static JsonObject Envelope(TaxiiPage page, string listName, IEnumerable<JsonNode> items)
    {
        var envelope = new JsonObject { ["more"] = page.More };
        if (page.Next is not null) envelope["next"] = page.Next;
        var list = new JsonArray([.. items]);
        if (list.Count > 0) envelope[listName] = list;
        return envelope;
    }
}
