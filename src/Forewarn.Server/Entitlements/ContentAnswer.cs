using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Microsoft.Net.Http.Headers;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// The headers a partner's copy is sent with, made before its <c>content.served</c> entry is
/// appended: once the log says a copy was served, nothing about the answer may still fail. The
/// stored labels pass the same rules as at upload (<see cref="ContentLabels"/>), so a value stored
/// before those rules existed (a media type with a line break, say) is caught here and the request
/// is recorded as refused instead.
/// </summary>
public sealed record ContentAnswer(string ContentType, string ContentDisposition)
{
    /// <summary>The answer's headers for <paramref name="artifact"/>, or a <see cref="DomainException"/> when its stored labels cannot be sent.</summary>
    public static ContentAnswer Prepare(Artifact artifact)
    {
        string media;
        string? name;
        try
        {
            media = ContentLabels.MediaType(artifact.MediaType);
            name = ContentLabels.FileName(artifact.FileName);
        }
        catch (InvalidFieldException e)
        {
            throw new DomainException("unservable-content", $"its stored {e.Field} cannot be sent in a response header");
        }
        // Always an attachment: content is a file to save, never a page for the browser to render.
        var disposition = new ContentDispositionHeaderValue("attachment");
        if (name is not null) disposition.SetHttpFileName(name);
        var dispositionText = disposition.ToString();
        if (!Sendable(media) || !Sendable(dispositionText))
            throw new DomainException("unservable-content", "its stored media type or file name cannot be sent in a response header");
        return new ContentAnswer(media, dispositionText);
    }

    // Visible ASCII and spaces only: what every HTTP implementation accepts in a header value.
    private static bool Sendable(string value) => value.All(c => c is >= ' ' and <= '~');
}
