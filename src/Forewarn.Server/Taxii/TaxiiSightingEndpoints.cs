using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Forewarn.Server.Taxii;

/// <summary>
/// TAXII 2.1 Add Objects on the inbound collection, and the status resources it answers with
/// (docs/taxii.md, "Sightings"). A request is refused whole (a TAXII error) when it cannot be
/// taken at all: unknown or read-only collection, a key that may not write, a body that is not a
/// TAXII 2.1 envelope or too large. Otherwise it is 202 with a status saying, object by object,
/// what was stored and what failed, kept so the sender can read it again.
/// </summary>
public static class TaxiiSightingEndpoints
{
    public static void MapTaxiiSightings(this RouteGroupBuilder taxii)
    {
        taxii.MapPost("/api/collections/{id}/objects/", AddObjects)
            .WithSummary("Add STIX 2.1 sightings of objects open to you to the inbound collection (give to get)");
        taxii.MapGet("/api/status/{statusId}/", GetStatus).WithSummary("The status of objects you added");
    }

    private static async Task<ContentHttpResult> AddObjects(string id, HttpContext http, SightingIntake intake, TimeProvider clock, CancellationToken ct)
    {
        if (TaxiiCollection.Is(id))
            return Forbidden($"The collection {TaxiiCollection.Id} is read-only; add sightings to the collection {SightingsCollection.Id} ('{SightingsCollection.Alias}').");
        if (!SightingsCollection.Is(id)) return TaxiiEndpoints.UnknownCollection(id);
        if (TaxiiGate.PartnerOf(http) is not { } partner || !SightingsCollection.CanWrite(http.User))
            return Forbidden($"This API key may not add objects to the collection {SightingsCollection.Id}: that needs a partner key with the scope partner:sightings.");
        if (!IsTaxiiContent(http.Request.ContentType))
            return TaxiiResponses.Error(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type",
                $"Send the objects as a TAXII envelope with Content-Type: {TaxiiMedia.Taxii}, not '{http.Request.ContentType}'.");
        var body = await ReadLimitedAsync(http.Request, BodySizeLimit.Default, ct);
        if (body is null)
            return TaxiiResponses.Error(StatusCodes.Status413PayloadTooLarge, "body-too-large", "Request too large",
                $"The request body is larger than max_content_length ({BodySizeLimit.Default} bytes); send the objects in smaller envelopes.");
        if (EnvelopeObjects(body) is not { } objects)
            return TaxiiResponses.BadRequest("The body must be a TAXII envelope: a JSON object whose 'objects' is a list of STIX objects.");
        var submission = await intake.TakeAsync(partner, http.User.KeyId(), objects, clock.GetUtcNow(), ct);
        // 202: what the spec answers Add Objects with; here the status is already complete.
        return TypedResults.Content(TaxiiStatusResource.Of(submission).ToJsonString(), TaxiiMedia.Taxii, Encoding.UTF8, StatusCodes.Status202Accepted);
    }

    private static async Task<ContentHttpResult> GetStatus(string statusId, HttpContext http, SightingIntake intake, CancellationToken ct)
    {
        var found = TaxiiGate.PartnerOf(http) is { } partner && Guid.TryParse(statusId, out var sid)
            ? await intake.StatusAsync(partner.Id, sid, ct)
            : null;
        return found is null
            ? TaxiiResponses.NotFound($"There is no status '{statusId}' for you.")
            : TaxiiResponses.Ok(TaxiiStatusResource.Of(found));
    }

    private static ContentHttpResult Forbidden(string description) =>
        TaxiiResponses.Error(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", description);

    /// <summary>
    /// Whether the body is declared TAXII 2.1: <c>application/taxii+json;version=2.1</c>, or without
    /// a version (the latest, 2.1 here), as Accept is read.
    /// </summary>
    private static bool IsTaxiiContent(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type)) return false;
        if (!string.Equals(type.MediaType.Value, "application/taxii+json", StringComparison.OrdinalIgnoreCase)) return false;
        var version = type.Parameters.FirstOrDefault(p => p.Name.Equals("version", StringComparison.OrdinalIgnoreCase))?.Value.Value;
        return version is null || version.Trim('"') == TaxiiMedia.Version;
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (declared or not).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + n > limit) return null;
                buffer.Write(chunk, 0, n);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null; // the server's own limit, reached by an undeclared body
        }
        return buffer.ToArray();
    }

    private static JsonArray? EnvelopeObjects(byte[] body)
    {
        try
        {
            if (JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) is not JsonObject envelope) return null;
            return envelope["objects"] switch
            {
                null when !envelope.ContainsKey("objects") => [],
                JsonArray objects => objects,
                _ => null,
            };
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null; // not JSON, or an object with a property twice
        }
    }
}
