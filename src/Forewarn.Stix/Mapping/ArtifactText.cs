using System.Text;

namespace Forewarn.Stix.Mapping;

/// <summary>
/// Whether an artifact's bytes are text a STIX string may carry: strict UTF-8 with no control
/// characters but tab and line breaks. Anything else is binary and never copied into STIX.
/// </summary>
internal static class ArtifactText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Read(byte[] bytes)
    {
        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')) ? null : text;
    }
}
