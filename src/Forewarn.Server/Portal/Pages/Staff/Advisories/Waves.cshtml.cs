using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Common;
using Forewarn.Server.Advisories;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Tracing;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forewarn.Server.Portal.Pages.Staff.Advisories;

/// <summary>
/// The wave planner: an advisory's waves (as <c>GET /api/v1/advisories/{id}/waves</c> lists them),
/// planning one and cancelling one that has not gone out, through <see cref="ArtifactService"/> as
/// <c>POST</c> and <c>DELETE …/waves</c> do. A wave publishing PoC code may need a second staff
/// member: then it is proposed, and the page says it awaits approval.
/// </summary>
public sealed class WavesModel(AdvisoryService advisories, ArtifactService artifacts, ForewarnDb db, RequestFacts facts,
    ArtifactMarking marking, ILogger<CapacityReport> log, TimeProvider clock, IAuthorizationService authorization) : StaffAdvisoryPage(authorization)
{
    public AdvisoryDto Advisory { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public string? Done { get; private set; }
    /// <summary>The fingerprint warnings of the wave just planned, as the API's answer carries them.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    [BindProperty]
    public PlanForm Plan { get; set; } = new();

    public sealed class PlanForm
    {
        [Display(Name = "Kind")]
        public string? Kind { get; set; }

        [Display(Name = "Opens at (UTC; empty: now)")]
        [DataType(DataType.DateTime)]
        public DateTime? At { get; set; }

        public List<Guid> ArtifactIds { get; set; } = [];

        [Display(Name = "Note to partners")]
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        await MayWriteAsync();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPlanAsync(string id, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return NotFound();
        var at = Plan.At is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        try
        {
            var outcome = await artifacts.PlanWaveAsync(id, new NewWave(string.IsNullOrWhiteSpace(Plan.Kind) ? null : Plan.Kind, at,
                Plan.ArtifactIds, Plan.Note), Actor, ct);
            if (outcome.Proposal is { } proposal)
                Done = $"Awaiting approval: a wave publishing PoC code needs a second staff member. {proposal.Summary}";
            else
            {
                var (wave, advisory, before, all) = outcome.Made!;
                Done = $"Wave {wave.Number} ({wave.Kind.ToString().ToLowerInvariant()}) is planned for {Show(wave.At)}.";
                var capacities = await new CapacityReport(db, facts, marking, log)
                    .OfAsync(all.Where(a => wave.ArtifactIds.Contains(a.Id)), advisory, [.. before, wave], clock.GetUtcNow(), ct);
                Warnings = CapacityReport.Warnings(capacities);
            }
            ModelState.Clear();
            Plan = new();
        }
        catch (DomainException e) when (!Missing(e))
        {
            Refused(e, f => f.Code switch
            {
                "empty-wave" or "unknown-artifact" => "Plan.ArtifactIds",
                "wave-in-past" => "Plan.At",
                "unknown-wave-kind" or "initial-wave-exists" => "Plan.Kind",
                _ when f is InvalidFieldException { Field: "note" } => "Plan.Note",
                _ => null,
            });
        }
        catch (DomainException)
        {
            return NotFound();
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, int number, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return NotFound();
        try
        {
            await artifacts.CancelWaveAsync(id, number, Actor, ct);
            Done = $"Wave {number} is cancelled.";
        }
        catch (DomainException e) when (!Missing(e))
        {
            Refused(e);
        }
        catch (DomainException)
        {
            return NotFound();
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public string TitleOf(Guid artifact) => Advisory.Artifacts.FirstOrDefault(a => a.Id == artifact)?.Title ?? artifact.ToString();

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            Advisory = await advisories.ViewAsync(await advisories.FindAsync(id, ct), ct);
            Now = clock.GetUtcNow();
            return true;
        }
        catch (DomainException e) when (Missing(e))
        {
            return false;
        }
    }
}
