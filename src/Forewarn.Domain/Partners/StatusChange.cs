namespace Forewarn.Domain.Partners;

/// <summary>One dated, reasoned step in a partner's membership history.</summary>
public sealed record StatusChange(PartnerStatus From, PartnerStatus To, DateTimeOffset At, string Reason, string Actor);
