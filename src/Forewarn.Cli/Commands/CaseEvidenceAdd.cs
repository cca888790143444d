using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn cases add-evidence CASE --note … | --sighting … | --file … | --trace … | --exposure-before T</c>: evidence is only ever added.</summary>
public static class CaseEvidenceAdd
{
    public static Command Create(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("case", "Case reference or id");
        var note = Options.Text("--note", "A note, in prose");
        var sighting = Options.Text("--sighting", "A sighting of the case's advisory, by its id");
        var file = new Option<FileInfo>("--file") { Description = "A file to keep (a text file is traced against the advisory's marked artifacts)", HelpName = "path" };
        var trace = new Option<FileInfo>("--trace") { Description = "Trace this leaked text now and keep the result (not the text)", HelpName = "path" };
        var mediaType = Options.Text("--media-type", "Media type of --file (default: guessed from its name)");
        var artifact = Options.Text("--artifact", "For --trace: the artifact the text is a copy of (found automatically when absent)");
        var exposure = Options.Time("--exposure-before", "Freeze the exposure analysis before this moment into the case, with the log checkpoint it was computed at");
        var command = new Command("add-evidence", "Add evidence to a case: a note, a sighting, a file or a trace (evidence is never changed or removed)")
        {
            reference, note, sighting, file, trace, mediaType, artifact, exposure, json,
        };
        Options.OneOf(command, required: true, note, sighting, file, trace, exposure);
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            JsonObject body;
            if (parse.GetValue(note) is { } text) body = new JsonObject { ["kind"] = "note", ["text"] = text };
            else if (parse.GetValue(sighting) is { } id) body = new JsonObject { ["kind"] = "sighting", ["sightingId"] = id };
            else if (parse.GetValue(exposure) is { } before) body = new JsonObject { ["kind"] = "exposure", ["before"] = Moment.ToWire(before) };
            else if (parse.GetValue(file) is { } path)
                body = new JsonObject
                {
                    ["kind"] = "file",
                    ["fileName"] = path.Name,
                    ["mediaType"] = parse.GetValue(mediaType) ?? ArtifactAdd.Guess(path.Extension),
                    ["contentBase64"] = Convert.ToBase64String(await ArtifactAdd.ReadAsync(path, ct)),
                };
            else
            {
                var leaked = await ArtifactAdd.ReadAsync(parse.GetValue(trace)!, ct);
                body = new JsonObject { ["kind"] = "trace", ["leaked"] = System.Text.Encoding.UTF8.GetString(leaked), ["artifactId"] = parse.GetValue(artifact) };
            }
            var added = await api.PostAsync($"{CasesCommand.Path(parse.GetValue(reference)!)}/evidence", body, ct);
            context.Show(parse.GetValue(json), added, e =>
            {
                context.Screen.Line($"Added evidence {e.Text("number")} ({e.Text("kind")}), SHA-256 ", e.Text("sha256"), ".");
                // A traced file keeps the sample trace (one result per fingerprinted artifact); a trace keeps its one result.
                foreach (var t in e["trace"]?["artifacts"] is JsonArray artifacts ? artifacts.OfType<JsonNode>() : e["trace"] is { } one ? [one] : [])
                    context.Screen.Line($"Trace of {(t.Text("title") is { Length: > 0 } title ? title : t.Text("artifactTitle"))} ({t.Text("marksRead")} of {t.Text("sites")} marks read): ", t.Text("verdict"));
            });
            return ExitCodes.Success;
        }));
        return command;
    }
}
