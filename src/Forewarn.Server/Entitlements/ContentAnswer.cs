using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Microsoft.Net.Http.Headers;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// The headers a partner's copy is sent with, made before its <c>content.served</c> entry is
/// appended: once the log says a copy was served, nothing about the answer may still fail. A value
/// stored before the input rules (a media type with a line break, say) is caught here and the
/// request is recorded as refused instead.
/// </summary>
public sealed record ContentAnswer(string ContentType, string ContentDisposition)
{
    /// <summary>The answer's headers for <paramref name="artifact"/>, or a <see cref="DomainException"/> when its stored labels cannot be sent.</summary>
    public static ContentAnswer Prepare(Artifact artifact)
    {
        if (!MediaTypeHeaderValue.TryParse(artifact.MediaType, out var media) || media.MediaType.Value is not { } type
            || !type.Contains('/') || !Sendable(media.ToString()))
            throw new DomainException("unservable-content", $"its stored media type '{Printable(artifact.MediaType)}' cannot be sent as a Content-Type header");
        // Always an attachment: content is a file to save, never a page for the browser to render.
        var disposition = new ContentDispositionHeaderValue("attachment");
        if (artifact.FileName is { } name)
        {
            if (TextRules.Problem(name, TextShape.Line) is { } problem)
                throw new DomainException("unservable-content", $"its stored file name {problem}");
            disposition.SetHttpFileName(name);
        }
        var dispositionText = disposition.ToString();
        if (!Sendable(dispositionText))
            throw new DomainException("unservable-content", "its stored file name cannot be sent as a Content-Disposition header");
        return new ContentAnswer(media.ToString(), dispositionText);
    }

    // Visible ASCII and spaces only: what every HTTP implementation accepts in a header value.
    private static bool Sendable(string value) => value.All(c => c is >= ' ' and <= '~');

    private static string Printable(string value) => new([.. value.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
}
