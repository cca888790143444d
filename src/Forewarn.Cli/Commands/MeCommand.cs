using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Commands.Log;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Common;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn me …</c>: the partner's side — what I may see, fetch it, acknowledge it.</summary>
public static class MeCommand
{
    public static Command Create(CliContext context) =>
        new("me", "Partner view: your organisation, your advisories, fetch and acknowledge (partner key)")
        {
            Show(context), Advisories(context), Fetch(context), Acknowledge(context), MeKeysCommand.Create(context), MeSightingsCommand.Create(context),
        };

    private static Command Show(CliContext context)
    {
        var json = Options.Json();
        var command = new Command("show", "Show your organisation as the program sees it") { json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var me = await api.GetAsync("me", ct);
            context.Show(parse.GetValue(json), me, p => PartnersCommand.Render(context.Screen, p));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Advisories(CliContext context)
    {
        var json = Options.Json();
        var command = new Command("advisories", "List advisories shared with you and which artifacts are open, and when the rest open") { json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var advisories = await api.GetAsync("me/advisories", ct);
            context.Show(parse.GetValue(json), advisories, list =>
            {
                var items = JsonRead.Items(list).ToList();
                if (items.Count == 0)
                {
                    context.Screen.Line("Nothing has been shared with you yet.");
                    return;
                }
                foreach (var a in items)
                {
                    var acknowledged = a.Time("acknowledgedAt") is { Length: > 0 } ack ? $", acknowledged {ack}" : "";
                    context.Screen.Heading($"{a.Text("reference")} — {a.Text("title")} ({a.Text("state")}, release {a.Time("releaseAt")}{acknowledged})");
                    var table = Screen.Table("Artifact", "Title", "Class", "TLP", "Open", "Why");
                    foreach (var x in a.Items("artifacts"))
                        Screen.Row(table, x.Text("id"), x.Text("title"), x.Text("class"), x.Text("tlp"),
                            x.Flag("open") ? "yes" : x.Time("opensAt") is { Length: > 0 } t ? $"at {t}" : "no",
                            x.Text("explanation"));
                    context.Screen.Write(table);
                }
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Fetch(CliContext context)
    {
        var artifact = Options.Id("artifact", "Artifact id, or REFERENCE:class for the one open artifact of that class (FW-2025-0708:poc)");
        var output = new Option<FileInfo>("--out") { Description = "Write the content to this file (needed for binary content)", HelpName = "file" };
        var command = new Command("fetch", "Fetch an artifact's content (your copy is fingerprinted; do not share it)") { artifact, output };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var id = await ArtifactSelector.ResolveAsync(api, parse.GetValue(artifact)!, ct);
            var content = await api.GetContentAsync($"me/artifacts/{ApiClient.Segment(id)}/content", ct);
            if (parse.GetValue(output) is { } file)
            {
                await WriteAsync(file, content.Bytes, ct);
                context.Screen.Line($"Saved {Counted.Of(content.Bytes.Length, "byte", "bytes")} to ", file.FullName,
                    $" (sha256 {Convert.ToHexStringLower(SHA256.HashData(content.Bytes))}).");
                await SaveReceiptAsync(context, file, content, ct);
                return ExitCodes.Success;
            }
            if (!TryText(content, out var text))
                throw new InputException($"artifact {id} is binary ({content.MediaType ?? "unknown type"}); use --out FILE to save it"
                    + (content.FileName is { Length: > 0 } name ? $" (the server calls it {name})." : "."));
            context.Out.Write(text);
            if (!text.EndsWith('\n')) context.Out.WriteLine();
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Acknowledge(CliContext context)
    {
        var json = Options.Json();
        var advisory = Options.Id("advisory", "Advisory reference or id");
        var note = Options.Text("--note", "A note to the program, e.g. 'signatures ready'");
        var command = new Command("ack", "Acknowledge that you received an advisory") { advisory, note, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var reference = parse.GetValue(advisory)!;
            var result = await api.PostAsync($"me/advisories/{ApiClient.Segment(reference)}/acknowledge",
                new JsonObject { ["note"] = parse.GetValue(note) ?? "" }, ct);
            context.Show(parse.GetValue(json), result, r =>
                context.Screen.Line($"Acknowledged {reference} at ", r.Time("acknowledgedAt"), "."));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Keeps the download's log receipt beside the content: proof, checkable offline, that the
    /// server logged this download (with stdout as output there is nowhere to put it).
    /// </summary>
    private static async Task SaveReceiptAsync(CliContext context, FileInfo file, ArtifactContent content, CancellationToken ct)
    {
        if (content.Receipt is null) return;
        JsonNode? receipt;
        try
        {
            receipt = JsonNode.Parse(content.Receipt);
        }
        catch (System.Text.Json.JsonException)
        {
            context.Error.WriteLine("warning: the server's log receipt for this download is not JSON; it was not saved.");
            return;
        }
        var path = file.FullName + ".receipt.json";
        await ReceiptFile.WriteAsync(path, receipt, ct);
        context.Screen.Line($"Saved the log receipt (entry {receipt?["index"]}) to ", path,
            "; check it with 'forewarn log verify-receipt FILE --key LOG-KEY'.");
    }

    private static async Task WriteAsync(FileInfo file, byte[] bytes, CancellationToken ct)
    {
        try
        {
            if (file.Directory is { Exists: false } dir)
                throw new InputException($"directory {dir.FullName} does not exist.");
            await File.WriteAllBytesAsync(file.FullName, bytes, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write {file.FullName}: {e.Message}");
        }
    }

    /// <summary>Text goes to stdout as-is; anything that is not valid UTF-8 needs --out.</summary>
    private static bool TryText(ArtifactContent content, out string text)
    {
        text = "";
        var type = content.MediaType ?? "";
        var textual = type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("xml", StringComparison.OrdinalIgnoreCase)
            || type.Length == 0 || type == "application/octet-stream";
        if (!textual || content.Bytes.Contains((byte)0)) return false;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content.Bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
