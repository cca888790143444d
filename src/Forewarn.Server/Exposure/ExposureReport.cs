namespace Forewarn.Server.Exposure;

/// <summary>
/// Who could have leaked an advisory before a moment: every partner, in one of four groups, each
/// group earliest first. <see cref="Checkpoint"/> is the signed checkpoint the log was read at:
/// every fetch shown is in the tree of that size.
/// </summary>
public sealed record ExposureReport(Guid AdvisoryId, string Advisory, DateTimeOffset Before, DateTimeOffset ComputedAt,
    CheckpointSeen? Checkpoint, IReadOnlyList<string> Classes, ExposureGroups Groups);

/// <summary>
/// The four groups. A partner is in the first that fits: it fetched the PoC by T; it fetched other
/// content of the advisory by T; some class was open to it at T but it fetched nothing; nothing.
/// </summary>
public sealed record ExposureGroups(IReadOnlyList<PartnerExposure> FetchedPoc, IReadOnlyList<PartnerExposure> FetchedOther,
    IReadOnlyList<PartnerExposure> EntitledNotFetched, IReadOnlyList<PartnerExposure> Nothing);

/// <summary>
/// One partner's exposure: its status at T, the notices it was sent by T (in order), the earliest
/// moment something was open to it and it first fetched something, and how long before T each
/// was (hours), then class by class.
/// </summary>
public sealed record PartnerExposure(Guid PartnerId, string Partner, string Status, string Group,
    DateTimeOffset? FirstOpenAt, double? OpenLeadHours, DateTimeOffset? FirstFetchAt, double? FetchLeadHours,
    IReadOnlyList<NoticeSent> Notices, IReadOnlyList<ClassExposure> Classes);

/// <summary>
/// One content class for one partner: the policy's decision at T (open or not, since when, the
/// deciding rules and their sentence — for a class with several artifacts, the one that opened
/// first), how many copies of it the log shows served by T, and the first of them.
/// </summary>
public sealed record ClassExposure(string Class, bool Open, string Verdict, DateTimeOffset? OpensAt, IReadOnlyList<string> Rules,
    string Explanation, int Fetches, FetchSeen? FirstFetch);

/// <summary>
/// A served copy as the log holds it — its index, entry time, channel, artifact and the copy's
/// SHA-256 — the first signed checkpoint whose tree includes it, and where the request came from
/// (kept in the store beside the entry, not in the log; null for entries from before it was kept).
/// </summary>
public sealed record FetchSeen(long LogIndex, DateTimeOffset At, string Channel, Guid ArtifactId, string CopySha256, CheckpointSeen? Checkpoint,
    FetchSource? Source = null);

/// <summary>
/// The address a request came from and its network (IPv4 /24, IPv6 /48); both null when the server
/// could not tell. <c>Country</c>: where the address was delegated, by the registries' statistics
/// files (docs/signals.md); null when those are not configured or hold no range for it.
/// </summary>
public sealed record FetchSource(string? Address, string? Network, string? Country = null);

/// <summary>A signed checkpoint: its tree size and when it was signed.</summary>
public sealed record CheckpointSeen(long Size, DateTimeOffset SignedAt);

/// <summary>A notice sent to the partner about the advisory: what kind (wave, released, …) and when.</summary>
public sealed record NoticeSent(string Kind, DateTimeOffset At);
