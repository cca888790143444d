using System.Text.Json.Nodes;
using Forewarn.Csaf.Mapping;
using Forewarn.Csaf.Validation;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;
using Forewarn.Domain.Publishing;
using Forewarn.Server.Api;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Publishing;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Advisories;

/// <summary>
/// The operations on advisories through their life cycle — create or import, revise, describe,
/// schedule, move the release, withdraw. Each is checked before anything is written, commits
/// with its log entry (each field before and after), and tells the partners who already know of
/// the advisory when its release moves or it is withdrawn.
/// </summary>
public sealed class AdvisoryService(ForewarnDb db, TimeProvider clock, AdvisoryAudience audience, FourEyesGate gate)
{
    /// <summary>Every advisory with its state now, latest release first.</summary>
    public async Task<List<AdvisorySummaryDto>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var advisories = await db.Advisories.AsNoTracking().ToListAsync(ct);
        var waves = (await db.Waves.AsNoTracking().ToListAsync(ct)).ToLookup(w => w.AdvisoryId);
        var artifactCounts = await db.Artifacts.AsNoTracking().GroupBy(a => a.AdvisoryId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. advisories.OrderByDescending(a => a.ReleaseAt).Select(a => new AdvisorySummaryDto(
            a.Id.Value, a.Reference, a.Title, a.StateAt(now, waves[a.Id]).Name(), a.ReleaseAt, a.CveIds, a.CvssScore,
            artifactCounts.GetValueOrDefault(a.Id), waves[a.Id].Count()))];
    }

    public Task<Advisory> FindAsync(string idOrReference, CancellationToken ct) => db.AdvisoryAsync(idOrReference, ct);

    public async Task<Advisory> CreateAsync(NewAdvisory body, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var releaseAt = body.ReleaseAt ?? throw new DomainException("invalid-field", "An advisory needs a releaseAt: its coordinated release time.");
        var advisory = Advisory.Create(body.Reference, body.Title, body.Summary, body.CveIds, body.Products, body.CvssVector,
            releaseAt, now, actor.Name);
        return await AddAsync(advisory, "created", $"An advisory with reference {advisory.Reference} already exists.", actor, ct);
    }

    /// <summary>A draft from a CSAF 2.0 document that passes the schema and the mandatory tests; what Forewarn does not hold is named.</summary>
    public async Task<(Advisory Advisory, IReadOnlyList<string> NotHeld)> ImportAsync(string csaf, string? reference, DateTimeOffset? releaseAt,
        Actor actor, CancellationToken ct)
    {
        var validation = CsafValidator.Validate(csaf);
        if (!validation.IsValid) throw new InvalidCsafException(validation);
        var imported = CsafImport.Read(JsonNode.Parse(csaf)!);
        var advisory = Advisory.Create(reference ?? imported.Reference, imported.Title, imported.Summary, imported.CveIds,
            [], imported.CvssVector, releaseAt ?? imported.ReleaseAt, clock.GetUtcNow(), actor.Name, imported.Details);
        await AddAsync(advisory, "imported",
            $"An advisory with reference {advisory.Reference} already exists; import the document under another reference.", actor, ct);
        return (advisory, imported.NotHeld);
    }

    private async Task<Advisory> AddAsync(Advisory advisory, string change, string duplicate, Actor actor, CancellationToken ct)
    {
        if (await db.Advisories.AnyAsync(a => a.Reference == advisory.Reference, ct)) throw new ConflictException("duplicate", duplicate);
        db.Advisories.Add(advisory);
        db.Stage(LogEvents.AdvisoryChanged(change, advisory, null, advisory.CreatedAt, actor));
        await db.SaveChangesAsync(ct);
        return advisory;
    }

    public Task<Advisory> ReviseAsync(string id, AdvisoryChanges body, Actor actor, CancellationToken ct) =>
        ChangeAsync(id, "revised", actor, body.Change, (advisory, now) => advisory.Revise(body.Title ?? advisory.Title,
            body.Summary ?? advisory.Summary, body.CveIds ?? advisory.CveIds, body.Products ?? advisory.AffectedProducts,
            body.CvssVector ?? advisory.CvssVector, body.Change, now, actor.Name), ct);

    public Task<Advisory> DescribeAsync(string id, DetailsChange body, Actor actor, CancellationToken ct)
    {
        var d = body.Details ?? throw new DomainException("invalid-field", "Give the details: tlp, notes, references, products, vulnerabilities.");
        return ChangeAsync(id, "described", actor, body.Change, (advisory, now) => advisory.Describe(
            new AdvisoryDetails(d.Tlp is null ? advisory.Tlp : TlpLabels.Parse(d.Tlp), d.Notes ?? [], d.References ?? [],
                d.Products ?? advisory.Products, d.Vulnerabilities ?? []), body.Change, now, actor.Name), ct);
    }

    public Task<Advisory> ScheduleAsync(string id, Actor actor, CancellationToken ct) =>
        ChangeAsync(id, "scheduled", actor, null, (advisory, now) => advisory.Schedule(now, actor.Name), ct);

    /// <summary>
    /// Postpones or brings forward the release; the partners who know of the advisory get a notice.
    /// Bringing it forward cannot be undone, so it needs a second staff member's approval unless
    /// <c>approvals:releaseEarlier</c> is off; the proposal expires at the proposed release time.
    /// </summary>
    public async Task<Gated<Advisory>> MoveReleaseAsync(string id, DateTimeOffset? releaseAt, string? reason, Actor actor, CancellationToken ct)
    {
        var at = releaseAt ?? throw new DomainException("invalid-field", "Give the new releaseAt.");
        var advisory = await db.AdvisoryAsync(id, ct);
        var now = clock.GetUtcNow();
        var before = LogEvents.AdvisoryState(advisory);
        var old = advisory.ReleaseAt;
        var told = await audience.WhoKnowsAsync(advisory, now, ct);
        advisory.MoveRelease(at, reason, now, actor.Name);
        if (advisory.ReleaseAt < old && gate.Needs(GatedAction.ReleaseEarlier, actor))
            return await gate.ProposeAsync(GatedAction.ReleaseEarlier, advisory.Id.ToString(),
                $"Bring the release of {advisory.Reference} forward from {Moments.Show(old)} to {Moments.Show(advisory.ReleaseAt)}: {reason?.Trim()}",
                new ReleaseTimeChange(advisory.ReleaseAt, reason), advisory.ReleaseAt, actor, ct);
        var kind = advisory.ReleaseAt > old ? "postponed" : "brought forward";
        await audience.TellAsync(advisory, told, NoticeKind.Postponed,
            $"The release of {advisory.Reference} is {kind} from {Moments.Show(old)} to {Moments.Show(advisory.ReleaseAt)}: {reason?.Trim()}",
            now, ct);
        db.Stage(LogEvents.AdvisoryChanged("release-moved", advisory, before, now, actor, reason));
        await db.SaveChangesAsync(ct);
        return Gated<Advisory>.Done(advisory);
    }

    /// <summary>Nothing of the advisory is served any more; before its release, the partners who knew of it are told.</summary>
    public async Task<Advisory> WithdrawAsync(string id, string? reason, Actor actor, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var now = clock.GetUtcNow();
        var before = LogEvents.AdvisoryState(advisory);
        var released = advisory.ScheduledAt is not null && now >= advisory.ReleaseAt;
        var told = released ? [] : await audience.WhoKnowsAsync(advisory, now, ct);
        advisory.Withdraw(reason, now, actor.Name);
        if (!released)
        {
            await audience.TellAsync(advisory, told, NoticeKind.Withdrawn,
                $"{advisory.Reference} is withdrawn before its release: {advisory.WithdrawnReason} Its content is no longer served.", now, ct);
        }
        db.Stage(LogEvents.AdvisoryChanged("withdrawn", advisory, before, now, actor, reason));
        await db.SaveChangesAsync(ct);
        return advisory;
    }

    private async Task<Advisory> ChangeAsync(string id, string change, Actor actor, string? reason, Action<Advisory, DateTimeOffset> apply,
        CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var now = clock.GetUtcNow();
        var before = LogEvents.AdvisoryState(advisory);
        apply(advisory, now);
        db.Stage(LogEvents.AdvisoryChanged(change, advisory, before, now, actor, reason));
        await db.SaveChangesAsync(ct);
        return advisory;
    }

    /// <summary>The advisory as staff see it: with its artifacts and waves, state now, and the changes to it waiting for approval.</summary>
    public async Task<AdvisoryDto> ViewAsync(Advisory advisory, CancellationToken ct)
    {
        var artifacts = await db.Artifacts.AsNoTracking().Where(a => a.AdvisoryId == advisory.Id).ToListAsync(ct);
        var waves = await db.Waves.AsNoTracking().Where(w => w.AdvisoryId == advisory.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var pending = await PendingChanges.OfAsync(db, advisory.Id.ToString(), now, ct);
        return AdvisoryDto.From(advisory, artifacts, waves, now, pending);
    }
}

/// <summary>A CSAF document that fails the standard's schema or mandatory tests; the failures travel with the refusal.</summary>
public sealed class InvalidCsafException(CsafValidation validation)
    : DomainException("invalid-csaf", $"The document is not valid CSAF 2.0 ({Counted.Of(validation.Failures.Count, "failure", "failures")}); nothing was imported.",
        ErrorCategory.Unprocessable)
{
    public override IReadOnlyDictionary<string, object?> Particulars { get; } = new Dictionary<string, object?>
    {
        ["failures"] = validation.Failures.Select(f => new CsafFailureDto(f.Test, f.Pointer, f.Message)).ToList(),
    };
}
