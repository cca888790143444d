using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Forewarn.Csaf.Provider;

/// <summary>
/// Writes the provider's JSON files byte for byte the same everywhere: two-space indent, LF,
/// non-ASCII kept as UTF-8 rather than escaped, a final LF.
/// </summary>
internal static class ProviderJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // These files are served as application/json, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
