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
    /// <summary>The sighting as the partner sent it (STIX JSON).</summary>
    public string Raw { get; private set; } = "";

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
}
