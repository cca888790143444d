using System.Security.Claims;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Common;
using Forewarn.Server.Api;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Cases;

/// <summary>
/// Staff run investigations over HTTP: open a case, add evidence (never change or remove it),
/// decide on partners, decide their appeals, close it. <see cref="CaseService"/> and
/// <see cref="CaseDecisionService"/> do the work. A partner's key is refused here like on every staff endpoint.
/// </summary>
public static class CaseEndpoints
{
    public static void MapCases(this IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/cases").WithTags("Cases").RequireAuthorization(AccessPolicies.Investigate);
        var write = api.MapGroup("/cases").WithTags("Cases").RequireAuthorization(AccessPolicies.StaffWrite, AccessPolicies.Investigate);

        read.MapGet("/", List).WithSummary("List cases, newest first (optionally of one advisory, or open/closed only)").Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound);
        read.MapGet("/{id}", Show).WithSummary("A case with its evidence and decisions").Refuses(ErrorCategory.NotFound);
        read.MapGet("/{id}/evidence/{number:int}/content", Content).WithSummary("The bytes of a file kept as evidence").Refuses(ErrorCategory.NotFound);
        write.MapPost("/", Open).WithSummary("Open a case on an advisory").Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict);
        write.MapPost("/{id}/evidence", AddEvidence).WithSummary("Add evidence (note, sighting, file, trace); evidence is never changed or removed")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict, ErrorCategory.Unprocessable);
        write.MapPost("/{id}/decisions", Decide).WithSummary("Decide on a partner: no-action, warning, restrict, move-tier, probation, suspend, remove, reinstate")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict, ErrorCategory.Forbidden);
        write.MapPost("/{id}/decisions/{number:int}/appeal-decision", DecideAppeal).WithSummary("Uphold or overturn a partner's appeal of a decision")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict, ErrorCategory.Forbidden);
        write.MapPost("/{id}/close", Close).WithSummary("Close a case with its summary").Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound, ErrorCategory.Conflict);
    }

    private static async Task<Ok<List<CaseSummaryDto>>> List(ForewarnDb db, string? advisory, string? state, CancellationToken ct)
    {
        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(advisory))
        {
            var a = await db.AdvisoryAsync(TextRules.Required(advisory, "advisory", 100), ct);
            query = query.Where(c => c.AdvisoryId == a.Id);
        }
        if (!string.IsNullOrWhiteSpace(state))
        {
            var s = Enum.TryParse<CaseState>(state.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(state, out _)
                ? parsed
                : throw new DomainException("unknown-case-state", $"'{state}' is not a case state; use open or closed.");
            query = query.Where(c => c.State == s);
        }
        var cases = await query.ToListAsync(ct);
        var refs = await db.Advisories.AsNoTracking().Select(a => new { a.Id, a.Reference }).ToDictionaryAsync(a => a.Id, a => a.Reference, ct);
        return TypedResults.Ok(cases.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Reference, StringComparer.Ordinal)
            .Select(c => CaseSummaryDto.From(c, refs.GetValueOrDefault(c.AdvisoryId, ""))).ToList());
    }

    private static async Task<Ok<CaseDto>> Show(string id, CaseService cases, ForewarnDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await CaseViews.OfAsync(db, await cases.FindAsync(id, ct), clock.GetUtcNow(), ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Content(string id, int number, CaseService cases, ForewarnDb db, CancellationToken ct)
    {
        var c = await cases.FindAsync(id, ct);
        var evidence = await db.CaseEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.CaseId == c.Id && e.Number == number && e.Kind == EvidenceKind.File, ct);
        return evidence?.Bytes is { } bytes
            ? TypedResults.File(bytes, evidence.MediaType, evidence.FileName)
            : Problem.NotFound("file evidence", $"{c.Reference}/{number}");
    }

    private static async Task<Created<CaseDto>> Open(NewCase body, CaseService cases, ForewarnDb db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await cases.OpenAsync(body, Actor.Of(user), ct);
        return TypedResults.Created($"/api/v1/cases/{c.Reference}", await CaseViews.OfAsync(db, c, clock.GetUtcNow(), ct));
    }

    private static async Task<Created<EvidenceDto>> AddEvidence(string id, NewEvidence body, CaseService cases, ClaimsPrincipal user, CancellationToken ct)
    {
        var evidence = await cases.AddEvidenceAsync(id, body, Actor.Of(user), ct);
        var c = await cases.FindAsync(id, ct);
        return TypedResults.Created($"/api/v1/cases/{c.Reference}", EvidenceDto.From(c.Reference, evidence));
    }

    private static async Task<Results<Created<DecisionDto>, Accepted<ProposalDto>>> Decide(string id, NewDecision body, CaseDecisionService decisions,
        ForewarnDb db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await decisions.DecideAsync(id, body, Actor.Of(user), ct);
        if (outcome.Proposal is { } proposal) return ApprovalEndpoints.Proposed(proposal, clock);
        return TypedResults.Created($"/api/v1/cases/{id}", await DtoAsync(db, outcome.Made!, clock, ct));
    }

    /// <summary>The appealed decision as it stands now, and what overturning it led to (a reinstatement, its proposal, or why nothing could be lifted).</summary>
    public sealed record AppealDecidedDto(DecisionDto Decision, DecisionDto? Reinstatement, ProposalDto? Proposal, string? NotLifted);

    private static async Task<Ok<AppealDecidedDto>> DecideAppeal(string id, int number, AppealDecision body, CaseDecisionService decisions,
        ForewarnDb db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var done = await decisions.DecideAppealAsync(id, number, body, Actor.Of(user), ct);
        var appealed = await db.CaseDecisions.AsNoTracking().FirstAsync(d => d.Id == done.Decision.Id, ct);
        return TypedResults.Ok(new AppealDecidedDto(await DtoAsync(db, appealed, clock, ct),
            done.Lift?.Made is { } made ? await DtoAsync(db, made, clock, ct) : null,
            done.Lift?.Proposal is { } p ? ProposalDto.From(p, clock.GetUtcNow()) : null,
            done.NotLifted));
    }

    private static async Task<Ok<CaseSummaryDto>> Close(string id, CaseClosing body, CaseService cases, ForewarnDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await cases.CloseAsync(id, body, Actor.Of(user), ct);
        var advisory = await db.Advisories.AsNoTracking().Where(a => a.Id == c.AdvisoryId).Select(a => a.Reference).FirstAsync(ct);
        return TypedResults.Ok(CaseSummaryDto.From(c, advisory));
    }

    private static async Task<DecisionDto> DtoAsync(ForewarnDb db, CaseDecision d, TimeProvider clock, CancellationToken ct)
    {
        var name = await db.Partners.AsNoTracking().Where(p => p.Id == d.PartnerId).Select(p => p.LegalName).FirstAsync(ct);
        return DecisionDto.From(d, name, null, clock.GetUtcNow());
    }
}
