using System.Net.Http.Headers;

namespace Forewarn.Domain.Common;

/// <summary>
/// The media type and file name an uploaded piece of content is served with. Both end up in
/// response headers, so they are parsed and reduced here, before anything is stored: a value that
/// is stored can always be sent.
/// </summary>
public static class ContentLabels
{
    public const string DefaultMediaType = "text/plain; charset=utf-8";
    public const int MaxMediaType = 120;
    public const int MaxFileName = 200;

    /// <summary>A media type such as <c>text/x-python</c> or <c>text/plain; charset=utf-8</c>, in its canonical form; absent means UTF-8 text.</summary>
    public static string MediaType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return DefaultMediaType;
        var v = value.Trim();
        if (v.Length > MaxMediaType || TextRules.Problem(v, TextShape.Line) is not null
            || !MediaTypeHeaderValue.TryParse(v, out var parsed) || parsed.MediaType is not { } type
            || type.Count(c => c == '/') != 1 || type.StartsWith('/') || type.EndsWith('/') || type.Contains('*'))
            throw new InvalidFieldException("media type",
                $"The media type '{(v.Length > MaxMediaType ? v[..MaxMediaType] + "…" : v)}' is not one; use a type/subtype such as text/plain, text/x-python or application/zip, optionally with parameters.", "invalid-media-type");
        return parsed.ToString();
    }

    /// <summary>
    /// The file name to offer on download: the last segment of what was sent (either kind of slash
    /// separates), one line of printable text, not a dot name, at most <see cref="MaxFileName"/> characters.
    /// Absent stays absent.
    /// </summary>
    public static string? FileName(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length > MaxFileName * 4)
            throw new InvalidFieldException("file name", $"The file name must be at most {MaxFileName} characters long.");
        var last = value.Trim().Split('/', '\\')[^1].Trim();
        if (last is "" or "." or "..")
            throw new InvalidFieldException("file name", $"'{value.Trim()}' names a folder, not a file; send a plain file name such as poc.py.");
        return TextRules.Required(last, "file name", MaxFileName);
    }
}
