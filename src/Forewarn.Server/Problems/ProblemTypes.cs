using Forewarn.Domain.Common;

namespace Forewarn.Server.Problems;

/// <summary>Stable problem <c>type</c> URIs (RFC 9457) and the HTTP status each code maps to.</summary>
public static class ProblemTypes
{
    public const string Prefix = "urn:forewarn:problem:";

    public static string For(string code) => Prefix + code;

    private static readonly HashSet<string> Conflicts =
    [
        "illegal-status-change", "status-change-in-past", "advisory-withdrawn", "already-released",
        "advisory-not-scheduled", "already-scheduled", "key-revoked", "initial-wave-exists", "duplicate",
        "policy-before-previous", "tier-in-use", "wave-already-published",
    ];

    public static int StatusOf(DomainException e) => e switch
    {
        NotFoundException => StatusCodes.Status404NotFound,
        ConflictException => StatusCodes.Status409Conflict,
        _ when Conflicts.Contains(e.Code) => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>A title for a code: "illegal-status-change" reads "Illegal status change".</summary>
    public static string TitleOf(string code)
    {
        var words = code.Replace('-', ' ');
        return words.Length == 0 ? "Error" : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
