using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Forewarn.Cli.Commands.Log;

/// <summary>Writes a log receipt or proof as indented JSON, the form the offline checks read back.</summary>
public static class ReceiptFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(string path, JsonNode? receipt, CancellationToken ct)
    {
        try
        {
            await File.WriteAllTextAsync(path, (receipt?.ToJsonString(Indented) ?? "null") + "\n", ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write {path}: {e.Message}");
        }
    }
}
