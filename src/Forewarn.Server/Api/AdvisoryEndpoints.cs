using System.Security.Claims;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Publishing;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Publishing;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Api;

/// <summary>Staff author advisories and move them through their life cycle.</summary>
public static class AdvisoryEndpoints
{
    public static void MapAdvisories(this IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/advisories").WithTags("Advisories").RequireAuthorization(AccessPolicies.StaffRead);
        var write = api.MapGroup("/advisories").WithTags("Advisories").RequireAuthorization(AccessPolicies.StaffWrite);
        read.MapGet("/", List).WithSummary("List advisories with their state now");
        read.MapGet("/{id}", Show).WithSummary("Show an advisory (by id or reference) with artifacts, waves and revisions");
        write.MapPost("/", Create).WithSummary("Create a draft advisory");
        write.MapPatch("/{id}", Revise).WithSummary("Revise an advisory's description, CVEs, products or CVSS vector");
        write.MapPut("/{id}/details", Describe).WithSummary("Replace the CSAF-shaped details: TLP label, notes, references, products, vulnerabilities");
        write.MapPost("/{id}/schedule", Schedule).WithSummary("Schedule a draft for its coordinated release time");
        write.MapPost("/{id}/release-time", MoveRelease).WithSummary("Move the coordinated release time before release");
        write.MapPost("/{id}/withdraw", Withdraw).WithSummary("Withdraw an advisory: nothing of it is served any more");
    }

    private static async Task<Ok<List<AdvisorySummaryDto>>> List(ForewarnDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var advisories = await db.Advisories.AsNoTracking().ToListAsync(ct);
        var waves = (await db.Waves.AsNoTracking().ToListAsync(ct)).ToLookup(w => w.AdvisoryId);
        var artifactCounts = await db.Artifacts.AsNoTracking().GroupBy(a => a.AdvisoryId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return TypedResults.Ok(advisories.OrderByDescending(a => a.ReleaseAt).Select(a => new AdvisorySummaryDto(
            a.Id.Value, a.Reference, a.Title, a.StateAt(now, waves[a.Id]).Name(), a.ReleaseAt, a.CveIds, a.CvssScore,
            artifactCounts.GetValueOrDefault(a.Id), waves[a.Id].Count())).ToList());
    }

    private static async Task<Ok<AdvisoryDto>> Show(string id, ForewarnDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await DtoAsync(db, await db.AdvisoryAsync(id, ct), clock.GetUtcNow(), ct));

    private static async Task<Created<AdvisoryDto>> Create(NewAdvisory body, ForewarnDb db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var releaseAt = body.ReleaseAt ?? throw new DomainException("invalid-field", "An advisory needs a releaseAt: its coordinated release time.");
        var advisory = Advisory.Create(body.Reference, body.Title, body.Summary, body.CveIds, body.Products, body.CvssVector,
            releaseAt, now, user.Actor());
        if (await db.Advisories.AnyAsync(a => a.Reference == advisory.Reference, ct))
            throw new ConflictException("duplicate", $"An advisory with reference {advisory.Reference} already exists.");
        db.Advisories.Add(advisory);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/advisories/{advisory.Reference}", await DtoAsync(db, advisory, now, ct));
    }

    private static async Task<Ok<AdvisoryDto>> Revise(string id, AdvisoryChanges body, ForewarnDb db, TimeProvider clock,
        ClaimsPrincipal user, ReleaseSignal signal, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var now = clock.GetUtcNow();
        advisory.Revise(body.Title ?? advisory.Title, body.Summary ?? advisory.Summary, body.CveIds ?? advisory.CveIds,
            body.Products ?? advisory.AffectedProducts, body.CvssVector ?? advisory.CvssVector, body.Change, now, user.Actor());
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return TypedResults.Ok(await DtoAsync(db, advisory, now, ct));
    }

    private static async Task<Ok<AdvisoryDto>> Describe(string id, DetailsChange body, ForewarnDb db, TimeProvider clock,
        ClaimsPrincipal user, ReleaseSignal signal, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var now = clock.GetUtcNow();
        var d = body.Details ?? throw new DomainException("invalid-field", "Give the details: tlp, notes, references, products, vulnerabilities.");
        var details = new AdvisoryDetails(d.Tlp is null ? advisory.Tlp : TlpLabels.Parse(d.Tlp), d.Notes ?? [], d.References ?? [],
            d.Products ?? advisory.Products, d.Vulnerabilities ?? []);
        advisory.Describe(details, body.Change, now, user.Actor());
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return TypedResults.Ok(await DtoAsync(db, advisory, now, ct));
    }

    private static async Task<Ok<AdvisoryDto>> Schedule(string id, ForewarnDb db, TimeProvider clock, ClaimsPrincipal user,
        ReleaseSignal signal, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var now = clock.GetUtcNow();
        advisory.Schedule(now, user.Actor());
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return TypedResults.Ok(await DtoAsync(db, advisory, now, ct));
    }

    private static async Task<Ok<AdvisoryDto>> MoveRelease(string id, ReleaseTimeChange body, ForewarnDb db, TimeProvider clock,
        ClaimsPrincipal user, AdvisoryAudience audience, ReleaseSignal signal, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var now = clock.GetUtcNow();
        var at = body.ReleaseAt ?? throw new DomainException("invalid-field", "Give the new releaseAt.");
        var old = advisory.ReleaseAt;
        var told = await audience.WhoKnowsAsync(advisory, now, ct);
        advisory.MoveRelease(at, body.Reason, now, user.Actor());
        var kind = advisory.ReleaseAt > old ? "postponed" : "brought forward";
        await audience.TellAsync(advisory, told, NoticeKind.Postponed,
            $"The release of {advisory.Reference} is {kind} from {Moments.Show(old)} to {Moments.Show(advisory.ReleaseAt)}: {body.Reason?.Trim()}",
            now, ct);
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return TypedResults.Ok(await DtoAsync(db, advisory, now, ct));
    }

    private static async Task<Ok<AdvisoryDto>> Withdraw(string id, Withdrawal body, ForewarnDb db, TimeProvider clock,
        ClaimsPrincipal user, AdvisoryAudience audience, ReleaseSignal signal, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var now = clock.GetUtcNow();
        var released = advisory.ScheduledAt is not null && now >= advisory.ReleaseAt;
        var told = released ? [] : await audience.WhoKnowsAsync(advisory, now, ct);
        advisory.Withdraw(body.Reason, now, user.Actor());
        if (!released)
        {
            await audience.TellAsync(advisory, told, NoticeKind.Withdrawn,
                $"{advisory.Reference} is withdrawn before its release: {advisory.WithdrawnReason} Its content is no longer served.", now, ct);
        }
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return TypedResults.Ok(await DtoAsync(db, advisory, now, ct));
    }

    internal static async Task<AdvisoryDto> DtoAsync(ForewarnDb db, Advisory advisory, DateTimeOffset now, CancellationToken ct)
    {
        var artifacts = await db.Artifacts.AsNoTracking().Where(a => a.AdvisoryId == advisory.Id).ToListAsync(ct);
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).ToListAsync(ct);
        return AdvisoryDto.From(advisory, artifacts, waves, now);
    }
}
