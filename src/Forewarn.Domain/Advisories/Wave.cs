using Forewarn.Domain.Common;

namespace Forewarn.Domain.Advisories;

public enum WaveKind
{
    Initial,
    Update,
    Revised,
    /// <summary>Publishes no content: tells recipients that the release moved or the advisory was withdrawn.</summary>
    Notice,
}

/// <summary>One notification round of an advisory: at a time, it publishes some artifacts.</summary>
public sealed class Wave
{
    private Wave() { }

    public WaveId Id { get; private set; }
    public AdvisoryId AdvisoryId { get; private set; }
    public int Number { get; private set; }
    public WaveKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
    public IReadOnlyList<ArtifactId> ArtifactIds { get; private set; } = [];
    public string Note { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Plans a wave; it publishes its artifacts when its time comes.</summary>
    public static Wave Plan(Advisory advisory, IReadOnlyCollection<Wave> existing, IReadOnlyCollection<Artifact> artifacts,
        WaveKind kind, DateTimeOffset at, IEnumerable<ArtifactId> artifactIds, string? note, DateTimeOffset now)
    {
        if (advisory.IsWithdrawnAt(now))
            throw new ConflictException("advisory-withdrawn", $"{advisory.Reference} was withdrawn; no wave can go out.");
        if (advisory.ScheduledAt is null)
            throw new ConflictException("advisory-not-scheduled",
                $"{advisory.Reference} is still a draft; schedule it before planning a wave.");
        var ids = artifactIds.Distinct().ToList();
        if (ids.Count == 0)
            throw new DomainException("empty-wave", "A wave must publish at least one artifact.");
        var unknown = ids.Where(id => !artifacts.Any(a => a.Id == id && a.AdvisoryId == advisory.Id)).ToList();
        if (unknown.Count > 0)
            throw new DomainException("unknown-artifact",
                $"{advisory.Reference} has no artifact with id {string.Join(", ", unknown)}.");
        if (at < now - TimeSpan.FromMinutes(5))
            throw new DomainException("wave-in-past", "A wave cannot be planned in the past.");
        if (kind == WaveKind.Initial && existing.Any(w => w.AdvisoryId == advisory.Id))
            throw new ConflictException("initial-wave-exists", $"{advisory.Reference} already has a wave; use kind 'update' or 'revised'.");
        return new Wave
        {
            Id = WaveId.New(),
            AdvisoryId = advisory.Id,
            Number = existing.Where(w => w.AdvisoryId == advisory.Id).Select(w => w.Number).DefaultIfEmpty(0).Max() + 1,
            Kind = kind,
            At = at.ToUniversalTime(),
            ArtifactIds = ids,
            Note = TextRules.Optional(note, "wave note", 2000),
            CreatedAt = now,
        };
    }

    /// <summary>
    /// A wave that publishes nothing but its note, at once: how partners who were told of an
    /// advisory learn that its release moved or that it was withdrawn.
    /// </summary>
    public static Wave Notice(Advisory advisory, IReadOnlyCollection<Wave> existing, string note, DateTimeOffset now) => new()
    {
        Id = WaveId.New(),
        AdvisoryId = advisory.Id,
        Number = existing.Where(w => w.AdvisoryId == advisory.Id).Select(w => w.Number).DefaultIfEmpty(0).Max() + 1,
        Kind = WaveKind.Notice,
        At = now,
        ArtifactIds = [],
        Note = TextRules.Required(note, "wave note", 2000, TextShape.Prose),
        CreatedAt = now,
    };

    /// <summary>The facts the policy reads about this wave.</summary>
    public WaveFacts Facts => new(AdvisoryId, Number, Kind, At, ArtifactIds);

    /// <summary>A wave as it was when <paramref name="facts"/> were in force (also one since cancelled).</summary>
    public static Wave Restore(WaveId id, WaveFacts facts) => new()
    {
        Id = id,
        AdvisoryId = facts.AdvisoryId,
        Number = facts.Number,
        Kind = facts.Kind,
        At = facts.At,
        ArtifactIds = facts.ArtifactIds,
    };

    /// <summary>
    /// Refuses to cancel a wave whose time has come: what it published may already have been
    /// fetched, so it stays in the record. A wave still to come may be cancelled.
    /// </summary>
    public void EnsureCancellable(DateTimeOffset now)
    {
        if (At <= now)
            throw new ConflictException("wave-already-published",
                $"Wave {Number} went out at {Moments.Show(At)}; a published wave cannot be cancelled. Plan a revised wave instead.");
    }

    public static WaveKind ParseKind(string? text) =>
        Enum.TryParse<WaveKind>(text?.Trim(), true, out var k) && Enum.IsDefined(k)
            && k != WaveKind.Notice
            ? k
            : throw new DomainException("unknown-wave-kind", $"'{text}' is not a wave kind; use initial, update or revised.");
}
