using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Cases;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn cases …</c>: leak investigations — open, gather evidence, decide, close (staff key).</summary>
public static class CasesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("cases", "Leak investigations: cases, their evidence and decisions on partners (staff key)");
        command.Add(List(context));
        command.Add(Show(context));
        command.Add(Open(context));
        command.Add(CaseEvidenceAdd.Create(context));
        command.Add(CaseDecide.Create(context));
        command.Add(CaseDecide.Appeal(context));
        command.Add(Close(context));
        command.Add(SuspicionCommands.OfCase(context));
        command.Add(TimelineCommands.OfCase(context));
        command.Add(TimelineCommands.Report(context));
        return command;
    }

    public static string Path(string reference) => $"cases/{ApiClient.Segment(reference)}";

    private static Command List(CliContext context)
    {
        var json = Options.Json();
        var advisory = Options.Text("--advisory", "Only the cases of this advisory (id or reference)");
        var state = Options.Choice("--state", "Only open or only closed cases", ["open", "closed"]);
        var command = new Command("list", "List cases, newest first") { advisory, state, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var query = new List<string>();
            if (parse.GetValue(advisory) is { } a) query.Add("advisory=" + Uri.EscapeDataString(a));
            if (parse.GetValue(state) is { } s) query.Add("state=" + s.ToLowerInvariant());
            var cases = await api.GetAsync("cases" + (query.Count == 0 ? "" : "?" + string.Join('&', query)), ct);
            context.Show(parse.GetValue(json), cases, list =>
            {
                var items = JsonRead.Items(list).ToList();
                if (items.Count == 0)
                {
                    context.Screen.Line("No cases.");
                    return;
                }
                var table = Screen.Table("Case", "Advisory", "Title", "State", "Opened", "By");
                foreach (var c in items)
                    Screen.Row(table, c.Text("reference"), c.Text("advisory"), c.Text("title"), c.Text("state"), c.Time("openedAt"), c.Text("openedBy"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("case", "Case reference (CASE-2026-0001) or id");
        var command = new Command("show", "Show a case with its evidence and decisions") { reference, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var shown = await api.GetAsync(Path(parse.GetValue(reference)!), ct);
            context.Show(parse.GetValue(json), shown, c => Render(context.Screen, c));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Open(CliContext context)
    {
        var json = Options.Json();
        var advisory = Options.Id("advisory", "Advisory reference or id");
        var title = Options.Text("--title", "What the case is about", required: true);
        var sightings = Options.List("--sighting", "A sighting the case starts from (its id; repeatable)");
        var command = new Command("open", "Open a case on an advisory") { advisory, title, sightings, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var opened = await api.PostAsync("cases", new JsonObject
            {
                ["advisory"] = parse.GetValue(advisory),
                ["title"] = parse.GetValue(title),
                ["sightings"] = Body.Strings(parse.GetValue(sightings)),
            }, ct);
            context.Show(parse.GetValue(json), opened, c => context.Screen.Line("Opened case ", c.Text("reference"), $" on {c.Text("advisory")}."));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Close(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("case", "Case reference or id");
        var summary = Options.Text("--summary", "What the investigation concluded", required: true);
        var command = new Command("close", "Close a case with its summary (it then takes no more evidence or decisions)") { reference, summary, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var closed = await api.PostAsync($"{Path(parse.GetValue(reference)!)}/close", new JsonObject { ["summary"] = parse.GetValue(summary) }, ct);
            context.Show(parse.GetValue(json), closed, c => context.Screen.Line("Closed case ", c.Text("reference"), "."));
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static void Render(Screen screen, JsonNode c)
    {
        screen.Write(Screen.Details(
            ("Case", c.Text("reference")),
            ("Advisory", c.Text("advisory")),
            ("Title", c.Text("title")),
            ("State", c.Text("state")),
            ("Opened", $"{c.Time("openedAt")} by {c.Text("openedBy")}"),
            ("Sightings", c.Text("sightings") is { Length: > 0 } s ? s : "none"),
            ("Closed", c.Text("closedAt") is { Length: > 0 } ? $"{c.Time("closedAt")} by {c.Text("closedBy")}: {c.Text("summary")}" : "")));

        var evidence = c.Items("evidence").ToList();
        screen.Heading($"Evidence ({evidence.Count})");
        var table = Screen.Table("#", "Kind", "What", "SHA-256", "Added");
        foreach (var e in evidence)
            Screen.Row(table, e.Text("number"), e.Text("kind"), What(e), e.Text("sha256")[..Math.Min(16, e.Text("sha256").Length)] + "…", e.Time("addedAt"));
        screen.Write(table);

        var decisions = c.Items("decisions").ToList();
        if (decisions.Count == 0) return;
        screen.Heading($"Decisions ({decisions.Count})");
        var rows = Screen.Table("#", "Partner", "Decision", "State", "Reason", "Appeal");
        foreach (var d in decisions)
        {
            var state = d.Text("proposal") is { Length: > 0 } p && d.Text("state") == "pending" ? $"pending (proposal {p}: {d.Text("proposalState")})" : d.Text("state");
            var appeal = d["appeal"] is { } a ? (a.Text("outcome") is { Length: > 0 } o ? o : "appealed") : "";
            Screen.Row(rows, d.Text("number"), d.Text("partner"), Decision(d), state, d.Text("reason"), appeal);
        }
        screen.Write(rows);
    }

    private static string What(JsonNode e) => e.Text("kind") switch
    {
        "note" => e.Text("text"),
        "sighting" => e.Text("sightingId"),
        "file" => $"{e.Text("fileName")} ({e.Text("mediaType")}, {e.Text("size")} bytes){Traced(e["trace"])}",
        "trace" => e["trace"].Text("verdict"),
        "exposure" => $"exposure at log size {e["checkpoint"].Text("size")}",
        _ => "",
    };

    private static string Traced(JsonNode? best) => best is null ? "" : $"; traced: {best.Text("verdict")}";

    private static string Decision(JsonNode d) => d.Text("kind") switch
    {
        "restrict" => $"restrict {d.Text("classes")}",
        "move-tier" => $"move to tier {d.Text("tier")}",
        "reinstate" => $"reinstate (lifts {d.Text("lifts")})",
        var k => k,
    };

    /// <summary>The evidence kinds this command adds (an exposure snapshot is the server's to take).</summary>
    internal static readonly string[] EvidenceKinds = [.. Enum.GetValues<EvidenceKind>().Where(k => k != EvidenceKind.Exposure).Select(CaseEvidence.Name)];
}
