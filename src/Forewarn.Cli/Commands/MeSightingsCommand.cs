using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Sightings;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn me sightings add|list</c>: a partner reports exploitation of an advisory open to it,
/// optionally with a sample (traced by the programme; the trace is the staff's, never shown here),
/// and lists its organisation's sightings from every channel.
/// </summary>
public static class MeSightingsCommand
{
    public static Command Create(CliContext context) =>
        new("sightings", "Report exploitation of an advisory open to you, and list your organisation's sightings (partner key)")
        {
            Add(context), List(context),
        };

    private static Command Add(CliContext context)
    {
        var json = Options.Json();
        var advisory = Options.Text("--advisory", "The advisory exploited: its reference or id, as your inbox lists it", required: true);
        var firstSeen = Options.Time("--first-seen", "When you first saw the exploitation", required: true);
        var seenWhere = Options.Text("--seen-where", "Where: a customer sector, a honeypot, a network (one line)");
        var description = Options.Text("--description", "What you saw", required: true);
        var sample = new Option<FileInfo>("--sample")
        {
            Description = $"What you found: UTF-8 text or code, at most {StaffSighting.MaxSampleBytes / 1024} KiB",
            HelpName = "file",
        };
        var command = new Command("add", "Report a sighting of exploitation, optionally with a sample") { advisory, firstSeen, seenWhere, description, sample, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var body = new JsonObject
            {
                ["advisory"] = parse.GetValue(advisory),
                ["firstSeenAt"] = Moment.ToWire(parse.GetValue(firstSeen)!.Value),
                ["description"] = parse.GetValue(description),
            }.With("seenWhere", parse.GetValue(seenWhere));
            if (parse.GetValue(sample) is { } file)
                body["sample"] = new JsonObject
                {
                    ["contentBase64"] = Convert.ToBase64String(await SightingsCommand.ReadSampleAsync(file, ct)),
                    ["fileName"] = file.Name,
                    ["mediaType"] = SightingsCommand.MediaType(file.Extension),
                };
            var sighting = await api.PostAsync("me/sightings", body, ct);
            context.Show(parse.GetValue(json), sighting, s =>
                context.Screen.Line("Reported sighting ", s.Text("id"), $" of {s.Text("advisory")} ({s.Text("stixId")})."));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(CliContext context)
    {
        var json = Options.Json();
        var command = new Command("list", "Your organisation's sightings — over TAXII, through the API and in the portal — newest first") { json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var list = await api.GetAsync("me/sightings", ct);
            context.Show(parse.GetValue(json), list, l =>
            {
                var items = JsonRead.Items(l).ToList();
                if (items.Count == 0)
                {
                    context.Screen.Line("Your organisation has reported no sighting.");
                    return;
                }
                var table = Screen.Table("Id", "Advisory", "Channel", "First seen", "Where", "Sample", "Recorded");
                foreach (var s in items)
                    Screen.Row(table, s.Text("id"), s.Text("advisory"), s.Text("channel"), s.Time("firstSeenAt"), s.Text("seenWhere"),
                        s["sample"] is { } sample ? sample.Text("fileName") : "", s.Time("recordedAt"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }
}
