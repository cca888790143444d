using System.Net;

namespace Forewarn.Cli.Api;

/// <summary>
/// The server refused a request: carries its RFC 9457 problem (title, detail, field errors) so the
/// command line can say why in the server's own words.
/// </summary>
public sealed class ProblemException(
    HttpStatusCode status,
    string title,
    string? detail,
    string? type = null,
    IReadOnlyList<string>? errors = null) : Exception(detail is null ? title : $"{title} — {detail}")
{
    public HttpStatusCode Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public string? Type { get; } = type;

    /// <summary>Per-field validation messages, already formatted as "field: message".</summary>
    public IReadOnlyList<string> Errors { get; } = errors ?? [];
}
