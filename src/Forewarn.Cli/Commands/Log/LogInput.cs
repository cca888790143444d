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

    /// <summary>Verifier keys given as one key's text or as a file holding keys one a line (a log's keys across rotations).</summary>
    public static async Task<IReadOnlyList<NoteKey>> KeysAsync(string keyOrFile, CancellationToken ct)
    {
        if (!File.Exists(keyOrFile)) return [await KeyAsync(keyOrFile, ct)];
        var lines = (await FileAsync(keyOrFile, ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length <= 1) return [await KeyAsync(keyOrFile, ct)];
        var keys = new List<NoteKey>();
        foreach (var (line, n) in lines.Select((l, i) => (l, i + 1)))
        {
            try
            {
                keys.Add(NoteKey.FromVerifierKey(line));
            }
            catch (FormatException e)
            {
                throw new InputException($"line {n} of {keyOrFile} is not a log verifier key (name+keyid+base64): {e.Message}");
            }
        }
        return keys;
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
