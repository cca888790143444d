using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Transparency.Notes;

namespace Forewarn.Cli.Commands.Log;

/// <summary>Reading what the offline checks are given — keys, checkpoints, proofs, receipts — with a sentence for anything wrong.</summary>
public static class LogInput
{
    /// <summary>A verifier key given as its text (name+keyid+base64) or as a file holding it.</summary>
    public static async Task<NoteKey> KeyAsync(string keyOrFile, CancellationToken ct)
    {
        var text = keyOrFile.Trim();
        var fromFile = File.Exists(keyOrFile);
        if (fromFile) text = (await FileAsync(keyOrFile, ct)).Trim();
        try
        {
            return NoteKey.FromVerifierKey(text);
        }
        catch (FormatException e)
        {
            var what = fromFile ? $"{keyOrFile} does not hold" : $"'{Short(keyOrFile)}' is neither a file nor";
            throw new InputException($"{what} a log verifier key (name+keyid+base64, as 'forewarn log key' prints it): {e.Message}");
        }
    }

    /// <summary>A whole file's text ('-' reads standard input).</summary>
    public static async Task<string> FileAsync(string path, CancellationToken ct)
    {
        try
        {
            return path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InputException(path == "-" ? $"standard input cannot be read: {e.Message}" : $"{path} cannot be read: {e.Message}");
        }
    }

    /// <summary>A signed checkpoint from a file, as the server's /log/v1/checkpoint gives it.</summary>
    public static async Task<string> CheckpointAsync(string path, CancellationToken ct)
    {
        var text = (await FileAsync(path, ct)).Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.EndsWith('\n') ? text : text + "\n";
    }

    public static async Task<JsonNode> JsonAsync(string path, CancellationToken ct)
    {
        var text = await FileAsync(path, ct);
        try
        {
            return JsonNode.Parse(text) ?? throw new InputException($"{Name(path)} holds JSON null, not a proof.");
        }
        catch (JsonException e)
        {
            throw new InputException($"{Name(path)} is not JSON: {e.Message}");
        }
    }

    public static string Name(string path) => path == "-" ? "standard input" : path;

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
