using System.CommandLine;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Common;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn exposure ADVISORY --before T</c>: who could have leaked an advisory before T — per
/// partner what was open, when it was told and what it fetched (from the transparency log), in
/// four groups, earliest first.
/// </summary>
public static class ExposureCommand
{
    private static readonly (string Key, string Title)[] Groups =
    [
        ("fetchedPoc", "Fetched the PoC before T"),
        ("fetchedOther", "Fetched other detail before T"),
        ("entitledNotFetched", "Entitled but did not fetch"),
        ("nothing", "Nothing before T"),
    ];

    public static Command Create(CliContext context)
    {
        var json = Options.Json();
        var advisory = Options.Id("advisory", "The advisory (reference or id)");
        var before = Options.Time("--before", "The moment to look back from, e.g. when exploitation was first seen (ISO 8601)", required: true);
        var command = new Command("exposure",
            "Who held what of an advisory before a moment: per partner open classes, notices, fetches from the log and lead times (staff key)")
        {
            advisory, before, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var t = Uri.EscapeDataString(Moment.ToWire(parse.GetValue(before)!.Value));
            var report = await api.GetAsync($"advisories/{ApiClient.Segment(parse.GetValue(advisory)!)}/exposure?before={t}", ct);
            context.Show(parse.GetValue(json), report, r => Human(context.Screen, r));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Human(Screen screen, System.Text.Json.Nodes.JsonNode r)
    {
        var checkpoint = r["checkpoint"];
        screen.Line($"{r.Text("advisory")}: exposure before {r.Time("before")} · log read at checkpoint {(checkpoint is null ? "none (empty log)" : checkpoint.Text("size"))}");
        foreach (var (key, title) in Groups)
        {
            var rows = r["groups"].Items(key).ToList();
            screen.Heading($"{title} ({Counted.Of(rows.Count, "partner", "partners")})");
            if (rows.Count == 0) continue;
            var table = Screen.Table("Partner", "Status", "Open since", "Lead (h)", "Told", "First fetch", "Lead (h)", "Fetched");
            foreach (var row in rows)
            {
                var notices = row.Items("notices").ToList();
                var fetched = row.Items("classes").Where(c => c["firstFetch"] is not null)
                    .Select(c => $"{c.Text("class")} ×{c.Text("fetches")}");
                Screen.Row(table, row.Text("partner"), row.Text("status"), row.Time("firstOpenAt"), row.Text("openLeadHours"),
                    notices.Count == 0 ? "" : $"{JsonRead.FormatTime(notices[0].Text("at"))} ({Counted.Of(notices.Count, "notice", "notices")})",
                    row.Time("firstFetchAt"), row.Text("fetchLeadHours"), string.Join(", ", fetched));
            }
            screen.Write(table);
        }
        var fetches = Groups.Take(2).SelectMany(g => r["groups"].Items(g.Key))
            .SelectMany(row => row.Items("classes").Where(c => c["firstFetch"] is not null).Select(c => (Row: row, Class: c, Fetch: c["firstFetch"]!)))
            .ToList();
        if (fetches.Count == 0) return;
        screen.Heading("First fetch per class (from the log)");
        var detail = Screen.Table("Partner", "Class", "At", "Channel", "From", "Copy SHA-256", "Log index", "Checkpoint");
        foreach (var (row, cls, fetch) in fetches)
            Screen.Row(detail, row.Text("partner"), cls.Text("class"), fetch.Time("at"), fetch.Text("channel"), From(fetch["source"]), fetch.Text("copySha256")[..Math.Min(16, fetch.Text("copySha256").Length)] + "…",
                fetch.Text("logIndex"), fetch["checkpoint"] is { } c ? $"{c.Text("size")} ({JsonRead.FormatTime(c.Text("signedAt"))})" : "");
        screen.Write(detail);
    }

    // The request's address and network as the store kept them (staff only), and its country when the server knows it;
    // blank for fetches from before addresses were kept.
    private static string From(System.Text.Json.Nodes.JsonNode? source) =>
        source is null || source.Text("address").Length == 0 ? ""
            : $"{source.Text("address")} ({source.Text("network")}{(source.Text("country").Length == 0 ? "" : ", " + source.Text("country"))})";
}
