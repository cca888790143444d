using Forewarn.Domain.Common;

namespace Forewarn.Server.Problems;

/// <summary>Stable problem <c>type</c> URIs (RFC 9457) and the HTTP status each code maps to.</summary>
public static class ProblemTypes
{
    public const string Prefix = "urn:forewarn:problem:";

    public static string For(string code) => Prefix + code;

    /// <summary>The one mapping from a refusal's category to its HTTP status.</summary>
    public static int StatusOf(ErrorCategory category) => category switch
    {
        ErrorCategory.NotFound => StatusCodes.Status404NotFound,
        ErrorCategory.Conflict => StatusCodes.Status409Conflict,
        ErrorCategory.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorCategory.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCategory.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>A title for a code: "illegal-status-change" reads "Illegal status change".</summary>
    public static string TitleOf(string code)
    {
        var words = code.Replace('-', ' ');
        return words.Length == 0 ? "Error" : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
