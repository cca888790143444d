namespace Forewarn.Domain.Partners;

/// <summary>
/// One dated, reasoned step in a partner's membership history. The first step is joining the
/// programme as an applicant: it has no <see cref="From"/>, since there was no status before it.
/// </summary>
public sealed record StatusChange(PartnerStatus? From, PartnerStatus To, DateTimeOffset At, string Reason, string Actor)
{
    /// <summary>
    /// Where the partner stood before; null when this step is joining. A move to the same status is
    /// never a legal step, so one read from a store written before joining had no <c>From</c> is that joining.
    /// </summary>
    public PartnerStatus? From { get; init; } = From == To ? null : From;

    /// <summary>The first step of every partner: the application is recorded and the partner is an applicant.</summary>
    public static StatusChange Joined(DateTimeOffset at, string actor) =>
        new(null, PartnerStatus.Applicant, at, "Application recorded", actor);
}
