using System.Text;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Sightings;

/// <summary>The bytes of a staff sighting's sample: text or code found in the wild, UTF-8.</summary>
public sealed record SightingSample(Guid SightingId, byte[] Bytes)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The sample as text (a byte order mark dropped).</summary>
    public string Text => Decode(Bytes);

    /// <summary>Refuses a sample that is empty, over the limit, or not UTF-8 text.</summary>
    public static byte[] Checked(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
            throw new DomainException("empty-sample", "The sample is empty; give the text or code found, or leave the sample out.");
        if (bytes.Length > StaffSighting.MaxSampleBytes)
            throw new DomainException("sample-too-large",
                $"The sample has {bytes.Length} bytes; a sample may hold at most {StaffSighting.MaxSampleBytes / 1024} KiB. Keep the part that matters.");
        string text;
        try
        {
            text = Decode(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new DomainException("sample-not-text", "The sample is not UTF-8 text; a sample is text or code (a binary cannot be traced).");
        }
        if (text.Contains('\0', StringComparison.Ordinal))
            throw new DomainException("sample-not-text", "The sample holds NUL characters, so it is not text; a sample is text or code.");
        if (string.IsNullOrWhiteSpace(text))
            throw new DomainException("empty-sample", "The sample holds only white space; give the text or code found, or leave the sample out.");
        return bytes;
    }

    private static string Decode(byte[] bytes)
    {
        var text = Strict.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }
}
