using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn advisories schedule-wave</c>: plan a notification round.</summary>
public static class WaveSchedule
{
    public static Command Create(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("advisory", "Advisory reference or id");
        var at = Options.Time("--at", "When the wave goes out", required: true);
        var artifacts = Options.List("--artifact", "Id of an artifact the wave publishes (repeatable)").Ids("an artifact");
        artifacts.Required = true;
        var kind = Options.Choice("--kind", "Kind of wave (default: initial for the first wave, update after)",
            [.. Enum.GetValues<WaveKind>().Select(k => k.ToString().ToLowerInvariant())]);
        var note = Options.Text("--note", "A note to partners about this wave");
        var command = new Command("schedule-wave", "Schedule a notification wave that publishes artifacts to entitled partners")
        {
            reference, at, artifacts, kind, note, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var path = AdvisoriesCommand.Path(parse.GetValue(reference)!);
            var waveKind = parse.GetValue(kind)?.ToLowerInvariant();
            if (waveKind is null)
            {
                // Ask rather than guess: the first wave is the initial one, later ones update it.
                var advisory = await api.GetAsync(path, ct);
                waveKind = advisory.Count("waves") == 0 ? "initial" : "update";
            }
            var body = new JsonObject
            {
                ["kind"] = waveKind,
                ["at"] = Moment.ToWire(parse.GetValue(at)!.Value),
                ["artifactIds"] = Body.Strings(parse.GetValue(artifacts)),
                ["note"] = parse.GetValue(note) ?? "",
            };
            var answer = await api.PostOrProposeAsync($"{path}/waves", body, ct);
            Proposed.Show(context, parse.GetValue(json), answer, w =>
            {
                context.Screen.Line($"Scheduled wave {w.Text("number")} ({w.Text("kind")}) at ", w.Time("at"),
                    $" with {Counted.Of(w.Count("artifactIds"), "artifact", "artifacts")}; id {w.Text("id")}.");
                foreach (var f in w.Items("fingerprints"))
                    context.Screen.Line($"Fingerprint of {f.Text("title")}: {AdvisoriesCommand.FingerprintLine(f)}.");
                AdvisoriesCommand.Warnings(context.Screen, w.Items("warnings").Select(JsonRead.Plain));
            });
            return ExitCodes.Success;
        }));
        return command;
    }
}
