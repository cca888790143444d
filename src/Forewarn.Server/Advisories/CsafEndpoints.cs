using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Csaf.Mapping;
using Forewarn.Csaf.Validation;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Forewarn.Server.Api;
using Forewarn.Server.Publishing;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Advisories;

/// <summary>CSAF 2.0 in and out: validate a document, import one as a draft advisory, export an advisory.</summary>
public static class CsafEndpoints
{
    public static void MapCsaf(this IEndpointRouteBuilder api)
    {
        var csaf = api.MapGroup("/csaf").WithTags("CSAF");
        csaf.MapPost("/validate", Validate).RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Validate a CSAF 2.0 document: JSON schema and the mandatory tests of section 6.1")
            .Accepts<JsonObject>("application/json").Refuses(ErrorCategory.Invalid);
        csaf.MapPost("/import", Import).RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Import a valid CSAF 2.0 document as a draft advisory; reports what Forewarn does not hold")
            .Accepts<JsonObject>("application/json").Refuses(ErrorCategory.Invalid, ErrorCategory.Unprocessable, ErrorCategory.Conflict);
        api.MapGet("/advisories/{id}/csaf", Export).WithTags("CSAF").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("The advisory as a CSAF 2.0 csaf_security_advisory document as of now: interim before release, the public final document after")
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/json").Refuses(ErrorCategory.NotFound);
    }

    private static async Task<Ok<CsafValidationDto>> Validate(HttpRequest request, ForewarnDb db, TimeProvider clock, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var text = await ReadAsync(request, ct);
        var result = CsafValidator.Validate(text);
        // Staff looked at a document: which one (by its hash) and the verdict.
        db.Stage(LogEvents.CsafValidated(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), result.IsValid,
            result.Failures.Count, clock.GetUtcNow(), Actor.Of(user)));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto(result));
    }

    private static async Task<Created<CsafImportDto>> Import(HttpRequest request, AdvisoryService advisories, ClaimsPrincipal user,
        string? reference, DateTimeOffset? releaseAt, CancellationToken ct)
    {
        var (advisory, notHeld) = await advisories.ImportAsync(await ReadAsync(request, ct), reference, releaseAt, Actor.Of(user), ct);
        return TypedResults.Created($"/api/v1/advisories/{advisory.Reference}", new CsafImportDto(await advisories.ViewAsync(advisory, ct), notHeld));
    }

    private static async Task<IResult> Export(string id, ForewarnDb db, TimeProvider clock, ReleasePublisher publisher, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).ToListAsync(ct);
        var document = CsafOfRecord.Of(advisory, waves, publisher, clock.GetUtcNow());
        return Results.Bytes(CsafExport.Bytes(document), "application/json",
            fileDownloadName: null, enableRangeProcessing: false);
    }

    private static CsafValidationDto Dto(CsafValidation v) =>
        new(v.IsValid, [.. v.Failures.Select(f => new CsafFailureDto(f.Test, f.Pointer, f.Message))]);

    private static async Task<string> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
            throw new DomainException("empty-body", "Send the CSAF document as the JSON body of the request.");
        try
        {
            using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new DomainException("malformed-json", $"The body is not JSON: {e.Message}");
        }
        return text;
    }
}
