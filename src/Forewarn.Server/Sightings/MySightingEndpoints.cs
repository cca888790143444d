using System.Globalization;
using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Domain.Sightings;
using Forewarn.Server.Api;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Sightings;

/// <summary>
/// A partner reports a sighting without STIX — JSON, or a multipart form with the sample as a file —
/// and lists its own sightings (<see cref="MySightingService"/>; the portal's sightings page calls the same).
/// </summary>
public static class MySightingEndpoints
{
    public const string Path = "/api/v1/me/sightings";

    public static void MapMySightings(this IEndpointRouteBuilder api)
    {
        api.MapPost("/me/sightings", Report).WithTags("Partner").RequireAuthorization(AccessPolicies.PartnerSightings)
            // One Accepts for both: routing answers 415 to any other content type.
            .Accepts<NewPartnerSighting>("application/json", "multipart/form-data")
            .WithSummary("Report exploitation of an advisory open to me, optionally with a sample (UTF-8 text or code, at most 256 KiB) "
                + "as text, base64 or a file; staff see it with its sample's trace")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Forbidden);
        api.MapGet("/me/sightings", Mine).WithTags("Partner").RequireAuthorization(AccessPolicies.PartnerSightings)
            .WithSummary("My organisation's sightings, over TAXII, through the API and in the portal, newest first");
    }

    private static async Task<Created<MySightingDto>> Report(HttpRequest request, PartnerView view, MySightingService sightings, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var partner = await view.PartnerAsync(partnerId, ct) ?? throw new NotFoundException("partner", partnerId.ToString());
        var (body, file) = await ReadAsync(request, ct);
        var saved = await sightings.ReportAsync(partner, body, file, MySightingService.Api, Actor.Of(user), ct);
        return TypedResults.Created($"{Path}/{saved.Id}", saved);
    }

    private static async Task<Ok<List<MySightingDto>>> Mine(MySightingService sightings, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await sightings.MineAsync(user.PartnerId(), ct));

    private static async Task<(NewPartnerSighting Body, SampleUpload? File)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasJsonContentType())
            return (await request.ReadFromJsonAsync<NewPartnerSighting>(ct) ?? new NewPartnerSighting(null, null, null, null, null), null);
        if (!request.HasFormContentType)
            throw new DomainException("unsupported-media-type", "Send the sighting as application/json or as multipart/form-data (with the sample as a file).");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e)
        {
            throw new DomainException("malformed-form", $"The form could not be read: {e.Message}");
        }
        var body = new NewPartnerSighting(form["advisory"], FirstSeen(form["firstSeenAt"]), form["seenWhere"], form["description"], null);
        var sample = form.Files.GetFile("sample");
        if (sample is null || sample.Length == 0 && string.IsNullOrEmpty(sample.FileName)) return (body, null);
        return (body, new SampleUpload(await FormFiles.ReadUpToAsync(sample, StaffSighting.MaxSampleBytes, ct), sample.FileName, sample.ContentType));
    }

    /// <summary>A form's time (ISO 8601); absent is left to the service to refuse.</summary>
    internal static DateTimeOffset? FirstSeen(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new InvalidFieldException("first seen time", $"'{(text.Length > 40 ? text[..40] + "…" : text.Trim())}' is not a time; give it as 2026-12-01T14:00Z.",
                "invalid-first-seen");
    }
}
