using System.Security.Cryptography;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Sightings;

/// <summary>
/// A partner's report that it saw one of the programme's objects (a STIX 2.1 <c>sighting</c>
/// received on the inbound collection), kept against the partner and the advisory the sighted
/// object belongs to. One row per version: STIX identifies a version by its id and
/// <see cref="Modified"/>, so the same pair received again is the same sighting.
/// </summary>
public sealed class Sighting
{
    /// <summary>The longest STIX id stored (<c>sighting--</c> or any type plus a UUID fits well within it).</summary>
    public const int MaxStixId = 120;

    private Sighting() { }

    public Guid Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public AdvisoryId AdvisoryId { get; private set; }
    /// <summary>The key that sent it.</summary>
    public Guid KeyId { get; private set; }
    /// <summary>The submission (TAXII status) it arrived in.</summary>
    public Guid SubmissionId { get; private set; }
    /// <summary>The sighting's own STIX id (<c>sighting--…</c>).</summary>
    public string StixId { get; private set; } = "";
    /// <summary>The sighting's version, with together <see cref="StixId"/> what identifies it.</summary>
    public DateTimeOffset Modified { get; private set; }
    /// <summary>The programme's object that was seen.</summary>
    public string SightingOfRef { get; private set; } = "";
    public int? Count { get; private set; }
    public DateTimeOffset? FirstSeen { get; private set; }
    public DateTimeOffset? LastSeen { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    /// <summary>The sighting as the partner sent it (STIX JSON); for one reported by form or JSON, the STIX the programme made of it.</summary>
    public string Raw { get; private set; } = "";

    // What only a sighting reported through the partner's API (POST /api/v1/me/sightings) or the portal carries; null for TAXII.

    /// <summary>How it came: null over TAXII, <c>api</c> or <c>portal</c>.</summary>
    public string? Channel { get; private set; }
    /// <summary>Who at the partner reported it: the key's name or <c>portal-user:&lt;id&gt;</c>.</summary>
    public string? ReportedBy { get; private set; }
    /// <summary>Where it was seen (one line: a network, a host, a customer), as the partner says.</summary>
    public string? SeenWhere { get; private set; }
    public string? Description { get; private set; }
    public string? SampleFileName { get; private set; }
    public string? SampleMediaType { get; private set; }
    public long? SampleSize { get; private set; }
    /// <summary>Lower-case hex SHA-256 of the sample's bytes.</summary>
    public string? SampleSha256 { get; private set; }
    /// <summary>The sample traced against the advisory's fingerprinted artifacts: for staff only, never shown to the partner.</summary>
    public SampleTrace? Trace { get; private set; }

    /// <summary>Records a sighting that was checked against what the partner may see at <paramref name="at"/>.</summary>
    /// <exception cref="DomainException"><c>invalid-field</c> when an id or the JSON is missing or too long.</exception>
    public static Sighting Receive(PartnerId partner, AdvisoryId advisory, Guid keyId, Guid submissionId, string stixId, DateTimeOffset modified,
        string sightingOfRef, int? count, DateTimeOffset? firstSeen, DateTimeOffset? lastSeen, string raw, DateTimeOffset at)
    {
        if (count is < 0)
            throw new DomainException("invalid-field", "A sighting's count cannot be negative.");
        if (string.IsNullOrWhiteSpace(raw))
            throw new DomainException("invalid-field", "A sighting must keep the JSON it arrived as.");
        return new Sighting
        {
            Id = Guid.CreateVersion7(),
            PartnerId = partner,
            AdvisoryId = advisory,
            KeyId = keyId,
            SubmissionId = submissionId,
            StixId = TextRules.Required(stixId, "sighting id", MaxStixId),
            Modified = modified.ToUniversalTime(),
            SightingOfRef = TextRules.Required(sightingOfRef, "sighted object id", MaxStixId),
            Count = count,
            FirstSeen = firstSeen?.ToUniversalTime(),
            LastSeen = lastSeen?.ToUniversalTime(),
            ReceivedAt = at,
            Raw = raw,
        };
    }

    /// <summary>The longest "where seen" a partner may give.</summary>
    public const int MaxSeenWhere = 300;

    /// <summary>
    /// Records a sighting a partner reported with the programme's own form or JSON (not STIX): when
    /// and where it saw exploitation, what it saw, and optionally a sample (checked as a staff
    /// sighting's is: UTF-8 text, not empty, at most <see cref="StaffSighting.MaxSampleBytes"/>).
    /// The advisory must be one the partner may see; the caller checks that.
    /// </summary>
    /// <exception cref="DomainException">A field breaks its rule; the code names which.</exception>
    public static (Sighting Sighting, PartnerSightingSample? Sample) Report(PartnerId partner, AdvisoryId advisory, Guid keyId, Guid submissionId,
        string sightingOfRef, DateTimeOffset? firstSeen, string? seenWhere, string? description, SampleUpload? sample, string channel,
        string reportedBy, Func<Guid, string> raw, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var seen = firstSeen?.ToUniversalTime()
            ?? throw new InvalidFieldException("first seen time", "Give firstSeenAt: when you first saw the exploitation.", "invalid-first-seen");
        if (seen > at)
            throw new InvalidFieldException("first seen time", $"The first sighting ({Moments.Show(seen)}) lies in the future; it cannot have been seen yet.",
                "first-seen-in-future");
        var id = Guid.CreateVersion7(at);
        var sighting = new Sighting
        {
            Id = id,
            PartnerId = partner,
            AdvisoryId = advisory,
            KeyId = keyId,
            SubmissionId = submissionId,
            StixId = $"sighting--{id:D}",
            Modified = at,
            SightingOfRef = TextRules.Required(sightingOfRef, "sighted object id", MaxStixId),
            FirstSeen = seen,
            ReceivedAt = at,
            Channel = channel,
            ReportedBy = reportedBy,
            SeenWhere = string.IsNullOrWhiteSpace(seenWhere) ? null : TextRules.Required(seenWhere, "where seen", MaxSeenWhere),
            Description = TextRules.Required(description, "description", StaffSighting.MaxDescription, TextShape.Prose),
        };
        PartnerSightingSample? kept = null;
        if (sample is not null)
        {
            var bytes = SightingSample.Checked(sample.Bytes);
            sighting.SampleFileName = ContentLabels.FileName(sample.FileName);
            sighting.SampleMediaType = ContentLabels.MediaType(sample.MediaType);
            sighting.SampleSize = bytes.Length;
            sighting.SampleSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            kept = new PartnerSightingSample(id, bytes);
        }
        sighting.Raw = raw(id);
        return (sighting, kept);
    }

    /// <summary>Keeps the sample's trace with the sighting; once only, before it is stored.</summary>
    public void Traced(SampleTrace trace)
    {
        if (SampleSha256 is null) throw new InvalidOperationException("A sighting without a sample has nothing to trace.");
        if (Trace is not null) throw new InvalidOperationException("The sample of this sighting was traced already.");
        Trace = trace;
    }
}

/// <summary>The bytes of the sample a partner sent with a sighting (UTF-8 text), apart so lists never load them.</summary>
public sealed record PartnerSightingSample(Guid SightingId, byte[] Bytes)
{
    /// <summary>The sample as text, as the tracer reads it.</summary>
    public string Text => new SightingSample(SightingId, Bytes).Text;
}
