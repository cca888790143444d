using Forewarn.Domain.Common;

namespace Forewarn.Domain.Sightings;

/// <summary>What became of one object of a submission: its id and version as sent, and why it failed.</summary>
public sealed record SubmissionOutcome(string Id, string Version, string? Message = null);

/// <summary>
/// One request that brought objects to the inbound collection and what became of each (the TAXII
/// status resource). Objects are checked and stored while the request runs, so a submission is
/// complete when it is recorded; it is kept so that its sender can read it again later.
/// </summary>
public sealed class SightingSubmission
{
    private SightingSubmission() { }

    public Guid Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public Guid KeyId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public IReadOnlyList<SubmissionOutcome> Successes { get; private set; } = [];
    public IReadOnlyList<SubmissionOutcome> Failures { get; private set; } = [];

    /// <summary>How many objects the request held.</summary>
    public int TotalCount => Successes.Count + Failures.Count;

    /// <summary>Starts a submission; its id is the status id the sender is given.</summary>
    public static SightingSubmission Start(PartnerId partner, Guid keyId, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partner,
        KeyId = keyId,
        RequestedAt = at,
    };

    /// <summary>Settles the submission: every object of the request is a success or a failure.</summary>
    public void Complete(IEnumerable<SubmissionOutcome> successes, IEnumerable<SubmissionOutcome> failures)
    {
        Successes = [.. successes];
        Failures = [.. failures];
    }
}
