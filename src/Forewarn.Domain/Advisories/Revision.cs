namespace Forewarn.Domain.Advisories;

/// <summary>One entry in an advisory's revision history.</summary>
public sealed record Revision(int Number, DateTimeOffset At, string Summary, string Actor);
