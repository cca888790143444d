using System.Text.Json.Nodes;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Sightings;
using Forewarn.Server.Api;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Tracing;
using Forewarn.Server.Taxii;
using Forewarn.Server.Transparency;
using Forewarn.Stix;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Sightings;

/// <summary>
/// The partner's side of sightings without STIX: a partner reports exploitation of an advisory it
/// may see (its entitled view; any other is not found, as an unknown one is), optionally with a
/// sample, and lists its own sightings of every channel. The sighting is kept with the TAXII ones
/// (<c>sightings</c>), so staff see it in <c>GET /api/v1/sightings</c> and a case can cite it by its
/// STIX id. A sample is traced at once as a staff sighting's is (<see cref="SampleTracing"/>); the
/// trace is kept for staff and never part of what the partner is answered. The API
/// (<c>/api/v1/me/sightings</c>) and the portal's sightings page both call this.
/// </summary>
public sealed class MySightingService(ForewarnDb db, EntitledViews views, SampleTracing tracing, TimeProvider clock)
{
    /// <summary>Channels a sighting came by, as <see cref="MySightingDto.Channel"/> names them.</summary>
    public const string Taxii = "taxii";
    public const string Api = "api";
    public const string Portal = "portal";

    /// <summary>The most the list answers, newest first.</summary>
    public const int MaxList = 500;

    /// <summary>
    /// Records the sighting. The sample is <paramref name="file"/> (a form's upload) or the body's
    /// <c>sample</c> (text or base64), not both.
    /// </summary>
    public async Task<MySightingDto> ReportAsync(Partner partner, NewPartnerSighting body, SampleUpload? file, string channel, Actor actor,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(body);
        // To the microsecond, as both stores keep it (and as TAXII versions are compared).
        var now = TaxiiTime.Microseconds(clock.GetUtcNow());
        if (string.IsNullOrWhiteSpace(body.Advisory))
            throw new InvalidFieldException("advisory", "Choose the advisory whose flaw you saw exploited (its reference or id).");
        // Only an advisory the partner may see now: any other is answered as an unknown one.
        var entitled = partner.StatusAt(now).Receives() && await MeEndpoints.AdvisoryIdAsync(db, body.Advisory, ct) is { } id
            ? (await views.ForAsync(partner.Id, now, ct)).Find(id)
            : null;
        if (entitled is null) throw new NotFoundException("advisory", body.Advisory.Trim());
        var advisory = entitled.Advisory;
        if (file is not null && body.Sample is not null)
            throw new DomainException("ambiguous-sample", "Give the sample as a file or in the JSON body, not both.");
        var upload = file ?? SightingService.Upload(body.Sample);
        var submission = SightingSubmission.Start(partner.Id, actor.KeyId ?? Guid.Empty, now);
        var sightingOf = StixMapping.ReportIdOf(advisory);
        var (sighting, sample) = Sighting.Report(partner.Id, advisory.Id, actor.KeyId ?? Guid.Empty, submission.Id, sightingOf, body.FirstSeenAt,
            body.SeenWhere, body.Description, upload, channel, actor.Name, sightingId => Stix(sightingId, sightingOf, body, channel, now), now);
        submission.Complete([new SubmissionOutcome(sighting.StixId, TaxiiTime.Format(now))], []);
        // Traced before anything is stored, as a staff sighting's sample: each run is a trace.run entry; the outcome stays with staff.
        if (sample is not null) sighting.Traced(await tracing.TraceAsync(advisory.Id, sample.Text, actor, ct));
        db.SightingSubmissions.Add(submission);
        db.Sightings.Add(sighting);
        if (sample is not null) db.PartnerSightingSamples.Add(sample);
        db.Stage(LogEvents.PartnerSightingRecorded(sighting, advisory.Reference, actor));
        await db.SaveChangesAsync(ct);
        return Dto(sighting, advisory.Reference);
    }

    /// <summary>The partner's own sightings of every channel, newest first (one sent over TAXII by its latest version).</summary>
    public async Task<List<MySightingDto>> MineAsync(PartnerId partner, CancellationToken ct)
    {
        var rows = await db.Sightings.AsNoTracking().Where(s => s.PartnerId == partner).ToListAsync(ct);
        var ids = rows.Select(r => r.AdvisoryId).Distinct().ToList();
        var references = await db.Advisories.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Reference, ct);
        return [.. rows.GroupBy(r => r.StixId).Select(g => g.MaxBy(r => r.Modified)!)
            .OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id).Take(MaxList)
            .Select(s => Dto(s, references.GetValueOrDefault(s.AdvisoryId, "")))];
    }

    // The one shape the partner sees: never the trace, never another partner.
    private static MySightingDto Dto(Sighting s, string reference) => new(s.Id, s.StixId, s.AdvisoryId.Value, reference, s.Channel ?? Taxii,
        s.FirstSeen, s.LastSeen, s.SeenWhere, s.Description, s.ReportedBy, s.ReceivedAt,
        s.SampleSha256 is { } sha ? new SampleDto(s.SampleFileName, s.SampleMediaType ?? ContentLabels.DefaultMediaType, s.SampleSize ?? 0, sha) : null);

    /// <summary>The STIX 2.1 sighting the programme keeps for one reported without STIX, so every partner sighting has the same form.</summary>
    private static string Stix(Guid id, string sightingOf, NewPartnerSighting body, string channel, DateTimeOffset now)
    {
        var o = new JsonObject
        {
            ["type"] = "sighting",
            ["spec_version"] = "2.1",
            ["id"] = $"sighting--{id:D}",
            ["created"] = TaxiiTime.Format(now),
            ["modified"] = TaxiiTime.Format(now),
            ["sighting_of_ref"] = sightingOf,
            ["first_seen"] = TaxiiTime.Format(body.FirstSeenAt!.Value),
            ["description"] = body.Description?.Trim(),
            ["x_forewarn_channel"] = channel,
        };
        if (!string.IsNullOrWhiteSpace(body.SeenWhere)) o["x_forewarn_seen_where"] = body.SeenWhere.Trim();
        return o.ToJsonString();
    }
}
