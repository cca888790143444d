namespace Forewarn.Domain.Common;

/// <summary>What kind of refusal an error is; the HTTP edge maps each to one status.</summary>
public enum ErrorCategory
{
    /// <summary>The request is malformed or breaks a rule about its own values (400).</summary>
    Invalid,

    /// <summary>Something the request names does not exist, or may not be known to the caller (404).</summary>
    NotFound,

    /// <summary>The request conflicts with the state of the programme: wrong state, duplicate (409).</summary>
    Conflict,

    /// <summary>Well-formed content that cannot be used for what it is for, such as a PoC that cannot carry marks (422).</summary>
    Unprocessable,

    /// <summary>The caller may not do this, or not yet (403).</summary>
    Forbidden,

    /// <summary>A part the operation needs cannot do its work now; nothing was done (503).</summary>
    Unavailable,
}

/// <summary>
/// A rule of the program refused an operation. <see cref="Code"/> is stable and becomes the
/// problem type at the HTTP edge, <see cref="Category"/> its status; <see cref="Exception.Message"/>
/// is a sentence for a person.
/// </summary>
public class DomainException(string code, string message, ErrorCategory category = ErrorCategory.Invalid) : Exception(message)
{
    /// <summary>Stable machine-readable code, e.g. <c>illegal-status-change</c>.</summary>
    public string Code { get; } = code;

    /// <summary>What kind of refusal this is.</summary>
    public ErrorCategory Category { get; } = category;

    /// <summary>Machine-readable particulars of the refusal (for example the failed tests of a document), shown beside the sentence.</summary>
    public virtual IReadOnlyDictionary<string, object?> Particulars { get; } = new Dictionary<string, object?>();
}

/// <summary>Something named in a request does not exist (or may not be known to the caller).</summary>
public sealed class NotFoundException(string what, string id)
    : DomainException("not-found", $"No {what} with id '{id}' exists.", ErrorCategory.NotFound);

/// <summary>The request conflicts with existing data (duplicate name, wrong state).</summary>
public sealed class ConflictException(string code, string message) : DomainException(code, message, ErrorCategory.Conflict);
