using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Csaf.Mapping;
using Forewarn.Csaf.Validation;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Publishing;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Forewarn.Server.Publishing;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Api;

/// <summary>CSAF 2.0 in and out: validate a document, import one as a draft advisory, export an advisory.</summary>
public static class CsafEndpoints
{
    public static void MapCsaf(this IEndpointRouteBuilder api)
    {
        var csaf = api.MapGroup("/csaf").WithTags("CSAF");
        csaf.MapPost("/validate", Validate).RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Validate a CSAF 2.0 document: JSON schema and the mandatory tests of section 6.1")
            .Accepts<JsonObject>("application/json");
        csaf.MapPost("/import", Import).RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Import a valid CSAF 2.0 document as a draft advisory; reports what Forewarn does not hold")
            .Accepts<JsonObject>("application/json");
        api.MapGet("/advisories/{id}/csaf", Export).WithTags("CSAF").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("The advisory as a CSAF 2.0 csaf_security_advisory document as of now: interim before release, the public final document after")
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/json");
    }

    private static async Task<Ok<CsafValidationDto>> Validate(HttpRequest request, CancellationToken ct)
    {
        var result = CsafValidator.Validate(await ReadAsync(request, ct));
        return TypedResults.Ok(Dto(result));
    }

    private static async Task<Results<Created<CsafImportDto>, ProblemHttpResult>> Import(HttpRequest request, ForewarnDb db,
        TimeProvider clock, ClaimsPrincipal user, string? reference, DateTimeOffset? releaseAt, CancellationToken ct)
    {
        var text = await ReadAsync(request, ct);
        var validation = CsafValidator.Validate(text);
        if (!validation.IsValid)
        {
            return Problem.Of(StatusCodes.Status422UnprocessableEntity, "invalid-csaf",
                $"The document is not valid CSAF 2.0 ({Counted.Of(validation.Failures.Count, "failure", "failures")}); nothing was imported.",
                new Dictionary<string, object?> { ["failures"] = Dto(validation).Failures });
        }
        var imported = CsafImport.Read(JsonNode.Parse(text)!);
        var now = clock.GetUtcNow();
        var advisory = Advisory.Create(reference ?? imported.Reference, imported.Title, imported.Summary, imported.CveIds,
            [], imported.CvssVector, releaseAt ?? imported.ReleaseAt, now, user.Actor(), imported.Details);
        if (await db.Advisories.AnyAsync(a => a.Reference == advisory.Reference, ct))
            throw new ConflictException("duplicate",
                $"An advisory with reference {advisory.Reference} already exists; import the document under another reference.");
        db.Advisories.Add(advisory);
        await db.SaveChangesAsync(ct);
        var dto = await AdvisoryEndpoints.DtoAsync(db, advisory, now, ct);
        return TypedResults.Created($"/api/v1/advisories/{advisory.Reference}", new CsafImportDto(dto, imported.NotHeld));
    }

    private static async Task<IResult> Export(string id, ForewarnDb db, TimeProvider clock, ReleasePublisher publisher, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        // After release the document of record is the public one, as the provider directory serves it.
        var document = ReleaseSchedule.PublicVersionAt(advisory, now) > 0
            ? CsafExport.Public(advisory, publisher.Publisher(), now)
            : CsafExport.Embargoed(advisory, waves, publisher.Publisher(), now);
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
            using var _ = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new DomainException("malformed-json", $"The body is not JSON: {e.Message}");
        }
        return text;
    }
}
