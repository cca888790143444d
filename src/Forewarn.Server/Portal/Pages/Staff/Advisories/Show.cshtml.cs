using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Common;
using Forewarn.Server.Advisories;
using Forewarn.Server.Api.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forewarn.Server.Portal.Pages.Staff.Advisories;

/// <summary>
/// One advisory as <c>GET /api/v1/advisories/{id}</c> shows it, with its release schedule: schedule a
/// draft (<c>POST …/schedule</c>) and move the release time (<c>POST …/release-time</c>), both
/// through <see cref="AdvisoryService"/>. Bringing the release forward may need a second staff
/// member: then the change is proposed, and the page says it awaits approval.
/// </summary>
public sealed class ShowModel(AdvisoryService advisories, IAuthorizationService authorization) : StaffAdvisoryPage(authorization)
{
    public AdvisoryDto Advisory { get; private set; } = null!;

    [BindProperty]
    public ReleaseForm Release { get; set; } = new();

    /// <summary>What the last form did, in a sentence.</summary>
    public string? Done { get; private set; }

    public sealed class ReleaseForm
    {
        [Display(Name = "New release time (UTC)")]
        [DataType(DataType.DateTime)]
        public DateTime? ReleaseAt { get; set; }

        [Display(Name = "Reason (partners who know of the advisory are told)")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        await MayWriteAsync();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostScheduleAsync(string id, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return NotFound();
        try
        {
            var advisory = await advisories.ScheduleAsync(id, Actor, ct);
            Done = $"{advisory.Reference} is scheduled for release at {Show(advisory.ReleaseAt)}.";
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

    public async Task<IActionResult> OnPostMoveAsync(string id, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return NotFound();
        var at = Release.ReleaseAt is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        try
        {
            var outcome = await advisories.MoveReleaseAsync(id, at, Release.Reason, Actor, ct);
            Done = outcome.Proposal is { } proposal
                ? $"Awaiting approval: bringing the release forward needs a second staff member. {proposal.Summary}"
                : $"The release of {outcome.Made!.Reference} is now {Show(outcome.Made.ReleaseAt)}.";
        }
        catch (DomainException e) when (!Missing(e))
        {
            Refused(e, f => f.Code == "invalid-field" && f.Message.Contains("releaseAt", StringComparison.Ordinal) ? "Release.ReleaseAt"
                : f is InvalidFieldException { Field: "reason" } ? "Release.Reason" : null);
        }
        catch (DomainException)
        {
            return NotFound();
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            Advisory = await advisories.ViewAsync(await advisories.FindAsync(id, ct), ct);
            return true;
        }
        catch (DomainException e) when (Missing(e))
        {
            return false;
        }
    }
}
