using Forewarn.Domain.Common;

namespace Forewarn.Domain.Publishing;

/// <summary>What a notice tells a partner.</summary>
public enum NoticeKind
{
    Released,
    Revised,
    Postponed,
    Withdrawn,
    /// <summary>A wave went out: something new of the advisory is open to the partner.</summary>
    Wave,
    /// <summary>The embargo was broken because exploitation was seen: the advisory is released now.</summary>
    EmbargoBroken,
    /// <summary>A case decided about the partner (or about its appeal): what, and why — never the evidence.</summary>
    Decision,
}

/// <summary>
/// A message to one partner about one advisory: it was released, its public document was
/// revised, its release moved, or it was withdrawn — or a case on it decided about the partner. Written in the same transaction as the
/// change it reports, so no change goes untold and none is told twice.
/// </summary>
public sealed class Notice
{
    private Notice() { }

    public Guid Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public AdvisoryId AdvisoryId { get; private set; }
    public NoticeKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public static Notice To(PartnerId partner, AdvisoryId advisory, NoticeKind kind, string text, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        PartnerId = partner,
        AdvisoryId = advisory,
        Kind = kind,
        Text = text,
        At = at,
    };

    public static string Name(NoticeKind kind) => kind == NoticeKind.EmbargoBroken ? "embargo-broken" : kind.ToString().ToLowerInvariant();
}
