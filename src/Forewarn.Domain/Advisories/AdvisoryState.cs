namespace Forewarn.Domain.Advisories;

/// <summary>draft → scheduled → notified → released; withdrawn at any point before or after.</summary>
public enum AdvisoryState
{
    Draft,
    Scheduled,
    Notified,
    Released,
    Withdrawn,
}

public static class AdvisoryStates
{
    public static string Name(this AdvisoryState s) => s.ToString().ToLowerInvariant();
}
