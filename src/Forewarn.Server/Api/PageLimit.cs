using Forewarn.Domain.Common;

namespace Forewarn.Server.Api;

/// <summary>
/// One rule for how many rows a list answers: a <c>limit</c> outside its range is refused (400,
/// <c>invalid-limit</c>) rather than quietly clamped, as the command line refuses it — a script that
/// asked for 0 or 5000 rows learns it, instead of reading a different number than it asked for.
/// </summary>
public static class PageLimit
{
    public static int Take(int? limit, int byDefault, int max) => limit switch
    {
        null => byDefault,
        { } n when n >= 1 && n <= max => n,
        { } n => throw new DomainException("invalid-limit", $"\"limit\" is from 1 to {max}; {n} was asked for."),
    };
}
