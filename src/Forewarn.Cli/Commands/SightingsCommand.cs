using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Common;
using Forewarn.Domain.Sightings;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn sightings add|list|show</c>: record exploitation learned of elsewhere (with a sample,
/// traced at once against the advisory's fingerprinted artifacts) and read it with the partners'
/// TAXII sightings (staff key).
/// </summary>
public static class SightingsCommand
{
    private static readonly string[] Confidences = ["low", "medium", "high"];
    private static readonly string[] Kinds = ["staff", "partner"];
    private const int MaxLimit = 1000;

    public static Command Create(CliContext context) =>
        new("sightings", "Record sightings of exploitation and read them with the partners' sightings (staff key)")
        {
            Add(context),
            List(context),
            Show(context),
        };

    private static Command Add(CliContext context)
    {
        var json = Options.Json();
        var advisory = Options.Text("--advisory", "The advisory exploited: reference, id, or a CVE id it names", required: true);
        var firstObserved = Options.Time("--first-observed", "When the exploitation was first observed", required: true);
        var source = Options.Text("--source", "Who or what reported it (one line)", required: true);
        var url = Options.Text("--url", "Where the report can be read (http or https)");
        var confidence = Options.Choice("--confidence", "How sure this is exploitation of the advisory's flaw", Confidences, required: true);
        var description = Options.Text("--description", "What was observed", required: true);
        var sample = new Option<FileInfo>("--sample")
        {
            Description = $"A sample found in the wild: UTF-8 text or code, at most {StaffSighting.MaxSampleBytes / 1024} KiB; traced at once",
            HelpName = "file",
        };
        var indicators = new Option<string[]>("--indicator") { Description = "An indicator: hash, address, domain… (repeatable)", HelpName = "value" };
        var command = new Command("add", "Record a sighting of exploitation learned of elsewhere; a sample is traced against the advisory's fingerprinted artifacts")
        {
            advisory, firstObserved, source, url, confidence, description, sample, indicators, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var body = new JsonObject
            {
                ["advisory"] = parse.GetValue(advisory),
                ["firstObservedAt"] = Moment.ToWire(parse.GetValue(firstObserved)!.Value),
                ["source"] = parse.GetValue(source),
                ["confidence"] = parse.GetValue(confidence)!.ToLowerInvariant(),
                ["description"] = parse.GetValue(description),
                ["indicators"] = Body.Strings(parse.GetValue(indicators)),
            }.With("url", parse.GetValue(url));
            if (parse.GetValue(sample) is { } file)
            {
                var bytes = await ReadSampleAsync(file, ct);
                body["sample"] = new JsonObject
                {
                    ["contentBase64"] = Convert.ToBase64String(bytes),
                    ["fileName"] = file.Name,
                    ["mediaType"] = MediaType(file.Extension),
                };
            }
            var sighting = await api.PostAsync("sightings", body, ct);
            context.Show(parse.GetValue(json), sighting, s =>
            {
                context.Screen.Line("Recorded sighting ", s.Text("id"), $" of {s.Text("advisory")}.");
                Render(context.Screen, s);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(CliContext context)
    {
        var json = Options.Json();
        var advisory = Options.Text("--advisory", "Only sightings of this advisory (reference, id or CVE id)");
        var kind = Options.Choice("--kind", "Only staff sightings or only partners' (TAXII)", Kinds);
        var limit = Numbers.Whole("--limit", $"At most this many sightings, newest first (1–{MaxLimit}; default 100)", min: 1, max: MaxLimit);
        var command = new Command("list", "Sightings of both kinds — staff and partner — newest first") { advisory, kind, limit, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var query = new List<string>();
            if (parse.GetValue(advisory) is { Length: > 0 } a) query.Add("advisory=" + ApiClient.Segment(a));
            if (parse.GetValue(kind) is { Length: > 0 } k) query.Add("kind=" + k.ToLowerInvariant());
            if (parse.GetValue(limit) is { } n) query.Add($"limit={n}");
            var list = await api.GetAsync("sightings" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), ct);
            context.Show(parse.GetValue(json), list, l =>
            {
                var items = JsonRead.Items(l).ToList();
                if (items.Count == 0)
                {
                    context.Screen.Line("No sightings.");
                    return;
                }
                var table = Screen.Table("Id", "Kind", "Advisory", "First observed", "Source", "Confidence", "Reported by", "Recorded", "Sample traced to");
                foreach (var s in items)
                    Screen.Row(table, s.Text("id"), s.Text("kind"), s.Text("advisory"), s.Time("firstObservedAt"), s.Text("source"),
                        s.Text("confidence"), s.Text("reportedBy"), s.Time("recordedAt"), Traced(s));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var json = Options.Json();
        var id = Options.Id("id", "The sighting's id (either kind; see 'forewarn sightings list')");
        var command = new Command("show", "Show one sighting, with its sample's trace") { id, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var sighting = await api.GetAsync($"sightings/{ApiClient.Segment(parse.GetValue(id)!)}", ct);
            context.Show(parse.GetValue(json), sighting, s => Render(context.Screen, s));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Render(Screen screen, JsonNode s)
    {
        var stix = s["stix"];
        screen.Write(Screen.Details(
            ("Id", s.Text("id")),
            ("Kind", s.Text("kind")),
            ("Advisory", s.Text("advisory")),
            ("First observed", s.Time("firstObservedAt")),
            ("Last seen", s.Time("lastSeenAt")),
            ("Source", s.Text("source")),
            ("URL", s.Text("sourceUrl")),
            ("Confidence", s.Text("confidence")),
            ("Reported by", s.Text("reportedBy")),
            ("Recorded", s.Time("recordedAt")),
            ("STIX id", stix.Text("stixId")),
            ("Sighting of", stix.Text("sightingOf")),
            ("Count", stix.Text("count")),
            ("Versions", stix.Text("versions")),
            ("Description", s.Text("description"))));
        var indicators = s.Items("indicators").Select(JsonRead.Plain).ToList();
        if (indicators.Count > 0)
        {
            screen.Heading($"Indicators ({indicators.Count})");
            foreach (var i in indicators) screen.Line(i);
        }
        if (s["sample"] is { } sample)
        {
            screen.Heading("Sample");
            screen.Write(Screen.Details(
                ("File", sample.Text("fileName")),
                ("Media type", sample.Text("mediaType")),
                ("Size", Counted.Of(sample.Number("size"), "byte", "bytes")),
                ("SHA-256", sample.Text("sha256"))));
        }
        if (s["trace"] is not { } trace) return;
        screen.Heading("Trace of the sample against the advisory's fingerprinted artifacts");
        var artifacts = trace.Items("artifacts").ToList();
        if (artifacts.Count > 0)
        {
            var table = Screen.Table("Artifact", "Title", "Marked as", "Marks read", "Threshold", "Named");
            foreach (var a in artifacts)
                Screen.Row(table, a.Text("artifactId"), a.Text("title"), a.Text("method"), $"{a.Text("marksRead")} of {a.Text("sites")}",
                    Score(a["threshold"]), string.Join(", ", a.Items("accused").Select(p => $"{p.Text("name")} ({Score(p["score"])})")));
            screen.Write(table);
        }
        screen.Line(trace.Text("verdict"));
    }

    private static string Traced(JsonNode s)
    {
        if (s["trace"] is not { } trace) return "";
        var accused = trace.Items("accused").Select(p => p.Text("name")).ToList();
        return accused.Count > 0 ? string.Join(", ", accused) : "no one";
    }

    private static string Score(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>().ToString("0.0", CultureInfo.InvariantCulture) : "";

    /// <summary>A sample file's bytes, refused here when it cannot be one (missing, empty, over the limit).</summary>
    internal static async Task<byte[]> ReadSampleAsync(FileInfo file, CancellationToken ct)
    {
        if (Directory.Exists(file.FullName)) throw new InputException($"{file.FullName} is a directory, not a file.");
        if (!file.Exists) throw new InputException($"no such file: {file.FullName}");
        if (file.Length == 0) throw new InputException($"{file.FullName} is empty; a sample is the text or code found.");
        if (file.Length > StaffSighting.MaxSampleBytes)
            throw new InputException($"{file.FullName} has {file.Length} bytes; a sample may hold at most {StaffSighting.MaxSampleBytes / 1024} KiB. Keep the part that matters.");
        try
        {
            return await File.ReadAllBytesAsync(file.FullName, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read {file.FullName}: {e.Message}");
        }
    }

    /// <summary>The media type a sample file is sent with, by its extension.</summary>
    internal static string MediaType(string extension) => extension.ToLowerInvariant() switch
    {
        ".py" => "text/x-python; charset=utf-8",
        ".cs" => "text/x-csharp; charset=utf-8",
        ".md" => "text/markdown; charset=utf-8",
        ".json" => "application/json",
        ".html" or ".htm" => "text/html; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };
}
