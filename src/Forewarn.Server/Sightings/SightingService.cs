using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Sightings;
using Forewarn.Server.Api;
using Forewarn.Server.Auth;
using Forewarn.Server.Tracing;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Sightings;

/// <summary>
/// Sightings of exploitation, both kinds in one place: staff record what they learn of elsewhere
/// (checked in full, the sample traced against the advisory's fingerprinted artifacts, then stored
/// with its <c>sighting.recorded</c> entry), and read those with the partners' TAXII sightings as
/// one list, newest first.
/// </summary>
public sealed class SightingService(ForewarnDb db, SampleTracing tracing, TimeProvider clock)
{
    public const string Staff = "staff";
    public const string Partner = "partner";

    public async Task<SightingDto> RecordAsync(NewSighting body, Actor actor, CancellationToken ct)
    {
        var advisory = await AdvisoryAsync(body.Advisory, ct);
        var upload = Upload(body.Sample);
        var (sighting, sample) = StaffSighting.Record(advisory, body.FirstObservedAt, body.Source, body.Url, body.Confidence, body.Description,
            body.Indicators, upload, actor.Name, actor.KeyId, clock.GetUtcNow());
        // Traced before anything is stored: each run is logged as it happens, and the sighting keeps the outcome.
        if (sample is not null) sighting.Traced(await tracing.TraceAsync(advisory.Id, sample.Text, actor, ct));
        db.StaffSightings.Add(sighting);
        if (sample is not null) db.SightingSamples.Add(sample);
        db.Stage(LogEvents.SightingRecorded(sighting, advisory.Reference, actor));
        await db.SaveChangesAsync(ct);
        return Dto(sighting, advisory.Reference);
    }

    /// <summary>Both kinds, newest first (a partner's sighting by its latest version), optionally of one advisory or one kind.</summary>
    public async Task<List<SightingDto>> ListAsync(string? advisory, string? kind, int? limit, CancellationToken ct)
    {
        var take = PageLimit.Take(limit, byDefault: 100, max: 1000);
        var (staff, partner) = Kinds(kind);
        AdvisoryId? of = string.IsNullOrWhiteSpace(advisory) ? null : (await AdvisoryAsync(advisory, ct)).Id;
        var list = new List<SightingDto>();
        var references = await db.Advisories.AsNoTracking().Select(a => new { a.Id, a.Reference }).ToDictionaryAsync(a => a.Id, a => a.Reference, ct);
        if (staff)
        {
            var q = db.StaffSightings.AsNoTracking();
            if (of is { } a) q = q.Where(s => s.AdvisoryId == a);
            var rows = await q.OrderByDescending(s => s.RecordedAt).Take(take).ToListAsync(ct);
            list.AddRange(rows.Select(s => Dto(s, references.GetValueOrDefault(s.AdvisoryId, ""))));
        }
        if (partner)
        {
            var q = db.Sightings.AsNoTracking();
            if (of is { } a) q = q.Where(s => s.AdvisoryId == a);
            var rows = await q.ToListAsync(ct);
            var names = await PartnerNamesAsync(rows, ct);
            // A partner revises a sighting (a new modified, a higher count): the latest version stands for it.
            list.AddRange(rows.GroupBy(r => (r.PartnerId, r.StixId))
                .Select(g => Dto(g.MaxBy(r => r.Modified)!, g.Count(), references, names)));
        }
        return [.. list.OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id).Take(take)];
    }

    /// <summary>One sighting of either kind by its id; a partner's by any of its versions' ids.</summary>
    public async Task<SightingDto> ShowAsync(string id, CancellationToken ct)
    {
        var guid = Guid.TryParse(id, out var g) ? g : throw new NotFoundException("sighting", id);
        var references = await db.Advisories.AsNoTracking().Select(a => new { a.Id, a.Reference }).ToDictionaryAsync(a => a.Id, a => a.Reference, ct);
        if (await db.StaffSightings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == guid, ct) is { } staff)
            return Dto(staff, references.GetValueOrDefault(staff.AdvisoryId, ""));
        if (await db.Sightings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == guid, ct) is { } row)
        {
            var versions = await db.Sightings.CountAsync(s => s.PartnerId == row.PartnerId && s.StixId == row.StixId, ct);
            return Dto(row, versions, references, await PartnerNamesAsync([row], ct));
        }
        throw new NotFoundException("sighting", id);
    }

    /// <summary>A sighting's sample (a staff sighting's, or one a partner sent with the API or the portal): its bytes, media type and file name.</summary>
    public async Task<(byte[] Bytes, string MediaType, string? FileName)> SampleAsync(string id, CancellationToken ct)
    {
        var guid = Guid.TryParse(id, out var g) ? g : throw new NotFoundException("sighting", id);
        if (await db.Sightings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == guid, ct) is { } reported)
        {
            var bytes = await db.PartnerSightingSamples.AsNoTracking().Where(s => s.SightingId == guid).Select(s => s.Bytes).FirstOrDefaultAsync(ct)
                ?? throw new DomainException("no-sample", "This sighting was reported without a sample.", ErrorCategory.NotFound);
            return (bytes, reported.SampleMediaType ?? ContentLabels.DefaultMediaType, reported.SampleFileName);
        }
        var sighting = await db.StaffSightings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == guid, ct)
            ?? throw new NotFoundException("staff sighting", id);
        var sample = await db.SightingSamples.AsNoTracking().FirstOrDefaultAsync(s => s.SightingId == guid, ct)
            ?? throw new DomainException("no-sample", "This sighting was recorded without a sample.", ErrorCategory.NotFound);
        return (sample.Bytes, sighting.SampleMediaType ?? ContentLabels.DefaultMediaType, sighting.SampleFileName);
    }

    /// <summary>The sighting an embargo break names: its id, kind and advisory.</summary>
    public async Task<(Guid Id, string Kind, AdvisoryId Advisory)> FindAsync(string? id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id))
            throw new InvalidFieldException("sighting", "Give the sighting that shows exploitation before release (its id, see GET /api/v1/sightings).");
        var guid = Guid.TryParse(id.Trim(), out var g) ? g : throw new NotFoundException("sighting", id);
        if (await db.StaffSightings.AsNoTracking().Where(s => s.Id == guid).Select(s => (AdvisoryId?)s.AdvisoryId).FirstOrDefaultAsync(ct) is { } a)
            return (guid, Staff, a);
        if (await db.Sightings.AsNoTracking().Where(s => s.Id == guid).Select(s => (AdvisoryId?)s.AdvisoryId).FirstOrDefaultAsync(ct) is { } b)
            return (guid, Partner, b);
        throw new NotFoundException("sighting", id);
    }

    /// <summary>
    /// The advisory a sighting names: by id or reference, or by a CVE id exactly one of the
    /// programme's advisories names.
    /// </summary>
    public async Task<Advisory> AdvisoryAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new InvalidFieldException("advisory", "Give the advisory: its reference (FW-2026-0001), its id, or a CVE id it names.");
        var t = text.Trim();
        if (AdvisoryId.TryParse(t, out var id))
            return await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("advisory", t);
        var reference = t.ToUpperInvariant();
        if (await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Reference == reference, ct) is { } byReference) return byReference;
        if (!reference.StartsWith("CVE-", StringComparison.Ordinal)) throw new NotFoundException("advisory", t);
        var cve = CveId.Parse(reference);
        // CVE ids are a list per advisory (a JSON column): the programme's advisories are few enough to look through.
        var naming = (await db.Advisories.AsNoTracking().ToListAsync(ct)).Where(a => a.CveIds.Contains(cve)).OrderBy(a => a.Reference).ToList();
        return naming.Count switch
        {
            1 => naming[0],
            0 => throw new DomainException("unknown-cve", $"No advisory of the programme names {cve}; give the advisory's reference.", ErrorCategory.NotFound),
            _ => throw new DomainException("ambiguous-cve",
                $"{cve} is named by {naming.Count} advisories ({string.Join(", ", naming.Select(a => a.Reference))}); give the advisory's reference."),
        };
    }

    internal static SampleUpload? Upload(NewSample? sample)
    {
        if (sample is null) return null;
        if (sample.Text is not null && sample.ContentBase64 is not null)
            throw new DomainException("ambiguous-sample", "Give the sample as text or as contentBase64, not both.");
        byte[] bytes;
        if (sample.Text is not null) bytes = Encoding.UTF8.GetBytes(sample.Text);
        else if (sample.ContentBase64 is null)
            throw new DomainException("empty-sample", "The sample is empty: give its text or contentBase64, or leave the sample out.");
        else
        {
            try
            {
                bytes = Convert.FromBase64String(sample.ContentBase64);
            }
            catch (FormatException)
            {
                throw new DomainException("invalid-base64", "The sample's contentBase64 is not valid base64.");
            }
        }
        return new SampleUpload(bytes, sample.FileName, sample.MediaType);
    }

    private static (bool Staff, bool Partner) Kinds(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        null or "" => (true, true),
        Staff => (true, false),
        Partner => (false, true),
        _ => throw new DomainException("invalid-kind", $"'{kind}' is not a kind of sighting; use staff or partner."),
    };

    private async Task<Dictionary<PartnerId, string>> PartnerNamesAsync(IEnumerable<Sighting> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.PartnerId).Distinct().ToList();
        return await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.LegalName, ct);
    }

    private static SightingDto Dto(StaffSighting s, string reference) => new(s.Id, Staff, s.AdvisoryId.Value, reference, s.FirstObservedAt, null,
        s.Source, s.SourceUrl, s.Confidence.Name(), s.Description, s.RecordedBy, null, s.RecordedAt, s.Indicators,
        s.SampleSha256 is { } sha ? new SampleDto(s.SampleFileName, s.SampleMediaType ?? ContentLabels.DefaultMediaType, s.SampleSize ?? 0, sha) : null,
        s.Trace, null);

    private static SightingDto Dto(Sighting s, int versions, Dictionary<AdvisoryId, string> references, Dictionary<PartnerId, string> names)
    {
        var partner = names.GetValueOrDefault(s.PartnerId, "");
        var how = s.Channel switch
        {
            null => "over TAXII",
            MySightingService.Portal => $"in the portal ({s.ReportedBy})",
            _ => $"through the API ({s.ReportedBy})",
        };
        return new SightingDto(s.Id, Partner, s.AdvisoryId.Value, references.GetValueOrDefault(s.AdvisoryId, ""), s.FirstSeen, s.LastSeen,
            $"{partner} {how}", null, null, s.Description, partner, s.PartnerId.Value, s.ReceivedAt, [],
            s.SampleSha256 is { } sha ? new SampleDto(s.SampleFileName, s.SampleMediaType ?? ContentLabels.DefaultMediaType, s.SampleSize ?? 0, sha) : null,
            s.Trace, new StixSightingDto(s.StixId, s.SightingOfRef, s.Count, s.Modified, versions), s.SeenWhere, s.Channel ?? MySightingService.Taxii);
    }
}
