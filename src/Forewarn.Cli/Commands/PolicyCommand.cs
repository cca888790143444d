using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn policy …</c>: the entitlement policy and why it says yes or no.</summary>
public static class PolicyCommand
{
    public static Command Create(CliContext context) =>
        new("policy", "The entitlement policy (staff key)")
        {
            Show(context), Explain(context), PolicyVersions.List(context), PolicyVersions.Publish(context),
        };

    private static Command Show(CliContext context)
    {
        var json = Options.Json();
        var command = new Command("show", "Show the policy in force and its rules") { json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var policy = await api.GetAsync("policy", ct);
            context.Show(parse.GetValue(json), policy, p =>
            {
                context.Screen.Write(Screen.Details(
                    ("Version", p.Text("number")),
                    ("Effective from", p.Time("effectiveFrom")),
                    ("Reason", p.Text("reason"))));
                context.Screen.Heading("Rules");
                var table = Screen.Table("Rule", "Kind", "Title", "Fact", "Classes", "At release only", "Since");
                foreach (var r in p.Items("rules"))
                    Screen.Row(table, r.Text("id"), r.Text("kind"), r.Text("title"), r.Text("fact"), r.Text("classes"),
                        r.Text("atReleaseOnly"), r.Time("since"));
                context.Screen.Write(table);
                Proposed.Pending(context.Screen, p);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Explain(CliContext context)
    {
        var json = Options.Json();
        var partner = Options.Text("--partner", "Partner id", required: true);
        var artifact = Options.Text("--artifact", "Artifact id", required: true);
        var at = Options.Time("--at", "The moment to decide for (default: now)");
        var version = Options.Text("--facts-version", "Re-decide an access entry: only the facts known to the version it names (its facts_version)");
        var command = new Command("explain", "Explain whether a partner may see an artifact, from when, and why — with the facts in force at that moment")
        {
            partner, artifact, at, version, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var query = $"explain?partner={ApiClient.Segment(parse.GetValue(partner)!)}&artifact={ApiClient.Segment(parse.GetValue(artifact)!)}";
            if (parse.GetValue(at) is { } moment) query += $"&at={Uri.EscapeDataString(Moment.ToWire(moment))}";
            if (parse.GetValue(version) is { Length: > 0 } v) query += $"&factsVersion={Uri.EscapeDataString(v)}";
            var entitlement = await api.GetAsync(query, ct);
            context.Show(parse.GetValue(json), entitlement, e => Render(context.Screen, e));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string OpensAt(JsonNode e) => e.Time("opensAt") switch
    {
        { Length: > 0 } t => t,
        _ when e.Flag("allowed") => "already open",
        _ => "not under the current policy",
    };

    private static void Render(Screen screen, JsonNode e)
    {
        var verdict = e.Text("verdict");
        if (verdict.Length == 0) verdict = e.Flag("allowed") ? "allowed" : "denied";
        screen.Write(Screen.Details(
            ("Verdict", verdict),
            ("Allowed", e.Flag("allowed") ? "yes" : "no"),
            ("At", e.Time("at")),
            ("Opens at", OpensAt(e)),
            ("Explanation", e.Text("explanation"))));
        var findings = e.Items("findings").ToList();
        if (findings.Count == 0) return;
        screen.Heading("Findings");
        var table = Screen.Table("Rule", "Effect", "Finding", "From");
        foreach (var f in findings)
            Screen.Row(table, f.Text("rule"), f.Text("effect"), f.Text("sentence"), f.Time("from"));
        screen.Write(table);
    }
}
