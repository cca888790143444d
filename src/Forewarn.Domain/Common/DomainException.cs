namespace Forewarn.Domain.Common;

/// <summary>
/// A rule of the program refused an operation. <see cref="Code"/> is stable and becomes the
/// problem type at the HTTP edge; <see cref="Exception.Message"/> is a sentence for a person.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    /// <summary>Stable machine-readable code, e.g. <c>illegal-status-change</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>Something named in a request does not exist (or may not be known to the caller).</summary>
public sealed class NotFoundException(string what, string id)
    : DomainException("not-found", $"No {what} with id '{id}' exists.");

/// <summary>The request conflicts with existing data (duplicate name, wrong state).</summary>
public sealed class ConflictException(string code, string message) : DomainException(code, message);
