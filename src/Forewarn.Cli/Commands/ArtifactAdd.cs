using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json.Nodes;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn advisories add-artifact</c>: attach a piece of content (text or a file) to an advisory.</summary>
public static class ArtifactAdd
{
    private static readonly string[] Tlps = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"];

    public static Command Create(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("advisory", "Advisory reference or id");
        var title = Options.Text("--title", "Title of the artifact", required: true);
        var cls = Options.Choice("--class", "Content class; the policy decides per class", AdvisoriesCommand.ClassNames, required: true);
        var tlp = new Option<string>("--tlp")
        {
            Description = "TLP 2.0 label",
            HelpName = string.Join('|', Tlps),
            Required = true,
            CustomParser = ParseTlp,
        };
        var text = Options.Text("--text", "The content, given inline");
        var file = new Option<FileInfo>("--file") { Description = "Read the content from this file", HelpName = "path" };
        var mediaType = Options.Text("--media-type", "Media type (default: text/plain for --text, guessed from the file name for --file)");
        var command = new Command("add-artifact", "Add an artifact (notice, description, detection, indicators, mitigation or PoC) to an advisory")
        {
            reference, title, cls, tlp, text, file, mediaType, json,
        };
        Options.OneOf(command, required: true, text, file);
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var body = new JsonObject
            {
                ["title"] = parse.GetValue(title),
                ["class"] = parse.GetValue(cls)!.ToLowerInvariant(),
                ["tlp"] = parse.GetValue(tlp),
            };
            if (parse.GetValue(file) is { } path)
            {
                var bytes = await ReadAsync(path, ct);
                body["contentBase64"] = Convert.ToBase64String(bytes);
                body["fileName"] = path.Name;
                body["mediaType"] = parse.GetValue(mediaType) ?? Guess(path.Extension);
            }
            else
            {
                body["text"] = parse.GetValue(text);
                body["mediaType"] = parse.GetValue(mediaType) ?? "text/plain";
            }
            var artifact = await api.PostAsync($"{AdvisoriesCommand.Path(parse.GetValue(reference)!)}/artifacts", body, ct);
            context.Show(parse.GetValue(json), artifact, a =>
            {
                context.Screen.Line("Added artifact ", a.Text("id"), $" ({a.Text("class")}, {a.Text("tlp")}).");
                context.Screen.Write(Screen.Details(
                    ("Id", a.Text("id")),
                    ("Title", a.Text("title")),
                    ("Class", a.Text("class")),
                    ("TLP", a.Text("tlp")),
                    ("Media type", a.Text("mediaType")),
                    ("File name", a.Text("fileName")),
                    ("Size", a.Text("size")),
                    ("SHA-256", a.Text("sha256")),
                    ("Created", a.Time("createdAt")),
                    ("Fingerprint", a["fingerprint"] is { } f ? AdvisoriesCommand.FingerprintLine(f) : a.Text("unmarked"))));
                AdvisoriesCommand.Warnings(context.Screen, [a["fingerprint"].Text("warning")]);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static async Task<byte[]> ReadAsync(FileInfo file, CancellationToken ct)
    {
        if (Directory.Exists(file.FullName)) throw new InputException($"{file.FullName} is a directory, not a file.");
        if (!file.Exists) throw new InputException($"no such file: {file.FullName}");
        try
        {
            return await File.ReadAllBytesAsync(file.FullName, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read {file.FullName}: {e.Message}");
        }
    }

    /// <summary>Accepts "amber+strict" and "TLP:RED" too; sends the label as TLP 2.0 spells it.</summary>
    private static string? ParseTlp(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        var label = token.Trim().ToUpperInvariant();
        if (label.StartsWith("TLP:", StringComparison.Ordinal)) label = label[4..];
        if (Tlps.Contains(label)) return label;
        result.AddError($"'{token}' is not a TLP 2.0 label; use {string.Join(", ", Tlps)}.");
        return null;
    }

    internal static string Guess(string extension) => extension.ToLowerInvariant() switch
    {
        ".txt" or ".yar" or ".yara" or ".rules" or ".snort" or ".sigma" => "text/plain",
        ".md" => "text/markdown",
        ".json" => "application/json",
        ".xml" or ".stix" => "application/xml",
        ".csv" => "text/csv",
        ".html" or ".htm" => "text/html",
        ".pdf" => "application/pdf",
        ".py" => "text/x-python",
        ".ps1" or ".sh" or ".c" or ".cs" or ".js" => "text/plain",
        ".zip" => "application/zip",
        _ => "application/octet-stream",
    };
}
